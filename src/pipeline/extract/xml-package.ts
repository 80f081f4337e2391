/**
 * XML parts packed in a ZIP (DOCX, XLSX, ODT): only the XML parts are inflated, within a size limit, and OPC
 * packages' relationships (`_rels/*.rels`) are resolved to part names.
 */
import { unzipSync } from 'fflate';
import { DocumentError } from '../doc.ts';
import { XmlCursor } from './ooxml.ts';

/** Refuse packages whose XML parts declare more than this when inflated: a résumé's are well under 1 MB. */
const MAX_XML_BYTES = 50 * 1024 * 1024;

/** Inflated XML parts by lower-cased name. */
export type Parts = Map<string, Uint8Array>;

/**
 * Unzips only the XML parts (media are never inflated), or only those `only` accepts. Their sizes are checked
 * as declared in the ZIP directory, before inflating: fflate inflates into a buffer of the declared size, so
 * a part that lies about its size is cut short rather than allowed to grow.
 */
export function openXmlPackage(bytes: Uint8Array, fail: () => DocumentError, only?: (name: string) => boolean): Parts {
  let files;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (!/\.(xml|rels)$/i.test(file.name) || (only && !only(file.name))) return false;
        declared += file.originalSize;
        if (declared > MAX_XML_BYTES) throw fail();
        return true;
      },
    });
  } catch (err) {
    throw err instanceof DocumentError ? err : fail();
  }
  // OPC part names are case-insensitive.
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(files)) parts.set(name.toLowerCase(), data);
  return parts;
}

const PICTURE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp' };

/** The MIME type of a picture part by its extension; null for drawings (EMF, WMF, SVG), which are never photos. */
export const pictureType = (name: string): string | null => PICTURE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? null;

/**
 * One media part of a package (a picture), inflated on its own, or null when it is missing, damaged or declared
 * larger than `maxBytes`: pictures are read only when one may be the candidate's photo.
 */
export function readMediaPart(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name.toLowerCase() === name.toLowerCase() && file.originalSize <= maxBytes });
    return Object.values(files)[0] ?? null;
  } catch {
    return null;
  }
}

/** A part's text: UTF-8, or UTF-16 with a byte-order mark. */
export function partText(parts: Parts, name: string | undefined): string | null {
  const data = name ? parts.get(name.toLowerCase()) : undefined;
  if (!data) return null;
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder().decode(data);
}

interface Relationship {
  type: string;
  /** Absolute part name, without a leading slash. */
  target: string;
}

/** The relationships of `part` (`word/document.xml` → `word/_rels/document.xml.rels`), by id. */
export function readRelationships(parts: Parts, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const xml = partText(parts, `${dir}_rels/${part.slice(slash + 1)}.rels`);
  const rels = new Map<string, Relationship>();
  if (!xml) return rels;
  const cur = new XmlCursor(xml);
  while (cur.next()) {
    if (!cur.is('Relationship') || cur.attr('TargetMode') === 'External') continue;
    const id = cur.attr('Id');
    const target = cur.attr('Target');
    if (id && target) rels.set(id, { type: cur.attr('Type') ?? '', target: resolvePartName(dir, target) });
  }
  return rels;
}

function resolvePartName(dir: string, target: string): string {
  const path: string[] = [];
  for (const seg of (target.startsWith('/') ? target.slice(1) : dir + target).split('/')) {
    if (seg === '..') path.pop();
    else if (seg && seg !== '.') path.push(seg);
  }
  return path.join('/');
}

/** The target of the first relationship of a type (`styles`, `officeDocument`…). */
export const relOfType = (rels: Map<string, Relationship>, type: string): string | undefined =>
  [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
