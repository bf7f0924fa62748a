import type { Rule, RuleFinding } from '../rule';
import type { Fix, Postmortem, TimelineEntry } from '../model';
import { byTime, sortTimelineFix } from '../fixes';
import { instantsInOrder } from '../timeline';

const DAY_MS = 86_400_000;

export const rule: Rule = {
  id: 'timeline-order',
  severity: 'warning',
  description: 'A timeline entry is earlier than the entry before it.',
  explanation:
    'A timeline is read top to bottom as the order in which things happened; an entry out of order changes the story of what was known when, and the incident metrics derived from it. Entries are compared by their full timestamp: a day heading, a day label or the last dated entry gives the date of times written without one, and a time more than 12 hours earlier than the one before is read as the next day (writers often name a day once and go on past midnight). A date without a year is read nearest the last date, or, before any, as the latest such day on or before today. A page that holds several incident reports has one timeline each, checked apart; a timeline written newest first throughout (as status pages post their updates) is read as written that way on purpose. A range or an approximate time is compared by its start, an entry with only a date stands for its whole day and a time without seconds for its whole minute, equal times are in order, and entries without a readable time are skipped. Sorting is applied by fix-all only when every entry of the list was read without a guess (no missing date, no midnight rollover); otherwise it is offered for you to choose.',
  example: '- 14:10 Rollback started\n- 14:05 Alert fired',
  fixable: true,
  check: ({ model, today }) => {
    const findings: RuleFinding[] = [];
    const sorts = new Map<number, Fix | undefined>();
    const sortOf = (group: number) => {
      if (!sorts.has(group)) sorts.set(group, checkedSort(model, today, group));
      return sorts.get(group);
    };
    const newestFirst = timelinesNewestFirst(model.timeline);
    let previous: TimelineEntry | undefined;
    for (const entry of model.timeline) {
      if (entry.instant === undefined || newestFirst.has(entry.timeline)) continue;
      if (previous && previous.timeline === entry.timeline && isBefore(entry, previous)) {
        findings.push({
          message: `Timeline entry ${described(entry, previous)} is earlier than the entry before it, ${described(previous, entry)}.`,
          span: entry.span,
          related: [{ span: previous.span, message: `The entry before it, ${described(previous, entry)}, is later` }],
          fix: entry.group === previous.group ? sortOf(entry.group) : undefined,
        });
      }
      previous = entry;
    }
    return findings;
  },
};

/**
 * The timelines written newest first on purpose, as status pages and update logs are: three or more
 * timed entries, each earlier than the one before. A timeline out of order by mistake is not reversed throughout.
 */
function timelinesNewestFirst(timeline: readonly TimelineEntry[]): Set<number> {
  const timed = new Map<number, TimelineEntry[]>();
  for (const entry of timeline) {
    if (entry.instant === undefined) continue;
    const entries = timed.get(entry.timeline) ?? [];
    entries.push(entry);
    timed.set(entry.timeline, entries);
  }
  const reversed = new Set<number>();
  for (const [number, entries] of timed) {
    if (entries.length >= 3 && entries.every((entry, i) => i === 0 || isBefore(entry, entries[i - 1]))) reversed.add(number);
  }
  return reversed;
}

/** Earlier even at the latest instant the entry can mean: a date alone stands for its whole day, a time without seconds for its whole minute. */
function isBefore(entry: TimelineEntry, previous: TimelineEntry): boolean {
  if (entry.instant === undefined || previous.instant === undefined) return false;
  const latest = entry.dayOnly ? DAY_MS - 1 : entry.wholeMinute ? MINUTE_MS - 1 : 0;
  return entry.instant + latest < previous.instant;
}

// "17:55" after "17:55:08" falls in the same minute, so it is not earlier.
const MINUTE_MS = 60_000;

/** The time as written, with its UTC time when either entry names a zone (so '10:15 +02:00' and '09:10 +00:00' compare at a glance). */
function described(entry: TimelineEntry, other: TimelineEntry): string {
  if (!(entry.hasZone || other.hasZone) || entry.instant === undefined || other.instant === undefined) return `'${entry.timeText}'`;
  const utc = new Date(entry.instant).toISOString();
  const sameDay = utc.slice(0, 10) === new Date(other.instant).toISOString().slice(0, 10);
  return `'${entry.timeText}' (${sameDay ? '' : `${utc.slice(0, 10)} `}${utc.slice(11, 16)} UTC)`;
}

/**
 * The sort of one group of entries, read again once sorted. It is safe for fix-all only when every entry's
 * instant was read without a guess and the sorted group, read again, is in order (moving an entry that carries
 * a date changes the day of the time-only entries after it); otherwise it is offered for the user to choose.
 */
function checkedSort(model: Postmortem, today: string, group: number): Fix | undefined {
  const fix = sortTimelineFix(model, group);
  if (!fix) return undefined;
  const entries = model.timeline.filter((entry) => entry.group === group);
  if (entries.some((entry) => entry.guessed || entry.dayOnly)) return { ...fix, safe: false };
  const instants = instantsInOrder(entries, byTime(entries).map(({ entry }) => entry), model.timezone, today).filter((instant) => instant !== undefined);
  if (instants.every((instant, i) => i === 0 || instant >= instants[i - 1])) return fix;
  return { ...fix, title: 'Sort the timeline by time (then check the dates: entries that set the day move too)', safe: false };
}
