/**
 * The original bytes of each document, at `<dataDir>/files/<workspace>/<identifier>`. Written to a temporary
 * name, flushed, then renamed, so a reader (or a crash) never sees half a file.
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

  async write(workspaceId: string, identifier: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(workspaceId, identifier);
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

  read(workspaceId: string, identifier: string): Promise<Buffer> {
    return readFile(this.pathOf(workspaceId, identifier));
  }

  async remove(workspaceId: string, identifier: string): Promise<void> {
    await rm(this.pathOf(workspaceId, identifier), { force: true });
  }
}
