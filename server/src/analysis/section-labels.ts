// Label lines that open a section without a heading: `**Impact**: ...`, `- **Action items:**`, a plain `What went well:` line.
import type { List, ListItem, Paragraph } from 'mdast';
import type { SectionKind, Span } from './model';
import { listMarker, parseFragment, spanOf, type BlockPiece, type RootContent } from './markdown';
import { linesWithOffsets } from './text';
import { plainText } from './inline';
import { bulletLine, promisesActions } from './action-items';
import { endsInColon, labelWords, leadsIntoList } from './action-item-shapes';
import { asksWhatHappened, recogniseHeading, type HeadingKind } from './sections';
import { htmlBoldLines, htmlWords } from './html-blocks';
import { opensOnTime } from './timeline';

export interface SectionLabel extends HeadingKind {
  /** The label's words, without the colon. */
  title: string;
  /** The label as written. */
  heading: Span;
}

// What follows a label on its line: a colon, or a dash between spaces (`**Cause** - ...`).
const labelLeadIn = /^(?::|[ \t]+[-–—](?:[ \t]|$))/;
/** A plain label is short and stands alone on its line. */
// A backslash at the end is a hard line break (`Short version:\`), not part of the label.
const plainLabel = /^([^\s:*_#>|`-][^:\n]{0,58}):[ \t]*\\?$/;
/** A line of up to fourteen words ending in a colon: read as a label only when it names a section (see `paragraphLabels`). */
const longPlainLabel = /^([^\s:*_#>|`-][^:\n]{0,110}):[ \t]*$/;
/** The anchor mark a web page's heading leaves in its stored text ("What went wrong? #"). */
const anchorMark = /[ \t]+#[ \t]*$/;
/** A short label and its colon opening a line that goes on ("TL;DR: ..."): the words of the label, a colon, then text. */
const inlineLabel = /^([^\s:*_#>|`-][^:\n]{0,40}?):(?=[ \t]+\S)/;
/** A paragraph of one short line with no colon and no closing stop, that may be a heading written as plain text. */
const bareLabel = /^([\p{L}][^:\n.!?]{0,58}\??)[ \t]*$/u;

/** "What are the suggestions to keep this kind of failure from coming back?": a question alone on its line may run longer. */
const bareQuestion = /^((?:what|why|how)\b[^:\n.!?]{0,90}\?)[ \t]*$/iu;
/** A plain label leading a list item (`- Impact: ...`, `- 👍 What went well:`): a few words, then a colon. */
const plainItemLabel = /^[ \t]*((?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)[ \t]*)*[\p{L}][\p{L}\p{N}'’&/ -]{0,40}?)[ \t]*:(?:[ \t]|$)/u;
const maxPlainItemLabelWords = 5;
/** A clock time or a calendar date right after a label's colon. */
const milestoneValue = /^[ \t]*(?:\d{1,2}:\d{2}(?!\d)|\d{4}-\d{2}-\d{2})/;
/** A plain label line names its section in a few words; a longer line ending in a colon is a sentence leading into what follows. */
const maxPlainLineLabelWords = 6;
/** A phrase in quotation marks is mentioned, not used: `the "next steps" list:` talks about a label, it is not one. */
const quotedPhrase = /["“”«»„]|(?<![\p{L}])['‘][^'’]+['’](?![\p{L}])/u;
/** A line that opens with a subject and its verb ("We wrote ...", "Here are ...", "It was ...") is a clause, not a label. */
const opensClause = /^(?:(?:we|i|they|you|he|she)(?:'\p{L}+)?\s+\p{L}|(?:here|there)(?:'s|\s+(?:is|are|was|were))\b|(?:it|this|that)(?:'s|\s+(?:is|was))\b)/iu;
/** Only emoji and spaces: what may stand before a bold label in a list item (`- 👍 **What went well**`). */
const emojiOnly = /^(?:\p{Extended_Pictographic}|\uFE0F|\u200D|[ \t])+$/u;

/** "**Timeline of Events** <small>(Central Time)</small>": what follows the label on its line is a qualifier in parentheses, in inline HTML. */
function onlyQualifierFollows(children: Paragraph['children'], from: number): boolean {
  const lead = children[from];
  const first = lead?.type === 'text' && !lead.value.trim() ? from + 1 : from;
  if (children[first]?.type !== 'html') return false;
  let rest = '';
  for (const child of children.slice(first)) {
    if (child.type === 'break') break;
    if (child.type === 'text') {
      const lineEnd = child.value.search(/\r?\n/);
      rest += lineEnd < 0 ? child.value : child.value.slice(0, lineEnd);
      if (lineEnd >= 0) break;
    } else if (child.type !== 'html') return false;
  }
  return /^[ \t]*\([^()\n]{1,60}\)[ \t]*$/.test(rest);
}

/** The sections that labels at the start of a paragraph's lines open (`**Summary**: ...` lines one under another), when they name a section kind. */
export function paragraphLabels(node: Paragraph, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel[] {
  const labels: SectionLabel[] = [];
  node.children.forEach((child, i) => {
    if (child.type !== 'strong' || !startsLine(node.children, i)) return;
    const words = plainText(child).trim();
    const next = node.children[i + 1];
    const leadsIn = next?.type === 'text' && labelLeadIn.test(next.value);
    const aloneOnLine = next === undefined || next.type === 'break' || (next.type === 'text' && /^[ \t]*\r?\n/.test(next.value)) || onlyQualifierFollows(node.children, i + 1);
    // A bold sentence followed by another ("**The fix is out. Root cause found.**") is emphasis, not a label; a bold
    // question heads its answer ("**Who is affected?** Members who ...").
    if ((!words.endsWith(':') && !words.endsWith('?') && !leadsIn && !aloneOnLine) || /[.!?][ \t]+\S/.test(words)) return;
    const label = labelOf(words.replace(/:$/, '').trim(), spanOf(child, base), aliases);
    if (label) labels.push(label);
  });
  if (labels.length > 0) return labels;
  const inlineBold = inlineHtmlBoldLabel(node, base, aliases);
  if (inlineBold) return [inlineBold];
  const lead = timelineLeadIn(node, base, text);
  if (lead) return [lead];
  const italic = italicLine(node, base, aliases);
  if (italic) return [italic];
  if (node.children[0]?.type !== 'text') return labels;
  const fields = fieldBlockLabels(node, base, text, aliases);
  if (fields.length > 0) return fields;
  const headingLines = bareHeadingLines(node, base, text, aliases);
  if (headingLines.length > 0) return headingLines;
  const span = spanOf(node, base);
  // "Timeline: #": a web page's anchor mark after a heading kept as plain text.
  const line = text.slice(span.start, span.end).split(/\r?\n/, 1)[0].replace(anchorMark, '');
  const plain = plainLabel.exec(line);
  // "What I changed to stop such losses:": a question's words before a colon head the answer below, as alone on a line.
  const label = plain && (readsAsLabel(plain[1]) || asksQuestion(plain[1], 12)) ? labelOf(plain[1].trim(), { start: span.start, end: span.start + line.trimEnd().length }, aliases) : undefined;
  if (label) return [label];
  // "A short timeline and summary of events:": a longer line before a colon, when it names a section for certain.
  const long = longPlainLabel.exec(line);
  const named = long && wordCount(long[1]) <= 14 && !opensClause.test(long[1].trim()) && !quotedPhrase.test(long[1].trim()) ? labelOf(long[1].trim(), { start: span.start, end: span.start + line.trimEnd().length }, aliases) : undefined;
  if (long && named && (!named.uncertain || named.kind === 'action-items')) return [named];
  // "TL;DR: the feeds missed messages for a night.": a certain name, then the section's words on the same line.
  const inline = inlineLabel.exec(line);
  const inlineTitle = inline && readsAsLabel(inline[1]) && !milestoneValue.test(line.slice(inline[0].length)) ? labelOf(inline[1].trim(), { start: span.start, end: span.start + inline[0].length }, aliases) : undefined;
  if (inlineTitle && !inlineTitle.uncertain) return [inlineTitle];
  // "Action items" alone on its line, as documents exported from a word processor write a heading, when it names a section for certain.
  const whole = plainText(node).trim().replace(anchorMark, '');
  const bare = line.trim() === whole ? (bareLabel.exec(line) ?? bareQuestion.exec(line)) : null;
  const bareTitle = bare && (readsAsLabel(bare[1]) || asksQuestion(bare[1])) ? labelOf(bare[1].trim(), { start: span.start, end: span.start + line.trimEnd().length }, aliases) : undefined;
  // A loose name ("Scope", "What Happened") opens its section too when the line is written as a heading, in heading case and
  // a word or three, or as a question's words; the vaguest names of a summary ("Details", "Background") head other text as often, so they do not.
  const looseHeading =
    bareTitle !== undefined &&
    ((headingCaseLine.test(line.trim()) && wordCount(line) <= 3 && (bareTitle.kind !== 'summary' || asksWhatHappened(bareTitle.title))) ||
      // "What happened", "How do we avoid a repeat of this": a question's words alone on a line head the answer below.
      asksQuestion(line));
  if (bareTitle && (!bareTitle.uncertain || looseHeading)) return [bareTitle];
  // A lead-in of one sentence that commits to changes ("To prevent similar issues, we've made these changes:") opens them loosely.
  const title = line.trim();
  const leadWords = labelWords(title);
  const leadIn = title.length === whole.length && leadsIntoList(title) && !/[.!?]\s/.test(title.replace(abbreviation, '')) && promisesActions(leadWords);
  return leadIn ? [{ kind: 'action-items', uncertain: true, title: leadWords, heading: { start: span.start, end: span.start + line.trimEnd().length } }] : [];
}

// "(ie. several days)", "e.g. the cache": a stop that ends no sentence.
const abbreviation = /\b(?:i\.?e|e\.?g|etc|vs|approx)\.\s/gi;

/** "How do we avoid a repeat of this", "Who was affected?": a question's words alone on a line, which may run past a label's length. */
function asksQuestion(words: string, maxWords = 12): boolean {
  return /^(?:what|why|how|who)\b/i.test(words.trim()) && wordCount(words) <= maxWords;
}

function wordCount(words: string): number {
  return words.trim().split(/\s+/).length;
}

/** A plain line ending in a colon is a label when it reads as one: a few words, none quoted, not a clause with its own subject. */
function readsAsLabel(words: string): boolean {
  const trimmed = words.trim();
  return trimmed.split(/\s+/).length <= maxPlainLineLabelWords && !quotedPhrase.test(trimmed) && !opensClause.test(trimmed);
}

// A paragraph of HTML that is one bold run (`<p><strong>Root cause</strong></p>`): what HTML exports write for a sub-heading.
/**
 * "<b>Issue description:</b> ...", "<strong>Impact: </strong>High": a post exported from a blog editor writes its labels
 * in inline HTML at the paragraph's start; the colon may sit just after the closing tag.
 */
function inlineHtmlBoldLabel(node: Paragraph, base: number, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel | undefined {
  const [open] = node.children;
  const tag = open?.type === 'html' ? /^<(b|strong)(?:\s[^>]*)?>$/i.exec(open.value.trim())?.[1] : undefined;
  if (!open || tag === undefined) return undefined;
  const close = node.children.findIndex((child, i) => i > 0 && child.type === 'html' && new RegExp(`^</${tag}>$`, 'i').test(child.value.trim()));
  if (close < 0) return undefined;
  const words = node.children.slice(1, close).map((child) => plainText(child)).join('').replace(/\s+/g, ' ').trim();
  const after = node.children.slice(close + 1, close + 3).map((child) => (child.type === 'html' ? '' : plainText(child))).join('');
  if (words === '' || words.length > 60 || !(words.endsWith(':') || /^\s*:/.test(after))) return undefined;
  return labelOf(words.replace(/:$/, '').trim(), { start: spanOf(open, base).start, end: spanOf(node.children[close], base).end }, aliases);
}

const htmlBoldParagraph = /^[ \t]*<p(?:\s[^>]*)?>\s*<(strong|b)(?:\s[^>]*)?>([\s\S]*?)<\/\1>\s*:?\s*<\/p>[ \t]*$/i;

/**
 * The section an HTML paragraph that is one bold run opens, as a bold line alone would; or the section a bold line
 * opening the block opens (`<b>Overview:</b><br />...`), as rich text pasted from an editor writes its headings.
 */
export function htmlBoldLabel(node: RootContent, base: number, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel | undefined {
  if (node.type !== 'html') return undefined;
  const span = spanOf(node, base);
  const match = htmlBoldParagraph.exec(node.value);
  if (match) return labelOf(htmlWords(match[2]).replace(/:$/, '').trim(), { start: span.start, end: span.start + node.value.trimEnd().length }, aliases);
  const first = htmlBoldLines(node.value)[0];
  if (!first || htmlWords(node.value.slice(0, first.start)) !== '') return undefined;
  return labelOf(first.words, { start: span.start + first.start, end: span.start + first.end }, aliases);
}

/** True when the words of a bold line name a section kind, so the line opens a section. */
export function namesSection(words: string, aliases: Partial<Record<SectionKind, string[]>>): boolean {
  return words !== '' && recogniseHeading(words, aliases) !== undefined;
}

/** A field line: a few plain words and a colon at the start of a line, then the value (`User impact: ...<br>`). */
const fieldLine = /^((?:[\p{L}][\p{L}\p{N}'’&/-]*)(?:[ \t]+[\p{L}\p{N}'’&/-]+){0,4})[ \t]*:[ \t]+\S/u;

/**
 * In a block of field lines (`Description: ...<br>`, `User impact: ...<br>`, one under another), each field that
 * names a section kind for certain opens it, as a bold label would.
 */
function fieldBlockLabels(node: Paragraph, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel[] {
  const span = spanOf(node, base);
  const fields: { title: string; start: number; end: number }[] = [];
  for (const [lineStart, line] of linesWithOffsets(text.slice(span.start, span.end), span.start)) {
    const indent = line.length - line.trimStart().length;
    const match = fieldLine.exec(line.slice(indent));
    if (match) fields.push({ title: match[1], start: lineStart + indent, end: lineStart + line.indexOf(':') + 1 });
  }
  if (fields.length < 2) return [];
  return fields.flatMap((field) => {
    const label = labelOf(field.title, { start: field.start, end: field.end }, aliases);
    return label && !label.uncertain ? [label] : [];
  });
}

/** A heading written as a bare line in heading case ("SUMMARY", "Root Cause Analysis"): a few words, every one capitalised. */
const headingCaseLine = /^[\p{Lu}\p{N}][\p{L}\p{N}'’&/-]*(?:[ \t]+(?:[\p{Lu}\p{N}][\p{L}\p{N}'’&/-]*|and|or|of|the|for|to|in|on|&))*(?:[ \t]+[\p{Lu}\p{N}][\p{L}\p{N}'’&/-]*)?$/u;
const maxHeadingLineWords = 4;
/** A heading line in sentence case: a capital, then words with no stop, comma or colon. */
const sentenceCaseLine = /^\p{Lu}[\p{L}\p{N}'’&/ -]*$/u;

/**
 * Pages kept as plain text run their headings into the paragraph below them ("SUMMARY" on one line, the summary on the
 * next): a line of a few words in heading case, after the start of the paragraph or a line that ends a sentence, that
 * names a section kind for certain, opens it.
 */
function bareHeadingLines(node: Paragraph, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel[] {
  const span = spanOf(node, base);
  const lines = linesWithOffsets(text.slice(span.start, span.end), span.start);
  if (lines.length < 2) return [];
  const labels: SectionLabel[] = [];
  lines.forEach(([lineStart, line], index) => {
    // "Corrective Action:" on its own line heads the text below it as the bare words would, and may run longer ("Timeline of issue and root cause:").
    const title = line.trim().replace(/[ \t]*:$/, '');
    const endsInItsColon = title.length < line.trim().length;
    const maxWords = endsInItsColon ? maxHeadingLineWords + 2 : maxHeadingLineWords;
    const previous = index === 0 ? '' : lines[index - 1][1].trim();
    // After the paragraph's start, a line that ends a sentence (or on a time zone), another heading line ("POST-MORTEM"
    // over "Root Cause Analysis"), or a timeline line, which opens on its time and seldom ends in a stop.
    const afterSentence = index === 0 || endsSentence(previous) || /\d[ \t]*(?:UTC|GMT|[A-Z]{2,4}T)$/.test(previous) || /^[\p{Lu}\p{N}][\p{Lu}\p{N} &/-]*$/u.test(previous) || /^\[?\d{1,2}:\d{2}\b/.test(previous);
    // "Time-line of the outage" in sentence case: only between two sentences, the one above closed by its stop and the one below opening with a capital.
    const sentenceCase = /[.!?:]$/.test(previous) && sentenceCaseLine.test(title) && !opensClause.test(title) && /^[\p{Lu}\p{N}]/u.test(lines[index + 1]?.[1].trim() ?? '');
    // "What happened?" over its answer: a question's words open the paragraph on a line of their own, as a heading would.
    // "Major Incident Number: MIR01 / What happened?", then a blank line: the question closes the page's header lines.
    // The first line may ask at length, as a heading would ("What are we changing now to keep this from ever recurring?").
    const question = (index === 0 || index === lines.length - 1) && lines.length > 1 && /\?$/.test(title) && asksQuestion(title, index === 0 ? 12 : 8);
    // "Incident Report for Acme / Resolved / Overview", then a blank line: a page's header lines run into the heading below them.
    // "... using Slack / Issue Summary:": a name in heading case with its colon heads the text below even under a page's title line.
    const closesHeader = (index === lines.length - 1 || endsInItsColon) && headingCaseLine.test(title) && wordCount(title) <= 3;
    if ((afterSentence || closesHeader) && (question || ((headingCaseLine.test(title) || sentenceCase) && wordCount(title) <= maxWords))) {
      const start = lineStart + line.indexOf(title);
      const label = labelOf(title, { start, end: start + title.length }, aliases);
      if (label && (!label.uncertain || question)) labels.push(label);
    }
  });
  return labels;
}

/** A line that closes a sentence or an entry: a stop, a colon, a bracket, or a number. */
function endsSentence(line: string): boolean {
  return /[.!?:)\]]$|\d$/.test(line);
}

/**
 * A plain-text page's paragraph cut at the heading lines it runs together ("Root Cause" on one line, its text on the
 * next): each heading line and the text under it become paragraphs of their own, so the text sits in its section. The
 * pieces' `base` is relative to the chunk, so that they can be kept with the chunk's parse.
 */
export function splitAtBareHeadingLines(node: Paragraph, chunkText: string, aliases: Partial<Record<SectionKind, string[]>>): BlockPiece[] {
  const span = spanOf(node, 0);
  const source = chunkText.slice(span.start, span.end);
  // A line indented four spaces would read as code once it starts a piece of its own.
  if (!source.includes('\n') || /\n(?: {4}|\t)/.test(source)) return [{ node, base: 0, chunkText }];
  const headingLines = bareHeadingLines(node, 0, chunkText, aliases).map((line) => line.heading);
  const leadIns = bulletLeadIns(source, span.start);
  if (headingLines.length === 0 && leadIns.length === 0) return [{ node, base: 0, chunkText }];
  const cuts = new Set([span.start, span.end]);
  for (const line of [...headingLines, ...leadIns]) {
    cuts.add(line.start);
    const lineEnd = chunkText.indexOf('\n', line.end);
    cuts.add(lineEnd < 0 || lineEnd > span.end ? span.end : lineEnd + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).flatMap((from, index) => piecesOf(chunkText, from, sorted[index + 1]));
}

/** "To address this issue, we have:" over "• Implemented ..." lines of the same paragraph: the lead-in lines that head bullets below them. */
function bulletLeadIns(source: string, offset: number): Span[] {
  const lines = linesWithOffsets(source, offset);
  return lines
    .filter(([, line], index) => {
      const title = line.trim();
      return index + 1 < lines.length && endsInColon(title) && bulletLine.test(lines[index + 1][1]) && promisesActions(labelWords(title));
    })
    .map(([start, line]) => ({ start: start + (line.length - line.trimStart().length), end: start + line.trimEnd().length }));
}

/**
 * A plain-text page's list whose last item runs on into a heading line and the text below it (a list item takes the
 * lines after it that open no new block): the list ends where the heading line starts, and the rest is read on its own.
 */
export function splitListAtBareHeadingLine(node: List, chunkText: string, aliases: Partial<Record<SectionKind, string[]>>): BlockPiece[] {
  const span = spanOf(node, 0);
  const lines = linesWithOffsets(chunkText.slice(span.start, span.end), span.start);
  for (let index = 1; index < lines.length; index++) {
    const [lineStart, line] = lines[index];
    const previous = lines[index - 1][1];
    const title = line.trim();
    // Not indented, after a line that ends a sentence or is a list entry, before a line that opens one, in heading case, a
    // few words, naming a section for certain; "- We checked the / Root Cause / of the crash" is one entry wrapped.
    const next = lines[index + 1]?.[1].trim() ?? '';
    const between = (endsSentence(previous.trim()) || listMarker.test(previous)) && (next === '' || /^[\p{Lu}\p{N}]/u.test(next) || listMarker.test(next));
    if (line !== line.trimStart() || listMarker.test(line) || !between || !headingCaseLine.test(title) || wordCount(title) > maxHeadingLineWords) continue;
    const label = labelOf(title, { start: lineStart, end: lineStart + title.length }, aliases);
    if (label && !label.uncertain) return [...piecesOf(chunkText, span.start, lineStart), ...piecesOf(chunkText, lineStart, span.end)];
  }
  return [{ node, base: 0, chunkText }];
}

/** The blocks of a stretch of the chunk, parsed on their own, with their offset in the chunk. */
function piecesOf(chunkText: string, from: number, to: number): BlockPiece[] {
  const pieceText = chunkText.slice(from, to);
  if (pieceText.trim() === '') return [];
  return parseFragment(pieceText).children.map((child) => ({ node: child, base: from, chunkText: pieceText }));
}

/** The inline child starts a line: the first, or after a hard break or a line break in the text before it. */
function startsLine(children: Paragraph['children'], index: number): boolean {
  if (index === 0) return true;
  const previous = children[index - 1];
  return previous.type === 'break' || (previous.type === 'text' && /\n[ \t]*$/.test(previous.value));
}

/** An italic line alone in its paragraph (`_Lessons learned_`), written as a heading, or an italic label before its text (`*Cause* - ...`). */
function italicLine(node: Paragraph, base: number, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel | undefined {
  const [only, after] = node.children;
  if (only?.type !== 'emphasis') return undefined;
  const alone = node.children.length === 1 || (node.children.length === 2 && after.type === 'text' && /^:?[ \t]*$/.test(after.value));
  // "*Cause* - an upstream system ...": a status page's italic label before its text.
  if (!alone && !(after?.type === 'text' && labelLeadIn.test(after.value))) return undefined;
  const words = plainText(only);
  const span = spanOf(only, base);
  // "*tl;dr: the TLS handshake stalled ...*": a whole paragraph in italics that opens on a label is named by the label alone.
  const lead = /^([^:\n]{1,40}):[ \t]+\S/.exec(words);
  if (lead && alone) return labelOf(lead[1].trim(), { start: span.start, end: span.start + 1 + lead[1].length + 1 }, aliases);
  return labelOf(words.replace(/:$/, '').trim(), span, aliases);
}

/**
 * The sections that the items of a list open with their labels (`- **Impact**: ...`), each spanning its item.
 * With `plain`, a label without bold counts too (`- Impact: ...`), when it names a section for certain.
 */
export function listItemLabels(node: RootContent, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>, plain = false, nested = false): (SectionLabel & { span: Span; item: ListItem })[] {
  if (node.type !== 'list') return [];
  return node.children.flatMap((item) => {
    const lead = item.children[0];
    if (lead?.type !== 'paragraph') return [];
    const [first, second] = lead.children;
    const boldLead = first?.type === 'strong' || (first?.type === 'text' && emojiOnly.test(first.value) && second?.type === 'strong');
    const label = boldLead ? paragraphLabels(boldLead && first.type === 'text' ? { ...lead, children: lead.children.slice(1) } : lead, base, text, aliases)[0] : plain ? plainLeadLabel(lead, base, text, aliases) : undefined;
    if (label) return [{ ...label, span: spanOf(item, base), item }];
    // "- [ci] No builds run.\n  - Cause: the cluster cannot add nodes": a label in an entry's detail, named for certain, is that section too;
    // one level down only, as deeper lists are the notes of updates ("- Update #1\n  - Summary: ...").
    if (nested) return [];
    return item.children.flatMap((child) => (child.type === 'list' ? listItemLabels(child, base, text, aliases, plain, true).filter((label) => !label.uncertain) : []));
  });
}

/** `- Root causes: ...`: a few plain words and a colon at the start of the item, naming a section kind for certain. */
function plainLeadLabel(lead: Paragraph, base: number, text: string, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel | undefined {
  if (lead.children[0]?.type !== 'text') return undefined;
  const span = spanOf(lead, base);
  const match = plainItemLabel.exec(text.slice(span.start, span.end));
  if (!match || match[1].trim().split(/\s+/).length > maxPlainItemLabelWords) return undefined;
  // "Cause found: 09:12 UTC" gives a milestone its time; it opens no section.
  if (milestoneValue.test(text.slice(span.start + match[0].length, span.end))) return undefined;
  const title = match[1].trim();
  const start = span.start + match[0].indexOf(match[1]);
  const label = labelOf(title, { start, end: span.start + match[0].lastIndexOf(':') + 1 }, aliases);
  return label && !label.uncertain ? label : undefined;
}

function labelOf(title: string, heading: Span, aliases: Partial<Record<SectionKind, string[]>>): SectionLabel | undefined {
  // "12.36 AC Recap:": a line that opens on a time is an entry of a log, never a section's label; nor is an e-mail's
  // "Subject: Action Required: ..." line, whose words speak to the readers.
  const recognised = title && !opensOnTime(title) && !/^subject\s*:/i.test(title) ? recogniseHeading(title, aliases) : undefined;
  return recognised && { ...recognised, title, heading };
}

// "Here is the timeline of what the team did:", "Here's a timeline of events:": a sentence that introduces the timeline below it.
const introducesTimeline = /^(?:here(?:'s|’s| is)|this is|below is|the following is)\s+(?:a|the|our)\s+(?:\p{L}+\s+)?time ?line\b(?:[^.!?]|\.(?=\S))*:$/iu;

/** A paragraph of one sentence, bold or plain, that introduces the timeline opens it, said to be uncertain. */
function timelineLeadIn(node: Paragraph, base: number, text: string): SectionLabel | undefined {
  const words = plainText(node).replace(/\s+/g, ' ').trim();
  if (!introducesTimeline.test(words)) return undefined;
  const span = spanOf(node, base);
  return { kind: 'timeline', uncertain: true, title: words.slice(0, -1), heading: { start: span.start, end: span.start + text.slice(span.start, span.end).trimEnd().length } };
}
