/** The contract of a page renderer: opened once per document, asked for each page in turn, closed. */
import type { Page } from '../layout.ts';
import type { PageImage } from './page-image.ts';

export interface PageRenderer {
  render(page: Page): Promise<PageImage>;
  close(): Promise<void>;
}
