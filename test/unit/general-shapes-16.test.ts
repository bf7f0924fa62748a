// Shapes read in further real postmortems: an old blog post exported with HTML inside its Markdown, whose headings
// (`<h4>`) end the line of the paragraph before them and whose date is a "dateline"; and a filled-in report form whose
// checkbox lists are choices, not tasks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

const exportedPost = [
  '---',
  'title: Refunds gone wrong, part 2',
  'dateline: March 3, 2013, 9:12 am',
  'layout: page',
  '---',
  '',
  '<p>Last week a batch of refunds went to the wrong accounts because the payout',
  'script read a stale mapping. About forty people were paid twice.</p><h4>What do we do?</h4>',
  '',
  '<p>I will add a check to the payout script that compares the mapping with the',
  'ledger before any money moves.</p>',
  '',
  '<p>Our support lead will contact everyone who was paid twice this week.</p><h4>Making Good</h4>',
  '',
  '<ul><li>Refund the fees charged on the duplicate payouts.</li></ul>',
  '',
];

test('an HTML heading that ends the line of the paragraph before it opens its section', () => {
  const model = analysed(exportedPost).model;
  assert.deepEqual(model?.sections.map((section) => [section.kind, section.title]), [
    ['action-items', 'What do we do?'],
    ['action-items', 'Making Good'],
  ]);
  assert.ok((model?.actionItems.length ?? 0) >= 2);
});

test('a dateline in the front matter dates the incident', () => {
  const result = analysed(exportedPost);
  assert.ok(!result.findings.some((finding) => finding.ruleId === 'metadata-date'));
  assert.ok(analysed(exportedPost.map((line) => line.replace('dateline:', 'tagline:'))).findings.some((finding) => finding.ruleId === 'metadata-date'));
});

test('a checkbox list with one choice ticked among entries worded as no task is a form, not action items', () => {
  const items = (list: string[]) => analysed(['# Mail relay report', '', '### Category', '', ...list, '', '### Details', '', 'The mail relay accepted spoofed senders.', '']).model?.actionItems.length;
  assert.equal(items(['- [x] Infrastructure', '- [ ] Protocol', '- [ ] Quality assurance', '- [ ] N/A']), 0);
  assert.equal(items(['- [x] Rotate the relay credentials', '- [ ] Reject mail that fails the sender policy']), 2);
  assert.equal(items(['- [x] Relay service restored', '- [x] Spool drained', '- [ ] Reject mail that fails the sender policy']), 3);
});

test('"How we will avoid a repeat of this" and "How will the network respond?" head the actions, loosely', () => {
  for (const heading of ['How we will avoid a repeat of this', 'How will the network respond?']) {
    const items = analysed(['# Relay outage', '', `## ${heading}`, '', '- Add a canary for the relay config.', '- Page the on-call when the relay restarts twice.', '']).model?.actionItems;
    assert.equal(items?.length, 2, heading);
  }
});

test('a forecast of our own failings in a policy ("at times we will fail") is no promise of work', () => {
  const promises = (paragraph: string) => analysed(['# Relay outage', '', '## Our policy', '', paragraph, '']).model?.actionItems.length;
  assert.equal(promises('At times, we will fail at this mission.'), 0);
  assert.equal(promises('Inevitably we will mess up and ship a bug.'), 0);
  assert.equal(promises('We will add a canary for the relay config.'), 1);
});

test('a paragraph all in italics that opens on a label ("*tl;dr: ...*") opens the section the label names, titled by the label alone; bug and affected questions name theirs', () => {
  const model = analysed(['# Slow handshakes', '', '*tl;dr: TLS over IPv6 stalled on paths with a small MTU. Fix: clamp the MSS.*', '', '## What was the bug?', '', 'The hosts advertised an MSS the paths could not carry.', '']).model;
  assert.deepEqual(model?.sections.filter((section) => section.kind !== undefined).map((section) => [section.kind, section.title]), [
    ['summary', 'tl;dr'],
    ['root-cause', 'What was the bug?'],
  ]);
  assert.equal(analysed(['# Slashing bug', '', '## Who is currently affected', '', 'Delegators of two validators.', '']).model?.sections[1]?.kind, 'impact');
  const label = model?.sections.find((section) => section.title === 'tl;dr');
  assert.equal(label && analysed(['# Slow handshakes', '', '*tl;dr: TLS over IPv6 stalled on paths with a small MTU. Fix: clamp the MSS.*', '']).model?.text.slice(label.heading.start, label.heading.end), '*tl;dr:');
});
