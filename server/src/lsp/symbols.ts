// The outline of a postmortem: sections by heading nesting, with timeline entries and action items inside them.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { type ActionItem, isOverdue, type Section, type Span, type TimelineEntry } from '../analysis';
import type { AnalyzedDocument } from './analyzed-document';
import { toRange } from './convert';

type Fields = Pick<DocumentSymbol, 'name' | 'kind' | 'detail'>;
type Outline = DocumentSymbol & { children: DocumentSymbol[] };

// Outline rows are one line in the sidebar; longer names are cut here rather than by the client.
const MAX_NAME = 60;

/**
 * Non-postmortems get no symbols: VS Code's own Markdown outline already lists their headings,
 * and a second provider would show every heading twice.
 */
export function provideDocumentSymbols(document: AnalyzedDocument): DocumentSymbol[] {
  const model = document.analysis.model;
  if (!document.analysis.postmortem || !model) return [];
  const text = document.text;
  const symbolOf = (span: Span, selection: Span, fields: Fields): Outline => {
    const range = trimEnd(text, span);
    return { ...fields, range: toRange(document.lines, range), selectionRange: toRange(document.lines, within(selection, range)), children: [] };
  };

  const sectionSymbols = model.sections.map((section) => symbolOf(section.span, section.heading, sectionFields(section)));
  const roots: DocumentSymbol[] = [];
  model.sections.forEach((section, index) => {
    const parent = section.parent === undefined ? undefined : sectionSymbols[section.parent];
    (parent?.children ?? roots).push(sectionSymbols[index]);
  });

  // Each element goes to the innermost section holding it, so children always sit inside their parent's range.
  const place = (span: Span, symbol: DocumentSymbol) => {
    const holder = innermostSection(model.sections, span);
    (holder === undefined ? roots : sectionSymbols[holder].children).push(symbol);
  };
  for (const entry of model.timeline) place(entry.span, symbolOf(entry.span, entry.timeSpan, entryFields(entry)));
  for (const item of model.actionItems) place(item.span, symbolOf(item.span, item.descriptionSpan, itemFields(item, document.today)));

  sortTree(roots);
  return roots;
}

function sectionFields(section: Section): Fields {
  return {
    name: truncate(section.title) || '(untitled section)',
    kind: section.kind ? SymbolKind.Namespace : SymbolKind.String,
    detail: section.kind,
  };
}

function entryFields(entry: TimelineEntry): Fields {
  const description = oneLine(entry.description);
  return {
    name: truncate(description ? `${entry.timeText} — ${description}` : entry.timeText) || '(entry)',
    kind: SymbolKind.Event,
    detail: entry.timeError,
  };
}

// EnumMember: an item is one member of a fixed list, and its icon differs from the Event of timeline entries.
function itemFields(item: ActionItem, today: string): Fields {
  const detail = [
    item.priority && `P${item.priority.value}`,
    item.owner?.value,
    item.due && `due ${item.due.value}`,
    isOverdue(item, today) ? 'overdue' : item.status,
  ].filter((part): part is string => Boolean(part));
  return { name: truncate(oneLine(item.description)) || '(action item)', kind: SymbolKind.EnumMember, detail: detail.join(' · ') };
}

function innermostSection(sections: readonly Section[], span: Span): number | undefined {
  let found: number | undefined;
  sections.forEach((section, index) => {
    if (section.span.start <= span.start && span.end <= section.span.end) found = index;
  });
  return found;
}

function sortTree(symbols: DocumentSymbol[]): void {
  symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const symbol of symbols) if (symbol.children) sortTree(symbol.children);
}

/** The span without trailing blank lines, so a section ends on its last written line. */
function trimEnd(text: string, span: Span): Span {
  return { start: span.start, end: span.start + text.slice(span.start, span.end).trimEnd().length };
}

/** Clients reject a selection outside its range; clamp rather than trust every parser path. */
function within(inner: Span, outer: Span): Span {
  const start = Math.min(Math.max(inner.start, outer.start), outer.end);
  return { start, end: Math.max(start, Math.min(inner.end, outer.end)) };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(name: string): string {
  // Counted in code points so an emoji is never cut in half.
  const characters = Array.from(name);
  return characters.length <= MAX_NAME ? name : `${characters.slice(0, MAX_NAME - 1).join('').trimEnd()}…`;
}
