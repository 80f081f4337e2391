/**
 * Decompression bombs in PDFs: a 200 KB file whose content stream inflates to 200 MB of nothing takes pdf.js
 * 11 s and 1.3 GB of memory, and a slightly larger one takes the process down. pdf.js has no limit of its own,
 * so before it opens the file every Flate-compressed stream is inflated here against a budget, output
 * discarded; a file over budget fails at once with a clear error.
 *
 * Streams are found by their keywords (`stream` … `endstream`) in the raw bytes: a stream object can never sit
 * inside an object stream, so this sees every one. A stream that does not inflate cleanly (truncated, corrupt)
 * is left to pdf.js, which copes or fails in its own way.
 */
import { constants, inflateSync } from 'node:zlib';
import { DocumentError } from '../doc.ts';

/** One stream may expand to this much: a 300-dpi colour page image is about 25 MB. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** All streams together: a long document of scanned pages stays well under it. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** Throws `document_conversion_failed` when the PDF's compressed streams expand beyond the budget. */
export function checkPdfExpansion(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    if (buf.subarray(Math.max(0, at - 3), at).toString('latin1') === 'end') continue; // "endstream"
    // The stream's dictionary ends just before the keyword; only Flate-compressed streams can be bombs.
    const dict = buf.subarray(Math.max(0, buf.lastIndexOf('<<', at)), at).toString('latin1');
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END, start);
    if (end < 0) break;
    if (!/\/(FlateDecode|Fl)\b/.test(dict)) {
      at = end;
      continue;
    }
    const size = inflatedSize(buf.subarray(start, end));
    if (size > MAX_STREAM_BYTES || (total += size) > MAX_TOTAL_BYTES) {
      throw new DocumentError('document_conversion_failed', 'The PDF expands to too much data when decompressed (a decompression bomb); it was not read.');
    }
    at = end;
  }
}

/** Bytes a Flate stream inflates to, counting past the per-stream limit as "over"; 0 when it does not inflate. */
function inflatedSize(data: Buffer): number {
  try {
    return inflateSync(data, { maxOutputLength: MAX_STREAM_BYTES, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? MAX_STREAM_BYTES + 1 : 0;
  }
}
