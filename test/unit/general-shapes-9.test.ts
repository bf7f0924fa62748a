// Shapes of a further set of real postmortems: several owners in one group label, account names in brackets before
// an item, and status updates whose promises are the response at the time rather than follow-up work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/analysis';
import { ownerOfGroupLabel } from '../../server/src/analysis/action-item-shapes';
import { recogniseHeading } from '../../server/src/analysis/sections';

const analysed = (text: string) => analyze(text, { force: true, today: '2026-12-01' });
/** The severities of the blame findings on a sentence alone in a Summary. */
const severities = (sentence: string) =>
  analysed(['# Site outage', '', '## Summary', '', sentence, ''].join('\n')).findings.filter((finding) => finding.ruleId === 'blameful-language').map((finding) => finding.severity);

test('a group label may name several owners, joined by "and", "&", "/" or commas; a list of topics names none', () => {
  assert.equal(ownerOfGroupLabel('Alex and Danny'), 'Alex and Danny');
  assert.equal(ownerOfGroupLabel('KB/MTR:'), 'KB/MTR');
  assert.equal(ownerOfGroupLabel('@ana, @bo & @cy'), '@ana, @bo & @cy');
  assert.equal(ownerOfGroupLabel('Alex and DNS'), undefined, 'a technical acronym in the list is a topic');
  assert.equal(ownerOfGroupLabel('Caching and Build System'), undefined);
  assert.equal(ownerOfGroupLabel('AB, CD, EF, GH, JK'), undefined, 'five labels in a row are a list of topics');
  const text = ['# Replica lag', '', '## Actions', '', '**Alex and Danny**', '- Note the pages to test by hand', '', '**KB/MTR**', '- Move reads to the new cluster', ''].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.owner?.value), ['Alex and Danny', 'KB/MTR']);
});

test('an account name in brackets before an item owns it, a "?" marking a guess; a task box, a status, a link or a stand-in owns nothing', () => {
  const text = [
    '# Provisioner stuck',
    '',
    '## Action items',
    '',
    '* [kimw?] more clarity on the image types',
    '* [dusty] Image sets will solve part of it',
    '* [ana, bo] dry-run the configuration first',
    '* [ ] add a latency alarm',
    '* [wip] retry the provisioner',
    '* [docs](https://example.com) explain the scheduling loop',
    '* [name] write the runbook',
    '',
  ].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.owner?.value), ['kimw', 'dusty', 'ana, bo', undefined, undefined, undefined, undefined]);
});

test("a status update's promises are the response at the time; other promises in prose stay action items", () => {
  const text = [
    '# Midwest site outage',
    '',
    '2024-06-01 21:28 - We are aware of a network problem at the site. We will investigate what is wrong.',
    '',
    '**Update** The site is up. We will process the queued changes next.',
    '',
    'A storm cut the power. We will bring the site back online once the lines are fixed, and we will power the rack up at 09:30.',
    '',
    'To stop this happening again, we will add a second uplink to the site.',
    '',
  ].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description), ['To stop this happening again, we will add a second uplink to the site.']);
});

test('a paragraph that opens with a status word as plain prose is no status update: its promises stay action items', () => {
  const text = ['# Mail relay outage', '', 'Investigating the relay took a day, so we will add a queue depth alert to the dashboard.', ''].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.equal(items.length, 1);
});

test('action items split by status or window are one section in two parts, not a duplicate; the same kind twice still is', () => {
  const duplicates = (headings: string[]) => {
    const text = ['# Registry outage', '', ...headings.flatMap((heading) => [`## ${heading}`, '', '- Rotate the publish tokens (owner: @kim, due 2026-12-20)', ''])].join('\n');
    return analysed(text).findings.filter((finding) => finding.ruleId === 'duplicate-section').length;
  };
  assert.equal(duplicates(['Actions taken', 'Future actions']), 0);
  assert.equal(duplicates(['Short-term actions', 'Long-term actions']), 0);
  assert.equal(duplicates(['Action items', 'Remediation']), 1);
});

test('"might have to" is a need, not hindsight; hindsight and a named person still read', () => {
  assert.deepEqual(severities('Because of the storm we might have to wait another day to bring the site back.'), []);
  assert.deepEqual(severities('We may have to restart the cluster again tomorrow.'), []);
  assert.deepEqual(severities('We might have noticed the alarm sooner.'), ['info']);
  assert.deepEqual(severities('Rob did not close the ticket'), ['warning']);
});

test('self-judgement, hindsight with "better", fault owned by "their", and a person who delayed telling others are read; their look-alikes are not', () => {
  assert.deepEqual(severities('Looking back, in retrospect we overshot the scope of the migration.'), ['info']);
  assert.deepEqual(severities('We failed our users this week.'), ['info']);
  assert.deepEqual(severities('We could have better communicated the plan to the other teams.'), ['info']);
  assert.deepEqual(severities('Through their own negligence the domain expired.'), ['warning']);
  assert.deepEqual(severities('The release manager delayed notifying the regulator for six hours.'), ['warning']);
  assert.deepEqual(severities('The team lead waited two days to inform the customers.'), ['warning']);
  // Real postmortems' "in retrospect" is labelled hindsight wherever it stands, a setting judged too.
  assert.deepEqual(severities('In retrospect, the alert threshold was too high.'), ['info']);
  assert.deepEqual(severities('We could have better tooling for restores.'), []);
  assert.deepEqual(severities('Their fault tolerance settings were too low.'), []);
  assert.deepEqual(severities('It was not their fault; the script had no guard.'), []);
  assert.deepEqual(severities('The failover failed at that point.'), []);
  assert.deepEqual(severities('We delayed the release by a week to run more tests.'), []);
});

test('a change made without discussion or coordination, and "there is no excuse for", are read at info; a change made without downtime is not', () => {
  assert.deepEqual(severities('The schema change was merged without discussion.'), ['info']);
  assert.deepEqual(severities('The upgrade was pushed without coordination with the mobile team.'), ['info']);
  assert.deepEqual(severities('There is no excuse for an outage this long.'), ['info']);
  assert.deepEqual(severities('The key was rotated without downtime.'), []);
});

test('advice to the reader ("What to do") and "No further action" are no action items; things to do and further actions are', () => {
  assert.notEqual(recogniseHeading('What to do')?.kind, 'action-items');
  assert.notEqual(recogniseHeading('How to do a rollback')?.kind, 'action-items');
  assert.notEqual(recogniseHeading('No further action')?.kind, 'action-items');
  assert.equal(recogniseHeading('Things to do')?.kind, 'action-items');
  assert.equal(recogniseHeading('Further actions')?.kind, 'action-items');
});

test('the comment that opens a page may hold its metadata as ".. date:" lines; the same words later in the page are no metadata', () => {
  const page = (comment: string) => [comment, '', '# Server outage', '', 'The server went offline without notice.', ''].join('\n');
  const dated = analysed(page(['<!--', '.. title: Server outage', '.. date: 2016-12-22 01:00:00', '.. tags: outages', '-->'].join('\n')));
  assert.equal(dated.model?.date, '2016-12-22');
  assert.equal(dated.findings.filter((finding) => finding.ruleId === 'metadata-date').length, 0);
  const later = analysed(['# Server outage', '', 'The server went offline.', '', '<!--', '.. date: 2016-12-22', '-->', ''].join('\n'));
  assert.equal(later.model?.date, undefined);
});

test('a section that logs the incident in paragraphs opening with times is the timeline, uncertain; a few times in prose are not', () => {
  const timelineOf = (body: string[]) => {
    const sections = analysed(['# Proxy upgrade', '', '## Progress', '', ...body.flatMap((line) => [line, ''])].join('\n')).model?.sections ?? [];
    return sections.find((section) => section.kind === 'timeline');
  };
  const log = timelineOf(['2022-04-11 at 9:05 AM: The snapshot is taken.', '2022-04-11 at 9:40 AM: The disk is replaced.', '2022-04-11 at 11:15 AM: The mail relay is up.']);
  assert.equal(log?.title, 'Progress');
  assert.equal(log?.uncertain, true);
  assert.equal(timelineOf(['At 9:05 AM the snapshot was taken.', 'At 11:15 AM the relay was up.', 'The disk was swapped first.', 'The relay was then restarted.', 'Nothing was lost.']), undefined);
});

test('milestones labelled before their times are timeline entries, out of order reported; their labels open no section; a length of time is no entry', () => {
  const text = [
    '# Ledger sync outage',
    '',
    '## Milestones',
    '',
    '- First report: 08:02 UTC on May 3, 2021',
    '- Reads moved to the replica: 09:40 UTC on May 3, 2021',
    '- Cause found: 10:05 UTC on May 5, 2021',
    '- Disks enlarged: 10:30 UTC on May 5, 2021',
    '- Lost rows reloaded: 06:15 UTC on May 5, 2021',
    '- Total impact time: 1:30 hours',
    '',
  ].join('\n');
  const result = analysed(text);
  assert.equal(result.model?.sections.find((section) => section.kind === 'timeline')?.title, 'Milestones');
  assert.equal(result.model?.sections.some((section) => section.kind === 'root-cause'), false);
  assert.equal(result.model?.timeline.length, 5);
  assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'timeline-order').map((finding) => text.slice(0, finding.span.start).split('\n').length), [9]);
});

test('questions a blog post asks for its readers name the impact ("What does this mean for you?") and the plans ("Will this happen again?"), loosely', () => {
  for (const heading of ['What does this mean for you?', 'How does this affect users?', 'Worst case scenario']) {
    assert.deepEqual(recogniseHeading(heading), { kind: 'impact', uncertain: true }, heading);
  }
  assert.deepEqual(recogniseHeading('Will this happen again?'), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('What does this mean?'), undefined, 'what a term means is no impact');
});

test('a person who did nothing, was wrong, or erred "erroneously", mistakes we "did", and "your fault" are read; denials and systems are not', () => {
  assert.deepEqual(severities('For two months, the new maintainer did nothing about the report.'), ['warning']);
  assert.deepEqual(severities('The release manager was completely wrong about the cause.'), ['warning']);
  assert.deepEqual(severities('An operator erroneously entered the command.'), ['warning']);
  assert.deepEqual(severities('But we did some mistakes and sent the wrong tokens twice.'), ['info']);
  assert.deepEqual(severities("It's your fault that the network is this fragile."), ['info']);
  assert.deepEqual(severities('The retry loop did nothing.'), []);
  assert.deepEqual(severities('We did nothing wrong.'), []);
  assert.deepEqual(severities('The estimate was completely wrong.'), []);
  assert.deepEqual(severities('The parser erroneously read the date.'), []);
  assert.deepEqual(severities("It's not your fault; the tooling allowed it."), []);
  assert.deepEqual(severities('In no way was this your fault.'), []);
});

test('"we did not manage to" tells what could not be done, not a step skipped', () => {
  assert.deepEqual(severities('During the contest we did not manage to find the fault, so teams set up their own tunnels.'), []);
  assert.deepEqual(severities('We did not test the restore.'), ['info']);
});

test('a lead-in in which a named owner promises what follows makes the list under it action items that owner owns', () => {
  const text = [
    '# Release rollback',
    '',
    '## Learnings',
    '',
    'The freeze left too little time to test the release candidate.',
    '',
    'As a next step, [@olu][] is going to produce two documents:',
    '',
    '1. Document the current release process.',
    '2. Propose changes to it.',
    '',
    'As a result, we learned a lot:',
    '',
    '- Testing takes longer than planned.',
    '',
    '[@olu]: https://example.com/olu',
    '',
  ].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.owner?.value), ['@olu', '@olu']);
});

test('two lines that open on a date and a time are a dated log: fix-all inserts no Timeline beside them; two bare times are not', () => {
  const page = (first: string, second: string) => ['# Midwest site outage', '', '## Summary', '', `${first} - The snow is easing; the server stays off.`, '', `${second} - The server is back online.`, '', '## Action items', '', '- Add a second uplink (owner: @kim, due 2026-12-20)', ''].join('\n');
  const fixed = (text: string) => fixAll(text, { force: true, today: '2026-12-01' }).text;
  assert.doesNotMatch(fixed(page('2024-01-13 11:52:00', '2024-01-13 13:17:00')), /## Timeline/);
  assert.match(fixed(page('11:52', '13:17')), /## Timeline/);
});
