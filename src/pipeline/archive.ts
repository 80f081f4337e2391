/**
 * The résumés inside a ZIP upload, for the service (one child document each) and `vitae parse archive.zip`.
 * The central directory is read here rather than by fflate's unzip, to see what unzip hides (encryption flags,
 * ZIP64 markers) and to refuse a hostile archive before inflating anything: more than MAX_ENTRIES entries, a
 * name that climbs out of the archive, or declared sizes over the caps fail the whole archive. Entries are
 * inflated one at a time, on demand, and never past their declared size, so memory stays at one entry.
 *
 * Skipped without failing: folders, hidden entries (a segment starting with "."), `__MACOSX/` resource forks,
 * and entries whose type is not recognised from their bytes — nested ZIPs included (no recursion).
 */
import { Inflate } from 'fflate';
import { detectKind } from './detect.ts';
import { DocumentError } from './doc.ts';

export const ARCHIVE_LIMITS = {
  /** Entries in the central directory, folders and skipped files included. */
  maxEntries: 100,
  /** Declared inflated size of one entry: Affinda's upload limit. */
  maxEntryBytes: 20 * 1024 * 1024,
  /** Declared inflated size of all entries together. */
  maxTotalBytes: 100 * 1024 * 1024,
};
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

export interface ArchiveEntry {
  name: string;
  /** The entry's bytes: inflated now, at most its declared size. */
  read(): Uint8Array;
}

/** A compressed stream is fed in chunks this size, so one push inflates at most ~1 MB (deflate's 1032:1). */
const CHUNK = 1024;

/**
 * The archive's file entries that are not hidden, in directory order; throws DocumentError
 * (`document_conversion_failed`, or `password_protected` for an encrypted entry) for an archive it will not open.
 */
export function archiveEntries(bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveEntry[] {
  const fail = (detail: string) => new DocumentError('document_conversion_failed', `ZIP archive: ${detail}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) throw fail('no central directory (damaged or not a ZIP).');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw fail('ZIP64 archives are not supported.');
  if (count > limits.maxEntries) throw fail(`${count} entries; at most ${limits.maxEntries} are read.`);
  const entries: ArchiveEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw fail('damaged central directory.');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const segments = name.split(/[/\\]/);
    if (/^([/\\]|[A-Za-z]:)/.test(name) || segments.includes('..')) throw fail(`unsafe entry name "${name}".`);
    if (name.endsWith('/') || segments[0] === '__MACOSX' || segments.some((s) => s.startsWith('.'))) continue;
    if (flags & 1) throw new DocumentError('password_protected', `ZIP archive: entry "${name}" is encrypted.`);
    if (method !== 0 && method !== 8) throw fail(`entry "${name}" uses compression method ${method}; only stored and deflated entries are read.`);
    total += size;
    if (size > limits.maxEntryBytes) throw fail(`entry "${name}" declares ${size} bytes; at most ${limits.maxEntryBytes} are read per entry.`);
    if (total > limits.maxTotalBytes) throw fail(`the entries declare more than ${limits.maxTotalBytes} bytes in all.`);
    entries.push({ name, read: () => inflateEntry(bytes, view, local, method, compressed, size, fail) });
  }
  return entries;
}

/** The résumés among the entries: those whose type is recognised from their bytes, other than nested archives. */
export function isResumeEntry(name: string, bytes: Uint8Array): boolean {
  const kind = detectKind(bytes, name);
  return kind !== 'unknown' && kind !== 'zip';
}

/** The end-of-central-directory record, searched from the end (a trailing comment may follow it); -1 if none. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

function inflateEntry(bytes: Uint8Array, view: DataView, local: number, method: number, compressed: number, size: number, fail: (d: string) => DocumentError): Uint8Array {
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw fail('damaged local header.');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressed > bytes.length) throw fail('an entry runs past the end of the file.');
  const data = bytes.subarray(start, start + compressed);
  if (method === 0) return data.slice(0, size);
  const out = new Uint8Array(size);
  let length = 0;
  const inflate = new Inflate((chunk) => {
    // The directory lied about the size: stop at once rather than inflate a bomb.
    if (length + chunk.length > size) throw fail('an entry inflates past its declared size.');
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (err) {
    throw err instanceof DocumentError ? err : fail('an entry could not be inflated.');
  }
  return out.subarray(0, length);
}
