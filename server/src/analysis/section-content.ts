// Sections read by what they hold when no heading names their kind ("The bug", "Fallout"): heading words are never a complete list.
import type { List } from 'mdast';
import type { Section, SectionKind } from './model';
import type { RootContent } from './markdown';
import { plainText } from './inline';
import { normaliseHeading } from './section-heading';
import { addressesReaderWords, startsWithActionVerb } from './action-item-shapes';
import { isBesideTemplate, mayHoldActions } from './section-certainty';
import { leadingStamp } from './timeline';
import { monthStart, weekdayName } from './calendar-names';

/** A top-level block and the innermost section it sits in. */
export interface PlacedNode {
  node: RootContent;
  section: number | undefined;
}

/** What a section holds, its sub-sections of no kind included. */
interface SectionBody {
  /** The plain text of its paragraphs, lists and quotes, one block or list entry per line. */
  text: string;
  lists: List[];
}

/** Read a kind into a section. The hover says it was read by its content and is not certain. */
function readAs(section: Section, kind: SectionKind): void {
  section.kind = kind;
  section.uncertain = true;
  section.kindFrom = 'content';
}

/**
 * A kind no heading names is read from a section whose heading names none, the first that holds it, one kind per
 * section: the timeline from timed entries, action items from a list of marked tasks (else a fix section's promise),
 * the root cause from causes named outright. Only signals that stayed precise on real postmortems are read: causal words
 * alone, amounts of harm and lists of steps also fill other sections (history, mitigation, logs) too often to tell apart.
 */
export function inferKindsByContent(sections: Section[], blocks: readonly PlacedNode[]): void {
  inferTimelineSection(sections, blocks);
  // A document whose headings name every kind read here (most, as they follow a template) skips reading its bodies on each edit.
  const missing = contentSignals.filter((signal) => !sections.some((section) => section.kind === signal.kind));
  const bodies = missing.length > 0 ? sectionBodies(sections, blocks) : [];
  for (const signal of missing) {
    const index = bodies.findIndex((body, at) => body !== undefined && isOpenCandidate(sections, at) && (signal.kind === 'timeline' || !logOfIncidents.test(normaliseHeading(sections[at].title))) && signal.holds(body));
    if (index >= 0) readAs(sections[index], signal.kind);
  }
  inferActionSection(sections, blocks);
}

// History told before the incident: its "because" and "due to" read like a cause.
const historyHeading = /^(?:background|context)$/;
// A log of many incidents ("Recent events", "Incident history"): read as a timeline, never as one incident's cause or actions.
const logOfIncidents = /^(?:history|(?:recent|past|previous|earlier) (?:events|incidents|outages|issues)|(?:incident|outage|status|event) (?:history|log))$/;

// A heading that is only a date ("October 2021", "2024-03-05 Tuesday", "Weds 9 Mar 2022") heads a day or month of a log, whatever its entries say.
const dateOnly = new RegExp(
  String.raw`^\W*(?:${weekdayName},?[ \t]+)?(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:\d{1,2}(?:st|nd|rd|th)?\.?[ \t]+)?${monthStart}[a-z]*\.?(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?)?,?[ \t]+\d{4})\W*(?:[a-z]+day\W*)?$`,
  'i',
);

/** A heading that opens on a day or a time ("### 2024-03-05", "### 10:52") heads a part of the log it sits in. */
export function headsPartOfLog(title: string): boolean {
  return dateOnly.test(title) || leadingStamp(title) !== undefined;
}

/** A heading of no kind, not the title, in no section of a kind, and neither one of the well-known extras, history nor a date. */
function isOpenCandidate(sections: readonly Section[], index: number): boolean {
  const section = sections[index];
  if (section.kind !== undefined || section.form !== 'heading' || (index === 0 && section.depth === 1) || dateOnly.test(section.title)) return false;
  for (let at = section.parent; at !== undefined; at = sections[at].parent) if (sections[at].kind !== undefined) return false;
  // The sections real postmortems add beside the template's may read like one of its kinds ("Trigger" names a cause).
  return !isBesideTemplate(section.title) && !historyHeading.test(normaliseHeading(section.title));
}

/** Each section's body: its own blocks and those of sub-sections of no kind. Undefined for sections that hold nothing. */
function sectionBodies(sections: readonly Section[], blocks: readonly PlacedNode[]): (SectionBody | undefined)[] {
  const bodies: (SectionBody | undefined)[] = sections.map(() => undefined);
  for (const { node, section } of blocks) {
    if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'blockquote') continue;
    // One line per list entry, so sentences and word boundaries stay apart.
    const text = node.type === 'list' ? node.children.map((item) => plainText(item)).join('\n') : plainText(node);
    // Up from the block's own section, through sections of no kind: a sub-section of a known kind is no part of its parent's reading.
    for (let at = section; at !== undefined; at = sections[at].kind === undefined ? sections[at].parent : undefined) {
      const body = (bodies[at] ??= { text: '', lists: [] });
      body.text += `${text}\n`;
      if (node.type === 'list') body.lists.push(node);
    }
  }
  return bodies;
}

interface ContentSignal {
  kind: SectionKind;
  holds: (body: SectionBody) => boolean;
}

// A cause named outright: "the root cause", "was caused by", "the bug was", "failed because". "because" or "due to" alone also tells history.
const namedCause = /\b(?:root cause|(?:was|were) (?:caused|triggered) by|the (?:\w+ )?cause (?:of [^.\n]{0,60})?(?:was|is)|the (?:bug|problem|issue|culprit|mistake|trigger) (?:was|is)|was due to|(?:happened|occurred|failed|broke) because)\b/gi;

// One such phrase also appears in a summary or a timeline entry; two make the section about the cause.
const minimumNamedCauses = 2;

const countOf = (pattern: RegExp, text: string) => text.match(pattern)?.length ?? 0;

// An entry's marks of a task: a checkbox, an owner named after its words ("... @mira", "Owner: Mira") or a due date.
const ownerOrDue = /\S[ \t]+@[\w-]+|\bowners?[ \t]*:|\bdue[ \t]*:/i;

/** A list of three or more entries, two in three marked as tasks and half opening with an imperative ("Add ...", "Rotate ..."). */
function listsTasks(list: List): boolean {
  if (list.children.length < 3) return false;
  const firstWords = list.children.map((item) => (item.children[0]?.type === 'paragraph' ? plainText(item.children[0]) : ''));
  const marked = list.children.filter((item, index) => typeof item.checked === 'boolean' || ownerOrDue.test(firstWords[index])).length;
  const imperative = firstWords.filter(opensOnImperative).length;
  return marked * 3 >= list.children.length * 2 && imperative * 2 >= list.children.length;
}

const speaksToReaderInItem = new RegExp(addressesReaderWords, 'i');

/** "Sign in again with your account", "You'll need to configure the widget again": steps for the reader to take, not the team's. */
function speaksToReader(list: List): boolean {
  return list.children.some((item) => speaksToReaderInItem.test(plainText(item)));
}

/** Half or more of the entries open with an imperative: things to do, not things done. */
function listsImperatives(list: List): boolean {
  const firstWords = list.children.map((item) => (item.children[0]?.type === 'paragraph' ? plainText(item.children[0]) : ''));
  return firstWords.filter(opensOnImperative).length * 2 >= list.children.length;
}

// "Issue: ...", "Update: ...", "Share notice: ...": an entry opening on a field's label records a fact; its first word is no command.
const fieldLabel = /^[\p{L}][\p{L} -]{0,24}:\s/u;

function opensOnImperative(words: string): boolean {
  return startsWithActionVerb(words) && !fieldLabel.test(words);
}

const contentSignals: readonly ContentSignal[] = [
  { kind: 'action-items', holds: (body) => body.lists.some(listsTasks) },
  { kind: 'root-cause', holds: (body) => countOf(namedCause, body.text) >= minimumNamedCauses },
];

// A clock time near the start of a list entry: "11:45, the pipeline ...", "At 17:30 we ...", "On Sep 30 at 02:30, ...".
// A clock time near the start, or after a milestone's label ("Cause found: 09:12 UTC"), or a four-digit one before a colon ("~1324: ...").
// Looser than the timeline's leadingStamp on purpose: a list is judged a log by its entries even when the time sits a few words in.
const timeNearStart = /^[^\n]{0,30}?\b\d{1,2}:\d{2}\b|^[^\n:]{1,60}:[ \t]*\d{1,2}:\d{2}\b|^\W{0,2}(?:[01]\d|2[0-3])[0-5]\d[ \t]*:[ \t]/;

/** A list of three or more entries, at least half of which open with a clock time: a timeline, whatever its heading says. */
function listsTimedEntries(node: RootContent): boolean {
  if (node.type !== 'list' || node.children.length < 3) return false;
  const timed = node.children.filter((item) => item.children[0]?.type === 'paragraph' && timeNearStart.test(plainText(item.children[0]))).length;
  return timed * 2 >= node.children.length;
}

/** Sections that log the incident in paragraphs: three or more open with a clock time, and at least half of their paragraphs do. */
function sectionsOfTimedParagraphs(blocks: readonly PlacedNode[]): Set<number | undefined> {
  const counts = new Map<number | undefined, { timed: number; all: number }>();
  for (const { node, section } of blocks) {
    if (node.type !== 'paragraph') continue;
    const count = counts.get(section) ?? { timed: 0, all: 0 };
    count.all++;
    if (timeNearStart.test(plainText(node))) count.timed++;
    counts.set(section, count);
  }
  return new Set([...counts].filter(([, count]) => count.timed >= 3 && count.timed * 2 >= count.all).map(([section]) => section));
}

/**
 * Without a Timeline section, the first section whose heading names no kind for certain ("Technical details", "What
 * has the team done so far?") and that holds a list of timed entries, or paragraphs that open with times, is the timeline, said to be uncertain.
 */
function inferTimelineSection(sections: Section[], blocks: readonly PlacedNode[]): void {
  if (sections.some((section) => section.kind === 'timeline')) return;
  const open = (at: number | undefined) => at !== undefined && sections[at].form === 'heading' && (sections[at].kind === undefined || sections[at].uncertain);
  const stamped = sectionsOfTimedParagraphs(blocks);
  const candidate = blocks.find((block) => open(block.section) && (listsTimedEntries(block.node) || stamped.has(block.section)));
  if (candidate?.section === undefined) return;
  // Entries under a day heading ("### 2024-03-05") belong to the log around the days, when that names no kind either.
  let index = candidate.section;
  for (let parent = sections[index].parent; parent !== undefined && dateOnly.test(sections[index].title) && isOpenCandidate(sections, parent); parent = sections[index].parent) index = parent;
  readAs(sections[index], 'timeline');
}


// "Response", "Our response": a heading over the steps the team took.
const responseHeading = /^responses?$/;
const incidentStage = /^(?:lead ?up|detection|recovery)$/;
// "What was the fix?", "How was the fix deployed?": a question about what was done, answered by the resolution.
const asksWhatWasDone = /^(?:what|how) (?:was|were|did)\b/;

/**
 * Without an Action items section, a section under such a heading whose prose makes a promise ("The team will
 * implement ...") holds the actions, and so do a response section that lists its steps and a list of things to do
 * ("Reset the state", "Pin the version"): it is read as one, said to be uncertain.
 */
function inferActionSection(sections: Section[], blocks: readonly PlacedNode[]): void {
  if (sections.some((section) => section.kind === 'action-items')) return;
  // The title is no section; a later H1 is, in documents that head their sections with H1s.
  const title = sections.findIndex((section) => section.depth === 1);
  // An incident template ("Leadup", "Fault", "Detection", "Response", "Recovery") tells the response as it happened.
  const toldAsIncident = sections.some((section) => incidentStage.test(normaliseHeading(section.title)));
  const candidate = sections.findIndex((section, index) => {
    if (section.kind !== undefined || section.form !== 'heading' || index === title || !mayHoldActions.test(section.title) || asksWhatWasDone.test(normaliseHeading(section.title))) return false;
    const listsSteps = responseHeading.test(normaliseHeading(section.title));
    if (listsSteps && toldAsIncident) return false;
    return blocks.some(
      (block) =>
        block.section === index &&
        ((block.node.type === 'paragraph' && /\bwill\b/i.test(plainText(block.node))) ||
          (block.node.type === 'list' && block.node.children.length >= 2 && (listsSteps || listsImperatives(block.node)) && !speaksToReader(block.node))),
    );
  });
  if (candidate >= 0) {
    readAs(sections[candidate], 'action-items');
    return;
  }
  // "Areas of improvement" with "we will ..." in it, under its own sub-headings or not: the improvements promised are the actions.
  const promised = sections.findIndex(
    (section, index) =>
      section.kind === 'what-went-poorly' &&
      /\bimprovements?\b/i.test(section.title) &&
      blocks.some((block) => block.node.type === 'paragraph' && within(sections, block.section, index) && /\bwe(?:['’]ll|\s+will)\b/i.test(plainText(block.node))),
  );
  if (promised >= 0) readAs(sections[promised], 'action-items');
}

/** The block's section is `index`, or one of its sub-sections that names no kind of its own. */
function within(sections: readonly Section[], at: number | undefined, index: number): boolean {
  for (let current = at; current !== undefined; current = sections[current].kind === undefined ? sections[current].parent : undefined) if (current === index) return true;
  return false;
}
