// Metadata where people put it: YAML front matter, bold label lines (`**Severity**: SEV-1`), plain `Date: ...`
// lines under the title, a section named after the field (`## Date`), and a date written in the title.
import * as chrono from 'chrono-node/en';
import { DateTime } from 'luxon';
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { MetadataField, Postmortem, Span } from './model';
import type { PostmortemConfig } from './config';
import { trimEndMatching } from './text';
import { mayWriteCalendarDate } from './time';
import { remember, stringBytes, type AnalysisCache, type CacheTable } from './cache';

const keyAliases: Record<string, string> = {
  severity: 'severity',
  sev: 'severity',
  'incident severity': 'severity',
  'severity level': 'severity',
  date: 'date',
  'incident date': 'date',
  'date of incident': 'date',
  // Blog engines date a post by when it was published: a post about an outage is written within days of it.
  pubdate: 'date',
  publishdate: 'date',
  'publish date': 'date',
  'published date': 'date',
  'date published': 'date',
  'post date': 'date',
  // Exports of older blogs ("dateline: November 5, 2012, 10:04 am").
  dateline: 'date',
  // When the post was last changed: a date for the incident only when nothing else gives one.
  updated: 'updated',
  lastmod: 'updated',
  'last modified': 'updated',
  'last updated': 'updated',
  duration: 'duration',
  'total duration': 'duration',
  'incident duration': 'duration',
  'outage duration': 'duration',
  status: 'status',
  'incident status': 'status',
  'postmortem status': 'status',
  authors: 'authors',
  author: 'authors',
  'written by': 'authors',
  'prepared by': 'authors',
  owner: 'authors',
  timezone: 'timezone',
  'time zone': 'timezone',
  tz: 'timezone',
  'incident commander': 'commander',
  ic: 'commander',
  title: 'title',
  type: 'type',
  // Where the incident happened: insights read these names as the place, not the cause.
  services: 'services',
  service: 'services',
  'affected services': 'services',
  components: 'services',
  component: 'services',
  systems: 'services',
  system: 'services',
};

/** The normalised key of a metadata label, or undefined when it is not metadata we read. */
export function metadataKey(label: string): string | undefined {
  // WordPress and other exports write keys in snake case ("post_date"); Drupal imports write Ruby symbols (":title:").
  return keyAliases[label.trim().toLowerCase().replace(/^:/, '').replace(/[\s_]+/g, ' ')];
}

export interface FrontMatter {
  span: Span;
  data: Record<string, unknown> | undefined;
  error: string | undefined;
  fields: MetadataField[];
}

/** Reads front matter; `value` is the YAML source between the fences, starting at `valueStart`. */
export function readFrontMatter(value: string, valueStart: number, span: Span): FrontMatter {
  const document = parseDocument(value, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) {
    const error = document.errors[0]?.message ?? 'front matter is not a mapping of keys to values';
    // Blog engines (Pelican, Jekyll) take `key: value` lines that strict YAML refuses (`site: @handle`): read them as lines.
    return { span, data: undefined, error, fields: readFrontMatterLines(value, valueStart, 'lines') };
  }
  const fields: MetadataField[] = [];
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = metadataKey(String(pair.key.value)) ?? String(pair.key.value).toLowerCase();
    const node = pair.value;
    const keyRange = pair.key.range ?? [0, 0, 0];
    let valueText = '';
    let range: [number, number] = [keyRange[1], keyRange[1]];
    if (isScalar(node)) {
      valueText = scalarText(node.value);
      if (node.range) range = [node.range[0], node.range[1]];
    } else if (isSeq(node)) {
      valueText = node.items.map((item) => (isScalar(item) ? scalarText(item.value) : '')).join(', ');
      if (node.range) range = [node.range[0], node.range[1]];
    }
    fields.push({
      key,
      value: valueText.trim(),
      valueSpan: { start: valueStart + range[0], end: valueStart + range[1] },
      span: { start: valueStart + keyRange[0], end: valueStart + range[1] },
      source: 'front-matter',
    });
  }
  return { span, data: document.toJS() as Record<string, unknown>, error: undefined, fields };
}

// TOML front matter lines before the first table: `date = 2024-01-15`, `title = "..."`, `authors = ["...", "..."]`.
const tomlLine = /^[ \t]*([A-Za-z_][\w-]*|"[^"\n]*")[ \t]*=[ \t]*(.*?)[ \t]*$/;
const tomlTable = /^[ \t]*\[/;
// MDX module lines that state a field: `  date: '2024-01-15',` inside `export const post = { ... }`.
const moduleField = /^[ \t]*([A-Za-z_]\w*)[ \t]*:[ \t]*(['"`])(.*)\2[ \t]*,?[ \t]*$/;
// A metadata line in the comment that opens a page some site generators write (`.. date: 2016-12-22 01:00:00`).
const commentField = /^[ \t]*\.\.[ \t]+([A-Za-z_][\w-]*)[ \t]*:[ \t]*(\S.*?)[ \t]*$/;
// A top-level `key: value` line of front matter that YAML could not read as a whole.
const plainField = /^([A-Za-z_][\w-]*(?:[ \t]+[\w-]+){0,2})[ \t]*:[ \t]+(\S.*?)[ \t]*$/;

/**
 * The top-level keys of TOML front matter (`+++` fences), of YAML front matter read line by line, or the fields
 * an MDX page's module lines state; `source` is the text between the fences, or the module lines, starting at
 * `offset`. Tables and nested values are skipped.
 */
export function readFrontMatterLines(source: string, offset: number, shape: FrontMatterShape): MetadataField[] {
  const fields: MetadataField[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (shape === 'toml' && tomlTable.test(clean)) break;
    const field = fieldOnLine(clean, shape);
    if (field) {
      const valueStart = offset + lineStart + clean.lastIndexOf(field.written);
      fields.push({
        key: metadataKey(field.key) ?? field.key.toLowerCase(),
        value: field.value,
        valueSpan: { start: valueStart, end: valueStart + field.written.length },
        span: { start: offset + lineStart + clean.indexOf(field.key), end: valueStart + field.written.length },
        source: 'front-matter',
      });
    }
    lineStart += line.length + 1;
  }
  return fields;
}

/** How the metadata lines are written: TOML, YAML read line by line, an MDX page's module lines, or a comment's `.. key: value` lines. */
export type FrontMatterShape = 'toml' | 'lines' | 'module' | 'comment';

/** The key, the value as a writer reads it and the value as written, of one front matter line; module and comment lines state only metadata keys. */
function fieldOnLine(line: string, shape: FrontMatterShape): { key: string; value: string; written: string } | undefined {
  if (shape === 'module') {
    const match = moduleField.exec(line);
    return match && metadataKey(match[1]) ? { key: match[1], value: match[3], written: match[3] } : undefined;
  }
  if (shape === 'comment') {
    const match = commentField.exec(line);
    return match && metadataKey(match[1]) ? { key: match[1], value: match[2], written: match[2] } : undefined;
  }
  const match = shape === 'toml' ? tomlLine.exec(line) : plainField.exec(line);
  if (!match) return undefined;
  const value = shape === 'toml' ? tomlValue(match[2]) : match[2].replace(/^(["'])(.*)\1$/, '$2');
  return value !== undefined ? { key: match[1].replace(/^"|"$/g, ''), value, written: match[2] } : undefined;
}

/** A TOML value as a writer reads it: a string without its quotes, an array of strings joined, a date, a number. */
function tomlValue(raw: string): string | undefined {
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  if (quoted) return quoted[2];
  if (raw.startsWith('[')) return [...raw.matchAll(/(["'])(.*?)\1/g)].map((item) => item[2]).join(', ');
  return /^[\w:.+-]+$/.test(raw) ? raw : undefined;
}

// `**Severity**: SEV-1`, `**Severity:** SEV-1`, `- **Date**: 2024-01-15`, `__Status__ - Resolved`
const labelLine = /^([ \t]*(?:[-*+][ \t]+)?)(\*\*|__)([^*_\n:]{1,40}?)[ \t]*(:?)\2[ \t]*(:|-|–|—)?[ \t]*(.*)$/;
// `Date: 2024-01-15` without bold, read only where a document states its facts (under the title).
const plainLabelLine = /^([ \t]*(?:[-*+][ \t]+)?)()([A-Za-z][A-Za-z ]{0,30}?)[ \t]*()(:)[ \t]+(\S.*)$/;
// `- Severity:` alone, its value in the bullet nested under it.
const plainListLabelAlone = /^([ \t]*[-*+][ \t]+)()([A-Za-z][A-Za-z ]{0,30}?)[ \t]*()(:)[ \t]*()$/;

/** A line without the trailing backslash or two spaces that make a Markdown hard line break. */
function withoutHardBreak(line: string): string {
  if (line.endsWith('\\')) return line.slice(0, -1);
  // Some editors write a trailing space as an entity ("**Severity:**&#x20;").
  const spaceEntity = /(?:&#x20;|&#32;|&nbsp;)+$/.exec(line);
  if (spaceEntity) return line.slice(0, spaceEntity.index);
  return line.endsWith('  ') ? trimEndMatching(line, / /) : line;
}

// A nested bullet right under a label with no value holds the value: "* **Severity:**" over "  * SEV-1 - full halt".
const nestedValue = /^([ \t]+[-*+][ \t]+)(\S.*?)[ \t]*$/;

/**
 * Reads bold label lines (and, with `plain`, `Label: value` lines) from a block's source text starting at `offset`.
 * With `keepUnknown`, a bold label the analysis has no use for (`**Incident commander**: ...`) is kept under its own words.
 */
export function readLabelLines(source: string, offset: number, plain = false, keepUnknown = false): MetadataField[] {
  const fields: MetadataField[] = [];
  const lines = source.split('\n');
  let nextLineStart = 0;
  lines.forEach((line, index) => {
    const lineStart = offset + nextLineStart;
    nextLineStart += line.length + 1;
    const clean = withoutHardBreak(line.endsWith('\r') ? line.slice(0, -1) : line);
    const match = labelLine.exec(clean) ?? (plain ? (plainLabelLine.exec(clean) ?? plainListLabelAlone.exec(clean)) : null);
    if (!match || !(match[4] || match[5])) return;
    const key = metadataKey(match[3]) ?? (keepUnknown && match[2] ? match[3].trim().toLowerCase().replace(/\s+/g, ' ') : undefined);
    const nested = match[6].trim() === '' && /^[ \t]*[-*+][ \t]/.test(clean) ? nestedValue.exec(lines[index + 1]?.replace(/\r$/, '') ?? '') : null;
    if (!key || (!match[2] && match[6] === '' && !nested)) return;
    const labelStart = lineStart + match[1].length;
    if (nested) {
      const valueStart = lineStart + line.length + 1 + nested[1].length;
      const valueSpan = { start: valueStart, end: valueStart + nested[2].length };
      fields.push({ key, value: nested[2], valueSpan, span: { start: labelStart, end: valueSpan.end }, source: 'label' });
      return;
    }
    const value = trimEndMatching(match[6], /[ \t]/);
    const valueStart = lineStart + clean.trimEnd().length - value.length;
    fields.push({ key, value, valueSpan: { start: valueStart, end: valueStart + value.length }, span: { start: labelStart, end: lineStart + clean.trimEnd().length }, source: 'label' });
  });
  return fields;
}

/** A YAML scalar as the text a writer would see; a date keeps only its day. */
function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/** A field stated as a section of its own (`## Date` followed by `2024-01-15`): the section's first line of text. */
export function sectionField(title: string, body: string, bodyStart: number, headingLine: { span: Span; text: string }): MetadataField | undefined {
  const inHeading = headingField(title, headingLine);
  if (inHeading) return inHeading;
  const heading = headingLine.span;
  const key = metadataKey(trimEndMatching(title.replace(/[*_`]/g, ''), /[:\s]/));
  const line = /^[ \t]*(?:[-*+][ \t]+)?(\S[^\r\n]*)/m.exec(body);
  if (!key || !line) return undefined;
  const value = trimEndMatching(line[1], /[ \t]/);
  const start = bodyStart + line.index + line[0].length - line[1].length;
  return { key, value, valueSpan: { start, end: start + value.length }, span: { start: heading.start, end: start + value.length }, source: 'section' };
}

/** A field stated in a heading itself (`## Date: 12th March 2023`), from its visible title and the heading line as written. */
function headingField(title: string, heading: { span: Span; text: string }): MetadataField | undefined {
  const match = /^([^:]{1,40}):[ \t]*(\S.*)$/.exec(title);
  const key = match && metadataKey(match[1].replace(/[*_`]/g, ''));
  if (!match || !key) return undefined;
  const value = match[2].trim();
  const at = heading.text.lastIndexOf(value);
  const valueSpan = at >= 0 ? { start: heading.span.start + at, end: heading.span.start + at + value.length } : heading.span;
  return { key, value, valueSpan, span: heading.span, source: 'section' };
}

/** A calendar date found in a line of text, such as a title. */
export interface DateInText {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Where the date is written in the text. */
  start: number;
  end: number;
  /** False for `March 16` or `4/26`, whose year was inferred. */
  yearWritten: boolean;
  /** True for `03/10/2021` or `03-10-2021`, where either number could be the month: the reading is a guess. */
  orderGuessed?: boolean;
}

// Two numbers that could each be the month, then an optional year: `03/10/2021`, `3.10.21`, `03/10`.
const numericDate = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.]\d{2,4})?$/;

// Numeric dates with a year: dots only with four digits, as version numbers (`4.13.10`) are dotted too.
const numericDatesWithYear = /\b(\d{1,2})(?:[-/](\d{1,2})[-/](?:\d{4}|\d{2})|\.(\d{1,2})\.\d{4})\b/g;

/** The order of day and month that a document's unambiguous numeric dates use (`29-09-2021` is day first), when they all agree. */
export function numericDateOrder(text: string): 'day-first' | 'month-first' | undefined {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const match of text.matchAll(numericDatesWithYear)) {
    const [first, second] = [Number(match[1]), Number(match[2] ?? match[3])];
    if (first > 12 && first <= 31 && second >= 1 && second <= 12) dayFirst++;
    else if (second > 12 && second <= 31 && first >= 1 && first <= 12) monthFirst++;
  }
  if (dayFirst > 0 && monthFirst === 0) return 'day-first';
  return monthFirst > 0 && dayFirst === 0 ? 'month-first' : undefined;
}

/** A date read with a guessed order, read again in the order the document's other dates settle; unchanged when they settle none. */
export function settleDateOrder(read: DateInText, written: string, order: 'day-first' | 'month-first' | undefined): DateInText {
  const numbers = numericDate.exec(written.slice(read.start, read.end));
  if (!read.orderGuessed || !order || !numbers) return read;
  const [first, second] = [Number(numbers[1]), Number(numbers[2])];
  const settled = DateTime.fromISO(read.date, { zone: 'utc' }).set(order === 'day-first' ? { month: second, day: first } : { month: first, day: second });
  return settled.isValid ? { ...read, date: settled.toISODate(), orderGuessed: false } : read;
}

/** Whether a numeric date leaves the order of day and month to a guess. */
function guessesOrder(written: string): boolean {
  const match = numericDate.exec(written);
  if (!match) return false;
  const [first, second] = [Number(match[1]), Number(match[2])];
  return first !== second && first >= 1 && first <= 12 && second >= 1 && second <= 12;
}

// Day-month-year for dates with dashes or dots (`14-02-2024`, `3.11.2023`), as Europe writes them; slashes stay month/day.
const littleEndian = new chrono.Chrono(chrono.configuration.createConfiguration(true, true));
const dashedNumericDate = /^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$/;
// A date names its day in digits; chrono also reads spans of time ("for 2 weeks"), which name none.
const writtenDate = /\d/;
const relativeWords = /\b(?:ago|later|earlier|before|after|next|last|this|within|for|in|days?|weeks?|months?|years?|hours?|minutes?|today|tomorrow|yesterday|now)\b/i;

/**
 * The first calendar date written in `text` (ISO, `14-02-2024`, `03/10/2021`, `March 3rd, 2022`, `12 Mar 2024`, `March 16`),
 * or undefined. A date without a year falls on the latest such day on or before `today` (`YYYY-MM-DD`): postmortems tell of the past.
 */
export function findDateIn(text: string, today: string, cache?: AnalysisCache): DateInText | undefined {
  const digit = text.search(/\d/);
  if (digit < 0) return undefined;
  // Most dates are ISO; when the first digit starts one, chrono is not needed.
  const iso = isoDateAt.exec(text.slice(digit));
  if (iso) {
    const date = DateTime.fromISO(iso[0], { zone: 'utc' });
    if (date.isValid) return { date: date.toISODate(), start: digit, end: digit + iso[0].length, yearWritten: true };
  }
  // chrono takes milliseconds on a line; titles and date fields are read again on every edit.
  return remember(cache?.table(datesRead), `${today}\u0000${text}`, () => ({ found: chronoDateIn(text, today) })).found;
}

const isoDateAt = /^\d{4}-\d{2}-\d{2}(?![\d-])/;

/** The date a file's name begins or holds (`2024-01-15-db.md`, `20240115_checkout.md`): teams often name postmortems by day. */
export function dateInFileName(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const written = /(?:^|[^\d])((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(name);
  if (!written) return undefined;
  const date = DateTime.fromObject({ year: Number(written[1]), month: Number(written[2]), day: Number(written[3]) }, { zone: 'utc' });
  return date.isValid ? (date.toISODate() ?? undefined) : undefined;
}

/** Dates read by chrono, by day and text; a miss is kept too, as `found: undefined`. */
const datesRead: CacheTable<{ found: DateInText | undefined }> = { maxBytes: 64 * 1024, sizeOf: (key) => stringBytes(key) + 96 };

function chronoDateIn(text: string, today: string): DateInText | undefined {
  if (!mayWriteCalendarDate(text)) return undefined;
  const reference = DateTime.fromISO(today, { zone: 'utc' });
  const instant = (reference.isValid ? reference : DateTime.utc()).toJSDate();
  for (const result of chrono.strict.parse(text, { instant, timezone: 0 })) {
    const read = dashedNumericDate.test(result.text) ? (littleEndian.parse(result.text, { instant, timezone: 0 })[0] ?? result) : result;
    const { start } = read;
    if (!start.isCertain('day') || !start.isCertain('month') || !writtenDate.test(result.text) || relativeWords.test(result.text)) continue;
    const yearWritten = start.isCertain('year');
    let date = DateTime.fromObject({ year: start.get('year') ?? reference.year, month: start.get('month') ?? 0, day: start.get('day') ?? 0 }, { zone: 'utc' });
    if (!yearWritten && date.toISODate()! > today) date = date.minus({ years: 1 });
    if (date.isValid) return { date: date.toISODate(), start: result.index, end: result.index + result.text.length, yearWritten, orderGuessed: guessesOrder(result.text) };
  }
  return undefined;
}

// `SEV-2`, `Sev 1`, `SEV1`, `severity 2`: a level of a severity scale written in the text.
const severityMention = /\bsev(?:erity)?[ \t_-]?\d\b/i;

/**
 * Whether severity belongs in this postmortem: the team turned `metadata-severity` on in its config, or the
 * document itself speaks of severity (a severity field, a heading or label naming it, or a level such as SEV-2).
 * Many teams grade no incidents, and asking them for a severity is noise.
 */
export function usesSeverity(model: Postmortem, config: PostmortemConfig): boolean {
  const setting = config.rules['metadata-severity']?.severity;
  if (setting !== undefined && setting !== 'off') return true;
  if (model.metadata.some((field) => field.key === 'severity')) return true;
  if (model.sections.some((section) => /^\W*severity\b/i.test(section.title))) return true;
  return model.prose.some((block) => severityMention.test(block.text));
}
