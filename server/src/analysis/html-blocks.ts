// Raw HTML lists and paragraphs (`<ul><li>…</li></ul>`, `<p>…</p>`) read as the Markdown lists and paragraphs they stand for.
import type { Html, List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import { parseEntities } from 'parse-entities';
import { linesWithOffsets } from './text';

type Point = NonNullable<Html['position']>['start'];

// The tags that shape a list: lists open and close, entries open and close.
const listStructureTag = /<(\/?)(ul|ol|li)(?=[\s>/])[^>]*>/gi;
const paragraphTag = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p\s*>/gi;
const listTag = /<(ol|ul)[\s>]/i;
const tagOrComment = /<!--[\s\S]*?-->|<[^>]*>/g;

/** True when the HTML block holds list entries. */
export function isHtmlList(node: Html): boolean {
  return listTag.test(node.value) && /<li[\s>]/i.test(node.value);
}

/** The words an HTML fragment shows: its tags dropped, its entities decoded (`&#8211;`, `&nbsp;`), its spaces collapsed. */
export function htmlWords(fragment: string): string {
  return parseEntities(fragment.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

// A heading in HTML: `<h2>What happened?</h2>`.
const headingTag = /<h([1-6])(?:\s[^>]*)?>(?:(?!<\/?h[1-6][\s>])[\s\S])*?<\/h\1>/gi;
// The tags that end a line of rich text: line breaks, paragraphs, lists and their entries, divisions, table cells.
const lineTag = /<\/?(?:br|p|div|ul|ol|li|h[1-6]|blockquote|table|tr|td|th)(?=[\s>/])[^>]*>/gi;
// A label is short: a bold run is looked for over a few hundred characters, so an unclosed tag costs little.
const boldRun = /<(strong|b)(?=[\s>])[^>]*>([\s\S]{0,300}?)<\/\1\s*>/gi;

/** A bold run that is a line of its own, or leads its line with a colon (`<br /><b>Overview:</b> ...`): its place and words. */
export interface HtmlBoldLine {
  start: number;
  end: number;
  /** Its words, without the colon. */
  words: string;
}

/** The block with each comment, tag and `&nbsp;` blanked to spaces of its length, so offsets stay those of the source. */
function blankedMarkup(value: string): string {
  return value.replace(/<!--[\s\S]*?-->|<[^>]*>|&nbsp;/gi, (markup) => ' '.repeat(markup.length));
}

/** A comment or a preformatted block (`<pre>`, `<script>`, ...) keeps what is inside it as it is: no headings, no lines to read. */
export function isVerbatimHtml(value: string): boolean {
  return /^\s*<(?:!--|(?:pre|script|style|textarea)\b)/i.test(value);
}

/** Whether the text between two offsets of an HTML block shows any words, answered in constant time after one pass. */
function wordsBetween(value: string): (from: number, to: number) => boolean {
  const blanked = blankedMarkup(value);
  const shown = new Uint32Array(blanked.length + 1);
  for (let index = 0; index < blanked.length; index++) shown[index + 1] = shown[index] + (/\s/.test(blanked[index]) ? 0 : 1);
  return (from, to) => shown[Math.min(to, blanked.length)] > shown[Math.max(from, 0)];
}

/** The bold lines of an HTML block: what rich text pasted from an editor writes for its headings, between `<br />` tags. */
export function htmlBoldLines(value: string, hasWords = wordsBetween(value)): HtmlBoldLine[] {
  if (!/<(?:strong|b)[\s>]/i.test(value)) return [];
  const breaks = [...value.matchAll(lineTag)].map((tag) => ({ start: tag.index, end: tag.index + tag[0].length, opensCell: /^<(?:li|td|th)[\s>]/i.test(tag[0]) }));
  const lines: HtmlBoldLine[] = [];
  // Both pointers only move forward: the break before the run, and the first one after it.
  let next = 0;
  let after = 0;
  for (const run of value.matchAll(boldRun)) {
    const end = run.index + run[0].length;
    while (next < breaks.length && breaks[next].end <= run.index) next++;
    after = Math.max(after, next);
    while (after < breaks.length && breaks[after].start < end) after++;
    const lineStart = next > 0 ? breaks[next - 1].end : 0;
    const lineEnd = after < breaks.length ? breaks[after].start : value.length;
    const words = htmlWords(run[2]);
    // A bold lead in a list entry or a table cell (`<li><b>Impact:</b> ...`) labels that entry, not the block.
    if (words === '' || breaks[next - 1]?.opensCell || hasWords(lineStart, run.index)) continue;
    // "<b>Overview:</b> text" leads its line; "<b>Note</b> that ..." is emphasis in a sentence.
    const leadsIn = words.endsWith(':') || /^(?::|[-–—](?:\s|$))/.test(htmlWords(value.slice(end, Math.min(lineEnd, end + 80))));
    if (hasWords(end, lineEnd) && !leadsIn) continue;
    lines.push({ start: run.index, end, words: words.replace(/:$/, '').trim() });
  }
  return lines;
}

/**
 * An HTML block cut before and after each line that is a heading or a bold line that opens a section, so the
 * heading opens its section as a block of its own would: an imported blog post's body is often one run of
 * tags with no blank line between them.
 */
export function splitAtHtmlSectionStarts(node: Html, opensSection: (words: string) => boolean): Html[] {
  if (!node.position || !/<(?:h[1-6]|strong|b)[\s>]/i.test(node.value) || isVerbatimHtml(node.value)) return [node];
  const cuts = [0];
  // A heading may share its line with the paragraph before it (`the refunds went out.</p><h4>Next</h4>`).
  for (const heading of node.value.matchAll(headingTag)) cuts.push(heading.index, heading.index + heading[0].length);
  const hasWords = wordsBetween(node.value);
  for (const line of htmlBoldLines(node.value, hasWords).filter((candidate) => opensSection(candidate.words))) {
    // A block that is the bold line alone (`<p><b>Impact</b></p>`) stays whole.
    if (hasWords(0, line.start)) cuts.push(line.start);
    if (hasWords(line.end, node.value.length)) cuts.push(line.end);
  }
  cuts.push(node.value.length);
  cuts.sort((a, b) => a - b);
  return piecesAt(node, cuts);
}

/** The block cut at the sorted offsets `cuts`, each piece trimmed of white space; the block itself when that leaves one piece. */
function piecesAt(node: Html, cuts: number[]): Html[] {
  if (!node.position) return [node];
  const place = pointsIn(node.value, node.position.start);
  const pieces: Html[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    let from = cuts[index];
    let to = cuts[index + 1];
    while (from < to && /\s/.test(node.value[from])) from++;
    while (to > from && /\s/.test(node.value[to - 1])) to--;
    if (from < to) pieces.push({ type: 'html', value: node.value.slice(from, to), position: { start: place(from), end: place(to) } });
  }
  return pieces.length > 1 ? pieces : [node];
}

// Tags that make a block of their own: text holding one stays HTML, read as such.
const blockTag = /<\/?(?:p|div|h[1-6]|table|blockquote|pre|section|article|details|figure|dl)(?=[\s>/])/i;

/**
 * An HTML list block cut around the text that stands outside its lists (`We are taking these steps:` between a `</ul>`
 * and a `<ul>`): plain text there is the paragraph it stands for, so a lead-in leads into the list after it.
 */
export function splitHtmlListAtText(node: Html): (Html | Paragraph)[] {
  if (!node.position || !isHtmlList(node) || isVerbatimHtml(node.value)) return [node];
  const hasWords = wordsBetween(node.value);
  const cuts = [0];
  let depth = 0;
  let outsideFrom = 0;
  for (const tag of node.value.matchAll(listStructureTag)) {
    if (tag[2].toLowerCase() === 'li') continue;
    const closing = tag[1] === '/';
    if (!closing && depth++ === 0 && hasWords(outsideFrom, tag.index)) cuts.push(outsideFrom, tag.index);
    if (closing && depth > 0 && --depth === 0) outsideFrom = tag.index + tag[0].length;
  }
  if (depth === 0 && hasWords(outsideFrom, node.value.length)) cuts.push(outsideFrom);
  cuts.push(node.value.length);
  const pieces = piecesAt(node, [...new Set(cuts)].sort((a, b) => a - b));
  if (pieces.length === 1) return pieces;
  return pieces.map((piece) => (isHtmlList(piece) || blockTag.test(piece.value) || !piece.position ? piece : (paragraphOf(piece.value, 0, piece.value.length, pointsIn(piece.value, piece.position.start)) ?? piece)));
}

/** A line of an HTML block, between the tags that end lines: its start in the block, and its text with the markup blanked. */
export interface HtmlLine {
  start: number;
  text: string;
}

/** The lines of an HTML block as rich text shows them (`10:02 - paged<br />10:05 - rolled back`). */
export function htmlLines(value: string): HtmlLine[] {
  const blanked = blankedMarkup(value);
  const lines: HtmlLine[] = [];
  let start = 0;
  for (const tag of [...value.matchAll(lineTag), { index: value.length, 0: '' }]) {
    for (const [offset, piece] of linesWithOffsets(blanked.slice(start, tag.index), start)) if (piece.trim() !== '') lines.push({ start: offset, text: piece });
    start = tag.index + tag[0].length;
  }
  return lines;
}

/**
 * The list (one per block, its entries in order) or the paragraphs an HTML block holds, with text nodes placed at
 * their source offsets, so that what is read from them is found on the right line.
 */
export function htmlBlockContent(node: Html): (List | Paragraph)[] {
  if (!node.position) return [];
  const place = pointsIn(node.value, node.position.start);
  if (isHtmlList(node)) {
    const list = htmlList(node.value, place);
    return list ? [list] : [];
  }
  return [...node.value.matchAll(paragraphTag)].flatMap((match) => {
    const start = match.index + match[0].indexOf('>') + 1;
    return paragraphOf(node.value, start, start + match[1].length, place) ?? [];
  });
}

/** A list being read: its entries so far. */
interface OpenList {
  ordered: boolean;
  items: ListItem[];
  /** Where the words of the entry being read start, until a nested list or its end cuts them off. */
  wordsFrom: number | undefined;
}

/**
 * The outermost list of an HTML block, with a list nested in an entry (`<li>Add alerts<ul><li>Dashboards</li></ul></li>`)
 * kept under that entry, as Markdown nests it: there its bullets are the entry's detail. An entry runs to its
 * closing tag, the next entry, or the end of its list, whichever comes first.
 */
function htmlList(value: string, place: (index: number) => Point): List | undefined {
  const open: OpenList[] = [];
  // Lists one after another in the block read as one, as before: what matters is their entries.
  const outermost: ListItem[] = [];
  let ordered: boolean | undefined;
  const endWords = (list: OpenList, at: number) => {
    if (list.wordsFrom === undefined) return;
    const paragraph = paragraphOf(value, list.wordsFrom, at, place);
    list.wordsFrom = undefined;
    if (paragraph) list.items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: paragraph.position });
  };
  const close = (at: number) => {
    const list = open.pop();
    if (!list) return;
    endWords(list, at);
    if (list.items.length === 0) return;
    const node = listOf(list.items, list.ordered);
    const parent = open[open.length - 1];
    const owner = parent?.items[parent.items.length - 1];
    if (!parent) {
      outermost.push(...list.items);
      ordered ??= list.ordered;
    } else if (owner) {
      owner.children.push(node);
      owner.position = { start: owner.position!.start, end: node.position!.end };
    }
  };
  for (const tag of value.matchAll(listStructureTag)) {
    const [whole, closing, name] = tag;
    const at = tag.index;
    const top = open[open.length - 1];
    if (name.toLowerCase() === 'li') {
      if (!top) continue;
      endWords(top, at);
      if (!closing) top.wordsFrom = at + whole.length;
    } else if (closing) {
      close(at);
    } else {
      if (top) endWords(top, at);
      open.push({ ordered: name.toLowerCase() === 'ol', items: [], wordsFrom: undefined });
    }
  }
  while (open.length > 0) close(value.length);
  return outermost.length > 0 ? listOf(outermost, ordered ?? false) : undefined;
}

function listOf(items: ListItem[], ordered: boolean): List {
  return { type: 'list', ordered, start: ordered ? 1 : null, spread: false, children: items, position: { start: items[0].position!.start, end: items[items.length - 1].position!.end } };
}

/** A paragraph of the text between the tags in `value[start, end)`, or undefined when it shows no words. */
function paragraphOf(value: string, start: number, end: number, place: (index: number) => Point): Paragraph | undefined {
  const children: PhrasingContent[] = [];
  const words: { from: number; to: number }[] = [];
  let cursor = start;
  const addText = (until: number) => {
    const run = value.slice(cursor, until);
    if (run.trim() === '') return;
    children.push({ type: 'text', value: parseEntities(run), position: { start: place(cursor), end: place(until) } });
    // The paragraph spans its words, not the spaces and line breaks around them.
    words.push({ from: cursor + run.length - run.trimStart().length, to: until - (run.length - run.trimEnd().length) });
  };
  for (const tag of value.slice(start, end).matchAll(tagOrComment)) {
    const at = start + tag.index;
    addText(at);
    if (/^<br\s*\/?>$/i.test(tag[0])) children.push({ type: 'break', position: { start: place(at), end: place(at + tag[0].length) } });
    cursor = at + tag[0].length;
  }
  addText(end);
  if (words.length === 0) return undefined;
  return { type: 'paragraph', children, position: { start: place(words[0].from), end: place(words[words.length - 1].to) } };
}

/** Maps an index into an HTML block's value to its point in the document. */
function pointsIn(value: string, origin: Point): (index: number) => Point {
  return (index) => {
    const before = value.slice(0, index).split('\n');
    const line = origin.line + before.length - 1;
    const column = before.length === 1 ? origin.column + index : before[before.length - 1].length + 1;
    return { line, column, offset: (origin.offset ?? 0) + index };
  };
}
