// Recurring causes: groups of postmortems whose root cause, contributing factors, title and components say
// the same thing in different words, each with a short label made of the words its members share.
import { averageLinkageGroups } from './average-linkage';
import { causeTextOf, type CauseText, type InsightsDocument } from './documents';
import { nlp } from '../blame/nlp';
import { addTerms, documentFrequencies, dot, similarPairs, weighByFrequency, weighByRarity, type TermReader, type TermVector } from './terms';

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
/**
 * What two postmortems need to be a group on their own. Two short texts often share a rare word or two by chance
 * ("provider" and "addresses"); three that are alike to each other seldom do. So a pair must be alike in the words
 * they share, weighed by rarity (`pairCauseThreshold`), and as whole texts (`pairWholeTextThreshold`, see
 * `wholeTextSimilarity`): the first alone lets chance pairs through in a small collection, the second alone in a
 * large one. Measured on the labelled workspace, whose chance pairs reach 0.55 and 0.3, and on two causes that
 * share "certificate", "expired" and "renewal" in different sentences, which reach 0.6 and 0.15.
 */
export const pairCauseThreshold = 0.6;
export const pairWholeTextThreshold = 0.15;

// The root cause says what happened; the title, the factors and the components say it again more loosely
// (weights measured on the labelled workspace: more weight on them joins incidents that only share a service).
const fieldWeights = { rootCause: 1, title: 0.25, factors: 0.15, component: 0.25 };
const componentPrefix = 'component:';
const themeWords = 3;
// A label names things, read in context: "there", "a year" or "had been" name nothing. A few members suffice.
const telling = '(#Noun|#Adjective)';
const filler = '(#There|#Date|#Duration|#Pronoun|#Auxiliary|#Copula)';
/** How many members' words a label is read from. */
export const membersReadForTheme = 3;
const pairFloor = 0.4;
// Postmortems this alike tell one story (a copy, a re-filed incident): they are grouped before anything else.
const nearDuplicate = 0.9;

/** A postmortem's cause as a term vector, before weighting by rarity. */
export function causeTerms(cause: CauseText, reader: TermReader): TermVector {
  const vector: TermVector = new Map();
  // The words of the incident's own service name say where it happened: two causes in one service are two causes.
  const place = new Set(cause.places.flatMap((name) => reader.terms(name)));
  const causeWords = (text: string) => reader.terms(text).filter((term) => !place.has(term));
  addTerms(vector, causeWords(cause.rootCause), fieldWeights.rootCause, reader.weightOf);
  addTerms(vector, causeWords(cause.title), fieldWeights.title, reader.weightOf);
  addTerms(vector, causeWords(cause.factors), fieldWeights.factors, reader.weightOf);
  addTerms(vector, cause.components.map((name) => componentPrefix + name), fieldWeights.component);
  return vector;
}

/** Groups of two or more postmortems that share a cause, largest first. */
export function findRecurringCauses(documents: readonly InsightsDocument[], reader: TermReader, options: RecurringCauseOptions = {}): RecurringCauseGroup[] {
  const causes = documents.map(causeTextOf);
  const { groups, vectors } = causeGroupMembers(
    causes.map((cause) => causeTerms(cause, reader)),
    options.threshold,
  );
  return groups
    .map((members) => {
      const read = members.slice(0, membersReadForTheme).map((index) => new TellingWords(causes[index], reader));
      return { theme: groupTheme(members, vectors, (term) => read.some((words) => words.has(term)), reader), members: byDate(members, causes) };
    })
    .sort((a, b) => b.members.length - a.members.length || (causes[a.members[0]].date ?? '').localeCompare(causes[b.members[0]].date ?? ''));
}

/**
 * The groups (indexes, ascending) of causes given as vectors before weighting (`causeTerms`), which a caller may
 * keep between runs; and the weighted vectors, which `groupTheme` reads.
 */
export function causeGroupMembers(termVectors: readonly TermVector[], threshold = defaultCauseThreshold): { groups: number[][]; vectors: TermVector[] } {
  const vectors = weighByRarity(termVectors, { unsharedWeight: 0 });
  // Pairs well under the threshold still pull a group's average similarity up.
  const groups = averageLinkageGroups(similarPairs(vectors, threshold * pairFloor, { minSharedTerms: 2, nearDuplicate }), threshold);
  let frequency: Map<string, number> | undefined;
  const isPair = ([a, b]: number[]) => dot(vectors[a], vectors[b]) >= pairCauseThreshold && wholeTextSimilarity(termVectors, (frequency ??= documentFrequencies(termVectors)), a, b) >= pairWholeTextThreshold;
  return { groups: groups.filter((members) => members.length > 2 || isPair(members)), vectors };
}

/**
 * The cosine of two causes with every word they hold, the ones no other postmortem uses included: two causes that
 * share a rare word or two among many others are not alike as wholes, however rare those words are.
 */
export function wholeTextSimilarity(termVectors: readonly TermVector[], frequency: ReadonlyMap<string, number>, a: number, b: number): number {
  const [first, second] = [a, b].map((index) => weighByFrequency(termVectors[index], (term) => frequency.get(term) ?? 1, termVectors.length, { unsharedWeight: 1 }));
  return dot(first, second);
}

/**
 * A cause's title and root cause, sentence by sentence, tagged only where a label asks about a word: tagging is the
 * slow part (milliseconds a sentence), and a label needs a few words.
 */
export class TellingWords {
  private readonly sentences: { text: string; terms: ReadonlySet<string>; telling?: ReadonlySet<string> }[];

  constructor(
    cause: CauseText,
    private readonly reader: TermReader,
  ) {
    this.sentences = sentencesOf(`${cause.title}. ${cause.rootCause}`).map((text) => ({ text, terms: new Set(reader.terms(text, false)) }));
  }

  /** Whether the cause uses `term` as a word that can name a cause (a noun or adjective, not a filler), read in context. */
  has(term: string): boolean {
    return this.sentences.some((sentence) => sentence.terms.has(term) && (sentence.telling ??= tellingTermsIn(sentence.text, this.reader)).has(term));
  }
}

function tellingTermsIn(sentence: string, reader: TermReader): Set<string> {
  const terms = new Set<string>();
  const words = nlp()(sentence).match(telling).not(filler).terms().out('array') as string[];
  for (const word of words) for (const term of reader.terms(word)) terms.add(term);
  return terms;
}

/** Sentences as the tagger reads them: ended by a stop before a space, or by a blank line. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n\s*\n/).filter((sentence) => sentence.trim() !== '');
}

/**
 * A group's label: the terms most of the members share, heaviest first by their summed weight, that a few members
 * use as words that can name a cause (`isTelling`), as the words people wrote.
 */
export function groupTheme(members: readonly number[], allVectors: readonly TermVector[], isTelling: (term: string) => boolean, reader: TermReader): string {
  const vectors = members.map((index) => allVectors[index]);
  const totals = new Map<string, { weight: number; members: number }>();
  for (const vector of vectors) {
    for (const [term, weight] of vector) {
      const total = totals.get(term) ?? { weight: 0, members: 0 };
      totals.set(term, { weight: total.weight + weight, members: total.members + 1 });
    }
  }
  const theme: string[] = [];
  // Heaviest first, so only the words the label might use are asked about.
  for (const [term, total] of [...totals].sort((a, b) => b[1].weight - a[1].weight)) {
    if (theme.length === themeWords) break;
    if (total.members * 2 >= vectors.length && (term.startsWith(componentPrefix) || isTelling(term))) theme.push(term);
  }
  return theme.map((term) => (term.startsWith(componentPrefix) ? term.slice(componentPrefix.length) : reader.wordFor(term))).join(', ');
}

function byDate(members: number[], causes: readonly CauseText[]): number[] {
  return [...members].sort((a, b) => (causes[a].date ?? '').localeCompare(causes[b].date ?? '') || causes[a].path.localeCompare(causes[b].path));
}
