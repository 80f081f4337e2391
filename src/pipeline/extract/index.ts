/**
 * The extract stage: detects the format from the bytes and runs its extractor, producing `doc.layout`
 * with pages and lines in reading order (for PDFs, ordered by `segment/reading-order.ts`).
 */
import { DocumentError, type Component } from '../doc.ts';
import { detectKind } from '../detect.ts';
import { finalizeLayout } from '../layout.ts';
import { extractPdf } from './pdf.ts';
import { extractDocx } from './docx.ts';
import { extractOdt } from './odt.ts';
import { extractHtml } from './html.ts';
import { extractRtf } from './rtf.ts';
import { extractWord97 } from './word97.ts';
import { extractXlsx } from './xlsx.ts';
import { extractXls } from './xls.ts';
import { extractText } from './text.ts';
import { extractImage } from './image.ts';

export const extract: Component = {
  name: 'extract',
  stage: 'extract',
  creates: 'layout: pages, lines and words with boxes, font sizes, bold and italic; the text in reading order',
  async run(doc) {
    const kind = detectKind(doc.bytes, doc.options.fileName);
    if (doc.bytes.length === 0) throw new DocumentError('document_conversion_failed', 'The file is empty.');
    let raw;
    switch (kind) {
      case 'pdf':
        raw = await extractPdf(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'docx':
        raw = extractDocx(doc.bytes);
        break;
      case 'odt':
        raw = extractOdt(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'html':
        raw = extractHtml(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'rtf':
        raw = extractRtf(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'doc':
        raw = await extractWord97(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'xlsx':
        raw = extractXlsx(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'xls':
        raw = extractXls(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      case 'txt':
        raw = extractText(doc.bytes);
        break;
      case 'png':
      case 'jpeg':
      case 'tiff':
        raw = await extractImage(doc.bytes, { maxPages: doc.options.maxPages });
        break;
      default:
        throw new DocumentError('unsupported_file_type', `Files of type "${kind}" are not supported yet.`);
    }
    if (raw.sourcePageCount > raw.pages.length) {
      doc.messages.push({ level: 'warning', source: 'extract', code: 'pages_truncated', text: `Only the first ${raw.pages.length} of ${raw.sourcePageCount} pages were read.` });
    }
    doc.layout = finalizeLayout(raw);
    if (!doc.layout.text.trim()) throw new DocumentError('no_text_found', 'The document contains no text.');
  },
};
