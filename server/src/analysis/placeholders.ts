// Template text left in a document: `[Owner]`, `[Date]`, `TBD`, `{{TITLE}}`, `<insert date>`.
import type { Placeholder, Postmortem, ProseBlock, Span } from './model';
import { LineIndex, trimEndMatching } from './text';

/** What the template, its action-item snippet and the fixes write for an owner and a due date still to fill in. */
export const ownerPlaceholder = '[Owner]';
export const duePlaceholder = 'YYYY-MM-DD';

const bracketWords = 'owner|owners|name|names|date|due date|tbd|tbc|todo|team|assignee|person|who|when|time|hh:mm|yyyy-mm-dd|link|ticket|title|description|service|severity|sev-x|duration|x|xx|xxx|\\.\\.\\.|…';
const placeholderPattern = new RegExp(
  [
    `\\[(?:${bracketWords})\\](?!\\()`,
    '\\{\\{[^{}\\n]{1,60}\\}\\}',
    '<\\s*(?:insert|your|add|enter|placeholder|fill)\\b[^<>\\n]{0,60}>',
    '\\b(?:TBD|TBC|TODO|FIXME)\\b',
    '\\bXXX+\\b',
    '\\bYYYY-MM-DD\\b',
    '\\bHH:MM\\b',
  ].join('|'),
  'gi',
);
// Upper-case-only forms ("TBD", "TODO"), so that "todo list" in prose is not flagged.
const upperOnly = /^(?:tbd|tbc|todo|fixme|xxx+|yyyy-mm-dd|hh:mm)$/i;

function isPlaceholderMatch(text: string): boolean {
  return !upperOnly.test(text) || text === text.toUpperCase();
}

/** True when a field's value is a template placeholder rather than a real value. */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = trimEndMatching(value.trim().replace(/^[*_`]+/, ''), /[*_`]/);
  if (!trimmed) return false;
  placeholderPattern.lastIndex = 0;
  const match = placeholderPattern.exec(trimmed);
  placeholderPattern.lastIndex = 0;
  return (match !== null && match.index === 0 && match[0].length === trimmed.length && isPlaceholderMatch(match[0])) || /^\?+$|^n\/?a$|^-+$/i.test(trimmed);
}

/** Every placeholder in the prose blocks and in extra literal texts configured by the team. */
export function findPlaceholders(blocks: readonly ProseBlock[], frontMatter: { start: number; text: string } | undefined, extra: readonly string[]): Placeholder[] {
  const found: Placeholder[] = [];
  const scan = (text: string, offset: number) => {
    for (const match of text.matchAll(placeholderPattern)) {
      if (isPlaceholderMatch(match[0])) found.push({ span: { start: offset + match.index, end: offset + match.index + match[0].length }, text: match[0] });
    }
    for (const literal of extra) {
      if (!literal) continue;
      for (let index = text.indexOf(literal); index >= 0; index = text.indexOf(literal, index + literal.length)) {
        found.push({ span: { start: offset + index, end: offset + index + literal.length }, text: literal });
      }
    }
  };
  if (frontMatter) scan(frontMatter.text, frontMatter.start);
  for (const block of blocks) scan(block.text, block.span.start);
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** The template text left on one line: reported once, however many placeholders the line holds. */
export interface PlaceholderLine {
  /** From the first placeholder of the line to the end of the last. */
  span: Span;
  /** The placeholders as written, each once, in order. */
  texts: string[];
  /** The line sits in a section that holds nothing but template text (a stub a fix inserted, or one the writer has not reached). */
  inStub: boolean;
  /** The line's text starts with a placeholder (`TODO: ...`, `- [ ] [P1] TODO ...`): the writer has not started it. */
  untouched: boolean;
}

// List marker, task box and priority tag that come before a template line's first word.
const lineLead = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:\[P\d\][ \t]+)?(?:\*\*|__|[*_`])*/;

/** How far a postmortem is from done: the template text left, and whether it still reads as a draft. */
export interface DraftProgress {
  /**
   * The status says draft (`status: draft`, `**Status**: Draft`), the title says so (`# Checkout outage (draft)`),
   * or at least half the lines of text are untouched template text.
   */
  draft: boolean;
  reason: 'status' | 'title' | 'template' | undefined;
  /** Lines that still hold template text. */
  templateLines: number;
  /** Lines of text outside headings (template lines included). */
  textLines: number;
  /** Titles of the sections that hold only template text. */
  stubSections: string[];
  /** The known sections the document has (Summary, Timeline, ...), each kind once. */
  sections: number;
  /** Of those, the ones with text the writer wrote: not empty, not only template text. */
  sectionsWritten: number;
}

// A document with fewer template lines than this is not a draft because of them: one TODO left does not make a draft.
const minimumDraftTemplateLines = 3;

/** How much template text is left, and whether the postmortem is still a draft. */
export function draftProgress(model: Postmortem): DraftProgress {
  return templateLayout(model).progress;
}

/** The placeholders grouped by line (each line marked when its section is nothing but template text), and the draft's progress. */
export function templateLayout(model: Postmortem): { lines: PlaceholderLine[]; progress: DraftProgress } {
  const index = new LineIndex(model.text);
  const byLine = new Map<number, PlaceholderLine>();
  for (const placeholder of model.placeholders) {
    const line = index.positionAt(placeholder.span.start).line;
    const known = byLine.get(line);
    const lineStart = index.offsetAt({ line, character: 0 });
    const untouched = lineStart + (lineLead.exec(model.text.slice(lineStart, placeholder.span.start))?.[0].length ?? 0) === placeholder.span.start;
    if (!known) byLine.set(line, { span: { ...placeholder.span }, texts: [placeholder.text], inStub: false, untouched });
    else {
      known.span.end = Math.max(known.span.end, placeholder.span.end);
      if (!known.texts.includes(placeholder.text)) known.texts.push(placeholder.text);
    }
  }
  const textLines = new Set<number>(byLine.keys());
  for (const block of model.prose) {
    if (block.where === 'heading') continue;
    const first = index.positionAt(block.span.start).line;
    const last = index.positionAt(Math.max(block.span.start, block.span.end - 1)).line;
    for (let line = first; line <= last; line++) textLines.add(line);
  }
  const stubSections: string[] = [];
  model.sections.forEach((section, position) => {
    const next = model.sections[position + 1];
    const bodyEnd = next && next.heading.start < section.span.end ? next.heading.start : section.span.end;
    const inBody = (line: number) => {
      const lineStart = index.offsetAt({ line, character: 0 });
      return lineStart > section.heading.end && lineStart < bodyEnd;
    };
    const body = [...textLines].filter(inBody);
    if (body.length === 0 || !body.every((line) => byLine.get(line)?.untouched)) return;
    stubSections.push(section.title);
    for (const line of body) byLine.get(line)!.inStub = true;
  });
  const sectionCount = sectionsWritten(model, index, textLines, byLine);
  const status = model.metadata.find((field) => field.key === 'status')?.value ?? '';
  const reason = /^\W*draft\b/i.test(status)
    ? 'status'
    : /\bdraft\b/i.test(model.title?.value ?? '')
      ? 'title'
      : byLine.size >= minimumDraftTemplateLines && byLine.size * 2 >= textLines.size
        ? 'template'
        : undefined;
  const lines = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
  return { lines, progress: { draft: reason !== undefined, reason, templateLines: byLine.size, textLines: textLines.size, stubSections, ...sectionCount } };
}

/** The known section kinds present, and those with a line of text (sub-sections included) that is not untouched template text. */
function sectionsWritten(model: Postmortem, index: LineIndex, textLines: ReadonlySet<number>, byLine: ReadonlyMap<number, PlaceholderLine>): { sections: number; sectionsWritten: number } {
  const present = new Set<string>();
  const written = new Set<string>();
  for (const section of model.sections) {
    if (section.kind === undefined) continue;
    present.add(section.kind);
    const first = index.positionAt(section.heading.end).line + 1;
    const last = index.positionAt(section.span.end).line;
    for (const line of textLines) {
      if (line >= first && line <= last && !byLine.get(line)?.untouched) written.add(section.kind);
    }
  }
  return { sections: present.size, sectionsWritten: written.size };
}
