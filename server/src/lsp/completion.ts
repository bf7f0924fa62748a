// Completions from the current line and the model: section headings, severities, priorities, owners, due dates, timestamps.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams, type Range } from 'vscode-languageserver';
import { addDays, dueDateForPriority, dueWindowDays, expectedSections, isPlaceholderValue, lineBreakOf, type Postmortem, sectionDefinitions, type SectionKind, severityLevels } from '../analysis';
import type { AnalyzedDocument } from './analyzed-document';

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

export function provideCompletions(document: AnalyzedDocument, params: CompletionParams, knownOwners: readonly string[]): CompletionItem[] {
  const model = document.analysis.model;
  if (!document.analysis.postmortem || !model) return [];
  const offset = document.lines.offsetAt(params.position);
  const line = document.lines.positionAt(offset).line;
  const lineStart = document.lines.lineStart(line);
  const cursor: Cursor = { document, model, line, lineStart, offset, before: document.text.slice(lineStart, offset) };
  return severityItems(cursor) ?? priorityItems(cursor) ?? ownerItems(cursor, knownOwners) ?? dueItems(cursor) ?? timestampItems(cursor) ?? headingItems(cursor) ?? [];
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
      const label = `${marks} ${definition.title}`;
      const need = expected.required.includes(definition.kind) ? 'Required' : expected.recommended.includes(definition.kind) ? 'Recommended' : 'Optional';
      return {
        label,
        kind: CompletionItemKind.Module,
        detail: `${need} section, with its template`,
        sortText: String(sectionDefinitions.indexOf(definition)).padStart(2, '0'),
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: rangeOf(cursor, cursor.lineStart), newText: `${label}${eol}${eol}${definition.template}` },
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
