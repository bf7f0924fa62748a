// Shapes read in further real postmortems: a small team's template that logs the fix as paragraphs opening on four-digit
// times under day headings ("### Weds 9 Mar 2022", "~1340: ..."), ends on "What could we do to avoid this happening again?",
// and a log that switches from a 24-hour table to prose times with one-digit hours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

const fixLog = [
  '# Thumbnails went blank',
  '',
  '## Summary',
  '',
  'Date: Tue 8 Mar 2022 to Wed 9 Mar 2022',
  '',
  '## What happened?',
  '',
  'Thumbnails on the home page failed to render.',
  '',
  '## How was it fixed',
  '',
  '### Tues 8 Mar 2022',
  '',
  '1105: A reader reported blank thumbnails in the support channel.',
  '',
  '~1120: The platform team started looking at the resizer.',
  '',
  '1650: The resizer was rolled back.',
  '',
  '### Weds 9 Mar 2022',
  '',
  '0940: Blank thumbnails were reported again.',
  '',
  '1015 : The cache was purged for the whole week.',
  '',
  '## Cause',
  '',
  'A new resizer release dropped images wider than 4000 pixels.',
  '',
  '## What could we do to avoid this happening again?',
  '',
  '- Add a test with very wide images to the resizer pipeline.',
  '- Alert when the share of blank thumbnails goes above one percent.',
  '',
];

test('a section of paragraphs opening on four-digit times, under weekday-named day headings, is the timeline, read in order', () => {
  const result = analysed(fixLog);
  const sections = result.model?.sections.filter((section) => section.kind !== undefined).map((section) => [section.kind, section.title]);
  assert.deepEqual(sections, [
    ['summary', 'Summary'],
    ['timeline', 'How was it fixed'],
    ['root-cause', 'Cause'],
    ['action-items', 'What could we do to avoid this happening again?'],
  ]);
  assert.deepEqual(result.model?.timeline.map((entry) => entry.timeText), ['1105', '1120', '1650', '0940', '1015']);
  assert.equal(result.findings.filter((finding) => finding.ruleId === 'timeline-order').length, 0);
  // Only the section the log truly lacks is missing.
  assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.message), ["Required section 'Impact' is missing."]);
  assert.equal(result.model?.actionItems.length, 2);
});

test('a question of what could be done to prevent or avoid a repeat heads the actions, loosely', () => {
  for (const heading of ['What could be done to prevent a repeat?', 'What can we do to stop this recurring', 'What should have been done to avoid the outage?']) {
    assert.deepEqual(recogniseHeading(heading), { kind: 'action-items', uncertain: true }, heading);
  }
});

test('a four-digit number that may be a year opens no entry on its own; one that can only be a time does', () => {
  const entries = (line: string) => analysed(['## Timeline', '', '- 09:00 the job started', `- ${line}`, '']).model?.timeline.length;
  assert.equal(entries('2019: the first version of the job shipped'), 1);
  assert.equal(entries('1130: the job stalled'), 2);
  assert.equal(entries('1675: ticket about the job'), 1);
});

test('after a time written on a 24-hour clock, a one-digit hour is the morning, so a slip back is reported', () => {
  const result = analysed([
    '## Timeline',
    '',
    '| Event | Time (UTC) |',
    '| --- | --- |',
    '| Exploit found | 07:10 |',
    '| Vaults drained | 19:40 |',
    '',
    '**8:20 UTC:** A moderator posted the first alert.',
    '',
    '**16:05 UTC:** The team confirmed the cause.',
    '',
  ]);
  const order = result.findings.filter((finding) => finding.ruleId === 'timeline-order');
  assert.deepEqual(order.map((finding) => result.model?.timeline.find((entry) => entry.span.start <= finding.span.start && finding.span.start < entry.span.end)?.timeText), ['8:20 UTC']);
});

test('after a time past noon on a 12-hour reading, a one-digit hour is still read as the afternoon', () => {
  const result = analysed(['## Timeline', '', '- 11:50 deploy started', '- 12:56 errors rose', '- 1:00 rollback started', '- 1:30 all clear', '']);
  assert.equal(result.findings.filter((finding) => finding.ruleId === 'timeline-order').length, 0);
});

test("'Future steps' and 'Preventing this kind of outage in the future' head the actions", () => {
  for (const heading of ['Future steps', 'Preventing this kind of outage in the future', 'Preventing similar incidents']) {
    const items = analysed(['# Queue stall', '', `## ${heading}`, '', '- Add a depth alert to the queue.', '- Cap the retry rate per tenant.', '']).model?.actionItems;
    assert.equal(items?.length, 2, heading);
  }
});

test('a heading that names lessons and actions together holds the actions, and lessons are not reported missing', () => {
  for (const heading of ['Lessons learned and actions taken', 'Learnings / Next steps', 'Looking back: lessons learned and next steps']) {
    const result = analysed(['# Queue stall', '', `## ${heading}`, '', 'Retries without a cap turn a slow tenant into an outage.', '', '- Cap the retry rate per tenant.', '']);
    assert.equal(result.model?.sections.find((section) => section.title === heading)?.kind, 'action-items', heading);
    assert.equal(result.model?.actionItems.length, 1, heading);
    assert.ok(!result.findings.some((finding) => finding.message.includes("'Lessons learned' is missing")), heading);
  }
  assert.equal(analysed(['## Lessons learned', '', 'Caps matter.', '']).model?.sections[0].kind, 'lessons-learned');
});

test('a lead-in that promises the list below it owns its entries, and is no item itself', () => {
  const items = analysed(['# Queue stall', '', '## Next steps', '', 'As a next step, @ana is going to write two documents:', '', '1. The first will describe the release process.', '2. The second will propose changes to it.', '']).model?.actionItems;
  assert.deepEqual(items?.map((item) => [item.description.slice(0, 9), item.owner?.value]), [
    ['The first', '@ana'],
    ['The secon', '@ana'],
  ]);
});

test('with no action section, a status notice and a name the writer will use are no promises of work; a plain promise and work under way are', () => {
  const promises = (paragraph: string) => analysed(['# Storage outage', '', '## What happened', '', 'The storage nodes went offline on Friday evening.', '', paragraph, '']).model?.actionItems.length;
  assert.equal(promises('We will add an alert on the storage controller temperature.'), 1);
  assert.equal(promises('We are implementing a nightly restore test for every storage pool.'), 1);
  assert.equal(promises('We are implementing a fix and will post an update within the hour.'), 0);
  assert.equal(promises('**Notice**: The login nodes are down since Friday. We will investigate the problem on Monday.'), 0);
  assert.equal(promises('The report came from a user with a long random handle, which I will refer to as the reporter.'), 0);
});
