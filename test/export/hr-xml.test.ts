import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { HR_XML_NAMESPACE, toHrXml } from '../../src/export/hr-xml.ts';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** A strict XML read: every tag closed in order (htmlparser2 in XML mode), into a small tree. */
function parseXml(xml: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const node: Node = { name, attrs, children: [], text: '' };
        stack.at(-1)!.children.push(node);
        stack.push(node);
      },
      ontext(text) {
        stack.at(-1)!.text += text;
      },
      onclosetag(name) {
        assert.equal(stack.pop()!.name, name, `</${name}> closes the wrong element`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  assert.equal(stack.length, 1, 'unclosed elements');
  assert.equal(root.children.length, 1, 'one document element');
  return root.children[0]!;
}

const child = (n: Node, name: string): Node => {
  const c = n.children.find((x) => x.name === name);
  assert.ok(c, `${n.name} has no ${name}`);
  return c;
};

test('a parsed résumé exports as a well-formed HR-XML 2.5 Candidate, children in the schema’s order', async () => {
  const r = await runPipeline(new Uint8Array(readFileSync(new URL('../../examples/resume.txt', import.meta.url))), { referenceDate: new Date('2026-11-15') });
  const d = r.data!;
  d.workExperience[0]!.organization = 'Smith & Sons <Freight>'; // escaping
  const doc = parseXml(toHrXml(d));
  assert.equal(doc.name, 'Candidate');
  assert.equal(doc.attrs.xmlns, HR_XML_NAMESPACE);
  assert.equal(child(child(child(doc, 'CandidateProfile'), 'PersonalData'), 'PersonName').children[0]!.text, d.name!.raw);
  const structured = child(child(doc, 'Resume'), 'StructuredXMLResume');
  const order = ['ContactInfo', 'ExecutiveSummary', 'Objective', 'EmploymentHistory', 'EducationHistory', 'LicensesAndCertifications', 'PublicationHistory', 'Qualifications', 'Languages', 'References'];
  const present = structured.children.map((c) => c.name);
  assert.deepEqual(present, order.filter((o) => present.includes(o)), 'children out of the schema order');
  const employers = child(structured, 'EmploymentHistory').children;
  assert.equal(employers.length, d.workExperience.length);
  assert.equal(child(employers[0]!, 'EmployerOrgName').text, 'Smith & Sons <Freight>');
  const first = child(employers[0]!, 'PositionHistory');
  assert.equal(child(first, 'Title').text, d.workExperience[0]!.jobTitle);
  assert.equal(child(child(first, 'StartDate'), 'YearMonth').text, d.workExperience[0]!.dates!.startDate!.slice(0, 7));
  assert.equal(child(child(structured, 'EducationHistory'), 'SchoolOrInstitution').children[0]!.children[0]!.text, d.education[0]!.organization);
  assert.equal(child(structured, 'Qualifications').children.length, d.skills.length);
});
