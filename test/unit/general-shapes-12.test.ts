// Shapes read in further real postmortems: prose wrapped by hand at a fixed width reads as the same sentences
// unwrapped, and a passive promise of work ("it will be applied to production") is work, not a change's effect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

/** Each action item as `status: first words`, with its owner when it has one. */
const items = (lines: string[]) =>
  (analysed(lines).model?.actionItems ?? []).map((item) => `${item.status}${item.owner ? ` (${item.owner.value})` : ''}: ${item.description.replace(/\s+/g, ' ').slice(0, 40).trimEnd()}`);

test('a promise broken over two lines by a hard wrap is still an action item, like the same promise on one line', () => {
  const wrapped = ['# Feed outage', '', 'Hi all,', '', 'Feeds of very large blogs overloaded the server. Feeds are trimmed to recent posts for now, but we', 'will cap feed sizes more tightly next month.', ''];
  const oneLine = ['# Feed outage', '', 'Hi all,', '', 'Feeds of very large blogs overloaded the server. Feeds are trimmed to recent posts for now, but we will cap feed sizes more tightly next month.', ''];
  assert.equal(items(oneLine).length, 1);
  assert.deepEqual(items(wrapped), items(oneLine));
});

test('an item whose owner team is wrapped away from its verb keeps the team as owner', () => {
  const lines = ['# Queue outage', '', '## Action items', '', '- The storage team', '  will add an alert on queue depth by 2027-01-15.', ''];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['open (storage team)']);
});

test('"it will be applied to production" is work still to do, while "it will catch drift" is what a change is expected to do', () => {
  const plan = [
    '# Chain halt',
    '',
    '## Future plan',
    '',
    'We will replay the failing block on a devnet. Once the replay passes, it will be rolled out to',
    'the main network, and a notice will be posted on the forum.',
    '',
  ];
  assert.equal(items(plan).length, 3);
  const effect = ['# Chain halt', '', '## Future plan', '', 'We added a state check to the sync job. Once it runs nightly, it will catch drift early.', ''];
  assert.deepEqual(items(effect).map((item) => item.split(':')[0]), ['done']);
});

/** Each section's kind, in order, with its title. */
const kinds = (lines: string[]) => (analysed(lines).model?.sections ?? []).map((section) => `${section.kind ?? '-'}: ${section.title}`);

test('"How this affects you" heads the impact, and "What we\'re working on" the actions', () => {
  assert.deepEqual(kinds(['# Overlay outage', '', '## How this affects you', '', 'Overlays stopped updating for two hours.', '', "## What we're working on", '', '- Filter player names before display.', '']), [
    '-: Overlay outage',
    'impact: How this affects you',
    "action-items: What we're working on",
  ]);
});

test('a short line alone in its paragraph that names a section for certain is a heading written as plain text; a loose or long line is not', () => {
  assert.deepEqual(kinds(['# Web view regression', '', 'Timeline (all times in UTC)', '', '2024-04-18 10:00 - First report.', '', 'Action items', '', '- P1 Add a lifecycle test.', '']), [
    '-: Web view regression',
    'timeline: Timeline (all times in UTC)',
    'action-items: Action items',
  ]);
  assert.deepEqual(kinds(['# Web view regression', '', 'Details', '', 'The view went blank.', '', 'Action items were never written down', '', 'We moved on.', '']), ['-: Web view regression']);
});

test('a sentence that introduces the timeline below it opens the timeline, bold or plain, said to be uncertain', () => {
  const lines = ['# Malicious packages', '', '## This incident', '', '**Here is the timeline of what the registry team did once example.org told us:**', '', '- **July 20, 2025 --** Our scanner flagged the packages.', ''];
  const timeline = analysed(lines).model?.sections.find((section) => section.kind === 'timeline');
  assert.equal(timeline?.title, 'Here is the timeline of what the registry team did once example.org told us');
  assert.equal(timeline?.uncertain, true);
  assert.deepEqual(kinds(['# Malicious packages', '', 'We wrote a timeline of every step for the board:', '', '- Scanned the registry.', '']), ['-: Malicious packages']);
});

test('a date after "for" or "of" leaves the heading\'s name ("Summary for 2026"), while "Incident on 2022-01-22" stays no summary', () => {
  assert.deepEqual(kinds(['# Cluster log', '', '### Service summary for 2026 (to date)', '', 'Two outages this year.', '', '### Timeline of 3/14', '', '- 10:00 Power lost.', '']), [
    '-: Cluster log',
    'summary: Service summary for 2026 (to date)',
    'timeline: Timeline of 3/14',
  ]);
  assert.deepEqual(kinds(['# Notes', '', '## Incident on 2022-01-22 - records deleted', '', 'Records went missing.', '']), ['-: Notes', '-: Incident on 2022-01-22 - records deleted']);
});

/** The lines the timeline-order rule reports, 1-based. */
const orderLines = (lines: string[]) => {
  const text = lines.join('\n');
  return analysed(lines)
    .findings.filter((finding) => finding.ruleId === 'timeline-order')
    .map((finding) => text.slice(0, finding.span.start).split('\n').length);
};

test('times told inside the story between entries carry the clock forward, past midnight too, so the next morning is not out of order', () => {
  const story = [
    '# Database lost',
    '',
    '## Timeline',
    '',
    'At 10:40 UTC we brought up the replica.',
    '',
    'The catch-up was slow; we made it primary at 16:40 UTC, then resumed the workers at 18:05 UTC.',
    '',
    'The team went to sleep. At 03:20 UTC a fresh snapshot finished.',
    '',
    'At 09:15 UTC we attached the spare drives.',
    '',
  ];
  assert.deepEqual(orderLines(story), []);
  const wrong = ['# Database lost', '', '## Timeline', '', 'At 10:40 UTC we brought up the replica.', '', 'The catch-up finished at 11:30 UTC.', '', 'At 09:15 UTC we attached the spare drives.', ''];
  assert.deepEqual(orderLines(wrong), [9]);
});

test('"Problems during recovery" is what went poorly, "Why restores took so long" a contributing factor, and a "What happened" label outranks "Background"', () => {
  assert.deepEqual(kinds(['# Network outage', '', '## Corrective measures', '', '- Add a second uplink.', '', '### Problems during recovery', '', '- Mail was down too.', '']), [
    '-: Network outage',
    'action-items: Corrective measures',
    'what-went-poorly: Problems during recovery',
  ]);
  assert.deepEqual(kinds(['# Lost databases', '', '**Background**', '', 'Replication was fragile.', '', '**What happened**', '', 'Two databases were dropped.', '', '**Why restores took so long**', '', 'Backups were compressed.', '']), [
    '-: Lost databases',
    '-: Background',
    'summary: What happened',
    'contributing-factors: Why restores took so long',
  ]);
});

test('a list of nothing but links to merged changes lists fixes made, not work; one such link among tasks stays an item', () => {
  const fixes = ['# Plugin migration', '', '## Action items', '', '- Mark bad releases as yanked in the registry.', '', '### Fixes', '', '* [acme/plugins#11](https://example.org/acme/plugins/pull/11)', '* [acme/site#12](https://example.org/acme/site/pull/12)', ''];
  assert.deepEqual(items(fixes).map((item) => item.split(':')[0]), ['open']);
  const mixed = ['# Plugin migration', '', '## Action items', '', '- Mark bad releases as yanked in the registry.', '- [acme/plugins#11](https://example.org/acme/plugins/pull/11)', ''];
  assert.equal(items(mixed).length, 2);
});

test('a bold "Vendor via AB" over a list makes the team member who follows up the owner of its items', () => {
  const lines = ['# Blocked images', '', '## Actions', '', '**Acme via AG**', '- Count blocked requests instead of blocking them', '- Ask about load monitoring', ''];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['open (Acme via AG)', 'open (Acme via AG)']);
});

test('initials in bold that close an action paragraph sign it to its owners, however the task is worded', () => {
  const lines = ['# Release broke search', '', '## Actions', '', 'Make new task rollouts faster **JP**', '', 'A data migration for the type mix-up **NW**/AFC', '', 'We reviewed the logs **in full**.', ''];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['open (JP)', 'open (NW/AFC)', 'done']);
});

test('under a lead-in that says action was taken, an entry telling work still going or ahead is open, one reporting its step is done', () => {
  const lines = [
    '# Bot suspended',
    '',
    "## What we're doing about it",
    '',
    "We've taken immediate action:",
    '',
    "1. **Fallback**: We've turned on a reduced widget mode",
    "2. **Filtering**: We're building a filter for display names",
    '3. **Restoration**: The full service will return on May 2, 2025',
    '',
  ];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['done', 'open', 'open']);
});

test('"Next steps for users" and "What you should do" are steps for the readers, not the team\'s action items', () => {
  assert.deepEqual(kinds(['# Bot suspended', '', '## Next steps for users', '', '1. Visit your dashboard.', '', '## What you should do', '', '- Re-enable the bot.', '']), [
    '-: Bot suspended',
    '-: Next steps for users',
    '-: What you should do',
  ]);
  assert.deepEqual(kinds(['# Bot suspended', '', '## Action items for the SRE team', '', '- Add a name filter.', '']), ['-: Bot suspended', 'action-items: Action items for the SRE team']);
});

test('a "How to fix" section whose steps speak to the reader is not read as the action items', () => {
  const lines = ['# Data lost', '', '## Impact', '', 'Settings were lost.', '', '### How to fix these issues', '', '1. Sign in again with your account.', '2. Configure the widget again.', ''];
  assert.deepEqual(kinds(lines), ['-: Data lost', 'impact: Impact', '-: How to fix these issues']);
  const team = ['# Data lost', '', '## Impact', '', 'Settings were lost.', '', '## Fixes', '', '1. Enable nightly backups.', '2. Restrict the moderator role.', ''];
  assert.deepEqual(kinds(team), ['-: Data lost', 'impact: Impact', 'action-items: Fixes']);
});

test('outside an action section, a sentence about the post, a promise of news, and what a change will do are no items; "we have plans to" is one', () => {
  const lines = [
    '# Downloads failing',
    '',
    "This post walks through the failures. This article is meant to describe the fault and how we'll keep it from recurring.",
    '',
    'Our storage vendor had an outage. As soon as the vendor replies we will inform you.',
    '',
    'We have plans to copy every bucket to a standby zone. This will give us a spare copy for failover, and we will be able to serve reads from it.',
    '',
  ];
  assert.deepEqual(items(lines), ['open: We have plans to copy every bucket to a']);
});

test('"Moral of the story" heads the lessons learned, loosely', () => {
  const sections = analysed(['# SDK bump', '', '### Moral of the story', '', 'Test before you bump.', '']).model?.sections ?? [];
  assert.deepEqual(sections.map((section) => [section.kind, section.uncertain]), [[undefined, false], ['lessons-learned', true]]);
});

/** The severities of the blame findings on a sentence alone in a Summary. */
const severities = (sentence: string) =>
  analysed(['# Site outage', '', '## Summary', '', sentence, ''])
    .findings.filter((finding) => finding.ruleId === 'blameful-language')
    .map((finding) => finding.severity);

test('an act called a silly mistake or a dumb idea is judged at info; a slip denied or ruled out is no blame', () => {
  assert.deepEqual(severities('Here is how one silly mistake took the app down.'), ['info']);
  assert.deepEqual(severities('Turning the cron job off was a dumb idea.'), ['info']);
  assert.deepEqual(severities('The flag was set by mistake.'), ['info']);
  assert.deepEqual(severities('The table was not deleted by mistake; a cleanup script removed it.'), []);
  assert.deepEqual(severities('To make sure the flag had not been switched on again by mistake, they read the audit log.'), []);
});

test('"we did not recover gracefully" tells how the service behaved; "we did not test the restore" is an omission at info', () => {
  assert.deepEqual(severities('The host rebooted, and we did not recover cleanly afterwards.'), []);
  assert.deepEqual(severities('We did not test the restore before the cutover.'), ['info']);
});

test('"Areas of improvement" that promise work ("we will ...") under their own sub-headings are the action items when no other section is', () => {
  const lines = ['# API outages', '', '### Areas of improvement', '', '#### Monitoring', '', 'We will add a dashboard of requests per client.', '', '#### Communication', '', 'We will post status updates in one channel.', ''];
  assert.deepEqual(kinds(lines).slice(0, 2), ['-: API outages', 'action-items: Areas of improvement']);
  assert.equal(items(lines).length, 2);
  const lessons = ['# API outages', '', '### Areas of improvement', '', 'Paging was slow and the runbook was out of date.', ''];
  assert.deepEqual(kinds(lessons), ['-: API outages', 'what-went-poorly: Areas of improvement']);
});
