/**
 * The HTTP API: Fastify with Affinda's v2 résumé routes, authentication by API key, Affinda's error
 * shapes, OpenAPI and a docs page, health and readiness. It only speaks HTTP: every decision about
 * documents is the `DocumentService`'s.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { DocumentService, ServiceConfig } from '../contract.ts';
import { authenticationFailed, invalid, notAuthenticated, notFound, toApiError } from './errors.ts';
import { resumeRoutes } from './routes/resumes.ts';
import { operationRoutes } from './routes/operations.ts';

export interface AppOptions {
  /** Fastify's logger option: false in tests, a pino configuration for `vitae serve`. */
  logger?: FastifyServerOptions['logger'];
}

/** Paths that need no API key. */
const PUBLIC = [/^\/healthz$/, /^\/readyz$/, /^\/docs\/?$/, /^\/v2\/openapi\.json$/];

export async function buildApp(service: DocumentService, config: ServiceConfig, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    ignoreTrailingSlash: true,
    // Honour a caller's request id, echo it, and make one up otherwise.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Uploads are bounded by the multipart limits below; JSON bodies (PATCH, JSON uploads) by this.
    bodyLimit: Math.max(config.maxUploadBytes * 2, 1024 * 1024),
  });

  // Responses are always whole: route schemas document, they never trim what a handler returns.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // An empty JSON body (a GET or DELETE that still sends the header) is no body, not an error.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (!String(body).trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(invalid(null, 'parse_error', 'Malformed JSON.'), undefined);
    }
  });

  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 40, fieldSize: config.maxUploadBytes, parts: 60 },
    throwFileSizeLimit: true,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Vitae résumé parser (Affinda v2 compatible)', version: '2.0.0' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const path = request.url.split('?')[0]!;
    if (PUBLIC.some((re) => re.test(path)) || !path.startsWith('/v2/')) return;
    const header = request.headers.authorization;
    if (!header) throw notAuthenticated();
    const key = /^(Bearer|Token|Api-Key)\s+(\S+)$/i.exec(header)?.[2];
    const workspace = key ? await service.authenticate(key) : null;
    if (!workspace) throw authenticationFailed();
    request.workspace = workspace;
  });

  app.setErrorHandler(async (err, request, reply) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) request.log.error({ err }, 'request failed');
    if (apiError.retryAfter != null) reply.header('Retry-After', String(apiError.retryAfter));
    return reply.code(apiError.status).type('application/json').send(apiError.body);
  });
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type('application/json').send(notFound().body));

  await app.register(resumeRoutes, { service, config });
  await app.register(operationRoutes, { service });
  return app;
}

