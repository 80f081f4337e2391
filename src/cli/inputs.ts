/**
 * The documents a `vitae parse` run covers. Files named on the command line are always parsed (an
 * unrecognised one fails with `unsupported_file_type`); folders are walked recursively, and only files
 * whose type is recognised from their bytes are taken — the rest are counted as skipped. A ZIP (named or
 * found) stands for the résumés inside it (archive-inputs.ts).
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectKind } from '../pipeline/detect.ts';
import { UsageError } from './usage.ts';
import { archiveInputs, type Input } from './archive-inputs.ts';

/** Enough bytes for detectKind: it looks for OOXML/ODF entry names in the first 64 KiB of a ZIP. */
const SNIFF_BYTES = 64 * 1024;

export interface Inputs {
  files: Input[];
  /** Files inside walked folders and archives whose type was not recognised. */
  skipped: string[];
}

export async function collectInputs(args: string[]): Promise<Inputs> {
  const inputs: Inputs = { files: [], skipped: [] };
  for (const arg of args) {
    const info = await stat(arg).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`${arg}: ${err.code === 'ENOENT' ? 'no such file or folder.' : err.message}`);
    });
    if (info.isDirectory()) await walk(arg, inputs);
    else await addFile(arg, await head(arg), inputs);
  }
  return inputs;
}

async function addFile(file: string, head: Uint8Array, inputs: Inputs): Promise<void> {
  if (detectKind(head, path.basename(file)) !== 'zip') return void inputs.files.push({ label: file, source: { path: file } });
  const archive = await archiveInputs(file);
  inputs.files.push(...archive.inputs);
  inputs.skipped.push(...archive.skipped);
}

/** Depth-first in name order, so runs are reproducible. Hidden entries and *.json (such as our own output) are ignored. */
async function walk(dir: string, inputs: Inputs): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, inputs);
    // Symbolic links to files are followed; links to folders are not (a cycle cannot loop), broken ones are ignored.
    else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile())) {
      if (/\.json$/i.test(entry.name)) continue;
      const bytes = await head(full);
      if (detectKind(bytes, entry.name) === 'unknown') inputs.skipped.push(full);
      else await addFile(full, bytes, inputs);
    }
  }
}

async function head(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
