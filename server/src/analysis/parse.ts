// Text -> Postmortem model. The only place that reads Markdown; rules read the model.
import type { Heading, Html, Nodes } from 'mdast';
import type { ActionItem, MetadataField, Placeholder, Postmortem, ProseBlock, Section, SectionKind, Span, ValueAt } from './model';
import type { PostmortemConfig } from './config';
import { closesFence, fenceOpen, MarkdownParser, spanOf, type BlockPiece, type Derive, type ParsedChunk, type RootContent } from './markdown';
import type { AnalysisCache } from './cache';
import { maskedText, plainText } from './inline';
import { findDateIn, metadataKey, numericDateOrder, settleDateOrder, readFrontMatter, readFrontMatterLines, readLabelLines, sectionField, type FrontMatter } from './metadata';
import { frontMatterLength, mdxPreambleEnd } from './front-matter';
import { asksWhatHappened, comingPeriod, hasWordsBeforeKeyWords, isExactHeading, recogniseHeading, sectionKindOf } from './sections';
import { htmlBoldLabel, listItemLabels, namesSection, paragraphLabels, splitAtBareHeadingLines, splitListAtBareHeadingLine, type SectionLabel } from './section-labels';
import { headsPartOfLog, inferKindsByContent } from './section-content';
import { htmlBlockContent, htmlWords, isHtmlList, splitAtHtmlSectionStarts, splitHtmlListAtText } from './html-blocks';
import { readTimeline, type Block } from './timeline';
import { advisesReaders, afterLeadLabel, cellTerms, definesTerms, isItemHeading, isSignature, leadLabelOf, mayHoldLooseActionItems, opensStatusUpdate, promisedOwner, promisesActions, readActionItems, readLooseActionItems } from './action-items';
import { leadsIntoList, namesTimeAhead, namesWorkAhead, ownerOfGroupLabel, saysDone, windowOf } from './action-item-shapes';
import { findPlaceholders } from './placeholders';
import { deriveMetrics } from './metrics';
import { findDate, findTimezone, today as todayIn } from './time';
import { shiftSpan, trimEndMatching } from './text';
import { once } from './lazy';

interface PlacedBlock extends Block {
  /** Index of the innermost section the block sits in. */
  section: number | undefined;
}

export interface ParseOptions {
  /**
   * Read only what an index of action items needs (title, metadata, timeline, action items): the
   * prose sections are not parsed, so their findings and emptiness are not known.
   */
  skim?: boolean;
  /** `YYYY-MM-DD`, today when not given: dates written without a year are read as on or before it. */
  today?: string;
  /** Keeps what is read from the text between calls (the last model, timestamps, dates); the parser keeps the parsed sections. */
  cache?: AnalysisCache;
}

export function parsePostmortem(text: string, config: PostmortemConfig, parser = new MarkdownParser(), options: ParseOptions = {}): Postmortem {
  const { cache } = options;
  // The CLI reads each file once for the workspace rules and again to lint it: the second read is the first's model.
  if (!cache || options.skim || parser !== cache.parser) return readPostmortem(text, config, parser, options);
  const today = options.today ?? todayIn({ timeZone: config.timezone });
  return cache.lastModel(text, config, today, () => readPostmortem(text, config, parser, { ...options, today }));
}

function readPostmortem(text: string, config: PostmortemConfig, parser: MarkdownParser, options: ParseOptions): Postmortem {
  const chunks = options.skim ? parser.skim(text, (all) => chunksToRead(all, config)) : parser.parse(text);
  const { sections, blocks, comments, frontMatter, preamble } = placeBlocks(chunks, text, config, parser.derived.bind(parser));

  const effectiveKinds = sections.map((_, i) => effectiveKind(sections, i));
  const kindOf = (block: PlacedBlock) => (block.section === undefined ? undefined : effectiveKinds[block.section]);

  const metadata = readMetadata(text, sections, blocks, [...(frontMatter?.fields ?? []), ...preamble], kindOf);
  const field = (key: string) => metadata.find((f) => f.key === key)?.value;

  const timelineSection = sections.findIndex((s) => s.kind === 'timeline');
  const timezone =
    (field('timezone') && findTimezone(field('timezone') ?? '')) ??
    (timelineSection >= 0 ? findTimezone(sections[timelineSection].title) : undefined) ??
    config.timezone ??
    'UTC';

  const isTimelineHeading = (block: PlacedBlock) => block.node.type === 'heading' && sections[block.section ?? -1]?.kind === 'timeline' && spanOf(block.node, block.base).start === sections[block.section ?? -1].heading.start;
  // The timeline section's blocks, and the lists under a "- **Key events**" item, in document order.
  const timelineBlocks = blocks.flatMap((block) =>
    kindOf(block) === 'timeline' ? (isTimelineHeading(block) ? [] : [{ ...block, timelineSection: timelineSectionOf(sections, block.section) }]) : labelledItemBlocks(block, 'timeline', config.sections.aliases, kindOf(block) !== 'action-items').map(({ node }) => ({ ...block, node })),
  );
  const today = options.today ?? todayIn({ timeZone: config.timezone });
  const titleHeading = sections.find((s) => s.depth === 1);
  const frontTitle = frontMatter?.fields.find((f) => f.key === 'title');
  const title = titleHeading ? { value: titleHeading.title, span: titleHeading.heading } : frontTitle ? { value: frontTitle.value, span: frontTitle.valueSpan } : undefined;
  const dateField = metadata.find((f) => f.key === 'date');
  // `03/10/2021` could be either way round: the document's other numeric dates (`29-09-2021`) may settle it.
  const statedRead = dateField && findDateIn(dateField.value, today, options.cache);
  const stated = statedRead && dateField ? settleDateOrder(statedRead, dateField.value, statedRead.orderGuessed ? numericDateOrder(text) : undefined) : undefined;
  const statedDate = stated?.date;
  const titleDate = title ? findDateIn(title.value, today, options.cache) : undefined;
  const derive = parser.derived.bind(parser);
  const headingDate = timelineSection >= 0 ? findDate(sections[timelineSection].title) : undefined;
  const incidentDate = headingDate ?? statedDate ?? titleDate?.date;
  // With no date stated, the first date the timeline writes with its year bounds the year-less entries before it ("Nov 20th", ..., "Jan 02, 2020").
  const timelineTexts = () => timelineBlocks.map((block) => sourceOf(block, text));
  const latestDay = (incidentDate === undefined ? firstDateWithYear(timelineTexts(), today, options.cache) : undefined) ?? today;
  const timeline = readTimeline(timelineBlocks, derive, { timezone, incidentDate, latestDay, cache: options.cache });
  // Times read without any date fall on 1970-01-01; only a real date can date the incident.
  const firstTimelineInstant = timeline.find((entry) => entry.instant !== undefined)?.instant;
  const timelineDate = firstTimelineInstant !== undefined && firstTimelineInstant >= endOfDatelessYear ? new Date(firstTimelineInstant).toISOString().slice(0, 10) : undefined;
  // A title date with its year beats the timeline's; one without a year only fills in when nothing else dates the incident.
  const [date, dateFrom] =
    statedDate && dateField ? [statedDate, dateField.source] as const
    : titleDate?.yearWritten ? [titleDate.date, 'title'] as const
    : timelineDate ? [timelineDate, 'timeline'] as const
    : titleDate ? [titleDate.date, 'title'] as const
    : firstWrittenDate(text, blocks, kindOf, today, options.cache, metadata.find((f) => f.key === 'updated'));

  // Action items and prose of unchanged blocks are reused; they are read with chunk-relative offsets.
  const actionItems = withWriterNamed(readDocumentActionItems({ blocks, sections, kindOf, derive, date, aliases: config.sections.aliases, cache: options.cache }), metadata, bylineAuthor(blocks, sections), soloWork.test(text));

  const prose: ProseBlock[] = [];
  const placeholders: Placeholder[] = [];
  for (const block of blocks) {
    const where = proseWhere(kindOf(block), block.node);
    const read = derive(block.node, `prose\u0000${where}\u0000${config.placeholders.join('\u0000')}`, () => {
      const blockProse: ProseBlock[] = [];
      collectProse(block.node, 0, block.chunkText, where, blockProse);
      return { prose: blockProse, placeholders: findPlaceholders(blockProse, undefined, config.placeholders) };
    });
    for (const item of read.prose) prose.push({ ...item, span: shiftSpan(item.span, block.base) });
    for (const item of read.placeholders) placeholders.push({ ...item, span: shiftSpan(item.span, block.base) });
  }

  const frontMatterText = frontMatter ? { start: frontMatter.span.start, text: text.slice(frontMatter.span.start, frontMatter.span.end) } : undefined;
  return {
    text,
    title,
    frontMatter: frontMatter && { span: frontMatter.span, data: frontMatter.data, error: frontMatter.error },
    metadata,
    sections,
    timeline,
    actionItems,
    placeholders: [...findPlaceholders([], frontMatterText, config.placeholders), ...placeholders.filter((placeholder) => !isStatusValue(placeholder, actionItems))],
    prose,
    comments,
    timezone,
    date,
    dateFrom,
    dateOrderGuessed: dateFrom === dateField?.source && stated?.orderGuessed === true,
    metrics: deriveMetrics(timeline),
    people: findPeople(actionItems.map((item) => item.owner?.value), timeline.map((entry) => entry.description)),
    openBlockCloser: openBlockCloser(blocks[blocks.length - 1], text),
  };
}

/**
 * Front matter first, then label lines outside the timeline and action items (plain `Date: ...` lines only
 * under the title, before any section), then sections named after a field (`## Date`); the first of a key wins.
 */
function readMetadata(text: string, sections: readonly Section[], blocks: readonly PlacedBlock[], frontFields: readonly MetadataField[], kindOf: (block: PlacedBlock) => SectionKind | undefined): MetadataField[] {
  const metadata: MetadataField[] = [...frontFields];
  const add = (field: MetadataField | undefined) => {
    if (field && !metadata.some((known) => known.key === field.key)) metadata.push(field);
  };
  for (const block of blocks) {
    const kind = kindOf(block);
    if (kind === 'timeline' || kind === 'action-items' || (block.node.type !== 'paragraph' && block.node.type !== 'list')) continue;
    const span = spanOf(block.node, block.base);
    const underTitle = block.section === undefined || sections[block.section].depth === 1;
    // Under the title, bold labels are the document's facts, known or not; a label naming a section opens that section instead.
    for (const field of readLabelLines(text.slice(span.start, span.end), span.start, underTitle, underTitle)) {
      if (metadataKey(field.key) !== undefined || sectionKindOf(field.key) === undefined) add(field);
    }
  }
  sections.forEach((section, index) => {
    if (section.kind !== undefined || section.form !== 'heading') return;
    const next = sections[index + 1];
    const bodyEnd = next && next.heading.start < section.span.end ? next.heading.start : section.span.end;
    add(sectionField(section.title, text.slice(section.heading.end, bodyEnd), section.heading.end, { span: section.heading, text: text.slice(section.heading.start, section.heading.end) }));
  });
  return metadata;
}

const yearPattern = /\b(?:19|20)\d\d\b/;
const postedLine = /^[ \t]*Posted[ \t]+(\p{L}{3,9}\.?[ \t]+\d{1,2},[ \t]+(?:19|20)\d\d)\b/gmu;

/** The first date with its year written in the prose ("On 2024-03-02 a deploy ...") or as a heading ("## 3.4.2020", a timeline's day heading), else the post's last-changed date, when nothing else dates the incident. */
function firstWrittenDate(text: string, blocks: readonly PlacedBlock[], kindOf: (block: PlacedBlock) => SectionKind | undefined, today: string, cache: AnalysisCache | undefined, updated: MetadataField | undefined): readonly [string, 'text' | MetadataField['source']] | readonly [undefined, undefined] {
  for (const block of blocks) {
    const kind = kindOf(block);
    const dateHeading = block.node.type === 'heading' && block.node.depth > 1;
    // A day heading in the timeline ('### March 4, 2024') names a day of the incident; its entries were read already.
    if ((block.node.type !== 'paragraph' && !dateHeading) || (kind === 'timeline' && !dateHeading) || kind === 'action-items') continue;
    // "On March 3<sup>rd</sup>, 2025": inline HTML is markup, not words of the date.
    const paragraph = sourceOf(block, text).replace(/<\/?[a-z][^>]*>/gi, '');
    // Only a date with its year counts, and chrono is slow on long prose: skip paragraphs that name no year.
    if (!yearPattern.test(paragraph)) continue;
    const found = findDateIn(paragraph, today, cache);
    if (found?.yearWritten) return [found.date, 'text'];
  }
  // A status page's updates sign off "Posted Mar 3, 2024 - 14:05 UTC", newest first: the earliest is the incident's day.
  const posted = [...text.matchAll(postedLine)].map((match) => findDateIn(match[1], today, cache)).filter((found) => found?.yearWritten).map((found) => found?.date ?? '').sort();
  if (posted.length > 0) return [posted[0], 'text'];
  // A post's last-changed date ("updated: ...") is the last resort: a write-up is changed soon after the incident, if ever.
  const changed = updated && findDateIn(updated.value, today, cache);
  return changed?.yearWritten && updated ? [changed.date, updated.source] : [undefined, undefined];
}

interface ActionReading {
  blocks: readonly PlacedBlock[];
  sections: readonly Section[];
  kindOf: (block: PlacedBlock) => SectionKind | undefined;
  derive: Derive;
  /** The incident date: dates without a year take its year. */
  date: string | undefined;
  aliases: Partial<Record<SectionKind, string[]>>;
  /** Keeps the name tagger's answers for the labels over lists between analyses. */
  cache: AnalysisCache | undefined;
}

/** The action items of the whole document: in Action items sections, under action labels, and in the shapes that mark them elsewhere. */
function readDocumentActionItems({ blocks, sections, kindOf, derive, date, aliases, cache }: ActionReading): ActionItem[] {
  const actionItems: ActionItem[] = [];
  // A heading that only names a time ahead ("In the coming weeks") is an Action items section loosely: only lists of actions under it hold items.
  const looseWindow = (block: PlacedBlock) => block.section !== undefined && sections[block.section].uncertain && comingPeriod.test(sections[block.section].title);
  const actionKindOf = (block: PlacedBlock) => (kindOf(block) === 'action-items' && looseWindow(block) ? undefined : kindOf(block));
  // Sections with a list or table of actions; in the others each paragraph is an action written as prose.
  const listedActions = new Set(blocks.filter((block) => actionKindOf(block) === 'action-items' && ((block.node.type === 'list' && !isSignature(block.node)) || block.node.type === 'table' || (block.node.type === 'html' && isHtmlList(block.node)))).map((block) => block.section));
  const closedProse = new Set<number | undefined>();
  // The words in the cells of each action section's tables: a list that defines them ("P1 - ...") is the tables' legend.
  const tableTerms = new Map<number | undefined, Set<string>>();
  for (const block of blocks) {
    if (actionKindOf(block) === 'action-items' && block.node.type === 'table') tableTerms.set(block.section, new Set([...(tableTerms.get(block.section) ?? []), ...cellTerms(block.node)]));
  }
  // Without an Action items section, a list of needs under a lead-in holds the actions; so do the writers' promises in
  // prose when the only Action items sections tell what was already done ("What steps have we taken?").
  const readNeeds = !sections.some((section) => section.kind === 'action-items' && !saysDone(section.title));
  const topics = proseTopics(sections, blocks, actionKindOf);
  let label: string | undefined;
  for (const block of blocks) {
    const kind = actionKindOf(block);
    // A lone "**Actions planned:**" or "Short term:" line heads the list or table right after it.
    const above = label;
    // A comment between the label and its list (an inline directive) does not separate them.
    // A paragraph ending in a colon ("Going forward, we will do the following:") leads into the list after it.
    if (block.node.type !== 'html') label = leadLabelOf(block.node) ?? leadInOf(block);
    // "We recommend you do the following:" over a list: steps for the readers, not the team's follow-up.
    if (above !== undefined && (block.node.type === 'list' || (block.node.type === 'html' && isHtmlList(block.node))) && advisesReaders(above)) continue;
    if (kind !== 'action-items') {
      if (kind === 'timeline') continue;
      // "- **Review actions**:" over a nested list: the item is an Action items section of its own.
      for (const labelled of labelledItemBlocks(block, 'action-items', aliases, true)) {
        const items = derive(labelled.node, `actions\u0000${date}\u0000${labelled.group}\u0000${labelled.prose}`, () => readActionItems([{ node: labelled.node, base: 0, group: labelled.group, prose: labelled.prose }], block.chunkText, date, cache));
        for (const item of items) actionItems.push(shiftActionItem(item, block.base));
      }
      // "Action point:" lines, action tables and lists under an action label stand outside an Action items section too.
      const title = block.section === undefined || kind !== undefined ? undefined : sections[block.section].title;
      // Lessons may end in what the team needs to do: "What we take away from this:" over a list of needs.
      const context = { referenceDate: date, label: above, readNeeds: readNeeds && (kind === undefined || kind === 'lessons-learned'), windowHeading: title !== undefined && namesTimeAhead(title) ? title : undefined, readPromises: readNeeds, cache };
      // An HTML block's paragraphs (`<p>We will ...</p>`) are read as the Markdown paragraphs they stand for.
      const looseKey = `loose-actions\u0000${date}\u0000${above}\u0000${context.readNeeds}\u0000${context.windowHeading}\u0000${context.readPromises}`;
      const readLoose = () => (block.node.type === 'html' && !isHtmlList(block.node) ? htmlBlockContent(block.node) : [block.node]).flatMap((node) => (mayHoldLooseActionItems(node, context) ? readLooseActionItems(node, block.chunkText, context) : []));
      for (const item of derive(block.node, looseKey, readLoose)) actionItems.push(shiftActionItem(item, block.base));
      continue;
    }
    // A sub-heading gives its items a group ("Short term: this week"); one read as an action section itself may still say done or a window.
    const section = block.section === undefined ? undefined : sections[block.section];
    const sectionGroup = section && (section.kind !== 'action-items' || saysDone(section.title) || windowOf(section.title) !== undefined || namesWorkAhead(section.title)) ? section.title : undefined;
    // A label above the block groups its items, unless the section already says they are done ("**Action taken:**") or is an item whose detail the block is.
    const group = above !== undefined && block.node.type !== 'heading' && !(sectionGroup !== undefined && (saysDone(sectionGroup) || isItemHeading(sectionGroup))) ? above : sectionGroup;
    // A thematic break ends the actions written as prose: what follows it is a closing note; a status page's update log after them is no action either.
    if (block.node.type === 'thematicBreak' || opensStatusUpdate(block.node)) closedProse.add(block.section);
    const prose = !listedActions.has(block.section) && !closedProse.has(block.section);
    if (block.node.type === 'list' && definesTerms(block.node, tableTerms.get(block.section))) continue;
    // "**Alex**" over a list: a label that names a person or a team gives the items their owner; so does a lead-in that
    // promises them ("As a next step, @ana is going to produce two documents:"), which heads the list and is no item itself.
    const groupedByLabel = group !== undefined && group === above;
    const leadIn = groupedByLabel && promisesActions(above);
    const groupOwner = groupedByLabel ? (ownerOfGroupLabel(above, cache) ?? (leadIn ? promisedOwner(above) : undefined)) : undefined;
    const itemHeading = block.section !== undefined && topics.has(block.section) ? true : leadIn ? false : undefined;
    // "## Actions taken" over "### 1. Rotated the keys": a heading item takes the done of the action section above it.
    const doneAbove = block.node.type === 'heading' && section?.parent !== undefined && sections[section.parent].kind === 'action-items' && saysDone(sections[section.parent].title);
    const items = derive(block.node, `actions\u0000${date}\u0000${group}\u0000${prose}\u0000${groupOwner}\u0000${itemHeading}\u0000${doneAbove}`, () => readActionItems([{ node: block.node, base: 0, group, prose, groupOwner, itemHeading, doneAbove }], block.chunkText, date, cache));
    for (const item of items) actionItems.push(shiftActionItem(item, block.base));
  }
  return actionItems;
}

/**
 * The sub-headings of an Action items section that are each one action told in prose ("### Faster rollback", then
 * why and how): every sub-heading of the section holds paragraphs only, and there are at least two. A window or a
 * done label groups items instead.
 */
function proseTopics(sections: readonly Section[], blocks: readonly PlacedBlock[], kindOf: (block: PlacedBlock) => SectionKind | undefined): Set<number> {
  const topics = new Set<number>();
  const children = new Map<number, number[]>();
  sections.forEach((section, index) => {
    if (section.parent !== undefined && section.form === 'heading') children.set(section.parent, [...(children.get(section.parent) ?? []), index]);
  });
  const content = new Map<number, PlacedBlock[]>();
  for (const block of blocks) {
    if (block.section === undefined || block.node.type === 'heading') continue;
    const held = content.get(block.section) ?? [];
    held.push(block);
    content.set(block.section, held);
  }
  for (const [parent, indices] of children) {
    if (sections[parent].kind !== 'action-items' || indices.length < 2) continue;
    const isProseTopic = (index: number) => {
      const section = sections[index];
      const held = content.get(index) ?? [];
      return (
        section.kind === undefined &&
        !children.has(index) &&
        !saysDone(section.title) &&
        windowOf(section.title) === undefined &&
        held.length > 0 &&
        held.every((block) => block.node.type === 'paragraph' && kindOf(block) === 'action-items')
      );
    };
    if (indices.every(isProseTopic)) for (const index of indices) topics.add(index);
  }
  return topics;
}

/** The document text a block stands on. */
function sourceOf(block: PlacedBlock, text: string): string {
  const span = spanOf(block.node, block.base);
  return text.slice(span.start, span.end);
}

/** The first date written with its year on a line of `texts`, not after `today`; only lines that hold a year are read. */
function firstDateWithYear(texts: readonly string[], today: string, cache: AnalysisCache | undefined): string | undefined {
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!yearPattern.test(line)) continue;
      const found = findDateIn(line, today, cache);
      if (found?.yearWritten && found.date <= today) return found.date;
    }
  }
  return undefined;
}

/** The text of a paragraph that ends in a colon, which introduces the block after it. */
function leadInOf(block: PlacedBlock): string | undefined {
  if (block.node.type !== 'paragraph') return undefined;
  const words = plainText(block.node).trim();
  return leadsIntoList(words) ? words : undefined;
}

/**
 * The blocks nested in the items of a list that a label of `kind` opens (`- **Key events**` over a list of times), each
 * with the label; `plain` takes a plain label too (`- Corrective actions:`), where the list states facts as sections do.
 */
function labelledItemBlocks(block: PlacedBlock, kind: SectionKind, aliases: Partial<Record<SectionKind, string[]>>, plain: boolean): { node: RootContent; group: string; prose?: boolean }[] {
  if (block.node.type !== 'list') return [];
  return listItemLabels(block.node, 0, block.chunkText, aliases, plain)
    .filter((label) => label.kind === kind)
    .flatMap((label) => {
      // "- **What steps have we taken?** We have disabled ...": the words after a bold label are its first block, read as prose.
      const lead = label.item.children[0];
      const rest = kind === 'action-items' && lead?.type === 'paragraph' ? afterLeadLabel(lead) : undefined;
      const nested = label.item.children.slice(1).map((node) => ({ node, group: label.title }));
      return rest ? [{ node: rest, group: label.title, prose: true }, ...nested] : nested;
    });
}

interface PlacedDocument {
  sections: Section[];
  blocks: PlacedBlock[];
  comments: ValueAt<string>[];
  frontMatter: FrontMatter | undefined;
  /** The fields an MDX page's module lines state (`date: '2024-01-15'` in `export const post = { ... }`). */
  preamble: MetadataField[];
}

/** TOML front matter between `+++` fences, read by lines: its top-level keys, as YAML front matter's are. */
function readTomlFrontMatter(text: string): FrontMatter | undefined {
  const end = frontMatterLength(text);
  const open = /^\uFEFF*\+\+\+[ \t]*\r?\n/.exec(text);
  if (end === 0 || !open) return undefined;
  const closing = /\+\+\+[ \t]*(?:\r?\n)?$/.exec(text.slice(0, end));
  const fields = readFrontMatterLines(text.slice(open[0].length, closing?.index ?? end), open[0].length, 'toml');
  return { span: { start: open[0].length - open[0].trimStart().length, end }, data: Object.fromEntries(fields.map((field) => [field.key, field.value])), error: undefined, fields };
}

/** The sections, each top-level block placed in the innermost section open at it, the comments and the front matter. */
function placeBlocks(chunks: readonly ParsedChunk[], text: string, config: PostmortemConfig, derive: Derive): PlacedDocument {
  const placed: PlacedDocument = { sections: [], blocks: [], comments: [], frontMatter: readTomlFrontMatter(text), preamble: [] };
  const { sections } = placed;
  const open: number[] = [];
  // TOML front matter and an MDX page's module lines are no Markdown: their blocks are skipped, their fields read.
  const markdownStart = mdxPreambleEnd(text, frontMatterLength(text));
  const preambleStart = placed.frontMatter?.span.end ?? frontMatterLength(text);
  if (markdownStart > preambleStart) placed.preamble = readFrontMatterLines(text.slice(preambleStart, markdownStart), preambleStart, 'module');
  const aliases = config.sections.aliases;
  const aliasesKey = JSON.stringify(aliases);
  for (const chunk of chunks) {
    // A plain-text page's paragraph or list that runs heading lines into its text is read in pieces; the pieces are kept
    // with the chunk's parse (offsets relative to the chunk), so an edit elsewhere does not parse them again.
    const piecesOf = (child: RootContent): BlockPiece[] =>
      child.type === 'paragraph' ? derive(child, `pieces\u0000${aliasesKey}`, () => splitAtBareHeadingLines(child, chunk.text, aliases))
      : child.type === 'list' ? derive(child, `pieces\u0000${aliasesKey}`, () => splitListAtBareHeadingLine(child, chunk.text, aliases))
      : [{ node: child, base: 0, chunkText: chunk.text }];
    const pieces = chunk.root.children.flatMap((child): BlockPiece[] =>
      child.type === 'html' ? splitAtHtmlSectionStarts(child, (words) => namesSection(words, aliases)).flatMap(splitHtmlListAtText).map((node) => ({ node, base: chunk.start, chunkText: chunk.text }))
      : piecesOf(child).map((piece) => ({ ...piece, base: chunk.start + piece.base })),
    );
    for (const { node, base, chunkText } of pieces) {
      if (node.type === 'yaml') {
        const span = spanOf(node, base);
        const valueStart = text.indexOf('\n', span.start) + 1;
        placed.frontMatter = readFrontMatter(node.value, valueStart, span);
        continue;
      }
      if (spanOf(node, base).start < markdownStart) continue;
      // A comment that opens the page may hold its metadata as `.. date: ...` lines.
      if (placed.blocks.length === 0 && node.type === 'html' && node.value.startsWith('<!--')) {
        placed.preamble.push(...readFrontMatterLines(node.value, spanOf(node, base).start, 'comment'));
      }
      collectComments(node, base, text, placed.comments);
      const heading = node.type === 'heading' ? node : (htmlHeading(node) ?? unspacedHeading(node, base, text));
      if (heading) {
        while (open.length > 0 && sections[open[open.length - 1]].depth >= heading.depth) open.pop();
        const section = readSection(heading, base, text, open[open.length - 1], config);
        // The first heading naming the document ("Incident report: Queue backlog") is its title, at any level; an H1 may name it last ("Queue backlog RCA").
        if (sections.length === 0 && (documentTitle.test(section.title) || (heading.depth === 1 && reportNamedLast.test(section.title)))) Object.assign(section, { kind: undefined, uncertain: false });
        sections.push(section);
        open.push(sections.length - 1);
      }
      placed.blocks.push({ node, base, chunkText, section: open[open.length - 1] });
      // The block holding labels stays where it was (its other lines may be metadata); the blocks after it go to its last label.
      const before = sections.length;
      if (node.type !== 'heading') openLabelSections(node, base, text, config, sections, open);
      // "**Next steps**: automate the renewals.": a lone label, named for certain, that opens a paragraph and goes on in it makes the paragraph its own.
      const span = spanOf(node, base);
      const opened = sections[before] as Section | undefined;
      if (node.type === 'paragraph' && sections.length === before + 1 && opened?.form === 'label' && !opened.uncertain && opened.heading.start === span.start && /[\p{L}\p{N}]/u.test(text.slice(opened.heading.end, span.end).replace(/^[\s*_:：-]*/, ''))) {
        placed.blocks[placed.blocks.length - 1].section = before;
      }
    }
  }
  closeSections(sections, placed.blocks, text.length);
  loosenTitle(sections);
  keepCertainKinds(sections, placed.blocks, config.sections.aliases);
  keepTopLevelActions(sections);
  inferKindsByContent(sections, placed.blocks);
  return placed;
}

/**
 * "# Incident Log" over "## Q4 2023" and "### Incident on ...": the one H1 that opens the document, loosely a timeline,
 * over sections of its own, is the title of a log of incidents; read as a timeline, it would hold all their stories.
 * So is "# Incident: Vault lost its config" over sections of its own: the title, not loosely a summary.
 */
function loosenTitle(sections: Section[]): void {
  const first = sections[0];
  if (!first || first.depth !== 1 || first.form !== 'heading' || !first.uncertain || (first.kind !== 'timeline' && !(first.kind === 'summary' && /:\s*\S/.test(first.title)))) return;
  if (sections.some((section, index) => index > 0 && section.depth === 1)) return;
  if (!sections.some((section) => section.parent === 0 && section.form === 'heading')) return;
  Object.assign(first, { kind: undefined, uncertain: false });
}

// A heading written in HTML, alone in its block: `<h2>Impact</h2>`, `<h3 id="why">Root cause</h3>`.
const htmlHeadingBlock = /^[ \t]*<h([1-6])(?:\s[^>]*)?>([\s\S]*?)<\/h\1>[ \t]*$/i;

/** An HTML heading block as the heading it is, its tags and entities dropped from its words. */
function htmlHeading(node: RootContent): Heading | undefined {
  const match = node.type === 'html' ? htmlHeadingBlock.exec(node.value) : null;
  if (!match) return undefined;
  const words = htmlWords(match[2]);
  return { type: 'heading', depth: Number(match[1]) as Heading['depth'], children: [{ type: 'text', value: words }], position: node.position };
}

// "##Summary": kramdown and older Markdown read a heading without the space CommonMark wants; one hash alone is a tag.
const unspacedHeadingLine = /^(#{2,6})(\p{L}[^\n]*?)[ \t]*#*[ \t]*$/u;

/** A one-line paragraph written as a heading with no space after its hashes, as the heading its writer meant. */
function unspacedHeading(node: RootContent, base: number, text: string): Heading | undefined {
  if (node.type !== 'paragraph') return undefined;
  const span = spanOf(node, base);
  const match = unspacedHeadingLine.exec(text.slice(span.start, span.end));
  if (!match) return undefined;
  return { type: 'heading', depth: match[1].length as Heading['depth'], children: [{ type: 'text', value: match[2].trim() }], position: node.position };
}

// A date may come first: "2024-03-21 Incident report: ...", "14/02/2024 - Postmortem: ...", "March 3rd, 2024: Post-mortem of ...".
const documentTitle = /^\W*(?:(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[a-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4})[ \t]*(?:[-–—:][ \t]*)?)?(?:incident (?:report|review|postmortem|post-mortem)|post-?mortem|post mortem|rca|root cause analysis|retrospective)\b\s*(?:[:\-–—]|for\b|on\b|of\b)\s*\S/i;

// "v2 upgrade RCA", "Queue backlog post-mortem", "Billing outage incident report": the subject, then the kind of report.
const reportNamedLast = /\S[ \t]+(?:incident (?:report|review)|post-?mortem|post mortem|rca|root cause analysis|retrospective)[ \t]*$/i;

/** Depth of a section opened by a label line: below every heading, so the next heading or label closes it. */
const labelDepth = 7;

/**
 * Labels at the start of a paragraph's lines open sections that run to the next label or heading; the labelled
 * items of a list (`- **Impact**: ...`) are sections of one item each. Emptiness is not judged for labels.
 */
function openLabelSections(node: RootContent, base: number, text: string, config: PostmortemConfig, sections: Section[], open: number[]): void {
  const aliases = config.sections.aliases;
  const enclosing = () => open.filter((index) => sections[index].form === 'heading').pop();
  const labelSection = (label: SectionLabel, span: Span): Section => ({
    kind: label.kind,
    title: label.title,
    depth: labelDepth,
    heading: label.heading,
    span,
    parent: enclosing(),
    empty: false,
    uncertain: label.uncertain,
    form: 'label',
    kindFrom: 'title',
  });
  // A label naming the section it sits in ("**Five whys**" under Root cause) is part of that section, not a new one.
  const enclosingKinds = new Set(open.filter((index) => sections[index].form === 'heading').map((index) => sections[index].kind));
  // "**Actions taken:**" in the timeline records what responders did during the response: part of the timeline, not follow-up work.
  // "### Tuesday 5 September 2023" in the timeline, then "Tuesday summary:", "Ideas for next steps:": notes of that day's log.
  const inDayOfLog = once(() => {
    const nearest = enclosing();
    return nearest !== undefined && enclosingKinds.has('timeline') && sections[nearest].kind === undefined && headsPartOfLog(sections[nearest].title);
  });
  const opensSection = (label: SectionLabel) => !enclosingKinds.has(label.kind) && !(enclosingKinds.has('timeline') && label.kind === 'action-items' && saysDone(label.title)) && !inDayOfLog();
  // "> **TL;DR**: ...": a callout that opens on a summary label is the summary; other labels in quotes are others' words.
  const callout = node.type === 'blockquote' && node.children[0]?.type === 'paragraph' ? node.children[0] : undefined;
  if (node.type === 'paragraph' || node.type === 'html' || callout) {
    const labels = callout
      ? paragraphLabels(callout, base, text, aliases).filter((label) => label.kind === 'summary' && label.heading.start === spanOf(callout, base).start)
      : node.type === 'paragraph'
        ? paragraphLabels(node, base, text, aliases)
        : node.type === 'html'
          ? [htmlBoldLabel(node, base, aliases)].filter((label) => label !== undefined)
          : [];
    for (const label of labels.filter(opensSection)) {
      while (open.length > 0 && sections[open[open.length - 1]].depth >= labelDepth) open.pop();
      sections.push(labelSection(label, { start: label.heading.start, end: label.heading.start }));
      open.push(sections.length - 1);
    }
    return;
  }
  // Plain `- Impact: ...` items are labels where lists state facts, not in the timeline's or the actions' own lists.
  const plain = ![...enclosingKinds].some((kind) => kind === 'timeline' || kind === 'action-items');
  for (const label of listItemLabels(node, base, text, aliases, plain).filter(opensSection)) sections.push(labelSection(label, { ...label.span }));
}

/**
 * Where a kind is named for certain, loosely worded headings of that kind are something else ("Background" beside a
 * "Summary"), but for actions: more work is often listed under looser words ("Next up") beside "Action items", unless
 * the heading sits in a section of another kind ("Improvements" under "Lessons learned"). A label in a paragraph does
 * not displace a heading. A summary comes first: loose wording ("Details") after another section is no summary, but
 * for "What happened?", which outranks the other loose wording. Where a
 * heading names a kind exactly ("Action items"), a heading with words before the key words ("Vendor follow-up") is a
 * topic of its own, not a second one, unless it lists actions of its own ("Recovery actions" over a list).
 */
function keepCertainKinds(sections: Section[], blocks: readonly PlacedBlock[], aliases: Partial<Record<SectionKind, string[]>>): void {
  const certainIn = (form: Section['form']) => new Set(sections.filter((section) => section.kind && !section.uncertain && section.form === form).map((section) => section.kind));
  const certainHeadings = certainIn('heading');
  const certainLabels = certainIn('label');
  const exact = new Set(sections.filter((section) => section.kind && isExactHeading(section.title, aliases)).map((section) => section.kind));
  const firstKnown = sections.findIndex((section) => section.kind !== undefined);
  const whatHappened = sections.some((section) => section.kind === 'summary' && section.uncertain && asksWhatHappened(section.title));
  const isDisplaced = (section: Section, index: number): boolean => {
    if (section.uncertain) {
      if (section.kind === 'summary' && whatHappened && !certainHeadings.has('summary')) return !asksWhatHappened(section.title);
      if (section.kind === 'summary' && index > firstKnown) return true;
      return (section.kind !== 'action-items' || isNestedInOtherKind(section, sections)) && (certainHeadings.has(section.kind) || (section.form === 'label' && certainLabels.has(section.kind)));
    }
    // "## Recovery actions" over a list beside "## Remediation": more actions, listed; a topic of its own tells them in prose.
    if (section.kind === 'action-items' && blocks.some((block) => block.section === index && (block.node.type === 'list' || block.node.type === 'table'))) return false;
    return section.form === 'heading' && exact.has(section.kind) && !isExactHeading(section.title, aliases) && hasWordsBeforeKeyWords(section.title);
  };
  sections.forEach((section, index) => {
    if (!isDisplaced(section, index)) return;
    section.kind = undefined;
    section.uncertain = false;
  });
}

/**
 * Where the document has an Action items section of its own (under the title or none), an action heading nested in a
 * section of another kind ("Going forward" under "Apology", "Immediate actions" under "Conclusion") restates or
 * comments on those actions: it is part of the section it sits in, so its items are not counted twice.
 */
function keepTopLevelActions(sections: Section[]): void {
  const isTopLevel = (section: Section) => {
    const parent = section.parent === undefined ? undefined : sections[section.parent];
    return parent === undefined || (parent.kind === undefined && parent.parent === undefined && parent.depth === 1);
  };
  const nestedElsewhere = (section: Section) => section.parent !== undefined && !isTopLevel(section) && sections[section.parent].kind !== 'action-items';
  const topLevel = sections.filter((section) => section.kind === 'action-items' && section.form === 'heading' && isTopLevel(section));
  if (topLevel.length === 0) return;
  // A loosely worded top-level heading ("Fixes / Patches Available") does not displace one named for certain ("Remediation").
  const certainAtTop = topLevel.some((section) => !section.uncertain);
  for (const section of sections) {
    if (section.kind !== 'action-items' || section.form !== 'heading' || !nestedElsewhere(section) || (!certainAtTop && !section.uncertain)) continue;
    section.kind = undefined;
    section.uncertain = false;
  }
}

// "By Dana Reyes", "_Posted by @dreyes on March 3_", "Written by Dana Reyes · 5 min read": one person named under the title.
// Only capitalised full day and month names are ruled out ("By Monday", "By March"), not the calendar-names patterns: a name here starts with a capital.
const byline =
  /^[*_]*(?:(?:[Pp]osted|[Ww]ritten|[Aa]uthored|[Pp]ublished)[ \t]+)?[Bb]y[ \t]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)(@[\w.-]+|\p{Lu}[\p{L}'.-]*(?:[ \t]+\p{Lu}[\p{L}'.-]*){0,3})[*_]*[ \t]*(?:$|(?:,|[ \t]on)[ \t]+[^.!?]*$|[ \t]*[·|—–-].*$)/u;

/** The author a byline between the title and the first section names, when it names exactly one. */
function bylineAuthor(blocks: readonly PlacedBlock[], sections: readonly Section[]): string | undefined {
  for (const block of blocks) {
    if (block.section !== undefined && sections[block.section].depth !== 1) return undefined;
    if (block.node.type !== 'paragraph') continue;
    const match = byline.exec(plainText(block.node).split('\n', 1)[0].trim());
    if (match) return match[1];
  }
  return undefined;
}

/** Items the writer owns ("I'll migrate ...") are owned by the document's author, when its metadata or byline names exactly one. */
function withWriterNamed(items: ActionItem[], metadata: readonly MetadataField[], bylineName: string | undefined, solo: boolean): ActionItem[] {
  const authors = metadata.filter((field) => field.key === 'authors');
  const author = authors.length === 0 ? (bylineName ?? '') : authors.length === 1 && !/[,;&/]|\band\b/i.test(authors[0].value) ? authors[0].value.replace(/[*_`]/g, '').trim() : '';
  if (author === '') return items;
  return items.map((item) => {
    if (item.owner?.value === 'I') return { ...item, owner: { ...item.owner, value: author } };
    // A one-person project's postmortem ("Reviewed by: Self (solo project)"): its one author owns every item.
    return solo && item.owner === undefined ? { ...item, owner: { value: author, span: { start: item.span.start, end: item.span.start } } } : item;
  });
}

/** The document says one person did all the work: "solo project", "Reviewed by: Self". */
const soloWork = /\bsolo\s+(?:project|developer|maintainer|founder|operator)\b|\breviewed\s+by:?[*_\s]*self\b/i;

/** "TODO" in an action table's status column (any cell but the action, owner and due ones) says the item is open: a status, not template text. */
function isStatusValue(placeholder: Placeholder, items: readonly ActionItem[]): boolean {
  if (placeholder.text.toUpperCase() !== 'TODO') return false;
  const within = (span: Span | undefined) => span !== undefined && span.start <= placeholder.span.start && placeholder.span.end <= span.end;
  return items.some((item) => item.container === 'table' && within(item.span) && !within(item.descriptionSpan) && !within(item.ownerCell) && !within(item.dueCell));
}

/** What closes the last block when it is fenced code or an HTML block that runs to the end of the text unclosed. */
function openBlockCloser(last: PlacedBlock | undefined, text: string): string | undefined {
  if (last?.node.type !== 'code' && last?.node.type !== 'html') return undefined;
  const span = spanOf(last.node, last.base);
  if (span.end < text.length) return undefined;
  const source = text.slice(span.start, span.end);
  return last.node.type === 'code' ? openFence(source) : openHtmlCloser(source);
}

function openFence(source: string): string | undefined {
  const lines = source.split(/\r?\n|\r/);
  const fence = fenceOpen.exec(lines[0])?.[1];
  if (!fence) return undefined;
  const last = lines.slice(1).filter((line) => line.trim() !== '').pop() ?? '';
  return closesFence(last, fenceOpen.exec(last), fence) ? undefined : fence;
}

/**
 * HTML blocks that only end at a marker (CommonMark kinds 1 to 5); the others end at a blank line,
 * which a fix adds anyway. `shared`: how many characters of the opening the end marker may reuse
 * (`<!-->` and `<?>` are closed).
 */
const htmlBlockEnds: { start: RegExp; end: (opening: RegExpExecArray) => string; shared: number }[] = [
  { start: /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i, end: (opening) => `</${opening[1].toLowerCase()}>`, shared: 0 },
  { start: /^ {0,3}<!--/, end: () => '-->', shared: 2 },
  { start: /^ {0,3}<\?/, end: () => '?>', shared: 1 },
  { start: /^ {0,3}<!\[CDATA\[/, end: () => ']]>', shared: 0 },
  { start: /^ {0,3}<![A-Za-z]/, end: () => '>', shared: 0 },
];

function openHtmlCloser(source: string): string | undefined {
  for (const { start, end, shared } of htmlBlockEnds) {
    const opening = start.exec(source);
    if (!opening) continue;
    const closer = end(opening);
    // The block ends on the line where its end marker appears; at the end of the text, it has not appeared.
    return source.toLowerCase().includes(closer, opening[0].length - shared) ? undefined : closer;
  }
  return undefined;
}

/** The Timeline section a section is, or sits under: each one holds a timeline of its own. */
function timelineSectionOf(sections: readonly Section[], index: number | undefined): number | undefined {
  for (let at = index; at !== undefined; at = sections[at].parent) if (sections[at].kind === 'timeline') return at;
  return undefined;
}

// Sections whose text an action-item index never reads.
const proseKinds = new Set<SectionKind>(['impact', 'root-cause', 'contributing-factors', 'what-went-well', 'what-went-poorly', 'lessons-learned']);

// Action items a prose section may hold: "Action point:" lines, bold TODO / DONE lines, a "we will" list, an action table or label.
const mayMarkActions = /actions?[ \t]+(?:points?|items?|taken|planned)|(?:\*\*|__)(?:TODO|DONE|DOING|WIP|IN PROGRESS)|\b(?:we|I)[ \t]+(?:will|shall)\b|\bwe'll\b|follow[- ]?ups?|next[ \t]+steps/i;

/** For skimming: every chunk except those inside prose sections (which keep only their heading), unless they may hold action items. */
function chunksToRead(chunks: readonly { text: string }[], config: PostmortemConfig): boolean[] {
  const open: { depth: number; kind: SectionKind | undefined }[] = [];
  let previous = true;
  return chunks.map((chunk, i) => {
    const heading = /^(#{1,6})[ \t]+(.*)/.exec(chunk.text.split('\n', 1)[0]);
    // A chunk without a heading continues the section before it (a long list split in parts).
    if (!heading) return i === 0 || previous;
    const depth = heading[1].length;
    while (open.length > 0 && open[open.length - 1].depth >= depth) open.pop();
    open.push({ depth, kind: sectionKindOf(trimEndMatching(trimEndMatching(heading[2], /\s/), /#/), config.sections.aliases) });
    const kind = [...open].reverse().find((section) => section.kind)?.kind;
    previous = i === 0 || depth === 1 || kind === undefined || !proseKinds.has(kind) || mayMarkActions.test(chunk.text);
    return previous;
  });
}


function shiftValue<T>(value: { value: T; span: Span } | undefined, by: number): { value: T; span: Span } | undefined {
  return value && { value: value.value, span: shiftSpan(value.span, by) };
}

function shiftActionItem(item: ActionItem, by: number): ActionItem {
  return {
    ...item,
    span: shiftSpan(item.span, by),
    descriptionSpan: shiftSpan(item.descriptionSpan, by),
    owner: shiftValue(item.owner, by),
    due: shiftValue(item.due, by),
    dueUnreadable: shiftValue(item.dueUnreadable, by),
    priority: shiftValue(item.priority, by),
    ticket: shiftValue(item.ticket, by),
    insertAt: item.insertAt + by,
    ownerCell: item.ownerCell && shiftSpan(item.ownerCell, by),
    dueCell: item.dueCell && shiftSpan(item.dueCell, by),
    ownerPlaceholderSpan: item.ownerPlaceholderSpan && shiftSpan(item.ownerPlaceholderSpan, by),
    duePlaceholderSpan: item.duePlaceholderSpan && shiftSpan(item.duePlaceholderSpan, by),
  };
}

function readSection(node: Heading, base: number, text: string, parent: number | undefined, config: PostmortemConfig): Section {
  const span = spanOf(node, base);
  const title = plainText(node).trim();
  const recognised = recogniseHeading(title, config.sections.aliases);
  return {
    kind: recognised?.kind,
    title,
    depth: node.depth,
    heading: { start: span.start, end: span.start + text.slice(span.start, span.end).trimEnd().length },
    span: { start: span.start, end: span.end },
    parent,
    empty: true,
    uncertain: recognised?.uncertain ?? false,
    form: 'heading',
    kindFrom: 'title',
  };
}

/** Sets each section's end and whether anything but comments is written in it. */
function closeSections(sections: Section[], blocks: readonly PlacedBlock[], textLength: number): void {
  // A section ends where the next heading of its level or higher starts: close them with a stack.
  const open: Section[] = [];
  for (const section of sections) {
    // A labelled list item spans its item and closes nothing.
    if (section.form === 'label' && section.span.end > section.span.start) continue;
    while (open.length > 0 && open[open.length - 1].depth >= section.depth) open.pop()!.span.end = section.span.start;
    open.push(section);
  }
  for (const section of open) section.span.end = textLength;
  for (const block of blocks) {
    if (block.node.type === 'heading' || block.node.type === 'definition' || (block.node.type === 'html' && !showsWords(block.node))) continue;
    for (let index = block.section; index !== undefined; index = sections[index].parent) sections[index].empty = false;
  }
}

/** HTML that shows words (`<p>Users saw errors.</p>`), not a comment, an empty tag or a heading of its own. */
function showsWords(node: Html): boolean {
  return htmlHeading(node) === undefined && /[\p{L}\p{N}]/u.test(htmlWords(node.value));
}

function effectiveKind(sections: readonly Section[], index: number): SectionKind | undefined {
  for (let i: number | undefined = index, child: number | undefined; i !== undefined; child = i, i = sections[i].parent) {
    const section = sections[i];
    if (!section.kind) continue;
    // A timeline read from its own timed entries ends where a sub-section opens on words of its own ("### What happened").
    const ownSubsection = child !== undefined && section.kind === 'timeline' && section.kindFrom === 'content' && !headsPartOfLog(sections[child].title);
    return ownSubsection ? undefined : section.kind;
  }
  return undefined;
}

/** Times read without a date fall in 1970; an instant from this one on was read with a real date. */
const endOfDatelessYear = Date.UTC(1971, 0, 1);

function collectComments(node: Nodes, base: number, text: string, into: ValueAt<string>[]): void {
  if (node.type === 'html') {
    const span = spanOf(node, base);
    for (const match of text.slice(span.start, span.end).matchAll(/<!--[\s\S]*?-->/g)) {
      into.push({ value: match[0], span: { start: span.start + match.index, end: span.start + match.index + match[0].length } });
    }
  } else if ('children' in node) {
    for (const child of node.children) collectComments(child, base, text, into);
  }
}

function proseWhere(kind: SectionKind | undefined, node: RootContent): ProseBlock['where'] {
  if (node.type === 'heading') return 'heading';
  if (kind === 'timeline') return 'timeline';
  if (kind === 'action-items') return 'action-item';
  return 'body';
}

/** Paragraphs, headings and table cells, each as one block of prose. */
function collectProse(node: Nodes, base: number, text: string, where: ProseBlock['where'], into: ProseBlock[]): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const masked = maskedText(node, base, text);
    if (masked.text.trim()) into.push({ span: masked.span, text: masked.text, where });
  } else if ('children' in node) {
    for (const child of node.children) collectProse(child, base, text, where, into);
  }
}

/** Owners, and the capitalised first word of timeline entries ("Alice acknowledges ..."). */
function findPeople(owners: (string | undefined)[], descriptions: string[]): string[] {
  const people = new Set<string>();
  for (const owner of owners) if (owner) people.add(owner.replace(/^@/, ''));
  for (const description of descriptions) {
    const actor = /^(@?[A-Z][a-z]+)\s+(?:[a-z]+s|[a-z]+ed)\b/.exec(description.replace(/^[*_\s]+/, ''));
    if (actor && !/^(The|This|That|Our|We|It|A|An|All|Alerts?|Service|Traffic|Errors?|Database|Deploy|Rollback|Monitoring|Incident|On-call|Team|Users?|Customers?|Latency|Requests?)$/.test(actor[1])) {
      people.add(actor[1].replace(/^@/, ''));
    }
  }
  return [...people];
}

/** True when a section sits under a section of another kind ("Improvements" under "Lessons learned"). */
function isNestedInOtherKind(section: Section, sections: readonly Section[]): boolean {
  const parent = section.parent === undefined ? undefined : sections[section.parent];
  return parent?.kind !== undefined && parent.kind !== section.kind;
}
