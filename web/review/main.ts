/**
 * The review page: the document's page images beside a form of its data. Saving sends the edited fields
 * (PATCH semantics, through the server's validation); "Mark verified" sets meta.isVerified.
 */
import { load, RequestFailed, save, verify } from './api.ts';
import { h } from './dom.ts';
import { draftOf, renderForm, showErrors, type Draft } from './form.ts';
import { highlight, renderPages } from './pages.ts';
import type { Resume } from './types.ts';

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
  const pages = renderPages(resume.meta.pages, sections, resume.meta.isOcrd, {
    selectSection(sectionType) {
      highlight(pages, sectionType);
      const fieldset = formHost.querySelector<HTMLElement>(`fieldset[data-section="${CSS.escape(sectionType)}"]`);
      fieldset?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      fieldset?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
    },
  });
  const redraw = (focusId?: string): void => {
    formHost.replaceChildren(renderForm(draft, { redraw }));
    if (focusId) document.getElementById(focusId)?.focus();
  };
  redraw();
  // Focus in a group lights its section's boxes: the box of the field being read or corrected.
  formHost.addEventListener('focusin', (event) => {
    const fieldset = (event.target as HTMLElement).closest<HTMLElement>('fieldset[data-section]');
    highlight(pages, fieldset?.dataset.section ?? null);
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
        await save(draft);
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
