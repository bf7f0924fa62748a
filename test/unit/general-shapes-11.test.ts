// Shapes read in further real postmortems: "What happened?" as the summary wherever it stands, "How to prevent this"
// as the actions, "Outcome" as the impact, actions reported as taken in the passive, maintenance set for an hour of
// today; and blame in amounts of work destroyed, sabotage, a blunder someone "had", a role's gaffe, and our own slow
// response, while "ways this could have been avoided:" leads in to remedies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

/** Each section's kind, in order, with its title. */
const kinds = (lines: string[]) => (analysed(lines).model?.sections ?? []).map((section) => `${section.kind ?? '-'}: ${section.title}`);

/** The severities of the blame findings on a sentence alone in a Summary. */
const severities = (sentence: string) =>
  analysed(['# Site outage', '', '## Summary', '', sentence, ''])
    .findings.filter((finding) => finding.ruleId === 'blameful-language')
    .map((finding) => finding.severity);

test('"What happened?" is the summary after a timeline and ahead of vaguer wording; a heading that names the summary keeps it', () => {
  assert.deepEqual(kinds(['# Uploads failed', '', '### Timeline of events', '', '- **10:02 UTC** - Uploads start failing.', '', '### What Happened', '', 'A cleanup job removed live blobs.', '']), [
    '-: Uploads failed',
    'timeline: Timeline of events',
    'summary: What Happened',
  ]);
  assert.deepEqual(kinds(['# Uploads failed', '', '## Background', '', 'The blob store holds uploads.', '', '## What happened?', '', 'A cleanup job removed live blobs.', '']), [
    '-: Uploads failed',
    '-: Background',
    'summary: What happened?',
  ]);
  assert.deepEqual(kinds(['# Uploads failed', '', '## Summary', '', 'Uploads failed for an hour.', '', '## What happened', '', 'A cleanup job removed live blobs.', '']), [
    '-: Uploads failed',
    'summary: Summary',
    '-: What happened',
  ]);
  assert.deepEqual(kinds(['# Uploads failed', '', '## What is happening?', '', 'Uploads are paused while we restore the blobs.', '']), ['-: Uploads failed', 'summary: What is happening?']);
});

test('"How to prevent this" heads the actions and "Outcome" the impact', () => {
  assert.deepEqual(kinds(['# Lost records', '', '## How to prevent this', '', '1. Add a nightly backup of the records table.', '', '## Outcome', '', 'Forty records could not be restored.', '']), [
    '-: Lost records',
    'action-items: How to prevent this',
    'impact: Outcome',
  ]);
});

test('"What was the fix?" asks what was done: its answer is no Action items section, though a promise in it is still an item', () => {
  const lines = ['# Chain halt', '', '## What was the fix?', '', 'We turned off the stricter vote checks; they will be reviewed next quarter.', ''];
  assert.deepEqual(kinds(lines), ['-: Chain halt', '-: What was the fix?']);
  assert.deepEqual(kinds(['# Chain halt', '', '## Fixes', '', 'We will add a vote check to the release tests.', '']), ['-: Chain halt', 'action-items: Fixes']);
});

test('an action item that reports, in the passive, an action already taken is done; a finding or a need told in the passive is not', () => {
  const text = [
    '# Relay outage',
    '',
    '## Action items',
    '',
    '- The faulty builder was shut down at 07:40 UTC.',
    '- The demotion logic has been patched so that slow simulations demote the builder.',
    '- Affected customers were refunded for the missed slots.',
    '- It has been identified that a paging rota is required for the relay.',
    '- Rate limits should be added to the submission endpoint.',
    '',
  ];
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(
    items.map((item) => item.status),
    ['done', 'done', 'done', 'open', 'open'],
  );
  const ownerFindings = analysed(text).findings.filter((finding) => finding.ruleId === 'action-item-owner');
  assert.equal(ownerFindings.length, 2);
});

test('maintenance set for an hour of today ("today at noon") is no action item', () => {
  const items =
    analysed(['# Storage paused', '', '## What is happening?', '', 'The rollback of the storage driver will be implemented today, March 4, at noon, and after it uploads will be enabled again. We will add an upgrade rehearsal to the release checklist.', ''])
      .model?.actionItems ?? [];
  assert.deepEqual(
    items.map((item) => item.description),
    ['We will add an upgrade rehearsal to the release checklist.'],
  );
});

test('a person who destroyed years of work or sabotaged a system is blamed; a job that deleted old rows is not', () => {
  assert.deepEqual(severities('A furious employee deleted six years of design files.'), ['warning']);
  assert.deepEqual(severities('He sabotaged the nightly backups.'), ['warning']);
  assert.deepEqual(severities('The retention job deleted six years of old rows, as configured.'), []);
});

test('a blunder a person "had", a role\'s gaffe, and a clerk\'s slip blame a person; a service that had an error does not', () => {
  assert.deepEqual(severities('The new hire had a major screw-up in the first week.'), ['warning']);
  assert.deepEqual(severities('Staffer gaffe exposes the payroll file'), ['info']);
  assert.deepEqual(severities('The clerk mailed the wrong spreadsheet by mistake.'), ['warning']);
  assert.deepEqual(severities('The billing service had an error during the cutover.'), []);
});

test('our own response judged too slow is hindsight at info; a slow disk is not', () => {
  assert.deepEqual(severities('Our response time to the broken release was far too long.'), ['info']);
  assert.deepEqual(severities('Our response was slow enough that customers noticed first.'), ['info']);
  assert.deepEqual(severities('The disk response time was slow during the backup.'), []);
});

test('"ways this could have been avoided:" leads in to the remedies; "this could have been avoided" is still hindsight', () => {
  assert.deepEqual(severities('Here are a few ways this could have been avoided:'), []);
  assert.deepEqual(severities('This could have been avoided.'), ['info']);
  assert.deepEqual(severities('This should have been caught in review.'), ['info']);
});

test('a post one person tells as "I" owns its action items; the same items in a team\'s post have no owner', () => {
  const ownerFindings = (story: string) =>
    analysed(['# My home server went dark', '', story, '', 'Action items:', '', '- Add a UPS to the rack', '- Check the power supplies for damage', ''])
      .findings.filter((finding) => finding.ruleId === 'action-item-owner').length;
  const alone =
    'I came home to a dead rack. My router had rebooted but my nodes had not, and I spent the evening on it. I think the breaker tripped while I was out; I will know more once I read the logs.';
  const team = 'We came home to a dead rack. Our router had rebooted but our nodes had not, and we spent the evening on it. I think the breaker tripped while we were out.';
  assert.equal(ownerFindings(alone), 0);
  assert.equal(ownerFindings(team), 2);
});

test('conduct called negligent, and lazy or sloppy work, judge people at info; a lazy-loaded module does not', () => {
  assert.deepEqual(severities('Skipping the restore drills for two years was simply negligent.'), ['info']);
  assert.deepEqual(severities('Sloppy implementation and no review let the bug ship.'), ['info']);
  assert.deepEqual(severities('The settings page is lazy-loaded.'), []);
});

test('a bold name over a list or before a paragraph owns the action; a first name with an initial ("Omar K") is a name', () => {
  const text = [
    '# Search outage',
    '',
    '## Actions',
    '',
    '**Omar K**',
    '- Write down how the index schema is changed',
    '- Look into nightly snapshots of the index',
    '',
    '**Lucia** Turn on two-factor login for the hosting console',
    '',
    '**Monitoring**',
    '- Add an alert on the indexing lag',
    '',
  ];
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(
    items.map((item) => item.owner?.value),
    ['Omar K', 'Omar K', 'Lucia', undefined],
  );
});

test('"Security Suggestions" heads the actions and "Remote Exploitation" the root cause', () => {
  assert.deepEqual(kinds(['# Playground compromise', '', '## Remote Exploitation', '', 'The sandbox ran jobs as root.', '', '## Security Suggestions', '', '- Run each job in its own container', '']), [
    '-: Playground compromise',
    'root-cause: Remote Exploitation',
    'action-items: Security Suggestions',
  ]);
});

test('a guy or a trader is a person, a blackout is the incident, and under-trained staff are judged; a worker process is software', () => {
  assert.deepEqual(severities('The guy caused the blackout.'), ['warning']);
  assert.deepEqual(severities('A trader caused the outage with one order.'), ['warning']);
  assert.deepEqual(severities('The worker process caused the blackout.'), []);
  assert.deepEqual(severities('Under-qualified and under-trained staff ran the cutover.'), ['info']);
});
