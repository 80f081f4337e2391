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
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return /\.xls$/i.test(fileName ?? '') ? 'xls' : 'doc';
  if (/^\s*\{\\rtf/.test(head)) return 'rtf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML and ODF are ZIPs; their first entries name them.
    const names = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    if (names.includes('application/vnd.oasis.opendocument.text')) return 'odt';
    if (/\.docx$/i.test(fileName ?? '') && names.includes('[Content_Types].xml')) return 'docx';
    return 'zip';
  }
  if (/^\s*(<!doctype html|<html|<head|<body)/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return 'html';
  return looksLikeText(bytes) ? 'txt' : 'unknown';
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
