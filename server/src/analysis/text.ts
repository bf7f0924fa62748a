import { parseEntities } from 'parse-entities';
import type { Span, TextEdit } from './model';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Converts offsets to line/column positions and back. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.lineStarts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Applies non-overlapping edits; throws when two edits overlap, so no text is ever lost silently. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor || edit.span.end < edit.span.start || edit.span.end > text.length) {
      throw new RangeError(`Overlapping or invalid edit at offset ${edit.span.start}`);
    }
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}

/** The visible characters `before` has more of than `after`: what an edit from one to the other removed. */
export function removedCharacters(before: string, after: string): string[] {
  const counts = new Map<string, number>();
  for (const char of before) if (!/\s/.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const char of after) if (counts.has(char)) counts.set(char, (counts.get(char) as number) - 1);
  return [...counts].filter(([, count]) => count > 0).map(([char]) => char);
}

/** Line breaks as spaces, so a hard-wrapped sentence reads as one line; every offset stays the same. */
/** The lines of a stretch of text, each with the offset it starts at (`from` for the first). */
export function linesWithOffsets(stretch: string, from: number): [number, string][] {
  const lines: [number, string][] = [];
  let offset = from;
  for (const line of stretch.split('\n')) {
    lines.push([offset, line]);
    offset += line.length + 1;
  }
  return lines;
}

export function joinLines(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

/** The same span `by` characters further on (parts read relative to their chunk are placed in the document). */
export function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The line break the document uses, so inserted text matches it. */
export function lineBreakOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Where the run of characters matching `char` (a one-character pattern) at the end of `text`
 * starts. A `[...]+$` regex finds the same in quadratic time when a long run sits inside the text.
 */
export function trailingRunStart(text: string, char: RegExp): number {
  let end = text.length;
  while (end > 0) {
    const low = text.charCodeAt(end - 1);
    // A character outside the Basic Multilingual Plane is two code units: test it whole.
    const start = low >= 0xdc00 && low <= 0xdfff && end >= 2 && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff ? end - 2 : end - 1;
    if (!char.test(text.slice(start, end))) break;
    end = start;
  }
  return end;
}

/** `text` without the characters matching `char` at its end, in linear time. */
export function trimEndMatching(text: string, char: RegExp): string {
  return text.slice(0, trailingRunStart(text, char));
}

/**
 * Inline code on one line: backticks, text without backticks, and as many backticks again (the
 * longest such pair wins, as CommonMark pairs them). Found from the runs of backticks in
 * linear time; the regex /(`+)[^`\n]+?\1/ does the same in quadratic time on a long run.
 */
export function backtickCodeSpans(text: string): Span[] {
  const spans: Span[] = [];
  const runs = [...text.matchAll(/`+/g)].map((run) => ({ start: run.index, end: run.index + run[0].length }));
  // Backticks used by the previous span cannot open the next one.
  let used = 0;
  for (let i = 0; i + 1 < runs.length; i++) {
    const open = { start: Math.max(runs[i].start, used), end: runs[i].end };
    const close = runs[i + 1];
    if (open.start >= open.end || text.slice(open.end, close.start).includes('\n')) continue;
    const length = Math.min(open.end - open.start, close.end - close.start);
    spans.push({ start: open.end - length, end: close.start + length });
    used = close.start + length;
  }
  return spans;
}

/** `text` with each inline code span replaced by `fill` characters of the same length. */
export function blankCode(text: string, fill = ' '): string {
  let result = '';
  let cursor = 0;
  for (const span of backtickCodeSpans(text)) {
    result += text.slice(cursor, span.start) + fill.repeat(span.end - span.start);
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

/** Text written literally inside a VS Code snippet: `$`, `}` and `\\` are snippet markup, so they are escaped. */
export function escapeSnippet(value: string): string {
  return value.replace(/[$}\\]/g, (character) => `\\${character}`);
}

// A character reference: `&#8211;`, `&#x2014;`, `&amp;`.
const entity = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;

/**
 * The source with each character reference replaced by what it stands for, padded with spaces to its length, so that
 * offsets into the result are offsets into the source (`A &amp; B` reads `A &     B`).
 */
export function decodeInPlace(source: string): string {
  return source.replace(entity, (reference) => {
    const decoded = parseEntities(reference);
    return decoded.length <= reference.length ? decoded.padEnd(reference.length, ' ') : reference;
  });
}
