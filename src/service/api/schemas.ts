/**
 * Route schemas: what `/v2/openapi.json` documents. Path and query parameters are strings checked by the
 * handlers (Affinda's codes, e.g. `limit` clamped rather than refused); response bodies refer to
 * Affinda's models (openapi.ts); request bodies are documentation only (see `REQUEST_BODIES`).
 */
const tags = ['resumes'];
const security = [{ bearerAuth: [] }];

export const identifierParams = {
  type: 'object',
  properties: { identifier: { type: 'string', description: 'The document identifier (meta.identifier).' } },
} as const;

const json = (description: string, ref: string) => ({ description, content: { 'application/json': { schema: { $ref: `${ref}#` } } } });
const error = (description: string) => json(description, 'RequestError');
const ERRORS = {
  400: error('Validation error; `attr` names the field (or `non_field_errors`)'),
  401: error('Missing (`not_authenticated`) or invalid (`authentication_failed`) API key'),
};
const NOT_FOUND = { 404: error('No such document in this workspace (`not_found`)') };

export const createSchema = {
  tags,
  security,
  summary: 'Upload a résumé (file, url or data)',
  description:
    'Exactly one of `file`, `url`, `data`. `wait` (default true) answers 200 with the parsed Resume (`ready: false` if parsing outlasts the server’s wait limit: poll GET); `wait=false` answers 201 at once. Booleans are `true`/`false` in any case.',
  consumes: ['multipart/form-data', 'application/json', 'application/x-www-form-urlencoded'],
  response: {
    200: json('The Resume {data, meta, error} (wait=true)', 'Resume'),
    201: json('The accepted Resume, not ready yet (wait=false)', 'Resume'),
    ...ERRORS,
    413: error('Upload over the size limit (`request_too_large`)'),
    415: error('Not a multipart, JSON or URL-encoded form (`unsupported_media_type`)'),
    429: error('High-priority budget spent and `lowPriority=false` (`throttled`, with Retry-After)'),
  },
};

export const listSchema = {
  tags,
  security,
  summary: 'List résumés, newest first',
  querystring: {
    type: 'object',
    properties: {
      offset: { type: 'string', description: 'Number of documents to skip (default 0).' },
      limit: { type: 'string', description: 'Page size, 1–300 (default 300; more is clamped).' },
      custom_identifier: { type: 'string', description: 'Only documents with this customIdentifier.' },
    },
  },
  response: { 200: json('{count, next, previous, results: Meta[]}', 'GetAllResumesResponse'), ...ERRORS },
};

export const getSchema = {
  tags,
  security,
  summary: 'Get one résumé',
  params: identifierParams,
  querystring: {
    type: 'object',
    properties: { format: { type: 'string', description: '`json` (default): the Resume; `hr-xml`: an HR-XML 2.5 Candidate (application/xml); `json-resume`: a JSON Resume document. A document without data answers its Resume whatever the format.' } },
  },
  response: {
    200: {
      description: 'The Resume {data, meta, error}; or HR-XML / JSON Resume when asked',
      content: {
        'application/json': { schema: { $ref: 'Resume#' } },
        'application/xml': { schema: { type: 'string' } },
      },
    },
    ...ERRORS,
    ...NOT_FOUND,
  },
};

export const patchSchema = {
  tags,
  security,
  summary: 'Update résumé data',
  description: 'Top-level ResumeData keys replace theirs (arrays whole); read-only fields are ignored and recomputed.',
  params: identifierParams,
  response: { 200: json('The resulting ResumeData', 'ResumeData'), ...ERRORS, ...NOT_FOUND },
};

export const deleteSchema = {
  tags,
  security,
  summary: 'Delete a résumé',
  params: identifierParams,
  response: { 204: { description: 'Deleted (empty body)', type: 'null' }, ...ERRORS, ...NOT_FOUND },
};

/**
 * Request bodies, added to the OpenAPI document only (openapi.ts): as route schemas Fastify would validate
 * them — against the empty `request.body` of a multipart upload, and stripping unknown ResumeData keys.
 */
export const REQUEST_BODIES: Record<string, unknown> = {
  'POST /v2/resumes': { $ref: 'CreateResumeMultipartForm#' },
  'PATCH /v2/resumes/:identifier': { $ref: 'ResumeData#' },
};

export const pageImageSchema = {
  tags,
  summary: 'A page image (PNG), by the signed link in meta.pages[].image',
  description:
    'No API key: the link is the permission, for one page of one document, until `expires`. A wrong, tampered or expired link answers 403; a page without an image 404.',
  params: {
    type: 'object',
    properties: {
      identifier: { type: 'string', description: 'The document identifier (meta.identifier).' },
      page: { type: 'string', description: 'The page index (meta.pages[].pageIndex), from 0.' },
    },
  },
  querystring: {
    type: 'object',
    properties: {
      expires: { type: 'string', description: 'When the link stops working, in Unix seconds.' },
      token: { type: 'string', description: 'The link’s signature.' },
    },
  },
  response: {
    200: { description: 'The page as PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } },
    403: error('The link is wrong, tampered with or expired, or the document is gone (`permission_denied`)'),
    404: error('No such page image (`not_found`)'),
  },
};
