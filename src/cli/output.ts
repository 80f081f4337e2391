/**
 * Where `vitae parse` puts its Resumes: `<name>.json` files in a folder (--out), one JSON line per document
 * as each finishes (--ndjson), or JSON on stdout at the end — one object when the command line names exactly
 * one file, otherwise an array in input order (so the shape never depends on what a folder holds).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Resume } from '../affinda/types.ts';
import { toJsonResume } from '../export/json-resume.ts';
import type { OutputFormat } from './parse-settings.ts';
import { UsageError } from './usage.ts';

export interface OutputSettings {
  out: string | undefined;
  ndjson: boolean;
  pretty: boolean;
  format: OutputFormat;
  /** The command line names one file (not a folder): print an object, not an array. */
  single: boolean;
}

export interface Output {
  /** Called once per document as it finishes, in any order; `index` is its place in the input list. */
  write(index: number, resume: Resume): Promise<void>;
  /** Called once after the last document. */
  end(): void;
}

export async function createOutput(settings: OutputSettings, files: string[]): Promise<Output> {
  // JSON Resume has no place for a failure: a failed document is written as Affinda's {error}.
  const shape = (r: Resume): unknown => (settings.format === 'json-resume' ? (r.data ? toJsonResume(r.data) : { error: r.error }) : r);
  const serialise = (value: Resume | Resume[]) => JSON.stringify(Array.isArray(value) ? value.map(shape) : shape(value), null, settings.pretty ? 2 : undefined);
  if (settings.out !== undefined) {
    const dir = settings.out;
    await mkdir(dir, { recursive: true }).catch((err: Error) => {
      throw new UsageError(`--out ${dir}: ${err.message}`);
    });
    const names = outputNames(files);
    return {
      write: (index, resume) => writeFile(path.join(dir, names[index]!), serialise(resume) + '\n'),
      end() {},
    };
  }
  if (settings.ndjson) {
    return {
      async write(_index, resume) {
        process.stdout.write(serialise(resume) + '\n');
      },
      end() {},
    };
  }
  const resumes: Resume[] = new Array(files.length);
  return {
    async write(index, resume) {
      resumes[index] = resume;
    },
    end() {
      process.stdout.write(serialise(settings.single ? resumes[0]! : resumes) + '\n');
    },
  };
}

/** `<name-without-ext>.json` per file; a name already taken (cv.pdf next to cv.docx, or a/cv.pdf and b/cv.pdf) gets -2, -3… */
export function outputNames(files: string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const stem = path.basename(file, path.extname(file));
    let name = `${stem}.json`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.json`;
    taken.add(name.toLowerCase());
    return name;
  });
}
