// The report's charts, each with the table of the figures it draws: one drawing for every page that shows the
// report (the command line's HTML file, the editor's Insights panel); each page gives its own colours.
import { barChart, lineChart, type ChartSeries } from './charts';
import type { InsightsReport, MonthReport } from './report';

/** Paints for the marks, as the page names its colours (`#c0392b`, `var(--vscode-charts-red)`). */
export interface ChartPalette {
  red: string;
  orange: string;
  yellow: string;
  green: string;
  blue: string;
  purple: string;
  grey: string;
}

export interface InsightsChart {
  id: 'severity' | 'timeToRecover' | 'actionItems' | 'overdueByOwner';
  title: string;
  svg: string;
  /** The figures the chart draws, as text: shown beside it for reading and for screen readers. */
  table: { headers: string[]; rows: string[][] };
}

export type InsightsCharts = InsightsChart[];

const minutes = (value: number | null) => (value === null ? '-' : String(value));

/** Severities in the order of the scale (`SEV-1` first), `unknown` last. */
export function severitiesOf(report: InsightsReport): string[] {
  return [...new Set(report.metrics.byMonth.flatMap((month) => Object.keys(month.bySeverity)))].sort((a, b) => Number(a === 'unknown') - Number(b === 'unknown') || a.localeCompare(b, undefined, { numeric: true }));
}

export function insightsCharts(report: InsightsReport, palette: ChartPalette): InsightsCharts {
  return [severityChart(report, palette), timeToRecoverChart(report, palette), actionItemsChart(report, palette), overdueByOwnerChart(report, palette)];
}

function severityChart(report: InsightsReport, palette: ChartPalette): InsightsChart {
  const byMonth = report.metrics.byMonth;
  const months = byMonth.map((month) => month.month);
  const severities = severitiesOf(report);
  const colours = [palette.red, palette.orange, palette.yellow, palette.blue, palette.purple];
  const series: ChartSeries[] = severities.map((severity, index) => ({
    name: severity,
    values: byMonth.map((month) => month.bySeverity[severity] ?? 0),
    colour: severity === 'unknown' ? palette.grey : colours[index % colours.length],
  }));
  const title = 'Postmortems per month by severity';
  return {
    id: 'severity',
    title,
    svg: barChart({ title, categories: months, series }),
    table: { headers: ['Month', 'Postmortems', ...severities], rows: byMonth.map((month) => [month.month, String(month.count), ...severities.map((severity) => String(month.bySeverity[severity] ?? 0))]) },
  };
}

function timeToRecoverChart(report: InsightsReport, palette: ChartPalette): InsightsChart {
  const byMonth = report.metrics.byMonth;
  const measures: [name: string, median: (month: MonthReport) => number | null, p90: (month: MonthReport) => number | null, colour: string][] = [
    ['TTD', (month) => month.ttdMedianMinutes, (month) => month.ttdP90Minutes, palette.blue],
    ['TTM', (month) => month.ttmMedianMinutes, (month) => month.ttmP90Minutes, palette.orange],
    ['TTR', (month) => month.ttrMedianMinutes, (month) => month.ttrP90Minutes, palette.purple],
  ];
  const series = measures.flatMap(([name, median, p90, colour]): ChartSeries[] => [
    { name: `${name} median`, values: byMonth.map(median), colour },
    { name: `${name} p90`, values: byMonth.map(p90), colour, dashed: true },
  ]);
  const title = 'Time to detect, mitigate and resolve (minutes)';
  return {
    id: 'timeToRecover',
    title,
    svg: lineChart({ title, categories: byMonth.map((month) => month.month), series, unit: ' min' }),
    table: {
      headers: ['Month', ...series.map((one) => one.name)],
      rows: byMonth.map((month) => [month.month, ...measures.flatMap(([, median, p90]) => [minutes(median(month)), minutes(p90(month))])]),
    },
  };
}

function actionItemsChart(report: InsightsReport, palette: ChartPalette): InsightsChart {
  const byMonth = report.actionItems.byMonth;
  const title = 'Action items opened by month: done and still open';
  const series: ChartSeries[] = [
    { name: 'Done', values: byMonth.map((month) => month.done), colour: palette.green },
    { name: 'Still open', values: byMonth.map((month) => month.opened - month.done), colour: palette.yellow },
  ];
  return {
    id: 'actionItems',
    title,
    svg: barChart({ title, categories: byMonth.map((month) => month.month), series }),
    table: { headers: ['Month', 'Opened', 'Done'], rows: byMonth.map((month) => [month.month, String(month.opened), String(month.done)]) },
  };
}

function overdueByOwnerChart(report: InsightsReport, palette: ChartPalette): InsightsChart {
  const owners = report.actionItems.overdueByOwner;
  const names = owners.map((owner) => owner.owner ?? 'No owner');
  const title = 'Overdue action items by owner';
  return {
    id: 'overdueByOwner',
    title,
    svg: barChart({ title, categories: names, series: [{ name: 'Overdue', values: owners.map((owner) => owner.overdue), colour: palette.red }] }),
    table: { headers: ['Owner', 'Overdue'], rows: owners.map((owner, index) => [names[index], String(owner.overdue)]) },
  };
}
