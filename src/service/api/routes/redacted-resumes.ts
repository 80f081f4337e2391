/**
 * `/v2/redacted_resumes`: a résumé uploaded to be redacted, answered as Affinda's `RedactedResume`
 * `{data: {redactedPdf}, meta, error}` (redact/service.ts), and the redacted PDF by its signed link.
 *
 *   POST   /v2/redacted_resumes                     200 (wait=true) | 201 (wait=false)
 *   GET    /v2/redacted_resumes                     200 {count, next, previous, results: Meta[]}
 *   GET    /v2/redacted_resumes/:identifier         200 RedactedResume
 *   DELETE /v2/redacted_resumes/:identifier         204, empty body
 *   GET    /v2/redacted_resumes/:identifier/redacted.pdf?expires=…&token=…   application/pdf, no API key (403 bad link)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DocumentService, ServiceConfig } from '../../contract.ts';
import type { RedactedResumeService, RedactOptions } from '../../redact/service.ts';
import { authenticate } from '../auth.ts';
import { invalid, methodNotAllowed, notFound, permissionDenied } from '../errors.ts';
import { parseBoolean, readForm, type RawForm } from '../form.ts';
import { originOf } from '../origin.ts';
import { readUpload, registerUploadParsers } from '../upload.ts';
import { nowSeconds } from '../../links.ts';
import { MAX_LIMIT } from './resumes.ts';

export interface RedactedResumeRoutesOptions {
  service: DocumentService;
  config: ServiceConfig;
}

/** The form fields that say what to hide, and the option each sets; every one defaults to "true" (Affinda). */
const FLAGS: Array<[string, keyof RedactOptions]> = [
  ['redactHeadshot', 'headshot'],
  ['redactPersonalDetails', 'personalDetails'],
  ['redactWorkDetails', 'workDetails'],
  ['redactEducationDetails', 'educationDetails'],
  ['redactReferees', 'referees'],
  ['redactLocations', 'locations'],
  ['redactDates', 'dates'],
  ['redactGender', 'gender'],
  ['redactPdfMetadata', 'pdfMetadata'],
];

/** The redaction options of a form: Affinda's strings, "true"/"false" in any case. Pure. */
export function readRedactOptions(fields: Map<string, string>): RedactOptions {
  return Object.fromEntries(FLAGS.map(([field, option]) => [option, parseBoolean(field, fields.get(field), true)])) as unknown as RedactOptions;
}

const BAD_LINK = 'The link is not valid, or has expired.';
const tags = ['redacted resumes'];
const security = [{ bearerAuth: [] }];
const json = (description: string, ref: string) => ({ description, content: { 'application/json': { schema: { $ref: `${ref}#` } } } });
const ERRORS = {
  400: json('Validation error; `attr` names the field (or `non_field_errors`)', 'RequestError'),
  401: json('Missing or invalid API key', 'RequestError'),
};
const NOT_FOUND = { 404: json('No such redacted résumé in this workspace (`not_found`)', 'RequestError') };
const identifierParams = { type: 'object', properties: { identifier: { type: 'string', description: 'The document identifier (meta.identifier).' } } } as const;

export async function redactedResumeRoutes(app: FastifyInstance, options: RedactedResumeRoutesOptions): Promise<void> {
  // Two scopes: the API (a key) and the PDF's signed link (no key; the link is the permission).
  app.register(keyedRoutes, options);
  app.register(linkRoutes, options);
}

/** The service's redacted résumés, or 404 from a service that has none (a test's stand-in). */
function redactedOf(service: DocumentService): RedactedResumeService {
  if (!service.redacted) throw notFound();
  return service.redacted;
}

async function keyedRoutes(app: FastifyInstance, { service, config }: RedactedResumeRoutesOptions): Promise<void> {
  app.addHook('onRequest', authenticate(service));
  registerUploadParsers(app, config);

  app.post(
    '/v2/redacted_resumes',
    {
      schema: {
        tags,
        security,
        summary: 'Upload a résumé to redact (file or url)',
        description:
          'Multipart form: `file` or `url`; `identifier`, `customIdentifier`, `fileName`, `wait` (default true), `language`, `expiryTime`; and `redactHeadshot`, `redactPersonalDetails`, `redactWorkDetails`, `redactEducationDetails`, `redactReferees`, `redactLocations`, `redactDates`, `redactGender`, `redactPdfMetadata` ("true"/"false", default "true"). `data.redactedPdf` is a signed link to the redacted PDF that needs no API key.',
        consumes: ['multipart/form-data', 'application/json', 'application/x-www-form-urlencoded'],
        response: {
          200: json('The RedactedResume {data: {redactedPdf}, meta, error} (wait=true)', 'RedactedResume'),
          201: json('The accepted RedactedResume, not ready yet (wait=false)', 'RedactedResume'),
          ...ERRORS,
          413: json('Upload over the size limit (`request_too_large`)', 'RequestError'),
        },
      },
    },
    async (request, reply) => {
      const redacted = redactedOf(service);
      const form = await readUpload(request);
      const { document, wait } = readForm(withLanguageAlias(form), request.workspace, config);
      if (document.data !== undefined) throw invalid('data', 'invalid', 'A redacted résumé needs a file or url, not data.');
      const origin = originOf(request, config);
      const created = await redacted.create({ ...document, redact: readRedactOptions(form.fields) }, origin);
      if (!wait) return reply.code(201).send(created);
      const done = created.meta.ready ? created : await redacted.waitUntilReady(request.workspace, created.meta.identifier, config.waitTimeoutMs, origin);
      return reply.code(200).send(done);
    },
  );

  app.get(
    '/v2/redacted_resumes',
    {
      schema: {
        tags,
        security,
        summary: 'List redacted résumés, newest first',
        querystring: {
          type: 'object',
          properties: {
            offset: { type: 'string', description: 'Number of documents to skip (default 0).' },
            limit: { type: 'string', description: 'Page size, 1–300 (default 300; more is clamped).' },
          },
        },
        response: { 200: json('{count, next, previous, results: Meta[]}', 'GetAllResumesResponse'), ...ERRORS },
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const offset = nonNegative('offset', q.offset, 0);
      const limit = Math.min(MAX_LIMIT, Math.max(1, nonNegative('limit', q.limit, MAX_LIMIT)));
      const { count, results } = await redactedOf(service).list(request.workspace, { offset, limit }, originOf(request, config));
      const page = (o: number): string => pageUrl(request, config, o, limit);
      return { count, next: offset + limit < count ? page(offset + limit) : null, previous: offset > 0 ? page(Math.max(0, offset - limit)) : null, results };
    },
  );

  app.get(
    '/v2/redacted_resumes/:identifier',
    {
      schema: {
        tags,
        security,
        summary: 'Get one redacted résumé',
        params: identifierParams,
        response: { 200: json('The RedactedResume {data: {redactedPdf}, meta, error}', 'RedactedResume'), ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request) => {
      const { identifier } = request.params as { identifier: string };
      return redactedOf(service).get(request.workspace, identifier, originOf(request, config));
    },
  );

  app.delete(
    '/v2/redacted_resumes/:identifier',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a redacted résumé (and its PDF)',
        params: identifierParams,
        response: { 204: { description: 'Deleted (empty body)', type: 'null' }, ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request, reply) => {
      const { identifier } = request.params as { identifier: string };
      await redactedOf(service).delete(request.workspace, identifier);
      return reply.code(204).send();
    },
  );

  // Other methods on these paths are 405, as Django REST Framework answers them.
  for (const [url, allowed] of [
    ['/v2/redacted_resumes', ['GET', 'POST', 'HEAD']],
    ['/v2/redacted_resumes/:identifier', ['GET', 'DELETE', 'HEAD']],
  ] as const) {
    app.route({
      method: (['PUT', 'POST', 'PATCH', 'DELETE'] as const).filter((m) => !(allowed as readonly string[]).includes(m)),
      url,
      schema: url.endsWith(':identifier') ? { hide: true, params: identifierParams } : { hide: true },
      handler: async (request) => {
        throw methodNotAllowed(request.method);
      },
    });
  }
}

async function linkRoutes(app: FastifyInstance, { service }: RedactedResumeRoutesOptions): Promise<void> {
  app.get(
    '/v2/redacted_resumes/:identifier/redacted.pdf',
    {
      schema: {
        tags,
        summary: 'The redacted PDF, by the signed link in data.redactedPdf',
        description: 'No API key: the link is the permission, for one redacted résumé, until `expires`. A wrong, tampered or expired link answers 403.',
        params: identifierParams,
        querystring: {
          type: 'object',
          properties: {
            expires: { type: 'string', description: 'When the link stops working, in Unix seconds.' },
            token: { type: 'string', description: 'The link’s signature.' },
          },
        },
      },
    },
    async (request, reply) => {
      const { identifier } = request.params as { identifier: string };
      const { expires, token } = request.query as { expires?: string; token?: string };
      // A link with its parameters missing or malformed is a bad link, as a tampered one is.
      if (!expires || !/^\d{1,15}$/.test(expires) || !token) throw permissionDenied(BAD_LINK);
      const pdf = await redactedOf(service).pdf({ identifier, expires: Number(expires), token });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${identifier}-redacted.pdf"`)
        // The link is a credential: the browser may keep the file while the link works, shared caches never.
        .header('cache-control', `private, max-age=${Math.max(0, Number(expires) - nowSeconds())}`)
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );
}

/** Affinda's v1 spelling of `language` (`resumeLanguage`) is taken too. */
function withLanguageAlias(form: RawForm): RawForm {
  const alias = form.fields.get('resumeLanguage');
  if (alias !== undefined && !form.fields.has('language')) form.fields.set('language', alias);
  return form;
}

function nonNegative(attr: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (/^-\d+$/.test(raw)) throw invalid(attr, 'min_value', 'Ensure this value is greater than or equal to 0.');
  if (!/^\d+$/.test(raw)) throw invalid(attr, 'invalid', 'A valid integer is required.');
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw invalid(attr, 'max_value', `Ensure this value is less than or equal to ${Number.MAX_SAFE_INTEGER}.`);
  return n;
}

/** Absolute URL of another page of the list (DRF omits offset 0). */
function pageUrl(request: FastifyRequest, config: ServiceConfig, offset: number, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (offset) query.set('offset', String(offset));
  return `${originOf(request, config)}/v2/redacted_resumes?${query}`;
}
