// Repeated action items: an item proposed again in a later postmortem, open or done, is a sign the fix never
// happened or did not work. Items are compared by their description's terms, as causes are.
import type { ActionItem } from '../model';
import type { InsightsDocument } from './documents';
import { averageLinkageGroups } from './average-linkage';
import { addTerms, similarPairs, weighByRarity, type TermReader } from './terms';

export interface ActionItemRef {
  /** Index into the documents. */
  document: number;
  item: ActionItem;
}

export interface RepeatedActionItem {
  /** The earliest occurrence's description. */
  text: string;
  /** Oldest postmortem first; at least two postmortems. */
  occurrences: ActionItemRef[];
}

/** The measured threshold (see the insights evaluation in bench/). */
export const defaultActionThreshold = 0.3;
// Pairs under the threshold still count toward a group's average similarity.
const pairFloor = 0.4;
// Items this alike are the same words: they are grouped before anything else.
const nearDuplicate = 0.9;

/** Action items that say the same thing in two or more postmortems. */
export function findRepeatedActionItems(documents: readonly InsightsDocument[], reader: TermReader, threshold = defaultActionThreshold): RepeatedActionItem[] {
  const refs: ActionItemRef[] = documents.flatMap((document, index) => document.model.actionItems.map((item) => ({ document: index, item })));
  const vectors = weighByRarity(
    refs.map((ref) => {
      const vector = new Map<string, number>();
      addTerms(vector, reader.terms(ref.item.description), 1);
      return vector;
    }),
    // An item is a line: its own words are what tell two short items apart.
    { unsharedWeight: 1 },
  );
  // Two items of one postmortem are two tasks, not a repeat.
  const pairs = similarPairs(vectors, threshold * pairFloor, { minSharedTerms: 2, nearDuplicate, canPair: (a, b) => refs[a].document !== refs[b].document });
  const dateOf = (ref: ActionItemRef) => documents[ref.document].model.date ?? '';
  return averageLinkageGroups(pairs, threshold)
    .map((members) => members.map((index) => refs[index]).sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.document - b.document || a.item.span.start - b.item.span.start))
    .filter((occurrences) => new Set(occurrences.map((ref) => ref.document)).size > 1)
    .map((occurrences) => ({ text: occurrences[0].item.description, occurrences }))
    .sort((a, b) => b.occurrences.length - a.occurrences.length || a.text.localeCompare(b.text));
}
