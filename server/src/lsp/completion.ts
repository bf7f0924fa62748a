// Completions from the current line and the model: section headings, severities, priorities, owners, due dates, timestamps.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams, type Range } from 'vscode-languageserver';
import { addDays, dueDateForPriority, escapeSnippet, dueWindowDays, expectedSections, headingTitle, isPlaceholderValue, lineBreakOf, type Postmortem, resolveZone, sectionDefinitions, type SectionKind, severityLevels } from '../analysis';
import type { AnalyzedDocument } from './analyzed-document';
import type { SnippetDefinition } from './snippets';

/** What the cursor's line says about where it is. */
interface Cursor {
  document: AnalyzedDocument;
  model: Postmortem;
  line: number;
  lineStart: number;
  offset: number;
  /** The line's text up to the cursor. */
  before: string;
}

const priorities = [0, 1, 2] as const;

export interface CompletionOptions {
  /** Offered at the start of a line by a word of their prefix. */
  snippets?: readonly SnippetDefinition[];
  /** The current time in milliseconds, for the timeline snippets written in the document's zone. */
  now?: number;
}

export function provideCompletions(document: AnalyzedDocument, params: CompletionParams, knownOwners: readonly string[], options: CompletionOptions = {}): CompletionItem[] {
  const model = document.analysis.model;
  if (!document.analysis.postmortem || !model) return [];
  const offset = document.lines.offsetAt(params.position);
  const line = document.lines.positionAt(offset).line;
  const lineStart = document.lines.lineStart(line);
  const cursor: Cursor = { document, model, line, lineStart, offset, before: document.text.slice(lineStart, offset) };
  return severityItems(cursor) ?? priorityItems(cursor) ?? ownerItems(cursor, knownOwners) ?? dueItems(cursor) ?? timestampItems(cursor) ?? headingItems(cursor) ?? snippetItems(cursor, options) ?? [];
}

/** A word alone at the start of a line, before the cursor, with nothing after it: where a snippet can be asked for. */
const snippetWord = /^[ \t]*([A-Za-z][A-Za-z-]*)$/;

/** Whether a letter typed here can bring a snippet: letters are trigger characters, so most keystrokes are answered without an analysis. */
export function maySuggestSnippet(lineBefore: string, lineAfter: string): boolean {
  return snippetWord.test(lineBefore) && lineAfter.trim() === '';
}

/** Snippets whose prefix, or a dash-separated word of it, starts with the typed word: `action` and `item` both find `action-item`. */
function snippetItems(cursor: Cursor, options: CompletionOptions): CompletionItem[] | undefined {
  const after = cursor.document.text.slice(cursor.offset, cursor.document.lines.lineEnd(cursor.line));
  const typed = maySuggestSnippet(cursor.before, after) ? snippetWord.exec(cursor.before)?.[1] : undefined;
  if (typed === undefined) return undefined;
  const word = typed.toLowerCase();
  // The whole template belongs in a document that has no section yet.
  const fresh = cursor.model.sections.length === 0;
  const zone = writtenZone(cursor.model);
  const items = (options.snippets ?? []).flatMap((snippet): CompletionItem[] => {
    const parts = snippet.prefix.toLowerCase().split('-');
    const from = parts.findIndex((_, i) => parts.slice(i).join('-').startsWith(word));
    if (from < 0 || (!fresh && snippet.body.startsWith('# '))) return [];
    const body = zone ? inZone(snippet.body, zone, options.now ?? Date.now()) : snippet.body;
    return [{
      label: snippet.prefix,
      kind: CompletionItemKind.Snippet,
      detail: snippet.name,
      documentation: snippet.description,
      // Filtered from the matched word on, so that typing on after `item` keeps `action-item` listed.
      filterText: snippet.prefix.split('-').slice(from).join('-'),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: rangeOf(cursor, cursor.offset - typed.length), newText: body },
    }];
  });
  return items.length > 0 ? items : undefined;
}

interface WrittenZone {
  text: string;
  /** Minutes ahead of UTC at an instant. */
  offset(at: number): number;
}

const zoneSuffix = /(?:\s|\d)((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|[A-Z]{2,5})$/;

/** The zone the document's last timeline entry that names one writes (`UTC`, `+02:00`, `CET`), so a new entry writes the same. */
function writtenZone(model: Postmortem): WrittenZone | undefined {
  for (const entry of [...model.timeline].reverse()) {
    const text = zoneSuffix.exec(entry.timeText.replace(/[*_]/g, '').trim())?.[1];
    const zone = text === undefined ? undefined : resolveZone(text);
    if (text !== undefined && zone) return { text, offset: (at) => zone.offset(at) };
  }
  return undefined;
}

/** The snippet's date, time and zone variables resolved in the document's zone instead of the editor's. */
function inZone(body: string, zone: WrittenZone, now: number): string {
  const local = new Date(now + zone.offset(now) * 60_000);
  const two = (value: number) => String(value).padStart(2, '0');
  const values: Record<string, string> = {
    CURRENT_YEAR: String(local.getUTCFullYear()),
    CURRENT_MONTH: two(local.getUTCMonth() + 1),
    CURRENT_DATE: two(local.getUTCDate()),
    CURRENT_HOUR: two(local.getUTCHours()),
    CURRENT_MINUTE: two(local.getUTCMinutes()),
    CURRENT_TIMEZONE_OFFSET: escapeSnippet(zone.text),
  };
  if (!body.includes('CURRENT_TIMEZONE_OFFSET')) return body;
  return body.replace(/\$\{?(CURRENT_[A-Z_]+)\}?/g, (whole, name: string) => values[name] ?? whole);
}

function rangeOf(cursor: Cursor, start: number, end = cursor.offset): Range {
  return { start: cursor.document.lines.positionAt(start), end: cursor.document.lines.positionAt(end) };
}

function inSection(cursor: Cursor, kind: SectionKind): boolean {
  return cursor.model.sections.some((section) => section.kind === kind && section.heading.end < cursor.offset && cursor.offset <= section.span.end);
}

function headingItems(cursor: Cursor): CompletionItem[] | undefined {
  const { model, before } = cursor;
  const last = model.sections[model.sections.length - 1];
  const typedHeading = /^#{1,6}(?:[ \t]\S*)*[ \t]*$/.test(before);
  const emptyAtEnd = before === '' && cursor.document.lines.lineEnd(cursor.line) === cursor.offset && (!last || last.heading.end < cursor.offset);
  if (!typedHeading && !emptyAtEnd) return undefined;
  const known = model.sections.filter((section) => section.kind !== undefined && section.depth > 1);
  const marks = '#'.repeat(known.length > 0 ? Math.min(...known.map((section) => section.depth)) : 2);
  const present = new Set(model.sections.map((section) => section.kind));
  const expected = expectedSections(model, cursor.document.config);
  const eol = lineBreakOf(model.text);
  return sectionDefinitions
    .filter((definition) => !present.has(definition.kind))
    .map((definition): CompletionItem => {
      const label = `${marks} ${headingTitle(model, definition.title)}`;
      const need = expected.required.includes(definition.kind) ? 'Required' : expected.recommended.includes(definition.kind) ? 'Recommended' : 'Optional';
      return {
        label,
        kind: CompletionItemKind.Module,
        detail: `${need} section, with its template`,
        sortText: String(sectionDefinitions.indexOf(definition)).padStart(2, '0'),
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: rangeOf(cursor, cursor.lineStart), newText: `${label}${eol}${eol}${definition.template.join(eol)}` },
      };
    });
}

function severityItems(cursor: Cursor): CompletionItem[] | undefined {
  const label = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)severity(?::(?:\*\*|__)|(?:\*\*|__):)[ \t]*(\S*)$/i.exec(cursor.before);
  const frontMatter = cursor.model.frontMatter;
  const key = frontMatter && frontMatter.span.start < cursor.offset && cursor.offset < frontMatter.span.end ? /^severity:[ \t]*(\S*)$/i.exec(cursor.before) : null;
  const typed = (label ?? key)?.[1];
  if (typed === undefined) return undefined;
  return severityLevels.map((level, index): CompletionItem => ({
    label: level.label,
    kind: CompletionItemKind.EnumMember,
    detail: level.meaning,
    sortText: String(index),
    textEdit: { range: rangeOf(cursor, cursor.offset - typed.length), newText: level.label },
  }));
}

function priorityItems(cursor: Cursor): CompletionItem[] | undefined {
  const typed = /\[(?:P[0-2]?)?$/i.exec(cursor.before)?.[0];
  if (typed === undefined || !inSection(cursor, 'action-items')) return undefined;
  // A bare `[` right after the list marker is where a task checkbox goes.
  if (typed === '[' && /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[$/.test(cursor.before)) return undefined;
  // The editor usually closes the bracket already; replace that `]` too.
  const end = cursor.document.text[cursor.offset] === ']' ? cursor.offset + 1 : cursor.offset;
  const labels = ['Urgent', 'High', 'Normal'];
  return priorities.map((priority): CompletionItem => ({
    label: `[P${priority}]`,
    kind: CompletionItemKind.EnumMember,
    detail: `${labels[priority]}: due within ${dueWindowDays(priority, cursor.document.config)} days of the postmortem`,
    sortText: String(priority),
    textEdit: { range: rangeOf(cursor, cursor.offset - typed.length, end), newText: `[P${priority}]` },
  }));
}

function ownerItems(cursor: Cursor, knownOwners: readonly string[]): CompletionItem[] | undefined {
  const handle = /(?:^|[\s(,])(@[\w.-]*)$/.exec(cursor.before)?.[1];
  const labelled = /\bowners?[ \t]*:[ \t]*([^,;()|]*)$/i.exec(cursor.before)?.[1];
  const typed = handle ?? labelled;
  if (typed === undefined) return undefined;
  // The item being typed already reads its half-written owner; that is no suggestion.
  const others = cursor.model.actionItems.filter((item) => cursor.offset < item.span.start || item.span.end < cursor.offset);
  const local = others.flatMap((item) => (item.owner && !item.ownerPlaceholder ? [item.owner.value] : []));
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const [owner, where] of [...local.map((o) => [o, 'this postmortem'] as const), ...knownOwners.map((o) => [o, 'the workspace'] as const)]) {
    const name = owner.trim();
    if (!name || isPlaceholderValue(name)) continue;
    // Only handles and single words can follow `@`.
    const text = handle === undefined ? name : name.startsWith('@') ? name : /^[\w.-]+$/.test(name) ? `@${name}` : undefined;
    if (text === undefined || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    items.push({ label: text, kind: CompletionItemKind.Reference, detail: `Owner in ${where}`, textEdit: { range: rangeOf(cursor, cursor.offset - typed.length), newText: text } });
  }
  return items;
}

function dueItems(cursor: Cursor): CompletionItem[] | undefined {
  const typed = /\bdue[ \t]*:[ \t]*([\d-]*)$/i.exec(cursor.before)?.[1] ?? (inSection(cursor, 'action-items') ? /\bdue[ \t]+([\d-]*)$/i.exec(cursor.before)?.[1] : undefined);
  if (typed === undefined) return undefined;
  const { today, config } = cursor.document;
  const from = cursor.model.date ?? today;
  const base = cursor.model.date ? 'the postmortem date' : 'today';
  const choices: [string, string][] = [
    [today, 'Today'],
    ...priorities.map((priority): [string, string] => [
      dueDateForPriority(priority, from, config),
      `P${priority} window end (${dueWindowDays(priority, config)} days from ${base})`,
    ]),
  ];
  return choices.map(([date, detail], index): CompletionItem => ({
    label: date,
    kind: CompletionItemKind.Value,
    detail,
    sortText: String(index),
    textEdit: { range: rangeOf(cursor, cursor.offset - typed.length), newText: date },
  }));
}

const stepMinutes = 5;
const clock = /(\d{1,2}):(\d{2})(:\d{2})?(?:([ \t]?)([ap])(\.?)m\b(\.?))?/i;
const isoDay = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;

function timestampItems(cursor: Cursor): CompletionItem[] | undefined {
  if (!/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/.test(cursor.before) || !inSection(cursor, 'timeline')) return undefined;
  const previous = cursor.model.timeline.filter((entry) => entry.instant !== undefined && entry.span.start < cursor.lineStart).pop();
  if (!previous) return undefined;
  const next = laterTimestamp(previous.timeText, stepMinutes);
  if (!next) return undefined;
  return [{
    label: next,
    kind: CompletionItemKind.Value,
    detail: `${stepMinutes} minutes after the previous entry (${previous.timeText})`,
    insertText: `${next} `,
    insertTextFormat: InsertTextFormat.PlainText,
  }];
}

/** The same notation as `written`, moved on by `minutes`; a written ISO date moves on past midnight. */
export function laterTimestamp(written: string, minutes: number): string | undefined {
  const match = clock.exec(written);
  if (!match) return undefined;
  const [whole, hourText, minuteText, seconds = '', space = '', meridiem, dot1 = '', dot2 = ''] = match;
  let hour = Number(hourText) % 24;
  if (meridiem) hour = (Number(hourText) % 12) + (/p/i.test(meridiem) ? 12 : 0);
  const total = hour * 60 + Number(minuteText) + minutes;
  const days = Math.floor(total / 1440);
  const newHour = Math.floor(total / 60) % 24;
  const newMinute = String(total % 60).padStart(2, '0');
  let time: string;
  if (meridiem) {
    const upper = meridiem === meridiem.toUpperCase();
    const half = newHour < 12 ? 'a' : 'p';
    time = `${newHour % 12 === 0 ? 12 : newHour % 12}:${newMinute}${seconds}${space}${upper ? half.toUpperCase() : half}${dot1}${upper ? 'M' : 'm'}${dot2}`;
  } else {
    time = `${String(newHour).padStart(hourText.length, '0')}:${newMinute}${seconds}`;
  }
  const result = written.slice(0, match.index) + time + written.slice(match.index + whole.length);
  const day = isoDay.exec(result);
  return days > 0 && day ? result.replace(isoDay, addDays(day[0], days)) : result;
}
