// Recurring causes: groups of postmortems whose root cause, contributing factors, title and components say
// the same thing in different words, each with a short label made of the words its members share.
import { averageLinkageGroups } from './average-linkage';
import { componentsOf, sectionText, type InsightsDocument } from './documents';
import { nlp } from '../blame/nlp';
import { addTerms, similarPairs, weighByRarity, type TermReader, type TermVector } from './terms';

export interface RecurringCauseOptions {
  /** Cosine similarity at or above which two postmortems share a cause; measured on the labelled workspace. */
  threshold?: number;
}

export interface RecurringCauseGroup {
  /** A few words the members share, most telling first. */
  theme: string;
  /** Indexes into the documents, oldest first. */
  members: number[];
}

/** The measured threshold (see the insights evaluation in bench/). */
export const defaultCauseThreshold = 0.125;

// The root cause says what happened; the title, the factors and the components say it again more loosely
// (weights measured on the labelled workspace: more weight on them joins incidents that only share a service).
const fieldWeights = { rootCause: 1, title: 0.25, factors: 0.15, component: 0.25 };
const componentPrefix = 'component:';
const themeWords = 3;
// A label names things, read in context: "there", "a year" or "had been" name nothing. A few members suffice.
const telling = '(#Noun|#Adjective)';
const filler = '(#There|#Date|#Duration|#Pronoun|#Auxiliary|#Copula)';
const membersReadForTheme = 3;
const pairFloor = 0.4;
// Postmortems this alike tell one story (a copy, a re-filed incident): they are grouped before anything else.
const nearDuplicate = 0.9;

/** A postmortem's cause as a term vector, before weighting by rarity. */
export function causeTerms(document: InsightsDocument, reader: TermReader): TermVector {
  const { model } = document;
  const vector: TermVector = new Map();
  addTerms(vector, reader.terms(sectionText(model, 'root-cause')), fieldWeights.rootCause);
  addTerms(vector, reader.terms(model.title?.value ?? ''), fieldWeights.title);
  addTerms(vector, reader.terms(sectionText(model, 'contributing-factors')), fieldWeights.factors);
  addTerms(vector, componentsOf(model).map((name) => componentPrefix + name), fieldWeights.component);
  return vector;
}

/** Groups of two or more postmortems that share a cause, largest first. */
export function findRecurringCauses(documents: readonly InsightsDocument[], reader: TermReader, options: RecurringCauseOptions = {}): RecurringCauseGroup[] {
  const vectors = weighByRarity(documents.map((document) => causeTerms(document, reader)), { unsharedWeight: 0 });
  const threshold = options.threshold ?? defaultCauseThreshold;
  // Pairs well under the threshold still pull a group's average similarity up.
  const groups = averageLinkageGroups(similarPairs(vectors, threshold * pairFloor, { minSharedTerms: 2, nearDuplicate }), threshold);
  return groups
    .map((members) => ({ theme: themeOf(members, documents, vectors, reader), members: byDate(members, documents) }))
    .sort((a, b) => b.members.length - a.members.length || (documents[a.members[0]].model.date ?? '').localeCompare(documents[b.members[0]].model.date ?? ''));
}

/** The telling terms most of the members share, by their summed weight, as the words people wrote. */
function themeOf(members: readonly number[], documents: readonly InsightsDocument[], allVectors: readonly TermVector[], reader: TermReader): string {
  const vectors = members.map((index) => allVectors[index]);
  const tellingTerms = new Set<string>();
  for (const index of members.slice(0, membersReadForTheme)) {
    const { model } = documents[index];
    const words = nlp()(`${model.title?.value ?? ''}. ${sectionText(model, 'root-cause')}`).match(telling).not(filler).terms().out('array') as string[];
    for (const word of words) for (const term of reader.terms(word)) tellingTerms.add(term);
  }
  const totals = new Map<string, { weight: number; members: number }>();
  for (const vector of vectors) {
    for (const [term, weight] of vector) {
      const total = totals.get(term) ?? { weight: 0, members: 0 };
      totals.set(term, { weight: total.weight + weight, members: total.members + 1 });
    }
  }
  const shared = [...totals].filter(([term, total]) => total.members * 2 >= vectors.length && (term.startsWith(componentPrefix) || tellingTerms.has(term)));
  return shared
    .sort((a, b) => b[1].weight - a[1].weight)
    .slice(0, themeWords)
    .map(([term]) => (term.startsWith(componentPrefix) ? term.slice(componentPrefix.length) : reader.wordFor(term)))
    .join(', ');
}

function byDate(members: number[], documents: readonly InsightsDocument[]): number[] {
  return [...members].sort((a, b) => (documents[a].model.date ?? '').localeCompare(documents[b].model.date ?? '') || documents[a].path.localeCompare(documents[b].path));
}
