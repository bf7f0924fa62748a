// Shapes read in further real postmortems: headings that name a section with a complement ("Consequences of the
// failure", "Improvements for future releases", a summary of a quarter), and promises in prose that are no new work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

/** Each action item as `status: first words`. */
const items = (lines: string[]) => (analysed(lines).model?.actionItems ?? []).map((item) => `${item.status}: ${item.description.replace(/\s+/g, ' ').slice(0, 40).trimEnd()}`);

test('consequences or effects with a complement are the impact; future mitigations and improvements for the future are the actions', () => {
  assert.deepEqual(recogniseHeading('Consequences of the failure'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('Effects on customers'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('Mitigation in the future'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('Further mitigations'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('Improvements for future releases'), { kind: 'action-items', uncertain: true });
  // A complement alone names no section.
  assert.equal(recogniseHeading('Side effects of the fix'), undefined);
  assert.equal(recogniseHeading('Mitigation'), undefined);
});

test('a quarter after the name is a date: "Operations summary for 2026 Q1-Q2" is the summary', () => {
  assert.deepEqual(recogniseHeading('Operations summary for 2026 Q1-Q2'), { kind: 'summary', uncertain: false });
  assert.deepEqual(recogniseHeading('Timeline, Q3 2025'), { kind: 'timeline', uncertain: false });
  assert.equal(recogniseHeading('Q3 planning'), undefined);
});

test('in a post with no action section, going on with the service, a contingency and a reason are no new work', () => {
  const lines = [
    '# Relay outage',
    '',
    'The relay hosts were flooded for two days. We intend to continue operating the relays with the filters on.',
    '',
    'Note: if the filters block real users, then we will loosen them next week. Because we will be rebuilding the index, old searches are gone.',
    '',
    'We will add rate limits per network to the relays.',
    '',
  ];
  assert.deepEqual(items(lines), ['open: We will add rate limits per network to t']);
});

test('a sentence that counts the improvements told after it leads in to them and is no item itself', () => {
  const lines = [
    '# Lost branches',
    '',
    'We will be making two changes to the hosting so that a lost branch is easy to restore.',
    '',
    'First, we will record every branch update in an audit log.',
    '',
    'Second, we will let maintainers limit push access per repository.',
    '',
  ];
  assert.deepEqual(items(lines), ['open: First, we will record every branch updat', 'open: Second, we will let maintainers limit pu']);
});

test('a promise to update a thing is work; a promise of updates to readers, or to keep the incident open, is news', () => {
  const lines = [
    '# Relay outage',
    '',
    'We will update the failover runbook with the new relay names. We will post an update here when the relays are stable.',
    '',
    '*Update* We will keep this incident open while the relays settle.',
    '',
  ];
  assert.deepEqual(items(lines), ['open: We will update the failover runbook with']);
});

test('a heading inside a run of HTML with no blank lines opens its section, and the list under it holds the actions', () => {
  const lines = [
    '# Tracker compromise',
    '',
    '  <p>Our issue tracker was taken over through a stolen session.</p>',
    '  <h2>What happened?</h2>',
    '  <p>A crafted link in a new issue stole an admin session cookie.</p>',
    '  <h2>What are we changing?</h2>',
    '  <ul>',
    '    <li>We will move the tracker behind single sign-on.</li>',
    '    <li>We will require one-time passwords for every admin.</li>',
    '  </ul>',
    '',
  ];
  const model = analysed(lines).model;
  assert.deepEqual(model?.sections.map((section) => [section.kind, section.title]), [
    [undefined, 'Tracker compromise'],
    ['summary', 'What happened?'],
    ['action-items', 'What are we changing?'],
  ]);
  assert.deepEqual(items(lines), ['open: We will move the tracker behind single s', 'open: We will require one-time passwords for e']);
  // The heading's line is where the section starts.
  const text = lines.join('\n');
  const actions = model?.sections.find((section) => section.kind === 'action-items');
  assert.equal(text.slice(actions?.span.start, text.indexOf('\n', actions?.span.start)), '<h2>What are we changing?</h2>');
});

test('an entry that says a thing is now so, or no longer so, reports a change made', () => {
  const lines = [
    '# Tampered release',
    '',
    '## Improvements for future releases',
    '',
    '- Accounts of former maintainers no longer have access to the repository.',
    '- The 3.0.1 release is now signed with the maintainers key.',
    '- We will sign every release in the build pipeline.',
    '- Make sure former maintainers no longer have access to the mirrors.',
    '',
  ];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['done', 'done', 'open', 'open']);
});

test('the incident date is read through inline HTML in the opening, and from a title written as a Ruby symbol key', () => {
  const opening = ['---', 'layout: post', 'title: Why the shop went down', '---', '', 'On March 3<sup>rd</sup>, 2025, at noon, the shop went down for twenty minutes.', ''];
  assert.equal(analysed(opening).model?.date, '2025-03-03');
  const symbolKeys = ['---', ':layout: post', ":title: 'Report: Lost branches of 2024-11-10'", ':author: dana', '---', '', 'Branches went missing for a day.', ''];
  assert.equal(analysed(symbolKeys).model?.title?.value, 'Report: Lost branches of 2024-11-10');
  assert.equal(analysed(symbolKeys).model?.date, '2024-11-10');
});

test('under an action heading, a lone sentence that counts the improvements after it is a lead-in too', () => {
  const lines = [
    '# Lost branches',
    '',
    '## Mitigation in the future',
    '',
    'We are making two changes to the hosting.',
    '',
    'First, we will record every branch change in an audit log.',
    '',
    'Second, we will let maintainers limit push access per repository.',
    '',
  ];
  assert.equal(items(lines).length, 2);
});

test('a heading inside an HTML comment stays commented out', () => {
  const lines = ['# Tracker compromise', '', '<!--', '<h2>Action items</h2>', 'Fill in later.', '-->', '', '## Summary', '', 'A crafted link stole a session.', ''];
  assert.deepEqual(analysed(lines).model?.sections.map((section) => section.kind), [undefined, 'summary']);
});

test('a remediation list told as headlines and passives reports changes made; a request to others is no change', () => {
  const lines = [
    '# Package compromise',
    '',
    '## Remediation',
    '',
    '- The bad versions have been found and deprecated.',
    '- The phishing site has been reported to its registrar.',
    '- Security notices sent to the announce list.',
    '- Maintainers were asked to rotate their tokens.',
    '- Require hardware keys for every publisher.',
    '',
  ];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['done', 'done', 'done', 'open', 'open']);
});
