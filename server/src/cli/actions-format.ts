// Renders action item rows as an aligned table, JSON, CSV (RFC 4180) or a Markdown table.
import { colors } from './color';
import type { ActionRow } from './actions-query';
import type { ActionFormat } from './options';

const headers = ['File', 'Line', 'Priority', 'Owner', 'Due', 'Status', 'Item'];

export function formatActions(format: ActionFormat, rows: readonly ActionRow[], color: boolean): string {
  switch (format) {
    case 'table':
      return formatTable(rows, color);
    case 'json':
      return `${JSON.stringify(rows.map(toJson), null, 2)}\n`;
    case 'csv':
      return formatCsv(rows);
    case 'markdown':
      return formatMarkdown(rows);
  }
}

/** The status a reader acts on: an open item past its due date is overdue. */
function statusText(row: ActionRow): string {
  return row.overdue ? 'overdue' : row.status;
}

function cells(row: ActionRow): string[] {
  return [row.file, String(row.line), row.priority ?? '', row.owner ?? '', row.due ?? '', statusText(row), row.item];
}

export function formatTable(rows: readonly ActionRow[], color: boolean): string {
  if (rows.length === 0) return 'No action items found.\n';
  const paint = colors(color);
  const body = rows.map(cells);
  const widths = headers.map((header, column) => Math.max(header.length, ...body.map((row) => row[column].length)));
  // The last column is not padded, so lines carry no trailing spaces.
  const align = (row: string[]) =>
    row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell));
  const lines = [paint.bold(align(headers).join('  ').trimEnd())];
  rows.forEach((row, i) => {
    const line = align(body[i]).join('  ');
    lines.push(row.overdue ? paint.red(line) : line);
  });
  return `${lines.join('\n')}\n`;
}

function toJson(row: ActionRow) {
  return {
    file: row.file,
    line: row.line,
    priority: row.priority ?? null,
    owner: row.owner ?? null,
    due: row.due ?? null,
    status: row.status,
    overdue: row.overdue,
    item: row.item,
    ticket: row.ticket ?? null,
  };
}

/** RFC 4180: CRLF line ends; fields with a quote, comma or line break are quoted, quotes doubled. */
export function formatCsv(rows: readonly ActionRow[]): string {
  const header = ['File', 'Line', 'Priority', 'Owner', 'Due', 'Status', 'Overdue', 'Item', 'Ticket'];
  const records = rows.map((row) => [
    row.file,
    String(row.line),
    row.priority ?? '',
    row.owner ?? '',
    row.due ?? '',
    row.status,
    row.overdue ? 'yes' : 'no',
    row.item,
    row.ticket ?? '',
  ]);
  return [header, ...records].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatMarkdown(rows: readonly ActionRow[]): string {
  const lines = [
    `| ${headers.join(' | ')} |`,
    '| --- | ---: | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${cells(row).map(markdownCell).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A pipe would end the cell and a line break the row. */
function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}
