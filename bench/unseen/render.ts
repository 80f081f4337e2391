/** Writers: HTML to PDF through one shared headless Chromium, DOCX buffers, plain text. */
import { chromium, type Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import type { Person, Rendered } from './model.ts';

export const CHROMIUM = '/usr/bin/chromium';

export class PdfRenderer {
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<PdfRenderer> {
    // no network is needed or wanted: every page is self-contained HTML with local fonts
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
    return new PdfRenderer(browser);
  }

  async render(r: Extract<Rendered, { kind: 'html' }>, size: Person['pageSize']): Promise<{ pdf: Buffer; pages: number }> {
    const context = await this.browser.newContext({ offline: true, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(r.html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: size,
        printBackground: true,
        margin: r.margin ?? { top: '0', bottom: '0', left: '0', right: '0' },
        displayHeaderFooter: !!(r.header || r.footer),
        headerTemplate: r.header ?? '<span></span>',
        footerTemplate: r.footer ?? '<span></span>',
      });
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      return { pdf, pages };
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
