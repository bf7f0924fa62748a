// Shapes read in further real postmortems: numbered headings of one kind ("Contributing factor 1", "Contributing factor 2").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

test('numbered contributing factors are the contributing factors, in parts, not duplicates of each other', () => {
  const report = (second: string) => [
    '# Silent publish failure',
    '',
    '## Root cause analysis',
    '',
    'The publish step exited with code 0 when the registry refused the upload.',
    '',
    '### Contributing factor 1: no output check',
    '',
    'Nothing read what the publish command printed.',
    '',
    `### ${second}`,
    '',
    'The release was marked done before the registry showed it.',
    '',
  ];
  const result = (second: string) => analysed(report(second));
  const numbered = result('Contributing factor 2: no check after publishing');
  assert.deepEqual(numbered.model?.sections.filter((section) => section.kind === 'contributing-factors').map((section) => section.title), [
    'Contributing factor 1: no output check',
    'Contributing factor 2: no check after publishing',
  ]);
  assert.equal(numbered.findings.filter((finding) => finding.ruleId === 'duplicate-section').length, 0);
  assert.equal(numbered.findings.filter((finding) => finding.message.includes("'Contributing factors' is missing")).length, 0);
  // Two headings of one kind with no count are still duplicates.
  assert.equal(result('Contributing factors').findings.filter((finding) => finding.ruleId === 'duplicate-section').length, 1);
});

test('what the writers did right or wrong, or should have done better, names what went well or poorly; the changes being made are the actions, loosely', () => {
  const kindOf = (title: string) => {
    const section = analysed(['# Wallet drain', '', '## Summary', '', 'A poisoned package drained wallets for an hour.', '', `## ${title}`, '', '- We paused the widget within minutes', '']).model?.sections.at(-1);
    return [section?.kind, section?.uncertain];
  };
  assert.deepEqual(kindOf('What we did right'), ['what-went-well', false]);
  assert.deepEqual(kindOf('Things we got right'), ['what-went-well', false]);
  assert.deepEqual(kindOf('What we should have done better'), ['what-went-poorly', false]);
  assert.deepEqual(kindOf('What we got wrong'), ['what-went-poorly', false]);
  assert.deepEqual(kindOf('What changes are we making?'), ['action-items', true]);
  assert.deepEqual(kindOf('What we did next'), [undefined, false]);
});

test('what went poorly told under Lessons learned is a part of the lessons, not a duplicate of a section outside them', () => {
  const report = (parent: string) => [
    '# Wallet drain',
    '',
    '## What went wrong',
    '',
    'A poisoned release of the widget library drained wallets.',
    '',
    `## ${parent}`,
    '',
    '### What we should have done better',
    '',
    '- Pin the widget library to a reviewed version',
    '',
  ];
  const duplicates = (parent: string) => analysed(report(parent)).findings.filter((finding) => finding.ruleId === 'duplicate-section').length;
  assert.equal(duplicates('Lessons learned'), 0);
  assert.equal(duplicates('Follow-up review'), 1);
});

test('a page kept as plain text: heading lines run into the paragraph below them open their sections', () => {
  const page = [
    'Login errors on the EU cluster',
    '',
    'SUMMARY',
    'On March 3rd from 09:10 to 10:02 UTC some customers could not sign in.',
    'TIMELINE',
    '09:10 UTC',
    'We are looking into failed sign-ins.',
    '10:02 UTC',
    'Sign-ins work again.',
    'POST-MORTEM',
    'Root Cause Analysis',
    'A cache of session keys expired all at once after a deploy.',
    'Corrective Actions',
    '- Spread the key expiry over an hour [Scheduled]',
    '- Alert on the sign-in error rate [Done]',
    'NEED HELP',
    'Write to @statusdesk or see the status page by 2020-09-01.',
    '',
  ];
  const result = analysed(page);
  assert.deepEqual(result.model?.sections.map((section) => [section.kind, section.title]), [
    ['summary', 'SUMMARY'],
    ['timeline', 'TIMELINE'],
    ['root-cause', 'Root Cause Analysis'],
    ['action-items', 'Corrective Actions'],
  ]);
  // Only the section the page does not have is missing.
  assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.message), ["Required section 'Impact' is missing."]);
  const items = result.model?.actionItems ?? [];
  assert.equal(items.length, 2);
  // A status in brackets is no owner ("[Done]" marks the item done), and the footer after the last item is not the item's.
  assert.ok(items.every((item) => item.owner === undefined && item.due === undefined), JSON.stringify(items.map((item) => [item.owner, item.due])));
  assert.deepEqual(items.map((item) => item.status), ['open', 'done']);
  // A sentence that wraps onto a short capitalised line is no heading.
  const wrapped = analysed(['# Outage', '', '## Summary', '', 'The deploy went out and then we checked the', 'Root Cause Analysis', 'page again.', '']);
  assert.equal(wrapped.model?.sections.filter((section) => section.kind === 'root-cause').length, 0);
});
