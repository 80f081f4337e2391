/**
 * A redacted résumé: the document parsed by the pipeline, its pages drawn as pictures (render/: pdf.js for PDFs,
 * the picture itself for scans, the layout drawn back for DOCX and other flow formats), black boxes painted over
 * every word of each hidden value (targets.ts, boxes.ts) and over the photo, and a new PDF made of those pictures
 * alone (pdf.ts). Nothing of the original's text survives: not in a text layer, not in metadata (unless kept).
 *
 * CPU-heavy (a page takes ~100 ms to draw): the server runs this in a worker thread (src/service/redact).
 */
import type { PageMeta } from '../../affinda/types.ts';
import type { Doc, ParseOptions } from '../doc.ts';
import type { Page } from '../layout.ts';
import { runPipeline } from '../pipeline.ts';
import type { PageImage } from '../render/index.ts';
import { syntheticRenderer } from '../render/synthetic.ts';
import { encodePng } from '../render/png.ts';
import { openPdf } from '../extract/pdf.ts';
import { headshotBoxes, wordBoxes, type RedactionBox } from './boxes.ts';
import { snapToInk, type PixelBox } from './ink.ts';
import { imagePdf, type PdfInfo, type PdfPage } from './pdf.ts';
import { redactionSpans, type RedactOptions } from './targets.ts';

export type { RedactOptions } from './targets.ts';
export { REDACT_EVERYTHING } from './targets.ts';

export interface RedactedDocument {
  /** The parse's failure (then nothing else is made), or a failure to draw the redacted pages. */
  error: { errorCode: string; errorDetail: string } | null;
  language: string | null;
  isOcrd: boolean;
  ocrConfidence: number | null;
  /** The pages, sized as their redacted images (`image` null: a URL is the server's to give). */
  pages: PageMeta[];
  /** The redacted page images, one per page: what `meta.pages[].image` shows of a redacted résumé. */
  pageImages: (PageImage | null)[];
  /** The redacted PDF; null when the document failed. */
  pdf: Uint8Array | null;
  /** What was painted, per page (points): for tests and logs. */
  boxes: RedactionBox[];
}

export async function redactDocument(bytes: Uint8Array, options: ParseOptions, redact: RedactOptions): Promise<RedactedDocument> {
  const parsed = await runPipeline(bytes, { ...options, renderPages: true });
  const doc = parsed.doc!;
  const base = { language: parsed.meta.language, isOcrd: parsed.meta.isOcrd, ocrConfidence: parsed.meta.ocrConfidence };
  // A failed parse has no values to find: no page of it may be shown, since none could be redacted.
  if (parsed.error) return { ...base, error: parsed.error, pages: parsed.meta.pages, pageImages: parsed.meta.pages.map(() => null), pdf: null, boxes: [] };
  try {
    const boxes = [
      ...wordBoxes(doc.layout, redactionSpans(doc.layout.text, doc.data, doc.provenance, redact, refereeBlocks(doc))),
      ...(redact.headshot ? headshotBoxes(doc.layout, doc.data.headShot) : []),
    ];
    const drawn: Array<{ image: PageImage; pdfPage: PdfPage }> = [];
    for (const [i, page] of doc.layout.pages.entries()) {
      drawn.push(await paint(page, parsed.pageImages[i] ?? (await drawLayout(page)), boxes.filter((b) => b.pageIndex === page.index)));
    }
    const info = redact.pdfMetadata || doc.layout.format !== 'pdf' ? null : await pdfInfo(bytes);
    const pdf = await imagePdf(
      drawn.map((d) => d.pdfPage),
      info,
    );
    return {
      ...base,
      error: null,
      pages: parsed.meta.pages.map((p, i) => ({ ...p, width: drawn[i]!.image.width, height: drawn[i]!.image.height })),
      pageImages: drawn.map((d) => d.image),
      pdf,
      boxes,
    };
  } catch (err) {
    // Never an unredacted page: a document that cannot be drawn fails whole.
    const detail = err instanceof Error ? err.message : String(err);
    return { ...base, error: { errorCode: 'document_conversion_failed', errorDetail: `Unable to redact the document: ${detail}` }, pages: parsed.meta.pages, pageImages: parsed.meta.pages.map(() => null), pdf: null, boxes: [] };
  }
}

/** The lines of the referees section (its heading stays): each referee's whole block. */
function refereeBlocks(doc: Doc): Array<[number, number]> {
  return doc.sections.filter((s) => s.type === 'Referees').flatMap((s) => s.lines.map((l): [number, number] => [l.start, l.end]));
}

/** A page that has no picture of its own (TIFF, or one pdf.js could not draw): its words drawn where the layout has them. */
async function drawLayout(page: Page): Promise<PageImage> {
  const renderer = await syntheticRenderer();
  try {
    return await renderer.render(page);
  } finally {
    await renderer.close();
  }
}

/** The page's picture with the boxes painted black, as a PNG page image and as the pixels of a PDF page. */
async function paint(page: Page, image: PageImage, boxes: RedactionBox[]): Promise<{ image: PageImage; pdfPage: PdfPage }> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const picture = await loadImage(Buffer.from(image.png));
  const canvas = createCanvas(picture.width, picture.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(picture, 0, 0);
  // The picture is the page in the layout's frame (rotation applied), whatever its scale: boxes in points scale to it.
  const sx = canvas.width / page.width;
  const sy = canvas.height / page.height;
  // Boxes are found on the page as drawn, then all painted: a box must not grow over another's black.
  const drawnPixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const pixelBoxes = boxes.map(({ bbox, category }): PixelBox => {
    const px: PixelBox = [Math.floor(bbox[0] * sx), Math.floor(bbox[1] * sy), Math.ceil(bbox[2] * sx), Math.ceil(bbox[3] * sy)];
    // A picture's box is exact (it is the picture's placement); a word's is an estimate of where its glyphs are.
    return category === 'headshot' ? px : snapToInk(drawnPixels, canvas.width, canvas.height, px);
  });
  context.fillStyle = '#000000';
  for (const [x0, y0, x1, y1] of pixelBoxes) context.fillRect(x0, y0, x1 - x0, y1 - y0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return {
    image: { png: encodePng(data, canvas.width, canvas.height), width: canvas.width, height: canvas.height },
    pdfPage: { width: page.width, height: page.height, rgba: data, pixelWidth: canvas.width, pixelHeight: canvas.height },
  };
}

/** The original PDF's document information, for a caller who keeps metadata (`redactPdfMetadata=false`). */
async function pdfInfo(bytes: Uint8Array): Promise<PdfInfo | null> {
  const task = await openPdf(bytes);
  try {
    const { info } = await (await task.promise).getMetadata();
    return info as PdfInfo;
  } catch {
    return null;
  } finally {
    await task.destroy();
  }
}

