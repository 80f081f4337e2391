/** Every layout, in generation order: 7 PDF, 3 DOCX, 2 plain text (about 58% / 25% / 17% of documents). */
import type { Template } from '../model.ts';
import { docxBanner } from './docx-banner.ts';
import { docxHeader } from './docx-header.ts';
import { docxTabs } from './docx-tabs.ts';
import { infographic } from './infographic.ts';
import { nested } from './nested.ts';
import { oneline } from './oneline.ts';
import { paged } from './paged.ts';
import { pipes } from './pipes.ts';
import { rightbar } from './rightbar.ts';
import { sideheads } from './sideheads.ts';
import { txtMarkdown } from './txt-markdown.ts';
import { txtStars } from './txt-stars.ts';

export const TEMPLATES: Template[] = [rightbar, sideheads, oneline, nested, pipes, infographic, paged, docxHeader, docxTabs, docxBanner, txtStars, txtMarkdown];
