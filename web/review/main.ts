/**
 * The review page: the document's page images beside a form of its data. Saving sends the edited fields
 * (PATCH semantics, through the server's validation); "Mark verified" sets meta.isVerified.
 *
 * Fields and boxes are linked both ways: focusing a field lights its section's box and its value's boxes and
 * scrolls them into view; choosing a value's box (click, or Enter/Space on it) focuses its field. The boxes are
 * the server's (review.boxes), which drops the box of a value once it is saved changed; the page draws them
 * again from each save's answer. Until then a box being corrected stays where the original was printed.
 */
import { load, RequestFailed, save, verify } from './api.ts';
import { h } from './dom.ts';
import { draftOf, renderForm, showErrors, type Draft } from './form.ts';
import { belongsTo, highlight, highlightValue, renderPages, type PageHooks } from './pages.ts';
import type { Resume } from './types.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Lists whose entries are objects the form keeps as they move (Move up/down, a skill removed above another). */
const FOLLOWED = ['workExperience', 'education', 'referees', 'skills'] as const;

/**
 * Ties each box in a followed list to its entry object in the draft, so that the box follows the entry when the
 * form moves it before it is saved (after a save the server answers with the boxes at their saved places).
 */
function anchorsOf(draft: Draft, paths: string[]): Map<string, object> {
  const anchors = new Map<string, object>();
  for (const path of paths) {
    const [list, index] = path.split('.');
    if (!(FOLLOWED as readonly string[]).includes(list!)) continue;
    const entry = (draft[list as (typeof FOLLOWED)[number]] as object[])[Number(index)];
    if (entry) anchors.set(path, entry);
  }
  return anchors;
}

/** A box's path in the form as it is now: its entry's current place; null once the entry is removed. */
function livePath(path: string, draft: Draft, anchors: Map<string, object>): string | null {
  const entry = anchors.get(path);
  if (!entry) return path;
  const [list, , ...rest] = path.split('.');
  const index = (draft[list as (typeof FOLLOWED)[number]] as object[]).indexOf(entry);
  return index < 0 ? null : [list, String(index), ...rest].join('.');
}

/**
 * The form field of a value's box: the field of that very path; else, for a value edited in parts (the name, a
 * job's dates), its first part with something in it; else the field holding it among others (the skills, one a line).
 */
export function fieldFor(root: HTMLElement, path: string): Field | null {
  const fields = [...root.querySelectorAll<Field>('input[name], textarea[name]')].filter((f) => belongsTo(path, f.name));
  const parts = fields.filter((f) => f.name.startsWith(`${path}.`));
  return fields.find((f) => f.name === path) ?? parts.find((f) => f.value.trim() !== '') ?? parts[0] ?? fields[0] ?? null;
}

/** Line `index` of a field holding one value a line (the skills). */
const lineOf = (field: Field, index: number): string => field.value.split('\n')[index] ?? '';

/** How a box is named to a screen reader: its group and field ("Job 1: Title"), or the item of a list field. */
function labelOf(field: Field, path: string): string {
  const legend = field.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
  // The field's own <label> (field.labels finds none while the form is not yet in the document).
  const label = field.closest('.field')?.querySelector('label')?.textContent ?? field.name;
  if (field.name === path) return label.startsWith(legend) ? label : `${legend}: ${label}`;
  if (path.startsWith(`${field.name}.`)) return `${legend}: ${lineOf(field, Number(path.slice(field.name.length + 1)))}`;
  return /\.\d+\./.test(`${path}.`) ? `${legend}: ${path.split('.').pop()}` : legend;
}

const app = document.getElementById('app')!;

async function start(): Promise<void> {
  try {
    show(await load());
  } catch (err) {
    app.replaceChildren(h('p', { class: 'status failed', role: 'alert' }, err instanceof Error ? err.message : String(err)));
  }
}

function show(resume: Resume): void {
  if (!resume.data) {
    app.replaceChildren(h('p', { class: 'status' }, 'This document has no data to review.'));
    return;
  }
  const draft: Draft = draftOf(resume.data);
  const sections = resume.data.sections;
  const status = h('p', { class: 'status', id: 'status', role: 'status' });
  const general = h('p', { class: 'error', role: 'alert' });
  const formHost = h('div');
  const redraw = (focusId?: string): void => {
    formHost.replaceChildren(renderForm(draft, { redraw }));
    if (focusId) document.getElementById(focusId)?.focus();
  };
  redraw();
  let anchors = anchorsOf(draft, resume.review?.boxes.map((b) => b.path) ?? []);
  const current = (path: string): string | null => livePath(path, draft, anchors);
  const hooks: PageHooks = {
    selectSection(sectionType) {
      highlight(pages, sectionType);
      const fieldset = formHost.querySelector<HTMLElement>(`fieldset[data-section="${CSS.escape(sectionType)}"]`);
      fieldset?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      fieldset?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
    },
    selectValue(boxPath) {
      const path = current(boxPath);
      const field = path === null ? null : fieldFor(formHost, path);
      if (!field || path === null) return;
      field.scrollIntoView({ block: 'center', behavior: 'smooth' });
      field.focus({ preventScroll: true });
      // A box of one skill selects its line of the skills field.
      if (field instanceof HTMLTextAreaElement && path.startsWith(`${field.name}.`)) {
        const index = Number(path.slice(field.name.length + 1));
        const start = field.value.split('\n').slice(0, index).reduce((n, line) => n + line.length + 1, 0);
        field.setSelectionRange(start, start + lineOf(field, index).length);
      }
    },
    fieldLabel(boxPath) {
      const path = current(boxPath);
      const field = path === null ? null : fieldFor(formHost, path);
      return field && path ? labelOf(field, path) : null;
    },
  };
  let pages = renderPages(resume.meta.pages, sections, resume.meta.isOcrd, resume.review ?? null, hooks);
  /** Draws the pages again with the boxes of a save's answer (the boxes of values saved changed are gone). */
  const redrawPages = (next: Resume): void => {
    anchors = anchorsOf(draft, next.review?.boxes.map((b) => b.path) ?? []);
    const fresh = renderPages(next.meta.pages, next.data?.sections ?? sections, next.meta.isOcrd, next.review ?? null, hooks);
    pages.replaceWith(fresh);
    pages = fresh;
  };
  // Focus in a group lights its section's boxes and the field's own value boxes: where it is printed.
  formHost.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    const fieldset = target.closest<HTMLElement>('fieldset[data-section]');
    highlight(pages, fieldset?.dataset.section ?? null);
    highlightValue(pages, target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.name || null : null, current);
  });

  const verified = h('span', { class: 'badge', id: 'verified' }, resume.meta.isVerified ? 'Verified' : 'Not verified');
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save');
  const verifyButton = h('button', { type: 'button', id: 'verify' }, 'Mark verified');
  const form = h('form', { class: 'data', id: 'data', tabindex: '-1', novalidate: true, 'aria-label': 'Résumé data' }, general, formHost,
    h('div', { class: 'toolbar' }, saveButton, verifyButton, status));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(status, 'Saving…', 'Saved.', async () => {
      showErrors(formHost, [], general);
      try {
        redrawPages(await save(draft));
      } catch (err) {
        if (err instanceof RequestFailed && err.status === 400) showErrors(formHost, err.errors, general);
        throw err;
      }
    });
  });
  verifyButton.addEventListener('click', () =>
    void run(status, 'Marking verified…', 'Marked verified.', async () => {
      verified.textContent = (await verify()).meta.isVerified ? 'Verified' : 'Not verified';
    }));

  const title = resume.data.name?.raw || resume.meta.fileName || resume.meta.identifier;
  app.replaceChildren(
    h('header', {}, h('h1', {}, `Review: ${title}`), verified),
    // The page's boxes are many tab stops (a button per value): a keyboard user can pass them in one go.
    h('div', { class: 'split' }, h('section', { class: 'document', 'aria-label': 'Document pages' }, h('a', { class: 'skip', href: '#data' }, 'Skip the page boxes to the form'), pages), form),
  );
}

async function run(status: HTMLElement, busy: string, done: string, task: () => Promise<void>): Promise<void> {
  status.textContent = busy;
  status.classList.remove('failed');
  try {
    await task();
    status.textContent = done;
  } catch (err) {
    status.textContent = err instanceof RequestFailed && err.status === 400 ? 'Not saved: correct the fields marked.' : `Failed: ${err instanceof Error ? err.message : String(err)}`;
    status.classList.add('failed');
  }
}

void start();
