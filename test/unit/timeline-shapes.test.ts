// The timeline shapes real postmortems use: heading entries, bracketed month-day stamps, times before dates,
// Day/Date/Time columns, broken tables, ranges and approximate times, placeholders, and when a sort is safe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/analysis';
import { incidentEnd } from '../../server/src/analysis/metrics';
import { readLeadingTimestamp, type LeadingTimestamp, type TimeContext } from '../../server/src/analysis/time';
import { applyEdits } from '../../server/src/analysis/text';
import type { TimelineEntry } from '../../server/src/analysis/model';

const today = '2025-06-01';

function read(text: string, overrides: Partial<TimeContext> = {}): LeadingTimestamp | undefined {
  return readLeadingTimestamp(text, { lastDate: undefined, previous: undefined, timezone: 'UTC', latestDay: today, ...overrides });
}

function timelineOf(text: string): TimelineEntry[] {
  const model = analyze(text, { force: true, today }).model;
  assert.ok(model);
  return model.timeline;
}

function orderFindings(text: string) {
  return analyze(text, { force: true, today }).findings.filter((finding) => finding.ruleId === 'timeline-order');
}

const iso = (instant: number | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString().slice(0, 16));

test('a time before a date, with ordinals and a zone, is read with that date', () => {
  assert.equal(iso(read('09:40 2nd Mar 2024 Export restarted')?.instant), '2024-03-02T09:40');
  assert.equal(iso(read('23:40 1st Mar 2024 Job starts')?.instant), '2024-03-01T23:40');
  const zoned = read('1:45 PM ET on March 2nd, 2024 Finance notified');
  assert.equal(iso(zoned?.instant), '2024-03-02T18:45');
  assert.equal(zoned?.hasZone, true);
  assert.equal(zoned?.hasDate, true);
});

test('a weekday may stand between the time and its date, and the date carries the entry over midnight', () => {
  assert.equal(iso(read('09:20 UTC Tuesday Aug 28 - records added', { lastDate: '2018-08-27' })?.instant), '2018-08-28T09:20');
  const text = ['# Postmortem: resolver', '', '## Timeline', '', '- 21:40 UTC Monday Aug 27 - zone moved', '- 23:05 UTC - ingestion paused', '- 09:20 UTC Tuesday Aug 28 - records added', ''].join('\n');
  assert.deepEqual(orderFindings(text), []);
});

test('a date in parentheses right after the time, emphasised or not, is the entry\'s date; an aside in parentheses is not', () => {
  assert.equal(iso(read('23:10 UTC (March 3) - builds start failing', { latestDay: '2024-06-01' })?.instant), '2024-03-03T23:10');
  assert.equal(iso(read('**23:10 UTC(*March 3*)** - builds start failing', { latestDay: '2024-06-01' })?.instant), '2024-03-03T23:10');
  const aside = read('10:15 (March 3, roughly) - paged');
  assert.equal(aside?.hasDate, false);
  const text = ['# Postmortem: build farm', '', '## Timeline', '', '* **09:00 UTC (March 3)** - first failure', '* **14:00 UTC** - more failures', '* **08:00 UTC (March 4)** - builds stable', ''].join('\n');
  assert.deepEqual(orderFindings(text), []);
  assert.deepEqual(timelineOf(text).map((entry) => iso(entry.instant)), ['2025-03-03T09:00', '2025-03-03T14:00', '2025-03-04T08:00']);
});

test('a time-only entry hours earlier than the dated one before may be the next day: reported, but fix-all does not sort it', () => {
  const text = ['# Postmortem: build farm', '', '## Timeline', '', '- 21:30 UTC (March 3) - first failure', '- 10:30 UTC - failures spread', '- 11:00 UTC - region isolated', ''].join('\n');
  assert.deepEqual(timelineOf(text).map((entry) => entry.guessed), [false, true, false]);
  const [finding] = orderFindings(text);
  assert.equal(finding?.fix?.safe, false);
  assert.ok(fixAll(text, { force: true, today }).text.includes('- 21:30 UTC (March 3) - first failure\n- 10:30 UTC - failures spread\n'));
});

test('a timeline read from its timed entries does not take in a sub-section under words of its own; a day heading stays in it', () => {
  const text = [
    '## Builds failing in one region',
    '',
    '* **09:00 UTC (March 3)** - first failure',
    '* **10:00 UTC** - more failures',
    '* **11:30 UTC** - region isolated',
    '',
    '### What happened',
    '',
    'On March 2nd, a new NAT gateway went in.',
    '',
    '### March 4, 2025',
    '',
    '* **08:00 UTC** - builds stable',
    '',
  ].join('\n');
  assert.deepEqual(timelineOf(text).map((entry) => iso(entry.instant)), ['2025-03-03T09:00', '2025-03-03T10:00', '2025-03-03T11:30', '2025-03-04T08:00']);
  assert.deepEqual(orderFindings(text), []);
});

test('day-first dates with dashes or dots, and a day with a dot before the month', () => {
  const heading = read('29-09-2021 (all times CEST)');
  assert.equal(heading?.date, '2021-09-29');
  assert.equal(heading?.hasTime, false);
  assert.equal(read('03.10.2021 14:05 Disk full')?.date, '2021-10-03');
  // A month over 12 in the second place means the writer put the month first.
  assert.equal(read('09-29-2021 08:00 x')?.date, '2021-09-29');
  assert.equal(iso(read('7. May, 09:30', { lastDate: '2024-05-06' })?.instant), '2024-05-07T09:30');
});

test('bracketed month-day stamps take the year of the last date and wrap from December to January', () => {
  const first = read('[12-31 23:50] Certificate expires');
  assert.equal(iso(first?.instant), '2024-12-31T23:50');
  assert.equal(first?.guessed, false);
  assert.equal(first?.text, '12-31 23:50');
  const wrapped = read('[01-01 00:20] Alert fires', { lastDate: '2024-12-31', previous: first?.instant });
  assert.equal(iso(wrapped?.instant), '2025-01-01T00:20');
  assert.equal(wrapped?.guessed, true, 'the year was inferred');
  assert.equal(read('[01-02 09:00] x', { lastDate: '2025-01-01' })?.guessed, false);
  // Without a time, '03-04' is no date (it could be a score or a ratio).
  assert.equal(read('03-04 split vote'), undefined);
});

test('ranges and approximate times are compared by their start', () => {
  const range = read('~10:15-10:30 Engineers restart the worker', { lastDate: '2024-03-02' });
  assert.equal(iso(range?.instant), '2024-03-02T10:15');
  assert.equal(range?.text, '10:15-10:30');
  assert.equal(iso(read('approx. 10:20 Export resumes', { lastDate: '2024-03-02' })?.instant), '2024-03-02T10:20');
  assert.equal(iso(read('around 2:30 PM ET on March 2nd, 2024 Done')?.instant), '2024-03-02T19:30');
  assert.equal(iso(read('10:15 to 10:30 Partial outage', { lastDate: '2024-03-02' })?.instant), '2024-03-02T10:15');
});

test('impossible and malformed times are errors, not silent guesses', () => {
  const pm = read('14:20 PM Totals confirmed', { lastDate: '2024-03-02' });
  assert.equal(pm?.instant, undefined);
  assert.match(pm?.error ?? '', /'14:20 PM' is not a valid time of day: a 12-hour time runs from 1 to 12/);
  const malformed = read('2020-02-06 07:7:47 Listing live');
  assert.equal(malformed?.instant, undefined);
  assert.equal(malformed?.text, '2020-02-06 07:7:47');
  assert.equal(read('07:7:47 Listing live', { lastDate: '2020-02-06' })?.instant, undefined);
});

test('four-digit times after a date, and placeholder times', () => {
  assert.equal(iso(read('2022-03-04 1625: Report received')?.instant), '2022-03-04T16:25');
  assert.equal(iso(read('2022-03-04 0905 UTC - Rollout')?.instant), '2022-03-04T09:05');
  // Four digits that are not followed by a separator are a count, not a time.
  assert.equal(read('2022-03-04 1625 users affected')?.hasTime, false);
  assert.equal(read('2022-03-04 X: Reply sent'), undefined);
  assert.equal(read('2022-03-04 unknown: Reply sent'), undefined);
  assert.equal(read('2023-MM-DD: Review'), undefined);
});

test('an instant rests on a guess without a date or across a midnight rollover', () => {
  assert.equal(read('14:00 Alert')?.guessed, true, 'no date is known');
  assert.equal(read('14:00 Alert', { lastDate: '2024-01-15' })?.guessed, false);
  const late = Date.UTC(2024, 0, 15, 23, 50);
  const rolled = read('00:10 Lag falls', { lastDate: '2024-01-15', previous: late });
  assert.equal(iso(rolled?.instant), '2024-01-16T00:10');
  assert.equal(rolled?.guessed, true);
});

test('H3 and H4 headings under the timeline are entries; a date heading sets the day', () => {
  const text = [
    '# Postmortem: Index rebuild',
    '',
    '## Timeline',
    '',
    '#### 11-06-2024',
    '',
    '### 08:05',
    '',
    'The rebuild job reports zero documents.',
    '',
    '### 08:20 Search team paged',
    '',
    '### 12. Jun, 09:30',
    '',
    'Rebuild finished.',
    '',
  ].join('\n');
  const entries = timelineOf(text);
  assert.deepEqual(
    entries.map((entry) => [entry.container, entry.timeText, iso(entry.instant), entry.description]),
    [
      ['heading', '08:05', '2024-06-11T08:05', ''],
      ['heading', '08:20', '2024-06-11T08:20', 'Search team paged'],
      ['heading', '12. Jun, 09:30', '2024-06-12T09:30', ''],
    ],
  );
  assert.equal(text.slice(entries[1].span.start, entries[1].span.end), '### 08:20 Search team paged');
});

test('a table with Day, Date and Time columns keeps the date after midnight', () => {
  const text = [
    '# Postmortem: Rebalance',
    '',
    '## Timeline',
    '',
    '| Day | Date | Time | Event |',
    '| --- | --- | --- | --- |',
    '| Day 1 | 2024-09-03 | 21:00 | Rebalance started |',
    '| Day 2 | | 00:40 | Rebalance throttled |',
    '| Day 3 | | 00:30 | Rebalance completed |',
    '',
  ].join('\n');
  const entries = timelineOf(text);
  assert.deepEqual(entries.map((entry) => iso(entry.instant)), ['2024-09-03T21:00', '2024-09-04T00:40', '2024-09-05T00:30']);
  assert.deepEqual(entries.map((entry) => entry.guessed), [false, false, false]);
  assert.equal(entries[1].description, 'Rebalance throttled');
});

test('table rows cut off by a blank line are still entries', () => {
  const text = ['# Postmortem: Logins', '', '## Timeline', '', '**2024-05-14**', '', '| Time | Event |', '| --- | --- |', '| 10:02 | Deployed |', '', '| 10:15 | Rolled back |', '| 10:11 | Confirmed |', ''].join('\n');
  assert.deepEqual(timelineOf(text).map((entry) => iso(entry.instant)), ['2024-05-14T10:02', '2024-05-14T10:15', '2024-05-14T10:11']);
  assert.equal(timelineOf(text)[2].description, 'Confirmed');
  assert.equal(orderFindings(text).length, 1);
});

test('an entry with only a date stands for its whole day', () => {
  const text = ['# Postmortem: Release', '', '## Timeline', '', '- 2024-02-06 07:46 Release approved', '- 2024-02-06: Listing checked', '- 2024-02-06 07:50 Store updated', ''].join('\n');
  assert.deepEqual(orderFindings(text), []);
  const earlier = ['# Postmortem: Release', '', '## Timeline', '', '- 2024-02-06 07:46 Release approved', '- 2024-02-05: Listing checked', ''].join('\n');
  assert.equal(orderFindings(earlier).length, 1);
});

test('with zones, the message shows both times in UTC and the related entry is called later', () => {
  const text = ['# Postmortem: Failover', '', '## Timeline', '', '**2024-04-20**', '', '- 09:10 +00:00 Failover started', '- 10:15 +02:00 Traffic drained', ''].join('\n');
  const [finding] = orderFindings(text);
  assert.equal(finding.message, "Timeline entry '10:15 +02:00' (08:15 UTC) is earlier than the entry before it, '09:10 +00:00' (09:10 UTC).");
  assert.equal(finding.related[0].message, "The entry before it, '09:10 +00:00' (09:10 UTC), is later");
  const plain = orderFindings(['# Postmortem: Failover', '', '## Timeline', '', '- 14:22 Started', '- 14:10 Paged', ''].join('\n'))[0];
  assert.equal(plain.related[0].message, "The entry before it, '14:22', is later");
});

test('sorting is safe only when every instant was read without a guess', () => {
  const dated = ['# Postmortem: Queue', '', '## Timeline', '', '- 2024-02-06 10:10 Rollback', '- 2024-02-06 10:05 Alert', ''].join('\n');
  assert.equal(orderFindings(dated)[0].fix?.safe, true);
  // Fix-all also inserts the sections these short documents lack; only the timeline matters here.
  assert.ok(fixAll(dated, { force: true, today }).text.includes('- 2024-02-06 10:05 Alert\n- 2024-02-06 10:10 Rollback\n'));

  const undated = ['# Postmortem: Queue', '', '## Timeline', '', '- 10:10 Rollback', '- 10:05 Alert', ''].join('\n');
  const fix = orderFindings(undated)[0].fix;
  assert.equal(fix?.safe, false, 'no date was read');
  assert.ok(fix && applyEdits(undated, fix.edits).includes('- 10:05 Alert\n- 10:10 Rollback'), 'the user can still choose it');
  assert.ok(fixAll(undated, { force: true, today }).text.includes('- 10:10 Rollback\n- 10:05 Alert\n'));

  // The date is stated for the incident, not written in the timeline: the day after midnight is inferred.
  const rolledOver = ['# Postmortem: Queue', '', '**Date**: 2024-02-06', '', '## Timeline', '', '- 23:40 Lag alert', '- 00:10 Lag falls', '- 00:05 Consumers restarted', ''].join('\n');
  assert.equal(orderFindings(rolledOver)[0].fix?.safe, false, 'the day rolled over');
  assert.ok(fixAll(rolledOver, { force: true, today }).text.includes('- 23:40 Lag alert\n- 00:10 Lag falls\n- 00:05 Consumers restarted\n'));
});

test('day labels set the day, and a time after midnight under the same day is read as the next day (a guess)', () => {
  const underHeading = ['# Postmortem: Queue', '', '## Timeline', '', '### 2024-02-06', '', '- 23:40 Lag alert', '- 00:10 Lag falls', ''].join('\n');
  assert.deepEqual(timelineOf(underHeading).map((entry) => [iso(entry.instant), entry.guessed]), [['2024-02-06T23:40', false], ['2024-02-07T00:10', true]]);
  assert.deepEqual(orderFindings(underHeading), []);
  const dayLabels = ['# Postmortem: Queue', '', '## Timeline', '', '**Day 1 (2024-02-06)**', '', '- 23:40 Lag alert', '', '**Day 2**', '', '- 00:10 Lag falls', ''].join('\n');
  assert.deepEqual(timelineOf(dayLabels).map((entry) => [iso(entry.instant), entry.guessed]), [['2024-02-06T23:40', false], ['2024-02-07T00:10', false]]);
});

test('a one-digit hour after a PM time is read as afternoon, and marked as a guess', () => {
  const text = ['# Postmortem: x', '', '## Timeline', '', '- 12:16 PM ET on June 16, 2020 Report', '- 1:00 PM ET Escalated', '- 4:00 ET Fixed', '- 05:00 ET Backfill started', ''].join('\n');
  const entries = timelineOf(text);
  assert.deepEqual(entries.map((entry) => iso(entry.instant)), ['2020-06-16T16:16', '2020-06-16T17:00', '2020-06-16T20:00', '2020-06-16T09:00']);
  // '05:00' eleven hours after '4:00' PM may be the next morning with its date left out: a guess too.
  assert.deepEqual(entries.map((entry) => entry.guessed), [false, false, true, true]);
});

test('a clock written with a dot opens an entry when words follow it; sizes and versions stay prose', () => {
  assert.equal(iso(read('11.15 DM restarted the worker', { lastDate: '2024-05-02' })?.instant), '2024-05-02T11:15');
  assert.equal(iso(read('9.05 - pager went off', { lastDate: '2024-05-02' })?.instant), '2024-05-02T09:05');
  assert.equal(read('2.50 GB were left on the volume'), undefined);
  assert.equal(read('1.15 release notes went out'), undefined);
  assert.equal(read('3.14159 is pi'), undefined);
  const text = ['# Postmortem: x', '', '## Timeline', '', '2 May 2024', '', '11.15 Alert fired', '', '11.40 Cache flushed', '', '11.32 Traffic back', ''].join('\n');
  assert.deepEqual(orderFindings(text).map((finding) => text.slice(finding.span.start, finding.span.end)), ['11.32 Traffic back']);
});

test('with no PM written, a one-digit hour just after the hour of noon is the afternoon, as a guess', () => {
  const text = ['# Postmortem: x', '', '## Timeline', '', '- 2024-05-02 12:40 Rebuild started', '- 12:56 Build queued', '- 1:00 Build running', '- 1:23 Deployed', ''].join('\n');
  const entries = timelineOf(text);
  assert.deepEqual(entries.map((entry) => iso(entry.instant)), ['2024-05-02T12:40', '2024-05-02T12:56', '2024-05-02T13:00', '2024-05-02T13:23']);
  assert.deepEqual(entries.map((entry) => entry.guessed), [false, false, true, true]);
  assert.deepEqual(orderFindings(text), []);
  // Far from noon a bare early hour is still out of order: '9:10' after '14:00' is not read as the evening.
  const late = ['# Postmortem: x', '', '## Timeline', '', '- 2024-05-02 13:00 Alert', '- 14:00 Fix deployed', '- 9:10 Root cause found', ''].join('\n');
  assert.equal(orderFindings(late).length, 1);
});

test('a date in the timeline heading dates its first entries; a time may carry emphasis after a date', () => {
  const text = ['# Postmortem: x', '', '## Timeline (all times UTC, 3/14/2024-3/15/2024)', '', '- 10:05 Alert', '- Mar 15th **01:52** Fixed', ''].join('\n');
  const entries = timelineOf(text);
  assert.deepEqual(entries.map((entry) => iso(entry.instant)), ['2024-03-14T10:05', '2024-03-15T01:52']);
  assert.equal(entries[1].timeText, 'Mar 15th **01:52**');
  assert.equal(entries[1].description, 'Fixed');
});

test('duration-mismatch measures to resolution, not to the review afterwards, and offers the span as a fix', () => {
  const text = [
    '# Postmortem: Webhooks',
    '',
    '**Date**: 2024-10-08',
    '**Duration**: 45 minutes',
    '',
    '## Timeline',
    '',
    '- 14:00 Change applied',
    '- 16:05 Deliveries back to normal, incident resolved',
    '- 18:00 Retrospective scheduled for Thursday',
    '',
  ].join('\n');
  const findings = analyze(text, { force: true, today }).findings.filter((finding) => finding.ruleId === 'duration-mismatch');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].message, 'Stated duration 45m disagrees with the timeline, which spans 2h 05m.');
  const fix = findings[0].fix;
  assert.equal(fix?.title, 'Set the duration to 2h 05m');
  assert.equal(fix?.safe, false);
  const fixed = applyEdits(text, fix?.edits ?? []);
  assert.ok(fixed.includes('**Duration**: 2h 05m\n'));
  assert.deepEqual(analyze(fixed, { force: true, today }).findings.filter((finding) => finding.ruleId === 'duration-mismatch'), []);
});

test('the incident ends at the last resolution or recovery entry, never at a follow-up', () => {
  const entries = timelineOf(['# Postmortem: x', '', '## Timeline', '', '**2024-10-08**', '', '- 14:00 Alert', '- 15:00 Service restored', '- 15:30 Monitoring', '- 17:00 Postmortem published', ''].join('\n'));
  assert.equal(iso(incidentEnd(entries)), '2024-10-08T15:00');
  assert.equal(iso(incidentEnd(entries.filter((entry) => !/restored/.test(entry.description)))), '2024-10-08T15:30');
});
