/**
 * Page images: one PNG per page of the layout, for the API to serve (and a review page to show). Opt-in per
 * parse (`ParseOptions.renderPages`): the CLI has no use for them. Each format draws its pages its own way —
 * PDFs as pdf.js renders them, images as themselves, every other format as its synthetic layout drawn back.
 *
 * Rendering never fails a parse: a page that cannot be drawn has no image (null) and a warning in
 * `doc.messages` says why.
 */
import type { Doc } from '../doc.ts';
import type { Page } from '../layout.ts';
import type { PageImage } from './page-image.ts';
import type { PageRenderer } from './renderer.ts';
import { pdfRenderer } from './pdf.ts';
import { imageRenderer } from './image.ts';
import { syntheticRenderer } from './synthetic.ts';

export type { PageImage } from './page-image.ts';

/** One entry per page of `doc.layout.pages`, in order: its image, or null. */
export async function renderPages(doc: Doc): Promise<(PageImage | null)[]> {
  const pages = doc.layout.pages;
  if (!pages.length) return [];
  let renderer: PageRenderer | null;
  try {
    renderer = await rendererFor(doc);
  } catch (err) {
    warn(doc, `No page images: ${describe(err)}`);
    return pages.map(() => null);
  }
  if (!renderer) {
    doc.messages.push({ level: 'info', source: 'render', code: 'page_images_unavailable', text: 'This image format has no page images.' });
    return pages.map(() => null);
  }
  const images: (PageImage | null)[] = [];
  try {
    // One page at a time: a page's canvas and pixels (up to 4 Mpx, 16 MB) are freed before the next.
    for (const page of pages) images.push(await renderOne(doc, renderer, page));
  } finally {
    await renderer.close().catch(() => {});
  }
  return images;
}

/** The format's renderer; null when the format has no page images (an image layout whose bytes are no PNG, JPEG or TIFF). */
function rendererFor(doc: Doc): Promise<PageRenderer | null> {
  switch (doc.layout.format) {
    case 'pdf':
      return pdfRenderer(doc.bytes);
    case 'image':
      return imageRenderer(doc.bytes);
    default:
      return syntheticRenderer();
  }
}

async function renderOne(doc: Doc, renderer: PageRenderer, page: Page): Promise<PageImage | null> {
  try {
    return await renderer.render(page);
  } catch (err) {
    warn(doc, `Page ${page.index + 1} has no image: ${describe(err)}`);
    return null;
  }
}

function warn(doc: Doc, text: string): void {
  doc.messages.push({ level: 'warning', source: 'render', code: 'page_image_failed', text });
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));
