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
  const hooks: PageHooks = {
    selectSection(sectionType) {
      highlight(pages, sectionType);
      const fieldset = formHost.querySelector<HTMLElement>(`fieldset[data-section="${CSS.escape(sectionType)}"]`);
      fieldset?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      fieldset?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
    },
    selectValue(path) {
      const field = fieldFor(formHost, path);
      if (!field) return;
      field.scrollIntoView({ block: 'center', behavior: 'smooth' });
      field.focus({ preventScroll: true });
      // A box of one skill selects its line of the skills field.
      if (field instanceof HTMLTextAreaElement && path.startsWith(`${field.name}.`)) {
        const index = Number(path.slice(field.name.length + 1));
        const start = field.value.split('\n').slice(0, index).reduce((n, line) => n + line.length + 1, 0);
        field.setSelectionRange(start, start + lineOf(field, index).length);
      }
    },
    fieldLabel(path) {
      const field = fieldFor(formHost, path);
      return field ? labelOf(field, path) : null;
    },
  };
  let pages = renderPages(resume.meta.pages, sections, resume.meta.isOcrd, resume.review ?? null, hooks);
  /** Draws the pages again with the boxes of a save's answer (the boxes of values saved changed are gone). */
  const redrawPages = (next: Resume): void => {
    const fresh = renderPages(next.meta.pages, next.data?.sections ?? sections, next.meta.isOcrd, next.review ?? null, hooks);
    pages.replaceWith(fresh);
    pages = fresh;
  };
  // Focus in a group lights its section's boxes and the field's own value boxes: where it is printed.
  formHost.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    const fieldset = target.closest<HTMLElement>('fieldset[data-section]');
    highlight(pages, fieldset?.dataset.section ?? null);
    highlightValue(pages, target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.name || null : null);
  });

  const verified = h('span', { class: 'badge', id: 'verified' }, resume.meta.isVerified ? 'Verified' : 'Not verified');
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save');
  const verifyButton = h('button', { type: 'button', id: 'verify' }, 'Mark verified');
  const form = h('form', { class: 'data', novalidate: true, 'aria-label': 'Résumé data' }, general, formHost,
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
    h('div', { class: 'split' }, h('section', { class: 'document', 'aria-label': 'Document pages' }, pages), form),
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
