// Action items as people write them: task lists, plain and nested lists, tables, item headings and "Action point:" lines.
import type { Heading, List, ListItem, Nodes, Paragraph, Strong, Table, TableRow } from 'mdast';
import type { ActionItem, Span, ValueAt } from './model';
import type { AnalysisCache } from './cache';
import { classifyColumns, namesAnyRole, type Columns } from './action-item-columns';
import { addressesReaderWords, dashedOwner, endsInColon, labelWords, namesWorkAhead, ownerOfGroupLabel, parenthesisedOwner, reportsActionTaken, saysDone, startsWithActionVerb, startsWithPastAction, subjectOwner, teamWords, tellsWorkUnderWay, windowOf, withoutLeadingMarks } from './action-item-shapes';
import type { RootContent } from './markdown';
import { spanOf } from './markdown';
import { maskedText, plainText } from './inline';
import { htmlBlockContent } from './html-blocks';
import { isPlaceholderValue } from './placeholders';
import { joinLines, trimEndMatching } from './text';
import { parseDate, parseDueMonth } from './time';
import { leadingStamp } from './timeline';

export interface ActionBlock {
  node: RootContent;
  base: number;
  /** Title of the sub-section the block sits in (Immediate, Short-term, ...). */
  group: string | undefined;
  /** The section holds no list or table: each of its paragraphs is one action, written as prose. */
  prose?: boolean;
  /** The owner a label above the block names for its items ("**Alex**" over a list): items that name none take it. */
  groupOwner?: string;
  /** The sub-section is one item told in prose under its heading ("### Faster rollback" and a paragraph of why and how). */
  itemHeading?: boolean;
  /** The action section above says its items are done ("## Actions taken" over "### 1. Rotated the keys"). */
  doneAbove?: boolean;
}

// "Owner: Alice", "owner @alice", "assigned to Bob", "OWNER:" wrapped before its name; not the word in prose ("no owner here").
const ownerLabel = /\b(?:(?:owners?|assignee|dri)[ \t]*[:=]\s*|owners?[ \t]+(?=@)|(?:assigned to|owned by)[ \t]+)/giu;
const ownerValue = /^(@[\w.-]+(?:\/[\w.-]+)?|[\p{L}][\p{L}\p{M}'.-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'.-]*)?|\[[^\]\n]{1,40}\]|TBD|TODO|\?+)/u;
// After an article the handle names a thing ("added an @emergency role"), not who owns the item.
const handle = /(?<![\w.@])(?<!\b(?:an?|the)[ \t]+)@([A-Za-z0-9][\w-]*(?:\/[\w-]+)?)/gi;
// "blasten@": a handle written with its at-sign last, as some teams do; not an e-mail address.
const trailingAtHandle = /(?<![\w.@])[A-Za-z][\w-]{1,38}@(?=[\s,;:)\]]|\.(?!\w)|$)/g;
const bracketName = /\[([\p{Lu}][\p{L}'-]+(?: [\p{Lu}][\p{L}'-]+)?)\]/gu;
const dueLabel = /\b(due(?:[ \t]+date)?|deadline|target(?:[ \t]+date)?|eta|by)\b[ \t]*[:=]?[ \t]*/gi;
const dueValue = /^(\[[^\]\n]{1,40}\]|[A-Za-z]{3,9}\.?[ \t]+\d{1,2},[ \t]*\d{4}|[^,;)|\n]+?)(?=[ \t]*(?:[,;()|\n]|[ \t][—–-][ \t]|$))/;
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/g;
// A capitalised month only, unlike the calendar-names patterns: 'may 3' inside a sentence is seldom a due date.
const namedDate = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?\b/g;
const priorityPatterns = [/\[(P[0-2])\]/i, /\((P[0-2])\)/i, /\bpriority\b[ \t]*[:=]?[ \t]*P?([0-2])\b/i, /\b(P[0-2])\b/];
const ticketPattern = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/;
// The status values every status reader takes for finished work; each adds the ones safe where it reads (compile with `i`).
const doneStatusWord = String.raw`(?:done|closed|completed|fixed|resolved)`;
// "Done", "Done (#412)", "✅ Completed"; not "Not done". In a Status column even "yes" or a tick says done.
const doneStatus = new RegExp(String.raw`^\s*(?:✅|✔️?|☑️?|✓|\[x\])?\s*(?:${doneStatusWord}|complete|shipped|merged|finished|yes|✅|✔️?|☑️?|✓|\[x\])(?:\s|[(:,.-]|$)`, 'i');
// Without a Status column, a cell that is only "DONE" says the row is done; a lone "complete" or "yes" there may answer another column.
const doneCell = new RegExp(String.raw`^\s*(?:${doneStatusWord}|merged|shipped)\s*$`, 'i');
// "status: done", "(done)", "✅", or a mark after a dash that ends the entry ("... - COMPLETED 20/08/2017").
const doneLabel = new RegExp(String.raw`\bstatus\b[ \t]*[:=][ \t]*(?:${doneStatusWord}|complete)\b|[(\[](?:done|completed?)[)\]]|✅|[ \t][-–—][ \t]*(?:done|completed?|fixed|resolved|shipped|implemented)(?:[ \t]+(?:on[ \t]+)?[\d./-]+)?[ \t]*\.?[ \t]*$`, 'i');

/** What a heading or group label above items says about them. */
interface Group {
  title: string | undefined;
  done: boolean;
  window: string | undefined;
  /** The heading names work ahead ("Future prevention"): its entries are plans, even when they open on a past participle ("Automated checks"). */
  ahead: boolean;
}

function groupOf(title: string | undefined, outer?: Group): Group {
  if (title === undefined) return { title: undefined, done: false, window: undefined, ahead: false };
  const done = saysDone(title) || (outer?.done ?? false);
  return { title, done, window: windowOf(title) ?? outer?.window, ahead: !done && (namesWorkAhead(title) || (outer?.ahead ?? false)) };
}

interface Reading {
  text: string;
  base: number;
  referenceDate: string | undefined;
  /** Keeps whether words name a person between readings of the document, as for the owners of group labels. */
  cache?: AnalysisCache;
}

/** Reads every action item of the section's blocks. `referenceDate` gives dates without a year their year. */
export function readActionItems(blocks: readonly ActionBlock[], text: string, referenceDate: string | undefined, cache?: AnalysisCache): ActionItem[] {
  const items: ActionItem[] = [];
  for (const block of blocks) {
    const reading: Reading = { text, base: block.base, referenceDate, cache };
    const group = groupOf(block.group);
    const node = block.node;
    const itemHeading = block.itemHeading ?? (block.group !== undefined && isItemHeading(block.group));
    if (node.type === 'heading') {
      // A sub-heading shaped like an item ("### 1) Rotate the keys `@ana`") is one; the section's own heading has no group.
      if (itemHeading) items.push(readHeadingItem(node, reading, block.doneAbove === true));
    } else if (itemHeading) {
      // What follows an item heading is its detail.
      continue;
    } else if (node.type === 'html') {
      // Raw HTML lists and paragraphs hold items as their Markdown forms do.
      items.push(...readActionItems(htmlBlockContent(node).map((content) => ({ ...block, node: content })), text, referenceDate, cache));
    } else if (node.type === 'list') {
      const first = items.length;
      readList(node, reading, group, items);
      if (block.groupOwner !== undefined) for (const item of items.slice(first)) item.owner ??= { value: block.groupOwner, span: { start: item.span.start, end: item.span.start } };
    }
    else if (node.type === 'table') items.push(...readTable(node, reading, group));
    else if (node.type === 'paragraph') {
      const paragraph = withoutActionLabel(node);
      const lead = ownerLead(paragraph, reading);
      if (lead !== undefined) {
        const item = readParagraphItem(paragraph, reading, group);
        items.push({ ...item, owner: item.owner ?? lead });
        continue;
      }
      const marked = readMarkedLines(paragraph, reading, group, true);
      // "• An audit of all certificates ...": a list kept as plain text, one bullet a line.
      if (marked.length === 0 && block.prose && isBulletedLines(paragraph)) {
        items.push(...readProseLines(paragraph, reading, group, true));
        continue;
      }
      const prose = marked.length === 0 && block.prose && isProseAction(paragraph, cache);
      items.push(...(!prose ? marked : isActionPerLine(paragraph) ? readProseLines(paragraph, reading, group) : readProseSentences(paragraph, reading, group)));
    }
  }
  return items;
}

/**
 * "**Next steps**: automate the renewals.": an action label that opens the paragraph heads it; the items are the words
 * after it. A bold title of the item itself ("**Rotate keys**: ...") stays.
 */
function withoutActionLabel(paragraph: Paragraph): Paragraph {
  const [first, second] = paragraph.children;
  if ((first?.type !== 'strong' && first?.type !== 'emphasis') || !isActionLabel(plainText(first).replace(/[\s:：]+$/, ''))) return paragraph;
  const colonInside = /[:：]\s*$/.test(plainText(first));
  if (second?.type !== 'text' || !(colonInside || /^\s*[:：]/.test(second.value))) return paragraph;
  return afterLeadLabel(paragraph) ?? paragraph;
}

/** The words after the bold label that opens a paragraph ("**What have we done?** We have ..."), or undefined when none follow. */
export function afterLeadLabel(paragraph: Paragraph): Paragraph | undefined {
  const [first, second, ...rest] = paragraph.children;
  if ((first?.type !== 'strong' && first?.type !== 'emphasis') || second?.type !== 'text' || second.position === undefined) return undefined;
  const lead = /^[\s:：]*/.exec(second.value)?.[0].length ?? 0;
  if (lead === second.value.length) return undefined;
  const start = { ...second.position.start, column: second.position.start.column + lead, offset: (second.position.start.offset ?? 0) + lead };
  const text = { ...second, value: second.value.slice(lead), position: { ...second.position, start } };
  return { ...paragraph, children: [text, ...rest], position: paragraph.position && { ...paragraph.position, start } };
}

/** "**Robert** Turn on 2FA for the console": a paragraph that opens on a bold name and goes on to the action; the name owns it. */
function ownerLead(paragraph: Paragraph, reading: Reading): ValueAt<string> | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong' || first.children[0]?.type !== 'text') return undefined;
  const after = rest.map((child) => plainText(child)).join('').trim();
  if (after.replace(/^[:\-–—]\s*/, '').length < 3 || endsInColon(after)) return undefined;
  const owner = ownerOfGroupLabel(plainText(first).trim(), reading.cache);
  if (owner === undefined) return undefined;
  const start = spanOf(first.children[0], reading.base).start;
  return { value: owner, span: { start, end: start + owner.length } };
}

/** Where a block outside an Action items section stands: the lead label above it and what its section allows. */
export interface LooseContext {
  /** `YYYY-MM-DD`: dates without a year take its year. */
  referenceDate: string | undefined;
  /** The lead label or lead-in of the block above. */
  label: string | undefined;
  /** The document has no Action items section: a list of needs under a lead-in holds the actions. */
  readNeeds: boolean;
  /** The unnamed section's heading gives a window ("Next two weeks"): a list of actions under it holds items. */
  windowHeading: string | undefined;
  /** The document has no Action items section: the writers' promises in prose ("We'll add ...") are its actions. */
  readPromises: boolean;
  /** Keeps whether words name a person between readings of the document. */
  cache?: AnalysisCache;
}

/**
 * Action items written outside an Action items section: `Action point:` lines, a table with an action column and
 * an owner, due or status column, a list whose every entry is marked TODO or DONE, the list, table or paragraph
 * right under an action label (`**Actions planned:**`, `Follow-ups:`), and the lists `LooseContext` allows.
 */
export function readLooseActionItems(node: RootContent, text: string, context: LooseContext): ActionItem[] {
  const { label } = context;
  const reading: Reading = { text, base: 0, referenceDate: context.referenceDate, cache: context.cache };
  const labelled = (label !== undefined && (isActionLabel(label) || promisesActions(label))) || listsNeedsHere(node, context);
  // A lead-in sentence says nothing of its items' status or window; an action label may ("Actions taken").
  const group = groupOf(label !== undefined && isActionLabel(label) ? label : undefined);
  if (node.type === 'paragraph' && labelled && !looseMarkedLine.test(plainText(node))) return [readParagraphItem(node, reading, group)];
  if (node.type === 'paragraph') {
    const marked = readMarkedLines(node, reading, group, false);
    return marked.length === 0 && context.readPromises ? readPromises(node, reading, group) : marked;
  }
  if (node.type === 'table' && (labelled || isActionTable(node))) return readTable(node, reading, group);
  const windowed = context.windowHeading !== undefined && listsActions(node);
  if (node.type === 'list' && (labelled || windowed || isTrackingList(node))) {
    const items: ActionItem[] = [];
    readList(node, reading, windowed && !labelled ? groupOf(context.windowHeading) : group, items);
    // "@ana is going to produce two documents:": the owner the lead-in names owns each item under it, as a group label's does.
    const leadOwner = label === undefined ? undefined : promisedOwner(label);
    if (leadOwner !== undefined) for (const item of items) item.owner ??= { value: leadOwner, span: { start: item.span.start, end: item.span.start } };
    return items;
  }
  if (node.type === 'list' && context.readNeeds && hasTaskBoxes(node)) {
    const items: ActionItem[] = [];
    readList({ ...node, children: node.children.filter((item) => typeof item.checked === 'boolean') }, reading, group, items);
    return items;
  }
  return [];
}

/** Cheap test of whether a block outside the Action items section may hold items, before it is read. */
export function mayHoldLooseActionItems(node: RootContent, context: LooseContext): boolean {
  const { label } = context;
  if (label !== undefined && isActionLabel(label) && (node.type === 'list' || node.type === 'table' || node.type === 'paragraph')) return true;
  if (listsNeedsHere(node, context)) return true;
  if (context.windowHeading !== undefined && listsActions(node)) return true;
  if (label !== undefined && promisesActions(label) && node.type === 'list') return true;
  if (node.type === 'paragraph') {
    const words = plainText(node);
    // Sentence by sentence, as the promises are read: a promise may open any sentence of the paragraph.
    return looseMarkedLine.test(words) || startsWithStatus(node) || (context.readPromises && sentencesOf(joinLines(words)).some((sentence) => promisesWork(sentence) || reportsRemediation(sentence)));
  }
  if (node.type === 'table') return isActionTable(node);
  return node.type === 'list' && (isTrackingList(node) || (context.readNeeds && hasTaskBoxes(node)));
}

/** A list of two or more entries that each open with an action verb, to do or done ("Add ...", "Migrated ..."). */
function listsActions(node: RootContent): boolean {
  if (node.type !== 'list' || node.children.length < 2) return false;
  return node.children.every((item) => {
    const first = item.children[0];
    return first?.type === 'paragraph' && (startsWithActionVerb(plainText(first)) || startsWithPastAction(plainText(first)));
  });
}

/** A paragraph (or a one-entry list) that is only a short label: `**Long term**`, `Actions taken:`, `- **Follow-ups**:`. */
export function leadLabelOf(node: RootContent): string | undefined {
  const paragraph = node.type === 'list' && node.children.length === 1 && node.children[0].children.length === 1 ? node.children[0].children[0] : node;
  if (paragraph.type !== 'paragraph') return undefined;
  const words = plainText(paragraph).trim();
  if (words.length === 0 || words.length > 60 || words.includes('\n')) return undefined;
  const bold = paragraph.children.filter((child) => !(child.type === 'text' && /^[\s:：]*$/.test(child.value)));
  const allBold = bold.length === 1 && bold[0].type === 'strong';
  return allBold || endsInColon(words) ? labelWords(words) : undefined;
}

// The blanks after a sentence's stop: where the sentences of a lead-in or an action split (items split more strictly, at `sentenceBreak`).
const sentenceGap = /(?<=[.!?])\s+/;

/**
 * The lead-in of a list of commitments: "Going forward, we will do the following:", "To prevent this, we are going to:".
 * Only a label or a paragraph ending in a colon right before the list is read so; its last sentence makes the promise.
 */
export function promisesActions(leadIn: string): boolean {
  const lastSentence = leadIn.trim().split(sentenceGap).pop() ?? '';
  // "I'll walk you through the options people proposed:": the writers guide the reader through options, and commit to none.
  if (guidesReader.test(lastSentence) || writesElsewhere.test(lastSentence)) return false;
  // "To prevent that, the hardened script:": a purpose, then the thing whose workings the list describes.
  if (/^to[ \t]+\p{L}+\b[^,]*,[ \t]*(?:the|a|an|our|this|its|each|every)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}[\p{L}-]+[ \t]*:?[ \t]*$/iu.test(lastSentence) && !measuresAhead.test(lastSentence) && !/\b(?:will|shall|must|should|needs?|is|are|has|have|plans?|going)\b/i.test(lastSentence.slice(lastSentence.indexOf(',')))) return false;
  return !/[.!?]$/.test(lastSentence) && (writersPromise.test(lastSentence) || /\b(?:we|I)[ \t]+commit[ \t]+to\b/i.test(lastSentence) || preventsRecurrence.test(lastSentence) || ownerPromise.test(lastSentence) || (tellsWorkUnderWay(lastSentence) && measuresAhead.test(lastSentence)) || measuresUnderWay.test(lastSentence) || bringsImprovements.test(lastSentence));
}

// "The new data centre includes the following improvements so that ...:": the changes made, listed after it.
const bringsImprovements = /\b(?:includes?|brings?|adds?)[ \t]+the[ \t]+following[ \t]+(?:improvements|changes|safeguards|measures)\b/i;

// "We are making the following changes:", "... and are rolling out several improvements to our deploys:": measures the writers are taking.
const measuresUnderWay = /\b(?:are|am|['’]re|['’]m)[ \t]+(?:(?:also|now|currently|[a-z]+ly)[ \t]+)?(?:taking|implementing|making|introducing|rolling[ \t]+out|putting[ \t]+in[ \t]+place|working[ \t]+on|closing|addressing)[ \t]+(?:(?:the[ \t]+following|several|some|a[ \t]+number[ \t]+of|a[ \t]+few|further|additional)[ \t]+)?(?:[\p{L}-]+[ \t]+)?(?:steps|measures|changes|improvements|actions|safeguards|fixes|gaps)\b/iu;

/** "If you were affected, we recommend you do the following:", "What you can do:": steps for the readers, not the team's follow-up. */
export function advisesReaders(leadIn: string): boolean {
  return /\b(?:recommend|suggest|advise|urge|encourage|ask)(?:s|ed)?[ \t]+(?:that[ \t]+)?(?:you|all[ \t]+users|our[ \t]+users|users|customers)\b|\byou[ \t]+(?:should|can|may|must|need[ \t]+to)\b|^what[ \t]+you[ \t]+(?:can|should)[ \t]+do\b/i.test(leadIn);
}

/** The owner a lead-in names as taking on what follows it ("@ana is going to produce:", "The platform team will:"). */
export function promisedOwner(leadIn: string): string | undefined {
  return ownerPromise.exec(leadIn.trim())?.groups?.owner;
}

// "Next, @ana is going to write up both plans:", "The platform team will:": a named owner takes on what follows.
const ownerPromise = /^(?:[^,]{1,40},[ \t]*)?\[?(?<owner>@[\w.-]*\w|(?:the|our)[ \t]+[\p{L}-]+[ \t]+team)\]?(?:\[\])?[ \t]+(?:will|is[ \t]+going[ \t]+to|plans[ \t]+to)\b/iu;

// "We are putting changes in place to stop a repeat, including:": the writers at work on the changes listed after it.
const measuresAhead = /\b(?:measures|steps|changes|improvements|actions|safeguards|fixes)\b/i;

// A lead-in that gives the purpose of the changes after it: "To avoid a repeat of this outage, we've made ...:", "To address this issue, we have:", "So that this cannot happen again:",
// "To make sure this won't repeat, these actions were taken:".
const preventsRecurrence = /^(?:to (?:prevent|avoid|stop)|to (?:address|fix|resolve|remedy|correct|mitigate) (?:this|the|these|that)\b|to (?:make sure|ensure)\b[^.;:]{0,80}\b(?:won['’]t|will not|does(?:n['’]t| not)|never|cannot|can['’]t)\b|so (?:that )?(?:this|it) (?:can(?:not|'t)|won't|will not|doesn't|does not))\b/i;

// "We need to document ...", "... should be deployed one at a time", "we must alert on ..."; not hindsight ("should have").
const statesNeed = /\b(?:we|I)[ \t]+(?:need|have|ought)[ \t]+to\b|\b(?:should|must)\b(?![ \t]+(?:not[ \t]+)?have\b)|\bneeds?[ \t]+to[ \t]+be\b/i;

// "We will no longer ...", "we'll be making use of ...": the writers commit to a change.
const writersCommit = /\b(?:we|I)(?:[ \t]+(?:will|shall|are[ \t]+going[ \t]+to|am[ \t]+going[ \t]+to)|['’]ll|['’]re[ \t]+going[ \t]+to)\b/i;

/** A list of needs under a lead-in ("What we take away from this:"), where no section lists the actions. */
function listsNeedsHere(node: RootContent, context: LooseContext): boolean {
  return context.readNeeds && context.label !== undefined && listsNeeds(node);
}

/** A list (after a lead-in: "The lessons we take away are:", "This led us to change the following:") whose every entry states something that needs doing or that the writers will do. */
function listsNeeds(node: RootContent): boolean {
  if (node.type !== 'list') return false;
  const firsts = node.children.map((item) => item.children[0]);
  return firsts.length >= 2 && firsts.every((first) => first?.type === 'paragraph' && (statesNeed.test(plainText(first)) || writersCommit.test(plainText(first))));
}

// "Actions planned", "Corrective and preventive measures", "Follow-ups", "Next steps", "Review actions".
function isActionLabel(label: string): boolean {
  return /^(?:[\p{L}'-]+[ \t]+){0,3}(?:actions?|action[ \t]+(?:items?|points?)|follow[- ]?ups?|next[ \t]+steps|remediations?|measures|to-?dos?)(?:[ \t]+(?:planned|taken|items?|points?|completed|done|remaining))?$/iu.test(label.trim());
}

// "None.", "N/A", "Nothing planned": a sub-heading, or the one entry of a list, with nothing to do.
const nothingToDo = /^(?:none|n\/?a|nothing(?:[ \t]+(?:planned|needed|required|yet))?|no(?:[ \t]+further)?[ \t]+actions?(?:[ \t]+(?:needed|required|planned))?|not applicable)[ \t]*[.!]?$/i;
// "We could have a policy of ...": an option weighed, not an action decided; "will", "should" or a need decides it.
const weighsOption = /\b(?:we|one|you)[ \t]+(?:could|might)\b/i;
const decides = /\b(?:will|shall|should|must|need(?:s)? to|have to|plan(?:s)? to)\b/i;

/**
 * Not a lead-in ("We will do the following:"), a template prompt ("TODO: ..."), an italic note ("_Add one per change_"),
 * a "None." under a sub-heading, a bare link to a pull request, an option weighed and left open, or a paragraph none
 * of whose sentences asks for, promises, plans or reports an action (an apology, a signature, the story told again).
 */
function isProseAction(paragraph: Paragraph, cache: AnalysisCache | undefined): boolean {
  const words = plainText(paragraph).trim();
  const only = (types: readonly string[]) => paragraph.children.every((child) => types.includes(child.type) || (child.type === 'text' && !child.value.trim()));
  const bareUrl = /^<?https?:\/\/\S+?>?$/.test(words);
  if (words === '' || endsInColon(words) || markedLine.test(words) || only(['emphasis']) || only(['link']) || bareUrl) return false;
  if (nothingToDo.test(words) || (weighsOption.test(words) && !decides.test(words))) return false;
  // A status page's update kept below the postmortem ("Resolved\nThis incident has been resolved.") is the response at the time.
  if (hasStatusLabel(paragraph)) return false;
  // "We'll be making three changes." alone: it leads in to the items told after it.
  if (countsItemsAhead.test(words) && sentencesOf(words).length === 1) return false;
  // "Make the rollouts faster **KM**": a task signed by its owner, however it is worded.
  return sentencesOf(words).some(statesAction) || signature(paragraph, cache) !== undefined;
}

// "An improved test suite is planned", "a redesign is underway", "Planned changes ...": work ahead or under way.
// "A fix is in the works", "GitHub are also working on checks": work under way, by the writers or others.
const workPlanned = /\b(?:is|are)[ \t]+(?:planned|scheduled|underway|under way|in progress|in the works|(?:(?:also|now|currently|actively)[ \t]+)?working[ \t]+on)\b|\bin the works\b|\b(?:planned|proposed|upcoming)[ \t]+(?:changes?|work|improvements?|fix(?:es)?)\b/i;
// A sentence that speaks to the reader ("Let us know ...", "you'll see ...") offers or tells something; it is no follow-up work.
// A sentence also ends on "yours" or asks to hear back, which a heading or a list entry seldom does.
const addressesReader = new RegExp(String.raw`${addressesReaderWords}|\byours\b|\blet us know\b`, 'i');

// "Better tests ...", "More load testing before ...": a sentence that opens by naming an improvement.
const namesImprovement = /^(?:better|more|improved|clearer|faster|additional|stronger)[ \t]+\p{L}/iu;
// "(fixed by adding ...)", "resolved in #412": a change made, told after the problem it fixed.
const toldFixed = /\b(?:fixed|resolved|addressed|mitigated)[ \t]+(?:by|in|with)\b/i;
// "After looking into it, we found ...": the time or purpose before the writers' step.
const leadClause = /^(?:after|once|when|to|following|since)\b[^,]{0,80},[ \t]*/i;

// "There will be a point where ...", "this won't stay true for long": a forecast of how things go, with no one to act.
const forecast = /^(?:[^,;]{0,80},[ \t]*)?(?:but[ \t]+)?there[ \t]+will[ \t]+be[ \t]+(?!(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:review|analysis|investigation|audit|post-?mortem|retrospective|fix|change|update)\b)/i;

/** A sentence that asks for an action, promises or plans one, or reports one made; words in quotes are someone's speech. */
function statesAction(sentence: string): boolean {
  const words = sentence.replace(quoted, '""');
  if (addressesReader.test(words) || forecast.test(words) || refersBack.test(words)) return false;
  const doneSignals = madeChange.test(words) || toldFixed.test(words) || reportsDone(words) || tellsStepTaken(words.replace(leadClause, ''));
  return statesNeed.test(words) || commitsToAction.test(words) || workPlanned.test(words) || tellsWorkUnderWay(words) || followUpUnderWay.test(words) || namesImprovement.test(words) || startsWithActionVerb(words) || hasOwnMarkers(words) || doneSignals;
}

// "We'll put the fixes described above first": a sentence that points back at items already listed adds none.
const refersBack = /\b(?:outlined|described|listed|mentioned|detailed|set[ \t]+out)[ \t]+(?:above|earlier|previously)\b|\bthe[ \t]+above[ \t]+(?:items|actions|steps|measures|changes)\b/i;

function sentencesOf(words: string): string[] {
  return words.split(sentenceBreak);
}

// "Port 22 was opened", "The firewall has been re-enabled": a change already made, with nothing still to do.
const madeChange = /\b(?:was|were|(?:has|have|had)(?:[ \t]+(?:also|\w+ly))?[ \t]+been|is now|are now)[ \t\n]+(?:\w+[ \t\n]+)?(?:[\w-]+(?:ed|en|t)|made|done|set|put|run|built|sent|kept|shut|cut)\b/i;
const stillToDo = /\b(?:will|shall|should|must|needs? to|plan(?:s|ned)?|going to|to be|would|might|could|consider|TODO)\b|\b(?:we|I|you|they|it)['’]ll\b/i;
// In lower case only: "May 6" is a date.
const mayDo = /\bmay\b/;

// "We improved ...", "Ops and QA doubled ...", "Our team tuned ...", "We have shortened ...": someone named did an action, in the past.
const subjectDidAction = /(?:^|[^\p{L}])(?:we|I|(?:[Oo]ur|[Tt]he)[ \t]+(?:[\p{L}-]+[ \t]+)?team|[\p{Lu}][\p{L}\d&-]*)(?:[ \t]+(?:have|has)|['’]ve)?[ \t]+(\p{L}+ed)\b/gu;

// "This should also prevent ...", "It will catch ...": what a change made is expected to do, not work still to do.
// "If a peer lies, it will disconnect", "So the node will isolate itself", "The flag means that clients will retry": how software behaves.
// The work a passive promise names: "will be added", "will be rolled out".
const passiveWork = String.raw`(?:added|implemented|introduced|deployed|improved|rolled[ \t]+out|put[ \t]+in[ \t]+place|set[ \t]+up|automated|documented|created|hardened|re-?evaluated|reviewed|revisited|reconsidered)`;
const expectedEffect = new RegExp(
  String.raw`^(?:(?:also|so|essentially|basically|thus|then|in effect|in practice)[, \t]+)*(?:(?:if|when|whenever|once|unless|as soon as)\b[^,]{1,120},[ \t]*)?(?:this|that|it|which|these|they|the[ \t]+(?!(?:[\p{L}-]+[ \t]+)?(?:teams|${teamWords})\b)[\p{L}-]+)[ \t]+(?:\w+[ \t]+)?(?:should|will|would|could|might)\b(?![ \t]+be[ \t]+(?:${passiveWork}|applied|fixed|patched|released|upgraded|migrated|tested)\b)|^[^.;]{1,80}?\bmeans[ \t]+that\b`,
  'iu',
);

/** A prose action that reports a change already made. */
function reportsDone(words: string): boolean {
  const plans = words
    .split(sentenceGap)
    .filter((sentence) => !expectedEffect.test(sentence))
    .join(' ');
  if (stillToDo.test(plans) || mayDo.test(plans)) return false;
  return madeChange.test(words) || [...words.matchAll(subjectDidAction)].some((match) => startsWithPastAction(match[1]));
}

/** A whole paragraph under an action label is one item. */
function readParagraphItem(paragraph: Paragraph, reading: Reading, group: Group): ActionItem {
  const masked = revealHandles(paragraph, reading.base, reading.text, maskedText(paragraph, reading.base, reading.text));
  const fields = readFields(masked.text, masked.span.start, reading);
  const span = { start: masked.span.start, end: trimEnd(reading.text, masked.span.end) };
  const firstLineEnd = masked.text.indexOf('\n');
  const lineText = firstLineEnd < 0 ? masked.text : masked.text.slice(0, firstLineEnd);
  const done = group.done || doneLabel.test(masked.text.trimEnd()) || reportsDone(joinLines(masked.text));
  return { ...baseItem(fields, span, masked.span, group), status: done ? 'done' : 'open', container: 'paragraph', insertAt: masked.span.start + lineText.trimEnd().length };
}

/** A line that a plain-text page opens with a bullet glyph, where Markdown would write "-". */
export const bulletLine = /^[ \t]*[•◦▪‣·][ \t]+/;

/**
 * The paragraph opens on lines that each start with a bullet character: a list that lost its markup (a signature may
 * follow); or it is one bullet line, as pages that space their bullets apart keep each (the page's "Posted ..." line may follow).
 */
function isBulletedLines(paragraph: Paragraph): boolean {
  const lines = plainText(paragraph).split('\n').filter((line) => line.trim() !== '');
  return bulletLine.test(lines[0] ?? '') && (lines.length === 1 || bulletLine.test(lines[1]) || postedAtEnd.test(`\n${lines[1]}`));
}

/**
 * Each line is a whole sentence opening with a capital and saying what will or should be done: the writer put one
 * action per line, without list markers. One sentence per line of plain prose ("This alert pages ...") is not that.
 */
function isActionPerLine(paragraph: Paragraph): boolean {
  const lines = plainText(paragraph).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const saysAction = (line: string) => statesNeed.test(line) || /\b(?:will|shall)\b/i.test(line) || startsWithActionVerb(line);
  return lines.length >= 2 && lines.every((line) => /^[\p{Lu}]/u.test(line) && /[.!?]$/.test(line) && saysAction(line));
}

/** One action per line of a prose paragraph; with `bulleted`, one per line that opens on a bullet, the bullet left out. */
function readProseLines(paragraph: Paragraph, reading: Reading, group: Group, bulleted = false): ActionItem[] {
  const masked = revealHandles(paragraph, reading.base, reading.text, maskedText(paragraph, reading.base, reading.text));
  const items: ActionItem[] = [];
  // "• Implemented redundancy", "• Added alerting": bullets that, most of them, tell steps taken are done, as in a list.
  const bullets = masked.text.split('\n').filter((line) => bulletLine.test(line)).map((line) => line.replace(bulletLine, ''));
  const reported = bulleted && entriesReportChanges(bullets);
  let offset = 0;
  for (const line of masked.text.split('\n')) {
    const lineStart = masked.span.start + offset;
    offset += line.length + 1;
    const bullet = bulletLine.exec(line)?.[0].length;
    if (line.trim() === '' || (bulleted && bullet === undefined)) continue;
    const start = lineStart + (bullet ?? line.length - line.trimStart().length);
    const span: Span = { start, end: lineStart + line.trimEnd().length };
    const fields = bullet === undefined ? readFields(line, lineStart, reading) : readFields(line.slice(bullet), start, reading);
    const done = group.done || doneLabel.test(line.trimEnd()) || reportsDone(line) || (reported && !group.ahead && bullet !== undefined && tellsStepTaken(line.slice(bullet), true));
    items.push({ ...baseItem(fields, span, span, group), status: done ? 'done' : 'open', container: 'paragraph', insertAt: span.end });
  }
  return items;
}

// "We will ...", "we also plan to ...", "the platform team is going to ...": a sentence that commits someone to an action.
const commitsToAction = /\b(?:will|shall|'ll|’ll|plans?[ \t]+to|(?:is|are|am)[ \t]+going[ \t]+to|intends?[ \t]+to)\b/i;
// A bracket of owner or due date after a sentence ("... minutes. (Due: 2025-05-01)") is the sentence's own, no new one.
const sentenceBreak = /(?<=[.!?])[ \t\n]+(?=[\p{Lu}"'“‘]|\((?![ \t]*(?:[Oo]wners?|[Dd]ue|[Aa]ssignee|ETA|[Ee]ta|[Bb]y|@)))/gu;

/**
 * A paragraph that states two or more distinct actions ("We will add ... We also plan to ...", "..., including rotating
 * X and pruning Y") holds one item per action; other paragraphs are one action.
 */
function readProseSentences(paragraph: Paragraph, reading: Reading, group: Group): ActionItem[] {
  const actions = readSentenceItems(paragraph, reading, group, (sentence) => statesAction(sentence) && !expectedEffect.test(sentence));
  const items = actions.length < 2 ? [readParagraphItem(paragraph, reading, group)] : actions;
  const signed = trailingOwner(paragraph, reading);
  return signed === undefined ? items : items.map((item) => ({ ...item, owner: item.owner ?? signed }));
}

/** The initials or name in bold that close the paragraph ("... and add it to the runbook. **KM**" and more initials after a slash) sign it to its owners. */
function signature(paragraph: Paragraph, cache: AnalysisCache | undefined): { bold: Strong; owner: string } | undefined {
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const last = parts.at(-1);
  const [bold, others] = last?.type === 'strong' ? [last, ''] : last?.type === 'text' && /^[ \t]*(?:\/[ \t]*\p{Lu}{2,3}[ \t]*)+$/u.test(last.value) ? [parts.at(-2), last.value] : [undefined, ''];
  // A paragraph that is all bold is a label or emphasis, not a task signed.
  if (bold?.type !== 'strong' || bold.children[0]?.type !== 'text' || parts.length < 2) return undefined;
  const owner = ownerOfGroupLabel(plainText(bold).trim() + others.replace(/\s+/g, ''), cache);
  return owner === undefined ? undefined : { bold, owner };
}

function trailingOwner(paragraph: Paragraph, reading: Reading): ValueAt<string> | undefined {
  const signed = signature(paragraph, reading.cache);
  if (signed === undefined) return undefined;
  // Past the two marks that open the bold ("**" or "__").
  const start = spanOf(signed.bold, reading.base).start + 2;
  return { value: signed.owner, span: { start, end: start + plainText(signed.bold).trim().length } };
}

// "..., including rotating the keys, pruning the logs and adding a scan": a series of gerunds after its lead, each an action.
const seriesLead = /\b(?:including|such as|includes?|included)[ \t\n]+(?=(?:\p{L}+ly[ \t\n]+)?\p{L}+ing\b)/iu;
// "completely removing ...": an adverb may come before the gerund.
const gerund = String.raw`(?:\p{L}+ly[ \t\n]+)?(?!(?:thing|something|nothing|anything|everything|string|during|morning|evening|monitoring)\b)\p{L}+ing\b`;
const seriesGap = new RegExp(String.raw`(?:,[ \t\n]*(?:and[ \t\n]+|or[ \t\n]+)?|[ \t\n]+and[ \t\n]+)(?=${gerund})`, 'gu');
// "We've tuned the alert, and we've split the cluster": clauses of one sentence, each with its own subject.
// "..., and will avoid ...", "..., and then added ...": a clause that goes on with the subject before it.
const noSubject = /^(?:(?:also|then|later|now|further)[ \t]+)?(?:will|shall|should|must|can|could|would|may|might|have|has|had|am|are|is|was|were|do|does|did|not|\p{L}+ing|\p{L}+ed)\b/iu;
const clauseGap = /(?:,[ \t\n]+and|;)[ \t\n]+/g;

interface Piece {
  text: string;
  /** Offset in the sentence. */
  start: number;
  /** The words before a series tell of its actions as done ("We made several changes, including ..."). */
  done: boolean;
}

/** The distinct actions of one sentence: each clause that states an action with its own subject, and each gerund of a series. */
function actionsIn(sentence: string): Piece[] {
  const clauses = piecesBetween(sentence, 0, clauseGap);
  const ownSubjects = clauses.length > 1 && clauses.every((clause, i) => statesAction(clause.text) && (i === 0 || !(startsWithActionVerb(clause.text) || noSubject.test(clause.text))));
  return (ownSubjects ? clauses : [{ text: sentence, start: 0, done: false }]).flatMap(seriesIn);
}

function seriesIn(clause: Piece): Piece[] {
  const lead = seriesLead.exec(clause.text);
  if (!lead) return [clause];
  const leadEnd = lead.index + lead[0].length;
  const gerunds = joinBareGerunds(clause.text, piecesBetween(clause.text.slice(leadEnd), leadEnd, seriesGap));
  if (gerunds.length < 2) return [clause];
  const before = clause.text.slice(0, lead.index);
  const done = !workPlanned.test(before) && (reportsDone(before) || tellsStepTaken(before) || remediationDone.test(before));
  return gerunds.map((piece) => ({ text: piece.text.replace(/[.!?]+$/, ''), start: clause.start + piece.start, done }));
}

/** "- Damien" below the last paragraph: a writer's name signed as a one-entry list, no task. */
export function isSignature(list: List): boolean {
  const only = list.children.length === 1 ? list.children[0] : undefined;
  const first = only?.children.length === 1 ? only.children[0] : undefined;
  return first?.type === 'paragraph' && /^\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+)?$/u.test(plainText(first).trim());
}

/** "hardening and expanding the scanner": a gerund alone shares the object of the one after it, so the two are one action. */
function joinBareGerunds(text: string, pieces: readonly Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    if (last && /^(?:\p{L}+ly[ \t\n]+)?\p{L}+ing$/u.test(last.text.trim())) joined[joined.length - 1] = { ...last, text: text.slice(last.start, piece.start + piece.text.length) };
    else joined.push(piece);
  }
  return joined;
}

/** The parts of `text` between matches of `gap`, with their offsets shifted by `offset`. */
function piecesBetween(text: string, offset: number, gap: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const match of text.matchAll(gap)) {
    pieces.push({ text: text.slice(start, match.index), start: offset + start, done: false });
    start = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(start), start: offset + start, done: false });
  return pieces;
}

// "We will ...", "we'll ...", "we also plan to ...", "I'm also planning to ...": the writers commit themselves to act.
// "I'm sorry this happened and will personally ensure ...", "We'd been talking about it and plan to ...": a second verb of the writers' sentence makes the promise.
const writersPromise = /\b(?:we|I)(?:['’]ll|[ \t]+(?:(?:also|still|then|[a-z]+ly)[ \t]+)?(?:will|shall|plan[ \t]+(?:to|on)|intend[ \t]+to|have[ \t]+plans[ \t]+to)|(?:[ \t]+(?:are|am)|['’](?:re|m))[ \t]+(?:(?:also|still|then|[a-z]+ly)[ \t]+)?(?:going|planning)[ \t]+to)\b|^(?:[^,;]{0,40},[ \t]*)?(?:we|I)\b(?:(?:['’](?:m|re)|[ \t]+(?:am|are))[ \t]+(?:(?:very|deeply|truly|so|really)[ \t]+)?sorry\b|(?![^.;]{0,80}?\b(?:that|which|who|when|as|because|since|if)[ \t]+(?:the|a|an|it|this|they|he|she)\b))[^.;]{0,80}?[ \t]and[ \t]+(?:(?:also|then|[a-z]+ly)[ \t]+)?(?:will|plan[ \t]+to|intend[ \t]+to)[ \t]+(?!be[ \t]+(?:back|right|available|online)\b)\p{L}/iu;
// Follow-up work told without "we will": an improvement promised in the passive ("Alerts will be added to the sync job",
// "checks are being added"),
// or work under way ("Work is ongoing to audit ...", "the team is evaluating other designs", "we are working on adding ...").
const followUpUnderWay = new RegExp(
  // "Follow-up work planned to cope better with slow consumers": follow-up named as planned, its verb left out.
  String.raw`\bfollow[- ]?up[ \t]+(?:work|actions?|tasks?)[ \t]+(?:(?:is|are|has[ \t]+been|have[ \t]+been)[ \t]+)?(?:planned|scheduled|underway|under[ \t]+way)\b|` +
    String.raw`\b(?:will|shall)[ \t]+(?:(?:soon|also|then|now|next)[ \t]+)?be[ \t]+${passiveWork}\b|` +
    String.raw`\b(?:is|are)[ \t]+(?:(?:also|now|currently|actively)[ \t]+)?being[ \t]+${passiveWork}\b|` +
    String.raw`\b(?:is|are|am)[ \t]+(?:(?:currently|also|now|actively|still)[ \t]+)?in[ \t]+the[ \t]+process[ \t]+of[ \t]+[a-z]+ing\b|` +
    String.raw`\bwork[ \t]+is[ \t]+(?:also[ \t]+)?(?:ongoing|underway|under[ \t]+way)[ \t]+to\b|\b(?:is|are)[ \t]+(?:(?:currently|also|now|actively)[ \t]+)?(?:evaluating[ \t]+(?:several|different|possible|other|new)|investigating[ \t]+the[ \t]+feasibility|exploring[ \t]+(?:how|ways|options))\b|\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:currently|also|now|actively)[ \t]+)?working[ \t]+on[ \t]+(?:adding|improving|building|implementing|automating|introducing|hardening|upgrading|migrating|replacing|rewriting|(?:the[ \t]+ability|ways?|a[ \t]+way)[ \t]+to)\b|\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:currently|also|now|actively)[ \t]+)?(?:implementing|introducing|building|developing|putting|adding|setting[ \t]+up|rolling[ \t]+out)[ \t]+(?!(?:a|an|the)[ \t]+(?:fix|patch|workaround|hotfix)\b)(?!(?:more[ \t]+)?(?:capacity|servers|nodes|resources)\b)|` +
    // "we are preparing to roll out rate limits on Sunday": the change being readied.
    String.raw`\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:now|currently|also|actively)[ \t]+)?preparing[ \t]+to[ \t]+(?:implement|deploy|roll[ \t]+out|add|introduce|migrate|upgrade|install|enable)\b|` +
    // "We're also taking steps to add paging for the queue", "we are continuing our review of the cache to avoid a repeat".
    String.raw`\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:also|now|currently|actively)[ \t]+)?taking[ \t]+(?:(?:additional|further|several|the[ \t]+necessary)[ \t]+)?(?:steps|measures|action)[ \t]+to\b|` +
    String.raw`\bwe(?:[ \t]+are|['’]re)?[ \t]+continu(?:e|ing)[ \t]+(?:working[ \t]+on|our|to[ \t]+(?:investigate|work[ \t]+on))\b[^.;]{0,80}?\bto[ \t]+(?:prevent|resolve|fix|avoid|ensure)\b|` +
    // "we're reviewing our paging processes to make sure ...": a review of the writers' own ways, taken up to improve them.
    String.raw`\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:also|now|currently|actively)[ \t]+)?(?:reviewing|revisiting|improving|strengthening)[ \t]+(?:our|my)[ \t]+[^.;:]{1,60}?[ \t]+to[ \t]+(?:make[ \t]+sure|ensure|prevent|avoid|reduce|improve)\b|` +
    // "The check has been scheduled to be added", "we have scheduled time to go over it with the vendor", "we are well into an effort to rework ...": work set in motion.
    String.raw`\b(?:has|have)[ \t]+(?:(?:now|also|already)[ \t]+)?been[ \t]+scheduled[ \t]+(?:to[ \t]+be|for)\b|\b(?:we|I)(?:[ \t]+have|['’]ve)[ \t]+(?:(?:now|also|already)[ \t]+)?scheduled[ \t]+(?:(?:some[ \t]+)?time[ \t]+)?to\b|\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:already|now|also)[ \t]+)?(?:well[ \t]+)?into[ \t]+an[ \t]+effort[ \t]+to\b|` +
    // "We are working with the vendor to ensure this cannot recur": work with another party towards a safeguard.
    String.raw`\b(?:we(?:[ \t]+are|['’]re)|I(?:[ \t]+am|['’]m))[ \t]+(?:(?:also|now|currently|actively)[ \t]+)?working[ \t]+with[ \t]+[^.;:]{1,60}?[ \t]+to[ \t]+(?:attempt[ \t]+to[ \t]+|try[ \t]+to[ \t]+)?(?:ensure|prevent|make[ \t]+sure|avoid|stop|improve|add|implement|replace)\b|` +
    // "My next step is to script the restores", "Our next effort will be in shortening restores": the work the writers take up next.
    String.raw`\b(?:our|my)[ \t]+(?:immediate[ \t]+)?next[ \t]+(?:steps?|efforts?|priority|priorities|focus|task)[ \t]+(?:is|are|will[ \t]+be)[ \t]+(?:to|on|in)[ \t]+\p{L}|` +
    // "We are in the process of storage changes", "there will be a full review of the failover": work ahead named by its noun.
    String.raw`\bin[ \t]+the[ \t]+process[ \t]+of[ \t]+(?:[\w-]+[ \t]+){0,3}(?:improvements?|changes|upgrades?|fixes|updates|migration|rollout|review|redesign)\b|\bthere[ \t]+will[ \t]+be[ \t]+(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:review|analysis|investigation|audit|post-?mortem|retrospective)\b`,
  'iu',
);
/** The writers promise work ("we will ...") or tell follow-up work under way ("Alerts will be added ..."). */
function promisesWork(words: string): boolean {
  return writersPromise.test(words) || followUpUnderWay.test(words);
}

// A change made after the incident, told in prose: "we have since put safeguards in place", "a separate alert has been created",
// "We worked with our provider to adjust the configuration", "New operations policies drafted ...".
const remediationVerb = String.raw`(?:put|placed|taken[ \t]+(?:measures|steps|action)|made[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:improvements|changes)|added|created|implemented|introduced|updated|improved|adjusted|changed|increased|configured|enabled|deployed|set[ \t]+up|rolled[ \t]+out|hardened|automated|documented|drafted|rectified|corrected|tuned|migrated|replaced|upgraded|extended|raised|revised|rewritten|reworked|strengthened|expanded|revoked|rotated|disabled|removed|invalidated|blocked|tightened|restricted|patched|fixed|provisioned)`;
const remediationDone = new RegExp(
  String.raw`\b(?:we|I)(?:[ \t]+have|['’]ve)\b[^.;:]{0,80}?\b${remediationVerb}\b|\b(?:has|have)[ \t]+(?:(?:since|now|also|already)[ \t]+)?been[ \t]+${remediationVerb}\b|\bworked[ \t]+(?:with[ \t]+[^.;:]{1,60}?[ \t]+)?to[ \t]+(?:adjust|add|improve|update|change|implement|introduce)\b|(?:^|[.!?][ \t]+)(?:new|additional|more)[ \t]+[^.;:]{1,60}?\b(?:drafted|added|created|implemented|introduced)\b`,
  'iu',
);
// What makes the change a remediation rather than a step of the story: it guards against a repeat or adds a check.
const remediationPurpose = /\b(?:in[ \t]+place|safeguards?|additional|separate|extra|policies|remediation|improvements[ \t]+to|to[ \t]+(?:resolve|fix|address|remedy|correct)[ \t]+(?:this|it|that|the[ \t]+(?:issue|problem|bug|vulnerability))|(?:have|has|['’]ve)[ \t]+now|to[ \t]+(?:prevent|avoid|ensure|insure|make[ \t]+sure|reduce|mitigate|catch|detect|stop)|so[ \t]+that\b|so[ \t]+(?:this|it)\b|in[ \t]+(?:the[ \t]+)?future|going[ \t]+forward|from[ \t]+now[ \t]+on|happen(?:ing)?[ \t]+again|recurr\w*|more[ \t]+(?:robust|rigorous|detailed|reliable|resilient))\b/i;

// "The server-side code was fixed to sanitize user input": the fix and what it now does, told in the passive.
const fixedToDo = /\b(?:was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:fixed|patched|changed|updated|hardened)[ \t]+to[ \t]+(?:\p{L}+ly[ \t]+)?(?!be\b)\p{L}+/iu;

/** A remediation already made, told in prose: a done item where no Action items section lists the work. */
function reportsRemediation(words: string): boolean {
  return (remediationDone.test(words) && remediationPurpose.test(words)) || fixedToDo.test(words);
}

/** A promise of news or of more writing: "we'll post here once it's fixed", "I'll write it up separately". */
function promisesOnlyNews(words: string): boolean {
  return promisesNews.test(words) || writesElsewhere.test(words);
}

/** A promise of news, of the text itself, on a condition, of the recovery under way, of maintenance at a set hour, of work going on, or a memory: no follow-up work. */
function promisesNoFollowUp(words: string): boolean {
  return [promisesNews, guidesReader, writesElsewhere, onCondition, promisesRecovery, scheduledOperation, aboutTheText, goesOn, countsItemsAhead, aMemory, refersBack].some((shape) => shape.test(words));
}

// Promises that are no follow-up work: news ("We will post an update", "I'll let you know", "Next update here at 14:30 UTC"), the writing itself ("We'll
// start with the outage", "I'll introduce ...", "I will try and answer that", "which I will refer to as ..."), a promise on a condition ("If you donate, we will ..."), a need now ("going to have to").
// Monitoring is news ("we are monitoring the results", "we will continue to monitor"), unless taken up to prevent a repeat ("will be closely monitoring the load to prevent this").
const promisesNews = /\b(?:(?:post|provide|share|send|give|publish|have)[ \t]+(?:\p{L}+[ \t]+){0,2}?updates?|updat(?:e|ing)[ \t]+(?:here|hear|(?:this|the|our)[ \t]+(?:status[ \t]+)?(?:page|site|post|thread))\b|know[ \t]+more|see[ \t]+(?:you|everyone)|report[ \t]+(?:(?:this|it|back)[ \t]+)?to[ \t]+(?:the|them|our)[ \t]|(?:be|get)[ \t]+in[ \t]+touch|notify[ \t]+(?:you|everyone|all|our[ \t]+(?:users|customers|clients))|next[ \t]+update|update[ \t]+(?:here[ \t]+)?next|status[ \t]+updates|another[ \t]+update|(?:send|share|provide|sending|sharing|providing)[ \t]+(?:out[ \t]+)?(?:additional|further|more)[ \t]+(?:information|details)|updates?[ \t]+(?:to[ \t]+)?(?:you|everyone|it|this|the[ \t]+(?:status|post|page|incident|thread|community))|keep(?:ing)?[ \t]+(?:this|the)[ \t]+(?:incident|issue|ticket|thread)[ \t]+open|continu(?:e|es|ed|ing)[ \t]+(?:to[ \t]+)?monitor(?:ing)?|(?<![ \t](?:a|an|the|disk|new|better|more|extra|additional|uptime|health)[ \t])monitor(?:ing)?(?![ \t]+in[ \t]+place)(?![^.;]*?\bto[ \t]+(?:prevent|avoid|catch|detect)\b)|keep (?:you|everyone|all of you) (?:informed|posted|updated)|let (?:you|everyone)(?: all)? know|inform (?:you|everyone|our users)|share (?:more|further|additional)|mark(?:ing)? (?:this|the) (?:issue|incident) as (?:resolved|closed)|(?:amend|update|edit|revise)[ \t]+this[ \t]+(?:announcement|post|page|article|notice|report))\b/iu;
const guidesReader = /(?:will|shall|['’]ll|going to)[ \t]+(?:(?:now|first|then|next|hereafter|below|briefly)[ \t]+)?(?:try[ \t]+(?:and|to)[ \t]+)?(?:(?:start|begin)(?![ \t]+\p{L}+ing\b)|introduce|explain|answer|describe|discuss|cover|show|look|walk|go|talk|outline|summari[sz]e|dive|be (?:right )?back|have to|refer[ \t]+to|take[ \t]+a[ \t]+(?:(?:brief|quick|closer|short|deeper)[ \t]+)?look)\b/iu;
// "I'll cover it in full in a later post", "we will write this up separately": more writing, not follow-up work.
const writesElsewhere = /\b(?:document|write|explain|describe|cover)[ \t]+(?:it|this|that|them)[ \t]+(?:up[ \t]+)?(?:in[ \t]+(?:more|greater|full)[ \t]+detail[ \t]+)?(?:elsewhere|later|separately|in[ \t]+a[ \t]+(?:separate|future|later|follow-?up)[ \t]+(?:post|article|write-?up))\b/i;
const onCondition = /^(?:\P{L}*\p{L}+[,:]?[ \t]+)?(?:if|when|once|unless|whenever|as[ \t]+soon[ \t]+as|because)\b|\bif you\b|\b(?:if|whenever)\b[^.;]{0,200},[ \t]*(?:then[ \t]+)?(?:we|I)(?:['’]ll|[ \t]+will)\b/iu;
// "On Friday evening we will be migrating the database", "the upgrade runs Sunday 3rd from 06:00 UTC", "will be rolled
// back today at noon": maintenance announced for a set hour.
// Full day names only, not the calendar-names abbreviations: 'sat' or 'wed' is too often another word.
const scheduledOperation = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow)\b[^.;]{0,40}?\b(?:morning|afternoon|evening|night|noon|midnight|starting[ \t]+at|\d{1,2}(?::\d{2})?[ \t]*(?:am|pm|utc))\b|\b(?:this|tomorrow)[ \t]+(?:morning|afternoon|evening)\b|\btonight\b/i;
// "This article sets out what broke and how we'll stop it recurring": a sentence about the text itself.
const aboutTheText = /\b(?:this|the following)[ \t]+(?:blog[ \t]+)?(?:post|article|write-?up|document|report|page)[ \t]+(?:aims|is meant|is intended|tries|will|sets out|attempts)\b/i;
// "We will continue to do so", "we intend to continue operating the relays": the service and the
// response as they go on, no new follow-up ("we will continue to investigate" is).
const goesOn = /\b(?:will|shall|['’]ll|intend[ \t]+to|plan[ \t]+to)[ \t]+(?:(?:also|still|simply|\p{L}+ly)[ \t]+)?continu(?:e|ing)[ \t]+(?:to[ \t]+)?(?:do(?:ing)?[ \t]+(?:so|this|that|the[ \t]+same)|(?:mitigat|provid|serv|operat|offer|host)(?:e|es|ing)?)\b/iu;
// "We will be making three changes to how we deploy ...": a sentence that counts the items told after it.
const countsItemsAhead = /\b(?:make|making|take|taking|introduce|introducing|implement|implementing)[ \t]+(?:two|three|four|five|several|a[ \t]+few|a[ \t]+couple[ \t]+of|a[ \t]+number[ \t]+of|the[ \t]+following)[ \t]+(?:[\p{L}-]+[ \t]+)?(?:improvements|changes|steps|measures|actions)\b/iu;
// "I'll never forget the feeling when ...": a memory, no act; "at times we will fail", "we will mess up": a forecast of our own failings, no work.
const aMemory = /\bnever[ \t]+forget\b|\bwill[ \t]+(?:\p{L}+[ \t]+)?(?:fail|mess[ \t]+up|make[ \t]+mistakes|get[ \t]+(?:it|things)[ \t]+wrong)\b/iu;
const quoted = /"[^"\n]*"|“[^”\n]*”/g;

/** Outside any Action items section, each sentence in which the writers promise to act is an item; a paragraph that leads in to a list holds none. */
function readPromises(paragraph: Paragraph, reading: Reading, group: Group): ActionItem[] {
  if (endsInColon(plainText(paragraph)) || (isStatusUpdate(paragraph) && !linesAreParagraphs(paragraph))) return [];
  return readSentenceItems(paragraph, reading, group, (sentence) => {
    const words = sentence.replace(quoted, '""');
    // "We will add a check, and we'll update here when it ships": a clause of news leaves the other one's work. A condition or
    // an expected effect that opens the sentence holds for all of it ("If you face an issue, mail us and we will be in touch").
    const clauses = onCondition.test(words) || expectedEffect.test(words) ? [words] : words.split(/,?[ \t]+and[ \t]+(?=(?:we|I)\b)|;[ \t]*/i);
    return clauses.some((clause) => promisesWork(clause) && !promisesNoFollowUp(clause) && !expectedEffect.test(clause)) || reportsRemediation(words);
  });
}

// "we will bring the site back online", "we will power the rack up at 09:30": the recovery under way, not follow-up work.
const promisesRecovery =
  /\b(?:back[ \t]+(?:online|up|to[ \t]+normal)|restor\w*[ \t]+(?:\w+[ \t]+)?(?:service|services|access|operations?)|power[ \t]+(?:\w+[ \t]+){0,3}?(?:on|up)|bring[ \t]+(?:\w+[ \t]+){0,4}?(?:back|online)|(?:the|this|our)[ \t]+backlog|later[ \t]+today|after[ \t]+a[ \t]+short[ \t]+break|press[ \t]+on(?:ward)?)\b/i;
// "**Update** ...", "[Resolved] ...", "Investigating: ...", "*Update* 2 - ...": a status page's label over what is being done at the time.
const statusWord = String.raw`(?:update|updated|created|resolved|investigating|identified|monitoring|notice)`;
const boldStatus = new RegExp(String.raw`^\[?${statusWord}\]?[ \t]*:?$`, 'i');
const statusLabel = new RegExp(String.raw`^(?:\[${statusWord}\]|${statusWord}(?:[ \t]+\d+)?[ \t]*[:\-–—])`, 'i');
const statusLine = new RegExp(String.raw`^${statusWord}[ \t]*(?:\r?\n|$)`, 'i');
// "...\nPosted Jan 14, 2022 - 10:27 UTC": a status page's update signs off with the time it was posted.
const postedAtEnd = /\n[ \t]*Posted[ \t]+(?:\p{L}{3,9}\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*)?[-–][ \t]*\d{1,2}:\d{2}[ \t]*[A-Z]{2,5}[ \t]*$/u;

/**
 * A web page kept as plain text may run its paragraphs together, one a line, with no blank line between them: long
 * lines that each end a sentence. A time that opens the first line then says nothing of the lines after it.
 */
function linesAreParagraphs(paragraph: Paragraph): boolean {
  const lines = plainText(paragraph).split('\n');
  // Hard-wrapped prose breaks at 80 columns or fewer, mid-sentence: these lines are long on average and each ends a sentence.
  const meanLength = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
  return lines.length > 1 && meanLength >= 120 && lines.every((line) => line.length >= 90 && /[.!?]["”’)]?\s*$/.test(line));
}

/** A status update: a paragraph opened by a timestamp or a status label tells of the response at the time, its promises included. */
/** "Updated" or "Resolved" alone on a paragraph's first line: a status page's update log starts here, and what follows it is no longer the report. */
export function opensStatusUpdate(node: RootContent): boolean {
  return node.type === 'paragraph' && statusLine.test(plainText(node).trim());
}

function isStatusUpdate(paragraph: Paragraph): boolean {
  return hasStatusLabel(paragraph) || leadingStamp(plainText(paragraph)) !== undefined;
}

/** "**Update**", "Resolved:", or "Resolved" alone on the first line, as a status page prints it, or its "Posted ..." line: an update. */
function hasStatusLabel(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  const words = plainText(paragraph);
  return ((first?.type === 'strong' || first?.type === 'emphasis') && boldStatus.test(plainText(first).trim())) || statusLabel.test(words) || statusLine.test(words) || postedAtEnd.test(words.trimEnd());
}

/** One item per sentence of the paragraph that `isAction` accepts. */
function readSentenceItems(paragraph: Paragraph, reading: Reading, group: Group, isAction: (sentence: string) => boolean): ActionItem[] {
  const masked = revealHandles(paragraph, reading.base, reading.text, maskedText(paragraph, reading.base, reading.text));
  // A hard-wrapped sentence ("... but we\nwill cap the feeds ...") is read as one line.
  const words = joinLines(masked.text);
  const sentences: { text: string; start: number }[] = [];
  let start = 0;
  for (const gap of words.matchAll(sentenceBreak)) {
    sentences.push({ text: words.slice(start, gap.index), start });
    start = gap.index + gap[0].length;
  }
  sentences.push({ text: words.slice(start), start });
  // "We are working to fix it, and we'll update here ...": a piece that only promises news is no item beside the others.
  const actionPieces = (text: string) => actionsIn(text).filter((piece, _, all) => all.length === 1 || !promisesOnlyNews(piece.text));
  const pieces = sentences.filter((sentence) => isAction(sentence.text)).flatMap((sentence) => actionPieces(sentence.text).map((piece) => ({ ...piece, start: sentence.start + piece.start })));
  return pieces.map((piece) => {
    const text = piece.text.trimEnd();
    const span: Span = { start: masked.span.start + piece.start, end: masked.span.start + piece.start + text.length };
    const fields = readFields(text, span.start, reading);
    const done = group.done || piece.done || reportsDone(text) || tellsStepTaken(text) || (remediationDone.test(text) && !promisesWork(text));
    return { ...baseItem(fields, span, span, group), status: done ? 'done' : 'open', container: 'paragraph', insertAt: span.end };
  });
}

// "Action point: ...", "**Action item**: ...", "TODO: ...", "DONE - ..." at the start of a line.
const markedLine = /^[ \t]*(?:[*_]{1,2})?(?:action[ \t]+(?:point|item)|follow[- ]?up|TODO|DONE)(?:[*_]{1,2})?[ \t]*[:\-–—](?:[*_]{1,2})?[ \t]*\S/im;
// Outside an Action items section only an explicit label marks an item: "Action point: ...", "**Action taken:** ...", "**TODO**: ...", "**DONE** ...".
const looseMarkedLine = /^[ \t]*(?:[*_]{1,2})?actions?[ \t]+(?:point|item|taken|planned)(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*\S/i;
// A status in bold that opens a line, in the source: "**TODO**: ...", "**DONE** ...", "**DOING:** ...".
const statusMarker = /^[ \t]*(?:\*\*|__)(TODO|DONE|DOING|WIP|IN PROGRESS)[ \t]*:?(?:\*\*|__)[ \t]*[:\-–—]?[ \t]*(?=\S)/;
// Capitalised or upper-case only, unlike the status words: a line opening on lower-case "fixed -" is a sentence, not a mark.
const doneMarker = /^[ \t]*(?:[*_]{1,2})?\[?(?:DONE|Done|COMPLETED|Completed|FIXED|Fixed|IMPLEMENTED|Implemented|RESOLVED|Resolved|SHIPPED|Shipped)\]?(?:[*_]{1,2})?(?:[ \t]*[:\-–—]|\])/;

/** The paragraph opens with a status in bold: `**TODO**`, `**DONE**:`. */
function startsWithStatus(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  return first?.type === 'strong' && /^(?:TODO|DONE|DOING|WIP|IN PROGRESS):?$/.test(plainText(first).trim());
}

/** The short values in a table's body cells ("P1", "Detect"), in lower case: the words a legend beside the table defines. */
export function cellTerms(table: Table): string[] {
  return table.children.slice(1).flatMap((row) => row.children.map((cell) => plainText(cell).trim().toLowerCase()).filter((value) => value !== '' && value.length <= 20));
}

// "P1 - Important for ...", "**Detect**: ...": a term, then a dash or colon and what it means.
const definedTerm = /^[ \t]*([^\s:–—-][^:–—\n]{0,19}?)[ \t]*(?:[:–—]|[ \t]-[ \t])/;

/** Every entry of the list defines a word the section's tables use ("P0 - ...", "Prevent - ..."): it explains the table, it holds no items. */
export function definesTerms(list: List, terms: ReadonlySet<string> | undefined): boolean {
  if (!terms || list.children.length < 2) return false;
  return list.children.every((item) => {
    const first = item.children[0];
    const term = first?.type === 'paragraph' ? definedTerm.exec(plainText(first))?.[1].trim().toLowerCase() : undefined;
    return term !== undefined && terms.has(term);
  });
}

/** The table's header cells as plain titles, without emphasis marks or colons. */
function headerTitles(table: Table): string[] {
  return table.children[0]?.children.map((cell) => plainText(cell).trim().replace(/[*_:]/g, '')) ?? [];
}

function isActionTable(table: Table): boolean {
  const header = headerTitles(table);
  const columns = classifyColumns(header);
  const namesActions = /^(?:actions?|action (?:items?|points?)|tasks?|follow ?ups?|remediations?|to ?dos?)$/i;
  // "Time | Action | Who" is a log of what responders did, not actions still to take.
  const logsTime = header.some((title) => /\b(?:time|timestamp|utc)\b/i.test(title));
  return !logsTime && columns.action >= 0 && namesActions.test(header[columns.action].replace(/[^\p{L} ]+/gu, ' ').trim()) && (columns.owner >= 0 || columns.due >= 0 || columns.status >= 0);
}

function isTrackingList(list: List): boolean {
  const labels = list.children.map((item) => (item.children[0]?.type === 'paragraph' ? plainText(item.children[0]) : ''));
  return labels.length > 0 && labels.every((label) => /^\s*\[?(?:TODO|DONE)\b/.test(label)) && labels.some((label) => /^\s*\[?DONE\b/.test(label));
}

/**
 * Some entries are task boxes (`- [ ] ...`, `- [x] ...`): without an Action items section, those boxes are the actions,
 * unless they are a form's choices: one box ticked among entries no task is worded in ("[x] Infrastructure", "[ ] N/A").
 */
function hasTaskBoxes(list: List): boolean {
  const boxed = list.children.filter((item) => typeof item.checked === 'boolean');
  const words = boxed.map((item) => (item.children[0]?.type === 'paragraph' ? plainText(item.children[0]) : ''));
  const formChoice = boxed.length >= 2 && boxed.filter((item) => item.checked).length === 1 && !words.some((entry) => startsWithActionVerb(entry) || hasOwnMarkers(entry));
  return boxed.length > 0 && !formChoice;
}

/** Each marked line of a paragraph is an item; in an Action items section TODO and DONE mark one, elsewhere only "Action point:". */
function readMarkedLines(paragraph: Paragraph, reading: Reading, group: Group, inActionSection: boolean): ActionItem[] {
  const masked = revealHandles(paragraph, reading.base, reading.text, maskedText(paragraph, reading.base, reading.text));
  const items: ActionItem[] = [];
  let offset = 0;
  for (const line of masked.text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const status = statusMarker.exec(reading.text.slice(masked.span.start + lineStart, masked.span.start + lineStart + line.length));
    if (!(status || looseMarkedLine.test(line) || (inActionSection && markedLine.test(line) && !isPrompt(line)))) continue;
    const start = masked.span.start + lineStart + (line.length - line.trimStart().length);
    const lineSpan: Span = { start, end: masked.span.start + lineStart + line.trimEnd().length };
    // The marker ("Action taken:", "TODO -") is not part of what the item says.
    const marker = status?.[0] ?? /^[^:\-–—]*[:\-–—][ \t]*/.exec(line)?.[0] ?? '';
    const fields = readFields(' '.repeat(marker.length) + line.slice(marker.length), masked.span.start + lineStart, reading);
    items.push({
      ...baseItem(fields, lineSpan, { start: masked.span.start + lineStart + marker.length, end: lineSpan.end }, group),
      status: group.done || doneMarker.test(line) || status?.[1] === 'DONE' || saysDone(marker) ? 'done' : 'open',
      container: 'paragraph',
      insertAt: lineSpan.end,
    });
  }
  return items;
}

/** A template's prompt ("TODO: one task per change ...") is not an item; "TODO: rotate the keys" is. */
function isPrompt(line: string): boolean {
  return /^[ \t]*(?:[*_]{1,2})?(?:TODO|follow[- ]?up)\b/i.test(line) && !startsWithActionVerb(line.replace(/^[^:\-–—]*[:\-–—]/, ''));
}

/**
 * "1) Rotate the keys", "2. Alert on disk usage `@ana`", "[ ] Add a runbook", or any heading naming an owner or due date;
 * a numbered heading that gives a window ("1. Short-term", "2. Long term (planned)") heads a group of items instead.
 */
export function isItemHeading(title: string): boolean {
  const numbered = /^\s*(?:\d{1,3}[.)]|\[[ xX]\])\s+\S/.test(title) && (windowOf(title) === undefined || startsWithActionVerb(title));
  return numbered || hasOwnMarkers(title);
}

function hasOwnMarkers(words: string): boolean {
  return /(?<![\w.@])@[A-Za-z0-9]|\b(?:owners?|assignee|due)\b[ \t]*[:=]|\[P[0-2]\]/i.test(words);
}

function readHeadingItem(heading: Heading, reading: Reading, doneAbove: boolean): ActionItem {
  const masked = revealHandles(heading, reading.base, reading.text, maskedText(heading, reading.base, reading.text));
  const headingSpan = spanOf(heading, reading.base);
  const source = reading.text.slice(headingSpan.start, headingSpan.end);
  const end = headingSpan.start + source.replace(/(?:[ \t]+#+)?[ \t]*$/, '').length;
  const fields = readFields(masked.text, masked.span.start, reading);
  const title = plainText(heading).trim();
  return {
    ...baseItem(fields, { start: headingSpan.start, end }, masked.span, groupOf(undefined)),
    description: fields.description.replace(/^\d{1,3}[.)]\s*/, ''),
    status: doneAbove || doneLabel.test(title) || /^\s*\[[xX]\]/.test(title) ? 'done' : 'open',
    container: 'heading',
    insertAt: end,
  };
}

/** The parts of an item every reader fills the same way. */
function baseItem(fields: Fields, span: Span, descriptionSpan: Span, group: Group): Omit<ActionItem, 'status' | 'container' | 'insertAt'> {
  return {
    span,
    description: fields.description,
    descriptionSpan,
    owner: fields.owner,
    due: fields.due,
    dueUnreadable: fields.dueUnreadable,
    priority: fields.priority,
    ticket: fields.ticket,
    group: group.title,
    ownerPlaceholder: fields.ownerPlaceholder !== undefined,
    duePlaceholder: fields.duePlaceholder !== undefined,
    ownerPlaceholderSpan: fields.ownerPlaceholder,
    duePlaceholderSpan: fields.duePlaceholder,
    // A date written, even one that cannot be read, is the item's own; the heading's window is for items without one.
    dueWindow: fields.due || fields.dueUnreadable ? undefined : group.window,
    ownerCell: undefined,
    dueCell: undefined,
  };
}

function readList(list: List, reading: Reading, group: Group, into: ActionItem[]): void {
  if (listsChangesMade(list) || isSignature(list) || listsContents(list)) return;
  const reported = reportsMadeChanges(list);
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    const nested = item.children.filter((child): child is List => child.type === 'list');
    const label = plainText(first).trim();
    // "1. N/A." under "Documentation improvements": the list says there is nothing to do; "- `COPYRIGHT_QUERY`" names a thing.
    if (nested.length === 0 && (nothingToDo.test(label) || onlyCode(first))) continue;
    if (nested.length > 0 && isGroupLabel(item, label, nested, list.ordered === true)) {
      const inner = groupOf(labelWords(label), group);
      for (const list of nested) readList(list, reading, inner, into);
      continue;
    }
    const listed = readListItem(item, first, reading, group);
    into.push(reported && !group.ahead && tellsStepTaken(plainText(first), true) ? { ...listed, status: 'done' } : listed);
    // Detail bullets belong to the item; a nested entry with its own owner or due date, or a task under a plain bullet, is an item.
    for (const list of nested) {
      for (const child of list.children) {
        const childFirst = child.children[0];
        if (childFirst?.type !== 'paragraph') continue;
        const ownItem = hasOwnMarkers(plainText(childFirst)) || (child.checked != null && item.checked == null);
        if (ownItem) into.push(readListItem(child, childFirst, reading, group));
      }
    }
  }
}

// "**Name filter**: ", "Next: ": a short label before what the entry says.
const entryLabel = /^[ \t]*[^:\n]{1,40}:[ \t]+/;

/**
 * Under a heading or lead-in that says the actions are taken, an entry that tells work still going or ahead ("We're
 * building a name filter", "The widget comes back on May 2") is open; one that reports its own step stays done.
 */
function tellsWorkAhead(words: string): boolean {
  const said = words.replace(entryLabel, '');
  return (tellsWorkUnderWay(said) || commitsToAction.test(said)) && !tellsStepTaken(said) && !reportsDone(said);
}

/** "- whether the config is correct", "- how much is in transit": what a report or a check covers, clauses that state no work. */
function listsContents(list: List): boolean {
  return list.children.length >= 2 && list.children.every((item) => {
    const first = item.children[0];
    const words = first?.type === 'paragraph' ? plainText(first).trim() : '';
    return /^(?:whether|if|how (?:much|many|long|often)|what|which|when|where|who)\b/i.test(words) && !/\?["”’)]?$/.test(words);
  });
}

// A pull or merge request, or a commit: a change made in code.
const changeUrl = /\/(?:pull|pulls|merge_requests|commit|commits)\/[\w.-]+/;

/** "* [org/repo#1127](https://.../pull/1127)" and more such entries, nothing else: a list of the fixes made, which states no work. */
function listsChangesMade(list: List): boolean {
  return list.children.length >= 2 && list.children.every((item) => {
    const parts = item.children.length === 1 && item.children[0].type === 'paragraph' ? item.children[0].children.filter((child) => !(child.type === 'text' && child.value.trim() === '')) : [];
    return parts.length === 1 && parts[0].type === 'link' && changeUrl.test(parts[0].url);
  });
}

// "We rotated ...", "We immediately disclosed ...", "I put in ...": the writer tells a step already taken.
const firstPersonPast = /^(?:we|i)(?:['’]ve|[ \t]+have)?[ \t]+(?:(?:\p{L}+ly|also|further|since|then|just)[ \t]+)?(?:(?!need\b)\p{L}+ed|made|ran|put|sent|built|rebuilt|wrote|written|took|taken|gave|given|set|kept|found|held|got|began|begun|shut|cut|froze|frozen|withdrawn)\b/iu;

/** "I enabled bucket versioning – we'll now have backups": the writers report a step they took, in its first clause, with nothing still promised there. */
function writersReportStep(words: string): boolean {
  const firstClause = withoutLeadingMarks(words).split(/[ \t][–—-][ \t]|[;.:](?:\s|$)/)[0];
  return firstPersonPast.test(firstClause) && !commitsToAction.test(firstClause) && !tellsWorkUnderWay(firstClause);
}

/** The entry opens with an action verb in the past, or with "we" or "I" and a verb in the past. */
function tellsStepTaken(words: string, amongPast = false): boolean {
  return startsWithPastAction(words, amongPast) || firstPersonPast.test(withoutLeadingMarks(words));
}

/** Most entries of the list open with a verb in the past ("Removed ...", "We migrated ..."): it reports changes made, not work to do. */
/** A paragraph that is nothing but code spans: an identifier listed, not an action. */
function onlyCode(paragraph: Paragraph): boolean {
  return paragraph.children.some((child) => child.type === 'inlineCode') && paragraph.children.every((child) => child.type === 'inlineCode' || (child.type === 'text' && /^[\s,.;:]*$/.test(child.value)));
}

function reportsMadeChanges(list: List): boolean {
  const firsts = list.children.map((item) => item.children[0]).filter((first): first is Paragraph => first?.type === 'paragraph');
  return entriesReportChanges(firsts.map((first) => plainText(first)));
}

/** Two in three of two or more entries tell a step already taken. */
function entriesReportChanges(entries: readonly string[]): boolean {
  return entries.length >= 2 && entries.filter((entry) => tellsStepTaken(entry)).length * 3 >= entries.length * 2;
}

/**
 * "Immediate:", "**Long-term**" or "Database hardening" above a nested list of actions heads them; a parent that is itself
 * an action ("Improve dashboards:" over "Indexes", "Dashboards") keeps its nested bullets as detail, and so does a
 * numbered entry ("1. **Review checklist:**"), unless it gives a window or says done.
 */
function isGroupLabel(item: ListItem, label: string, nested: readonly List[], numbered: boolean): boolean {
  if (item.checked != null || label.length === 0 || label.length > 60 || hasOwnMarkers(label) || startsWithActionVerb(label)) return false;
  if (windowOf(label) !== undefined || saysDone(label)) return true;
  if (numbered) return false;
  const children = nested.flatMap((list) => list.children);
  const actions = children.filter((child) => {
    const first = child.children[0];
    return child.checked != null || (first?.type === 'paragraph' && (startsWithActionVerb(plainText(first)) || hasOwnMarkers(plainText(first))));
  });
  return actions.length * 2 >= children.length && (endsInColon(label) || label.split(/\s+/).length <= 6);
}

function readListItem(item: ListItem, first: Paragraph, reading: Reading, group: Group): ActionItem {
  const { text, base } = reading;
  const itemSpan = spanOf(item, base);
  const masked = revealHandles(first, base, text, maskedText(first, base, text));
  const fields = readFields(masked.text, masked.span.start, reading);
  const struck = first.children.length > 0 && first.children.every((child) => child.type === 'delete' || (child.type === 'text' && !child.value.trim()));
  const firstLineEnd = masked.text.indexOf('\n');
  const lineText = firstLineEnd < 0 ? masked.text : masked.text.slice(0, firstLineEnd);
  const done = item.checked === true || struck || doneLabel.test(masked.text) || doneMarker.test(masked.text) || (group.done && !tellsWorkAhead(masked.text)) || reportsActionTaken(masked.text) || writersReportStep(masked.text);
  return {
    ...baseItem(fields, { start: itemSpan.start, end: trimEnd(text, itemSpan.end) }, masked.span, group),
    status: done ? 'done' : 'open',
    ticket: fields.ticket ?? linkIn(first, base),
    container: item.checked == null ? 'list' : 'task-list',
    insertAt: masked.span.start + lineText.trimEnd().length,
  };
}

/** An `@handle` written as code (`` `@ana` ``) is still the owner: it is shown again in the masked words. */
function revealHandles(node: Nodes, base: number, text: string, masked: { span: Span; text: string }): { span: Span; text: string } {
  let words = masked.text;
  const visit = (current: Nodes) => {
    if (current.type === 'inlineCode' && /^@[\w.-]+(?:\/[\w.-]+)?$/.test(current.value)) {
      const span = spanOf(current, base);
      const at = span.start - masked.span.start;
      words = words.slice(0, at) + text.slice(span.start, span.end).replace(/`/g, ' ') + words.slice(at + span.end - span.start);
    } else if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return { span: masked.span, text: words };
}

/** A line of two or more words all in capitals, after the item's first line. */
const allCapsLine = /\n[ \t]*\p{Lu}[\p{Lu}\p{N}&/-]*(?:[ \t]+[\p{Lu}\p{N}&/-]+)+[ \t]*(?=\n|$)/u;


interface Fields {
  description: string;
  owner: ValueAt<string> | undefined;
  due: ValueAt<string> | undefined;
  dueUnreadable: ValueAt<string> | undefined;
  priority: ValueAt<0 | 1 | 2> | undefined;
  ticket: ValueAt<string> | undefined;
  /** Where a placeholder stands in an owner or due slot (`Owner: [Owner]`, `due TBD`). */
  ownerPlaceholder: Span | undefined;
  duePlaceholder: Span | undefined;
}

/** Reads owner, due date, priority and ticket from an item's words; `offset` is where `words` starts. */
function readFields(itemWords: string, offset: number, reading: Reading): Fields {
  const { referenceDate } = reading;
  // A page kept as plain text runs its next heading into the last item ("NEED HELP" and the footer under it):
  // from that line on, the words are not the item's (blanked, so that offsets hold).
  // A status page's "Posted Mar 09, 2026 - 10:12 UTC" under the last item tells when the report went up, no date of the item's.
  const headingLine = allCapsLine.exec(itemWords) ?? postedAtEnd.exec(itemWords.trimEnd());
  const words = headingLine ? itemWords.slice(0, headingLine.index) + ' '.repeat(itemWords.length - headingLine.index) : itemWords;
  const used: Span[] = [];
  const at = (index: number, value: string): Span => ({ start: offset + index, end: offset + index + value.length });
  const fields: Fields = { description: '', owner: undefined, due: undefined, dueUnreadable: undefined, priority: undefined, ticket: undefined, ownerPlaceholder: undefined, duePlaceholder: undefined };

  for (const label of words.matchAll(ownerLabel)) {
    const valueStart = label.index + label[0].length;
    const value = ownerValue.exec(words.slice(valueStart))?.[0];
    if (!value) continue;
    used.push({ start: label.index, end: valueStart + value.length });
    if (isPlaceholderValue(value)) fields.ownerPlaceholder ??= at(valueStart, value);
    else fields.owner ??= { value: value.replace(/[.,]$/, ''), span: at(valueStart, value.replace(/[.,]$/, '')) };
  }
  if (!fields.owner) {
    const match = handle.exec(words) ?? trailingAtHandle.exec(words) ?? bracketName.exec(words);
    handle.lastIndex = trailingAtHandle.lastIndex = bracketName.lastIndex = 0;
    // "[P1]", "[x]", "[Scheduled]": a priority, a checkbox or a status in brackets, not a name.
    if (match && !isPlaceholderValue(match[0]) && !/^\[(?:P[0-3]|x| |scheduled|planned|done|completed?|in progress|ongoing|open|closed|pending|blocked|wip)\]$/i.test(match[0])) {
      fields.owner = { value: match[0].startsWith('[') ? match[1] : match[0], span: at(match.index, match[0]) };
      used.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  if (!fields.owner && !fields.ownerPlaceholder) {
    // Owners in parentheses before the task are not part of what is to be done.
    const leading = parenthesisedOwner(words);
    if (leading) {
      fields.owner = { value: leading.value, span: at(leading.index, leading.value) };
      used.push({ start: leading.index, end: leading.index + leading.value.length });
    }
  }
  if (!fields.owner && !fields.ownerPlaceholder) {
    const subject = subjectOwner(joinLines(words)) ?? dashedOwner(words, reading.cache);
    if (subject) fields.owner = { value: subject.value, span: at(subject.index, subject.value) };
  }

  for (const label of words.matchAll(dueLabel)) {
    const valueStart = label.index + label[0].length;
    // Markup closing the value ("TBD`", "2024-06-01**") is not part of it: a fix replacing the value keeps it.
    const value = dueValue.exec(words.slice(valueStart))?.[1]?.trim().replace(/[*_`~]+$/, '');
    if (!value) continue;
    const date = parseDate(value, referenceDate) ?? parseDueMonth(value);
    // "Due: next sprint" promises a date that cannot be read; "by the team" or "due to" are prose.
    const explicit = /[:=]/.test(label[0]) || (label[1].toLowerCase() === 'due' && !/^to\b/i.test(value));
    if (date) fields.due ??= { value: date, span: at(valueStart, value) };
    else if (isPlaceholderValue(value)) fields.duePlaceholder = explicit ? (fields.duePlaceholder ?? at(valueStart, value)) : fields.duePlaceholder;
    else if (explicit) fields.dueUnreadable ??= { value, span: at(valueStart, value) };
    else continue;
    used.push({ start: label.index, end: valueStart + value.length });
    if (fields.due) break;
  }
  if (!fields.due && !fields.dueUnreadable) {
    for (const pattern of [isoDate, namedDate]) {
      const match = [...words.matchAll(pattern)].pop();
      const date = match && parseDate(match[0], referenceDate);
      if (match && date) {
        fields.due = { value: date, span: at(match.index, match[0]) };
        used.push({ start: match.index, end: match.index + match[0].length });
        break;
      }
    }
  }

  for (const pattern of priorityPatterns) {
    const match = pattern.exec(words);
    if (match) {
      const level = Number(match[1].replace(/p/i, '')) as 0 | 1 | 2;
      fields.priority = { value: level, span: at(match.index, match[0]) };
      used.push({ start: match.index, end: match.index + match[0].length });
      break;
    }
  }

  const ticket = ticketPattern.exec(words);
  if (ticket) {
    fields.ticket = { value: ticket[0], span: at(ticket.index, ticket[0]) };
    used.push({ start: ticket.index, end: ticket.index + ticket[0].length });
  }

  let description = words;
  for (const span of used) description = description.slice(0, span.start) + ' '.repeat(span.end - span.start) + description.slice(span.end);
  // What is left once the annotations are blanked out, without their now-empty brackets and separators.
  fields.description = trimEndMatching(description.replace(/\(\s*(?:[,;:]\s*)*\)/g, ' ').replace(/\s+/g, ' '), /[\s,;:(—–-]/)
    .replace(/^[\s,;:)—–-]+/g, '')
    .trim();
  // A closing bracket left over from "(Owner: ..., Due: ...)" whose opening part was blanked.
  if (fields.description.endsWith(')') && count(fields.description, ')') > count(fields.description, '(')) {
    fields.description = trimEndMatching(fields.description.slice(0, -1), /[\s,;:—–-]/);
  }
  return fields;
}

function readTable(table: Table, reading: Reading, group: Group): ActionItem[] {
  const header = headerTitles(table);
  const columns = classifyColumns(header);
  // "Timestep | Server 1 | Server 2": events walked through in time, the first column a time, no header naming the action.
  if (columns.action === 0 && stepColumn.test(header[0] ?? '')) return [];
  // An empty template row ("| | | |") is not an item.
  const rows = table.children.slice(1).filter((row) => row.children.some((cell) => plainText(cell).trim() !== ''));
  // "Resolver | Query | Mutation": a table of data, no header naming an action, an owner or a date, and its cells no actions.
  if (!namesAnyRole(header) && rows.filter((row) => startsWithActionVerb(plainText(row.children[columns.action] ?? row))).length * 2 < rows.length) return [];
  return rows.map((row) => readRow(row, columns, reading, group));
}

const stepColumn = /^\W*(?:time|times|timestep|time ?step|timestamp|t)\W*$/i;

// A cell of only dashes or question marks says nothing is known yet: no owner, no template text left in, no date written unreadably.
const blankMark = /^[-–—?]+$/;

// An owner cell that is a sentence ("Added along with the fix") says something else than who owns the item.
function isOwnerCell(value: string): boolean {
  return value !== '' && !isPlaceholderValue(value) && !blankMark.test(value) && (value.split(/\s+/).length <= 4 || /[@,;&/]|\band\b/.test(value));
}

function readRow(row: TableRow, columns: Columns, reading: Reading, group: Group): ActionItem {
  const { text, base, referenceDate } = reading;
  const cell = (index: number) => (index >= 0 ? row.children[index] : undefined);
  const cellSpan = (index: number): Span | undefined => {
    const node = cell(index);
    return node ? contentSpan(node, base, text) : undefined;
  };
  const cellText = (index: number) => {
    const span = cellSpan(index);
    return span ? text.slice(span.start, span.end).trim() : '';
  };
  const actionCell = cell(columns.action);
  const masked = actionCell ? revealHandles(actionCell, base, text, maskedText(actionCell, base, text)) : { span: spanOf(row, base), text: '' };
  const fields = readFields(masked.text, masked.span.start, reading);

  const ownerText = cellText(columns.owner).replace(/[*_`]/g, '');
  const ownerSpan = cellSpan(columns.owner);
  const dueText = cellText(columns.due).replace(/[*_`]/g, '');
  const dueSpan = cellSpan(columns.due);
  const dueDate = dueText ? parseDate(dueText, referenceDate) : undefined;
  const priorityMatch = /\bP?([0-2])\b/i.exec(cellText(columns.priority));
  const prioritySpan = cellSpan(columns.priority);
  const ticketText = cellText(columns.ticket);
  const ticketSpan = cellSpan(columns.ticket);
  const statusText = cellText(columns.status).replace(/[*_`~]/g, '');
  const rowSpan = spanOf(row, base);
  const actionSpan = cellSpan(columns.action);

  const ownerIsPlaceholder = ownerText !== '' && isPlaceholderValue(ownerText) && !blankMark.test(ownerText);
  const dueIsPlaceholder = dueText !== '' && isPlaceholderValue(dueText);
  const due = dueDate && dueSpan ? { value: dueDate, span: dueSpan } : columns.due < 0 ? fields.due : undefined;
  return {
    ...baseItem(fields, rowSpan, masked.span, group),
    description: fields.description || plainText(actionCell ?? row).trim(),
    owner: ownerSpan && isOwnerCell(ownerText) ? { value: ownerText, span: ownerSpan } : columns.owner < 0 ? fields.owner : undefined,
    due,
    dueUnreadable: dueText && !dueDate && !dueIsPlaceholder && !blankMark.test(dueText) && dueSpan ? { value: dueText, span: dueSpan } : undefined,
    priority: priorityMatch && prioritySpan ? { value: Number(priorityMatch[1]) as 0 | 1 | 2, span: prioritySpan } : fields.priority,
    status: group.done || doneStatus.test(statusText) || (columns.status < 0 && row.children.some((cell) => doneCell.test(plainText(cell)))) || /~~/.test(text.slice(rowSpan.start, rowSpan.end).replace(/\|/g, '').trim().slice(0, 2)) ? 'done' : 'open',
    ticket: ticketText && ticketSpan ? { value: linkIn(cell(columns.ticket), base)?.value ?? ticketText, span: ticketSpan } : fields.ticket,
    container: 'table',
    ownerPlaceholder: ownerIsPlaceholder || fields.ownerPlaceholder !== undefined,
    duePlaceholder: dueIsPlaceholder || fields.duePlaceholder !== undefined,
    ownerPlaceholderSpan: ownerIsPlaceholder ? ownerSpan : fields.ownerPlaceholder,
    duePlaceholderSpan: dueIsPlaceholder ? dueSpan : fields.duePlaceholder,
    dueWindow: due || dueText !== '' ? undefined : group.window,
    insertAt: actionSpan ? actionSpan.end : rowSpan.end,
    ownerCell: columns.owner >= 0 ? cellSpan(columns.owner) : undefined,
    dueCell: columns.due >= 0 ? cellSpan(columns.due) : undefined,
  };
}

/** The span of a cell's content, or, for an empty cell, the whitespace between its pipes. */
function contentSpan(cell: Nodes, base: number, text: string): Span {
  if ('children' in cell && cell.children.length > 0) {
    return { start: spanOf(cell.children[0], base).start, end: spanOf(cell.children[cell.children.length - 1], base).end };
  }
  const span = spanOf(cell, base);
  const source = text.slice(span.start, span.end);
  const start = span.start + (source.startsWith('|') ? 1 : 0);
  const end = source.length > 1 && source.endsWith('|') ? span.end - 1 : span.end;
  return { start, end: Math.max(start, end) };
}

function linkIn(node: Nodes | undefined, base: number): ValueAt<string> | undefined {
  if (!node) return undefined;
  if (node.type === 'link') return { value: node.url, span: spanOf(node, base) };
  if ('children' in node) {
    for (const child of node.children) {
      const found = linkIn(child, base);
      if (found) return found;
    }
  }
  return undefined;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
