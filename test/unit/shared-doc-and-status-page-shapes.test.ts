// Shapes of notes exported from a shared doc and of status pages kept as plain text: a 12-hour clock written once and
// then left out, owners named before a dash, "Whys?" over the causes, plain label lines with their colon, question
// lines, bullets spaced apart under a lead-in with no colon, and the page's "Posted ..." line under the last item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const today = '2026-12-01';

function analysed(text: string): { model: Postmortem; rules: string[] } {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return { model: analysis.model, rules: analysis.findings.map((finding) => finding.ruleId) };
}

const kinds = (text: string) => analysed(text).model.sections.map((section) => [section.title, section.kind ?? null]);

test('after "1:40 PM" the bare times keep the afternoon, a repeated minute and a jump of an hour included', () => {
  const { model, rules } = analysed(
    [
      '# Search outage',
      '',
      '## Timeline',
      '',
      '- 1:40 PM Priya reported slow searches',
      '- 2:05 Ravi rolled back the index change',
      '- 2:05 Priya confirmed errors were still rising',
      '- 2:31 Ravi restarted the query nodes',
      '- 3:48 Ravi resized the cluster',
      '- 4:00 PM Search recovered',
      '',
    ].join('\n'),
  );
  const hours = model.timeline.map((entry) => (entry.instant === undefined ? undefined : new Date(entry.instant).toISOString().slice(11, 16)));
  assert.deepEqual(hours, ['13:40', '14:05', '14:05', '14:31', '15:48', '16:00']);
  assert.ok(!rules.includes('timeline-order'));
});

test('on a 24-hour clock a time twelve hours earlier is still the next day', () => {
  const { model } = analysed(['# Batch overrun', '', '## Timeline', '', '- 15:10 Batch started', '- 03:10 Batch still running', ''].join('\n'));
  const days = model.timeline.map((entry) => (entry.instant === undefined ? undefined : new Date(entry.instant).toISOString().slice(8, 10)));
  assert.notEqual(days[0], days[1]);
});

test('a name before a dash owns the item; a topic before a dash does not', () => {
  const { model } = analysed(
    [
      '# Disk full on the primary',
      '',
      '## Action items',
      '',
      '- Dana \\- alert on queue depth for the production databases',
      '- Chris C - write the rollback runbook',
      '- Monitoring - add a disk usage alert',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    model.actionItems.map((item) => item.owner?.value),
    ['Dana', 'Chris C', undefined],
  );
});

test('"Whys?", "Why that happened", "How did that break the build?", "Who was affected?" and "What we should do to improve" name their sections', () => {
  assert.equal(recogniseHeading('Whys?')?.kind, 'root-cause');
  assert.equal(recogniseHeading('Why that happened')?.kind, 'root-cause');
  assert.equal(recogniseHeading('How did that break the build?')?.kind, 'root-cause');
  assert.equal(recogniseHeading('What we should do to improve')?.kind, 'action-items');
  assert.equal(recogniseHeading('Who was affected?')?.kind, 'impact');
  // A question of another shape is no section name.
  assert.equal(recogniseHeading('How did this break our quarterly planning for good'), undefined);
});

test('plain label lines with their colon head the text below, under a page title too', () => {
  const page = [
    'Friday March 6, 2026',
    'Incident',
    'Delayed notifications for some workspaces',
    'Issue Summary:',
    'From 9:02 AM to 9:40 AM PST some notifications arrived late.',
    'Timeline of delay and cause:',
    'A queue consumer stalled at 9:02 AM PST after a config push.',
    'Corrective Action:',
    'We added a health check to the consumer so a stalled one is replaced.',
    '',
  ].join('\n');
  assert.deepEqual(kinds(page), [
    ['Issue Summary', 'summary'],
    ['Timeline of delay and cause', 'timeline'],
    ['Corrective Action', 'action-items'],
  ]);
  // A sentence that merely ends in a colon is no heading.
  assert.deepEqual(kinds(['Late notifications', 'We found three things:', 'The consumer stalled.', ''].join('\n')), []);
});

test('bullets spaced apart under a lead-in without its colon are the items; the page footer under the last is no due date', () => {
  const page = [
    'Image resizing errors',
    '',
    'Root Cause',
    'A config change sent the resizer an unknown format.',
    '',
    'After the outage we are addressing the following paging gaps',
    '',
    '  • Alerts on format mismatches between services.',
    '',
    '  • A dashboard per route',
    'Posted Mar 09, 2026 - 10:12 UTC',
    '',
  ].join('\n');
  const { model } = analysed(page);
  assert.deepEqual(
    model.actionItems.map((item) => [item.description, item.due?.value ?? null]),
    [
      ['Alerts on format mismatches between services.', null],
      ['A dashboard per route', null],
    ],
  );
});

test('the writers walking through the post, or pointing back at the measures above, add no items', () => {
  const { model } = analysed(
    [
      '# Stylesheet regression',
      '',
      'Below we\'ll take a quick look at the browser change and why our grid broke.',
      '',
      '## Prevention',
      '',
      '- We will add visual tests for the grid.',
      '',
      'We know outages hurt your work. We will prioritize the measures outlined above.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    model.actionItems.map((item) => item.description),
    ['We will add visual tests for the grid.'],
  );
});

test('an Overview of header fields beside a Summary is no second summary; two timelines still are', () => {
  const doc = ['# Outage 7', '', '## Overview', '', '- **Author**: Dana', '- **Severity**: SEV2', '', '## Summary', '', 'The certificate expired.', ''].join('\n');
  assert.ok(!analysed(doc).rules.includes('duplicate-section'));
  assert.ok(analysed(`${doc}\n## Timeline\n\n- 10:00 UTC expiry\n\n## Chronology\n\n- 10:05 UTC alert\n`).rules.includes('duplicate-section'));
});

test('a fix told in prose on a page with no sections is a done item when it makes the service more resilient', () => {
  const page = ['Slow API responses', '', 'Last week a burst of load slowed our API.', '', 'We have fixed two bugs in the rate limiter and made the gateway more resilient to upstream failures.', ''].join('\n');
  assert.deepEqual(
    analysed(page).model.actionItems.map((item) => item.status),
    ['done'],
  );
  assert.deepEqual(analysed(page.replace(' and made the gateway more resilient to upstream failures', '')).model.actionItems, []);
});

test('a status page\'s update log after the next steps ("Updated", then its time) holds no action items', () => {
  const page = [
    'Search latency',
    '',
    'Next Steps',
    '',
    '  • We are adding a second index replica.',
    '',
    'Updated',
    'Mar 9 at 10:30am PDT',
    '',
    'We are back! Search should be fast again.',
    '',
    'Created',
    'Mar 9 at 09:00am PDT',
    '',
    'We are investigating slow searches. We will share another update shortly.',
    '',
  ].join('\n');
  assert.deepEqual(
    analysed(page).model.actionItems.map((item) => item.description),
    ['We are adding a second index replica.'],
  );
});

test('monitoring promised to prevent a repeat, capacity provisioned and follow-up work planned are items', () => {
  const page = [
    'Queue delays',
    '',
    'A sudden load slowed the queue for an hour.',
    '',
    'We have provisioned more workers than the peak needs, and we will be closely monitoring the queue depth to prevent this from happening again.',
    '',
    'Follow-up work scheduled to cope better with slow consumers.',
    '',
  ].join('\n');
  assert.deepEqual(
    analysed(page).model.actionItems.map((item) => item.status),
    ['done', 'open', 'open'],
  );
  // Monitoring the results of a fix is news, not work.
  assert.deepEqual(analysed('Queue delays\n\nA fix is out and we are monitoring the results.\n').model.actionItems, []);
});

test('"# Incident: <what happened>" over sections of its own is the title, not loosely a summary', () => {
  const doc = ['# Incident: the vault lost its config on restart', '', '## Root cause', '', 'Dev mode keeps data in memory.', '', '## Follow-ups', '', '- Run the vault with storage.', ''].join('\n');
  assert.deepEqual(kinds(doc)[0], ['Incident: the vault lost its config on restart', null]);
});

test('watching on after the fix, and a promise of more information, are no items', () => {
  const page = 'Login errors\n\nA nightly task broke logins for twenty minutes. We will continue monitoring logins to avoid a repeat.\n\nWe will be providing additional information soon.\n';
  assert.deepEqual(analysed(page).model.actionItems, []);
});

test('the Five whys beside the Root cause are one analysis; a second Root cause is still a duplicate', () => {
  const doc = (second: string) => ['# Blank samples', '', '## Whys', '', '- Why did it fail? The field was empty.', '', `## ${second}`, '', 'An empty field passed validation.', ''].join('\n');
  assert.ok(!analysed(doc('Root cause')).rules.includes('duplicate-section'));
  assert.ok(analysed(doc('Root cause').replace('## Whys', '## Causes')).rules.includes('duplicate-section'));
});
