// Insights across postmortems: recurring causes, repeated action items, follow-up reviews and monthly trends.
// Pure like the rest of the core: it reads the models it is given, never the files.
import { actionItemTrends, type ActionItemTrends } from './action-items';
import type { InsightsDocument } from './documents';
import { findFollowUps, defaultFollowUpDays, type FollowUp } from './follow-ups';
import { findRecurringCauses, type RecurringCauseGroup } from './recurring-causes';
import { findRepeatedActionItems, type RepeatedActionItem } from './repeated-actions';
import { causeReading, itemReading, TermReader } from './terms';
import { trendsByMonth, type MonthTrend } from './trends';

export interface InsightsOptions {
  /** `YYYY-MM-DD`, the day follow-ups are counted to. */
  today: string;
  /** Days after a postmortem's date when its open P0 and P1 items are due for review. */
  followUpDays?: number;
  /** Only postmortems dated on or after this `YYYY-MM-DD`. */
  since?: string;
  causeThreshold?: number;
  actionThreshold?: number;
}

export interface Insights {
  /** The postmortems the insights are about (after `since`); the indexes below point into it. */
  documents: InsightsDocument[];
  recurring: RecurringCauseGroup[];
  repeatedActionItems: RepeatedActionItem[];
  followUps: FollowUp[];
  byMonth: MonthTrend[];
  actionItems: ActionItemTrends;
}

export function buildInsights(all: readonly InsightsDocument[], options: InsightsOptions): Insights {
  const since = options.since;
  // A postmortem without a date cannot be placed after `since`, so a time window leaves it out.
  const documents = since === undefined ? [...all] : all.filter((document) => document.model.date !== undefined && document.model.date >= since);
  return {
    documents,
    recurring: findRecurringCauses(documents, new TermReader(causeReading), { threshold: options.causeThreshold }),
    repeatedActionItems: findRepeatedActionItems(documents, new TermReader(itemReading), options.actionThreshold),
    followUps: findFollowUps(documents, options.today, options.followUpDays ?? defaultFollowUpDays),
    byMonth: trendsByMonth(documents),
    actionItems: actionItemTrends(documents, options.today),
  };
}

export type { InsightsDocument } from './documents';
export type { ActionItemMonth, ActionItemTrends, OwnerOverdue } from './action-items';
export type { FollowUp, FollowUpCandidate } from './follow-ups';
export type { RecurringCauseGroup } from './recurring-causes';
export type { ActionItemRef, RepeatedActionItem } from './repeated-actions';
export type { MonthTrend } from './trends';
export { defaultFollowUpDays, isDueForFollowUp } from './follow-ups';
export { defaultCauseThreshold } from './recurring-causes';
export { defaultActionThreshold } from './repeated-actions';
export { insightsReport, type InsightsReport, type MonthReport } from './report';
export { insightsCharts, severitiesOf, type ChartPalette, type InsightsChart, type InsightsCharts } from './report-charts';
export { escapeHtml } from './charts';
