import type { Rule, RuleFinding } from '../rule';
import type { Fix, Postmortem, TimelineEntry } from '../model';
import { byTime, sortTimelineFix } from '../fixes';
import { instantsInOrder } from '../timeline';

export const rule: Rule = {
  id: 'timeline-order',
  severity: 'warning',
  description: 'A timeline entry is earlier than the entry before it.',
  explanation:
    'A timeline is read top to bottom as the order in which things happened; an entry out of order changes the story of what was known when, and the incident metrics derived from it. Times without a date carry the last date forward, and a time more than 12 hours earlier than the one before is read as the next day. A date without a year is read nearest the last date, or, before any, as the latest such day on or before today.',
  example: '- 14:10 Rollback started\n- 14:05 Alert fired',
  fixable: true,
  check: ({ model, today }) => {
    const findings: RuleFinding[] = [];
    const sorts = new Map<number, Fix | undefined>();
    const sortOf = (group: number) => {
      if (!sorts.has(group)) sorts.set(group, checkedSort(model, today, group));
      return sorts.get(group);
    };
    let previous: TimelineEntry | undefined;
    for (const entry of model.timeline) {
      if (entry.instant === undefined) continue;
      if (previous && previous.instant !== undefined && entry.instant < previous.instant) {
        findings.push({
          message: `Timeline entry '${entry.timeText}' is earlier than the entry before it ('${previous.timeText}').`,
          span: entry.span,
          related: [{ span: previous.span, message: `Earlier entry at '${previous.timeText}'` }],
          fix: entry.group === previous.group ? sortOf(entry.group) : undefined,
        });
      }
      previous = entry;
    }
    return findings;
  },
};

/**
 * The sort of one group of entries, read again once sorted. Moving an entry that carries a date
 * changes the day of the time-only entries after it, so a sort can leave the group out of order:
 * that sort is still offered, but fix-all does not apply it.
 */
function checkedSort(model: Postmortem, today: string, group: number): Fix | undefined {
  const fix = sortTimelineFix(model, group);
  if (!fix) return undefined;
  const entries = model.timeline.filter((entry) => entry.group === group);
  const instants = instantsInOrder(entries, byTime(entries).map(({ entry }) => entry), model.timezone, today).filter((instant) => instant !== undefined);
  if (instants.every((instant, i) => i === 0 || instant >= instants[i - 1])) return fix;
  return { ...fix, title: 'Sort the timeline by time (then check the dates: entries that set the day move too)', safe: false };
}
