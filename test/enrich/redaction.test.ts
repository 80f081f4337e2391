import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

test('redactedText keeps no personal value of the candidate or the referees, and keeps the rest', async () => {
  const r = await runPipeline(new TextEncoder().encode(`Ann Kowalski
ann.kowalski@example.com | +44 7700 900456 | 14 Elm Road, Bristol BS1 4DJ, UK
https://annkowalski.dev | linkedin.com/in/ann-kowalski
Date of birth: 02/03/1990

PROFILE
Annual reporting specialist with eight years in audit.

EXPERIENCE
Senior Auditor | Grant Ellis LLP | Bristol
Jan 2019 - Present
• Led the annual audit of twelve charities

REFERENCES
Dr. Peter Maddox
Head of Audit, Grant Ellis LLP
peter.maddox@example.org
+44 117 496 0321
`), { referenceDate: new Date('2026-11-15T00:00:00Z') });
  assert.equal(r.error, null);
  const red = r.data!.redactedText;
  for (const value of ['Ann Kowalski', 'Kowalski', 'ann.kowalski@example.com', '7700 900456', '14 Elm Road', 'annkowalski.dev', 'ann-kowalski', '02/03/1990', 'Peter Maddox', 'Maddox', 'peter.maddox@example.org', '496 0321', 'Head of Audit']) {
    assert.ok(!red.includes(value), `"${value}" survived: ${red}`);
  }
  // Words that merely contain a name ("Annual", "annual") and the candidate's career stay.
  assert.match(red, /Annual reporting specialist/);
  assert.match(red, /Led the annual audit of twelve charities/);
  assert.match(red, /Senior Auditor/);
});
