// One document against the rest of its workspace: the earlier postmortems that share its cause, and the earlier
// action items its own repeat. The caller keeps one object per state of the workspace, so what it reads of the
// other postmortems is read once; a query reads only the document's own text.
import type { ActionStatus, Postmortem } from '../model';
import { incidentName } from '../detect';
import { LineIndex } from '../text';
import { causeTextOf, type CauseText } from './documents';
import { causeGroupMembers, causeTerms, groupTheme, membersReadForTheme, tellingTerms } from './recurring-causes';
import { contextTerms, groupActionItems, itemTerms } from './repeated-actions';
import { TermReader, type TermVector } from './terms';

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
    causeLine: causeSection && lines.positionAt(causeSection.heading.start).line,
    actionItems: model.actionItems.slice(0, maxItems).map((item) => ({
      description: item.description.replace(/\s+/g, ' ').trim().slice(0, maxChars.item),
      status: item.status,
      line: lines.positionAt(item.span.start).line,
    })),
  };
}

export class WorkspacePostmortems {
  /** Reads the other postmortems' texts; its word forms name the groups. */
  private readonly reader = new TermReader();
  private causeVectors: TermVector[] | undefined;
  private contextVectors: TermVector[] | undefined;
  private itemVectors: TermVector[][] | undefined;
  private readonly telling = new Map<number, ReadonlySet<string>>();

  /** @param postmortems the workspace's postmortems; the one a query is about is left out by its path */
  constructor(readonly postmortems: readonly PostmortemDigest[]) {}

  /** The earlier postmortems whose cause the document's shares, or undefined when none does. */
  recurringCause(document: CauseText): CauseMatch | undefined {
    const others = this.othersThan(document.path);
    if (others.length === 0) return undefined;
    this.causeVectors ??= this.postmortems.map((postmortem) => causeTerms(postmortem, this.reader));
    const all = this.causeVectors;
    const self = others.length;
    // The document's text is read apart, so its edits do not grow what the workspace reader remembers.
    const { groups, vectors } = causeGroupMembers([...others.map((index) => all[index]), causeTerms(document, new TermReader())]);
    const members = groups.find((group) => group.includes(self));
    if (!members) return undefined;
    const earlier = members.filter((member) => member !== self && isEarlier(this.postmortems[others[member]], document)).map((member) => this.postmortems[others[member]]);
    if (earlier.length === 0) return undefined;
    // The label is read from the other members: it names what they share, and costs no reading of the document.
    const tellingSets = members
      .filter((member) => member !== self)
      .slice(0, membersReadForTheme)
      .map((member) => this.tellingTermsOf(others[member]));
    return { theme: groupTheme(members, vectors, tellingSets, this.reader), earlier: byDate(earlier) };
  }

  /** The document's action items that repeat items of earlier postmortems, each with those. */
  repeatedActionItems(document: DocumentCause): RepeatedItem[] {
    if (document.actionItems.length === 0) return [];
    const others = this.othersThan(document.path);
    if (others.length === 0) return [];
    this.contextVectors ??= this.postmortems.map((postmortem) => contextTerms(postmortem.rootCause, this.reader));
    this.itemVectors ??= this.postmortems.map((postmortem) => postmortem.actionItems.map((item) => itemTerms(item.description, this.reader)));
    const contexts = this.contextVectors;
    const items = this.itemVectors;
    const self = others.length;
    const refs = [...others.flatMap((postmortem, document) => items[postmortem].map((_, item) => ({ document, item }))), ...document.actionItems.map((_, item) => ({ document: self, item }))];
    const reader = new TermReader();
    const itemVectors = [...others.flatMap((postmortem) => items[postmortem]), ...document.actionItems.map((item) => itemTerms(item.description, reader))];
    const contextVectors = [...others.map((postmortem) => contexts[postmortem]), contextTerms(document.rootCause, reader)];
    const repeated: RepeatedItem[] = [];
    for (const group of groupActionItems(refs, itemVectors, contextVectors)) {
      const earlier = group
        .map((member) => refs[member])
        .filter((ref) => ref.document !== self && isEarlier(this.postmortems[others[ref.document]], document))
        .map((ref) => ({ postmortem: this.postmortems[others[ref.document]], item: this.postmortems[others[ref.document]].actionItems[ref.item] }));
      if (earlier.length === 0) continue;
      const sorted = earlier.sort((a, b) => compareByDate(a.postmortem, b.postmortem) || a.item.line - b.item.line);
      for (const member of group) if (refs[member].document === self) repeated.push({ item: refs[member].item, earlier: sorted });
    }
    return repeated.sort((a, b) => a.item - b.item);
  }

  private othersThan(path: string): number[] {
    const others: number[] = [];
    this.postmortems.forEach((postmortem, index) => {
      if (postmortem.path !== path) others.push(index);
    });
    return others;
  }

  private tellingTermsOf(index: number): ReadonlySet<string> {
    let terms = this.telling.get(index);
    if (!terms) this.telling.set(index, (terms = tellingTerms(this.postmortems[index], this.reader)));
    return terms;
  }
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
