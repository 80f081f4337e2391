/**
 * The original bytes of each document, at `<dataDir>/files/<workspace>/<identifier>`, and its page images, at
 * `<dataDir>/files/<workspace>/<identifier>.pages/<pageIndex>.png` (identifiers hold no dots, so no folder
 * can be taken for another document's file), and what is made from it (renditions) in `<identifier>.renditions/`. Written to a temporary name, flushed, then renamed, so a reader
 * (or a crash) never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export class FileStore {
  readonly #root: string;

  constructor(dataDir: string) {
    this.#root = path.resolve(dataDir, 'files');
  }

  /** Identifiers and workspace ids are validated upstream ([A-Za-z0-9_-]), so they are safe path parts. */
  pathOf(workspaceId: string, identifier: string): string {
    return path.join(this.#root, workspaceId, identifier);
  }

  pagePathOf(workspaceId: string, identifier: string, pageIndex: number): string {
    if (!Number.isSafeInteger(pageIndex) || pageIndex < 0) throw new RangeError(`page index ${pageIndex}`);
    return path.join(this.#pagesDir(workspaceId, identifier), `${pageIndex}.png`);
  }

  write(workspaceId: string, identifier: string, bytes: Uint8Array): Promise<void> {
    return writeAtomically(this.pathOf(workspaceId, identifier), bytes);
  }

  read(workspaceId: string, identifier: string): Promise<Buffer> {
    return readFile(this.pathOf(workspaceId, identifier));
  }

  /**
   * Replaces the document's page images (a parse run again may have fewer pages) with these, one per page
   * index; null entries have none. Returns, per page, whether an image was stored.
   */
  async writePages(workspaceId: string, identifier: string, images: (Uint8Array | null)[]): Promise<boolean[]> {
    await rm(this.#pagesDir(workspaceId, identifier), { recursive: true, force: true });
    for (const [pageIndex, image] of images.entries()) {
      if (image) await writeAtomically(this.pagePathOf(workspaceId, identifier, pageIndex), image);
    }
    return images.map((image) => image !== null);
  }

  /** A page image, or null when none is stored. */
  async readPage(workspaceId: string, identifier: string, pageIndex: number): Promise<Buffer | null> {
    try {
      return await readFile(this.pagePathOf(workspaceId, identifier, pageIndex));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /**
   * A file made from the document (a redacted résumé's PDF), at `<identifier>.renditions/<name>`: a folder of its
   * own, since a parse run again replaces the page images' folder whole.
   */
  renditionPathOf(workspaceId: string, identifier: string, name: string): string {
    if (!/^[A-Za-z0-9_-]+\.[a-z]+$/.test(name)) throw new RangeError(`rendition name ${name}`);
    return path.join(`${this.pathOf(workspaceId, identifier)}.renditions`, name);
  }

  writeRendition(workspaceId: string, identifier: string, name: string, bytes: Uint8Array): Promise<void> {
    return writeAtomically(this.renditionPathOf(workspaceId, identifier, name), bytes);
  }

  /** A rendition, or null when none is stored. */
  async readRendition(workspaceId: string, identifier: string, name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.renditionPathOf(workspaceId, identifier, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** The document's file, page images and renditions. */
  async remove(workspaceId: string, identifier: string): Promise<void> {
    await rm(this.pathOf(workspaceId, identifier), { force: true });
    await rm(this.#pagesDir(workspaceId, identifier), { recursive: true, force: true });
    await rm(`${this.pathOf(workspaceId, identifier)}.renditions`, { recursive: true, force: true });
  }

  #pagesDir(workspaceId: string, identifier: string): string {
    return `${this.pathOf(workspaceId, identifier)}.pages`;
  }
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
}
