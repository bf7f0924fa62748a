// Fixes as pure text edits. Each touches only its own range and keeps every word the user wrote.
import type { ActionItem, Fix, Postmortem, SectionKind, Span, TextEdit, TimelineEntry } from './model';
import { canonicalIndex, sectionDefinition } from './sections';
import { lineBreakOf } from './text';

/** Inserts a missing section (heading and template body) where the canonical order puts it. */
export function insertSectionFix(model: Postmortem, kind: SectionKind): Fix {
  const eol = lineBreakOf(model.text);
  const known = model.sections.filter((s) => s.kind !== undefined && s.depth > 1);
  const depth = known.length > 0 ? Math.min(...known.map((s) => s.depth)) : 2;
  const peers = known.filter((s) => s.depth === depth);
  const index = canonicalIndex(kind);
  const before = peers.filter((s) => canonicalIndex(s.kind as SectionKind) < index).pop();
  const after = peers.find((s) => canonicalIndex(s.kind as SectionKind) > index);
  const definition = sectionDefinition(kind);
  const block = `${'#'.repeat(depth)} ${definition.title}${eol}${eol}${definition.template}${eol}`;

  let offset: number;
  if (before) offset = before.span.end;
  else if (after) offset = after.span.start;
  else offset = model.text.length;
  let newText: string;
  if (offset < model.text.length) {
    newText = block + eol;
  } else {
    const closer = openBlockCloser(model);
    const breaks = closer ? 1 : trailingLineBreaks(model.text);
    newText = closer + (model.text.length === 0 ? '' : eol.repeat(Math.max(0, 2 - breaks))) + block;
  }
  return { title: `Insert the '${definition.title}' section`, edits: [{ span: { start: offset, end: offset }, newText }], safe: true };
}

/** Closes a code fence or HTML comment left open at the end of the document, so that a section appended there is a section. */
export function openBlockCloser(model: Postmortem): string {
  if (!model.openBlockCloser) return '';
  const eol = lineBreakOf(model.text);
  return (/[\r\n]$/.test(model.text) ? '' : eol) + model.openBlockCloser + eol;
}

const listMarker = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const headingMarker = /^#{1,6}[ \t]+/;

/** Sorts one list, table or paragraph of timeline entries by time, keeping each entry's text. Undefined when it cannot be done without moving other text. */
export function sortTimelineFix(model: Postmortem, group: number): Fix | undefined {
  const entries = model.timeline.filter((entry) => entry.group === group);
  if (entries.length < 2 || entries.some((entry) => entry.instant === undefined)) return undefined;
  const text = model.text;
  // Only whitespace (and quote marks) may sit between the entries; otherwise something else would move.
  for (let i = 1; i < entries.length; i++) {
    if (!/^[\s>]*$/.test(text.slice(entries[i - 1].span.end, entries[i].span.start))) return undefined;
  }
  const slots = entries.map((entry) => contentSpan(entry, text));
  const sorted = byTime(entries);
  if (sorted.every((item, i) => item.i === i)) return undefined;
  const start = entries[0].span.start;
  let newText = '';
  let cursor = start;
  slots.forEach((slot, i) => {
    const source = slots[sorted[i].i];
    newText += text.slice(cursor, slot.start) + text.slice(source.start, source.end);
    cursor = slot.end;
  });
  const end = entries[entries.length - 1].span.end;
  newText += text.slice(cursor, end);
  return { title: 'Sort the timeline by time', edits: [{ span: { start, end }, newText }], safe: true };
}

/** Entries in the order a sort writes them: by time, ties kept in place; `i` is each one's place before. */
export function byTime(entries: readonly TimelineEntry[]): { entry: TimelineEntry; i: number }[] {
  return entries.map((entry, i) => ({ entry, i })).sort((a, b) => (a.entry.instant as number) - (b.entry.instant as number) || a.i - b.i);
}

/** The part of an entry that moves when sorting: list markers and heading marks stay in place, so numbering and levels stay right. */
function contentSpan(entry: TimelineEntry, text: string) {
  if (entry.container !== 'list' && entry.container !== 'heading') return entry.span;
  const marker = (entry.container === 'list' ? listMarker : headingMarker).exec(text.slice(entry.span.start, entry.span.end));
  return { start: entry.span.start + (marker?.[0].length ?? 0), end: entry.span.end };
}

/** Adds an owner placeholder to an action item (fills the Owner cell of a table). */
export function addOwnerFix(text: string, item: ActionItem): Fix {
  return assignOwnerFix(text, item, '[Owner]', 'Add an owner placeholder');
}

/** Names an action item's owner (fills the Owner cell of a table). */
export function assignOwnerFix(text: string, item: ActionItem, owner: string, title = `Assign ${owner}`): Fix {
  return { title, edits: [annotation(text, item, item.ownerCell, 'Owner', owner)], safe: false };
}

/** Adds a due-date placeholder to an action item (fills the Due cell of a table). */
export function addDueFix(text: string, item: ActionItem): Fix {
  return setDueFix(text, item, '[Date]', 'Add a due date placeholder');
}

/** Gives an action item a due date (fills the Due cell of a table). */
export function setDueFix(text: string, item: ActionItem, due: string, title = `Due ${due}`): Fix {
  return { title, edits: [annotation(text, item, item.dueCell, 'Due', due)], safe: false };
}

/** A value in its table cell, or a `(Label: value)` annotation at the end of the item's first line. */
function annotation(text: string, item: ActionItem, cell: Span | undefined, label: string, value: string): TextEdit {
  if (cell) return fillCell(text, cell, value);
  return { span: { start: item.insertAt, end: item.insertAt }, newText: ` (${label}: ${value})` };
}

/** Replaces a cell's content; an empty cell gets the padding its neighbours have. */
function fillCell(text: string, cell: Span, value: string): TextEdit {
  return { span: cell, newText: text.slice(cell.start, cell.end).trim() === '' ? ` ${value} ` : value };
}

function trailingLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = text.length - 1; i >= 0 && (text[i] === '\n' || text[i] === '\r'); i--) if (text[i] === '\n') breaks++;
  return breaks;
}
