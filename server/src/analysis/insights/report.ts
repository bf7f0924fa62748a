// The insights as plain data with file paths and 1-based lines: what the command line prints as JSON and what
// any other front end (a webview, a review meeting's notes) draws from.
import { LineIndex } from '../text';
import type { ActionItemTrends } from './action-items';
import type { Insights } from './index';

export interface InsightsReport {
  /** The number of postmortems read. */
  postmortems: number;
  recurring: { theme: string; postmortems: string[] }[];
  repeatedActionItems: { text: string; occurrences: { filePath: string; line: number; status: 'open' | 'done' }[] }[];
  followUps: { filePath: string; line: number; text: string; priority: 'P0' | 'P1'; daysOpen: number; owner: string | null }[];
  metrics: { byMonth: MonthReport[] };
  /** Items opened and done by their postmortem's month, and the overdue ones by owner. */
  actionItems: ActionItemTrends;
}

export interface MonthReport {
  month: string;
  count: number;
  bySeverity: Record<string, number>;
  /** Minutes, or null when no postmortem of the month has the milestone. */
  ttdMedianMinutes: number | null;
  ttdP90Minutes: number | null;
  ttmMedianMinutes: number | null;
  ttmP90Minutes: number | null;
  ttrMedianMinutes: number | null;
  ttrP90Minutes: number | null;
}

export function insightsReport(insights: Insights): InsightsReport {
  const { documents } = insights;
  const lineIndexes = new Map<number, LineIndex>();
  const lineOf = (document: number, offset: number) => {
    const index = lineIndexes.get(document) ?? new LineIndex(documents[document].model.text);
    lineIndexes.set(document, index);
    return index.positionAt(offset).line + 1;
  };
  const minutes = (value: number | undefined) => (value === undefined ? null : Math.round(value * 10) / 10);
  return {
    postmortems: documents.length,
    recurring: insights.recurring.map((group) => ({ theme: group.theme, postmortems: group.members.map((index) => documents[index].path) })),
    repeatedActionItems: insights.repeatedActionItems.map((repeated) => ({
      text: repeated.text,
      occurrences: repeated.occurrences.map((ref) => ({ filePath: documents[ref.document].path, line: lineOf(ref.document, ref.item.span.start), status: ref.item.status })),
    })),
    followUps: insights.followUps.map((followUp) => ({
      filePath: documents[followUp.document].path,
      line: lineOf(followUp.document, followUp.item.span.start),
      text: followUp.item.description,
      priority: followUp.priority === 0 ? 'P0' : 'P1',
      daysOpen: followUp.daysOpen,
      owner: followUp.item.owner?.value ?? null,
    })),
    metrics: {
      byMonth: insights.byMonth.map((trend) => ({
        month: trend.month,
        count: trend.count,
        bySeverity: trend.bySeverity,
        ttdMedianMinutes: minutes(trend.ttdMedianMinutes),
        ttdP90Minutes: minutes(trend.ttdP90Minutes),
        ttmMedianMinutes: minutes(trend.ttmMedianMinutes),
        ttmP90Minutes: minutes(trend.ttmP90Minutes),
        ttrMedianMinutes: minutes(trend.ttrMedianMinutes),
        ttrP90Minutes: minutes(trend.ttrP90Minutes),
      })),
    },
    actionItems: insights.actionItems,
  };
}
