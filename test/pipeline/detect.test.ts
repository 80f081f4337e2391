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

test('an OLE compound file is Word unless its directory names an Excel workbook stream', () => {
  const ole = (stream: string): Uint8Array => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(new Uint8Array(Buffer.from(stream, 'utf16le')), 1024);
    return bytes;
  };
  assert.equal(detectKind(ole('WordDocument')), 'doc');
  assert.equal(detectKind(ole('Workbook')), 'xls');
  assert.equal(detectKind(ole('WordDocument'), 'old.xls'), 'xls');
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
