import type { Rule, RuleFinding } from '../rule';
import type { TimelineEntry } from '../model';
import { sortTimelineFix } from '../fixes';

export const rule: Rule = {
  id: 'timeline-order',
  severity: 'warning',
  description: 'A timeline entry is earlier than the entry before it.',
  explanation:
    'A timeline is read top to bottom as the order in which things happened; an entry out of order changes the story of what was known when, and the incident metrics derived from it. Times without a date carry the last date forward, and a time more than 12 hours earlier than the one before is read as the next day.',
  example: '- 14:10 Rollback started\n- 14:05 Alert fired',
  fixable: true,
  check: ({ model }) => {
    const findings: RuleFinding[] = [];
    let previous: TimelineEntry | undefined;
    for (const entry of model.timeline) {
      if (entry.instant === undefined) continue;
      if (previous && previous.instant !== undefined && entry.instant < previous.instant) {
        findings.push({
          message: `Timeline entry '${entry.timeText}' is earlier than the entry before it ('${previous.timeText}').`,
          span: entry.span,
          related: [{ span: previous.span, message: `Earlier entry at '${previous.timeText}'` }],
          fix: entry.group === previous.group ? sortTimelineFix(model, entry.group) : undefined,
        });
      }
      previous = entry;
    }
    return findings;
  },
};
