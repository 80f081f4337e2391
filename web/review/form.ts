/**
 * The form of the fields a reviewer corrects. It edits `draft` in place and is redrawn whole after a change
 * of shape (an entry added, removed or moved); typing only writes the draft. Each group is a fieldset tagged
 * with the section type whose box it belongs to (`data-section`), which links it to the page images.
 */
import { errorIdOf, h, idOf } from './dom.ts';
import type { Dates, Job, Referee, ResumeData, School } from './types.ts';

/** What the page saves: the keys of ResumeData it edits (src/service/review/validate.ts accepts exactly these). */
export type Draft = Pick<
  ResumeData,
  'name' | 'emails' | 'phoneNumbers' | 'location' | 'summary' | 'workExperience' | 'education' | 'skills' | 'languages' | 'certifications' | 'referees'
>;

export function draftOf(data: ResumeData): Draft {
  const { name, emails, phoneNumbers, location, summary, workExperience, education, skills, languages, certifications, referees } = structuredClone(data);
  return { name, emails, phoneNumbers, location, summary, workExperience, education, skills, languages, certifications, referees };
}

export interface FormHooks {
  /** The draft changed shape: draw the form again, then focus the element with this id if given. */
  redraw(focusId?: string): void;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

function field(label: string, path: string, value: string | null, set: (value: string) => void, multiline = false): HTMLElement {
  const id = idOf(path);
  const props = { id, name: path, 'aria-describedby': errorIdOf(path) };
  const input = multiline ? h('textarea', { ...props, rows: '4' }) : h('input', { ...props, type: 'text' });
  input.value = value ?? '';
  input.addEventListener('input', () => set(input.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('span', { class: 'error', id: errorIdOf(path), role: 'alert' }));
}

function button(text: string, onClick: () => void, props: Record<string, string | boolean> = {}): HTMLButtonElement {
  // A real <button type="button">: focusable, and Enter and Space press it without any key handling of ours.
  const element = h('button', { type: 'button', ...props }, text);
  element.addEventListener('click', onClick);
  return element;
}

function group(legend: string, section: string, ...children: (Node | null)[]): HTMLFieldSetElement {
  return h('fieldset', { 'data-section': section }, h('legend', {}, legend), ...children);
}

/** A list of strings: one input each, with remove buttons and an add button. */
function stringList(legend: string, key: 'emails' | 'phoneNumbers' | 'languages' | 'certifications', section: string, draft: Draft, hooks: FormHooks): HTMLElement {
  const values = draft[key];
  return group(
    legend,
    section,
    ...values.map((value, i) =>
      h('div', { class: 'row' },
        field(`${legend} ${i + 1}`, `${key}.${i}`, value, (v) => (values[i] = v)),
        button('Remove', () => (values.splice(i, 1), hooks.redraw(values.length ? idOf(`${key}.${Math.max(0, i - 1)}`) : `add-${key}`)), { 'aria-label': `Remove ${legend.toLowerCase()} ${i + 1}` })),
    ),
    button(`Add`, () => (values.push(''), hooks.redraw(idOf(`${key}.${values.length - 1}`))), { id: `add-${key}`, 'aria-label': `Add ${legend.toLowerCase()}` }),
  );
}

function datesOf(entry: { dates: Dates | null }): Dates {
  entry.dates ??= { startDate: null, endDate: null, completionDate: null, isCurrent: false, rawText: '' };
  return entry.dates;
}

function jobFields(job: Job, i: number, jobs: Job[], hooks: FormHooks): HTMLElement {
  const path = `workExperience.${i}`;
  const move = (to: number): void => {
    jobs.splice(to, 0, ...jobs.splice(i, 1));
    hooks.redraw(`move-${to}-${to < i ? 'up' : 'down'}`);
  };
  return h('fieldset', { class: 'entry' },
    h('legend', {}, `Job ${i + 1}`),
    field('Title', `${path}.jobTitle`, job.jobTitle, (v) => (job.jobTitle = orNull(v))),
    field('Employer', `${path}.organization`, job.organization, (v) => (job.organization = orNull(v))),
    h('div', { class: 'row' },
      field('Start (YYYY-MM-DD)', `${path}.dates.startDate`, job.dates?.startDate ?? null, (v) => (datesOf(job).startDate = orNull(v))),
      field('End (YYYY-MM-DD)', `${path}.dates.endDate`, job.dates?.endDate ?? null, (v) => (datesOf(job).endDate = orNull(v)))),
    field('Description', `${path}.jobDescription`, job.jobDescription, (v) => (job.jobDescription = orNull(v)), true),
    h('div', { class: 'actions' },
      i > 0 && button('Move up', () => move(i - 1), { id: `move-${i}-up`, 'aria-label': `Move job ${i + 1} up` }),
      i < jobs.length - 1 && button('Move down', () => move(i + 1), { id: `move-${i}-down`, 'aria-label': `Move job ${i + 1} down` }),
      button('Remove', () => (jobs.splice(i, 1), hooks.redraw('add-job')), { 'aria-label': `Remove job ${i + 1}` })),
  );
}

function schoolFields(school: School, i: number, schools: School[], hooks: FormHooks): HTMLElement {
  const path = `education.${i}`;
  return h('fieldset', { class: 'entry' },
    h('legend', {}, `School ${i + 1}`),
    field('School', `${path}.organization`, school.organization, (v) => (school.organization = orNull(v))),
    field('Qualification', `${path}.accreditation.education`, school.accreditation?.education ?? null, (v) => {
      school.accreditation ??= { education: null, inputStr: '', matchStr: '', educationLevel: null };
      school.accreditation.education = orNull(v);
    }),
    h('div', { class: 'row' },
      field('Start (YYYY-MM-DD)', `${path}.dates.startDate`, school.dates?.startDate ?? null, (v) => (datesOf(school).startDate = orNull(v))),
      field('Completed (YYYY-MM-DD)', `${path}.dates.completionDate`, school.dates?.completionDate ?? null, (v) => (datesOf(school).completionDate = orNull(v)))),
    h('div', { class: 'actions' }, button('Remove', () => (schools.splice(i, 1), hooks.redraw('add-school')), { 'aria-label': `Remove school ${i + 1}` })),
  );
}

function refereeFields(referee: Referee, i: number, referees: Referee[], hooks: FormHooks): HTMLElement {
  const path = `referees.${i}`;
  return h('fieldset', { class: 'entry' },
    h('legend', {}, `Referee ${i + 1}`),
    field('Name', `${path}.name`, referee.name, (v) => (referee.name = orNull(v))),
    field('Position', `${path}.position`, referee.position, (v) => (referee.position = orNull(v))),
    h('div', { class: 'row' },
      field('Email', `${path}.email`, referee.email, (v) => (referee.email = orNull(v))),
      field('Phone', `${path}.number`, referee.number, (v) => (referee.number = orNull(v)))),
    h('div', { class: 'actions' }, button('Remove', () => (referees.splice(i, 1), hooks.redraw('add-referee')), { 'aria-label': `Remove referee ${i + 1}` })),
  );
}

export function renderForm(draft: Draft, hooks: FormHooks): HTMLElement {
  const name = (draft.name ??= { raw: '', first: '', last: '', middle: '', title: '' });
  const setName = (key: 'title' | 'first' | 'middle' | 'last') => (v: string): void => {
    name[key] = v;
    name.raw = [name.title, name.first, name.middle, name.last].filter(Boolean).join(' ');
  };
  const location = (): NonNullable<Draft['location']> => (draft.location ??= { formatted: null, rawInput: '' });
  return h('div', { class: 'fields' },
    group('Name', 'PersonalDetails',
      h('div', { class: 'row' },
        field('Title', 'name.title', name.title, setName('title')),
        field('First', 'name.first', name.first, setName('first')),
        field('Middle', 'name.middle', name.middle, setName('middle')),
        field('Last', 'name.last', name.last, setName('last')))),
    stringList('Email', 'emails', 'PersonalDetails', draft, hooks),
    stringList('Phone', 'phoneNumbers', 'PersonalDetails', draft, hooks),
    group('Location', 'PersonalDetails',
      field('Location', 'location.formatted', draft.location?.formatted ?? draft.location?.rawInput ?? null, (v) => {
        // A corrected location is kept as typed: its parts (city, country…) were read from the old text.
        Object.assign(location(), { formatted: orNull(v), rawInput: v });
      })),
    group('Summary', 'Summary', field('Summary', 'summary', draft.summary, (v) => (draft.summary = orNull(v)), true)),
    group('Work experience', 'WorkExperience',
      ...draft.workExperience.map((job, i) => jobFields(job, i, draft.workExperience, hooks)),
      button('Add job', () => {
        draft.workExperience.push({ id: 0, jobTitle: null, organization: null, jobDescription: null, dates: null, socCode: null, socName: null, industry: null, location: null, occupation: null });
        hooks.redraw(idOf(`workExperience.${draft.workExperience.length - 1}.jobTitle`));
      }, { id: 'add-job' })),
    group('Education', 'Education',
      ...draft.education.map((school, i) => schoolFields(school, i, draft.education, hooks)),
      button('Add school', () => {
        draft.education.push({ id: 0, organization: null, accreditation: null, grade: null, location: null, dates: null });
        hooks.redraw(idOf(`education.${draft.education.length - 1}.organization`));
      }, { id: 'add-school' })),
    group('Skills', 'Skills',
      field('Skills, one a line', 'skills', draft.skills.map((s) => s.name).join('\n'), (v) => {
        // Skills keep their other fields (sources, type…) when their name is unchanged.
        const known = new Map(draft.skills.map((s) => [s.name, s]));
        draft.skills = v.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => known.get(line) ?? { id: 0, name: line, emsiId: null, lastUsed: null, numberOfMonths: null, type: 'skill', count: null, weighting: null, sources: [] });
      }, true)),
    stringList('Language', 'languages', 'Skills/Interests/Languages', draft, hooks),
    stringList('Certification', 'certifications', 'Training/Certifications', draft, hooks),
    group('Referees', 'Referees',
      ...draft.referees.map((referee, i) => refereeFields(referee, i, draft.referees, hooks)),
      button('Add referee', () => {
        draft.referees.push({ name: null, text: '', email: null, number: null, position: null });
        hooks.redraw(idOf(`referees.${draft.referees.length - 1}.name`));
      }, { id: 'add-referee' })),
  );
}

/** Shows each error beside its field (by path); an error of a field not on the form goes to `general`. */
export function showErrors(root: HTMLElement, errors: { attr: string | null; detail: string }[], general: HTMLElement): void {
  for (const element of root.querySelectorAll<HTMLElement>('.error')) element.textContent = '';
  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const unplaced: string[] = [];
  for (const error of errors) {
    const path = error.attr ?? '';
    // `skills.3.name` is shown on the one skills box.
    const target = root.querySelector<HTMLElement>(`#${CSS.escape(errorIdOf(path))}`) ?? (path.startsWith('skills.') ? root.querySelector<HTMLElement>('#e-skills') : null);
    if (!target) unplaced.push(error.detail);
    else {
      target.textContent = error.detail;
      document.getElementById(target.id.replace(/^e-/, 'f-'))?.setAttribute('aria-invalid', 'true');
    }
  }
  general.textContent = unplaced.join(' ');
  root.querySelector<HTMLElement>('[aria-invalid]')?.focus();
}
