/** Text PDFs turned into scans, for the benches that read the corpus as a scanner would hand it over. */
import { renderPng } from '../test/fixtures/scan-fixtures.ts';
import { multiPageTiff } from '../test/fixtures/tiff.ts';

/** Every page of a PDF drawn by pdf.js at 150 dpi, as one multi-page grey TIFF (test/fixtures/tiff.ts). */
export async function scanAsTiff(pdf: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const source = await PDFDocument.load(pdf);
  const pngs: Uint8Array[] = [];
  for (let i = 0; i < source.getPageCount(); i++) {
    const single = await PDFDocument.create();
    const [page] = await single.copyPages(source, [i]);
    single.addPage(page!);
    pngs.push(await renderPng(await single.save(), 150));
  }
  return multiPageTiff(pngs, 150);
}
