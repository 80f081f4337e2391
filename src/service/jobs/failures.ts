/** The errorCodes the service itself gives documents (the pipeline has its own: DocumentErrorCode). */
import type { AttemptFailure } from './queue.ts';

export type DocumentFailureCode = 'processing_failed' | 'processing_timeout' | 'url_download_failed' | 'duplicate_document';

/** The code for a document whose attempts are used up, by how the last one ended. */
export function failureCode(last: AttemptFailure | null): DocumentFailureCode {
  return last === 'timeout' ? 'processing_timeout' : 'processing_failed';
}
