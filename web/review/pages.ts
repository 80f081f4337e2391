/**
 * The page images, with a box around each section the parser found and around each value it read (the data
 * endpoint's `review.boxes`, from the pipeline's provenance). Boxes are in points from the top left of the page
 * as its image shows it, and `review.pages` gives each page's size in points, so a box is placed in percent of
 * the page: it lands on the image whatever its pixels — a text page drawn at 2 px/pt, one capped at 4 Mpx, a scan
 * at its own resolution — and follows it however wide the column is.
 *
 * Documents parsed before page sizes were stored have no `review`: their section boxes fall back to the scale the
 * server draws text pages at (2 px/pt), and are left out where that is not known to hold (OCR'd, or capped).
 */
import { h } from './dom.ts';
import type { Page, ReviewBoxes, Section } from './types.ts';

const PREFERRED_SCALE = 2;
const MAX_PIXELS = 4_000_000;

/** Pixels per point of a page's image without a stored page size, or null when the answer does not tell (see above). */
export function pixelsPerPoint(page: Page, isOcrd: boolean): number | null {
  return !isOcrd && page.width * page.height < MAX_PIXELS * 0.99 ? PREFERRED_SCALE : null;
}

/** A page's size in the boxes' unit (points), or null when it is not known. */
export function pointSize(page: Page, review: ReviewBoxes | null, isOcrd: boolean): { width: number; height: number } | null {
  const stored = review?.pages.find((p) => p.pageIndex === page.pageIndex);
  if (stored && stored.width > 0 && stored.height > 0) return stored;
  const scale = pixelsPerPoint(page, isOcrd);
  return scale === null ? null : { width: page.width / scale, height: page.height / scale };
}

/**
 * Whether a value box (`boxPath`) belongs to a form field (`fieldPath`): the same path, a part of the value
 * (`name.first` of the box `name`, `workExperience.0.dates.startDate` of `workExperience.0.dates`), or a field
 * holding many values (`skills`, one per line, of the boxes `skills.0`, `skills.1`…).
 */
export function belongsTo(boxPath: string, fieldPath: string): boolean {
  return boxPath === fieldPath || fieldPath.startsWith(`${boxPath}.`) || boxPath.startsWith(`${fieldPath}.`);
}

export interface PageHooks {
  /** A section's box was chosen: select the fields of its section. */
  selectSection(sectionType: string): void;
  /** A value's box was chosen: select its field. */
  selectValue(path: string): void;
  /** The label of the field a value's box belongs to, or null when the form has none (web sites, date of birth). */
  fieldLabel(path: string): string | null;
}

export function renderPages(pages: Page[], sections: Section[], isOcrd: boolean, review: ReviewBoxes | null, hooks: PageHooks): HTMLElement {
  return h('div', { class: 'pages' }, ...pages.map((page) => renderPage(page, sections, review, pointSize(page, review, isOcrd), hooks)));
}

/** Positions an element over `bbox` (points) of a page `size` points large, in percent. */
function place(element: HTMLElement, bbox: number[], size: { width: number; height: number }): HTMLElement {
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  element.style.left = `${(100 * x0) / size.width}%`;
  element.style.top = `${(100 * y0) / size.height}%`;
  element.style.width = `${(100 * (x1 - x0)) / size.width}%`;
  element.style.height = `${(100 * (y1 - y0)) / size.height}%`;
  return element;
}

function renderPage(page: Page, sections: Section[], review: ReviewBoxes | null, size: { width: number; height: number } | null, hooks: PageHooks): HTMLElement {
  const label = `Page ${page.pageIndex + 1}`;
  if (!page.image) return h('figure', { class: 'page missing' }, h('figcaption', {}, `${label}: no image`));
  const sectionBoxes = size === null ? [] : sections
    .filter((s) => s.pageIndex === page.pageIndex && s.bbox.length === 4)
    .map((section) => {
      const box = h('button', { type: 'button', class: 'box', 'data-section': section.sectionType, 'aria-label': `${section.sectionType} on ${label.toLowerCase()}`, title: section.sectionType });
      box.addEventListener('click', () => hooks.selectSection(section.sectionType));
      return place(box, section.bbox, size);
    });
  // Value boxes come after the section boxes: drawn over them, so a click inside a section picks the value.
  const valueBoxes = size === null || !review ? [] : review.boxes
    .filter((b) => b.pageIndex === page.pageIndex && b.bbox.length === 4)
    .map((b) => {
      const field = hooks.fieldLabel(b.path);
      if (field === null) {
        // A value the form does not edit: shown (it was read from here) but not a control.
        return place(h('span', { class: 'value-box static', 'data-path': b.path, title: b.path, 'aria-hidden': 'true' }), b.bbox, size);
      }
      const box = h('button', { type: 'button', class: 'value-box', 'data-path': b.path, 'aria-label': `${field}, on ${label.toLowerCase()}`, title: field });
      box.addEventListener('click', () => hooks.selectValue(b.path));
      return place(box, b.bbox, size);
    });
  const caption = size === null ? `${label} (boxes are not known for this page)` : label;
  return h('figure', { class: 'page' }, h('div', { class: 'sheet' }, h('img', { src: page.image, alt: label, width: String(page.width), height: String(page.height) }), ...sectionBoxes, ...valueBoxes), h('figcaption', {}, caption));
}

/** Outlines the boxes of one section type (none for null). */
export function highlight(root: HTMLElement, sectionType: string | null): void {
  for (const box of root.querySelectorAll<HTMLElement>('.box')) box.classList.toggle('active', box.dataset.section === sectionType);
}

/**
 * Lights the value boxes of a form field (none for null) and scrolls the first into view in the pages' column;
 * answers how many were lit. `current` gives a box's path in the form as it is now (an entry may have moved).
 */
export function highlightValue(root: HTMLElement, fieldPath: string | null, current: (boxPath: string) => string | null = (p) => p): number {
  const lit: HTMLElement[] = [];
  for (const box of root.querySelectorAll<HTMLElement>('.value-box')) {
    const path = current(box.dataset.path ?? '');
    const on = fieldPath !== null && path !== null && belongsTo(path, fieldPath);
    box.classList.toggle('active', on);
    if (on) lit.push(box);
  }
  // A box already in view stays put, so moving between the fields of one job does not jolt the page; one out of
  // view is brought to the middle of the pages' column, with the text around it. Instant: Chromium cancels a smooth
  // scroll of one column when focus scrolls the other.
  const first = lit[0];
  const column = root.parentElement;
  if (first && column) {
    const [box, view] = [first.getBoundingClientRect(), column.getBoundingClientRect()];
    if (box.top < view.top || box.bottom > view.bottom || box.left < view.left || box.right > view.right) first.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
  return lit.length;
}
