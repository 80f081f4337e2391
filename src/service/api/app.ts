/**
 * The HTTP API: Fastify with Affinda's v2 résumé routes, authentication by API key, Affinda's error
 * shapes, OpenAPI and a docs page, health and readiness. It only speaks HTTP: every decision about
 * documents is the `DocumentService`'s.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { DocumentService, ServiceConfig } from '../contract.ts';
import { ApiError, invalid, notFound, toApiError } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSecurity, serializeRequest } from './security.ts';
import { resumeRoutes } from './routes/resumes.ts';
import { operationRoutes } from './routes/operations.ts';
import { pageImageRoutes } from './routes/page-images.ts';
import { documentPdfRoutes } from './routes/document-pdf.ts';
import { reviewRoutes } from './routes/review.ts';
import { occupationGroupRoutes } from './routes/occupation-groups.ts';
import { redactedResumeRoutes } from './routes/redacted-resumes.ts';
import { indexRoutes } from './routes/indices.ts';
import { searchRoutes } from './routes/search.ts';

export interface AppOptions {
  /** Structured request logs (pino); none when absent (tests). Secrets are redacted whatever the level. */
  logger?: { level: string; stream?: DestinationStream };
}

/**
 * Headers that carry credentials: never logged, wherever a serializer or plugin puts the headers (at trace level
 * @fastify/multipart logs `busboyOptions.headers`, Authorization included).
 */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', '"x-api-key"'];
const REDACT = ['headers', '*.headers', '*.*.headers'].flatMap((at) => CREDENTIAL_HEADERS.map((name) => (name.startsWith('"') ? `${at}[${name}]` : `${at}.${name}`)));

/** A caller's request id is echoed and logged, so only a short, plain token is taken as one. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

export function buildApp(service: DocumentService, config: ServiceConfig, opts: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    // The request serializer leaves signed links' tokens out of the logs (security.ts).
    logger: opts.logger
      ? { level: opts.logger.level, stream: opts.logger.stream, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { req: serializeRequest } }
      : false,
    routerOptions: { ignoreTrailingSlash: true },
    // The id is chosen here rather than by `requestIdHeader`, which would take any header value as is.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Answered in Affinda's shape by the drain hook below instead of Fastify's own 503 body.
    return503OnClosing: false,
    // Uploads are bounded by the multipart limits (routes/resumes.ts); JSON and form bodies by this.
    bodyLimit: Math.max(config.maxUploadBytes, 1024 * 1024),
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

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Graceful shutdown: once `close()` starts, requests already running finish, but their keep-alive
  // connections are closed after the answer (else `close()` waits out the 72 s keep-alive timeout), and
  // requests that still arrive on such connections get a 503 the clients retry elsewhere.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onRequest', async () => {
    if (draining) throw new ApiError(503, 'server_error', [{ attr: null, code: 'service_unavailable', detail: 'The server is shutting down.' }], 5);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });

  app.setErrorHandler(async (err, request, reply) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500 && apiError.status !== 503) request.log.error({ err }, 'request failed');
    if (apiError.retryAfter != null) reply.header('Retry-After', String(apiError.retryAfter));
    return reply.code(apiError.status).type('application/json').send(apiError.body);
  });
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type('application/json').send(notFound().body));

  // Headers, rate limit and the route list apply to routes registered after this: keep it before them.
  registerSecurity(app, config);
  registerOpenApi(app);
  app.register(resumeRoutes, { service, config });
  app.register(pageImageRoutes, { service });
  app.register(documentPdfRoutes, { service });
  app.register(reviewRoutes, { service, config });
  app.register(occupationGroupRoutes, { service });
  app.register(redactedResumeRoutes, { service, config });
  app.register(indexRoutes, { service, config });
  app.register(searchRoutes, { service, config });
  app.register(operationRoutes, { service });
  return app;
}
