// Timeline entries from the blocks of the Timeline section: lists, paragraph lines, tables, quotes.
import type { Heading, List, Paragraph, Table, TableCell } from 'mdast';
import type { Span, TimelineEntry } from './model';
import type { Derive, RootContent } from './markdown';
import { spanOf } from './markdown';
import { plainText } from './inline';
import { shiftSpan } from './text';
import type { AnalysisCache } from './cache';
import { readLeadingTimestamp, readTimestamp, type LeadingTimestamp, type TimeContext } from './time';

export interface Block {
  node: RootContent;
  /** Offset of the block's chunk in the document; the node's positions are relative to it. */
  base: number;
  chunkText: string;
}

const timeHeader = /\b(time|timestamp|when|utc)\b/i;
const dateHeader = /^\s*(date|day)\s*$/i;

interface BlockResult {
  entries: TimelineEntry[];
  lastDate: string | undefined;
  previous: number | undefined;
  group: number;
}

export interface TimelineReading {
  /** Zone of times written without one. */
  timezone: string;
  /** The date stated for the incident, carried to the first entries that name none. */
  incidentDate: string | undefined;
  /** `YYYY-MM-DD`, the day a date without a year may not pass (see `TimeContext.latestDay`). */
  latestDay?: string;
  /** Keeps timestamps read between analyses. */
  cache?: AnalysisCache;
}

/**
 * Reads the timeline from its blocks, in document order (sub-headings carry dates forward). Each
 * block is read against its chunk's text with chunk-relative offsets, so that an unchanged block
 * met with the same dates carried in is taken from `derive` instead of read again.
 */
export function readTimeline(blocks: readonly Block[], derive: Derive, reading: TimelineReading): TimelineEntry[] {
  const { timezone, latestDay } = reading;
  const reader = new BlockReader({ lastDate: reading.incidentDate, previous: undefined, timezone, latestDay, cache: reading.cache });
  const all: TimelineEntry[] = [];
  for (const block of blocks) {
    const { context } = reader;
    const key = `timeline\u0000${context.lastDate}\u0000${context.previous}\u0000${timezone}\u0000${reader.group}\u0000${latestDay}`;
    const result = derive<BlockResult>(block.node, key, () => reader.read(block));
    reader.resume(result);
    for (const entry of result.entries) all.push({ ...entry, span: shiftSpan(entry.span, block.base), timeSpan: shiftSpan(entry.timeSpan, block.base) });
  }
  return all;
}

/** Reads one block at a time, carrying the date, the previous instant and the group number from block to block. */
class BlockReader {
  group = 0;
  private entries: TimelineEntry[] = [];
  private text = '';

  constructor(readonly context: TimeContext) {}

  /** The block's entries, with chunk-relative spans, and what it carries forward. */
  read(block: Block): BlockResult {
    this.entries = [];
    this.text = block.chunkText;
    this.readBlock(block.node);
    return { entries: this.entries, lastDate: this.context.lastDate, previous: this.context.previous, group: this.group };
  }

  /** Continues after a block whose result was remembered instead of read. */
  resume(result: BlockResult): void {
    this.context.lastDate = result.lastDate;
    this.context.previous = result.previous;
    this.group = result.group;
  }

  private readBlock(node: RootContent): void {
    switch (node.type) {
      case 'list':
        return this.readList(node);
      case 'paragraph':
        return this.readParagraphLines(node);
      case 'table':
        return this.readTable(node);
      case 'heading':
        return this.readHeading(node);
      case 'blockquote':
        for (const child of node.children) this.readBlock(child);
        return;
      default:
        return;
    }
  }

  private add(timestamp: LeadingTimestamp, span: Span, contentStart: number, description: string, container: TimelineEntry['container']): void {
    const readAfter = { lastDate: this.context.lastDate, previous: this.context.previous };
    // A line that is only a date ("**Jan 16**") sets the day for the entries after it.
    if (timestamp.hasDate && !description && timestamp.instant !== undefined) {
      this.context.lastDate = timestamp.date ?? this.context.lastDate;
      return;
    }
    advance(this.context, timestamp);
    const timeStart = contentStart + timestamp.textStart;
    this.entries.push({
      span,
      timeSpan: { start: timeStart, end: timeStart + timestamp.text.length },
      timeText: timestamp.text,
      description,
      instant: timestamp.instant,
      timeError: timestamp.instant === undefined ? timestamp.error ?? `'${timestamp.text}' is not a readable time` : undefined,
      group: this.group,
      container,
      readAfter,
    });
  }

  private readParagraphLines(paragraph: Paragraph): void {
    const span = spanOf(paragraph, 0);
    let lineStart = span.start;
    this.group++;
    for (const rawLine of this.text.slice(span.start, span.end).split('\n')) {
      const line = rawLine.replace(/\r$/, '');
      // Continuation lines of a paragraph inside a block quote keep their `>` marks.
      const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(line)?.[0] ?? '';
      const content = line.slice(prefix.length);
      const timestamp = readLeadingTimestamp(content, this.context);
      if (timestamp) {
        const contentStart = lineStart + prefix.length;
        const description = clean(content.slice(timestamp.length));
        this.add(timestamp, { start: contentStart, end: lineStart + line.replace(/(?: {2,}|\\)$/, '').trimEnd().length }, contentStart, description, 'paragraph');
      }
      lineStart += rawLine.length + 1;
    }
  }

  private readList(list: List): void {
    this.group++;
    const listGroup = this.group;
    for (const item of list.children) {
      const [first, ...rest] = item.children;
      this.group = listGroup;
      if (first?.type === 'paragraph') {
        const paragraph = spanOf(first, 0);
        const content = this.text.slice(paragraph.start, paragraph.end);
        const timestamp = readLeadingTimestamp(content, this.context);
        if (timestamp) {
          const itemSpan = spanOf(item, 0);
          this.add(timestamp, { start: itemSpan.start, end: trimEnd(this.text, itemSpan.end) }, paragraph.start, clean(content.slice(timestamp.length)), 'list');
        }
      }
      for (const child of rest) this.readBlock(child);
    }
  }

  private readTable(table: Table): void {
    this.group++;
    const header = table.children[0]?.children.map((cell) => plainText(cell)) ?? [];
    let timeColumn = header.findIndex((title) => timeHeader.test(title));
    const dateColumn = header.findIndex((title) => dateHeader.test(title));
    if (timeColumn < 0) timeColumn = dateColumn >= 0 ? dateColumn : 0;
    for (const row of table.children.slice(1)) {
      if (dateColumn >= 0 && dateColumn !== timeColumn) {
        const dateCell = cellContent(row.children[dateColumn], this.text);
        const date = dateCell && readTimestamp(dateCell.text, this.context);
        if (date?.date) this.context.lastDate = date.date;
      }
      const cell = cellContent(row.children[timeColumn], this.text);
      const timestamp = cell && readTimestamp(cell.text, this.context);
      if (!cell || !timestamp) continue;
      const description = row.children
        .filter((_, i) => i !== timeColumn && i !== dateColumn)
        .map((c) => plainText(c).trim())
        .filter(Boolean)
        .join(' — ');
      this.add(timestamp, spanOf(row, 0), cell.start, description, 'table');
    }
  }

  private readHeading(heading: Heading): void {
    const span = spanOf(heading, 0);
    const source = this.text.slice(span.start, span.end).replace(/^#+[ \t]*/, '');
    const timestamp = readLeadingTimestamp(source, this.context);
    if (timestamp?.hasDate && timestamp.date) this.context.lastDate = timestamp.date;
  }
}

function cellContent(cell: TableCell | undefined, text: string): { start: number; text: string } | undefined {
  if (!cell || cell.children.length === 0) return undefined;
  const start = spanOf(cell.children[0], 0).start;
  const end = spanOf(cell.children[cell.children.length - 1], 0).end;
  return { start, text: text.slice(start, end) };
}

/** A description without the separator and markup that follow a timestamp. */
function clean(description: string): string {
  return description
    .replace(/^[\s:|\-–—*_>]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** What reading an entry's timestamp carries forward to the next one. */
function advance(context: TimeContext, timestamp: LeadingTimestamp): void {
  if (timestamp.date) context.lastDate = timestamp.date;
  if (timestamp.instant !== undefined) context.previous = timestamp.instant;
}

/**
 * The instants of one group's entries read again in another order, from where the group began:
 * moving an entry that names a day changes the day of the time-only entries after it.
 */
export function instantsInOrder(group: readonly TimelineEntry[], order: readonly TimelineEntry[], timezone: string, latestDay: string): (number | undefined)[] {
  const context: TimeContext = { ...group[0].readAfter, timezone, latestDay };
  return order.map((entry) => {
    const timestamp = readTimestamp(entry.timeText, context);
    if (timestamp) advance(context, timestamp);
    return timestamp?.instant;
  });
}

