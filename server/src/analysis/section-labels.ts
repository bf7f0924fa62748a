// Label lines that open a section without a heading: `**Impact**: ...`, `- **Action items:**`, a plain `What went well:` line.
import type { ListItem, Paragraph } from 'mdast';
import type { SectionKind, Span } from './model';
import { spanOf, type RootContent } from './markdown';
import { plainText } from './inline';
import { recogniseHeading, type HeadingKind } from './sections';

export interface SectionLabel extends HeadingKind {
  /** The label's words, without the colon. */
  title: string;
  /** The label as written. */
  heading: Span;
}

/** A plain label is short and stands alone on its line. */
const plainLabel = /^([^\s:*_#>|`-][^:\n]{0,58}):[ \t]*$/;

/** The sections that labels at the start of a paragraph's lines open (`**Summary**: ...` lines one under another), when they name a section kind. */
export function paragraphLabels(node: Paragraph, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel[] {
  const labels: SectionLabel[] = [];
  node.children.forEach((child, i) => {
    if (child.type !== 'strong' || !startsLine(node.children, i)) return;
    const words = plainText(child).trim();
    const next = node.children[i + 1];
    const colonAfter = next?.type === 'text' && next.value.startsWith(':');
    const aloneOnLine = next === undefined || next.type === 'break' || (next.type === 'text' && /^[ \t]*\r?\n/.test(next.value));
    if (!words.endsWith(':') && !colonAfter && !aloneOnLine) return;
    const label = labelOf(words.replace(/:$/, '').trim(), spanOf(child, base), aliases);
    if (label) labels.push(label);
  });
  if (labels.length > 0 || node.children[0]?.type !== 'text') return labels;
  const span = spanOf(node, base);
  const line = text.slice(span.start, span.end).split(/\r?\n/, 1)[0];
  const plain = plainLabel.exec(line);
  const label = plain ? labelOf(plain[1].trim(), { start: span.start, end: span.start + line.trimEnd().length }, aliases) : undefined;
  return label ? [label] : [];
}

/** The inline child starts a line: the first, or after a hard break or a line break in the text before it. */
function startsLine(children: Paragraph['children'], index: number): boolean {
  if (index === 0) return true;
  const previous = children[index - 1];
  return previous.type === 'break' || (previous.type === 'text' && /\n[ \t]*$/.test(previous.value));
}

/** The sections that the items of a list open with their labels (`- **Impact**: ...`), each spanning its item. */
export function listItemLabels(node: RootContent, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>): (SectionLabel & { span: Span; item: ListItem })[] {
  if (node.type !== 'list') return [];
  return node.children.flatMap((item) => {
    const lead = item.children[0];
    const label = lead?.type === 'paragraph' && lead.children[0]?.type === 'strong' ? paragraphLabels(lead, base, text, aliases)[0] : undefined;
    return label ? [{ ...label, span: spanOf(item, base), item }] : [];
  });
}

function labelOf(title: string, heading: Span, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel | undefined {
  const recognised = title ? recogniseHeading(title, aliases) : undefined;
  return recognised && { ...recognised, title, heading };
}
