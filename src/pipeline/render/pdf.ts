/**
 * PDF pages as pdf.js draws them on @napi-rs/canvas, in the layout's frame: the page's /Rotate and any turn
 * OCR applied to a scan sideways or upside down (both are in the layout page's `rotation`).
 *
 * The document is opened again rather than kept open by the extractor: with pdf.js already imported,
 * opening costs about a millisecond against 100+ ms to draw a page (measured on the dev corpus), and
 * the extractor frees its pages as it goes.
 */
import type { Page } from '../layout.ts';
import { openPdf } from '../extract/pdf.ts';
import { fitScale, imageOfCanvas, pixels, type PageImage } from './page-image.ts';
import type { PageRenderer } from './renderer.ts';

export async function pdfRenderer(bytes: Uint8Array): Promise<PageRenderer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const task = await openPdf(bytes);
  const pdf = await task.promise.catch(async (err: unknown) => {
    await task.destroy();
    throw err;
  });
  return {
    async render(layoutPage: Page): Promise<PageImage> {
      const page = await pdf.getPage(layoutPage.index + 1);
      try {
        const scale = fitScale(layoutPage.width, layoutPage.height);
        const viewport = page.getViewport({ scale, rotation: layoutPage.rotation });
        const canvas = createCanvas(pixels(viewport.width, 1), pixels(viewport.height, 1));
        const context = canvas.getContext('2d');
        // PDFs assume white paper; a transparent PNG would show the viewer's background through.
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
        return imageOfCanvas(canvas);
      } finally {
        page.cleanup();
      }
    },
    close: () => task.destroy(),
  };
}
