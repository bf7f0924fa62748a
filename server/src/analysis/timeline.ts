// Timeline entries from the blocks of the Timeline section: lists, paragraph lines, tables, quotes.
import type { Heading, Html, List, Paragraph, Table, TableCell } from 'mdast';
import { parseEntities } from 'parse-entities';
import { htmlLines, htmlWords, isVerbatimHtml } from './html-blocks';
import type { Span, TimelineEntry } from './model';
import type { BlockPiece, Derive, RootContent } from './markdown';
import { listMarker, spanOf } from './markdown';
import { plainText } from './inline';
import { shiftSpan } from './text';
import type { AnalysisCache } from './cache';
import { addDays, parseDuration, readLeadingTimestamp, readTimestamp, type LeadingTimestamp, type TimeContext } from './time';

export interface Block extends BlockPiece {
  /** Index of the Timeline section the block is in; a new one starts a timeline of its own. */
  timelineSection?: number;
}

const timeHeader = /\b(time|timestamp|when|utc)\b/i;
const dateHeader = /^\s*date\s*$/i;
const dayHeader = /^\s*day\s*$/i;
const emptyCell = /^\s*(?:[-–—]+|n\/?a)\s*$/i;
// 'Day 2', 'D2', or a bare '2' in a Day column: days counted from the first date of the table.
const dayNumber = /^\s*(?:day\s*|d)?(\d{1,2})\s*$/i;
// A line that is only a day label: 'Day 2', '**Day 3:**', 'Day 2 (March 4)', 'Day 2 - 2024-03-04'.
const dayLabel = /^(?:\*\*|__)?day[ \t]+(\d{1,2})(?:\*\*|__)?[ \t]*[:.]?(?:\*\*|__)?(?:[ \t]*[-–—(:,][ \t]*(.+?)\)?)?[ \t]*(?:\*\*|__)?:?[ \t]*$/i;

// A milestone named before its full date and time: "First detected 2024-03-02 11:57", "Resolved: 2024-03-02 14:38 UTC".
const trailingStamp = /^((?:[\p{L}][\p{L}'-]*[ \t]+){1,5}?(?:[\p{L}][\p{L}'-]*)?[ \t]*[:\-–—]?[ \t]*)\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:Z|UTC|GMT|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?[ \t]*$/u;
// A milestone labelled before its clock time: "Fix deployed: 09:12 UTC on May 3, 2021"; a length of time is no milestone.
const labelledClock = /^((?:[\p{L}][\p{L}'-]*[ \t]+){0,6}?[\p{L}][\p{L}'-]*[ \t]*:[ \t]*)(?=\d{1,2}:\d{2}(?!\d))/u;
const lengthOfTime = /\b(?:duration|total|elapsed|length|time[ \t]+(?:to|since|in)|downtime|mttr|mttd|ttr|ttd|ttm)\b/i;

// An offset from the timeline's first time, as some teams write the rows after it: '+10 minutes', '\\[+2 hrs]', 'T+30m', '+2 business days later'.
const offsetStamp = /^[ \t]*(?:\\?\[|\()?[ \t]*T?[ \t]*\+[ \t]*(\d{1,4}(?:\.\d+)?)[ \t]*(minutes?|mins?|m|hours?|hrs?|h|(?:business[ \t]+|working[ \t]+)?days?|d)\b(?:[^\])\n|]{0,20}?(?:\\?\]|\)))?/i;

interface BlockResult {
  entries: TimelineEntry[];
  /** The first instant the timeline named, which offsets count from. */
  start: number | undefined;
  lastDate: string | undefined;
  previous: number | undefined;
  twelveHour: boolean | undefined;
  twentyFourHour: boolean | undefined;
  compactClock: boolean | undefined;
  firstDay: string | undefined;
  group: number;
  timeline: number;
}

export interface TimelineReading {
  /** Zone of times written without one. */
  timezone: string;
  /** The date stated for the incident (or by the timeline's heading), carried to the first entries that name none. */
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
  reader.firstDay = reading.incidentDate;
  const all: TimelineEntry[] = [];
  let section = blocks[0]?.timelineSection;
  for (const block of blocks) {
    if (block.timelineSection !== section) reader.startTimeline();
    section = block.timelineSection;
    const { context } = reader;
    const key = `timeline\u0000${context.lastDate}\u0000${context.previous}\u0000${timezone}\u0000${reader.group}\u0000${reader.timeline}\u0000${latestDay}\u0000${context.twelveHour}\u0000${context.twentyFourHour}\u0000${context.compactClock}\u0000${reader.firstDay}\u0000${reader.start}`;
    const result = derive<BlockResult>(block.node, key, () => reader.read(block));
    reader.resume(result);
    for (const entry of result.entries) all.push({ ...entry, span: shiftSpan(entry.span, block.base), timeSpan: shiftSpan(entry.timeSpan, block.base) });
  }
  return all;
}

/** Reads one block at a time, carrying the date, the previous instant and the group number from block to block. */
class BlockReader {
  group = 0;
  timeline = 0;
  /** The first date the timeline named: 'Day 2' is the day after it. */
  firstDay: string | undefined;
  /** The first instant the timeline named: '+10 minutes' counts from it. */
  start: number | undefined;
  private entries: TimelineEntry[] = [];
  private text = '';

  constructor(readonly context: TimeContext) {}

  /** The block's entries, with chunk-relative spans, and what it carries forward. */
  read(block: Block): BlockResult {
    this.entries = [];
    this.text = block.chunkText;
    this.readBlock(block.node);
    return { entries: this.entries, start: this.start, lastDate: this.context.lastDate, previous: this.context.previous, twelveHour: this.context.twelveHour, twentyFourHour: this.context.twentyFourHour, compactClock: this.context.compactClock, firstDay: this.firstDay, group: this.group, timeline: this.timeline };
  }

  /** Another Timeline section: its first time follows no time of the one before (no midnight rollover from it). */
  startTimeline(): void {
    this.timeline++;
    this.context.previous = undefined;
    this.start = undefined;
  }

  /** Continues after a block whose result was remembered instead of read. */
  resume(result: BlockResult): void {
    this.context.lastDate = result.lastDate;
    this.context.previous = result.previous;
    this.context.twelveHour = result.twelveHour;
    this.context.twentyFourHour = result.twentyFourHour;
    this.context.compactClock = result.compactClock;
    this.firstDay = result.firstDay;
    this.start = result.start;
    this.group = result.group;
    this.timeline = result.timeline;
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
      case 'html':
        return this.readHtmlLines(node);
      default:
        return;
    }
  }

  private add(timestamp: LeadingTimestamp, span: Span, contentStart: number, description: string, container: TimelineEntry['container'], rowDay?: string): void {
    const readAfter = { lastDate: this.context.lastDate, previous: this.context.previous, twelveHour: this.context.twelveHour, twentyFourHour: this.context.twentyFourHour, compactClock: this.context.compactClock };
    // A line that is only a date ("**Jan 16**") sets the day for the entries after it.
    if (timestamp.hasDate && !timestamp.hasTime && !description && timestamp.instant !== undefined) {
      this.setDay(timestamp.date);
      return;
    }
    advance(this.context, timestamp);
    if (timestamp.hasDate) this.firstDay ??= timestamp.date;
    this.start ??= timestamp.instant;
    const timeStart = contentStart + timestamp.textStart;
    this.entries.push({
      span,
      timeSpan: { start: timeStart, end: timeStart + timestamp.text.length },
      timeText: timestamp.text,
      description,
      instant: timestamp.instant,
      timeError: timestamp.instant === undefined ? timestamp.error ?? `'${timestamp.text}' is not a readable time` : undefined,
      group: this.group,
      timeline: this.timeline,
      container,
      dayOnly: !timestamp.hasTime,
      wholeMinute: timestamp.hasTime && !timestamp.hasSeconds,
      hasZone: timestamp.hasZone,
      guessed: timestamp.guessed,
      rowDay,
      readAfter,
    });
  }

  /** An offset from the timeline's first time ('+10 minutes'), read as that time plus the offset; said to be guessed, as a business day is not a fixed length. */
  private readOffset(text: string): LeadingTimestamp | undefined {
    const offset = this.start === undefined ? undefined : offsetStamp.exec(text);
    if (!offset || this.start === undefined) return undefined;
    // A business day is counted as a day: the offset only orders the rows, and is marked as guessed.
    const millis = parseDuration(`${offset[1]} ${offset[2].replace(/^(?:business|working)[ \t]+/i, '')}`) ?? 0;
    const written = offset[0].trim();
    const textStart = offset[0].indexOf(written);
    const common = { error: undefined, date: undefined, hasDate: false, hasZone: false, hasTime: true, hasSeconds: false, guessed: true, twelveHour: false, twentyFourHour: false, compactClock: false };
    return { ...common, length: offset[0].length, text: written, textStart, instant: this.start + millis };
  }

  private setDay(date: string | undefined): void {
    if (date === undefined) return;
    this.context.lastDate = date;
    this.firstDay ??= date;
  }

  /** 'Day 2', '**Day 3:**', 'Day 2 (March 4)': a day label. Without a date of its own it counts from the first date. */
  private readDayLabel(text: string): boolean {
    const label = dayLabel.exec(text);
    if (!label) return false;
    const named = label[2] ? readLeadingTimestamp(label[2], this.context) : undefined;
    if (named?.hasDate && !named.hasTime) this.setDay(named.date);
    else if (this.firstDay) this.context.lastDate = addDays(this.firstDay, Number(label[1]) - 1);
    return true;
  }

  /** The lines of a block of rich-text HTML, as a paragraph's lines are read: each that starts with a time is an entry. */
  private readHtmlLines(block: Html): void {
    if (isVerbatimHtml(block.value)) return;
    const blockStart = spanOf(block, 0).start;
    const lines = htmlLines(block.value).map((line) => ({ start: blockStart + line.start, text: line.text }));
    this.readLines(lines, parseEntities, () => htmlWords(block.value));
  }

  private readParagraphLines(paragraph: Paragraph): void {
    const span = spanOf(paragraph, 0);
    const lines: { start: number; text: string }[] = [];
    let lineStart = span.start;
    for (const rawLine of this.text.slice(span.start, span.end).split('\n')) {
      lines.push({ start: lineStart, text: rawLine.replace(/\r$/, '') });
      lineStart += rawLine.length + 1;
    }
    this.readLines(lines, (words) => words, () => this.text.slice(span.start, span.end));
  }

  /** Lines at their offsets in the chunk, one group: each that starts with a time is an entry; with none, the times in `prose` carry forward. */
  private readLines(lines: readonly { start: number; text: string }[], decode: (words: string) => string, prose: () => string): void {
    this.group++;
    const entriesBefore = this.entries.length;
    for (const { start: lineStart, text: line } of lines) {
      // Continuation lines of a paragraph inside a block quote keep their `>` marks; a heading mark without its space ("####2:39 PM") is no heading.
      const prefix = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=\d))?/.exec(line)?.[0] ?? '';
      const content = line.slice(prefix.length);
      // "[Monday 4 September](#monday-4-september)": a table of contents pointing at the days below, not an entry.
      if (/^[ \t]*(?:[-*+][ \t]+)?\[[^\]]*\]\(#[^)\s]*\)/.test(content)) continue;
      const timestamp = this.readDayLabel(content) ? undefined : (this.readOffset(content) ?? readLeadingTimestamp(content, this.context));
      if (!timestamp) continue;
      const contentStart = lineStart + prefix.length;
      this.add(timestamp, { start: contentStart, end: lineStart + line.replace(/(?: {2,}|\\)$/, '').trimEnd().length }, contentStart, clean(decode(content.slice(timestamp.length))), 'paragraph');
    }
    if (this.entries.length === entriesBefore) this.passTimesInProse(prose());
  }

  /**
   * A paragraph of the story between entries ("... and restarted the workers at 18:05 UTC. At 03:20 UTC a backup
   * finished.") tells the clock moved on, past midnight maybe: its times carry forward as an entry's would, without being entries.
   */
  private passTimesInProse(words: string): void {
    for (const match of words.matchAll(timeInProse)) {
      const timestamp = readLeadingTimestamp(words.slice(match.index + match[0].length - match[1].length), this.context);
      if (timestamp?.hasTime && !timestamp.hasDate) advance(this.context, timestamp);
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
        const timestamp = this.readOffset(content) ?? readLeadingTimestamp(content, this.context);
        const itemSpan = { start: spanOf(item, 0).start, end: trimEnd(this.text, spanOf(item, 0).end) };
        const firstLine = content.split('\n', 1)[0];
        const labelled = labelledClock.exec(firstLine);
        const trailing = timestamp ? undefined : (trailingStamp.exec(firstLine.replace(/[ \t]*<!--.*?-->[ \t]*$/, '')) ?? (labelled && !lengthOfTime.test(labelled[1]) ? labelled : null));
        const late = trailing && readLeadingTimestamp(content.slice(trailing.index + trailing[1].length), this.context);
        if (timestamp) this.add(timestamp, itemSpan, paragraph.start, clean(content.slice(timestamp.length)), 'list');
        else if (trailing && late?.hasTime) this.add(late, itemSpan, paragraph.start + trailing.index + trailing[1].length, clean(trailing[1]), 'list');
      }
      for (const child of rest) this.readBlock(child);
    }
  }

  private readTable(table: Table): void {
    this.group++;
    const header = table.children[0]?.children.map((cell) => plainText(cell)) ?? [];
    const dateColumn = header.findIndex((title) => dateHeader.test(title));
    const dayColumn = header.findIndex((title) => dayHeader.test(title));
    let timeColumn = header.findIndex((title) => timeHeader.test(title));
    if (timeColumn < 0) timeColumn = [dateColumn, dayColumn, 0].find((column) => column >= 0) ?? 0;
    const dayColumns = [dateColumn, dayColumn].filter((column) => column >= 0 && column !== timeColumn);
    for (const row of table.children.slice(1)) {
      // A Date cell names the day; a Day cell counts days ('Day 2') or names one; an empty cell keeps the day above.
      let rowDay: string | undefined;
      for (const column of dayColumns) {
        const dayCell = cellContent(row.children[column], this.text);
        const counted = dayCell && dayNumber.exec(dayCell.text);
        const date = counted ? this.firstDay && addDays(this.firstDay, Number(counted[1]) - 1) : dayCell && readTimestamp(dayCell.text, this.context)?.date;
        this.setDay(date);
        rowDay = date || rowDay;
      }
      const cell = cellContent(row.children[timeColumn], this.text);
      // A dash or "n/a" in the time column says the row has no time there (a second time column left blank).
      if (cell && emptyCell.test(cell.text)) continue;
      const timestamp = cell && (this.readOffset(cell.text) ?? readTimestamp(cell.text, this.context));
      if (!cell || !timestamp) continue;
      const description = row.children
        .filter((_, i) => i !== timeColumn && !dayColumns.includes(i))
        .map((c) => plainText(c).trim())
        .filter(Boolean)
        .join(' — ');
      this.add(timestamp, spanOf(row, 0), cell.start, description, 'table', rowDay);
    }
  }

  /** A heading under the timeline names a day ('### 2024-03-05'), or is an entry itself ('### 10:52', '### 7. May, 09:30'). */
  private readHeading(heading: Heading): void {
    const span = spanOf(heading, 0);
    const line = this.text.slice(span.start, span.end);
    const marker = /^#+[ \t]*/.exec(line)?.[0].length ?? 0;
    const source = line.slice(marker).replace(/[ \t]+#+[ \t]*$/, '');
    if (this.readDayLabel(source)) return;
    const timestamp = readLeadingTimestamp(source, this.context);
    if (!timestamp) return;
    if (timestamp.hasDate && !timestamp.hasTime) {
      this.setDay(timestamp.date);
      return;
    }
    this.group++;
    this.add(timestamp, { start: span.start, end: span.start + marker + source.trimEnd().length }, span.start + marker, clean(source.slice(timestamp.length)), 'heading');
  }
}

function cellContent(cell: TableCell | undefined, text: string): { start: number; text: string } | undefined {
  if (!cell || cell.children.length === 0) return undefined;
  const start = spanOf(cell.children[0], 0).start;
  const end = spanOf(cell.children[cell.children.length - 1], 0).end;
  return { start, text: text.slice(start, end) };
}

// "at 18:05 UTC", "until 16:30", "At 03:20 UTC": a clock time told in a sentence, after the word that places an event at it.
const timeInProse = /\b(?:at|until|by|around)[ \t\n]+(\d{1,2}:\d{2}\b)/gi;

/** A description without the separator and markup that follow a timestamp. */
function clean(description: string): string {
  const cleaned = description
    .replace(/^[\s:|\-–—*_>=→·•]+/, '')
    .replace(/[\s|]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // In a wholly bold entry ("**01:38: alerts fire**") the opening marks went with the time: the closing ones are left alone.
  const closing = /(?:\*\*|__)$/.exec(cleaned)?.[0];
  return closing && cleaned.split(closing).length % 2 === 0 ? cleaned.slice(0, -2).trimEnd() : cleaned;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** What reading an entry's timestamp carries forward to the next one. */
function advance(context: TimeContext, timestamp: LeadingTimestamp): void {
  if (timestamp.date) context.lastDate = timestamp.date;
  if (timestamp.instant !== undefined) {
    context.previous = timestamp.instant;
    // A writer who once wrote "2:54 PM" keeps that clock through the bare "4:50" entries after it, until a 24-hour time says otherwise.
    context.twelveHour = timestamp.twelveHour || (context.twelveHour === true && !timestamp.twentyFourHour);
    context.twentyFourHour = timestamp.twentyFourHour;
    context.compactClock = timestamp.compactClock;
  }
}

/** A line that opens on a time the timeline reads as an entry's ("2024-05-07 3:36 PM - ...", "- 14:05 UTC ..."): a line of a log. */
export function opensOnTime(line: string): boolean {
  return leadingStamp(line)?.hasTime === true;
}

/** The line opens on a date with its time ("2024-01-13 11:52 - ..."): an entry of a dated log. */
export function opensOnDateAndTime(line: string): boolean {
  const stamp = leadingStamp(line);
  return stamp?.hasTime === true && stamp.hasDate;
}

/** The timestamp a line opens with, read with no date carried over (a list marker before it is skipped). */
export function leadingStamp(line: string): LeadingTimestamp | undefined {
  return readLeadingTimestamp(line.trimStart().replace(listMarker, ''), { lastDate: undefined, previous: undefined, timezone: 'UTC' });
}

/**
 * The instants of one group's entries read again in another order, from where the group began:
 * moving an entry that names a day changes the day of the time-only entries after it.
 */
export function instantsInOrder(group: readonly TimelineEntry[], order: readonly TimelineEntry[], timezone: string, latestDay: string): (number | undefined)[] {
  const context: TimeContext = { ...group[0].readAfter, timezone, latestDay };
  return order.map((entry) => {
    if (entry.rowDay) context.lastDate = entry.rowDay;
    const timestamp = readTimestamp(entry.timeText, context);
    if (timestamp) advance(context, timestamp);
    return timestamp?.instant;
  });
}

