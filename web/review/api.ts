/** The review page's calls to its JSON endpoints (src/service/api/routes/review.ts), under the link's own path. */
import type { Resume, ResumeData } from './types.ts';

export interface FieldError {
  attr: string | null;
  code: string;
  detail: string;
}

/** A request the server refused, with Affinda's error items (`attr` is the field's path for validation errors). */
export class RequestFailed extends Error {
  constructor(readonly status: number, readonly errors: FieldError[]) {
    super(errors.map((e) => e.detail).join(' ') || `HTTP ${status}`);
  }
}

/** `/review/<segment>`: the page's own path, whatever origin or prefix it is served under. */
const base = location.pathname.replace(/\/+$/, '');

async function call(method: string, path: string, body?: unknown): Promise<Resume> {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new RequestFailed(response.status, (answer as { errors?: FieldError[] }).errors ?? []);
  return answer as Resume;
}

export const load = (): Promise<Resume> => call('GET', '/data');
export const save = (fields: Partial<ResumeData>): Promise<Resume> => call('PUT', '/data', fields);
export const verify = (): Promise<Resume> => call('POST', '/verify');
