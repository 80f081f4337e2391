/**
 * `/v2/index`: search indices of the caller's workspace and the résumés in them, as Affinda answers.
 *
 *   GET    /v2/index                                  200 {count, next, previous, results: [{name, documentType}]}
 *   POST   /v2/index                                  201 {name, documentType}   (JSON, multipart or URL-encoded form)
 *   PATCH  /v2/index/:name                            200 {name, documentType}   (renames)
 *   DELETE /v2/index/:name                            204
 *   GET    /v2/index/:name/documents                  200 {count, next, previous, results: [{document}]}
 *   POST   /v2/index/:name/documents                  201 {document}
 *   DELETE /v2/index/:name/documents/:identifier      204
 *
 * Documents join indices by hand, as in Affinda's paid plans (only its free trial indexes every upload).
 * Vitae parses no job descriptions, so `documentType` is `resumes`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DocumentService, ServiceConfig } from '../../contract.ts';
import { authenticate } from '../auth.ts';
import { ApiError, invalid } from '../errors.ts';
import type { SearchService } from '../../search/service.ts';
import { originOf } from '../origin.ts';
import { readUpload, registerUploadParsers } from '../upload.ts';
import { MAX_LIMIT } from './resumes.ts';

const tags = ['search & match'];
const security = [{ bearerAuth: [] }];
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: 'RequestError#' } } } });
const ERRORS = { 400: error('Validation error; `attr` names the field'), 401: error('Missing or invalid API key') };
const NOT_FOUND = { 404: error('No such index (or document in it) in this workspace') };
const INDEX = { type: 'object', properties: { name: { type: 'string' }, documentType: { type: 'string', enum: ['resumes'] } } };
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const page = (item: object) => ({
  type: 'object',
  properties: { count: { type: 'integer' }, next: { type: ['string', 'null'] }, previous: { type: ['string', 'null'] }, results: { type: 'array', items: item } },
});
const paging = {
  offset: { type: 'string', description: 'Number of items to skip (default 0).' },
  limit: { type: 'string', description: 'Page size, 1–300 (default 300; more is clamped).' },
};
const nameParams = { type: 'object', properties: { name: { type: 'string', description: 'Index name' } } };

export async function indexRoutes(app: FastifyInstance, { service, config }: { service: DocumentService; config: ServiceConfig }): Promise<void> {
  app.addHook('onRequest', authenticate(service));
  // The official 4.x client sends createIndex as a multipart form; others send JSON.
  registerUploadParsers(app, config);

  app.get(
    '/v2/index',
    {
      schema: {
        tags,
        security,
        summary: 'List the search indices of the workspace',
        querystring: {
          type: 'object',
          properties: { ...paging, document_type: { type: 'string', description: '`resumes` or `job_descriptions`.' }, name: { type: 'string', description: 'Only the index of this name.' } },
        },
        response: { 200: ok('{count, next, previous, results: Index[]}', page(INDEX)), ...ERRORS },
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const { offset, limit } = paging_(q);
      const documentType = q.document_type || undefined;
      if (documentType !== undefined && documentType !== 'resumes' && documentType !== 'job_descriptions') {
        throw invalid('document_type', 'invalid_choice', `"${documentType}" is not a valid choice (resumes, job_descriptions).`);
      }
      const { count, results } = await searchOf(service).listIndices(request.workspace, { offset, limit, documentType, name: q.name || undefined });
      return { count, ...links(request, config, '/v2/index', offset, limit, count, { document_type: documentType, name: q.name || undefined }), results };
    },
  );

  app.post(
    '/v2/index',
    {
      schema: {
        tags,
        security,
        summary: 'Create a search index',
        description: 'Body `{name, documentType}` as JSON, a multipart or a URL-encoded form; `documentType` is `resumes` (the default).',
        consumes: ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'],
        response: { 201: ok('The index', INDEX), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { fields } = await readUpload(request);
      const name = fields.get('name');
      if (name === undefined || name === '') throw invalid('name', name === undefined ? 'required' : 'blank', name === undefined ? 'This field is required.' : 'This field may not be blank.');
      const documentType = fields.get('documentType') ?? fields.get('docType') ?? 'resumes';
      if (documentType === 'job_descriptions') throw invalid('documentType', 'invalid_choice', 'Vitae parses résumés only: "job_descriptions" indices are not available.');
      if (documentType !== 'resumes') throw invalid('documentType', 'invalid_choice', `"${documentType}" is not a valid choice (resumes).`);
      return reply.code(201).send(await searchOf(service).createIndex(request.workspace, name));
    },
  );

  app.patch(
    '/v2/index/:name',
    {
      schema: { tags, security, summary: 'Rename a search index', description: 'Body `{name}`: the new name.', params: nameParams, response: { 200: ok('The index', INDEX), ...ERRORS, ...NOT_FOUND } },
    },
    async (request) => {
      const { name } = request.params as { name: string };
      const { fields } = await readUpload(request);
      const newName = fields.get('name');
      if (!newName) throw invalid('name', newName === undefined ? 'required' : 'blank', newName === undefined ? 'This field is required.' : 'This field may not be blank.');
      return searchOf(service).renameIndex(request.workspace, name, newName);
    },
  );

  app.delete('/v2/index/:name', { schema: { tags, security, summary: 'Delete a search index', params: nameParams, response: { 204: { description: 'Deleted' }, ...ERRORS, ...NOT_FOUND } } }, async (request, reply) => {
    const { name } = request.params as { name: string };
    await searchOf(service).deleteIndex(request.workspace, name);
    return reply.code(204).send();
  });

  app.get(
    '/v2/index/:name/documents',
    {
      schema: {
        tags,
        security,
        summary: 'List the documents of a search index',
        params: nameParams,
        querystring: { type: 'object', properties: paging },
        response: { 200: ok('{count, next, previous, results: [{document}]}', page({ type: 'object', properties: { document: { type: 'string' } } })), ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request) => {
      const { name } = request.params as { name: string };
      const { offset, limit } = paging_(request.query as Record<string, string | undefined>);
      const { count, results } = await searchOf(service).listIndexDocuments(request.workspace, name, { offset, limit });
      return { count, ...links(request, config, `/v2/index/${encodeURIComponent(name)}/documents`, offset, limit, count, {}), results };
    },
  );

  app.post(
    '/v2/index/:name/documents',
    {
      schema: {
        tags,
        security,
        summary: 'Add a parsed résumé to a search index',
        description: 'Body `{document}`: a document identifier of this workspace. A document still being parsed joins now and becomes searchable once parsed.',
        params: nameParams,
        response: { 201: ok('{document}', { type: 'object', properties: { document: { type: 'string' } } }), ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request, reply) => {
      const { name } = request.params as { name: string };
      const { fields } = await readUpload(request);
      const document = fields.get('document');
      if (!document) throw invalid('document', document === undefined ? 'required' : 'blank', document === undefined ? 'This field is required.' : 'This field may not be blank.');
      return reply.code(201).send(await searchOf(service).addIndexDocument(request.workspace, name, document));
    },
  );

  app.delete(
    '/v2/index/:name/documents/:identifier',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a document from a search index',
        params: { type: 'object', properties: { name: { type: 'string' }, identifier: { type: 'string' } } },
        response: { 204: { description: 'Removed' }, ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request, reply) => {
      const { name, identifier } = request.params as { name: string; identifier: string };
      await searchOf(service).removeIndexDocument(request.workspace, name, identifier);
      return reply.code(204).send();
    },
  );
}

/** Offset and limit as the résumé list reads them: limit clamped to 300 (the clients ask for 300 unasked). */
function paging_(q: Record<string, string | undefined>): { offset: number; limit: number } {
  const offset = integer('offset', q.offset, 0);
  return { offset, limit: Math.min(MAX_LIMIT, Math.max(1, integer('limit', q.limit, MAX_LIMIT))) };
}

export function integer(attr: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (/^-\d+$/.test(raw)) throw invalid(attr, 'min_value', 'Ensure this value is greater than or equal to 0.');
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw invalid(attr, 'invalid', 'A valid integer is required.');
  return Number(raw);
}

/** DRF's absolute `next`/`previous` links, keeping the filters (offset 0 left out). */
export function links(
  request: FastifyRequest,
  config: ServiceConfig,
  path: string,
  offset: number,
  limit: number,
  count: number,
  filters: Record<string, string | undefined>,
): { next: string | null; previous: string | null } {
  const url = (o: number): string => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (o) query.set('offset', String(o));
    for (const [k, v] of Object.entries(filters)) if (v !== undefined) query.set(k, v);
    return `${originOf(request, config)}${path}?${query}`;
  };
  return { next: offset + limit < count ? url(offset + limit) : null, previous: offset > 0 ? url(Math.max(0, offset - limit)) : null };
}

/** The search service behind the index and search routes; a stand-in service without one answers 501. */
export function searchOf(service: DocumentService): SearchService {
  if (!service.search) throw new ApiError(501, 'server_error', [{ attr: null, code: 'not_implemented', detail: 'Search is not available on this server.' }]);
  return service.search;
}
