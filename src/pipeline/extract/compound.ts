/**
 * OLE compound files (Word 97–2003, Excel 97–2003) opened by `cfb`, which checks what a reader must trust: the
 * header's sector sizes, and sector chains that end (a chain looping back on itself is refused, where a naive
 * reader follows it until memory runs out). Word's reader (word-extractor) does not check them, so a damaged
 * .doc is opened here first.
 */
import CFB, { type CFB$Container } from 'cfb';

/** The container, or the reason it cannot be read (as `fail` makes it). */
export function openCompoundFile(bytes: Uint8Array, fail: (detail: string) => Error): CFB$Container {
  try {
    return CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { type: 'buffer' });
  } catch (err) {
    throw fail(`not a readable compound file (${err instanceof Error ? err.message : String(err)})`);
  }
}
