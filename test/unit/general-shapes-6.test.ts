// Shapes of structure other teams write, each read by a general mechanism: a page of several incident reports with
// a timeline each, an update log written newest first, front matter that strict YAML refuses, a post dated by when it was published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis';

const analysed = (text: string): Analysis => analyze(text, { force: true, today: '2026-12-01' });
const findingsOf = (text: string, ruleId: string) => analysed(text).findings.filter((finding) => finding.ruleId === ruleId);

test('a page of several incident reports checks each report\'s timeline apart', () => {
  const report = (title: string, day: string, times: string[]) => [
    `### ${title}`,
    '',
    '#### Timeline',
    '',
    `${day} (all times UTC)`,
    ...times.map((time) => `- ${time} something happened`),
    '',
  ];
  const text = [
    '# Staging incident reports',
    '',
    ...report('Report 2: queue stalls', '2025-06-10', ['09:00', '09:30']),
    ...report('Report 1: cache misses', '2025-03-02', ['22:10', '23:40']),
  ].join('\n');
  assert.deepEqual(findingsOf(text, 'timeline-order'), []);
  const entries = analysed(text).model?.timeline ?? [];
  assert.deepEqual(entries.filter((entry) => !entry.dayOnly).map((entry) => entry.timeline), [0, 0, 1, 1]);

  // Within one report an entry out of order is still found.
  const outOfOrder = text.replace('- 23:40', '- 21:40');
  assert.equal(findingsOf(outOfOrder, 'timeline-order').length, 1);
});

test('a timeline written newest first throughout is read as written that way, not as out of order', () => {
  const timeline = (times: string[]) => ['# Storage degraded', '', '## Timeline', '', ...times.map((time) => `- 2025-08-13 ${time} UTC update posted`), ''].join('\n');
  assert.deepEqual(findingsOf(timeline(['17:54', '16:17', '14:38', '12:56']), 'timeline-order'), []);
  // Mostly in order with one entry back in time: out of order.
  assert.equal(findingsOf(timeline(['12:56', '16:17', '14:38', '17:54']), 'timeline-order').length, 1);
  // Two entries are too few to say the writer meant newest first.
  assert.equal(findingsOf(timeline(['16:17', '12:56']), 'timeline-order').length, 1);
});

test('front matter that strict YAML refuses is still read line by line', () => {
  const text = ['---', 'title: Certificate chain outage', 'date: 2024-05-11', 'handle: @infra-team', '---', '', '# Certificate chain outage', '', 'Requests failed for an hour.', ''].join('\n');
  const result = analysed(text);
  assert.equal(result.model?.frontMatter?.error !== undefined, true);
  assert.equal(result.model?.date, '2024-05-11');
  assert.deepEqual(findingsOf(text, 'metadata-date'), []);
});

test('a post dated by when it was published gives the incident date', () => {
  for (const key of ['pubDate', 'publishDate', 'published date']) {
    const text = ['---', `${key}: "2023-02-17"`, '---', '', 'Our database went read-only this morning.', ''].join('\n');
    assert.equal(analysed(text).model?.date, '2023-02-17', key);
  }
  // "published: false" marks a draft; it dates nothing.
  const draft = ['---', 'published: false', '---', '', 'Our database went read-only this morning.', ''].join('\n');
  assert.equal(findingsOf(draft, 'metadata-date').length, 1);
});

test('without an Action items section, each sentence in which the writers promise to act is an action item', () => {
  const text = [
    '# Game night retrospective',
    '',
    '## Scoring',
    '',
    'The scoreboard froze twice on the second evening. Moving forward, we will cache the standings page. We\'ll also add a second worker for submissions.',
    '',
    '## Hosting',
    '',
    'So I\'m going to move the boards to a bigger machine before the spring event. I\'m also planning to archive the old boards.',
    '',
  ].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description.split(' ').slice(0, 4).join(' ')), ['Moving forward, we will', "We'll also add a", "So I'm going to", "I'm also planning to"]);
  assert.deepEqual(items.map((item) => item.owner?.value), [undefined, undefined, 'I', 'I']);
});

test('promises of news, of the text itself, on a condition or leading in to a list are no action items', () => {
  const text = [
    '# Mail relay outage',
    '',
    '## What happened',
    '',
    "We'll start with the queue and then work back to the cause. I'll introduce the relay first.",
    '',
    'We will post an update once the backlog drains. If the backlog grows again, we will page the mail team.',
    '',
    'We sent a "we\'ll be right back" notice at noon.',
    '',
    'Going forward, we will do the following:',
    '',
    '- Add a queue depth alert',
    '- Document the relay failover',
    '',
  ].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description), ['Add a queue depth alert', 'Document the relay failover']);
});

test('a dash in a timeline table\'s time column is a row without a time there, not an unreadable time', () => {
  const text = [
    '# Backup job silently skipped',
    '',
    '## Timeline',
    '',
    '| Local | UTC | Event |',
    '| --- | --- | --- |',
    '| 2026-03-02 09:40 | 2026-03-01 20:40 | Job ran and logged a warning |',
    '| 2026-03-03 | — | Nobody looked at the warning |',
    '| 2026-03-04 10:00 | n/a | Restore test failed |',
    '',
  ].join('\n');
  assert.deepEqual(findingsOf(text, 'timeline-time'), []);
  assert.equal(findingsOf(text.replace('| — |', '| soonish |'), 'timeline-time').length, 1);
});
