/**
 * Provenance as boxes (src/pipeline/provenance.ts): the pipeline's citations become boxes on the page, checked
 * against where the text was drawn (pdf-lib's own font metrics, independent of pdf.js's extraction), on a scan
 * read by OCR (Debian's tesseract) against the ink of its image, and on a page whose image is capped at 4 Mpx.
 * Also the review page's rule for boxes of edited values (src/service/review/boxes.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { findPrinted, provenanceRecord, spanBoxes, type ProvenanceRecord, type ValueBox } from '../../src/pipeline/provenance.ts';
import { reviewBoxes } from '../../src/service/review/boxes.ts';
import { singleColumnPdf } from '../fixtures/pdf-fixtures.ts';
import { renderPng } from '../fixtures/scan-fixtures.ts';

const REFERENCE = new Date('2026-11-01');

async function fonts(): Promise<{ regular: PDFFont; bold: PDFFont; italic: PDFFont }> {
  const doc = await PDFDocument.create();
  return { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold), italic: await doc.embedFont(StandardFonts.HelveticaOblique) };
}

/** Where `value` was drawn inside a line of text drawn at x (points, baseline y): [x0, x1, baseline]. */
function drawn(font: PDFFont, size: number, line: string, value: string, x: number, baseline: number): [number, number, number] {
  // As a whole word: "Java" is not the start of "JavaScript".
  const at = line.search(new RegExp(`(?<![\\w])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`));
  assert.ok(at >= 0, `${value} in ${line}`);
  const x0 = x + font.widthOfTextAtSize(line.slice(0, at), size);
  return [x0, x0 + font.widthOfTextAtSize(value, size), baseline];
}

function boxesOf(record: ProvenanceRecord, path: string): ValueBox[] {
  return record.boxes.filter((b) => b.path === path);
}

/**
 * A word inside a run of text is placed by its characters' count (pdf.js gives one width per run; extract/pdf.ts),
 * so a value inside a line drawn in one go ("jane@example.com  |  +1 555…") is only that close to where it was drawn.
 */
const IN_RUN = 12;

/** The value's one box spans what was drawn, to `tolerance` points, and holds its baseline. */
function assertOver(record: ProvenanceRecord, path: string, [x0, x1, baseline]: [number, number, number], tolerance = 1.5): void {
  const boxes = boxesOf(record, path);
  assert.equal(boxes.length, 1, `${path}: ${JSON.stringify(boxes)}`);
  const [bx0, by0, bx1, by1] = boxes[0]!.bbox;
  assert.ok(Math.abs(bx0 - x0) <= tolerance, `${path} starts at ${bx0}, drawn at ${x0}`);
  assert.ok(Math.abs(bx1 - x1) <= tolerance, `${path} ends at ${bx1}, drawn to ${x1}`);
  assert.ok(by0 < baseline && baseline <= by1 + 0.5, `${path} spans y ${by0}–${by1}, baseline ${baseline}`);
}

test('the single-column PDF: each value cited has its box where it was drawn', async () => {
  const { regular, bold, italic } = await fonts();
  const result = await runPipeline(await singleColumnPdf(), { referenceDate: REFERENCE });
  const record = provenanceRecord(result.doc!);
  assert.equal(record.unit, 'pt');
  assert.deepEqual(record.pages, [{ pageIndex: 0, width: 612, height: 792 }]);
  // Drawn as "Jane Whit" + "field" (a ligature split): one name, one box over both pieces.
  assertOver(record, 'name', [50, 50 + bold.widthOfTextAtSize('Jane Whitfield', 20), 60]);
  const contact = 'jane@example.com  |  +1 555 0100  |  Seattle, WA';
  assertOver(record, 'emails.0', drawn(regular, 10, contact, 'jane@example.com', 50, 80), IN_RUN);
  assertOver(record, 'location', drawn(regular, 10, contact, 'Seattle, WA', 50, 80), IN_RUN);
  assertOver(record, 'workExperience.0.jobTitle', drawn(bold, 11, 'Senior Software Engineer', 'Senior Software Engineer', 50, 140));
  assertOver(record, 'workExperience.0.organization', drawn(italic, 10, 'Acme Corporation', 'Acme Corporation', 50, 154));
  const dates = 'Jan 2019 – Present';
  assertOver(record, 'workExperience.0.dates', [562 - regular.widthOfTextAtSize(dates, 10), 562, 140]);
  assertOver(record, 'workExperience.1.jobTitle', drawn(bold, 11, 'Software Engineer', 'Software Engineer', 50, 208));
  assertOver(record, 'workExperience.1.organization', drawn(italic, 10, 'Globex', 'Globex', 50, 222));
  const school = 'BSc Computer Science, University of Leeds';
  assertOver(record, 'education.0.accreditation.education', drawn(regular, 10, school, 'BSc Computer Science', 50, 290), IN_RUN);
  assertOver(record, 'education.0.organization', drawn(regular, 10, school, 'University of Leeds', 50, 290), IN_RUN);
  assertOver(record, 'education.0.dates', [562 - regular.widthOfTextAtSize('2011 – 2015', 10), 562, 290]);
  // What each box stands for is what the data holds there.
  assert.equal(record.values['workExperience.0.jobTitle'], 'Senior Software Engineer');
  assert.deepEqual(record.values['name'], result.data!.name);
});

/** Skills, languages, certifications, referees and a web site: values read as text, cited by where they are printed. */
async function listsPdf(): Promise<{ bytes: Uint8Array; lines: Record<string, [string, number, PDFFont]> }> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  const lines: Record<string, [string, number, PDFFont]> = {};
  const at = (key: string, text: string, y: number, font = regular, size = 10): void => {
    page.drawText(text, { x: 50, y: 792 - y, font, size });
    lines[key] = [text, y, font];
  };
  at('name', 'Jane Whitfield', 60, bold, 20);
  at('contact', 'jane@example.com  |  +44 20 7946 0958  |  Seattle, WA  |  github.com/janew', 80);
  at('h1', 'EXPERIENCE', 120, bold, 12);
  at('title', 'Senior Software Engineer', 140, bold, 11);
  at('org', 'Acme Corporation, Leeds', 154);
  at('h2', 'SKILLS', 200, bold, 12);
  at('skills', 'TypeScript, PostgreSQL, Kubernetes, JavaScript, Java', 220);
  at('h3', 'LANGUAGES', 250, bold, 12);
  at('languages', 'English (native), French (B2)', 270);
  at('h4', 'CERTIFICATIONS', 300, bold, 12);
  at('cert1', '• AWS Certified Solutions Architect – Associate (2021)', 320);
  at('cert2', '• Certified Kubernetes Administrator (2022)', 334);
  at('h5', 'REFEREES', 370, bold, 12);
  at('refName', 'Dr. Alan Grant', 390);
  at('refPosition', 'Head of Engineering, Acme Corporation', 404);
  at('refEmail', 'alan.grant@example.com', 418);
  return { bytes: await doc.save(), lines };
}

test('values read as text — skills, languages, certifications, referees, web sites — are cited where printed', async () => {
  const { bytes, lines } = await listsPdf();
  const result = await runPipeline(bytes, { referenceDate: REFERENCE });
  const d = result.data!;
  const record = provenanceRecord(result.doc!);
  const over = (path: string, key: string, value: string): void => {
    const [line, y, font] = lines[key]!;
    assertOver(record, path, drawn(font, 10, line, value, 50, y), line === value ? 1.5 : IN_RUN);
  };
  over('websites.0', 'contact', 'github.com/janew');
  over('phoneNumbers.0', 'contact', '+44 20 7946 0958');
  over('workExperience.0.location', 'org', 'Leeds');
  assert.deepEqual(d.skills.slice(0, 5).map((s) => s.name), ['TypeScript', 'PostgreSQL', 'Kubernetes', 'JavaScript', 'Java']);
  d.skills.slice(0, 5).forEach((s, i) => over(`skills.${i}`, 'skills', s.name));
  // "Java" is the last item, not the start of "JavaScript" (whole words only).
  assert.ok(boxesOf(record, 'skills.4')[0]!.bbox[0] > boxesOf(record, 'skills.3')[0]!.bbox[2]);
  assert.deepEqual(d.languages, ['English', 'French']);
  over('languages.0', 'languages', 'English');
  over('languages.1', 'languages', 'French');
  assert.deepEqual(d.certifications, ['AWS Certified Solutions Architect – Associate', 'Certified Kubernetes Administrator']);
  over('certifications.0', 'cert1', 'AWS Certified Solutions Architect – Associate');
  over('certifications.1', 'cert2', 'Certified Kubernetes Administrator');
  over('referees.0.name', 'refName', 'Dr. Alan Grant');
  over('referees.0.position', 'refPosition', 'Head of Engineering, Acme Corporation');
  over('referees.0.email', 'refEmail', 'alan.grant@example.com');
  // Every box's path holds a value in the data, and every value the form shows has a box.
  for (const box of record.boxes) assert.ok(record.values[box.path] != null, box.path);
  const cited = new Set(record.boxes.map((b) => b.path));
  for (const path of ['name', 'emails.0', 'location', 'workExperience.0.jobTitle', 'workExperience.0.organization']) assert.ok(cited.has(path), path);
});

test('a span over two lines has a box on each; part of a word gets part of its box', async () => {
  const result = await runPipeline(await singleColumnPdf(), { referenceDate: REFERENCE });
  const layout = result.doc!.layout;
  const title = layout.lines.find((l) => l.text.startsWith('Senior Software Engineer'))!;
  const org = layout.lines.find((l) => l.text === 'Acme Corporation')!;
  const both = spanBoxes(layout, title.start, org.end);
  assert.equal(both.length, 2);
  assert.ok(both[1]!.bbox[1] >= both[0]!.bbox[3] - 1, 'one under the other');
  const word = org.words[0]!; // "Acme"
  const [whole] = spanBoxes(layout, word.start, word.end);
  const [part] = spanBoxes(layout, word.start + 1, word.end - 1);
  assert.ok(part!.bbox[0] > whole!.bbox[0] && part!.bbox[2] < whole!.bbox[2], `${part!.bbox} inside ${whole!.bbox}`);
  assert.deepEqual(spanBoxes(layout, title.end, title.end + 1), [], 'a line break alone has no box');
});

test('findPrinted: case and line breaks ignored, whole words only, runs of consecutive lines only', async () => {
  const result = await runPipeline(await singleColumnPdf(), { referenceDate: REFERENCE });
  const { text, lines } = result.doc!.layout;
  const at = findPrinted(text, 'senior software engineer', lines)!;
  assert.equal(text.slice(at.start, at.end), 'Senior Software Engineer');
  // Printed over two lines ("…Engineer⇥Jan 2019 – Present" / "Acme Corporation"): found across the break.
  const across = findPrinted(text, 'Present Acme', lines)!;
  assert.equal(text.slice(across.start, across.end), 'Present\nAcme');
  assert.equal(findPrinted(text, 'Acme Corp', lines), null, 'not the start of a word');
  assert.equal(findPrinted(text, 'Globex', lines.filter((l) => !l.text.includes('Globex'))), null);
  assert.equal(findPrinted(text, '  ', lines), null);
});

/** Whether the image has ink (a dark pixel) inside a box given in its pixels. */
async function inked(png: Uint8Array, [x0, y0, x1, y1]: number[]): Promise<boolean> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const [left, top] = [Math.floor(x0!), Math.floor(y0!)];
  const { data } = context.getImageData(left, top, Math.max(1, Math.ceil(x1!) - left), Math.max(1, Math.ceil(y1!) - top));
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) return true;
  return false;
}

test('a scan read by OCR: boxes in points, scaled by the stored page size, land on the ink of its image', async () => {
  const { regular, bold, italic } = await fonts();
  // 150 dpi, the resolution assumed for an image that does not say: its size in points is the PDF's.
  const png = await renderPng(await singleColumnPdf(), 150);
  const result = await runPipeline(png, { referenceDate: REFERENCE, renderPages: true });
  assert.equal(result.meta.isOcrd, true);
  const record = provenanceRecord(result.doc!);
  const image = result.pageImages[0]!;
  assert.equal(record.unit, 'pt');
  assert.equal(Math.round(record.pages[0]!.width), 612);
  assert.equal(image.width, Math.ceil((612 * 150) / 72), 'the scan is its own page image, in pixels');
  const scale = image.width / record.pages[0]!.width;
  // Where the fixture drew each value, to 3 pt (a pixel at 150 dpi is 0.48 pt; OCR boxes are tight around the ink).
  const expected: Record<string, [number, number, number]> = {
    name: [50, 50 + bold.widthOfTextAtSize('Jane Whitfield', 20), 60],
    'emails.0': drawn(regular, 10, 'jane@example.com  |  +1 555 0100  |  Seattle, WA', 'jane@example.com', 50, 80),
    'workExperience.0.jobTitle': drawn(bold, 11, 'Senior Software Engineer', 'Senior Software Engineer', 50, 140),
    'workExperience.0.organization': drawn(italic, 10, 'Acme Corporation', 'Acme Corporation', 50, 154),
    'workExperience.1.jobTitle': drawn(bold, 11, 'Software Engineer', 'Software Engineer', 50, 208),
    'education.0.organization': drawn(regular, 10, 'BSc Computer Science, University of Leeds', 'University of Leeds', 50, 290),
  };
  for (const [path, where] of Object.entries(expected)) {
    assertOver(record, path, where, 3);
    assert.ok(await inked(image.png, boxesOf(record, path)[0]!.bbox.map((v) => v * scale)), `${path} has ink in its box`);
  }
  // A control: the same size of box in the empty right half of the page, under the job, has none.
  assert.equal(await inked(image.png, [350, 180, 450, 195].map((v) => v * scale)), false);
});

test('a page whose image is capped at 4 Mpx: the page size stays in points, and the scaled boxes land on its ink', async () => {
  const doc = await PDFDocument.create();
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  // A3-and-more (1400 × 1800 pt): at 2 px/pt it would be 10 Mpx, so it is drawn smaller.
  const page = doc.addPage([1400, 1800]);
  page.drawText('Jane Whitfield', { x: 100, y: 1800 - 150, font: bold, size: 40 });
  page.drawText('jane@example.com', { x: 100, y: 1800 - 200, font: regular, size: 20 });
  page.drawText('EXPERIENCE', { x: 100, y: 1800 - 300, font: bold, size: 24 });
  page.drawText('Senior Software Engineer', { x: 100, y: 1800 - 340, font: bold, size: 22 });
  page.drawText('Acme Corporation', { x: 100, y: 1800 - 370, font: regular, size: 20 });
  const result = await runPipeline(await doc.save(), { referenceDate: REFERENCE, renderPages: true });
  const record = provenanceRecord(result.doc!);
  const image = result.pageImages[0]!;
  assert.deepEqual(record.pages, [{ pageIndex: 0, width: 1400, height: 1800 }]);
  assert.ok(image.width < 2 * 1400, `capped: ${image.width}×${image.height}`);
  const scale = image.width / 1400;
  for (const path of ['name', 'emails.0']) {
    const [box] = boxesOf(record, path);
    assert.ok(box, path);
    assert.ok(await inked(image.png, box.bbox.map((v) => v * scale)), `${path} has ink in its box`);
  }
  assertOver(record, 'name', [100, 100 + bold.widthOfTextAtSize('Jane Whitfield', 40), 150], 4);
});

test('the review page keeps a box while its value is as parsed, follows a moved entry, and drops an edited one', () => {
  const record: ProvenanceRecord = {
    unit: 'pt',
    pages: [{ pageIndex: 0, width: 612, height: 792 }],
    boxes: [
      { path: 'workExperience.0.jobTitle', pageIndex: 0, bbox: [50, 130, 180, 142] },
      { path: 'workExperience.1.jobTitle', pageIndex: 0, bbox: [50, 200, 150, 212] },
      { path: 'emails.0', pageIndex: 0, bbox: [50, 70, 130, 82] },
      { path: 'name', pageIndex: 0, bbox: [50, 40, 185, 64] },
    ],
    values: { 'workExperience.0.jobTitle': 'Senior Engineer', 'workExperience.1.jobTitle': 'Engineer', 'emails.0': 'jane@example.com', name: { raw: 'Jane Doe', first: 'Jane', last: 'Doe' } },
  };
  const paths = (data: unknown): string[] => reviewBoxes(record, data)!.boxes.map((b) => b.path);
  const parsed = { workExperience: [{ jobTitle: 'Senior Engineer' }, { jobTitle: 'Engineer' }], emails: ['jane@example.com'], name: { raw: 'Jane Doe', first: 'Jane', last: 'Doe' } };
  assert.deepEqual(paths(parsed), ['workExperience.0.jobTitle', 'workExperience.1.jobTitle', 'emails.0', 'name']);
  // Keys in another order are the same value.
  assert.deepEqual(paths({ ...parsed, name: { last: 'Doe', first: 'Jane', raw: 'Jane Doe' } }), ['workExperience.0.jobTitle', 'workExperience.1.jobTitle', 'emails.0', 'name']);
  // Jobs swapped: each title's box follows it to its new place.
  assert.deepEqual(paths({ ...parsed, workExperience: [{ jobTitle: 'Engineer' }, { jobTitle: 'Senior Engineer' }] }), ['workExperience.1.jobTitle', 'workExperience.0.jobTitle', 'emails.0', 'name']);
  // An edited title, e-mail and name: no box for them (even a near miss is a different value).
  assert.deepEqual(paths({ workExperience: [{ jobTitle: 'Senior Engineer II' }, { jobTitle: 'Engineer' }], emails: ['jane.doe@example.com'], name: { raw: 'Jane Q Doe', first: 'Jane', last: 'Doe' } }), ['workExperience.1.jobTitle']);
  // Two entries now holding the parsed value: which one the box belongs to is not known, so neither gets it.
  assert.deepEqual(paths({ ...parsed, workExperience: [{ jobTitle: 'X' }, { jobTitle: 'Engineer' }, { jobTitle: 'Senior Engineer' }, { jobTitle: 'Senior Engineer' }] }), ['workExperience.1.jobTitle', 'emails.0', 'name']);
  assert.equal(reviewBoxes(null, parsed), null);
});
