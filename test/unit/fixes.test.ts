import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/text';

const options = { force: true, today: '2024-06-01' } as const;

function fixFor(text: string, ruleId: string, index = 0) {
  const finding = analyze(text, options).findings.filter((f) => f.ruleId === ruleId)[index];
  assert.ok(finding?.fix, `no fix for ${ruleId}`);
  return finding.fix;
}

test('a missing section is inserted at its canonical place, with a template body', () => {
  const text = '# Postmortem: X\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:00 Alert\n\n## Action items\n\n- [ ] Fix it\n';
  const fix = fixFor(text, 'missing-section');
  assert.equal(fix.title, "Insert the 'Impact' section");
  assert.equal(
    applyEdits(text, fix.edits),
    '# Postmortem: X\n\n## Summary\n\nText.\n\n## Impact\n\nTODO: who was affected, for how long and how much: users, failed requests, revenue, error budget consumed.\n\n## Timeline\n\n- 10:00 Alert\n\n## Action items\n\n- [ ] Fix it\n',
  );
});

test('an inserted heading follows the document: Title Case among Title Case headings, as defined otherwise', () => {
  const titled = '# Postmortem: X\n\n## Executive Summary\n\nText.\n\n## Timeline of Events\n\n- 10:00 Alert\n\n## Action Items\n\n- [ ] Fix it\n';
  assert.match(applyEdits(titled, fixFor(titled, 'missing-section').edits), /\n## Impact\n/);
  const rootCause = analyze(titled, options).findings.find((f) => f.ruleId === 'missing-section' && f.fix?.title.includes('Root cause'));
  assert.match(applyEdits(titled, rootCause?.fix?.edits ?? []), /\n## Root Cause\n/);
  const plain = '# Postmortem: X\n\n## Executive summary\n\nText.\n\n## Timeline\n\n- 10:00 Alert\n\n## Action items\n\n- [ ] Fix it\n';
  const plainRootCause = analyze(plain, options).findings.find((f) => f.ruleId === 'missing-section' && f.fix?.title.includes('Root cause'));
  assert.match(applyEdits(plain, plainRootCause?.fix?.edits ?? []), /\n## Root cause\n/);
});

test('a section missing at the end is appended after a blank line, keeping CRLF', () => {
  const text = '# Postmortem: X\r\n\r\n## Summary\r\n\r\nText.';
  const fixed = fixAll(text, options).text;
  assert.ok(fixed.startsWith('# Postmortem: X\r\n\r\n## Summary\r\n\r\nText.\r\n\r\n## Impact\r\n\r\n'), JSON.stringify(fixed.slice(0, 80)));
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'only CRLF line breaks');
});

test('sorting a list timeline keeps each entry with its nested notes and keeps the numbering', () => {
  const text = '# Postmortem: X\n\n## Timeline\n\n1. 10:20 Third\n2. 10:00 First\n   - note on first\n3. 10:10 Second\n\nAfter.\n';
  const fixed = applyEdits(text, fixFor(text, 'timeline-order').edits);
  assert.equal(fixed, '# Postmortem: X\n\n## Timeline\n\n1. 10:00 First\n   - note on first\n2. 10:10 Second\n3. 10:20 Third\n\nAfter.\n');
});

test('sorting a table timeline moves whole rows', () => {
  const text = '# Postmortem: X\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:10 | B |\n| 10:00 | A |\n';
  assert.equal(
    applyEdits(text, fixFor(text, 'timeline-order').edits),
    '# Postmortem: X\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:00 | A |\n| 10:10 | B |\n',
  );
});

test('no sort is offered when prose sits between the entries', () => {
  const text = '# Postmortem: X\n\n## Timeline\n\n- 10:10 B\n- Note without a time\n- 10:00 A\n';
  const finding = analyze(text, options).findings.find((f) => f.ruleId === 'timeline-order');
  assert.ok(finding);
  assert.equal(finding.fix, undefined);
});

test('owner and due placeholders go at the end of the item, or into the table cell', () => {
  const list = '# Postmortem: X\n\n## Action items\n\n- [ ] [P1] Add an alert\n  more detail\n';
  assert.equal(applyEdits(list, fixFor(list, 'action-item-owner').edits), '# Postmortem: X\n\n## Action items\n\n- [ ] [P1] Add an alert (Owner: [Owner])\n  more detail\n');
  const table = '# Postmortem: X\n\n## Action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Add alert | | 2024-07-01 |\n';
  assert.equal(applyEdits(table, fixFor(table, 'action-item-owner').edits), '# Postmortem: X\n\n## Action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Add alert | [Owner] | 2024-07-01 |\n');
});

test('owner and due placeholders carry a snippet form whose first tab stop is the placeholder', () => {
  const list = '# Postmortem: X\n\n## Action items\n\n- [ ] [P1] Add an alert\n';
  assert.deepEqual(fixFor(list, 'action-item-owner').edits.map((edit) => [edit.newText, edit.snippet]), [[' (Owner: [Owner])', ' (Owner: ${1:[Owner]})']]);
  assert.deepEqual(fixFor(list, 'action-item-due').edits.map((edit) => [edit.newText, edit.snippet]), [[' (Due: YYYY-MM-DD)', ' (Due: ${1:YYYY-MM-DD})']]);
  const table = '# Postmortem: X\n\n## Action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Add alert | | 2024-07-01 |\n';
  assert.deepEqual(fixFor(table, 'action-item-owner').edits.map((edit) => [edit.newText, edit.snippet]), [[' [Owner] ', ' ${1:[Owner]} ']]);
});

test('fix-all inserts every missing section in canonical order and converges', () => {
  const text = '# Postmortem: X\n\n**Date**: 2024-01-01\n**Severity**: SEV-3\n';
  const result = fixAll(text, options);
  const headings = result.text.split('\n').filter((line) => line.startsWith('## '));
  assert.deepEqual(headings, ['## Summary', '## Impact', '## Timeline', '## Root cause', '## Contributing factors', '## What went well', '## What went poorly', '## Action items', '## Lessons learned']);
  assert.equal(result.applied, 9);
  assert.equal(fixAll(result.text, options).applied, 0);
});

test('sections added after an HTML comment left open close the comment first, so they are sections', () => {
  const text = '# Postmortem: X\n\n## Summary\n\nText.\n\n<!-- reviewers: add notes below';
  const result = fixAll(text, options);
  assert.ok(result.text.startsWith(`${text}\n-->\n`), result.text.slice(text.length, text.length + 40));
  assert.deepEqual(analyze(result.text, options).findings.filter((f) => /missing/.test(f.ruleId)), []);
  assert.equal(fixAll(result.text, options).applied, 0);
});

test('a sort that would leave the timeline out of order, because entries that set the day move, is offered but not applied by fix-all', () => {
  // The first entry keeps the list from reading as a log written newest first.
  const text = '# Postmortem: X\n\n**Date**: 2024-04-20\n\n## Timeline\n\n- 2024-04-21 08:00 Alert fired\n- Apr 22 10:00 Cleanup finished\n- 09:00 Replication re-enabled\n- 2024-04-21 12:00 Region drained\n';
  const fix = fixFor(text, 'timeline-order');
  assert.equal(fix.safe, false);
  assert.match(fix.title, /^Sort the timeline by time \(then check the dates/);
  // Sorted, "09:00" falls on April 21, after the drained region's date moved up: still out of order.
  assert.equal(applyEdits(text, fix.edits).split('\n').slice(6, 10).join('\n'), '- 2024-04-21 08:00 Alert fired\n- 2024-04-21 12:00 Region drained\n- 09:00 Replication re-enabled\n- Apr 22 10:00 Cleanup finished');
  const result = fixAll(text, options);
  assert.ok(result.text.includes('- Apr 22 10:00 Cleanup finished\n- 09:00 Replication re-enabled\n'));
  assert.equal(fixAll(result.text, options).applied, 0);
});

test('a sort that puts the timeline in order is safe', () => {
  const text = '# Postmortem: X\n\n**Date**: 2024-04-20\n\n## Timeline\n\n- 10:05 Rollback started\n- 10:00 Alert fired\n';
  assert.equal(fixFor(text, 'timeline-order').safe, true);
});
