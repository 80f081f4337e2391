// Placeholder replaced by the DOCX extractor (in progress).
import type { Layout } from '../layout.ts';
import { DocumentError } from '../doc.ts';
export function extractDocx(_bytes: Uint8Array): Omit<Layout, 'lines' | 'text'> {
  throw new DocumentError('unsupported_file_type', 'DOCX extraction is not available yet.');
}
