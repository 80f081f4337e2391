/**
 * The page images with a box around each section the parser found. Section boxes are in PDF points on the
 * original page; images are in pixels, and `meta.pages[].width/height` are the image's pixels (as Affinda reports
 * them), so the page's size in points is not in the answer. The scale is therefore the one the server's renderers
 * draw text pages at (src/pipeline/render/page-image.ts: 2 px/pt). Where that is not known to hold — a page at the
 * 4 Mpx cap (drawn smaller), or an OCR'd document (its image is the scan's own pixels) — no boxes are drawn
 * rather than misplaced ones.
 */
import { h } from './dom.ts';
import type { Page, Section } from './types.ts';

const PREFERRED_SCALE = 2;
const MAX_PIXELS = 4_000_000;

/** Pixels per point of a page's image, or null when it cannot be known from the answer (see above). */
export function pixelsPerPoint(page: Page, isOcrd: boolean): number | null {
  // Under the cap a page is drawn at exactly the preferred scale; at it, smaller by an amount the image alone does not tell.
  return !isOcrd && page.width * page.height < MAX_PIXELS * 0.99 ? PREFERRED_SCALE : null;
}

export interface PageHooks {
  /** A box was chosen: select the fields of its section. */
  selectSection(sectionType: string): void;
}

export function renderPages(pages: Page[], sections: Section[], isOcrd: boolean, hooks: PageHooks): HTMLElement {
  return h('div', { class: 'pages' }, ...pages.map((page) => renderPage(page, sections, pixelsPerPoint(page, isOcrd), hooks)));
}

function renderPage(page: Page, sections: Section[], scale: number | null, hooks: PageHooks): HTMLElement {
  const label = `Page ${page.pageIndex + 1}`;
  if (!page.image) return h('figure', { class: 'page missing' }, h('figcaption', {}, `${label}: no image`));
  // Boxes are placed in percent of the image, so they follow it however wide the column is.
  const boxes = scale === null ? [] : sections
    .filter((s) => s.pageIndex === page.pageIndex && s.bbox.length === 4)
    .map((section) => {
      const [x0, y0, x1, y1] = section.bbox.map((v) => v * scale) as [number, number, number, number];
      const box = h('button', { type: 'button', class: 'box', 'data-section': section.sectionType, 'aria-label': `${section.sectionType} on ${label.toLowerCase()}`, title: section.sectionType });
      box.style.left = `${(100 * x0) / page.width}%`;
      box.style.top = `${(100 * y0) / page.height}%`;
      box.style.width = `${(100 * (x1 - x0)) / page.width}%`;
      box.style.height = `${(100 * (y1 - y0)) / page.height}%`;
      box.addEventListener('click', () => hooks.selectSection(section.sectionType));
      return box;
    });
  return h('figure', { class: 'page' }, h('div', { class: 'sheet' }, h('img', { src: page.image, alt: label, width: String(page.width), height: String(page.height) }), ...boxes), h('figcaption', {}, scale === null ? `${label} (section boxes are not known for this page)` : label));
}

/** Outlines the boxes of one section type (none for null). */
export function highlight(root: HTMLElement, sectionType: string | null): void {
  for (const box of root.querySelectorAll<HTMLElement>('.box')) box.classList.toggle('active', box.dataset.section === sectionType);
}
