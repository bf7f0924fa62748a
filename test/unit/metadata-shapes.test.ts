// Metadata where other teams put it: ambiguous numeric dates, a date under a `## Date:` heading, bold labels of any key, relative phrases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const read = (text: string) => analyze(text, { force: true, today: '2026-12-01' });
const dateFindings = (text: string) => read(text).findings.filter((finding) => finding.ruleId === 'metadata-date').map((finding) => finding.message);

test('a slashed date whose day and month could swap is read month/day, and the finding says so', () => {
  const text = '# Queue stall\n\n**Date**: 03/10/2021\n\n## Summary\n\nThe queue stalled.\n';
  assert.equal(read(text).model?.date, '2021-03-10');
  const [message] = dateFindings(text);
  assert.match(message, /'03\/10\/2021' is read as 2021-03-10 \(month\/day\), a guess/);
});

test('a dashed date is read day-month, also said to be a guess; an unambiguous one is read silently', () => {
  assert.equal(read('# Queue stall\n\n**Date**: 03-10-2021\n').model?.date, '2021-10-03');
  assert.match(dateFindings('# Queue stall\n\n**Date**: 03-10-2021\n')[0], /\(day-month\)/);
  assert.equal(read('# Queue stall\n\n**Date**: 25/10/2021\n').model?.date, '2021-10-25');
  assert.deepEqual(dateFindings('# Queue stall\n\n**Date**: 25/10/2021\n'), []);
  assert.deepEqual(dateFindings('# Queue stall\n\n**Date**: 2021-03-10\n'), []);
});

test('the date in the body of a `## Date:` heading, and in the heading itself', () => {
  const under = read('# Queue stall\n\n## Date:\n\n12 May 2026\n\n## Summary\n\nx\n').model;
  assert.deepEqual([under?.date, under?.dateFrom], ['2026-05-12', 'section']);
  const inHeading = read('# Queue stall\n\n## Date: May 12th, 2026\n\n## Summary\n\nx\n').model;
  assert.deepEqual([inHeading?.date, inHeading?.dateFrom], ['2026-05-12', 'section']);
});

test('bold labels under the title keep keys the analysis has no use for; a label naming a section is no metadata', () => {
  const model = read('# Queue stall\n\n**Reviewer**: Lou  \n**Date**: 2026-05-12  \n**Impact**: reports were late\n\n## Timeline\n\n- 10:00 alert\n').model;
  assert.deepEqual(model?.metadata.map((field) => [field.key, field.value]), [
    ['reviewer', 'Lou'],
    ['date', '2026-05-12'],
  ]);
});

test('a relative phrase that cannot be dated stays unread, never misread', () => {
  for (const phrase of ['last Tuesday', '3 days ago', 'earlier this week']) {
    const text = `# Queue stall\n\n**Date**: ${phrase}\n`;
    assert.equal(read(text).model?.date, undefined, phrase);
    assert.match(dateFindings(text)[0], /cannot be read/, phrase);
  }
});

test("the document's own unambiguous numeric dates settle the order of an ambiguous one, and then it is no guess", () => {
  const dayFirst = '# Queue stall\n\n**Date**: 03/10/2021\n\n## Timeline\n\n### 30-09-2021\n\n- 10:00 alert\n';
  assert.equal(read(dayFirst).model?.date, '2021-10-03');
  assert.deepEqual(dateFindings(dayFirst), []);
  const monthFirst = '# Queue stall\n\n**Date**: 03/10/2021\n\nThe previous outage was on 02/25/2021.\n';
  assert.equal(read(monthFirst).model?.date, '2021-03-10');
  assert.deepEqual(dateFindings(monthFirst), []);
});

const severityValue = (text: string) => read(text).model?.metadata.find((field) => field.key === 'severity')?.value;
const severityFindings = (text: string) => read(text).findings.filter((finding) => finding.ruleId === 'metadata-severity').map((finding) => finding.message);

test('a label with no value takes the bullet nested under it; a trailing space written as an entity is no value', () => {
  const bold = '# Queue stall\n\n* **Date:** 2026-03-02\n* **Severity:**&#x20;\n  * SEV-2 - exports delayed\n    * a note on the grading\n';
  assert.deepEqual(severityFindings(bold), []);
  assert.equal(severityValue(bold), 'SEV-2 - exports delayed');
  const plain = '# Queue stall\n\n- Date: 2026-03-02\n- Severity:\n  - SEV-3 - a few exports late\n';
  assert.equal(severityValue(plain), 'SEV-3 - a few exports late');
  assert.equal(severityValue('# Queue stall\n\n- Date: 2026-03-02\n- Severity:\n\nText.\n'), undefined);
});

test('front matter keys in snake case, as blog exports write them ("post_date"), are read like their spaced names', () => {
  const text = '---\npost_title: Queue stall\npost_date: 2012-03-14 00:00:00\n---\n# Queue stall\n\n## Summary\n\nThe queue stalled.\n';
  assert.equal(read(text).model?.date, '2012-03-14');
  assert.deepEqual(dateFindings(text), []);
});

test('a date in the file name stands for the incident date; a name with no date, an impossible one or an id does not', () => {
  const undated = '# Queue stall\n\n## Summary\n\nThe queue stalled for an hour.\n';
  const findingsAt = (path: string) =>
    analyze(undated, { force: true, today: '2026-12-01', path }).findings.filter((finding) => finding.ruleId === 'metadata-date');
  assert.equal(findingsAt('postmortems/2024-01-15-queue-stall.md').length, 0);
  assert.equal(findingsAt('C:\\notes\\20240115_queue.md').length, 0);
  assert.equal(findingsAt('postmortems/queue-stall.md').length, 1);
  assert.equal(findingsAt('postmortems/2024-13-45-queue.md').length, 1);
  assert.equal(findingsAt('postmortems/ticket-120240115.md').length, 1);
  assert.equal(dateFindings(undated).length, 1);
});
