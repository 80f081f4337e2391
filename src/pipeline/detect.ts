/**
 * File type detection from the bytes (never from the name alone: uploads arrive as "blob" or with none).
 * The name only breaks ties between formats that share a container (a ZIP that is not OOXML, say).
 */
export type FileKind = 'pdf' | 'docx' | 'txt' | 'zip' | 'doc' | 'rtf' | 'odt' | 'html' | 'png' | 'jpeg' | 'tiff' | 'xlsx' | 'xls' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);

export function detectKind(bytes: Uint8Array, fileName?: string): FileKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundKind(bytes, fileName);
  if (/^\s*\{\\rtf/.test(head)) return 'rtf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes, fileName);
  if (looksLikeHtml(bytes)) return 'html';
  return looksLikeText(bytes) ? 'txt' : 'unknown';
}

/**
 * An OLE compound file: Word 97–2003 or an Excel 97–2003 workbook, told apart by the main stream its directory
 * names — `WordDocument`, or `Workbook` (`Book` for Excel 5/95). A directory entry is 128 bytes on a 128-byte
 * boundary: the name in UTF-16LE, its length in bytes (with the terminating NUL) at offset 64, and type 2
 * (stream) at 66. Matching the whole entry, not the name anywhere, keeps a Word document that mentions
 * "Workbook" in its text a Word document. When both are present (a workbook embedded in a document, or the
 * other way round), the one listed first is the file's own: applications write their main stream first and
 * embedded objects' storages after. Unknown compound files are passed to the Word reader, which says what it
 * finds; the name breaks the tie only when no entry is in the bytes given (a caller may pass just the head).
 */
function compoundKind(bytes: Uint8Array, fileName?: string): FileKind {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const entryAt = (name: string): number => {
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    for (let at = buf.indexOf(encoded); at >= 0; at = buf.indexOf(encoded, at + 2)) {
      if (at % 128 === 0 && at + 67 <= buf.length && buf.readUInt16LE(at + 64) === encoded.length && buf[at + 66] === 2) return at;
    }
    return -1;
  };
  const word = entryAt('WordDocument');
  const excel = [entryAt('Workbook'), entryAt('Book')].filter((at) => at >= 0).sort((a, b) => a - b)[0] ?? -1;
  if (excel >= 0 && (word < 0 || excel < word)) return 'xls';
  if (word >= 0) return 'doc';
  return /\.xls$/i.test(fileName ?? '') ? 'xls' : 'doc';
}

/**
 * OOXML and ODF are ZIPs, told apart by their entries: ODF's `mimetype` entry holds its media type, and OOXML
 * keeps its parts under `word/` or `xl/`. Names come from local file headers and, when the bytes reach it, the
 * central directory (a caller may pass only the first 64 KiB).
 */
function zipKind(bytes: Uint8Array, fileName?: string): FileKind {
  const entries = zipEntries(bytes);
  const mimetype = entries.find((e) => e.name === 'mimetype' && e.stored && e.data >= 0);
  if (mimetype && latin1(bytes, mimetype.data, 64).startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
  if (entries.some((e) => e.name.startsWith('word/'))) return 'docx';
  if (entries.some((e) => e.name.startsWith('xl/'))) return 'xlsx';
  if (/\.docx$/i.test(fileName ?? '') && entries.some((e) => e.name === '[Content_Types].xml')) return 'docx';
  return 'zip';
}

interface ZipEntry {
  name: string;
  /** Stored without compression (local headers only). */
  stored: boolean;
  /** Offset of the entry's data (local headers), else -1. */
  data: number;
}

const MAX_ZIP_ENTRIES = 4096;

function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const u16 = (at: number): number => buf.readUInt16LE(at);
  const entries: ZipEntry[] = [];
  for (const [signature, nameAt] of [[0x04034b50, 30], [0x02014b50, 46]] as const) {
    const sig = Buffer.alloc(4);
    sig.writeUInt32LE(signature);
    for (let at = buf.indexOf(sig); at >= 0 && at + nameAt <= buf.length && entries.length < MAX_ZIP_ENTRIES; at = buf.indexOf(sig, at + 4)) {
      const nameLength = u16(at + (signature === 0x04034b50 ? 26 : 28));
      const local = signature === 0x04034b50;
      entries.push({
        name: latin1(bytes, at + nameAt, nameLength),
        stored: local && u16(at + 8) === 0,
        data: local ? at + nameAt + nameLength + u16(at + 28) : -1,
      });
    }
  }
  return entries;
}

const latin1 = (bytes: Uint8Array, at: number, length: number): string => new TextDecoder('latin1').decode(bytes.subarray(at, at + length));

/**
 * HTML, with or without a doctype: after a byte-order mark, white space, an XML declaration (XHTML) and
 * comments, the first tag is an HTML one.
 */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const encoding = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'latin1';
  let head = new TextDecoder(encoding).decode(bytes.subarray(0, 2048)).replace(/^(\uFEFF|ï»¿)/, '');
  for (;;) {
    head = head.trimStart();
    const end = head.startsWith('<?') ? head.indexOf('?>') : head.startsWith('<!--') ? head.indexOf('-->') : -1;
    if (end < 0) break;
    head = head.slice(end + (head.startsWith('<?') ? 2 : 3));
  }
  return /^<(!doctype\s+html|html|head|body|meta|title|link|style|div|p|pre|table|h[1-6]|ul|ol|dl|section|article|header|main|span|font|center|b|strong|br)\b/i.test(head);
}

/** Text if it decodes as UTF-8 (or UTF-16 with a BOM) with almost no control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 8192);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    // A cut in the middle of a multi-byte character at the end of the sample is fine; anything else is binary.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - 3));
    } catch {
      text = new TextDecoder('latin1').decode(sample);
    }
  }
  let control = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  return control / Math.max(1, text.length) < 0.01;
}
