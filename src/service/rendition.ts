/**
 * `meta.pdf`: a PDF of every parsed document. A PDF upload is its own (the stored original); any other document a
 * word processor or spreadsheet can open (DOC, DOCX, ODT, RTF, HTML, TXT, XLS, XLSX) is converted by LibreOffice
 * (`soffice --headless --convert-to pdf`), when it is installed and `VITAE_PDF_RENDITION` is `auto`, and stored beside
 * the document (FileStore renditions, deleted with it). Images get none.
 *
 * The conversion runs after the document is ready, never inside the parse: soffice takes 4–6 s a call against a
 * parse's 0.1–0.5 s, so holding `ready` (and every `wait=true` answer) for it would multiply the latency of
 * every upload for a field most clients never read. `meta.pdf` is null until the PDF is stored, then its signed
 * link. One conversion at a time per process (each soffice is a ~200 MB process of its own, with its own profile
 * folder — two conversions sharing the default profile make one silently fail), at most `MAX_PENDING` waiting;
 * each is killed, with its whole process group, after `TIMEOUT_MS`. A conversion lost to a crash or a full backlog
 * leaves `meta.pdf` null: the document itself is unaffected.
 *
 * LibreOffice follows links in documents (remote images in HTML and DOCX) if allowed to: each conversion's fresh
 * profile points its HTTP(S) proxy at a closed local port and blocks untrusted referer links, and the process's
 * proxy variables say the same, so a document cannot make the server fetch anything.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Resume } from '../affinda/types.ts';
import { detectKind, type FileKind } from '../pipeline/detect.ts';
import type { ServiceConfig } from './contract.ts';
import { documentById, updateDocument, type DocumentRow } from './store/documents.ts';
import type { FileStore } from './store/files.ts';
import type { Schema } from './store/schema.ts';

/** The rendition's name in the document's renditions folder (FileStore). */
export const RENDITION_PDF = 'document.pdf';
/** What the `pdf` column says: the original is a PDF, or a converted copy is stored. */
export type PdfSource = 'original' | 'rendition';

const TIMEOUT_MS = 60_000;
const MAX_PENDING = 100;

/** The formats LibreOffice converts, with the extension it is told the file has (it reads a file by its name first). */
const EXTENSIONS: Partial<Record<FileKind, string>> = { doc: 'doc', docx: 'docx', odt: 'odt', rtf: 'rtf', html: 'html', txt: 'txt', xls: 'xls', xlsx: 'xlsx' };

/** The extension a document of this kind is converted under, or null when it gets no rendition. */
export function renditionExtension(kind: FileKind): string | null {
  return EXTENSIONS[kind] ?? null;
}

/** `soffice` on PATH (an executable file of that name in one of its folders), or null. */
export function findSoffice(pathVariable = process.env.PATH ?? ''): string | null {
  for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The soffice to use under this setting: null when renditions are off or LibreOffice is not installed. */
export function renditionTool(setting: ServiceConfig['pdfRendition'], pathVariable?: string): string | null {
  return setting === 'off' ? null : findSoffice(pathVariable);
}

/**
 * A fresh LibreOffice profile's settings: every HTTP(S) request through a proxy at a closed port (127.0.0.1:9,
 * discard), referer links from untrusted documents blocked, macros at the highest security level (none run).
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
`;

/** Processes running now, so that they die with this one (soffice.bin outlives a parent that just exits). */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) killGroup(pid);
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Converts a document to PDF with LibreOffice, in a temporary folder of its own (input, output and profile),
 * removed afterwards. Rejects when soffice fails, says nothing, writes no PDF or takes longer than `timeoutMs`.
 */
export async function convertToPdf(bytes: Uint8Array, extension: string, soffice: string, timeoutMs = TIMEOUT_MS): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vitae-pdf-'));
  try {
    const input = path.join(dir, `document.${extension}`);
    const out = path.join(dir, 'out');
    const profile = path.join(dir, 'profile');
    await writeFile(input, bytes);
    await mkdir(path.join(profile, 'user'), { recursive: true });
    await writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf', '--outdir', out, input];
    const closed = 'http://127.0.0.1:9';
    const env = { ...process.env, HOME: dir, http_proxy: closed, https_proxy: closed, HTTP_PROXY: closed, HTTPS_PROXY: closed, no_proxy: '', NO_PROXY: '' };
    await new Promise<void>((resolve, reject) => {
      // Its own process group (detached), so that a timeout kills soffice.bin and whatever it started, not just the wrapper.
      const child = spawn(soffice, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
      const timer = setTimeout(() => {
        if (child.pid) killGroup(child.pid);
        reject(new Error(`soffice took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      if (child.pid) running.add(child.pid);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (child.pid) {
          killGroup(child.pid); // anything it left behind in its group
          running.delete(child.pid);
        }
        if (code === 0) resolve();
        else reject(new Error(`soffice exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
      });
    });
    const pdf = await readFile(path.join(out, 'document.pdf')).catch(() => null);
    if (!pdf || !pdf.subarray(0, 1024).includes('%PDF-')) throw new Error('soffice wrote no PDF');
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Pending {
  /** The service the document belongs to (a process may hold several, as tests do). */
  ctx: RenditionContext;
  row: Pick<DocumentRow, 'workspace_id' | 'identifier'>;
  bytes: Uint8Array;
  extension: string;
}

export interface RenditionContext {
  db: Kysely<Schema>;
  files: FileStore;
  config: ServiceConfig;
  logger: { warn(obj: object, msg: string): void };
}

/** Conversions waiting and running in this process, one at a time. */
class RenditionQueue {
  readonly #pending: Pending[] = [];
  #busy = false;
  #idle: Array<() => void> = [];

  constructor(readonly soffice: string) {}

  add(job: Pending): boolean {
    if (this.#pending.length >= MAX_PENDING) return false;
    this.#pending.push(job);
    void this.#drain();
    return true;
  }

  /** Resolves when nothing is waiting or running (for tests and benchmarks). */
  idle(): Promise<void> {
    return !this.#busy && !this.#pending.length ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }

  async #drain(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let job = this.#pending.shift(); job; job = this.#pending.shift()) await this.#convert(job);
    } finally {
      this.#busy = false;
      this.#idle.splice(0).forEach((resolve) => resolve());
    }
  }

  async #convert({ ctx, row, bytes, extension }: Pending): Promise<void> {
    const { db, files, logger } = ctx;
    // Deleted while it waited, or its service closed (the database is gone): nothing to convert for.
    if (!(await documentById(db, row.identifier).catch(() => undefined))) return;
    try {
      const pdf = await convertToPdf(bytes, extension, this.soffice);
      // Deleted while converted: nothing to attach it to (its files are gone; this one would outlive it).
      if (!(await documentById(db, row.identifier))) return;
      await files.writeRendition(row.workspace_id, row.identifier, RENDITION_PDF, pdf);
      await updateDocument(db, row.identifier, { pdf: 'rendition' });
      // Deleted between the check and the write: take the file back.
      if (!(await documentById(db, row.identifier))) await files.remove(row.workspace_id, row.identifier);
    } catch (err) {
      logger.warn({ err, document: row.identifier }, 'PDF rendition failed; meta.pdf stays null');
    }
  }
}

let queue: RenditionQueue | null | undefined;

/** This process's rendition queue, or null when renditions are off or soffice is missing (looked up once). */
function queueFor(ctx: RenditionContext): RenditionQueue | null {
  if (ctx.config.pdfRendition === 'off') return null;
  if (queue === undefined) {
    const soffice = findSoffice();
    queue = soffice ? new RenditionQueue(soffice) : null;
  }
  return queue;
}

/** Resolves when this process has no conversion waiting or running. */
export function renditionsIdle(): Promise<void> {
  return queue ? queue.idle() : Promise.resolve();
}

/**
 * Called by the job runner when a document is parsed, before its result is recorded: stores what `meta` will
 * show beside the result — its warnings, and `pdf: 'original'` for a PDF — then queues the conversion of a
 * document LibreOffice reads (the rendition follows the document's `ready`). Redacted résumés have a PDF of
 * their own and are left alone.
 */
export async function beforeReady(ctx: RenditionContext, row: DocumentRow, resume: Resume, bytes: Uint8Array): Promise<void> {
  if (row.kind === 'redacted_resume') return;
  const kind = detectKind(bytes, row.file_name ?? undefined);
  const warnings = resume.meta.warnings?.length ? JSON.stringify(resume.meta.warnings) : null;
  await updateDocument(ctx.db, row.identifier, { warnings, pdf: kind === 'pdf' ? 'original' : null });
  const extension = renditionExtension(kind);
  if (!extension || resume.error.errorCode) return;
  const q = queueFor(ctx);
  if (q && !q.add({ ctx, row, bytes, extension })) ctx.logger.warn({ document: row.identifier }, 'PDF rendition backlog full; meta.pdf stays null');
}
