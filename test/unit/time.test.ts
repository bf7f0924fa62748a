import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  daysBetween,
  findDate,
  findTimezone,
  formatDuration,
  mayWriteCalendarDate,
  parseDate,
  parseDuration,
  readLeadingTimestamp,
  readTimestamp,
  resolveZone,
  type LeadingTimestamp,
  type TimeContext,
} from '../../server/src/analysis/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function context(overrides: Partial<TimeContext> = {}): TimeContext {
  return { lastDate: '2024-01-15', previous: undefined, timezone: 'UTC', ...overrides };
}

function read(text: string, ctx: TimeContext = context()): LeadingTimestamp {
  const result = readLeadingTimestamp(text, ctx);
  assert.ok(result, `expected a timestamp in ${JSON.stringify(text)}`);
  return result;
}

function instantOf(text: string, ctx: TimeContext = context()): number | undefined {
  return read(text, ctx).instant;
}

test('clock times without a date take the carried date', () => {
  const cases: [string, number][] = [
    ['14:00 Alert fired', Date.UTC(2024, 0, 15, 14, 0)],
    ['14:00:30 Pager', Date.UTC(2024, 0, 15, 14, 0, 30)],
    ['9:05 Deploy', Date.UTC(2024, 0, 15, 9, 5)],
    ['2:05 PM Rollback', Date.UTC(2024, 0, 15, 14, 5)],
    ['2:05 p.m. Rollback', Date.UTC(2024, 0, 15, 14, 5)],
    ['2pm Rollback', Date.UTC(2024, 0, 15, 14, 0)],
    ['10 am Standup', Date.UTC(2024, 0, 15, 10, 0)],
    ['12:00 AM Midnight job', Date.UTC(2024, 0, 15, 0, 0)],
    ['12 PM Lunch', Date.UTC(2024, 0, 15, 12, 0)],
  ];
  for (const [text, instant] of cases) {
    const result = read(text);
    assert.equal(result.instant, instant, text);
    assert.equal(result.date, '2024-01-15', text);
    assert.equal(result.hasDate, false, text);
    assert.equal(result.hasZone, false, text);
    assert.equal(result.error, undefined, text);
  }
});

test('zones and offsets written after the time are honoured', () => {
  const cases: [string, number, string][] = [
    ['14:05 UTC x', Date.UTC(2024, 0, 15, 14, 5), '14:05 UTC'],
    ['14:05 PST x', Date.UTC(2024, 0, 15, 22, 5), '14:05 PST'],
    ['14:05 (UTC) x', Date.UTC(2024, 0, 15, 14, 5), '14:05 (UTC)'],
    ['14:05Z x', Date.UTC(2024, 0, 15, 14, 5), '14:05Z'],
    ['14:05 +02:00 x', Date.UTC(2024, 0, 15, 12, 5), '14:05 +02:00'],
    ['14:05 -05:00 x', Date.UTC(2024, 0, 15, 19, 5), '14:05 -05:00'],
    ['14:05 UTC+2 x', Date.UTC(2024, 0, 15, 12, 5), '14:05 UTC+2'],
    ['14:05 GMT-05:30 x', Date.UTC(2024, 0, 15, 19, 35), '14:05 GMT-05:30'],
    ['14:05 EDT x', Date.UTC(2024, 0, 15, 18, 5), '14:05 EDT'],
    ['14:05 ET x', Date.UTC(2024, 0, 15, 19, 5), '14:05 ET'],
    ['14:05 CET x', Date.UTC(2024, 0, 15, 13, 5), '14:05 CET'],
    ['14:05 IST x', Date.UTC(2024, 0, 15, 8, 35), '14:05 IST'],
    ['14:05 America/New_York x', Date.UTC(2024, 0, 15, 19, 5), '14:05 America/New_York'],
    ['14:05 (Europe/Berlin) x', Date.UTC(2024, 0, 15, 13, 5), '14:05 (Europe/Berlin)'],
    ['2:05 PM PST x', Date.UTC(2024, 0, 15, 22, 5), '2:05 PM PST'],
  ];
  for (const [text, instant, written] of cases) {
    const result = read(text);
    assert.equal(result.instant, instant, text);
    assert.equal(result.text, written, text);
    assert.equal(result.hasZone, true, text);
  }
  assert.equal(instantOf('14:05 PST'), instantOf('22:05 UTC'));
  assert.equal(instantOf('14:05 PST', context({ timezone: 'Asia/Tokyo' })), instantOf('22:05 UTC', context({ timezone: 'Asia/Tokyo' })));
});

test('capitalised words and ranges after a time are not zones', () => {
  const it = read('14:00 IT team paged');
  assert.equal(it.text, '14:00');
  assert.equal(it.hasZone, false);
  assert.equal(it.instant, Date.UTC(2024, 0, 15, 14, 0));
  const word = read('14:00 pet the dog');
  assert.equal(word.text, '14:00');
  assert.equal(word.hasZone, false);
  // A range is part of the timestamp and is compared by its start.
  const range = read('14:00-14:30 outage');
  assert.equal(range.text, '14:00-14:30');
  assert.equal(range.hasZone, false);
  assert.equal(range.instant, Date.UTC(2024, 0, 15, 14, 0));
  const spaced = read('14:00 - 15:00 outage');
  assert.equal(spaced.text, '14:00 - 15:00');
  assert.equal(spaced.instant, Date.UTC(2024, 0, 15, 14, 0));
});

test('times without a zone use the context zone: IANA with DST, and fixed offsets in both spellings', () => {
  assert.equal(instantOf('14:00 x', context({ timezone: 'America/New_York' })), Date.UTC(2024, 0, 15, 19, 0));
  assert.equal(instantOf('14:00 x', context({ timezone: 'America/New_York', lastDate: '2024-07-04' })), Date.UTC(2024, 6, 4, 18, 0));
  assert.equal(instantOf('14:00 x', context({ timezone: 'UTC+02:00' })), Date.UTC(2024, 0, 15, 12, 0));
  assert.equal(instantOf('14:00 x', context({ timezone: '+02:00' })), Date.UTC(2024, 0, 15, 12, 0));
  assert.equal(instantOf('14:00 x', context({ timezone: 'PST' })), Date.UTC(2024, 0, 15, 22, 0));
  // A written zone wins over the context's.
  assert.equal(instantOf('14:00 UTC x', context({ timezone: 'America/New_York' })), Date.UTC(2024, 0, 15, 14, 0));
  // An unknown context zone falls back to UTC rather than failing every entry.
  assert.equal(instantOf('14:00 x', context({ timezone: 'Mars/Olympus_Mons' })), Date.UTC(2024, 0, 15, 14, 0));
});

test('markup and separators around the timestamp are counted in length but not in text', () => {
  const cases: [string, string, number, number][] = [
    ['**14:00** Alert', '14:00', 2, 9],
    ['**14:00 UTC**: Alert', '14:00 UTC', 2, 14],
    ['`14:00` Alert', '14:00', 1, 7],
    ['[14:00] Alert', '14:00', 1, 7],
    ['**2024-02-06 14:23 UTC** Alert', '2024-02-06 14:23 UTC', 2, 24],
    ['14:00 - Alert', '14:00', 0, 7],
    ['14:00 — Alert', '14:00', 0, 7],
    ['14:00 – Alert', '14:00', 0, 7],
    ['14:00: Alert', '14:00', 0, 6],
    ['14:00 | Alert', '14:00', 0, 7],
    ['**14:00:** Alert', '14:00', 2, 10],
    ['_14:00_ Alert', '14:00', 1, 7],
    ['14:00 Alert', '14:00', 0, 5],
  ];
  for (const [text, written, start, length] of cases) {
    const result = read(text);
    assert.equal(result.text, written, text);
    assert.equal(result.textStart, start, text);
    assert.equal(result.length, length, text);
    assert.equal(text.slice(result.textStart, result.textStart + result.text.length), written, text);
    assert.equal(result.instant !== undefined, true, text);
  }
  assert.equal(instantOf('**2024-02-06 14:23 UTC** Alert'), Date.UTC(2024, 1, 6, 14, 23));
});

test('ISO 8601 and dated timestamps set their own date', () => {
  const cases: [string, number, string, boolean, string][] = [
    ['2024-01-15T14:00:00Z x', Date.UTC(2024, 0, 15, 14, 0), '2024-01-15T14:00:00Z', true, '2024-01-15'],
    ['2024-01-15T14:00:00.250Z x', Date.UTC(2024, 0, 15, 14, 0, 0, 250), '2024-01-15T14:00:00.250Z', true, '2024-01-15'],
    ['2024-01-15T14:00:00+05:30 x', Date.UTC(2024, 0, 15, 8, 30), '2024-01-15T14:00:00+05:30', true, '2024-01-15'],
    ['2024-01-15T14:00:00-05:00 x', Date.UTC(2024, 0, 15, 19, 0), '2024-01-15T14:00:00-05:00', true, '2024-01-15'],
    ['2024-01-15 14:00 x', Date.UTC(2024, 0, 15, 14, 0), '2024-01-15 14:00', false, '2024-01-15'],
    ['2024-01-15 14:00 UTC x', Date.UTC(2024, 0, 15, 14, 0), '2024-01-15 14:00 UTC', true, '2024-01-15'],
    ['2024/01/15 14:00 x', Date.UTC(2024, 0, 15, 14, 0), '2024/01/15 14:00', false, '2024-01-15'],
    ['Jan 15 14:00 x', Date.UTC(2024, 0, 15, 14, 0), 'Jan 15 14:00', false, '2024-01-15'],
    ['Jan 15, 14:00 UTC x', Date.UTC(2024, 0, 15, 14, 0), 'Jan 15, 14:00 UTC', true, '2024-01-15'],
    ['January 15, 2024 14:00 x', Date.UTC(2024, 0, 15, 14, 0), 'January 15, 2024 14:00', false, '2024-01-15'],
    ['Mon Jan 15 14:00 x', Date.UTC(2024, 0, 15, 14, 0), 'Mon Jan 15 14:00', false, '2024-01-15'],
    ['15 Jan 2024 14:00 x', Date.UTC(2024, 0, 15, 14, 0), '15 Jan 2024 14:00', false, '2024-01-15'],
    ['Jan 15th at 2pm x', Date.UTC(2024, 0, 15, 14, 0), 'Jan 15th at 2pm', false, '2024-01-15'],
    ['Monday, January 15th at 2pm x', Date.UTC(2024, 0, 15, 14, 0), 'Monday, January 15th at 2pm', false, '2024-01-15'],
    ['Sat 2024-01-20 10:00 x', Date.UTC(2024, 0, 20, 10, 0), 'Sat 2024-01-20 10:00', false, '2024-01-20'],
    ['1/16 14:00 x', Date.UTC(2024, 0, 16, 14, 0), '1/16 14:00', false, '2024-01-16'],
  ];
  // The carried date is a different day, so a correct result proves the written date was used.
  const ctx = context({ lastDate: '2024-01-10' });
  for (const [text, instant, written, hasZone, date] of cases) {
    const result = read(text, ctx);
    assert.equal(result.instant, instant, text);
    assert.equal(result.text, written, text);
    assert.equal(result.hasDate, true, text);
    assert.equal(result.hasZone, hasZone, text);
    assert.equal(result.date, date, text);
  }
  assert.equal(read('2024-01-15T23:30:00-05:00 x').date, '2024-01-15', 'the date as written, in the written zone');
  assert.equal(read('Jan 20 09:00 x', ctx).date, '2024-01-20');
});

test('dated timestamps in the context zone', () => {
  const ctx = context({ timezone: 'America/New_York' });
  assert.equal(instantOf('2024-07-04 14:00 x', ctx), Date.UTC(2024, 6, 4, 18, 0));
  assert.equal(instantOf('Jan 15, 2024 14:00 x', ctx), Date.UTC(2024, 0, 15, 19, 0));
});

test('a month-day date without a year is read nearest the carried date', () => {
  const ctx = context({ lastDate: '2023-12-31' });
  const result = read('Jan 2 01:00 x', ctx);
  assert.equal(result.instant, Date.UTC(2024, 0, 2, 1, 0));
  assert.equal(result.date, '2024-01-02');
  assert.equal(read('Dec 30 23:00 x', ctx).date, '2023-12-30');
});

test('a date-only line sets the date at midnight in the zone', () => {
  const plain = read('2024-01-16');
  assert.equal(plain.instant, Date.UTC(2024, 0, 16));
  assert.equal(plain.date, '2024-01-16');
  assert.equal(plain.hasDate, true);
  assert.equal(plain.length, 10);
  const bold = read('**Jan 16**', context({ timezone: 'America/New_York' }));
  assert.equal(bold.text, 'Jan 16');
  assert.equal(bold.textStart, 2);
  assert.equal(bold.length, 10);
  assert.equal(bold.date, '2024-01-16');
  assert.equal(bold.instant, Date.UTC(2024, 0, 16, 5, 0));
  assert.equal(read('January 16, 2024').date, '2024-01-16');
  assert.equal(read('1/16/2024').date, '2024-01-16');
});

test('without a carried date, times fall on 1970-01-01 and report no date', () => {
  const result = read('14:00 x', context({ lastDate: undefined }));
  assert.equal(result.instant, Date.UTC(1970, 0, 1, 14, 0));
  assert.equal(result.date, undefined);
  assert.equal(result.hasDate, false);
  assert.equal(instantOf('14:00 x', context({ lastDate: undefined, timezone: 'UTC+02:00' })), Date.UTC(1970, 0, 1, 12, 0));
});

test('midnight rollover: far earlier means the next day, a little earlier stays out of order', () => {
  const lateEvening = Date.UTC(2024, 0, 15, 23, 50);
  const rolled = read('00:10 x', context({ previous: lateEvening }));
  assert.equal(rolled.instant, Date.UTC(2024, 0, 16, 0, 10));
  assert.equal(rolled.date, '2024-01-16');

  const afternoon = Date.UTC(2024, 0, 15, 14, 0);
  const outOfOrder = read('13:00 x', context({ previous: afternoon }));
  assert.equal(outOfOrder.instant, Date.UTC(2024, 0, 15, 13, 0));
  assert.equal(outOfOrder.date, '2024-01-15');

  // Twelve hours earlier or more is the next day, as a timeline's writer means "23:00" then "11:00"; less stays the same day.
  assert.equal(instantOf('02:01 x', context({ previous: Date.UTC(2024, 0, 15, 14, 0) })), Date.UTC(2024, 0, 15, 2, 1));
  assert.equal(instantOf('02:00 x', context({ previous: Date.UTC(2024, 0, 15, 14, 0) })), Date.UTC(2024, 0, 16, 2, 0));

  // Rollover also works before any date was seen, and in a zone with DST.
  const undated = read('00:10 x', context({ lastDate: undefined, previous: Date.UTC(1970, 0, 1, 23, 50) }));
  assert.equal(undated.instant, Date.UTC(1970, 0, 2, 0, 10));
  assert.equal(undated.date, undefined);
  const ny = context({ lastDate: '2024-03-09', timezone: 'America/New_York', previous: Date.UTC(2024, 2, 10, 4, 30) });
  assert.equal(instantOf('01:00 x', ny), Date.UTC(2024, 2, 10, 6, 0));

  // A written date never rolls over.
  assert.equal(instantOf('2024-01-15 00:10 x', context({ previous: lateEvening })), Date.UTC(2024, 0, 15, 0, 10));
});

test('a sequence carries dates forward the way the timeline reader does', () => {
  const ctx = context({ lastDate: undefined });
  const seen: [number | undefined, string | undefined][] = [];
  for (const line of ['**2024-01-15**', '23:40 Page', '23:55 Ack', '00:20 Mitigated', '**Jan 17**', '09:00 Postmortem']) {
    const result = read(line, ctx);
    if (result.date) ctx.lastDate = result.date;
    if (result.instant !== undefined && !result.hasDate) ctx.previous = result.instant;
    seen.push([result.instant, result.date]);
  }
  assert.deepEqual(seen, [
    [Date.UTC(2024, 0, 15), '2024-01-15'],
    [Date.UTC(2024, 0, 15, 23, 40), '2024-01-15'],
    [Date.UTC(2024, 0, 15, 23, 55), '2024-01-15'],
    [Date.UTC(2024, 0, 16, 0, 20), '2024-01-16'],
    [Date.UTC(2024, 0, 17), '2024-01-17'],
    [Date.UTC(2024, 0, 17, 9, 0), '2024-01-17'],
  ]);
});

test('time-like but unreadable timestamps carry an error', () => {
  const cases: [string, string, string][] = [
    ['25:70 Alert', '25:70', "'25:70' is not a valid time of day"],
    ['24:30 Alert', '24:30', "'24:30' is not a valid time of day"],
    ['13 pm Alert', '13 pm', "'13 pm' is not a valid time of day: a 12-hour time runs from 1 to 12"],
    ['14:xx Alert', '14:xx', "'14:xx' is not a readable time"],
    ['**14:xx**: Alert', '14:xx', "'14:xx' is not a readable time"],
    ['14:3O Metrics show timeouts', '14:3O', "'14:3O' is not a readable time"],
    ['??:30 Alert', '??:30', "'??:30' is not a readable time"],
    ['14:00h Alert', '14:00h', "'14:00h' is not a readable time"],
    ['99/99/2024 10:00 Alert', '99/99/2024 10:00', "'99/99/2024' is not a valid date"],
    ['2024-01-15 25:70 Alert', '2024-01-15 25:70', "'25:70' is not a valid time of day"],
    ['2024-02-30 14:00 Alert', '2024-02-30 14:00', "'2024-02-30' is not a valid date"],
    ['2024-13-01 Alert', '2024-13-01', "'2024-13-01' is not a valid date"],
    ['Jan 15 14:xx Alert', 'Jan 15 14:xx', "'Jan 15 14:xx' is not a readable time"],
  ];
  for (const [text, written, error] of cases) {
    const result = read(text);
    assert.equal(result.instant, undefined, text);
    assert.equal(result.date, undefined, text);
    assert.equal(result.text, written, text);
    assert.equal(result.error, error, text);
  }
  assert.equal(read('**14:xx**: Alert').length, '**14:xx**:'.length);
  assert.equal(read('99/99/2024 10:00 Alert').hasDate, true);
});

test('prose, numbers, versions and relative markers are not timestamps', () => {
  const prose = [
    'The team met',
    'Alice acknowledges the page',
    '1.2.3 was released',
    '10.0.0.1 stopped answering',
    '500 errors per second',
    '3 replicas died',
    '2 pods restarted',
    'P0 declared',
    '50% of requests failed',
    '3/4 replicas were healthy',
    'T+5min paging',
    '**T+5min** paging',
    'Decided to roll back',
    'May the team learn',
    'Monitoring alerted',
    'Sunday was quiet',
    'Satellite link down',
    '2024 was a hard year',
    '1:1 with the on-call',
    '',
  ];
  for (const text of prose) assert.equal(readLeadingTimestamp(text, context()), undefined, text);
});

test('readTimestamp reads whole cells, free-form values included', () => {
  const ctx = context();
  const bold = readTimestamp(' **14:00** ', ctx);
  assert.equal(bold?.instant, Date.UTC(2024, 0, 15, 14, 0));
  assert.equal(bold?.text, '14:00');
  assert.equal(bold?.textStart, 3);

  const iso = readTimestamp('2024-01-16T09:30:00Z', ctx);
  assert.equal(iso?.instant, Date.UTC(2024, 0, 16, 9, 30));
  assert.equal(iso?.date, '2024-01-16');

  const free = readTimestamp('  14:00 on Jan 16 ', ctx);
  assert.equal(free?.instant, Date.UTC(2024, 0, 16, 14, 0));
  assert.equal(free?.text, '14:00 on Jan 16');
  assert.equal(free?.textStart, 2);
  assert.equal(free?.hasDate, true);

  assert.equal(readTimestamp('15.01.2024 14:00', ctx)?.instant, Date.UTC(2024, 0, 15, 14, 0));
  assert.equal(readTimestamp('at 16:45', ctx)?.instant, Date.UTC(2024, 0, 15, 16, 45));
  assert.equal(readTimestamp('14:00 (approx.)', ctx)?.instant, Date.UTC(2024, 0, 15, 14, 0));

  const unreadable = readTimestamp('TBD', ctx);
  assert.equal(unreadable?.instant, undefined);
  assert.equal(unreadable?.error, "'TBD' is not a readable time");
  assert.equal(unreadable?.text, 'TBD');

  assert.equal(readTimestamp('25:70', ctx)?.error, "'25:70' is not a valid time of day");
  assert.equal(readTimestamp('', ctx), undefined);
  assert.equal(readTimestamp('   ', ctx), undefined);
  assert.equal(readTimestamp('**', ctx), undefined);
});

test('parseDate reads dates people write', () => {
  const cases: [string, string | undefined, string][] = [
    ['2024-01-20', undefined, '2024-01-20'],
    ['2024/01/20', undefined, '2024-01-20'],
    ['Jan 20, 2024', undefined, '2024-01-20'],
    ['20 Jan 2024', undefined, '2024-01-20'],
    ['January 20th, 2024', undefined, '2024-01-20'],
    ['**2024-01-20**', undefined, '2024-01-20'],
    ['2024-01-20T10:00Z', undefined, '2024-01-20'],
    ['2024-01-20T23:30:00-05:00', undefined, '2024-01-20'],
    ['January 20', '2023-06-01', '2023-01-20'],
    ['Jan 20', '2024-11-15', '2024-01-20'],
    ['Dec 5', '2024-01-15', '2024-12-05'],
    ['by Feb 1', '2024-01-15', '2024-02-01'],
    ['2024-02-29', undefined, '2024-02-29'],
    ['2024-01-20 (Saturday)', undefined, '2024-01-20'],
  ];
  for (const [text, reference, date] of cases) assert.equal(parseDate(text, reference), date, text);
  assert.equal(parseDate('Jan 20'), `${new Date().getUTCFullYear()}-01-20`);
});

test('parseDate rejects what is not a date', () => {
  for (const text of ['P1', 'TBD', '[Date]', 'soon', 'Q3', 'Q3 2024', 'next sprint', 'Friday', 'January 2024', '2024-13-01', '2023-02-29', '', '   ', 'ASAP']) {
    assert.equal(parseDate(text, '2024-01-15'), undefined, text);
  }
});

test('parseDuration reads the forms found in postmortems', () => {
  const cases: [string, number][] = [
    ['2 hours', 2 * HOUR],
    ['2h', 2 * HOUR],
    ['1h 30m', 90 * MINUTE],
    ['1h30m', 90 * MINUTE],
    ['1 hour 30 minutes', 90 * MINUTE],
    ['1 hour and 30 minutes', 90 * MINUTE],
    ['35 minutes', 35 * MINUTE],
    ['35 min', 35 * MINUTE],
    ['35 mins', 35 * MINUTE],
    ['90m', 90 * MINUTE],
    ['1.5 hours', 90 * MINUTE],
    ['2 hrs', 2 * HOUR],
    ['2 hours (14:00-16:00 UTC)', 2 * HOUR],
    ['02:15', 2 * HOUR + 15 * MINUTE],
    ['about 45 minutes', 45 * MINUTE],
    ['approximately 45 minutes', 45 * MINUTE],
    ['~2h', 2 * HOUR],
    ['about an hour', HOUR],
    ['3 days', 72 * HOUR],
    ['2d 3h', 51 * HOUR],
    ['30 seconds', 30_000],
    ['14:00-16:00', 2 * HOUR],
    ['23:00 – 01:00', 2 * HOUR],
    ['  45m  ', 45 * MINUTE],
  ];
  for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, text);
  for (const text of ['', 'TBD', 'ongoing', '45', '5 months', 'P1', 'unknown (see timeline)']) assert.equal(parseDuration(text), undefined, text);
});

test('findTimezone finds zones in headings and front matter', () => {
  const cases: [string, string | undefined][] = [
    ['Timeline (UTC)', 'UTC'],
    ['Timeline (all times PST)', 'UTC-08:00'],
    ['Timeline (all times in PDT)', 'UTC-07:00'],
    ['Timeline (ET)', 'America/New_York'],
    ['All times are in America/New_York', 'America/New_York'],
    ['timezone: Europe/Berlin', 'Europe/Berlin'],
    ['timezone: UTC', 'UTC'],
    ['Timeline (GMT)', 'UTC'],
    ['Timeline (UTC+2)', 'UTC+02:00'],
    ['Timeline (UTC-05:30)', 'UTC-05:30'],
    ['timezone: +02:00', 'UTC+02:00'],
    ['All times Pacific Time', 'America/Los_Angeles'],
    ['All times Eastern Standard Time', 'UTC-05:00'],
    ['Timeline (PST/PDT)', 'UTC-08:00'],
    ['Timeline', undefined],
    ['Timeline of the API outage', undefined],
    ['Timeline 2024-01-15', undefined],
    ['Times are in Asia/Kolkata (IST)', 'Asia/Kolkata'],
    ['times in america/argentina/buenos_aires', 'america/argentina/buenos_aires'],
    ['Timeline (US/Pacific)', 'US/Pacific'],
    ['Read/write errors and/or timeouts (UTC)', 'UTC'],
    ['Europe/Atlantis timeouts', undefined],
  ];
  for (const [text, zone] of cases) assert.equal(findTimezone(text), zone, text);
  for (const [text, zone] of cases) if (zone) assert.ok(resolveZone(zone), `${text} gives a usable zone`);
});

test('resolveZone accepts the zone spellings a context may carry', () => {
  assert.equal(resolveZone('UTC')?.offset(0), 0);
  assert.equal(resolveZone('Z')?.offset(0), 0);
  assert.equal(resolveZone('+02:00')?.offset(0), 120);
  assert.equal(resolveZone('UTC-05:30')?.offset(0), -330);
  assert.equal(resolveZone('PST')?.offset(0), -480);
  assert.equal(resolveZone('America/New_York')?.offset(Date.UTC(2024, 6, 1)), -240);
  assert.equal(resolveZone('Nowhere/Special'), undefined);
  assert.equal(resolveZone('UTC+25'), undefined);
});

test('addDays and daysBetween cross month, leap-day and year ends', () => {
  assert.equal(addDays('2024-01-31', 1), '2024-02-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addDays('2023-12-31', 1), '2024-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addDays('2024-01-15', 30), '2024-02-14');
  assert.equal(addDays('2024-03-09', 2), '2024-03-11');
  assert.equal(addDays('2024-01-15', 0), '2024-01-15');
  assert.equal(daysBetween('2023-12-25', '2024-01-08'), 14);
  assert.equal(daysBetween('2024-01-08', '2023-12-25'), -14);
  assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
  assert.equal(daysBetween('2023-02-28', '2023-03-01'), 1);
  assert.equal(daysBetween('2024-01-15', '2024-01-15'), 0);
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.throws(() => addDays('soon', 1), RangeError);
  assert.throws(() => daysBetween('2024-01-01', 'TBD'), RangeError);
});

test('formatDuration', () => {
  const cases: [number, string][] = [
    [0, '0m'],
    [30_000, '30s'],
    [45 * MINUTE, '45m'],
    [65 * MINUTE, '1h 05m'],
    [2 * HOUR, '2h'],
    [2 * HOUR + 30 * MINUTE, '2h 30m'],
    [23 * HOUR + 59 * MINUTE, '23h 59m'],
    [24 * HOUR, '1d'],
    [51 * HOUR, '2d 3h'],
    [48 * HOUR, '2d'],
    [-65 * MINUTE, '-1h 05m'],
  ];
  for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, String(ms));
  assert.equal(formatDuration(parseDuration('1h 05m') ?? 0), '1h 05m');
});

test('chrono is asked only about text with a month near a number, or one numbered beside a day', () => {
  for (const written of ['March 3rd, 2022 outage', '14-02-2024 - queue backlog', '3.11.2023', 'Timeline (PDT) 3/14/2024-3/15/2024', 'on 12 Sept 2023', '2024/03/14', 'March third, 2022']) {
    assert.equal(mayWriteCalendarDate(written), true, written);
  }
  for (const plain of ['In 2023 we moved the queue to a new cluster.', 'The deploy took 45 minutes', 'the pool held 40 connections', 'last Tuesday', 'It may be that the cache was cold']) {
    assert.equal(mayWriteCalendarDate(plain), false, plain);
    assert.equal(findDate(plain), undefined, plain);
  }
  assert.equal(findDate('Timeline (PDT) 3/14/2024-3/15/2024'), '2024-03-14');
});
