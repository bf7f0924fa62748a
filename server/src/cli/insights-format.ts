// The insights report as Markdown, JSON or one self-contained HTML page whose charts are inline SVG.
import type { ChartPalette, InsightsReport } from '../analysis';
import { engine } from './engine-loader';
import type { InsightsFormat } from './options';

export function formatInsights(format: InsightsFormat, report: InsightsReport): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return formatMarkdown(report);
    case 'html':
      return formatHtml(report);
  }
}

const minutes = (value: number | null) => (value === null ? '-' : String(value));

export function formatMarkdown(report: InsightsReport): string {
  const lines = [`# Postmortem insights`, '', `${report.postmortems} postmortems read.`, '', '## Recurring causes', ''];
  if (report.recurring.length === 0) lines.push('No cause recurs.');
  for (const group of report.recurring) lines.push(`- **${markdownText(group.theme)}** (${group.postmortems.length} postmortems)`, ...group.postmortems.map((path) => `  - ${markdownText(path)}`));
  lines.push('', '## Repeated action items', '');
  if (report.repeatedActionItems.length === 0) lines.push('No action item repeats.');
  for (const repeated of report.repeatedActionItems) {
    lines.push(`- ${markdownText(repeated.text)}`, ...repeated.occurrences.map((occurrence) => `  - ${markdownText(occurrence.filePath)}:${occurrence.line} (${occurrence.status})`));
  }
  lines.push('', '## Due for follow-up review', '');
  if (report.followUps.length === 0) lines.push('No P0 or P1 item is due for review.');
  else lines.push('| Priority | Days open | Owner | Action item | Where |', '|---|---|---|---|---|');
  for (const item of report.followUps) lines.push(`| ${item.priority} | ${item.daysOpen} | ${markdownCell(item.owner ?? '')} | ${markdownCell(item.text)} | ${markdownCell(`${item.filePath}:${item.line}`)} |`);
  lines.push('', '## By month', '');
  const columns = engine().severitiesOf(report);
  lines.push(`| Month | Postmortems | ${columns.join(' | ')} | TTD median / p90 (min) | TTM median / p90 (min) | TTR median / p90 (min) |`);
  lines.push(`|---|---|${columns.map(() => '---|').join('')}---|---|---|`);
  for (const month of report.metrics.byMonth) {
    const bySeverity = columns.map((severity) => String(month.bySeverity[severity] ?? 0));
    lines.push(`| ${month.month} | ${month.count} | ${bySeverity.join(' | ')} | ${minutes(month.ttdMedianMinutes)} / ${minutes(month.ttdP90Minutes)} | ${minutes(month.ttmMedianMinutes)} / ${minutes(month.ttmP90Minutes)} | ${minutes(month.ttrMedianMinutes)} / ${minutes(month.ttrP90Minutes)} |`);
  }
  lines.push('', '## Action items by month', '', '| Month | Opened | Done |', '|---|---|---|');
  for (const month of report.actionItems.byMonth) lines.push(`| ${month.month} | ${month.opened} | ${month.done} |`);
  lines.push('', '## Overdue action items by owner', '');
  if (report.actionItems.overdueByOwner.length === 0) lines.push('No action item is overdue.');
  else lines.push('| Owner | Overdue |', '|---|---|');
  for (const owner of report.actionItems.overdueByOwner) lines.push(`| ${markdownCell(owner.owner ?? 'No owner')} | ${owner.overdue} |`);
  return `${lines.join('\n')}\n`;
}

/** Text in a list item: characters Markdown would read as markup are escaped. */
function markdownText(value: string): string {
  return value.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function markdownCell(value: string): string {
  return markdownText(value).replace(/\r?\n/g, ' ');
}

function formatHtml(report: InsightsReport): string {
  const { escapeHtml, insightsCharts } = engine();
  const charts = insightsCharts(report, palette).map((chart) => `<section class="chart"><h2>${escapeHtml(chart.title)}</h2><div class="side-by-side">${chart.svg}${htmlTable(chart.table.headers, chart.table.rows)}</div></section>`);
  const body = [
    `<h1>Postmortem insights</h1>`,
    `<p>${report.postmortems} postmortems read.</p>`,
    ...charts,
    `<h2>Recurring causes</h2>`,
    report.recurring.length === 0 ? '<p>No cause recurs.</p>' : `<ul>${report.recurring.map((group) => `<li><strong>${escapeHtml(group.theme)}</strong> (${group.postmortems.length})<ul>${group.postmortems.map((path) => `<li>${escapeHtml(path)}</li>`).join('')}</ul></li>`).join('')}</ul>`,
    `<h2>Repeated action items</h2>`,
    report.repeatedActionItems.length === 0 ? '<p>No action item repeats.</p>' : `<ul>${report.repeatedActionItems.map((repeated) => `<li>${escapeHtml(repeated.text)}<ul>${repeated.occurrences.map((occurrence) => `<li>${escapeHtml(occurrence.filePath)}:${occurrence.line} (${occurrence.status})</li>`).join('')}</ul></li>`).join('')}</ul>`,
    `<h2>Due for follow-up review</h2>`,
    report.followUps.length === 0 ? '<p>No P0 or P1 item is due for review.</p>' : htmlTable(['Priority', 'Days open', 'Owner', 'Action item', 'Where'], report.followUps.map((item) => [item.priority, String(item.daysOpen), item.owner ?? '', item.text, `${item.filePath}:${item.line}`])),
  ];
  // No script and no remote content: the page is a document, readable offline and safe to attach to a ticket.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Postmortem insights</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 80rem; color: #1f2933; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #cbd2d9; padding: 0.25rem 0.5rem; text-align: left; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
svg { color: #3e4c59; font-size: 11px; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

const palette: ChartPalette = { red: '#c0392b', orange: '#d68910', yellow: '#b7950b', green: '#1e8449', blue: '#2874a6', purple: '#7d3c98', grey: '#7b8794' };

function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const { escapeHtml } = engine();
  const head = `<tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr>`;
  return `<table>${head}${rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</table>`;
}
