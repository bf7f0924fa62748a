// The edit that marks one action item done, or reopens a done one, in the Markdown form its container already uses.
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { type ActionItem, LineIndex, type Postmortem, type Span, type TextEdit } from '../analysis';
import { toRange } from './convert';

/** Ticks `[ ]`, sets the Status cell to `Done`, or turns a plain list item into a ticked task; null when there is nothing to do. */
export function markDoneEdit(text: string, uri: string, line: number, model: Postmortem): WorkspaceEdit | null {
  // Offsets of a model built from other text would land in the wrong place.
  if (model.text !== text) return null;
  const lines = new LineIndex(text);
  const item = model.actionItems.find((candidate) => lines.positionAt(candidate.span.start).line === line);
  if (!item || item.status === 'done') return null;
  const edit = item.container === 'table' ? tableEdit(text, lines, line, item) : listEdit(text, lines, line, item);
  return edit ? { changes: { [uri]: [{ range: toRange(lines, edit.span), newText: edit.newText }] } } : null;
}

/** Unticks `[x]`, sets the Status cell to `Open`, or removes the strikethrough that made the item done; null when there is nothing to do. */
export function reopenEdit(text: string, uri: string, line: number, model: Postmortem): WorkspaceEdit | null {
  if (model.text !== text) return null;
  const lines = new LineIndex(text);
  const item = model.actionItems.find((candidate) => lines.positionAt(candidate.span.start).line === line);
  if (!item || item.status !== 'done') return null;
  const edits = item.container === 'table' ? tableReopenEdits(text, lines, line) : listReopenEdits(text, lines, line, item);
  return edits.length > 0 ? { changes: { [uri]: edits.map((edit) => ({ range: toRange(lines, edit.span), newText: edit.newText })) } } : null;
}

function listReopenEdits(text: string, lines: LineIndex, line: number, item: ActionItem): TextEdit[] {
  const marker = listMarker.exec(text.slice(item.span.start, lines.lineEnd(line)));
  if (!marker) return [];
  const at = item.span.start + marker[0].length;
  if (/^\[[xX]\]/.test(text.slice(at, at + 3))) return [{ span: { start: at + 1, end: at + 2 }, newText: ' ' }];
  return unstrike(text, at, lines.lineEnd(line));
}

function tableReopenEdits(text: string, lines: LineIndex, line: number): TextEdit[] {
  const header = headerLine(text, lines, line);
  if (header === undefined) return [];
  const titles = cellsOf(text, lines, header).map((cell) => text.slice(cell.start, cell.end).trim().replace(/[*_:]/g, ''));
  const row = cellsOf(text, lines, line);
  const cell = row[titles.findIndex((title) => statusHeader.test(title))];
  if (cell) return [{ span: cell, newText: withPadding(text.slice(cell.start, cell.end), 'Open', cell.closed) }];
  const first = row[0];
  return first ? unstrike(text, first.start, first.end) : [];
}

/** Removes the `~~` pair that strikes the text from its first word on. */
function unstrike(text: string, from: number, to: number): TextEdit[] {
  const start = from + (text.slice(from, to).length - text.slice(from, to).trimStart().length);
  if (!text.startsWith('~~', start)) return [];
  const end = text.indexOf('~~', start + 2);
  if (end < 0 || end >= to) return [];
  return [{ span: { start, end: start + 2 }, newText: '' }, { span: { start: end, end: end + 2 }, newText: '' }];
}

const listMarker = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;

function listEdit(text: string, lines: LineIndex, line: number, item: ActionItem): TextEdit | undefined {
  const marker = listMarker.exec(text.slice(item.span.start, lines.lineEnd(line)));
  if (!marker) return undefined;
  const at = item.span.start + marker[0].length;
  if (item.container === 'list') return { span: { start: at, end: at }, newText: '[x] ' };
  return /^\[[ \t]\]/.test(text.slice(at, at + 3)) ? { span: { start: at + 1, end: at + 2 }, newText: 'x' } : undefined;
}

interface Cell extends Span {
  /** A pipe follows the cell, so its padding keeps the column aligned. */
  closed: boolean;
}

const statusHeader = /^(status|state|done)$/i;
const delimiterRow = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function tableEdit(text: string, lines: LineIndex, line: number, item: ActionItem): TextEdit | undefined {
  const header = headerLine(text, lines, line);
  if (header === undefined) return undefined;
  const titles = cellsOf(text, lines, header).map((cell) => text.slice(cell.start, cell.end).trim().replace(/[*_:]/g, ''));
  const row = cellsOf(text, lines, line);
  const status = titles.findIndex((title) => statusHeader.test(title));
  if (status >= 0) {
    const cell = row[status];
    return cell ? { span: cell, newText: withPadding(text.slice(cell.start, cell.end), 'Done', cell.closed) } : undefined;
  }
  // Without a Status column, a row struck through from its start is done; striking any cell but the action would mangle it.
  const first = row[0];
  // The action cell's span starts at its pipe, so its first word tells which cell it is.
  const word = text.slice(item.descriptionSpan.start, item.descriptionSpan.end).search(/[^\s|]/);
  const wordAt = item.descriptionSpan.start + word;
  if (!first || word < 0 || wordAt < first.start || wordAt >= first.end) return undefined;
  const raw = text.slice(first.start, first.end);
  const content = raw.trim();
  if (!content) return undefined;
  const start = first.start + raw.indexOf(content);
  return { span: { start, end: start + content.length }, newText: `~~${content}~~` };
}

/** The table's header line: the one above the delimiter row found by walking up through the rows. */
function headerLine(text: string, lines: LineIndex, line: number): number | undefined {
  for (let above = line - 1; above > 0; above--) {
    const source = text.slice(lines.lineStart(above), lines.lineEnd(above));
    if (delimiterRow.test(source)) return above - 1;
    if (!source.includes('|')) return undefined;
  }
  return undefined;
}

/** The cells of a table line, split at unescaped pipes, without the empty pieces outside a leading or trailing pipe. */
function cellsOf(text: string, lines: LineIndex, line: number): Cell[] {
  const start = lines.lineStart(line);
  const end = lines.lineEnd(line);
  const cells: Cell[] = [];
  let cellStart = start;
  for (let i = start; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      cells.push({ start: cellStart, end: i, closed: true });
      cellStart = i + 1;
    }
  }
  cells.push({ start: cellStart, end, closed: false });
  const blank = (cell: Cell) => text.slice(cell.start, cell.end).trim() === '';
  if (cells.length > 1 && blank(cells[0])) cells.shift();
  if (cells.length > 1 && blank(cells[cells.length - 1])) cells.pop();
  return cells;
}

/** The new cell text with the old leading space, padded to the old width when a pipe follows. */
function withPadding(raw: string, value: string, closed: boolean): string {
  const empty = raw.trim() === '';
  const leading = empty ? raw.slice(0, 1) : raw.slice(0, raw.length - raw.trimStart().length);
  const body = leading + value;
  if (!closed) return body;
  const minTrailing = raw !== raw.trimEnd() ? 1 : 0;
  return body.padEnd(Math.max(raw.length, body.length + minTrailing));
}
