// Placeholder replaced by the PDF extractor (in progress).
import type { Layout } from '../layout.ts';
import { DocumentError } from '../doc.ts';
export async function extractPdf(_bytes: Uint8Array, _opts: { maxPages: number }): Promise<Omit<Layout, 'lines' | 'text'>> {
  throw new DocumentError('unsupported_file_type', 'PDF extraction is not available yet.');
}
