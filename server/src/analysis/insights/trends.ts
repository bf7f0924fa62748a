// Trends by month: how many postmortems, how severe, and how long detection, mitigation and resolution took.
import type { InsightsDocument } from './documents';
import { severityOf } from './documents';

export interface MonthTrend {
  /** `YYYY-MM`. */
  month: string;
  count: number;
  /** Postmortems by `SEV-n` (or `unknown`). */
  bySeverity: Record<string, number>;
  /** Minutes; undefined when no postmortem of the month has the milestone. */
  ttdMedianMinutes: number | undefined;
  ttdP90Minutes: number | undefined;
  ttmMedianMinutes: number | undefined;
  ttmP90Minutes: number | undefined;
  ttrMedianMinutes: number | undefined;
  ttrP90Minutes: number | undefined;
}

const minuteMs = 60_000;

/** One entry per month that has a dated postmortem, oldest first. */
export function trendsByMonth(documents: readonly InsightsDocument[]): MonthTrend[] {
  const months = new Map<string, InsightsDocument[]>();
  for (const document of documents) {
    const month = document.model.date?.slice(0, 7);
    if (month === undefined) continue;
    months.set(month, [...(months.get(month) ?? []), document]);
  }
  return [...months.keys()].sort().map((month) => monthTrend(month, months.get(month) ?? []));
}

function monthTrend(month: string, documents: readonly InsightsDocument[]): MonthTrend {
  const bySeverity: Record<string, number> = {};
  for (const { model } of documents) {
    const severity = severityOf(model);
    bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
  }
  const minutes = (read: (document: InsightsDocument) => number | undefined) =>
    documents.map(read).filter((value): value is number => value !== undefined && value >= 0).map((value) => value / minuteMs);
  const detect = minutes((document) => document.model.metrics.timeToDetect);
  const mitigate = minutes((document) => document.model.metrics.timeToMitigate);
  const resolve = minutes((document) => document.model.metrics.timeToResolve);
  return {
    month,
    count: documents.length,
    bySeverity,
    ttdMedianMinutes: percentile(detect, 50),
    ttdP90Minutes: percentile(detect, 90),
    ttmMedianMinutes: percentile(mitigate, 50),
    ttmP90Minutes: percentile(mitigate, 90),
    ttrMedianMinutes: percentile(resolve, 50),
    ttrP90Minutes: percentile(resolve, 90),
  };
}

/** The nearest-rank percentile: a value that occurred, never an interpolation between two incidents. */
export function percentile(values: readonly number[], rank: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1)];
}
