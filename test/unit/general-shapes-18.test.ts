// Shapes read in further real postmortems: numbered sub-headings under an action section that says its work is
// done, and follow-up headings that go on to say what kind of follow-up they hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

test('numbered sub-headings under an action section that says it is done are done items', () => {
  const report = (actions: string) => [
    '# Lost uploads',
    '',
    `## ${actions}`,
    '',
    '### 1. Restore the bucket from the snapshot',
    '',
    'The snapshot was an hour old; three uploads were asked for again.',
    '',
    '### 2. Lock the delete permission',
    '',
    'Only the storage owners can delete now.',
    '',
  ];
  const statuses = (actions: string) => analysed(report(actions)).model?.actionItems.map((item) => [item.description, item.status]);
  assert.deepEqual(statuses('Immediate actions taken'), [
    ['Restore the bucket from the snapshot', 'done'],
    ['Lock the delete permission', 'done'],
  ]);
  assert.deepEqual(statuses('Action items'), [
    ['Restore the bucket from the snapshot', 'open'],
    ['Lock the delete permission', 'open'],
  ]);
});

test('a follow-up heading with more words after it holds the actions, loosely', () => {
  const kindOf = (title: string) => analysed(['# Halt', '', '## Summary', '', 'The chain halted.', '', `## ${title}`, '', '- Add a restart drill', '']).model?.sections.at(-1);
  for (const title of ['Follow-up hardening', 'Follow-ups this outage led to']) {
    assert.deepEqual([kindOf(title)?.kind, kindOf(title)?.uncertain], ['action-items', true], title);
  }
  assert.deepEqual([kindOf('Follow-ups')?.kind, kindOf('Follow-ups')?.uncertain], ['action-items', false]);
});

test('a time written without seconds stands for its whole minute, so it is not earlier than a time to the second in it', () => {
  const order = (times: string[]) => {
    const lines = ['# Relay stall', '', '## Timeline', '', ...times.map((time, i) => `- ${time} UTC step ${i + 1}`), ''];
    return analysed(lines).findings.filter((finding) => finding.ruleId === 'timeline-order').length;
  };
  assert.equal(order(['09:12:41', '09:12', '09:14']), 0);
  assert.equal(order(['09:12:41', '09:11', '09:14']), 1);
  assert.equal(order(['09:12:41', '09:12:05']), 1);
});

test('a TL;DR above the Summary is its short form, not a second summary', () => {
  const report = (first: string) => ['# Chain halt', '', `## ${first}`, '', 'The chain halted for six hours.', '', '## Summary', '', 'A bad upgrade height stopped block production.', ''];
  const duplicates = (first: string) => analysed(report(first)).findings.filter((finding) => finding.ruleId === 'duplicate-section').length;
  assert.equal(duplicates('TL;DR:'), 0);
  assert.equal(duplicates('Overview'), 1);
});

test('"Security implications" is the impact, "Some failures" what went poorly, and "Moving foward" still looks ahead, all loosely', () => {
  const kindOf = (title: string) => {
    const section = analysed(['# Webhook flaw', '', '## Summary', '', 'Webhooks were accepted unsigned.', '', `## ${title}`, '', '- Sign every webhook', '']).model?.sections.at(-1);
    return [section?.kind, section?.uncertain];
  };
  assert.deepEqual(kindOf('Security implications'), ['impact', true]);
  assert.deepEqual(kindOf('Some failures'), ['what-went-poorly', true]);
  assert.deepEqual(kindOf('Moving foward'), ['action-items', true]);
  assert.deepEqual(kindOf('Implications for pricing'), [undefined, false]);
});
