/**
 * Writes the quick-start sample: examples/resume.pdf (one page, pdf-lib standard fonts) and examples/resume.txt,
 * the same résumé as plain text. Both are committed; rerun after changing the content:
 *
 *   node --import tsx scripts/make-example.ts
 *
 * The person is invented: e-mail on example.com, a 555-01xx number (reserved for fiction), invented employers.
 * Output is byte-for-byte reproducible (fixed document dates), so a rerun without changes leaves git clean.
 */
import { writeFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

interface Job {
  title: string;
  organization: string;
  location: string;
  dates: string;
  bullets: string[];
}

const RESUME = {
  name: 'Elena M. Varga',
  contact: ['elena.varga@example.com', '(503) 555-0142', 'Portland, OR', 'linkedin.com/in/elena-varga-example'],
  summary:
    'Backend engineer with nine years of experience building logistics and payments systems. Known for turning slow, ' +
    'fragile services into fast, observable ones, and for mentoring engineers through their first on-call rotations.',
  experience: [
    {
      title: 'Senior Software Engineer',
      organization: 'Northwind Freight Systems',
      location: 'Portland, OR',
      dates: 'Mar 2021 – Present',
      bullets: [
        'Led the split of the shipment-tracking monolith into 14 Go services, cutting p95 API latency from 840 ms to 190 ms.',
        'Designed a partitioning scheme in PostgreSQL for 2.1 billion tracking events; storage costs fell by 38%.',
        'Mentored four engineers and wrote the on-call runbooks that halved the mean time to recovery.',
      ],
    },
    {
      title: 'Software Engineer',
      organization: 'Cascade Ledger Co.',
      location: 'Seattle, WA',
      dates: 'Jun 2017 – Feb 2021',
      bullets: [
        'Built the payment reconciliation service in Python and Kafka, matching 3 million payments a day.',
        'Introduced contract tests between eight teams, removing a weekly class of release rollbacks.',
        'Moved batch jobs from cron hosts to Kubernetes CronJobs managed with Terraform.',
      ],
    },
    {
      title: 'Junior Web Developer',
      organization: 'Willamette Digital Studio',
      location: 'Eugene, OR',
      dates: 'Jul 2015 – May 2017',
      bullets: [
        'Shipped booking and e-commerce sites for 20+ local clients with TypeScript, React and Node.js.',
        'Automated deployments with GitHub Actions, from two hours of manual steps to ten minutes.',
      ],
    },
  ] satisfies Job[],
  education: [
    {
      degree: 'B.S. in Computer Science',
      organization: 'Oregon State University',
      location: 'Corvallis, OR',
      dates: 'Sep 2011 – Jun 2015',
      note: 'GPA 3.7/4.0; senior project: route planning for campus deliveries',
    },
  ],
  skills: ['Go', 'Python', 'TypeScript', 'PostgreSQL', 'Kafka', 'Kubernetes', 'Terraform', 'AWS', 'gRPC', 'React'],
  languages: ['English (native)', 'Spanish (professional working proficiency)', 'Hungarian (conversational)'],
};

function asText(): string {
  const lines = [RESUME.name, RESUME.contact.join(' | '), '', 'SUMMARY', RESUME.summary, '', 'EXPERIENCE'];
  for (const job of RESUME.experience) {
    lines.push(`${job.title} | ${job.dates}`, `${job.organization}, ${job.location}`, ...job.bullets.map((b) => `• ${b}`), '');
  }
  lines.push('EDUCATION');
  for (const e of RESUME.education) lines.push(`${e.degree} | ${e.dates}`, `${e.organization}, ${e.location}`, e.note, '');
  lines.push('SKILLS', RESUME.skills.join(', '), '', 'LANGUAGES', RESUME.languages.join(', '));
  return lines.join('\n') + '\n';
}

const PAGE = { width: 612, height: 792, margin: 54 };
const INK = rgb(0.1, 0.1, 0.12);
const ACCENT = rgb(0.16, 0.3, 0.5);

/** Draws top-down: `y` is the baseline of the next line. */
class Pen {
  y = PAGE.height - PAGE.margin;
  constructor(
    private page: PDFPage,
    private fonts: { regular: PDFFont; bold: PDFFont; italic: PDFFont },
  ) {}

  line(text: string, size: number, font: keyof Pen['fonts'] = 'regular', x = PAGE.margin, color = INK): void {
    this.page.drawText(text, { x, y: this.y, size, font: this.fonts[font], color });
    this.y -= size * 1.35;
  }

  /** Text left and right on one line (title and dates). */
  split(left: string, right: string, size: number): void {
    const width = this.fonts.regular.widthOfTextAtSize(right, size);
    this.page.drawText(right, { x: PAGE.width - PAGE.margin - width, y: this.y, size, font: this.fonts.regular, color: INK });
    this.line(left, size, 'bold');
  }

  /** A paragraph wrapped to the text width; `bullet` hangs in the margin of the wrapped lines. */
  paragraph(text: string, size: number, bullet = false): void {
    const indent = bullet ? 12 : 0;
    const width = PAGE.width - 2 * PAGE.margin - indent;
    let current = '';
    const lines: string[] = [];
    for (const word of text.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (current && this.fonts.regular.widthOfTextAtSize(next, size) > width) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    lines.push(current);
    lines.forEach((l, i) => {
      if (bullet && i === 0) this.page.drawText('•', { x: PAGE.margin + 2, y: this.y, size, font: this.fonts.regular, color: INK });
      this.line(l, size, 'regular', PAGE.margin + indent);
    });
  }

  heading(text: string): void {
    this.y -= 6;
    this.line(text, 11, 'bold', PAGE.margin, ACCENT);
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y + 11 }, end: { x: PAGE.width - PAGE.margin, y: this.y + 11 }, thickness: 0.6, color: ACCENT });
    this.y -= 2;
  }
}

async function asPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const pen = new Pen(pdf.addPage([PAGE.width, PAGE.height]), fonts);
  pen.line(RESUME.name, 22, 'bold');
  pen.line(RESUME.contact.join('  |  '), 9.5);
  pen.heading('SUMMARY');
  pen.paragraph(RESUME.summary, 9.5);
  pen.heading('EXPERIENCE');
  for (const job of RESUME.experience) {
    pen.split(job.title, job.dates, 10);
    pen.line(`${job.organization}, ${job.location}`, 9.5, 'italic');
    for (const bullet of job.bullets) pen.paragraph(bullet, 9.5, true);
    pen.y -= 4;
  }
  pen.heading('EDUCATION');
  for (const e of RESUME.education) {
    pen.split(e.degree, e.dates, 10);
    pen.line(`${e.organization}, ${e.location}`, 9.5, 'italic');
    pen.paragraph(e.note, 9.5);
  }
  pen.heading('SKILLS');
  pen.paragraph(RESUME.skills.join(', '), 9.5);
  pen.heading('LANGUAGES');
  pen.paragraph(RESUME.languages.join(', '), 9.5);

  // Fixed metadata: pdf-lib would stamp the current time, and the committed file should only change with its content.
  const date = new Date('2026-01-01T00:00:00Z');
  pdf.setTitle(`${RESUME.name} — Résumé`);
  pdf.setAuthor(RESUME.name);
  pdf.setCreator('Vitae scripts/make-example.ts');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  if (pen.y < PAGE.margin) throw new Error(`The résumé overflows the page by ${Math.ceil(PAGE.margin - pen.y)} pt; shorten it.`);
  return pdf.save();
}

const examples = new URL('../examples/', import.meta.url);
writeFileSync(new URL('resume.txt', examples), asText());
writeFileSync(new URL('resume.pdf', examples), await asPdf());
console.log('wrote examples/resume.txt and examples/resume.pdf');
