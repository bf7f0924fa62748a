// Template text left in a document: `[Owner]`, `[Date]`, `TBD`, `{{TITLE}}`, `<insert date>`.
import type { Placeholder, ProseBlock } from './model';
import { trimEndMatching } from './text';

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
