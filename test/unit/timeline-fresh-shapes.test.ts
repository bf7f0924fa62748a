// Timeline shapes met in postmortems from teams with other habits: four-digit times without a colon and the day only
// on each day's first entry, ISO stamps ending in Z, wholly bold entries, day headings, hard-break lines, an actor
// column, date-only rows, and the blocks that look like a timeline but are none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { parseDate, readLeadingTimestamp, type TimeContext } from '../../server/src/analysis/time';
import type { TimelineEntry } from '../../server/src/analysis/model';

const today = '2025-06-01';

function read(text: string, overrides: Partial<TimeContext> = {}) {
  return readLeadingTimestamp(text, { lastDate: undefined, previous: undefined, timezone: 'UTC', latestDay: today, ...overrides });
}

function analysed(body: string) {
  const text = `# Postmortem: Queue backlog\n\n${body}`;
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return { text, timeline: analysis.model.timeline, orderFindings: analysis.findings.filter((finding) => finding.ruleId === 'timeline-order') };
}

const iso = (instant: number | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString().slice(0, 16));
const instants = (timeline: readonly TimelineEntry[]) => timeline.map((entry) => iso(entry.instant));

test('four digits before a zone are a time, also right after a month and day', () => {
  assert.equal(iso(read('Mar 4 0915 UTC: paging starts', { lastDate: '2024-03-01' })?.instant), '2024-03-04T09:15');
  assert.equal(iso(read('1942 UTC: replica lag clears', { lastDate: '2024-03-04' })?.instant), '2024-03-04T19:42');
  assert.equal(iso(read('2036Z - failover done', { lastDate: '2024-03-04' })?.instant), '2024-03-04T20:36');
  // With a leading zero a separator is enough; without one, four digits are a year or a number.
  assert.equal(iso(read('0930: standup moved', { lastDate: '2024-03-04' })?.instant), '2024-03-04T09:30');
  assert.equal(read('2024 was a quiet year', { lastDate: '2024-03-04' }), undefined);
  assert.equal(read('1500 requests failed', { lastDate: '2024-03-04' }), undefined);
  // A year after the month and day stays a year.
  const dated = read('Jan 5 2024: freeze begins');
  assert.equal(dated?.date, '2024-01-05');
  assert.equal(dated?.hasTime, false);
});

test('after an entry written as four digits, a bare four-digit time before a separator is a time too', () => {
  const { timeline, orderFindings } = analysed(['## Timeline', '', '- 2024-09-12 0815: deploy starts', '- 1415: error budget alert', '- 2030 - rollback finished', '- 2350: all clear', ''].join('\n'));
  assert.deepEqual(instants(timeline), ['2024-09-12T08:15', '2024-09-12T14:15', '2024-09-12T20:30', '2024-09-12T23:50']);
  assert.equal(orderFindings.length, 0);
  // Without such an entry before it, '2015:' may be a year and opens no entry; '1415:' can be no year of ours and does.
  assert.equal(analysed(['## Timeline', '', '- 14:00 deploy starts', '- 2015: requests failed', ''].join('\n')).timeline.length, 1);
  assert.equal(analysed(['## Timeline', '', '- 14:00 deploy starts', '- 1415: requests failed', ''].join('\n')).timeline.length, 2);
});

test('a list of HHMM times with the day only on each day\'s first entry is read in order, and a real slip is found', () => {
  const inOrder = analysed(
    [
      '## Timeline',
      '',
      '- Mar 4 2210 UTC: consumer lag alert fires',
      '- 2231 UTC: on-call pauses the batch import',
      '  - the import had been running since noon',
      '- 2356 UTC: lag starts to drop',
      '- Mar 5 0040 UTC: backlog drained',
      '- 0912 UTC: import resumed with a lower rate',
      '- Mar 6 1105 UTC: follow-up review held',
      '',
    ].join('\n'),
  );
  assert.deepEqual(instants(inOrder.timeline), ['2025-03-04T22:10', '2025-03-04T22:31', '2025-03-04T23:56', '2025-03-05T00:40', '2025-03-05T09:12', '2025-03-06T11:05']);
  assert.equal(inOrder.orderFindings.length, 0);

  const slipped = analysed(['## Timeline', '', '- Mar 4 2210 UTC: alert fires', '- 2231 UTC: batch paused', '- 2215 UTC: lag noticed by support', ''].join('\n'));
  assert.equal(slipped.orderFindings.length, 1);
  assert.match(slipped.text.slice(slipped.orderFindings[0].span.start), /^- 2215 UTC/);
});

test('ISO stamps ending in Z, with an em dash, are compared by their full instant', () => {
  const { timeline, orderFindings, text } = analysed(
    ['## Timeline (UTC)', '', '- 2024-11-02T08:14:05Z — token leak reported', '- 2024-11-03T09:00:00Z — keys rotated', '- 2024-11-02T21:40:12Z — access revoked', '- 2024-11-03T10:30:00Z — audit started', ''].join('\n'),
  );
  assert.equal(timeline.length, 4);
  assert.equal(timeline[0].description, 'token leak reported');
  assert.equal(orderFindings.length, 1);
  assert.match(text.slice(orderFindings[0].span.start), /^- 2024-11-02T21:40:12Z/);
});

test('wholly bold entries keep their description without the closing marks; day headings date the entries under them', () => {
  const { timeline, orderFindings } = analysed(
    ['## Timeline', '', '### 2024-08-19', '', '- **23:10 UTC: deploy of the new index starts**', '- 23:48 UTC: error rate climbs', '', '### 2024-08-20', '', '- **00:05 UTC: deploy rolled back**', '- 00:30 UTC: all clear given by **ops**', ''].join('\n'),
  );
  assert.deepEqual(instants(timeline), ['2024-08-19T23:10', '2024-08-19T23:48', '2024-08-20T00:05', '2024-08-20T00:30']);
  assert.deepEqual(timeline.map((entry) => entry.description), ['deploy of the new index starts', 'error rate climbs', 'deploy rolled back', 'all clear given by **ops**']);
  assert.equal(timeline.every((entry) => !entry.guessed), true);
  assert.equal(orderFindings.length, 0);
});

test('lines ending in two spaces (hard breaks) are entries of one paragraph', () => {
  const { timeline, orderFindings, text } = analysed(['## Timeline', '', '(all times CET)', '2024-02-10 07:05 nightly sync stalls  ', '2024-02-10 09:40 first ticket opened  ', '2024-02-10 08:15 dashboards show the stall  ', '2024-02-10 12:00 sync restarted', ''].join('\n'));
  assert.equal(timeline.length, 4);
  assert.equal(timeline[0].span.end - timeline[0].span.start, '2024-02-10 07:05 nightly sync stalls'.length);
  assert.equal(orderFindings.length, 1);
  assert.match(text.slice(orderFindings[0].span.start), /^2024-02-10 08:15/);
});

test('a table with an actor column and date-only rows is compared by date for those rows', () => {
  const { timeline, orderFindings } = analysed(
    [
      '## Timeline',
      '',
      '| Date (UTC) | Actor | Event |',
      '|---|---|---|',
      '| 2024-06-03 14:20 | Storage team | Reports slow writes |',
      '| 2024-06-04 | Vendor | Ships a firmware patch |',
      '| 2024-06-04 | Storage team | Schedules the rollout |',
      '| 2024-06-05 09:10 | Storage team | Rollout done |',
      '',
    ].join('\n'),
  );
  assert.equal(timeline.length, 4);
  assert.deepEqual(timeline.map((entry) => entry.dayOnly), [false, true, true, false]);
  assert.equal(timeline[1].description, 'Vendor — Ships a firmware patch');
  assert.equal(orderFindings.length, 0);
});

test('numbered steps without times around fenced logs are no timeline entries', () => {
  const { timeline, orderFindings } = analysed(
    [
      '## Timeline',
      '',
      '1. Stopped the old node',
      '2. Copied the database to the new host',
      '',
      '```',
      'Jun 21 22:14:03 host-b daemon[812]: copy finished',
      'Jun 21 21:02:40 host-b daemon[812]: copy started',
      '```',
      '',
      '3. Started the new node',
      '',
    ].join('\n'),
  );
  assert.equal(timeline.length, 0);
  assert.equal(orderFindings.length, 0);
});

test('a table of times in another section (a refund table) is no timeline', () => {
  const { timeline, orderFindings } = analysed(
    [
      '## Summary',
      '',
      'Orders were charged twice.',
      '',
      '## Mitigation',
      '',
      '| Account | Refund | Time of charge |',
      '|---|---|---|',
      '| a-104 | 12.00 | 16/05/2024 13:31:17 |',
      '| a-311 | 40.00 | 16/05/2024 11:07:51 |',
      '',
    ].join('\n'),
  );
  assert.equal(timeline.length, 0);
  assert.equal(orderFindings.length, 0);
});

test('relative phrases that name no day are not read as due dates', () => {
  for (const phrase of ['the week after the launch', 'the day after the release', 'two weeks after the migration', 'within a week of the freeze', '3 days after the incident', 'the week after']) {
    assert.equal(parseDate(phrase, '2024-03-01'), undefined, phrase);
    assert.equal(parseDate(`by ${phrase}`, '2024-03-01'), undefined, phrase);
  }
  assert.equal(parseDate('March 3rd', '2024-03-01'), '2024-03-03');
  assert.equal(parseDate('3/14/2024'), '2024-03-14');
});

test('an approximate time after a date is read and compared as written, in a table cell too', () => {
  assert.equal(iso(read('10-01 ~15:00 Certificates found missing', { lastDate: '2024-10-01' })?.instant), '2024-10-01T15:00');
  assert.equal(iso(read('2024-10-02 ~07:01: renewal retried')?.instant), '2024-10-02T07:01');
  const { timeline, orderFindings } = analysed(
    ['**Date**: 2024-10-02', '', '## Timeline (UTC)', '', '| Time | Event |', '|---|---|', '| 10-01 09:45 | Renewal job fails |', '| 10-01 ~15:00 | Certificates found missing |', '| 10-02 ~07:01 | Renewal retried |', ''].join('\n'),
  );
  assert.deepEqual(instants(timeline), ['2024-10-01T09:45', '2024-10-01T15:00', '2024-10-02T07:01']);
  assert.equal(orderFindings.length, 0);
});

test('offsets after the first time count from it: a table of "+10 minutes" rows, bracketed hours, T+ and business days', () => {
  const table = analysed(
    [
      '## Timeline',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 2024-03-04 09:00 UTC | Upgrade starts |',
      '| +15 minutes | First node stalls |',
      '| \\[+2 hrs] | Rollback begins |',
      '| +1.5 hours | Hmm, earlier than the row above |',
      '| \\[+1 business day later] | Retrospective |',
      '',
    ].join('\n'),
  );
  assert.deepEqual(instants(table.timeline), ['2024-03-04T09:00', '2024-03-04T09:15', '2024-03-04T11:00', '2024-03-04T10:30', '2024-03-05T09:00']);
  assert.equal(table.timeline[2].timeText, '\\[+2 hrs]');
  assert.ok(table.timeline.slice(1).every((entry) => entry.guessed && entry.timeError === undefined));
  assert.deepEqual(
    table.orderFindings.map((finding) => table.text.slice(finding.span.start, finding.span.end).includes('+1.5')),
    [true],
  );
  const list = analysed(['## Timeline', '', '- 14:00 Deploy', '- T+30m Errors rise', '- T+45m Rolled back', ''].join('\n'));
  assert.deepEqual(instants(list.timeline).map((instant) => instant?.slice(11)), ['14:00', '14:30', '14:45']);
});

test('an offset before any time is not read as one', () => {
  const { timeline } = analysed(['## Timeline', '', '| Time | Event |', '| --- | --- |', '| +10 minutes | Something |', ''].join('\n'));
  assert.equal(timeline[0]?.instant, undefined);
});

test('with no date stated, year-less entries before the first entry dated with its year take their years from it', () => {
  const { timeline, orderFindings } = analysed(
    ['## Timeline', '', '* Nov 20th - Target date discussed', '* Dec 30th - Two clients report a sync issue', '* Jan 02nd - Community call', '* Jan 02, 2020: Activation on the main network', '* Jan 13, 2020: Activation on the test network', ''].join('\n'),
  );
  assert.deepEqual(orderFindings, []);
  assert.deepEqual(timeline.map((entry) => (entry.instant === undefined ? undefined : new Date(entry.instant).toISOString().slice(0, 10))), ['2019-11-20', '2019-12-30', '2020-01-02', '2020-01-02', '2020-01-13']);
});
