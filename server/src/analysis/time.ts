// Reads the timestamps, dates and durations engineers write in postmortems: pure functions, no I/O.
// The notation (which characters form a timestamp) is recognised here; calendar and zone arithmetic is luxon's,
// and dates written with month names or slashes are read by chrono.
import * as chrono from 'chrono-node/en';
import { DateTime, Duration, FixedOffsetZone, IANAZone, Settings, type Zone } from 'luxon';
import { trimEndMatching } from './text';
import { monthName, monthStart, weekdayName, weekdayStart } from './calendar-names';
import { remember, stringBytes, type AnalysisCache, type CacheTable } from './cache';

// Dates are read from English text and written in ISO form, never in the machine's language; a fixed locale also
// spares the first date of a run the platform's locale lookup (some 20 ms).
Settings.defaultLocale = 'en-US';

export interface TimeContext {
  /** Last calendar date seen in the timeline so far, `YYYY-MM-DD` (carried forward to time-only entries). */
  lastDate: string | undefined;
  /** Instant (epoch ms) of the previous readable entry, for midnight rollover. */
  previous: number | undefined;
  /** Zone for times written without one: 'UTC', an IANA name like 'America/New_York', or 'UTC+02:00' / '+02:00'. */
  timezone: string;
  /**
   * `YYYY-MM-DD`, today when not given. Before any date is seen, a date written without a year
   * is the latest such day on or before it: a postmortem tells of the past.
   */
  latestDay?: string;
  /** Keeps what was read between analyses; without it everything is computed afresh. */
  cache?: AnalysisCache;
  /** The entry before was written on a 12-hour clock ('1:00 PM'): a bare '4:00' after it may mean the afternoon. */
  twelveHour?: boolean;
  /** The entry before was written with an hour past noon ('19:50'): its writer uses a 24-hour clock, so a bare '8:27' after it is the morning. */
  twentyFourHour?: boolean;
  /** The entry before was written as four digits ('0930 UTC'): a bare '1415:' after it is a time too, not a number. */
  compactClock?: boolean;
}

export interface LeadingTimestamp {
  /** Number of characters of `text` the timestamp (including its markup such as `**`, backticks, brackets, and a trailing separator like ':', ' -', ' –', '|') occupies. */
  length: number;
  /** The timestamp as written, without surrounding markup/separator. */
  text: string;
  /** Offset of `text` within the input. */
  textStart: number;
  /** Epoch ms, or undefined when it looks like a timestamp but cannot be read (e.g. '25:70', '14:xx'). */
  instant: number | undefined;
  /** When instant is undefined: a short human reason, e.g. "'25:70' is not a valid time of day". */
  error: string | undefined;
  /** The calendar date (YYYY-MM-DD, in the entry's zone) the entry falls on, to carry forward. */
  date: string | undefined;
  /** True when the timestamp itself named a date; false when the date was inherited. */
  hasDate: boolean;
  /** True when the timestamp named a zone or offset. */
  hasZone: boolean;
  /** True when it named a time of day; false for a date alone ('2024-02-06'), which stands for the whole day. */
  hasTime: boolean;
  /** True when the time was written to the second ('17:55:08'); '17:55' stands for its whole minute. */
  hasSeconds: boolean;
  /** True when the instant rests on a guess: no date known, a day rolled over past midnight, a year that wrapped, or a bare hour read as afternoon. */
  guessed: boolean;
  /** True when the time was written with AM or PM. */
  twelveHour: boolean;
  /** True when the time was written with an hour from 13 to 23 ('19:50'). */
  twentyFourHour: boolean;
  /** True when the time was written as four digits without a colon ('1936 UTC'). */
  compactClock: boolean;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Written with AM or PM. */
  meridiem?: boolean;
  /** Written with a one-digit hour ('4:00'); '04:00' and '16:00' are plainly 24-hour times. */
  oneDigitHour?: boolean;
}

/** A timestamp's parts as written; what is missing comes from the context. */
interface Written {
  date: CalendarDate | undefined;
  time: TimeOfDay | undefined;
  zone: Zone | undefined;
}

interface Placed {
  instant: number;
  /** Calendar date in the entry's zone. */
  date: string | undefined;
}

/** What the notation scan found at the start of a text. */
interface Scan {
  /** Characters of the timestamp itself, from the start of the scanned text. */
  length: number;
  written: Written | undefined;
  error: string | undefined;
  hasDate: boolean;
  hasZone: boolean;
  /** The year of the date was inferred across a year boundary ('01-02' after '12-31'). */
  yearGuessed?: boolean;
  /** The time was written as four digits without a colon. */
  compactClock?: boolean;
}

// A time-only entry this much earlier than the previous one, or more, is read as the next day ("23:00", then "11:00").
// Plain arithmetic, not a luxon Duration: building one at import makes luxon look up the locale, which every CLI run would pay.
const ROLLOVER_MS = 12 * 60 * 60 * 1000;
// Less far back ('10:05', then '10:00') the entry is out of order; this far back ('23:00', then '11:00') it may be the next day.
const MAYBE_NEXT_DAY_MS = 6 * 60 * 60 * 1000;
/** How soon after the entry before a bare one-digit hour read as the afternoon must land ("12:56", then "1:00"). */
const PAST_NOON_MS = 2 * 60 * 60 * 1000;
// Timestamps are short; the scan never needs more of a line than this.
const SCAN_WINDOW = 80;
const MIDNIGHT: TimeOfDay = { hour: 0, minute: 0, second: 0, millisecond: 0 };
const UTC = FixedOffsetZone.utcInstance;

/** Abbreviations written after times. Standard/daylight names are fixed offsets; generic ones (PT, ET) follow the region's clock. */
const ZONE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['PST', 'UTC-08:00'], ['PDT', 'UTC-07:00'], ['PT', 'America/Los_Angeles'],
  ['MST', 'UTC-07:00'], ['MDT', 'UTC-06:00'], ['MT', 'America/Denver'],
  ['CST', 'UTC-06:00'], ['CDT', 'UTC-05:00'], ['CT', 'America/Chicago'],
  ['EST', 'UTC-05:00'], ['EDT', 'UTC-04:00'], ['ET', 'America/New_York'],
  ['AKST', 'UTC-09:00'], ['AKDT', 'UTC-08:00'], ['HST', 'UTC-10:00'], ['BRT', 'UTC-03:00'],
  ['WET', 'UTC'], ['WEST', 'UTC+01:00'], ['BST', 'UTC+01:00'], ['CET', 'UTC+01:00'], ['CEST', 'UTC+02:00'],
  ['EET', 'UTC+02:00'], ['EEST', 'UTC+03:00'], ['MSK', 'UTC+03:00'], ['IST', 'UTC+05:30'],
  ['SGT', 'UTC+08:00'], ['HKT', 'UTC+08:00'], ['AWST', 'UTC+08:00'], ['JST', 'UTC+09:00'], ['KST', 'UTC+09:00'],
  ['ACST', 'UTC+09:30'], ['AEST', 'UTC+10:00'], ['AEDT', 'UTC+11:00'], ['NZST', 'UTC+12:00'], ['NZDT', 'UTC+13:00'],
]);

/** US regions written out ('Pacific Time'); 'Pacific Standard Time' goes through the abbreviations instead. */
const REGION_ZONES: ReadonlyMap<string, string> = new Map([
  ['pacific', 'America/Los_Angeles'],
  ['mountain', 'America/Denver'],
  ['central', 'America/Chicago'],
  ['eastern', 'America/New_York'],
]);

const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b`;
const TIME = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9}))?)?(?:\s?(?<meridiem>[ap])\.?m\b\.?)?|(?<hourOnly>\d{1,2})\s?(?<meridiemOnly>[ap])\.?m\b\.?`;
// "2023-01-04/11:34": a slash joins the time to its date in some hand-typed logs.
const DATE_TIME_SEPARATOR = String.raw`(?:T|\s*@\s*|,?\s+(?:at\s+)?|,|\/)`;
// Written like a clock time but with placeholders or a malformed minute: '14:xx', '??:30', '14:3O'.
// A one-digit minute ('07:7:47') is malformed too: reading it as 07:07:47 would be a silent guess.
const LOOKS_LIKE_TIME = String.raw`(?:(?:\d{1,2}|[x?]{2}):(?:\d{2}|\d?[x?]{1,2}|[x?]\d|\d[oOlI]|[oO]\d)|\d{1,2}:\d:\d{2})(?!\d)`;
const ZONE_NAME = String.raw`(?:UTC|GMT|utc|gmt)(?:[ \t]?[+\-−]\d{1,2}(?::?\d{2})?)?|[A-Za-z]+(?:\/[A-Za-z0-9_+\-]+)+|[A-Z]{2,5}`;

// A leading pipe: a table row that a stray pipe or blank line turned into a paragraph; a parenthesis: '(16:00) Posted'.
const OPENING = /^[ \t]*(?:\|[ \t]*)?(?:\*\*|__|~~|[*_`[~(])*[ \t]*/;
// An approximate time ('~10:15', 'approx. 10:15', 'around 10:15') is compared as written.
// A preposition before it reads as prose does ('At 17:30 we ...', 'On Sep 30 at 02:30, ...').
const APPROXIMATE = /^(?:(?:approx(?:imately|\.)?|around|about|circa|ca\.|roughly|between|from|since|at|on)[ \t]+|[≈~][ \t]*)/i;
// 'Jul 2024': a month, with no day to order by; such an entry is untimed.
const MONTH_ONLY = new RegExp(String.raw`^${monthName}\s+\d{4}$`, 'i');
const STARTS_TIME_LIKE = new RegExp(String.raw`^(?:\d|[x?]{2}:|${monthStart}|${weekdayStart})`, 'i');
const WEEKDAY_PREFIX = new RegExp(String.raw`${weekdayName},?\s+`, 'iy');
// The year after a month and day; four digits before a zone are a time ('Feb 7 1506 UTC' is 15:06 on Feb 7).
const WRITTEN_YEAR = String.raw`\d{4}(?!(?:[ \t]*(?:UTC|GMT)|Z)\b)`;
const DATE_AT = new RegExp(
  String.raw`(?:(?<year>\d{4})(?<sep>[-/])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})|${monthName}\s+${DAY}(?:,?\s+${WRITTEN_YEAR})?|${DAY}\.?\s+(?:of\s+)?${monthName}(?:,?\s+${WRITTEN_YEAR})?|(?<dmyDay>\d{1,2})(?<dmySep>[-.])(?<dmyMonth>\d{1,2})\k<dmySep>(?<dmyYear>\d{4})|(?<mdMonth>\d{2})-(?<mdDay>\d{2})|(?<numeric>\d{1,2}\/\d{1,2}(?<numericYear>\/(?:\d{4}|\d{2}))?))(?!\d|\/(?!\d{1,2}:\d{2}))`,
  'iy',
);
// 'Feb 28th **01:52**': the time may carry its own emphasis or code marks; '10-01 ~15:00': it may be approximate.
const SEPARATED_TIME_AT = new RegExp(`${DATE_TIME_SEPARATOR}(?:[≈~][ \\t]*)?(?<open>\\*\\*|__|\`)?(?:${TIME})\\k<open>`, 'iy');
// '2022-02-02 1625: ...': a four-digit time after a date, only when a separator or a zone follows it.
const COMPACT_TIME_AT = /[ \t]+(?<hour>[01]\d|2[0-3])(?<minute>[0-5]\d)(?=[ \t]*(?:(?:UTC|GMT|Z)\b[ \t]*)?(?:[:|\]*_`]|[-–—][ \t]|$))/iy;
// '1936 UTC: ...', '0117Z', '0930: ...', '1324: ...': a four-digit time on its own, only before a zone, or before a separator
// with a leading zero or an hour no year of ours starts with (not 19 or 20: '2016: we moved' is a year).
const COMPACT_TIME_ALONE_AT = /(?<hour>[01]\d|2[0-3])(?<minute>[0-5]\d)(?=(?:[ \t]*(?:UTC|GMT)|Z)\b|(?<=0\d{3})[ \t]*(?:[:|]|[-–—][ \t])|(?<=(?:1[0-8]|2[1-3])\d{2})[ \t]*:[ \t])/iy;
/**
 * "11.15 DM restarted the task": a clock written with a dot, as many British and European writers do; believed only
 * when words follow ("09.12 09.12 AB asked ...", the stamp pasted twice, too), so "2.50 GB" and "1.15 release" stay prose.
 */
const DOT_TIME_AT = /(?<hour>[01]?\d|2[0-3])\.(?<minute>[0-5]\d)(?=[ \t]+(?:[-–—:|][ \t]+)?(?!(?:[kmgt]i?b|ms|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|usd|eur|gbp|percent|per|release|version|times)\b)[\p{L}@]|[ \t]*[-–—:|][ \t]|[ \t]+\k<hour>\.\k<minute>[ \t]+[\p{L}@])/iuy;
// "14: 45 the alert clears", in the middle of a timeline: a clock typed with a stray space after the colon.
const SPACED_COLON_TIME_AT = /(?<hour>[01]?\d|2[0-3]):[ \t](?<minute>[0-5]\d)(?=[ \t]+[\p{L}@])/uy;
// After an entry written that way, '1415: ...' or '1415 - ...' is a time too.
const COMPACT_TIME_AFTER_COMPACT_AT = /(?<hour>[01]\d|2[0-3])(?<minute>[0-5]\d)(?=[ \t]*(?:[:|]|[-–—][ \t]))/y;
// A date whose time was left as a placeholder ('2024-03-02 X:', '... unknown'): an untimed entry.
const PLACEHOLDER_TIME_AT = /[ \t]+(?:x{1,2}|\?{1,2}|unknown|tbd|hh:?mm)(?![A-Za-z0-9])/iy;
// The end of a range ('10:15-10:30', '10:15 to 10:30'): the entry is compared by its start.
// ' -05:00' (space before, none after) is an offset, not a range.
const RANGE_END_AT = new RegExp(`(?:[ \\t]*(?:–|—|to\\b)[ \\t]*|-[ \\t]*|[ \\t]+-[ \\t]+)(?:${TIME})`, 'iy');
// A date after the time ('09:40 2nd Mar 2024', '12:16 ET on June 16, 2020', '23:00 UTC (*April 5*)').
const TRAILING_DATE_LEAD = /[ \t]*\((?:\*\*|__|[*_])?|,?[ \t]+(?:on[ \t]+)?/iy;
const TRAILING_DATE_CLOSE = /(?:\*\*|__|[*_])?\)/y;
const TIME_AT = new RegExp(`(?:${TIME})`, 'iy');
const SEPARATED_LOOKALIKE_AT = new RegExp(`${DATE_TIME_SEPARATOR}${LOOKS_LIKE_TIME}`, 'iy');
const LOOKALIKE = new RegExp(`^${LOOKS_LIKE_TIME}`, 'i');
const LEADING_SEPARATOR = new RegExp(`^${DATE_TIME_SEPARATOR}`, 'i');
const ZONE_AT = new RegExp(String.raw`(?:(?<z>Z)|[ \t]?(?<offset>[+\-−]\d{2}:?\d{2})|[ \t]*\([ \t]*(?<paren>${ZONE_NAME})[ \t]*\)|[ \t]+(?<word>${ZONE_NAME}))(?![A-Za-z0-9])`, 'y');
const WORD_CHARACTER = /[A-Za-z0-9]/;
const TAIL = /(?:\*\*|__|~~|[*_`\])])*(?:[ \t]*(?:[:|,]|[-–—]+)(?:\*\*|__|~~|[*_`\])])*)?/y;
const CELL_OPENING = /^[*_`~[]*/;
const CELL_CLOSING = /[*_`~\]]*$/;

/** Reads a timestamp at the very start of `text` (a list item's text, a paragraph line, or a table cell). Returns undefined when the text does not start with something time-like (plain prose). */
export function readLeadingTimestamp(text: string, context: TimeContext): LeadingTimestamp | undefined {
  const opening = OPENING.exec(text)?.[0].length ?? 0;
  const textStart = opening + (APPROXIMATE.exec(text.slice(opening))?.[0].length ?? 0);
  const window = text.slice(textStart, textStart + SCAN_WINDOW);
  // Most lines are prose: bail out before any real parsing.
  if (!STARTS_TIME_LIKE.test(window)) return undefined;
  const scan = scanTimestamp(window, context);
  if (!scan) return undefined;
  TAIL.lastIndex = textStart + scan.length;
  TAIL.exec(text);
  return finish(scan, text.slice(textStart, textStart + scan.length), textStart, TAIL.lastIndex, context);
}

/** Reads a whole cell/value as a timestamp (table "Time" columns). Same result shape; undefined when empty. */
export function readTimestamp(text: string, context: TimeContext): LeadingTimestamp | undefined {
  const trimmed = text.trim();
  const opening = CELL_OPENING.exec(trimmed)?.[0].length ?? 0;
  const value = trimmed.slice(opening, trimmed.length - (CELL_CLOSING.exec(trimmed)?.[0].length ?? 0));
  if (!value || MONTH_ONLY.test(value)) return undefined;
  const valueStart = text.length - text.trimStart().length + opening;
  const length = text.trimEnd().length;
  const leading = readLeadingTimestamp(text, context);
  if (leading && !text.slice(leading.length).trim().replace(CELL_CLOSING, '')) return leading;
  // Free-form values ('14:00 on Jan 15', '15.01.2024 14:00') are chrono's job, but only when it reads all of the cell.
  const free = chrono.strict.parse(value, chronoReference(context))[0];
  if (free && free.index === 0 && free.text.length === value.length) {
    const read = writtenByChrono(free.start);
    const written = read?.date ? { ...read, date: notAfter(read.date, free.start.isCertain('year'), latestUndatedDay(context)) } : read;
    if (written) {
      const scan: Scan = { length: value.length, written, error: undefined, hasDate: written.date !== undefined, hasZone: written.zone !== undefined, yearGuessed: guessedYear(written.date, free.start.isCertain('year'), context) };
      return finish(scan, value, valueStart, length, context);
    }
  }
  if (leading) return leading;
  const scan: Scan = { length: value.length, written: undefined, error: `'${value}' is not a readable time`, hasDate: false, hasZone: false };
  return finish(scan, value, valueStart, length, context);
}

/**
 * Reads a calendar date written by a person: '2024-01-20', '2024/01/20', 'Jan 20, 2024', '20 Jan 2024', 'January 20', 'Jan 20'
 * (year taken from `referenceDate` if given, else the current year; but never after `latest` when given), '2024-01-20T10:00Z'
 * (date part). Returns 'YYYY-MM-DD' or undefined.
 */
export function parseDate(text: string, referenceDate?: string, latest?: string): string | undefined {
  const value = text.replace(/[*_`]/g, '').trim().replace(/^(?:by|on|before)\s+/i, '');
  if (!value) return undefined;
  // Most dates in postmortems are ISO; they need no natural-language parser.
  if (ISO_DAY.test(value)) return isCalendarDay(value) ? value : undefined;
  const reference = referenceDate === undefined ? undefined : DateTime.fromISO(referenceDate, { zone: UTC });
  const anchor = reference?.isValid ? reference : DateTime.utc();
  const result = chrono.strict.parse(value, { instant: anchor.toJSDate(), timezone: 0 })[0];
  if (!result || result.index !== 0 || !result.start.isCertain('day') || !result.start.isCertain('month')) return undefined;
  // 'the week after the launch' is counted from a day the text does not give: only a written month dates an item.
  if (!WRITTEN_MONTH.test(result.text)) return undefined;
  const yearCertain = result.start.isCertain('year');
  const year = (yearCertain ? result.start.get('year') : undefined) ?? anchor.year;
  let date = DateTime.fromObject({ year, month: result.start.get('month') ?? 0, day: result.start.get('day') ?? 0 }, { zone: UTC });
  if (!yearCertain && latest !== undefined && date.isValid && date.toISODate() > latest) date = date.minus({ years: 1 });
  return date.isValid ? date.toISODate() : undefined;
}

const MONTH_AND_YEAR = new RegExp(String.raw`^(${monthName})\.?,?\s+(\d{4})$`, 'i');

/**
 * A month given as a due date ('2026-03', 'March 2026', 'Mar. 2026'): the work is due by the month's last day, as
 * 'YYYY-MM-DD'. Undefined for anything else.
 */
export function parseDueMonth(text: string): string | undefined {
  const value = text.replace(/[*_`]/g, '').trim().replace(/^(?:by|in|before|end of)\s+/i, '');
  const iso = /^(\d{4})-(\d{2})$/.exec(value);
  const named = iso ? undefined : MONTH_AND_YEAR.exec(value);
  const month = iso ? Number(iso[2]) : named ? DateTime.fromFormat(named[1].slice(0, 3), 'LLL', { locale: 'en' }).month : NaN;
  const year = Number(iso?.[1] ?? named?.[2]);
  // Luxon throws on a unit that is no number, rather than giving an invalid date.
  if (!Number.isInteger(month) || !Number.isInteger(year)) return undefined;
  const day = DateTime.fromObject({ year, month, day: 1 }, { zone: UTC });
  return day.isValid ? (day.endOf('month').toISODate() ?? undefined) : undefined;
}

// A month named ('Mar', 'March') or numbered beside a day ('3/14', '14.03', '2024/03/14').
const WRITTEN_MONTH = new RegExp(String.raw`\b${monthName}|\d{1,4}[-/.]\d{1,2}`, 'i');

// A month named near a number ('March 3rd', '3 Mar', 'March third, 2022') or numbered beside a day; "may" alone is a verb.
const DATE_HINT = new RegExp(String.raw`\d{1,4}[-/.]\d{1,2}|\b${monthName}[^\n\d]{0,20}\d|\d[^\n\d]{0,12}\b${monthName}`, 'i');

/** Whether `text` may hold a calendar date: without a month near a number, chrono finds none that is read, and asking costs a pass of its many expressions. */
export function mayWriteCalendarDate(text: string): boolean {
  return DATE_HINT.test(text);
}

/** The first calendar date written anywhere in `text` ('Timeline (PDT) 3/14/2024-3/15/2024' gives 2024-03-14), as `YYYY-MM-DD`; only a date with its year counts. */
export function findDate(text: string): string | undefined {
  if (!mayWriteCalendarDate(text)) return undefined;
  const found = chrono.strict.parse(text, { instant: new Date(0), timezone: 0 }).find((result) => ['day', 'month', 'year'].every((part) => result.start.isCertain(part as chrono.Component)));
  const date = found ? writtenByChrono(found.start)?.date : undefined;
  return date ? (DateTime.fromObject(date, { zone: UTC }).toISODate() ?? undefined) : undefined;
}

const DURATION_LEAD = /^(?:(?:about|around|approx(?:imately|\.)?|roughly|nearly|almost|just\s+(?:over|under)|over|under)\s+|[~≈<>]\s*)?/i;
const CLOCK_RANGE = /^(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}):(\d{2})(?!\d)/i;
const CLOCK_DURATION = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?![\d:])/;
const DURATION_PART = /(\d+(?:\.\d+)?|an?(?=\s))\s*(weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])/iy;
const DURATION_JOIN = /\s*,?\s*(?:and\s+)?/y;
const DURATION_UNITS = { w: 'weeks', d: 'days', h: 'hours', m: 'minutes', s: 'seconds' } as const;

/** Reads a duration: '2 hours', '2h', '1h 30m', '1 hour 30 minutes', '35 min', '90m', '1.5 hours', '2 hours (14:00-16:00 UTC)' (leading duration wins), '02:15' (h:mm), '14:00-16:00' (a clock range), 'about 45 minutes', '~2h', '3 days'. Returns milliseconds or undefined. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  const value = trimmed.slice(DURATION_LEAD.exec(trimmed)?.[0].length ?? 0);
  const range = CLOCK_RANGE.exec(value);
  if (range) {
    const from = DateTime.fromObject({ hour: Number(range[1]), minute: Number(range[2]) }, { zone: UTC });
    const to = DateTime.fromObject({ hour: Number(range[3]), minute: Number(range[4]) }, { zone: UTC });
    if (!from.isValid || !to.isValid) return undefined;
    // A range that ends "before" it starts crossed midnight.
    return to < from ? to.plus({ days: 1 }).diff(from).toMillis() : to.diff(from).toMillis();
  }
  const clock = CLOCK_DURATION.exec(value);
  if (clock) return Duration.fromObject({ hours: Number(clock[1]), minutes: Number(clock[2]), seconds: Number(clock[3] ?? 0) }).toMillis();
  const amounts: Partial<Record<(typeof DURATION_UNITS)[keyof typeof DURATION_UNITS], number>> = {};
  let at = 0;
  for (;;) {
    DURATION_PART.lastIndex = at;
    const part = DURATION_PART.exec(value);
    if (!part) break;
    const unit = DURATION_UNITS[part[2][0].toLowerCase() as keyof typeof DURATION_UNITS];
    const amount = /^an?$/i.test(part[1]) ? 1 : Number(part[1]);
    amounts[unit] = (amounts[unit] ?? 0) + amount;
    DURATION_JOIN.lastIndex = DURATION_PART.lastIndex;
    DURATION_JOIN.exec(value);
    at = DURATION_JOIN.lastIndex;
  }
  return Object.keys(amounts).length === 0 ? undefined : Duration.fromObject(amounts).as('milliseconds');
}

// Every IANA zone name starts with one of these areas (or a legacy country link): "and/or" and "read/write" are no zones, and asking the platform about each costs a date formatter.
const IANA_IN_TEXT = /\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada|Brazil|Chile|Mexico)(?:\/[A-Za-z0-9_+-]+)+/gi;
const UTC_OFFSET_IN_TEXT = /\b(?:UTC|GMT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?(?!\d)/i;
const BARE_OFFSET_IN_TEXT = /(?:^|[\s(])([+\-−])(\d{2}):?(\d{2})(?!\d)/;
const REGION_IN_TEXT = /\b(pacific|mountain|central|eastern)\s+(?:(standard|daylight)\s+)?time\b/i;
const ABBREVIATION_IN_TEXT = /\b[A-Z]{2,5}\b/g;
const UTC_IN_TEXT = /\b(?:UTC|GMT|Zulu)\b/i;

/** Finds a zone named in text such as a heading 'Timeline (UTC)', 'Timeline (all times PST)', 'All times are in America/New_York', front-matter 'timezone: Europe/Berlin'. Returns a zone string usable as TimeContext.timezone ('UTC', an IANA name, or 'UTC±hh:mm'), or undefined. */
export function findTimezone(text: string): string | undefined {
  for (const match of text.matchAll(IANA_IN_TEXT)) if (IANAZone.isValidZone(match[0])) return match[0];
  const offset = UTC_OFFSET_IN_TEXT.exec(text) ?? BARE_OFFSET_IN_TEXT.exec(text);
  if (offset) {
    const zone = offsetZone(offset[1], offset[2], offset[3]);
    return zone && offsetName(zone);
  }
  const region = REGION_IN_TEXT.exec(text);
  if (region) {
    const kind = region[2]?.[0].toUpperCase();
    return kind ? ZONE_ABBREVIATIONS.get(`${region[1][0].toUpperCase()}${kind}T`) : REGION_ZONES.get(region[1].toLowerCase());
  }
  for (const match of text.matchAll(ABBREVIATION_IN_TEXT)) {
    const zone = ZONE_ABBREVIATIONS.get(match[0]);
    if (zone) return zone;
  }
  return UTC_IN_TEXT.test(text) ? 'UTC' : undefined;
}

/** Adds days to a YYYY-MM-DD date. Throws a RangeError when `date` is not one. */
export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a), both YYYY-MM-DD. Throws a RangeError when either is not one. */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

export interface TodayOptions {
  /** The configured zone (`timezone` in the config): an IANA name or a UTC offset; else the machine's own. */
  timeZone?: string;
  /** Tests pass a fixed clock. */
  clock?: () => Date;
}

/** Today's date, `YYYY-MM-DD`, where the team is: in the configured time zone, else the machine's local date. */
export function today(options: TodayOptions = {}): string {
  const now = options.clock?.() ?? new Date();
  const zone = options.timeZone === undefined ? undefined : resolveZone(options.timeZone);
  // The machine's own day needs no zone arithmetic, and luxon's first use costs a CLI run a locale lookup.
  if (!zone) return localDay(now);
  const day = DateTime.fromJSDate(now, { zone }).toISODate();
  if (day === null) throw new RangeError('the clock gave an invalid date');
  return day;
}

function localDay(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('the clock gave an invalid date');
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Formats ms as '1h 05m', '45m', '2d 3h', for hovers and messages (seconds only below a minute). */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const seconds = Math.round(Duration.fromMillis(ms).as('seconds'));
  if (seconds < 60) return seconds === 0 ? '0m' : `${seconds}s`;
  const minutes = Math.round(Duration.fromMillis(ms).as('minutes'));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < Duration.fromObject({ days: 1 }).as('minutes')) {
    const split = Duration.fromObject({ minutes }).shiftTo('hours', 'minutes');
    return split.minutes === 0 ? `${split.hours}h` : `${split.hours}h ${String(split.minutes).padStart(2, '0')}m`;
  }
  const split = Duration.fromObject({ hours: Math.round(Duration.fromMillis(ms).as('hours')) }).shiftTo('days', 'hours');
  return split.hours === 0 ? `${split.days}d` : `${split.days}d ${split.hours}h`;
}

/** Reads the notation at the start of `window`: [weekday] (date [time] | time [range] [zone] [date]) [zone]. */
function scanTimestamp(window: string, context: TimeContext): Scan | undefined {
  WEEKDAY_PREFIX.lastIndex = 0;
  let at = WEEKDAY_PREFIX.exec(window) ? WEEKDAY_PREFIX.lastIndex : 0;
  DATE_AT.lastIndex = at;
  let dateMatch = DATE_AT.exec(window);
  let timeMatch: RegExpExecArray | null;
  let compact: boolean;
  if (dateMatch) {
    at = DATE_AT.lastIndex;
    timeMatch = stickyMatch(SEPARATED_TIME_AT, window, at);
    compact = timeMatch === null;
    timeMatch ??= stickyMatch(COMPACT_TIME_AT, window, at);
    if (timeMatch) at = timeMatch.index + timeMatch[0].length;
    else {
      const lookalikeMatch = stickyMatch(SEPARATED_LOOKALIKE_AT, window, at);
      if (lookalikeMatch) return unreadable(window.slice(0, lookalikeMatch.index + lookalikeMatch[0].length), true);
      if (stickyMatch(PLACEHOLDER_TIME_AT, window, at)) return undefined;
      // '3/4 replicas' is a fraction, not a date; a slash or month-day date without a year needs a time to be believed.
      if (isYearless(dateMatch)) return undefined;
    }
  } else {
    timeMatch = stickyMatch(TIME_AT, window, at);
    compact = timeMatch === null;
    timeMatch ??= (context.compactClock ? stickyMatch(COMPACT_TIME_AFTER_COMPACT_AT, window, at) : null) ?? stickyMatch(COMPACT_TIME_ALONE_AT, window, at);
    if (!timeMatch) {
      timeMatch = stickyMatch(DOT_TIME_AT, window, at) ?? (context.previous !== undefined ? stickyMatch(SPACED_COLON_TIME_AT, window, at) : null);
      compact = false;
    }
    if (!timeMatch) return lookalike(window);
    at = timeMatch.index + timeMatch[0].length;
    if (!compact) at = stickyEnd(RANGE_END_AT, window, at) ?? at;
  }

  let zone = timeMatch ? zoneAt(window, at, timeMatch, context) : undefined;
  if (zone) at = ZONE_AT.lastIndex;
  if (!dateMatch && timeMatch) {
    const trailing = trailingDate(window, at);
    if (trailing) {
      dateMatch = trailing.date;
      at = trailing.end;
      if (!zone) {
        zone = zoneAt(window, at, timeMatch, context);
        if (zone) at = ZONE_AT.lastIndex;
      }
    }
  }
  if (WORD_CHARACTER.test(window[at] ?? '')) return lookalike(window);

  const length = at;
  const hasDate = dateMatch !== null;
  const hasZone = zone !== undefined;
  const time = timeMatch ? timeOfDay(timeMatch) : undefined;
  if (timeMatch && !time) return { length, written: undefined, error: invalidTimeReason(timeText(timeMatch)), hasDate, hasZone };
  const date = dateMatch ? calendarDateOf(dateMatch, context) : undefined;
  if (dateMatch && !date) return { length, written: undefined, error: `'${dateMatch[0]}' is not a valid date`, hasDate, hasZone };
  return { length, written: { date: date?.date, time, zone }, error: undefined, hasDate, hasZone, yearGuessed: date?.yearGuessed, compactClock: compact && time !== undefined };
}

/** A sticky pattern's match at `at`, or null. */
function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Where a sticky pattern matched at `at` ends, or undefined. */
function stickyEnd(pattern: RegExp, text: string, at: number): number | undefined {
  const match = stickyMatch(pattern, text, at);
  return match ? match.index + match[0].length : undefined;
}

/** A zone written at `at` after a time; ZONE_AT.lastIndex is left after it. */
function zoneAt(window: string, at: number, timeMatch: RegExpExecArray, context: TimeContext): Zone | undefined {
  const zoneMatch = stickyMatch(ZONE_AT, window, at);
  const groups = zoneMatch?.groups;
  // '14:00-14:30' is a range; a minus offset touches the time only in ISO form ('…T14:00:00-05:00').
  const range = groups?.offset && /^[-−]/.test(zoneMatch?.[0] ?? '') && !/^t/i.test(timeMatch[0]);
  return groups && !range ? zoneOfToken(groups.z ?? groups.offset ?? groups.paren ?? groups.word ?? '', context.cache) : undefined;
}

/** A full date written after a time ('09:40 2nd Mar 2024', '09:20 UTC Tuesday Aug 28', '23:00 UTC (April 5)'), and where it ends. */
function trailingDate(window: string, at: number): { date: RegExpExecArray; end: number } | undefined {
  const lead = stickyEnd(TRAILING_DATE_LEAD, window, at);
  if (lead === undefined) return undefined;
  const date = stickyMatch(DATE_AT, window, stickyEnd(WEEKDAY_PREFIX, window, lead) ?? lead);
  if (!date || isYearless(date)) return undefined;
  const end = date.index + date[0].length;
  if (!window.slice(at, lead).includes('(')) return { date, end };
  // A date in parentheses counts only when they close right after it: '10:15 (April 5, approx.)' is an aside.
  const close = stickyEnd(TRAILING_DATE_CLOSE, window, end);
  return close === undefined ? undefined : { date, end: close };
}

/** A numeric date without a year ('3/4', '03-04'), believed only beside a time. */
function isYearless(date: RegExpExecArray): boolean {
  return Boolean((date.groups?.numeric && !date.groups.numericYear) || date.groups?.mdMonth);
}

/** Why a time of day matched by TIME cannot be one. */
function invalidTimeReason(text: string): string {
  return /[ap]\.?m\b/i.test(text) && /^(?:0?0|1[3-9]|2\d)\D/.test(text)
    ? `'${text}' is not a valid time of day: a 12-hour time runs from 1 to 12`
    : `'${text}' is not a valid time of day`;
}

/** Something clock-like that could not be read ('14:xx'), or undefined when the text is prose after all. */
function lookalike(window: string): Scan | undefined {
  if (!LOOKALIKE.test(window)) return undefined;
  const token = trimEndMatching(/^\S+/.exec(window)?.[0] ?? '', /[*_`\]|:,.;-]/);
  return unreadable(token, false);
}

function unreadable(text: string, hasDate: boolean): Scan {
  return { length: text.length, written: undefined, error: `'${text}' is not a readable time`, hasDate, hasZone: false };
}

// A clock time with its seconds ('17:55:08').
const withSeconds = /\d:\d{2}:\d{2}/;

function finish(scan: Scan, text: string, textStart: number, length: number, context: TimeContext): LeadingTimestamp {
  const placed = scan.written && place(scan.written, context);
  const error = placed ? undefined : (scan.error ?? `'${text}' is not a readable time`);
  const hasTime = scan.written ? scan.written.time !== undefined : true;
  const hasSeconds = hasTime && withSeconds.test(text);
  const guessed = placed ? placed.guessed || scan.yearGuessed === true : false;
  const twelveHour = scan.written?.time?.meridiem === true;
  const twentyFourHour = !twelveHour && (scan.written?.time?.hour ?? 0) >= 13;
  return { length, text, textStart, instant: placed?.instant, error, date: placed?.date, hasDate: scan.hasDate, hasZone: scan.hasZone, hasTime, hasSeconds, guessed, twelveHour, twentyFourHour, compactClock: scan.compactClock === true };
}

/** Puts the written parts on the time line: missing date from the context (with midnight rollover), missing zone from the context. */
function place(written: Written, context: TimeContext): (Placed & { guessed: boolean }) | undefined {
  const placed = placeOnDay(written, context);
  return placed && afternoon(written, placed, context);
}

function placeOnDay(written: Written, context: TimeContext): (Placed & { guessed: boolean }) | undefined {
  const zone = written.zone ?? contextZone(context.timezone, context.cache);
  const time = written.time ?? MIDNIGHT;
  if (written.date) {
    const dated = wallClock(written.date, time, zone, context.cache);
    return dated && { ...dated, guessed: false };
  }
  const carried = carriedDate(context.lastDate, context.cache);
  // Without any date yet, 1970-01-01 still orders the entries.
  const day = carried ?? EPOCH_DAY;
  let placed = wallClock(day, time, zone, context.cache);
  let rolledOver = false;
  if (placed && context.previous !== undefined && placed.instant <= context.previous - ROLLOVER_MS && !stillAfternoon(written, placed.instant, context)) {
    placed = wallClock(nextDay(day), time, zone, context.cache);
    rolledOver = true;
  }
  // A time-only entry hours earlier than the one before may be the next day with its date left out: its day is a guess.
  const wentBack = placed !== undefined && context.previous !== undefined && placed.instant < context.previous - MAYBE_NEXT_DAY_MS;
  return placed && { instant: placed.instant, date: carried ? placed.date : undefined, guessed: rolledOver || !carried || wentBack };
}

/**
 * After '1:00 PM', a bare '4:00' that would go back in time is read as 4 PM, the way its writer meant it (a guess).
 * With no "PM" written, '12:56' then '1:00' is the same clock past noon: read so only when the afternoon lands soon after.
 * After '19:50' the writer keeps a 24-hour clock, so '8:27' is the morning, as written.
 */
function afternoon(written: Written, placed: Placed & { guessed: boolean }, context: TimeContext): Placed & { guessed: boolean } {
  const previous = context.previous;
  if (!mayMeanAfternoon(written.time, context) || previous === undefined || placed.instant >= previous) return placed;
  const later = placed.instant + ROLLOVER_MS;
  const fits = later >= previous && (context.twelveHour || later <= previous + PAST_NOON_MS);
  return fits ? { instant: later, date: placed.date, guessed: true } : placed;
}

// On a 12-hour clock, "3:02" right after "3:02 PM" is the same afternoon, not the next night.
function stillAfternoon(written: Written, instant: number, context: TimeContext): boolean {
  return context.twelveHour === true && mayMeanAfternoon(written.time, context) && context.previous !== undefined && instant + ROLLOVER_MS >= context.previous;
}

/** A bare one-digit hour ("4:50", no AM or PM) after an earlier entry, with no 24-hour clock in use: it may mean the afternoon. */
function mayMeanAfternoon(time: TimeOfDay | undefined, context: TimeContext): boolean {
  return time?.oneDigitHour === true && !time.meridiem && time.hour >= 1 && !context.twentyFourHour && context.previous !== undefined;
}

const EPOCH_DAY: CalendarDate = { year: 1970, month: 1, day: 1 };
// Documents are re-read on every keystroke with mostly the same timestamps, and luxon's IANA offsets are costly.
const smallEntryBytes = (key: string) => stringBytes(key) + 64;
const wallClocks: CacheTable<Placed> = { maxBytes: 256 * 1024, sizeOf: smallEntryBytes };
const chronoDates: CacheTable<CalendarDate & { yearCertain: boolean }> = { maxBytes: 64 * 1024, sizeOf: smallEntryBytes };
const carriedDates: CacheTable<CalendarDate> = { maxBytes: 16 * 1024, sizeOf: smallEntryBytes };
// A zone object is shared with luxon's own table; only the map entry is ours.
const zones: CacheTable<Zone | null> = { maxBytes: 16 * 1024, sizeOf: smallEntryBytes };

/** The instant a wall-clock time in `zone` names, and the calendar date it falls on there. */
function wallClock(date: CalendarDate, time: TimeOfDay, zone: Zone, cache: AnalysisCache | undefined): Placed | undefined {
  const key = `${zone.name}|${date.year}-${date.month}-${date.day}|${time.hour}:${time.minute}:${time.second}.${time.millisecond}`;
  return remember(cache?.table(wallClocks), key, () => {
    const at = DateTime.fromObject({ ...date, hour: time.hour, minute: time.minute, second: time.second, millisecond: time.millisecond }, { zone });
    return at.isValid ? { instant: at.toMillis(), date: at.toISODate() } : undefined;
  });
}

function carriedDate(lastDate: string | undefined, cache: AnalysisCache | undefined): CalendarDate | undefined {
  if (lastDate === undefined) return undefined;
  return remember(cache?.table(carriedDates), lastDate, () => {
    const day = DateTime.fromISO(lastDate, { zone: UTC });
    return day.isValid ? { year: day.year, month: day.month, day: day.day } : undefined;
  });
}

function nextDay(date: CalendarDate): CalendarDate {
  const next = DateTime.fromObject(date, { zone: UTC }).plus({ days: 1 });
  return { year: next.year, month: next.month, day: next.day };
}

function timeOfDay(match: RegExpExecArray): TimeOfDay | undefined {
  const groups = match.groups ?? {};
  const meridiem = (groups.meridiem ?? groups.meridiemOnly)?.toLowerCase();
  let hour = Number(groups.hour ?? groups.hourOnly);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const time = {
    hour,
    minute: Number(groups.minute ?? 0),
    second: Number(groups.second ?? 0),
    millisecond: Number((groups.fraction ?? '').padEnd(3, '0').slice(0, 3)),
  };
  return DateTime.fromObject(time, { zone: UTC }).isValid ? { ...time, meridiem: meridiem !== undefined, oneDigitHour: (groups.hour ?? groups.hourOnly ?? '').length === 1 } : undefined;
}

function calendarDateOf(match: RegExpExecArray, context: TimeContext): { date: CalendarDate; yearGuessed: boolean } | undefined {
  const groups = match.groups ?? {};
  if (groups.year) return validDate({ year: Number(groups.year), month: Number(groups.month), day: Number(groups.day) }, false);
  if (groups.dmyYear) return dayMonthYear(Number(groups.dmyDay), Number(groups.dmyMonth), Number(groups.dmyYear));
  if (groups.mdMonth) return monthDay(Number(groups.mdMonth), Number(groups.mdDay), context);
  const reference = chronoReference(context);
  const latest = latestUndatedDay(context);
  // chrono reads '7 May' but not '7. May'.
  const written = match[0].replace(/^(\d{1,2})\./, '$1');
  const read = remember(context.cache?.table(chronoDates), `${written}|${reference.instant?.toISOString().slice(0, 10)}|${latest}`, () => {
    const result = chrono.strict.parse(written, reference)[0];
    const date = result && result.index === 0 ? writtenByChrono(result.start)?.date : undefined;
    return date && { ...notAfter(date, result.start.isCertain('year'), latest), yearCertain: result.start.isCertain('year') };
  });
  if (!read) return undefined;
  const date = { year: read.year, month: read.month, day: read.day };
  return { date, yearGuessed: guessedYear(date, read.yearCertain, context) };
}

function validDate(date: CalendarDate, yearGuessed: boolean): { date: CalendarDate; yearGuessed: boolean } | undefined {
  return DateTime.fromObject(date, { zone: UTC }).isValid ? { date, yearGuessed } : undefined;
}

/** '29-09-2021' and '29.09.2021' are day first; a month over 12 means the writer put the month first. */
function dayMonthYear(first: number, second: number, year: number) {
  return second > 12 && first <= 12 ? validDate({ year, month: first, day: second }, false) : validDate({ year, month: second, day: first }, false);
}

/** '[12-31 23:50]': the year of the last date, or the next one when the month-day is far before it (December to January). */
function monthDay(month: number, day: number, context: TimeContext) {
  const carried = carriedDate(context.lastDate, context.cache);
  if (!carried) {
    const latest = carriedDate(latestUndatedDay(context), context.cache) ?? EPOCH_DAY;
    const year = month > latest.month || (month === latest.month && day > latest.day) ? latest.year - 1 : latest.year;
    return validDate({ year, month, day }, false);
  }
  const wraps = month < carried.month - 6;
  return validDate({ year: carried.year + (wraps ? 1 : 0), month, day }, wraps);
}

/** A year chrono filled in is a guess when it is not the year of the date carried so far. */
function guessedYear(date: CalendarDate | undefined, yearCertain: boolean, context: TimeContext): boolean {
  if (!date || yearCertain) return false;
  const carried = carriedDate(context.lastDate, context.cache);
  return carried !== undefined && carried.year !== date.year;
}

/** The parts chrono is certain of; undefined when it named neither a day nor a time. */
function writtenByChrono(components: chrono.ParsedResult['start']): Written | undefined {
  const value = (component: chrono.Component) => components.get(component) ?? 0;
  const date = components.isCertain('day') && components.isCertain('month') ? { year: value('year'), month: value('month'), day: value('day') } : undefined;
  const time = components.isCertain('hour') ? { hour: value('hour'), minute: value('minute'), second: value('second'), millisecond: value('millisecond') } : undefined;
  if (!date && !time) return undefined;
  const zone = components.isCertain('timezoneOffset') ? FixedOffsetZone.instance(value('timezoneOffset')) : undefined;
  return { date, time, zone };
}

/** Dates without a year are read nearest the timeline's current day (so 'Jan 2' after 'Dec 31' is the next year). */
function chronoReference(context: TimeContext): chrono.ParsingReference {
  const carried = carriedDate(context.lastDate, context.cache) ?? carriedDate(context.latestDay, context.cache);
  const instant = carried ? DateTime.fromObject({ ...carried, hour: 12 }, { zone: UTC }) : DateTime.utc();
  return { instant: instant.toJSDate(), timezone: 0 };
}

/** The day a date without a year may not pass: `latestDay` (or today) until the timeline has seen a date. */
function latestUndatedDay(context: TimeContext): string | undefined {
  return context.lastDate === undefined ? context.latestDay ?? today() : undefined;
}

/** A date chrono gave a year by guessing, moved back a year when that put it after `latest`. */
function notAfter(date: CalendarDate, yearCertain: boolean, latest: string | undefined): CalendarDate {
  if (yearCertain || latest === undefined) return date;
  const iso = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return iso > latest ? { ...date, year: date.year - 1 } : date;
}

/** The time as written, without the separator that joined it to a date. */
function timeText(match: RegExpExecArray): string {
  return match[0].replace(LEADING_SEPARATOR, '');
}

function zoneOfToken(token: string, cache: AnalysisCache | undefined): Zone | undefined {
  const abbreviation = ZONE_ABBREVIATIONS.get(token);
  if (abbreviation) return resolveZone(abbreviation, cache);
  // Other capitalised words after a time ('14:00 IT paged') are not zones.
  if (/^[A-Z]{2,5}$/.test(token) && token !== 'UTC' && token !== 'GMT') return undefined;
  return resolveZone(token, cache);
}

function contextZone(timezone: string, cache: AnalysisCache | undefined): Zone {
  return resolveZone(timezone, cache) ?? UTC;
}

/** A luxon zone for 'UTC', 'Z', an IANA name, an abbreviation like 'PST', or an offset ('UTC+2', '+02:00', 'GMT-05:30'); undefined when unknown. */
export function resolveZone(name: string, cache?: AnalysisCache): Zone | undefined {
  const key = name.trim();
  // Unknown names are remembered too (as null): a bad configured zone would otherwise be looked up for every entry.
  return remember(cache?.table(zones), key, () => lookupZone(key) ?? null) ?? undefined;
}

function lookupZone(name: string): Zone | undefined {
  const abbreviation = ZONE_ABBREVIATIONS.get(name.toUpperCase());
  if (abbreviation) return lookupZone(abbreviation);
  if (/^(?:UTC|GMT|Z|Zulu)$/i.test(name)) return UTC;
  const offset = /^(?:UTC|GMT)?[ \t]?([+\-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(name);
  if (offset) return offsetZone(offset[1], offset[2], offset[3]);
  return IANAZone.isValidZone(name) ? IANAZone.create(name) : undefined;
}

function offsetZone(sign: string, hours: string, minutes: string | undefined): Zone | undefined {
  const total = (sign === '+' ? 1 : -1) * (Number(hours) * 60 + Number(minutes ?? 0));
  // Real offsets run from UTC-12:00 to UTC+14:00.
  if (Number(minutes ?? 0) > 59 || total < -12 * 60 || total > 14 * 60) return undefined;
  return FixedOffsetZone.instance(total);
}

function offsetName(zone: Zone): string {
  const offset = zone.offset(0);
  return offset === 0 ? 'UTC' : `UTC${zone.formatOffset(0, 'short')}`;
}

// Calendar-day arithmetic on YYYY-MM-DD runs per action item per keystroke: plain UTC epoch days are exact and cheap.
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isCalendarDay(date: string): boolean {
  const match = ISO_DAY.exec(date);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.getUTCFullYear() === Number(match[1]) && day.getUTCMonth() === Number(match[2]) - 1 && day.getUTCDate() === Number(match[3]);
}

function epochDay(date: string): number {
  if (!isCalendarDay(date)) throw new RangeError(`'${date}' is not a YYYY-MM-DD date`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}
