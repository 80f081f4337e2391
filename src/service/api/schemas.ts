/**
 * Route schemas: what `/v2/openapi.json` documents. Request parts are described, not enforced here —
 * the handlers validate and answer Affinda's error shapes — and response bodies are documented by
 * reference to Affinda's published models, so Fastify never re-serialises (and trims) a Resume.
 */
const tags = ['resumes'];
const bearer = [{ bearerAuth: [] }];

export const identifierSchema = {
  type: 'object',
  properties: { identifier: { type: 'string', description: 'The document identifier (meta.identifier).' } },
} as const;

const responses = (codes: Record<number, string>) =>
  Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description, type: 'null' }]));

const ERRORS = { 400: 'Validation error: {type, errors: [{attr, code, detail}]}', 401: 'Missing or invalid API key' };

export const createSchema = {
  tags,
  security: bearer,
  summary: 'Upload a résumé (file, url or data)',
  description:
    'multipart/form-data with exactly one of `file`, `url`, `data`, and optionally `identifier`, `customIdentifier`, `fileName`, `wait` (default true), `rejectDuplicates`, `language`, `expiryTime`, `regionBias` (JSON), `lowPriority`. Booleans are true/false in any case.',
  consumes: ['multipart/form-data', 'application/json'],
  response: responses({ 200: 'The parsed Resume {data, meta, error} (wait=true)', 201: 'The accepted Resume, not yet ready (wait=false)', ...ERRORS, 413: 'Upload too large', 429: 'High-priority budget spent (Retry-After)' }),
};

export const listSchema = {
  tags,
  security: bearer,
  summary: 'List résumés, newest first',
  querystring: {
    type: 'object',
    properties: {
      offset: { type: 'string', description: 'Number of documents to skip (default 0).' },
      limit: { type: 'string', description: 'Page size, 1–300 (default 300; more is clamped).' },
      custom_identifier: { type: 'string', description: 'Only documents with this customIdentifier.' },
    },
  },
  response: responses({ 200: '{count, next, previous, results: Meta[]}', ...ERRORS }),
};

export const getSchema = {
  tags,
  security: bearer,
  summary: 'Get one résumé',
  params: identifierSchema,
  querystring: { type: 'object', properties: { format: { type: 'string', description: '"json" (default); "hr-xml" is not available yet.' } } },
  response: responses({ 200: 'Resume {data, meta, error}', ...ERRORS, 404: 'Not found' }),
};

export const patchSchema = {
  tags,
  security: bearer,
  summary: 'Update résumé data',
  description: 'A JSON object of ResumeData fields: top-level keys replace theirs (arrays whole); read-only fields are ignored and recomputed.',
  params: identifierSchema,
  response: responses({ 200: 'The resulting ResumeData', ...ERRORS, 404: 'Not found' }),
};

export const deleteSchema = {
  tags,
  security: bearer,
  summary: 'Delete a résumé',
  params: identifierSchema,
  response: responses({ 204: 'Deleted (empty body)', ...ERRORS, 404: 'Not found' }),
};
