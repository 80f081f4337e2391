/**
 * `/v2/resumes`: upload, list, get, update, delete — with Affinda's status codes and bodies.
 *
 *   POST   /v2/resumes                 200 (wait=true, the Resume) | 201 (wait=false, queued)
 *   GET    /v2/resumes                 200 {count, next, previous, results: Meta[]}
 *   GET    /v2/resumes/:identifier     200 Resume (?format=hr-xml: HR-XML; ?format=json-resume: JSON Resume)
 *   PATCH  /v2/resumes/:identifier     200 ResumeData
 *   DELETE /v2/resumes/:identifier     204, empty body
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DocumentService, ServiceConfig } from '../../contract.ts';
import type { ResumeData } from '../../../affinda/types.ts';
import { authenticate } from '../auth.ts';
import { invalid, methodNotAllowed } from '../errors.ts';
import { readForm } from '../form.ts';
import { originOf } from '../origin.ts';
import { readUpload, registerUploadParsers } from '../upload.ts';
import { toHrXml } from '../../../export/hr-xml.ts';
import { toJsonResume } from '../../../export/json-resume.ts';
import { listSchema, identifierParams, createSchema, patchSchema, getSchema, deleteSchema } from '../schemas.ts';

/** `json` is Affinda's Resume; `hr-xml` Affinda's other format; `json-resume` Vitae's addition (jsonresume.org). */
const FORMATS = ['json', 'hr-xml', 'json-resume'];

/** Affinda's page size: clients ask for 300 when they give none; more is clamped, never refused. */
export const MAX_LIMIT = 300;

export interface ResumeRoutesOptions {
  service: DocumentService;
  config: ServiceConfig;
}

export async function resumeRoutes(app: FastifyInstance, { service, config }: ResumeRoutesOptions): Promise<void> {
  app.addHook('onRequest', authenticate(service));
  registerUploadParsers(app, config);

  app.post('/v2/resumes', { schema: createSchema }, async (request, reply) => {
    const { document, wait } = readForm(await readUpload(request), request.workspace, config);
    const origin = originOf(request, config);
    const created = await service.create(document, origin);
    // Never 202: the official clients throw on it.
    if (!wait) return reply.code(201).send(created);
    // Past the wait limit the answer is still 200, with `ready: false`: the caller polls GET.
    const done = created.meta.ready ? created : await service.waitUntilReady(request.workspace, created.meta.identifier, config.waitTimeoutMs, origin);
    return reply.code(200).send(done);
  });

  app.get('/v2/resumes', { schema: listSchema }, async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const offset = nonNegative('offset', q.offset, 0);
    // Clients send limit=300 unasked, the final Affinda spec caps at 100: clamp, never refuse.
    const limit = Math.min(MAX_LIMIT, Math.max(1, nonNegative('limit', q.limit, MAX_LIMIT)));
    const customIdentifier = q.custom_identifier || undefined;
    const { count, results } = await service.list(request.workspace, { offset, limit, customIdentifier }, originOf(request, config));
    const page = (o: number): string => pageUrl(request, config, { offset: o, limit, custom_identifier: customIdentifier });
    return {
      count,
      next: offset + limit < count ? page(offset + limit) : null,
      previous: offset > 0 ? page(Math.max(0, offset - limit)) : null,
      results,
    };
  });

  app.get('/v2/resumes/:identifier', { schema: getSchema }, async (request, reply) => {
    const { identifier } = request.params as { identifier: string };
    const { format = 'json' } = request.query as { format?: string };
    if (!FORMATS.includes(format)) throw invalid('format', 'invalid_choice', `"${format}" is not a valid choice (${FORMATS.join(', ')}).`);
    const resume = await service.get(request.workspace, identifier, originOf(request, config));
    // A document not parsed (yet) has no data to convert: its Resume says why, whatever was asked.
    if (format === 'json' || !resume.data) return resume;
    if (format === 'hr-xml') return reply.type('application/xml; charset=utf-8').send(toHrXml(resume.data));
    return toJsonResume(resume.data);
  });

  app.patch('/v2/resumes/:identifier', { schema: patchSchema }, async (request) => {
    const { identifier } = request.params as { identifier: string };
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('non_field_errors', 'invalid', 'Send a JSON object of ResumeData fields.');
    return service.update(request.workspace, identifier, body as Partial<ResumeData>);
  });

  app.delete('/v2/resumes/:identifier', { schema: deleteSchema }, async (request, reply) => {
    const { identifier } = request.params as { identifier: string };
    await service.delete(request.workspace, identifier);
    return reply.code(204).send();
  });

  // Other methods on these paths are 405, as Django REST Framework answers them.
  for (const url of ['/v2/resumes', '/v2/resumes/:identifier']) {
    const allowed = url.endsWith(':identifier') ? ['GET', 'PATCH', 'DELETE', 'HEAD'] : ['GET', 'POST', 'HEAD'];
    app.route({
      method: ['PUT', 'POST', 'PATCH', 'DELETE'].filter((m) => !allowed.includes(m)) as ('PUT' | 'POST' | 'PATCH' | 'DELETE')[],
      url,
      schema: url.endsWith(':identifier') ? { hide: true, params: identifierParams } : { hide: true },
      handler: async (request) => {
        throw methodNotAllowed(request.method);
      },
    });
  }
}

function nonNegative(attr: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (/^-\d+$/.test(raw)) throw invalid(attr, 'min_value', 'Ensure this value is greater than or equal to 0.');
  if (!/^\d+$/.test(raw)) throw invalid(attr, 'invalid', 'A valid integer is required.');
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw invalid(attr, 'max_value', `Ensure this value is less than or equal to ${Number.MAX_SAFE_INTEGER}.`);
  return n;
}

/** Absolute URL of another page of the list, keeping the filters (DRF omits offset 0). */
function pageUrl(request: FastifyRequest, config: ServiceConfig, params: Record<string, string | number | undefined>): string {
  const base = originOf(request, config);
  const query = new URLSearchParams({ limit: String(params.limit) });
  if (params.offset) query.set('offset', String(params.offset));
  if (params.custom_identifier) query.set('custom_identifier', String(params.custom_identifier));
  return `${base}/v2/resumes?${query}`;
}
