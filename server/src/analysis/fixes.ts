// Fixes as pure text edits. Each touches only its own range and keeps every word the user wrote.
import type { ActionItem, Fix, Postmortem, SectionKind, Span, TextEdit, TimelineEntry } from './model';
import { duePlaceholder, ownerPlaceholder } from './placeholders';
import { canonicalIndex, defaultSectionOrder, sectionDefinition } from './sections';
import { presetTitle } from './section-presets';
import { escapeSnippet, lineBreakOf } from './text';
import { listMarker } from './markdown';

/**
 * Inserts a missing section (heading and template body) where the template order (the default one unless given) puts it,
 * under the heading the team's preset gives the kind (`postmortem:google-sre` writes "Issue Summary"), else the built-in one.
 */
export function insertSectionFix(model: Postmortem, kind: SectionKind, order: readonly SectionKind[] = defaultSectionOrder(), preset?: string): Fix {
  const eol = lineBreakOf(model.text);
  const known = model.sections.filter((s) => s.kind !== undefined && s.form === 'heading' && s.depth > 1);
  const depth = known.length > 0 ? Math.min(...known.map((s) => s.depth)) : 2;
  const rankOf = (of: SectionKind) => (order.includes(of) ? order.indexOf(of) : canonicalIndex(of));
  const peers = known.filter((s) => s.depth === depth);
  const index = rankOf(kind);
  const before = peers.filter((s) => rankOf(s.kind as SectionKind) < index).pop();
  const after = peers.find((s) => rankOf(s.kind as SectionKind) > index);
  const definition = sectionDefinition(kind);
  const block = `${'#'.repeat(depth)} ${presetTitle(preset, kind) ?? headingTitle(model, definition.title)}${eol}${eol}${definition.template.join(eol)}${eol}`;

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

const minorWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

/** A section title in the document's heading style: Title Case when every heading of two or more words is written so, else as defined. */
export function headingTitle(model: Postmortem, title: string): string {
  const words = (heading: string) => heading.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const multiWord = model.sections.filter((section) => section.depth > 1).map((section) => words(section.title).slice(1)).filter((rest) => rest.length > 0);
  const titleCase = multiWord.length > 0 && multiWord.every((rest) => rest.every((word) => minorWords.has(word.toLowerCase()) || /^\p{Lu}/u.test(word)));
  if (!titleCase) return title;
  return title.split(' ').map((word, i) => (i > 0 && minorWords.has(word.toLowerCase()) ? word.toLowerCase() : capitalised(word))).join(' ');
}

/** Closes a code fence or HTML comment left open at the end of the document, so that a section appended there is a section. */
export function openBlockCloser(model: Postmortem): string {
  if (!model.openBlockCloser) return '';
  const eol = lineBreakOf(model.text);
  return (/[\r\n]$/.test(model.text) ? '' : eol) + model.openBlockCloser + eol;
}

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

/** Adds an owner placeholder to an action item, as a tab stop an editor can put the cursor on. */
export function addOwnerFix(text: string, item: ActionItem): Fix {
  return { title: 'Add an owner placeholder', edits: [annotation(text, item, item.ownerCell, 'Owner', { placeholder: ownerPlaceholder })], safe: false };
}

/** Names an action item's owner: replaces its placeholder, fills the Owner cell of a table, or adds `(Owner: ...)`. */
export function assignOwnerFix(text: string, item: ActionItem, owner: string, title = `Assign ${owner}`): Fix {
  if (item.ownerPlaceholderSpan) return { title, edits: [{ span: item.ownerPlaceholderSpan, newText: owner }], safe: false };
  return { title, edits: [annotation(text, item, item.ownerCell, 'Owner', { value: owner })], safe: false };
}

/**
 * Adds a due-date placeholder to an action item, as a tab stop. A placeholder already written (`due TBD`) becomes
 * `YYYY-MM-DD`, selected, so the writer types the date over it; undefined when it already reads so.
 */
export function addDueFix(text: string, item: ActionItem): Fix | undefined {
  const written = item.duePlaceholderSpan;
  if (!written) return { title: 'Add a due date placeholder', edits: [annotation(text, item, item.dueCell, 'Due', { placeholder: duePlaceholder })], safe: false };
  const content = trimmedSpan(text, written);
  if (text.slice(content.start, content.end) === duePlaceholder) return undefined;
  return { title: `Write the due date as ${duePlaceholder}`, edits: [{ span: content, newText: duePlaceholder, snippet: tabStop(duePlaceholder) }], safe: false };
}

/** Gives an action item a due date: replaces its placeholder, fills the Due cell of a table, or adds `(Due: ...)`. */
export function setDueFix(text: string, item: ActionItem, due: string, title = `Due ${due}`): Fix {
  if (item.duePlaceholderSpan) return { title, edits: [{ span: trimmedSpan(text, item.duePlaceholderSpan), newText: due }], safe: false };
  return { title, edits: [annotation(text, item, item.dueCell, 'Due', { value: due })], safe: false };
}

/** The span without the blanks and the emphasis or code marks around its text (a table cell's padding, `` `TBD` ``). */
function trimmedSpan(text: string, span: Span): Span {
  const source = text.slice(span.start, span.end);
  const leading = /^[\s*_`]*/.exec(source)?.[0].length ?? 0;
  const trailing = /[\s*_`]*$/.exec(source.slice(leading))?.[0].length ?? 0;
  return { start: span.start + leading, end: span.start + source.length - trailing };
}

/** What an annotation writes: a value as it is, or a placeholder the editor selects as the first tab stop. */
type AnnotationValue = { value: string } | { placeholder: string };

/** A value in its table cell, or a `(Label: value)` annotation at the end of the item's first line. */
function annotation(text: string, item: ActionItem, cell: Span | undefined, label: string, written: AnnotationValue): TextEdit {
  const value = 'value' in written ? written.value : written.placeholder;
  const snippetValue = 'value' in written ? escapeSnippet(written.value) : tabStop(written.placeholder);
  if (cell) {
    const edit = fillCell(text, cell, value);
    return 'value' in written ? edit : { ...edit, snippet: edit.newText.replace(value, () => snippetValue) };
  }
  const edit: TextEdit = { span: { start: item.insertAt, end: item.insertAt }, newText: ` (${label}: ${value})` };
  return 'value' in written ? edit : { ...edit, snippet: ` (${escapeSnippet(label)}: ${snippetValue})` };
}

/** `${1:[Owner]}`: the first tab stop, holding the placeholder selected. */
function tabStop(placeholder: string): string {
  return `\${1:${escapeSnippet(placeholder)}}`;
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
