import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { detectKind } from '../../src/pipeline/detect.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

test('ZIP packages are told apart by their entries, not by strings that happen to be in compressed data', () => {
  const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x>xl/ word/</x>') });
  assert.equal(detectKind(odt), 'odt');
  const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') });
  assert.equal(detectKind(ods), 'zip');
  assert.equal(detectKind(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') })), 'xlsx');
  assert.equal(detectKind(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })), 'docx');
  // An entry whose *content* mentions word/ or xl/ names nothing.
  assert.equal(detectKind(zipSync({ 'notes.txt': [strToU8('see xl/ and word/ folders'), { level: 0 }] })), 'zip');
  assert.equal(detectKind(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }), 'cv.docx'), 'docx');
});

test('an OLE compound file is Word unless its directory names an Excel workbook stream (first)', () => {
  /** A compound file's head with directory entries (128 bytes: UTF-16 name, its byte length at 64, type at 66) from offset 1024. */
  const ole = (...streams: string[]): Uint8Array => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    streams.forEach((stream, i) => {
      const name = Buffer.from(`${stream}\0`, 'utf16le');
      bytes.set(name, 1024 + 128 * i);
      bytes.set([name.length, 0, 2], 1024 + 128 * i + 64);
    });
    return bytes;
  };
  assert.equal(detectKind(ole('WordDocument')), 'doc');
  assert.equal(detectKind(ole('Workbook')), 'xls');
  assert.equal(detectKind(ole('Book')), 'xls');
  assert.equal(detectKind(ole('Workbook', 'WordDocument')), 'xls', 'a workbook embedding a Word document');
  assert.equal(detectKind(ole('WordDocument', 'Workbook')), 'doc', 'a Word document embedding a workbook');
  // The name alone, anywhere else (in the document's text), is no directory entry.
  const mention = ole('WordDocument');
  mention.set(new Uint8Array(Buffer.from('Workbook\0', 'utf16le')), 1600);
  assert.equal(detectKind(mention), 'doc');
  // Only when the bytes given hold no entry (the head of a file) does the name decide.
  assert.equal(detectKind(ole(), 'old.xls'), 'xls');
  assert.equal(detectKind(ole()), 'doc');
});

test('HTML without a doctype, after an XML declaration or comments, or in UTF-16; text that only mentions tags is text', () => {
  assert.equal(detectKind(utf8('<!DOCTYPE html><html><body>x</body></html>')), 'html');
  assert.equal(detectKind(utf8('\n  <div class="cv"><p>Jane</p></div>')), 'html');
  assert.equal(detectKind(utf8('<?xml version="1.0"?>\n<!-- exported -->\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')), 'html');
  assert.equal(detectKind(utf8('\uFEFF<table><tr><td>Jane</td></tr></table>')), 'html');
  assert.equal(detectKind(new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from('<html><body>x</body></html>', 'utf16le').swap16())])), 'html');
  assert.equal(detectKind(utf8('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')), 'txt');
  assert.equal(detectKind(utf8('Jane Doe <jane@example.com>\nEngineer')), 'txt');
});
