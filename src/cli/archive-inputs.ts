/**
 * `vitae parse` on a ZIP: the résumés inside are documents of the run, labelled `archive.zip/<entry>`, in the
 * archive's order, as if they were files in a folder (entries not recognised from their bytes are skipped).
 * The caps are the server's (pipeline/archive.ts); an archive refused by them is one failed document.
 */
import { readFile, stat } from 'node:fs/promises';
import { archiveEntries, isResumeEntry, ARCHIVE_LIMITS } from '../pipeline/archive.ts';
import { DocumentError } from '../pipeline/doc.ts';

/** One document of the run: a file on disk, a résumé read from an archive, or an archive refused whole. */
export interface Input {
  /** The file's path, or `<archive path>/<entry name>`. */
  label: string;
  source: { path: string } | { bytes: Uint8Array } | { error: DocumentError };
}

export async function archiveInputs(file: string): Promise<{ inputs: Input[]; skipped: string[] }> {
  const refused = (error: DocumentError) => ({ inputs: [{ label: file, source: { error } }], skipped: [] });
  // Checked before reading, so a huge file is not loaded: its entries could not fit the caps anyway.
  if ((await stat(file)).size > ARCHIVE_LIMITS.maxTotalBytes) {
    return refused(new DocumentError('document_conversion_failed', `ZIP archive: larger than ${ARCHIVE_LIMITS.maxTotalBytes} bytes.`));
  }
  const found: { inputs: Input[]; skipped: string[] } = { inputs: [], skipped: [] };
  try {
    for (const entry of archiveEntries(await readFile(file))) {
      const label = `${file}/${entry.name}`;
      const bytes = entry.read();
      if (isResumeEntry(entry.name, bytes)) found.inputs.push({ label, source: { bytes } });
      else found.skipped.push(label);
    }
  } catch (err) {
    if (err instanceof DocumentError) return refused(err);
    throw err;
  }
  return found;
}
