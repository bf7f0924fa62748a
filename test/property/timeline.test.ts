// Properties of the timestamp readers for the shapes real timelines use: they never throw, a written
// instant reads back as itself, and a timeline sorted by fix-all is chronological.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, fixAll } from '../../server/src/analysis';
import { readLeadingTimestamp, readTimestamp, type TimeContext } from '../../server/src/analysis/time';
import { numRuns, printSeed, seed } from './documents';

const today = '2025-06-01';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');
const ordinal = (day: number) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;

function context(overrides: Partial<TimeContext> = {}): TimeContext {
  return { lastDate: undefined, previous: undefined, timezone: 'UTC', latestDay: today, ...overrides };
}

/** A minute between 2000 and 2030, with its parts in UTC. */
const anInstant = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2030, 11, 31, 23, 59) / 60_000 }).map((minutes) => {
  const date = new Date(minutes * 60_000);
  return { instant: date.getTime(), year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() };
});
type Parts = typeof anInstant extends fc.Arbitrary<infer T> ? T : never;

/** The ways people write one instant, each read with the context it needs. */
const writings: ((p: Parts) => [string, Partial<TimeContext>])[] = [
  (p) => [`${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} Event`, {}],
  (p) => [`${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}${pad(p.minute)}: Event`, {}],
  // A slash joining the time to its date, as some hand-typed logs do.
  (p) => [`${p.year}-${pad(p.month)}-${pad(p.day)}/${pad(p.hour)}:${pad(p.minute)}: Event`, {}],
  (p) => [`${pad(p.hour)}:${pad(p.minute)} ${ordinal(p.day)} ${months[p.month - 1]} ${p.year} Event`, {}],
  (p) => [`${pad(p.day)}-${pad(p.month)}-${p.year} ${pad(p.hour)}:${pad(p.minute)} Event`, {}],
  (p) => [`[${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}] Event`, { lastDate: `${p.year}-${pad(p.month)}-01` }],
  (p) => [`~${pad(p.hour)}:${pad(p.minute)}-23:59 Event`, { lastDate: `${p.year}-${pad(p.month)}-${pad(p.day)}` }],
  (p) => [`${p.day}. ${months[p.month - 1]}, ${pad(p.hour)}:${pad(p.minute)}`, { lastDate: `${p.year}-${pad(p.month)}-01` }],
  (p) => [`| ${pad(p.hour)}:${pad(p.minute)} | Event |`, { lastDate: `${p.year}-${pad(p.month)}-${pad(p.day)}` }],
  (p) => [`${months[p.month - 1]} ${p.day} ${pad(p.hour)}${pad(p.minute)} UTC: Event`, { lastDate: `${p.year}-${pad(p.month)}-01` }],
  (p) => [`${pad(p.hour)}${pad(p.minute)} UTC: Event`, { lastDate: `${p.year}-${pad(p.month)}-${pad(p.day)}` }],
  (p) => [`${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00Z — Event`, {}],
];

printSeed();

describe('timeline reader properties', () => {
  it('never throws, and reports an error exactly when it reads no instant', () => {
    const stampLike = fc.stringMatching(/^[~[|*]?\d{1,4}[-:./ ]\d{1,2}[-:./ ]?\d{0,4}[ :]?\d{0,2}(?: ?[AaPp][Mm])?[\]:|]? ?[A-Za-z ]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), stampLike), fc.option(fc.constantFrom('2024-12-31', '2024-02-29', '1999-01-01'), { nil: undefined }), (text, lastDate) => {
        for (const result of [readLeadingTimestamp(text, context({ lastDate })), readTimestamp(text, context({ lastDate }))]) {
          if (!result) continue;
          assert.equal(result.instant === undefined, result.error !== undefined, JSON.stringify(text));
          assert.ok(result.length <= text.length && result.textStart + result.text.length <= text.length, JSON.stringify(text));
        }
      }),
      { numRuns: numRuns * 10, seed },
    );
  });

  it('an instant written in any of the supported shapes reads back as itself', () => {
    fc.assert(
      fc.property(anInstant, fc.integer({ min: 0, max: writings.length - 1 }), (parts, shape) => {
        const [text, overrides] = writings[shape](parts);
        const result = readLeadingTimestamp(text, context(overrides));
        assert.equal(result?.instant, parts.instant, text);
        assert.equal(result?.guessed, false, text);
      }),
      { numRuns: numRuns * 10, seed },
    );
  });

  it('after a four-digit time, each later four-digit time before a separator is read as written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { minLength: 1, maxLength: 6 }), (times) => {
        const lines = ['- 2024-09-12 0000: day starts', ...times.map(([hour, minute], i) => `- ${pad(hour)}${pad(minute)}: event ${i}`)];
        const timeline = analyze(['# Postmortem: Clock', '', '## Timeline', '', ...lines, ''].join('\n'), { force: true, today }).model?.timeline ?? [];
        assert.equal(timeline.length, lines.length);
        timeline.slice(1).forEach((entry, i) => assert.equal(entry.timeText, `${pad(times[i][0])}${pad(times[i][1])}`));
      }),
      { numRuns, seed },
    );
  });

  it('four digits without a zone, a leading zero or a separator are a number, not a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(' requests failed', ' was a quiet year', ' users saw errors', ''), (value, rest) => {
        const text = `${String(value).padStart(4, '0')}${rest}`;
        assert.equal(readLeadingTimestamp(text, context({ lastDate: '2024-03-04' }))?.hasTime ?? false, false, text);
      }),
      { numRuns: numRuns * 10, seed },
    );
  });

  it('four digits before a colon are a time when no year of ours starts so (not 19 or 20), and stay a number when one may', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('', '~'), (hour, minute, approximate) => {
        const text = `${approximate}${pad(hour)}${pad(minute)}: the queue drained`;
        const result = readLeadingTimestamp(text, context({ lastDate: '2024-03-04' }));
        if (hour === 19 || hour === 20) assert.equal(result?.hasTime ?? false, false, text);
        else assert.equal(result?.instant, Date.UTC(2024, 2, 4, hour, minute), text);
      }),
      { numRuns: numRuns * 10, seed },
    );
  });

  it('after a time written past noon on a 24-hour clock, a one-digit hour is read as written, in the morning of the next entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 23 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 59 }), (before, hour, minute) => {
        const timeline = analyze(['# Postmortem: Clock', '', '## Timeline', '', `- 2024-03-04 ${before}:00 alert fired`, `- ${hour}:${pad(minute)} queue drained`, ''].join('\n'), { force: true, today }).model?.timeline ?? [];
        assert.equal(timeline.length, 2);
        // Read as written: either the same morning (out of order) or the next morning, never the same evening.
        const read = new Date(timeline[1].instant ?? NaN);
        assert.equal(read.getUTCHours(), hour, `${before}:00 then ${hour}:${pad(minute)}`);
      }),
      { numRuns, seed },
    );
  });

  it('a timeline of dated entries sorted by fix-all is chronological (or newest first throughout, as written), and every entry is kept', () => {
    fc.assert(
      fc.property(fc.array(anInstant, { minLength: 2, maxLength: 8 }), fc.boolean(), (instants, bracketed) => {
        const lines = instants.map((p, i) =>
          bracketed && p.year === instants[0].year ? `- [${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}] Event ${i}` : `- ${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} Event ${i}`,
        );
        const text = ['# Postmortem: Sorted', '', '## Timeline', '', ...lines, ''].join('\n');
        const fixed = fixAll(text, { force: true, today }).text;
        const timeline = analyze(fixed, { force: true, today }).model?.timeline ?? [];
        assert.equal(timeline.length, instants.length);
        const read = timeline.map((entry) => entry.instant ?? NaN);
        // Three or more entries each earlier than the one before are a log kept newest first: left as written.
        const newestFirst = instants.length >= 3 && instants.every((p, i) => i === 0 || p.instant < instants[i - 1].instant);
        assert.ok(read.every((instant, i) => i === 0 || (newestFirst ? instant < read[i - 1] : instant >= read[i - 1])), fixed);
        assert.deepEqual([...read].sort((a, b) => a - b), instants.map((p) => p.instant).sort((a, b) => a - b));
      }),
      { numRuns, seed },
    );
  });
});

describe('offsets from the first time of a timeline', () => {
  const units: [string, number][] = [
    ['minutes', 1],
    ['min', 1],
    ['m', 1],
    ['hrs', 60],
    ['hours', 60],
    ['h', 60],
    ['days', 24 * 60],
  ];

  it('each offset row reads back as the first time plus the offset, in any unit and bracket', () => {
    fc.assert(
      fc.property(anInstant, fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.constantFrom(...units), fc.constantFrom('+', 'T+', '\\[+', '(+')), { minLength: 1, maxLength: 6 }), (first, offsets) => {
        const close = (open: string) => (open.startsWith('\\[') ? ']' : open.startsWith('(') ? ')' : '');
        const rows = offsets.map(([count, [unit], open], i) => `| ${open}${count} ${unit}${close(open)} | Event ${i} |`);
        const start = `${first.year}-${pad(first.month)}-${pad(first.day)} ${pad(first.hour)}:${pad(first.minute)} UTC`;
        const text = ['# Postmortem: Offsets', '', '## Timeline', '', '| Time | Event |', '| --- | --- |', `| ${start} | Start |`, ...rows, ''].join('\n');
        const timeline = analyze(text, { force: true, today }).model?.timeline ?? [];
        assert.equal(timeline.length, offsets.length + 1, text);
        offsets.forEach(([count, [, minutes]], i) => assert.equal(timeline[i + 1].instant, first.instant + count * minutes * 60_000, text));
      }),
      { numRuns, seed },
    );
  });

  it('any text after a plus sign in a timeline never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (tail) => {
        const text = ['# Postmortem: Offsets', '', '## Timeline', '', '- 09:00 Start', `- +${tail}`, `- T+${tail}`, ''].join('\n');
        assert.ok(analyze(text, { force: true, today }).model);
      }),
      { numRuns, seed },
    );
  });
});
