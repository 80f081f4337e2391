/**
 * Request errors in Affinda's shape (drf-standardized-errors):
 *   {"type": "validation_error"|"client_error"|"server_error", "errors": [{"attr", "code", "detail"}]}
 * Every error the API answers is an `ApiError`; `toApiError` maps everything else onto one.
 */
import { ServiceError } from '../contract.ts';

export type ErrorType = 'validation_error' | 'client_error' | 'server_error';

export interface ErrorItem {
  attr: string | null;
  code: string;
  detail: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly errors: ErrorItem[];
  /** Seconds, for 429. */
  readonly retryAfter: number | null;
  constructor(status: number, type: ErrorType, errors: ErrorItem[], retryAfter: number | null = null) {
    super(errors.map((e) => e.detail).join('; '));
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  get body(): { type: ErrorType; errors: ErrorItem[] } {
    return { type: this.type, errors: this.errors };
  }
}

/** 400: a field of the request is wrong (`attr` null or "non_field_errors" for the request as a whole). */
export const invalid = (attr: string | null, code: string, detail: string): ApiError => new ApiError(400, 'validation_error', [{ attr, code, detail }]);

export const notAuthenticated = (): ApiError =>
  new ApiError(401, 'client_error', [{ attr: null, code: 'not_authenticated', detail: 'Authentication credentials were not provided.' }]);
export const authenticationFailed = (): ApiError =>
  new ApiError(401, 'client_error', [{ attr: null, code: 'authentication_failed', detail: 'Invalid API key.' }]);
export const permissionDenied = (detail: string): ApiError => new ApiError(403, 'client_error', [{ attr: null, code: 'permission_denied', detail }]);
export const notFound = (detail = 'Not found.'): ApiError => new ApiError(404, 'client_error', [{ attr: null, code: 'not_found', detail }]);
export const methodNotAllowed = (method: string): ApiError =>
  new ApiError(405, 'client_error', [{ attr: null, code: 'method_not_allowed', detail: `Method "${method}" not allowed.` }]);
export const tooLarge = (attr: string | null, detail: string): ApiError => new ApiError(413, 'client_error', [{ attr, code: 'request_too_large', detail }]);
export const unsupportedMediaType = (type: string): ApiError =>
  new ApiError(415, 'client_error', [{ attr: null, code: 'unsupported_media_type', detail: `Unsupported media type "${type}" in request.` }]);
export const throttled = (seconds: number, detail: string): ApiError =>
  new ApiError(429, 'client_error', [{ attr: null, code: 'throttled', detail }], seconds);
export const serverError = (): ApiError => new ApiError(500, 'server_error', [{ attr: null, code: 'error', detail: 'A server error occurred.' }]);
/** The database is unreachable for now (a restart, a failover): the request may be sent again shortly. */
export const unavailable = (): ApiError =>
  new ApiError(503, 'server_error', [{ attr: null, code: 'service_unavailable', detail: 'The database is unavailable; retry shortly.' }], 2);

/**
 * Errors that mean the database connection is gone or refused, not that the request was wrong: node-postgres's
 * socket errors and PostgreSQL's "shutting down / starting up / not accepting connections" classes (57P, 08, 55000
 * for a database closed to connections), and SQLite's busy lock past its timeout.
 */
function isDatabaseUnavailable(e: { code?: string; message?: string }): boolean {
  const code = e.code ?? '';
  if (/^(57P0[1-3]|08\d\d\d|55000|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|SQLITE_BUSY)$/.test(code)) return true;
  return /^Connection terminated|^Client has encountered a connection error|timeout exceeded when trying to connect/.test(e.message ?? '');
}

/** Fastify and plugin error codes that are the client's doing, with the status and code to answer. */
const FRAMEWORK: Record<string, (err: Error) => ApiError> = {
  FST_REQ_FILE_TOO_LARGE: () => tooLarge('file', 'The uploaded file is larger than the limit.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => tooLarge(null, 'The request body is larger than the limit.'),
  FST_PARTS_LIMIT: () => tooLarge(null, 'Too many parts in the request.'),
  FST_FIELDS_LIMIT: () => tooLarge(null, 'Too many fields in the request.'),
  FST_FILES_LIMIT: () => invalid('file', 'invalid', 'Only one file may be uploaded.'),
  FST_PROTO_VIOLATION: () => invalid(null, 'invalid', 'Field names may not be prototype properties.'),
  FST_INVALID_JSON_FIELD_ERROR: () => invalid(null, 'parse_error', 'A form field typed application/json is not valid JSON.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (err) => unsupportedMediaType(/"([^"]*)"/.exec(err.message)?.[1] ?? ''),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => invalid(null, 'parse_error', 'Content-Length does not match the body.'),
  FST_MP_PREMATURE_CLOSE: () => invalid(null, 'parse_error', 'The request ended before the form was complete.'),
};

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ServiceError) {
    switch (err.code) {
      case 'not_found':
        return notFound();
      case 'forbidden':
        return permissionDenied(err.message);
      case 'identifier_taken':
        return invalid(err.attr ?? 'identifier', 'unique', err.message);
      case 'queue_full':
        return throttled(err.retryAfter ?? 60, err.message);
      case 'too_large':
        return tooLarge(err.attr ?? 'file', err.message);
      case 'invalid':
        return invalid(err.attr ?? 'non_field_errors', 'invalid', err.message);
    }
  }
  const e = err as Error & { code?: string; statusCode?: number; validation?: { instancePath?: string; params?: Record<string, unknown>; message?: string }[] };
  if (e?.code && FRAMEWORK[e.code]) return FRAMEWORK[e.code]!(e);
  if (e?.validation) {
    // Fastify schema validation: one item per failing field.
    return new ApiError(
      400,
      'validation_error',
      e.validation.map((v) => ({
        attr: (v.instancePath?.replace(/^\//, '') || (v.params?.missingProperty as string | undefined)) ?? null,
        code: v.params?.missingProperty ? 'required' : 'invalid',
        detail: v.message ?? 'Invalid value.',
      })),
    );
  }
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new ApiError(e.statusCode, 'client_error', [{ attr: null, code: 'invalid', detail: e.message }]);
  if (e && isDatabaseUnavailable(e)) return unavailable();
  return serverError();
}
