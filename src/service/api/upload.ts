/**
 * Reads the body of `POST /v2/resumes` into a `RawForm`, whatever shape real clients give it:
 *  - multipart (the official clients, curl, browsers): a `file` part with any filename or none and any
 *    content type; text parts that arrive as file parts (the TS client streams `data`) or typed
 *    `application/json` (read back to text); chunked or not, any boundary;
 *  - a JSON object or a URL-encoded form, for url and data uploads without multipart.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ServiceConfig } from '../contract.ts';
import { ApiError, invalid, tooLarge, unsupportedMediaType } from './errors.ts';
import type { RawForm } from './form.ts';

/** Registers the body parsers with Affinda's size limit on the file and on each text field. */
export function registerUploadParsers(app: FastifyInstance, config: ServiceConfig): void {
  // For JSON and URL-encoded uploads, whose body limit (app.ts) is at least 1 MB for PATCH bodies: their fields
  // get the multipart fields' limit, so a `data` upload is refused alike however it is sent.
  app.decorateRequest('uploadFieldLimit', config.maxUploadBytes);
  app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, fieldSize: config.maxUploadBytes, files: 3, fields: 40, parts: 60 },
    throwFileSizeLimit: true,
    // busboy treats a part without a filename as text unless it is application/octet-stream, which would
    // decode a nameless PDF (older clients send Buffers that way) as UTF-8: `file` is always a file.
    isPartAFile: (fieldName, contentType, fileName) => fieldName === 'file' || fileName !== undefined || contentType === 'application/octet-stream',
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Bytes a text field of an upload may hold (`maxUploadBytes`), set where the upload parsers are registered. */
    uploadFieldLimit?: number;
  }
}

export async function readUpload(request: FastifyRequest): Promise<RawForm> {
  const fields = new Map<string, string>();
  let file: RawForm['file'] = null;
  if (request.isMultipart()) {
    try {
      await readParts(request, fields, (f) => (file = f));
    } catch (err) {
      // busboy's errors for a body that breaks off or is not multipart inside carry no code: without this they
      // would be 500s. A client's malformed body is a 400, in Affinda's shape.
      if (err instanceof Error && !(err instanceof ApiError) && MALFORMED_MULTIPART.test(err.message)) {
        throw invalid(null, 'parse_error', `Malformed multipart body: ${err.message}.`);
      }
      throw err;
    }
    return { fields, file };
  }
  return readBody(request, fields);
}

/** busboy's messages for a truncated or malformed multipart body. */
const MALFORMED_MULTIPART = /unexpected end of (form|multipart data)|part terminated early|malformed (part )?header|boundary not found|malformed urlencoded/i;

async function readParts(request: FastifyRequest, fields: Map<string, string>, setFile: (file: NonNullable<RawForm['file']>) => void): Promise<void> {
  let file: RawForm['file'] = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = new Uint8Array(await part.toBuffer());
      if (part.fieldname !== 'file') {
        fields.set(part.fieldname, new TextDecoder().decode(bytes));
        continue;
      }
      if (file) throw invalid('file', 'invalid', 'Only one file may be uploaded.');
      // A browser form with no file chosen sends an empty, nameless part: that is no file.
      if (bytes.length === 0 && !part.filename) continue;
      if (bytes.length === 0) throw invalid('file', 'empty', 'The submitted file is empty.');
      // Browsers and the Azure SDK send "blob" when they know no name: that names nothing.
      file = { bytes, fileName: part.filename && part.filename !== 'blob' ? part.filename : null };
      setFile(file);
    } else {
      if (part.valueTruncated) throw tooLarge(part.fieldname, `The field ${part.fieldname} is larger than the limit.`);
      // A part typed application/json arrives parsed; the form reader wants the text.
      fields.set(part.fieldname, typeof part.value === 'string' ? part.value : JSON.stringify(part.value));
    }
  }
}

function readBody(request: FastifyRequest, fields: Map<string, string>): RawForm {
  const file: RawForm['file'] = null;
  const body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (v === null || v === undefined) continue;
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      if (request.uploadFieldLimit !== undefined && Buffer.byteLength(text) > request.uploadFieldLimit) {
        throw tooLarge(k, `The field ${k} is larger than the limit.`);
      }
      fields.set(k, text);
    }
    return { fields, file };
  }
  throw unsupportedMediaType(String(request.headers['content-type'] ?? ''));
}
