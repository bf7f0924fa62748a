// Repeated action items: an item proposed again in a later postmortem, open or done, is a sign the fix never
// happened or did not work. Items are compared by their description's terms, as causes are.
import type { ActionItem } from '../model';
import { sectionText, type InsightsDocument } from './documents';
import { averageLinkageGroups } from './average-linkage';
import { addTerms, similarPairs, weighByRarity, type TermReader, type TermVector } from './terms';

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
// An item is read beside its postmortem's root cause, at three quarters of its weight: "alert on lag" after a replica
// outage and after a queue outage are two alerts, and a repeat usually answers the same cause (tuned on the labelled
// workspace, where half weight let two lag alerts pair and one certificate item pair with the wrong repeat).
export const causeWeight = 0.75;
// Pairs under the threshold still count toward a group's average similarity.
const pairFloor = 0.4;
// Items this alike are the same words: they are grouped before anything else.
const nearDuplicate = 0.9;

/** Action items that say the same thing, for the same kind of cause, in two or more postmortems. */
export function findRepeatedActionItems(documents: readonly InsightsDocument[], reader: TermReader, threshold = defaultActionThreshold): RepeatedActionItem[] {
  const refs: ActionItemRef[] = documents.flatMap((document, index) => document.model.actionItems.map((item) => ({ document: index, item })));
  const groups = groupActionItems(
    refs,
    refs.map((ref) => itemTerms(ref.item.description, reader)),
    documents.map((document) => contextTerms(sectionText(document.model, 'root-cause'), reader)),
    threshold,
  );
  const dateOf = (ref: ActionItemRef) => documents[ref.document].model.date ?? '';
  return groups
    .map((members) => members.map((index) => refs[index]).sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.document - b.document || a.item.span.start - b.item.span.start))
    .map((occurrences) => ({ text: occurrences[0].item.description, occurrences }))
    .sort((a, b) => b.occurrences.length - a.occurrences.length || a.text.localeCompare(b.text));
}

/** An action item's description as a term vector, before weighting by rarity. */
export function itemTerms(description: string, reader: TermReader): TermVector {
  const vector: TermVector = new Map();
  addTerms(vector, reader.terms(description), 1, reader.weightOf);
  return vector;
}

/** A postmortem's root cause as the context its items are read in, before weighting by rarity. */
export function contextTerms(rootCause: string, reader: TermReader): TermVector {
  const vector: TermVector = new Map();
  addTerms(vector, reader.terms(rootCause), 1, reader.weightOf);
  return vector;
}

/**
 * Groups of items (indexes into `items`) that repeat one another in two or more postmortems, from the items' and
 * their postmortems' vectors before weighting (`itemTerms`, `contextTerms`), which a caller may keep between runs.
 */
export function groupActionItems(items: readonly { document: number }[], itemVectors: readonly TermVector[], contextVectors: readonly TermVector[], threshold = defaultActionThreshold): number[][] {
  // An item is a line: its own words are what tell two short items apart.
  const weightedItems = weighByRarity(itemVectors, { unsharedWeight: 1 });
  const weightedContexts = weighByRarity(contextVectors, { unsharedWeight: 0 });
  const vectors = items.map((item, index) => withContext(weightedItems[index], weightedContexts[item.document]));
  // Two items of one postmortem are two tasks, not a repeat.
  const pairs = similarPairs(vectors, threshold * pairFloor, { minSharedTerms: 2, nearDuplicate, canPair: (a, b) => items[a].document !== items[b].document });
  return averageLinkageGroups(pairs, threshold).filter((members) => new Set(members.map((index) => items[index].document)).size > 1);
}

/** The item's unit vector plus its postmortem's cause, kept apart by a prefix and scaled down, at unit length. */
function withContext(item: TermVector, cause: TermVector): TermVector {
  const combined: TermVector = new Map(item);
  for (const [term, weight] of cause) combined.set(`cause:${term}`, weight * causeWeight);
  const length = Math.sqrt([...combined.values()].reduce((sum, weight) => sum + weight * weight, 0));
  if (length > 0) for (const [term, weight] of combined) combined.set(term, weight / length);
  return combined;
}
