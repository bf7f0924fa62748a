// Markdown parsing with unified + remark, split at headings so that an edit re-parses only
// the part of the document it touched (remark is super-linear on long lists and tables).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import type { Processor } from 'unified';
import type { Construct, Extension } from 'micromark-util-types';
import type { Root, RootContent, Nodes } from 'mdast';
import type { Span } from './model';
import { frontMatterLength } from './front-matter';
import { maxNesting } from './limits';

export interface Chunk {
  /** Offset of the chunk in the document. */
  start: number;
  text: string;
}

/** A parsed chunk: its top-level nodes, with offsets relative to `start`. */
export interface ParsedChunk extends Chunk {
  root: Root;
}

/** Computes a value from a node once (see `MarkdownParser.derived`); values hold chunk-relative offsets. */
export type Derive = <T>(node: object, key: string, compute: () => T) => T;

/** A line that opens a fenced code block, or may close one; the fence is the first group. */
export const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;

/** A line (its `fenceOpen` match given) closes a fence with at least as many of the same marks and only spaces or tabs after them. */
export function closesFence(line: string, open: RegExpExecArray | null, fence: string): boolean {
  return open !== null && open[1][0] === fence[0] && open[1].length >= fence.length && /^[ \t]*\r?$/.test(line.slice(open[0].length));
}
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
// A list item's mark as CommonMark allows it: a bullet, or a number of up to nine digits and '.' or ')'.
const listMark = String.raw`(?:[-*+]|\d{1,9}[.)])`;
/** A list item's mark and the blanks after it, at the start of a line. */
export const listMarker = new RegExp(`^${listMark}[ \\t]+`);
/** remark is super-linear on long lists: a list longer than this is parsed in parts. */
const maxChunkLines = 200;

const containerPrefix = new RegExp(`^(?:[ \\t]*(?:>|${listMark}(?=[ \\t])))+[ \\t]*`, 'gm');
const longPrefix = new RegExp(`^[ \\t>*+\\-\\d.)]{${maxNesting + 1}}`, 'm');

/**
 * A paragraph with more emphasis or strikethrough markers and link brackets than this is refused:
 * remark pairs them in time quadratic in their number (16,000 take seconds), and no prose needs so many.
 */
export const maxInlineMarkers = 1000;

/** Why a document cannot be parsed safely (lists or quotes nested too deeply, a paragraph crowded with inline markers), or undefined. */
export function unparsableReason(text: string): string | undefined {
  const body = text.slice(leadingMarks(text));
  return tooDeep(body) ?? crowdedParagraph(body);
}

function tooDeep(text: string): string | undefined {
  // Refusal needs a prefix of more than 32 characters; most documents have none, so no match objects are made.
  if (!longPrefix.test(text)) return undefined;
  for (const match of text.matchAll(containerPrefix)) {
    // Each level is a marker or two columns of indentation: count both, cheaply.
    const markers = match[0].replace(/[ \t]/g, '').length;
    const indent = match[0].length - markers;
    if (markers + indent / 2 > maxNesting * 2 || markers > maxNesting) {
      return `it has lists or block quotes nested more than ${maxNesting} levels deep`;
    }
  }
  return undefined;
}

const quotePrefix = /^(?:[ \t]*>)*[ \t]*/;
const paragraphBreak = new RegExp(`^(?:$|${listMark}(?:[ \\t]|$)|#|\\|)`);
const thematicBreak = /^([*_-])(?:[ \t]*\1){2,}[ \t]*$/;
/**
 * What remark pairs up: `*`, `~` and `[`, and `_` unless it sits inside a word. Characters, not
 * runs: two long runs of `*` pair up one or two at a time into as many nested nodes.
 */
const inlineMarker = /[*~[]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** The first paragraph with more than `maxInlineMarkers` inline markers, outside fenced code. */
function crowdedParagraph(text: string): string | undefined {
  // Most documents have fewer markers in all than one paragraph may hold: one pass over the characters settles it.
  let markers = 0;
  for (let i = 0; i < text.length && markers <= maxInlineMarkers; i++) {
    const code = text.charCodeAt(i);
    if (code === 42 || code === 95 || code === 126 || code === 91) markers++;
  }
  if (markers <= maxInlineMarkers) return undefined;
  let markersInParagraph = 0;
  let fence: string | undefined;
  let lineNumber = 0;
  for (let start = 0; start <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let line = text.slice(start, end);
    // Block quote markers continue a paragraph; what follows them decides whether one starts.
    if (/^[ \t>]/.test(line)) line = line.replace(quotePrefix, '');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    const open = fenceOpen.exec(line);
    if (fence) {
      if (closesFence(line, open, fence)) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1];
      markersInParagraph = 0;
      continue;
    }
    // A rule (`***`) is no paragraph, and its markers pair with nothing.
    if (thematicBreak.test(line)) {
      markersInParagraph = 0;
      continue;
    }
    // A list item, a heading, a table row or a blank line starts a new paragraph (or none).
    if (paragraphBreak.test(line)) markersInParagraph = 0;
    inlineMarker.lastIndex = 0;
    while (inlineMarker.exec(line)) markersInParagraph++;
    if (markersInParagraph > maxInlineMarkers) {
      return `the paragraph at line ${lineNumber + 1} has more than ${maxInlineMarkers.toLocaleString('en-US')} emphasis markers and brackets (*, _, ~, [), which would take the Markdown parser too long`;
    }
    if (newline < 0) break;
  }
  return undefined;
}

/**
 * How many byte order marks start the text. remark drops one at the start of what it parses and
 * counts offsets without it, so parsing starts after all of them and offsets stay right.
 * Byte order marks only, unlike the item tags of action-item-shapes: this runs on the raw document, before any parsing.
 */
export function leadingMarks(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 0xfeff) count++;
  return count;
}

/**
 * Splits a document before each ATX heading at the start of a line, outside fenced code and
 * front matter. A heading always ends the block before it, so parsing chunks separately
 * gives the same tree as parsing the whole (link reference definitions aside). A chunk longer
 * than `maxChunkLines` is also split before a top-level list item, so a very long list becomes
 * several lists: the same items, parsed in linear time.
 */
export function splitAtHeadings(text: string): Chunk[] {
  const first = leadingMarks(text);
  const starts = [first];
  let offset = Math.max(first, frontMatterLength(text));
  let fence: string | undefined;
  let linesInChunk = 0;
  while (offset < text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(offset, Math.min(lineEnd, offset + 200));
    const open = fenceOpen.exec(line);
    if (fence) {
      if (closesFence(line, open, fence)) fence = undefined;
    } else if (open) {
      fence = open[1];
    } else if (offset > first && (atxHeading.test(line) || (linesInChunk >= maxChunkLines && listMarker.test(line)))) {
      starts.push(offset);
      linesInChunk = 0;
    }
    linesInChunk++;
    offset = lineEnd + 1;
  }
  return starts.map((start, i) => ({ start, text: text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length) }));
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/**
 * GFM as remark-gfm reads it, but without email autolinks: micromark tries one at the start of every word, most of what
 * full GFM costs beyond its structure, and none can match in a text without an `@` between a word and a domain.
 */
function remarkGfmWithoutEmails(this: Processor): undefined {
  remarkGfm.call(this);
  // remark-gfm adds its syntax, one extension, last.
  const extensions = this.data().micromarkExtensions ?? [];
  extensions.splice(-1, 1, withoutEmailAutolinks(extensions[extensions.length - 1]));
  return undefined;
}

function withoutEmailAutolinks(extension: Extension): Extension {
  const text = Object.entries(extension.text ?? {}).flatMap(([code, found]) => {
    const kept = [found ?? []].flat().filter((construct: Construct) => construct.name !== 'emailAutolink');
    return kept.length > 0 ? [[code, kept] as const] : [];
  });
  return { ...extension, text: Object.fromEntries(text) };
}

const processorWithoutEmails = unified().use(remarkParse).use(remarkGfmWithoutEmails).use(remarkFrontmatter, ['yaml']);

/** GFM's tables, task lists and strikethrough, without the cost of finding bare links and footnotes. */
function remarkGfmStructure(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
  return undefined;
}

// Skimming for the workspace index needs the structure of tables and task lists only; so does a chunk with a very long paragraph.
const structureProcessor = unified().use(remarkParse).use(remarkGfmStructure).use(remarkFrontmatter, ['yaml']);

/** Finding bare links takes time quadratic in a paragraph's length; past this many characters, bare URLs stay text. */
const maxLinkedParagraph = 4000;

/**
 * What GFM's bare links and footnotes need in a text before they can make anything: an `@` (e-mail), `://`
 * (http, https), `www.` or `[^`. Without any, the full GFM parse gives the same tree as the structure alone, faster.
 */
const gfmLiteralMark = /@|:\/\/|www\.|\[\^/i;

/** Whether one chunk needs full GFM: bare URLs become links unless a paragraph is too long for that to finish quickly. */
function needsFullGfm(text: string): boolean {
  return gfmLiteralMark.test(text) && longestParagraph(text) <= maxLinkedParagraph;
}

/** What an email autolink needs: an `@` with a character of its name before it and one of its domain after (an `@handle` has none before). */
const emailMark = /[\w+.-]@[\w.-]/;

/** A top-level block as placed in the document: its node's offsets are relative to `chunkText`, which starts at `base`. */
export interface BlockPiece {
  node: RootContent;
  base: number;
  chunkText: string;
}

/** Parses a piece of a chunk on its own, as the chunk would be parsed; its offsets are relative to the piece. */
export function parseFragment(text: string): Root {
  return parseChunk(text);
}

function parseChunk(text: string): Root {
  if (!needsFullGfm(text)) return structureProcessor.parse(text);
  return emailMark.test(text) ? processor.parse(text) : processorWithoutEmails.parse(text);
}

/** Characters in the longest run of non-blank lines (table rows aside, whose cells are read one by one). */
function longestParagraph(text: string): number {
  let longest = 0;
  let run = 0;
  for (const line of text.split('\n')) {
    run = line.trim() === '' || /^\s*\|/.test(line) ? 0 : run + line.length + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Estimated bytes of a parsed tree per character of its text (positions and nodes for every word and mark), measured on postmortems. */
const treeBytesPerCharacter = 40;

/**
 * Parses Markdown, caching chunks by their text so unchanged parts are not parsed again. It keeps the
 * chunks of the last two texts parsed: an edit needs the chunks of the text before it, and an undo
 * those of the one before that.
 */
export class MarkdownParser {
  private current = new Map<string, Root>();
  private previous = new Map<string, Root>();
  private derivedFrom = new WeakMap<object, Map<string, unknown>>();
  private lastChecked: { text: string | undefined; reason: string | undefined } = { text: undefined, reason: undefined };

  parse(text: string): ParsedChunk[] {
    this.refuseUnparsable(text);
    const chunks = splitAtHeadings(text);
    const next = new Map<string, Root>();
    const parsed = chunks.map((chunk, i) => {
      const key = cacheKey(chunk, i);
      const root = next.get(key) ?? this.current.get(key) ?? this.previous.get(key) ?? parseChunk(chunk.text);
      next.set(key, root);
      return { ...chunk, root };
    });
    this.previous = this.current;
    this.current = next;
    return parsed;
  }

  /** Why the text cannot be parsed safely, or undefined; the last answer is remembered, as the server asks before it analyses and the parser again. */
  unparsableReason(text: string): string | undefined {
    if (text !== this.lastChecked.text) this.lastChecked = { text, reason: unparsableReason(text) };
    return this.lastChecked.reason;
  }

  /**
   * What was computed from a parsed node, by key. A node is the same object for as long as its
   * chunk's text is unchanged, so an edit recomputes only what it touched.
   */
  derived<T>(node: object, key: string, compute: () => T): T {
    let values = this.derivedFrom.get(node);
    if (!values) this.derivedFrom.set(node, (values = new Map<string, unknown>()));
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T;
  }

  /**
   * Parses the chunks `keep` selects; of the others only the first line (their heading), which is
   * enough for the outline. A skimmed tree is not the document's tree, so only the chunks whose
   * structure is their whole tree (no bare links or footnotes) are kept for a later `parse`.
   */
  skim(text: string, keep: (chunks: readonly Chunk[]) => boolean[]): ParsedChunk[] {
    this.refuseUnparsable(text);
    const chunks = splitAtHeadings(text);
    const kept = keep(chunks);
    const next = new Map<string, Root>();
    const skimmed = chunks.map((chunk, i) => {
      if (!kept[i]) return { ...chunk, root: structureProcessor.parse(chunk.text.split('\n', 1)[0]) };
      if (needsFullGfm(chunk.text)) return { ...chunk, root: structureProcessor.parse(chunk.text) };
      const key = cacheKey(chunk, i);
      const root = next.get(key) ?? this.current.get(key) ?? this.previous.get(key) ?? structureProcessor.parse(chunk.text);
      next.set(key, root);
      return { ...chunk, root };
    });
    this.previous = this.current;
    this.current = next;
    return skimmed;
  }

  /**
   * Parses the chunks not parsed yet, yielding to the event loop between slices of `sliceMs`,
   * so that a server stays responsive while a large document is parsed the first time.
   */
  async warm(text: string, sliceMs = 50): Promise<void> {
    if (this.unparsableReason(text)) return;
    let sliceStart = Date.now();
    for (const [i, chunk] of splitAtHeadings(text).entries()) {
      const key = cacheKey(chunk, i);
      if (this.current.has(key)) continue;
      this.current.set(key, this.previous.get(key) ?? parseChunk(chunk.text));
      if (Date.now() - sliceStart >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
  }

  /** Estimated bytes of the parsed chunks held. */
  get bytes(): number {
    let characters = 0;
    for (const key of this.current.keys()) characters += key.length;
    for (const key of this.previous.keys()) if (!this.current.has(key)) characters += key.length;
    return characters * treeBytesPerCharacter;
  }

  /** Lets go of every parsed chunk and remembered answer. */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.derivedFrom = new WeakMap();
    this.lastChecked = { text: undefined, reason: undefined };
  }

  private refuseUnparsable(text: string): void {
    const reason = this.unparsableReason(text);
    if (reason) throw new Error(`${reason}.`);
  }
}

/** The first chunk may hold front matter; the same text elsewhere must not, so key it apart. */
function cacheKey(chunk: Chunk, index: number): string {
  return index === 0 ? '\u0000' + chunk.text : chunk.text;
}

/** The span of a node in the document, given its chunk's offset. */
export function spanOf(node: Nodes, base: number): Span {
  return {
    start: base + (node.position?.start.offset ?? 0),
    end: base + (node.position?.end.offset ?? 0),
  };
}

export type { Root, RootContent, Nodes };
