// One document against the rest of its workspace: the earlier postmortems that share its cause, and the earlier
// action items its own repeat. The caller keeps one object per state of the workspace, so what it reads of the
// other postmortems is read once; a query reads only the document's own text.
import type { ActionStatus, Postmortem } from '../model';
import { incidentName } from '../detect';
import { LineIndex } from '../text';
import { causeTextOf, type CauseText } from './documents';
import { causeGroupMembers, causeTerms, defaultCauseThreshold, groupTheme, membersReadForTheme, TellingWords } from './recurring-causes';
import { causeWeight, contextTerms, defaultActionThreshold, itemTerms } from './repeated-actions';
import { causeReading, documentFrequencies, itemReading, TermReader, weighByFrequency, weighByRarity, type TermVector } from './terms';

/** An action item as a workspace keeps it. */
export interface DigestItem {
  description: string;
  status: ActionStatus;
  /** 0-based. */
  line: number;
}

/** What a workspace keeps of each postmortem for insights: its cause text, title, date and action items, bounded. */
export interface PostmortemDigest extends CauseText {
  /** 0-based line of the root cause heading (else the contributing factors'), where links to the cause go. */
  causeLine: number | undefined;
  actionItems: DigestItem[];
}

/** The document a query is about: its cause text and its action items' descriptions. */
export interface DocumentCause extends CauseText {
  actionItems: readonly { description: string }[];
}

export interface CauseMatch {
  /** The group's label. */
  theme: string;
  /** The other postmortems of the group dated on or before the document (or undated), oldest first. */
  earlier: PostmortemDigest[];
}

export interface RepeatedItem {
  /** Index into the document's action items. */
  item: number;
  /** The earlier postmortems' items it repeats, oldest first. */
  earlier: { postmortem: PostmortemDigest; item: DigestItem }[];
}

// Bounds on what is kept per postmortem: a root cause runs to a few paragraphs; a longer one says enough in its start.
const maxChars = { title: 300, cause: 4000, factors: 2000, component: 100, item: 500 };
const maxComponents = 20;
const maxItems = 200;

/** The digest of a postmortem's model; `lines` when the caller has the model text's line index already. */
export function digestPostmortem(path: string, model: Postmortem, lines = new LineIndex(model.text)): PostmortemDigest {
  const cause = causeTextOf({ path, model });
  const causeSection = model.sections.find((section) => section.kind === 'root-cause') ?? model.sections.find((section) => section.kind === 'contributing-factors');
  return {
    path,
    date: cause.date,
    title: cause.title.slice(0, maxChars.title),
    rootCause: cause.rootCause.slice(0, maxChars.cause),
    factors: cause.factors.slice(0, maxChars.factors),
    components: cause.components.slice(0, maxComponents).map((name) => name.slice(0, maxChars.component)),
    places: cause.places.slice(0, maxComponents).map((name) => name.slice(0, maxChars.component)),
    causeLine: causeSection && lines.positionAt(causeSection.heading.start).line,
    actionItems: model.actionItems.slice(0, maxItems).map((item) => ({
      description: item.description.replace(/\s+/g, ' ').trim().slice(0, maxChars.item),
      status: item.status,
      line: lines.positionAt(item.span.start).line,
    })),
  };
}

/** The workspace's causes, weighed and indexed by term, with the groups they form among themselves. */
interface CauseIndex {
  vectors: TermVector[];
  frequency: Map<string, number>;
  postings: Map<string, { entry: number; weight: number }[]>;
  groups: number[][];
  /** Index into `groups` by postmortem; -1 for one in no group. */
  groupOf: Int32Array;
  /** Labels by index into `groups`, as they are asked for. */
  themes: Map<number, string>;
}

/**
 * The workspace's action items, each read beside its postmortem's root cause as the grouping reads them (`withContext`):
 * kept apart, so a query adds the item's and the cause's similarities through postings instead of comparing whole vectors.
 */
interface ItemIndex {
  refs: { postmortem: number; item: number }[];
  /** Each item's factor to unit length once its cause is added. */
  scale: Float64Array;
  itemFrequency: Map<string, number>;
  contextFrequency: Map<string, number>;
  itemPostings: Map<string, { entry: number; weight: number }[]>;
  contextPostings: Map<string, { entry: number; weight: number }[]>;
}

/** Distinct words the readers of queried documents remember: a vocabulary's worth, a few megabytes at most. */
const documentWords = 20_000;
// Matching measures as the grouping does (see recurring-causes and repeated-actions): the same thresholds and terms in common.
const minSharedTerms = 2;

/** What was read of one postmortem's digest, kept while the digest is part of the workspace. */
interface ReadDigest {
  cause?: TermVector;
  context?: TermVector;
  items?: TermVector[];
  telling?: TellingWords;
}

export class WorkspacePostmortems {
  /** Reads the other postmortems' causes; its word forms name the groups. */
  private readonly reader: TermReader;
  /** Reads the other postmortems' action items and the root causes they are read beside. */
  private readonly itemReader: TermReader;
  /**
   * Read the documents queries are about, apart from the workspace so their edits do not grow what labels are read
   * from; kept from one state of the workspace to the next, so an edit reads only the words it brings.
   */
  private readonly documentReaders: { cause: TermReader; items: TermReader };
  private readonly read = new Map<PostmortemDigest, ReadDigest>();
  private causes: CauseIndex | undefined;
  private items: ItemIndex | undefined;

  /**
   * @param postmortems the workspace's postmortems; the one a query is about is left out by its path
   * @param previous the workspace before a change: what it read of the digests that are still here is not read again
   */
  constructor(
    readonly postmortems: readonly PostmortemDigest[],
    previous?: WorkspacePostmortems,
  ) {
    this.reader = previous?.reader ?? new TermReader(causeReading);
    this.itemReader = previous?.itemReader ?? new TermReader(itemReading);
    this.documentReaders = previous?.documentReaders ?? { cause: new TermReader(causeReading, documentWords), items: new TermReader(itemReading, documentWords) };
    for (const postmortem of postmortems) this.read.set(postmortem, previous?.read.get(postmortem) ?? {});
  }

  /**
   * The earlier postmortems whose cause the document's shares, or undefined when none does: the document joins the
   * workspace's group (or single postmortem) it is most alike on average, as the grouping would join two groups.
   */
  recurringCause(document: CauseText): CauseMatch | undefined {
    const index = (this.causes ??= this.indexCauses());
    const count = this.postmortems.length + 1;
    const vector = weighByFrequency(causeTerms(document, this.documentReaders.cause), (term) => (index.frequency.get(term) ?? 0) + 1, count, { unsharedWeight: 0 });
    const alike = new Map([...accumulate(vector, index.postings)].filter(([other]) => this.postmortems[other].path !== document.path).map(([other, { score, shared }]) => [other, { similarity: score, shared }]));
    let best: { members: number[]; average: number; group: number } | undefined;
    const consider = (members: number[], average: number, group: number) => {
      if (average >= defaultCauseThreshold && (!best || average > best.average)) best = { members, average, group };
    };
    const seen = new Set<number>();
    for (const [other, { similarity, shared }] of alike) {
      const group = index.groupOf[other];
      if (group < 0) {
        if (shared >= minSharedTerms) consider([other], similarity, group);
        continue;
      }
      if (seen.has(group)) continue;
      seen.add(group);
      const members = index.groups[group].filter((member) => this.postmortems[member].path !== document.path);
      consider(members, members.reduce((sum, member) => sum + (alike.get(member)?.similarity ?? 0), 0) / members.length, group);
    }
    if (!best) return undefined;
    const earlier = best.members.filter((member) => isEarlier(this.postmortems[member], document));
    if (earlier.length === 0) return undefined;
    return { theme: this.themeOf(best.group, best.members, vector), earlier: byDate(earlier.map((member) => this.postmortems[member])) };
  }

  /**
   * A group's label is what its members share, read once per state of the workspace, so an edit costs no labelling.
   * A single postmortem is labelled with what it shares with the document.
   */
  private themeOf(group: number, members: readonly number[], documentVector: TermVector): string {
    const index = (this.causes ??= this.indexCauses());
    const label = (vectors: readonly TermVector[], readFrom: readonly number[]) =>
      groupTheme(
        vectors.map((_, i) => i),
        vectors,
        (term) => readFrom.slice(0, membersReadForTheme).some((member) => this.tellingWordsOf(member).has(term)),
        this.reader,
      );
    if (group < 0) return label([...members.map((member) => index.vectors[member]), documentVector], members);
    const whole = index.groups[group];
    let theme = index.themes.get(group);
    if (theme === undefined) index.themes.set(group, (theme = label(whole.map((member) => index.vectors[member]), whole)));
    return theme;
  }

  /** The document's action items that repeat items of earlier postmortems, each with those, oldest first. */
  repeatedActionItems(document: DocumentCause): RepeatedItem[] {
    if (document.actionItems.length === 0) return [];
    const index = (this.items ??= this.indexItems());
    const reader = this.documentReaders.items;
    const context = weighByFrequency(contextTerms(document.rootCause, reader), (term) => (index.contextFrequency.get(term) ?? 0) + 1, this.postmortems.length + 1, { unsharedWeight: 0 });
    const contextSimilarity = accumulate(context, index.contextPostings);
    const itemCount = index.refs.length + document.actionItems.length;
    const repeated: RepeatedItem[] = [];
    document.actionItems.forEach((item, position) => {
      const own = weighByFrequency(itemTerms(item.description, reader), (term) => (index.itemFrequency.get(term) ?? 0) + 1, itemCount, { unsharedWeight: 1 });
      const scale = scaleWithContext(own, context);
      const earlier: RepeatedItem['earlier'] = [];
      // Candidates share a word of the item itself: a shared cause alone does not make two items one.
      for (const [ref, { score, shared }] of accumulate(own, index.itemPostings)) {
        const { postmortem: at, item: itemAt } = index.refs[ref];
        const postmortem = this.postmortems[at];
        const sameCause = contextSimilarity.get(at) ?? { score: 0, shared: 0 };
        const similarity = scale * index.scale[ref] * (score + causeWeight * causeWeight * sameCause.score);
        if (postmortem.path === document.path || similarity < defaultActionThreshold || shared + sameCause.shared < minSharedTerms) continue;
        if (isEarlier(postmortem, document)) earlier.push({ postmortem, item: postmortem.actionItems[itemAt] });
      }
      if (earlier.length > 0) repeated.push({ item: position, earlier: earlier.sort((a, b) => compareByDate(a.postmortem, b.postmortem) || a.item.line - b.item.line) });
    });
    return repeated;
  }

  private indexCauses(): CauseIndex {
    const termVectors = this.postmortems.map((postmortem) => (this.readOf(postmortem).cause ??= causeTerms(postmortem, this.reader)));
    const { groups, vectors } = causeGroupMembers(termVectors);
    const groupOf = new Int32Array(this.postmortems.length).fill(-1);
    groups.forEach((members, group) => members.forEach((member) => (groupOf[member] = group)));
    return { vectors, frequency: documentFrequencies(termVectors), postings: postingsOf(vectors), groups, groupOf, themes: new Map() };
  }

  private indexItems(): ItemIndex {
    const refs = this.postmortems.flatMap((postmortem, index) => postmortem.actionItems.map((_, item) => ({ postmortem: index, item })));
    const itemVectors = this.postmortems.flatMap((postmortem) => (this.readOf(postmortem).items ??= postmortem.actionItems.map((item) => itemTerms(item.description, this.itemReader))));
    const contextVectors = this.postmortems.map((postmortem) => (this.readOf(postmortem).context ??= contextTerms(postmortem.rootCause, this.itemReader)));
    const items = weighByRarity(itemVectors, { unsharedWeight: 1 });
    const contexts = weighByRarity(contextVectors, { unsharedWeight: 0 });
    return {
      refs,
      scale: Float64Array.from(refs, (ref, i) => scaleWithContext(items[i], contexts[ref.postmortem])),
      itemFrequency: documentFrequencies(itemVectors),
      contextFrequency: documentFrequencies(contextVectors),
      itemPostings: postingsOf(items),
      contextPostings: postingsOf(contexts),
    };
  }

  private tellingWordsOf(index: number): TellingWords {
    const postmortem = this.postmortems[index];
    return (this.readOf(postmortem).telling ??= new TellingWords(postmortem, this.reader));
  }

  private readOf(postmortem: PostmortemDigest): ReadDigest {
    let read = this.read.get(postmortem);
    if (!read) this.read.set(postmortem, (read = {}));
    return read;
  }
}

/** Entries with their weight, by term. */
function postingsOf(vectors: readonly TermVector[]): Map<string, { entry: number; weight: number }[]> {
  const postings = new Map<string, { entry: number; weight: number }[]>();
  vectors.forEach((vector, entry) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term);
      if (list) list.push({ entry, weight });
      else postings.set(term, [{ entry, weight }]);
    }
  });
  return postings;
}

/** The dot product of `vector` with every entry that shares a term with it, and how many terms they share. */
function accumulate(vector: TermVector, postings: Map<string, { entry: number; weight: number }[]>): Map<number, { score: number; shared: number }> {
  const alike = new Map<number, { score: number; shared: number }>();
  for (const [term, weight] of vector) {
    for (const posting of postings.get(term) ?? []) {
      const known = alike.get(posting.entry);
      if (known) {
        known.score += weight * posting.weight;
        known.shared++;
      } else {
        alike.set(posting.entry, { score: weight * posting.weight, shared: 1 });
      }
    }
  }
  return alike;
}

/** The factor that brings an item's unit vector with its cause added (as `withContext` does) to unit length. */
function scaleWithContext(item: TermVector, context: TermVector): number {
  const squares = (vector: TermVector) => [...vector.values()].reduce((sum, weight) => sum + weight * weight, 0);
  const length = Math.sqrt(squares(item) + causeWeight * causeWeight * squares(context));
  return length > 0 ? 1 / length : 0;
}

/** A postmortem without a date may be earlier; one dated after the document is not. */
function isEarlier(other: CauseText, document: CauseText): boolean {
  return other.date === undefined || document.date === undefined || other.date <= document.date;
}

function compareByDate(a: CauseText, b: CauseText): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path);
}

function byDate<T extends CauseText>(postmortems: T[]): T[] {
  return postmortems.sort(compareByDate);
}

/** `Title (YYYY-MM-DD, note)`, with the file's name when the postmortem has no title: how findings name another postmortem. */
export function describePostmortem(postmortem: CauseText, note?: string): string {
  const name = incidentName(postmortem.title) || (postmortem.path.split(/[\\/]/).pop() ?? postmortem.path);
  const details = [postmortem.date, note].filter((detail) => detail !== undefined);
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}
