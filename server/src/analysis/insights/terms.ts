// The terms two texts are compared by: words, function words dropped by compromise's lexicon, the rest reduced to
// their Porter stem, so "exhausted" and "exhaustion" meet; the words and phrases of an infrastructure concept
// (concepts.ts) read as that concept's term, so "disk" and "volume" meet too.
import { stemmer } from 'stemmer';
import { conceptKindOf, conceptOfWord, conceptPhrases, type Concept, type ConceptKind } from './concepts';
import { nlp } from '../blame/nlp';

/** Lexicon tags of closed-class words, which say nothing about a cause. */
const functionWordTags = new Set(['Expression', 'Determiner', 'Copula', 'Conjunction', 'Possessive', 'QuestionWord', 'Modal', 'Preposition', 'Pronoun', 'Negative', 'Auxiliary', 'Adverb']);
/** Lexicon tags of spans of time and numbers in words ("a year", "two", "hours"): they size a cause, never name one. */
const quantityTags = new Set(['Duration', 'Cardinal', 'Ordinal', 'TextValue', 'Month', 'WeekDay']);

export interface TermReaderOptions {
  /**
   * Whether words for spans of time and numbers are terms. A cause reads without them; an action item keeps them,
   * since "for five minutes" is part of what an alert does.
   */
  quantities: boolean;
  /** How much a concept's term weighs by its kind (concepts.ts), where a word weighs 1; a kind left out is not read. */
  conceptWeights: Readonly<Partial<Record<ConceptKind, number>>>;
}

/**
 * How causes are read: what went wrong tells two causes apart more than where; what people do ("checked",
 * "alerted") is part of a story, not its cause, so action words stay words (measured on the labelled workspace).
 */
export const causeReading: TermReaderOptions = { quantities: false, conceptWeights: { condition: 2, component: 1 } };
/** How action items and the root causes they are read beside are read: a concept counts as a word ("page" meets "alert"). */
export const itemReading: TermReaderOptions = { quantities: true, conceptWeights: { condition: 1, component: 1, action: 1 } };

/**
 * Runs of letters and digits, with the apostrophe of "service's" inside: English words as the platform's word
 * segmenter splits them (numbers aside, which are no terms), at a small part of its cost on every edit of a cause.
 */
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** A term vector: weight by term. */
export type TermVector = Map<string, number>;

/**
 * Reads texts into stems and remembers, per stem, the word forms it met, for labels a person can read.
 * One reader serves one insights run (its memory is what that run's texts contain), or the edits of open documents,
 * bounded by `maxWords`.
 */
export class TermReader {
  /** compromise's lexicon (`model().one.lexicon`): its tags by word; typed `object` by the library. */
  private readonly lexicon: object = lexiconOf(nlp().model());
  /** Stem by lower-case word; null for a word that is not a term. */
  private readonly stems = new Map<string, string | null>();
  private readonly forms = new Map<string, Map<string, number>>();
  private readonly skippedTags: ReadonlySet<string>;
  private readonly conceptWeights: Readonly<Partial<Record<ConceptKind, number>>>;

  /**
   * @param maxWords how many distinct words the reader remembers; past that it forgets them all and starts again
   */
  constructor(
    options: TermReaderOptions,
    private readonly maxWords = Infinity,
  ) {
    this.skippedTags = options.quantities ? functionWordTags : new Set([...functionWordTags, ...quantityTags]);
    this.conceptWeights = options.conceptWeights;
  }

  /** How much a term weighs: a concept's by its kind, 1 for a word. */
  readonly weightOf = (term: string): number => {
    const kind = conceptKindOf(term);
    return (kind && this.conceptWeights[kind]) ?? 1;
  };

  /**
   * The terms of `text`: its concept phrases', then its content words' (a stem or a concept), repeats kept.
   * With `remember` false the word forms are not counted, for a text only looked at, not read.
   */
  terms(text: string, remember = true): string[] {
    const terms: string[] = [];
    if (this.stems.size > this.maxWords) {
      this.stems.clear();
      this.forms.clear();
    }
    // A phrase's words are read as words too: "above" in "above 80%" stays as common as it is.
    for (const { concept, phrase } of conceptPhrases(text)) if (this.reads(concept)) this.add(concept.term, phrase.toLowerCase(), terms, remember);
    for (const [match] of text.matchAll(wordPattern)) {
      const word = match.toLowerCase();
      const stem = this.stemOf(word);
      if (stem !== null) this.add(stem, word, terms, remember);
    }
    return terms;
  }

  private add(term: string, word: string, terms: string[], remember: boolean): void {
    terms.push(term);
    if (!remember) return;
    const counts = this.forms.get(term) ?? new Map<string, number>();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    this.forms.set(term, counts);
  }

  /** The word form most often seen for a stem. */
  wordFor(stem: string): string {
    let best = stem;
    let bestCount = 0;
    for (const [word, count] of this.forms.get(stem) ?? []) {
      if (count > bestCount || (count === bestCount && word.length < best.length)) [best, bestCount] = [word, count];
    }
    return best;
  }

  private stemOf(word: string): string | null {
    const known = this.stems.get(word);
    if (known !== undefined) return known;
    // Numbers and one-letter words name no cause; neither do function words.
    const stem = word.length < 2 || /\d/.test(word) || this.isSkipped(word) ? null : stemmer(word);
    const concept = stem === null ? undefined : conceptOfWord(word);
    const term = concept && this.reads(concept) ? concept.term : stem;
    this.stems.set(word, term);
    return term;
  }

  private reads(concept: Concept): boolean {
    return this.conceptWeights[concept.kind] !== undefined;
  }

  private isSkipped(word: string): boolean {
    if (!Object.hasOwn(this.lexicon, word)) return false;
    const tags: unknown = Reflect.get(this.lexicon, word);
    return (Array.isArray(tags) ? tags : [tags]).some((tag) => typeof tag === 'string' && this.skippedTags.has(tag));
  }
}

function lexiconOf(model: object): object {
  const one: unknown = Reflect.get(model, 'one');
  const lexicon: unknown = typeof one === 'object' && one !== null ? Reflect.get(one, 'lexicon') : undefined;
  return typeof lexicon === 'object' && lexicon !== null ? lexicon : {};
}

/** Adds `weight` times the sublinear frequency of each term (times its own weight, `weightOf`) to `vector`. */
export function addTerms(vector: TermVector, terms: readonly string[], weight: number, weightOf: (term: string) => number = () => 1): void {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const [term, count] of counts) vector.set(term, (vector.get(term) ?? 0) + weight * weightOf(term) * (1 + Math.log(count)));
}

/**
 * Weighs each vector's terms by how rare they are in the collection and scales it to unit length, so a dot
 * product is the cosine similarity. The smoothed inverse frequency stays positive in a collection of two.
 */
export function weighByRarity(vectors: readonly TermVector[], options: { unsharedWeight: number }): TermVector[] {
  const documentFrequency = documentFrequencies(vectors);
  return vectors.map((vector) => weighByFrequency(vector, (term) => documentFrequency.get(term) ?? 1, vectors.length, options));
}

/** One vector weighed as `weighByRarity` does, given how many of `count` texts have each of its terms. */
export function weighByFrequency(vector: TermVector, frequencyOf: (term: string) => number, count: number, options: { unsharedWeight: number }): TermVector {
  const weighted: TermVector = new Map();
  let squares = 0;
  for (const [term, weight] of vector) {
    const frequency = frequencyOf(term);
    // A term every text has ("postmortem") tells none apart.
    if (frequency === count && count > 2) continue;
    // A term no other text uses cannot make two alike; at full weight it would drown the terms they share.
    const value = weight * Math.log((count + 1) / frequency) * (frequency < 2 ? options.unsharedWeight : 1);
    weighted.set(term, value);
    squares += value * value;
  }
  const length = Math.sqrt(squares);
  if (length > 0) for (const [term, value] of weighted) weighted.set(term, value / length);
  return weighted;
}

/** How many of the vectors have each term. */
export function documentFrequencies(vectors: readonly TermVector[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const vector of vectors) for (const term of vector.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return frequency;
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/** Near-duplicates folded together, and the summed similarity between every two folds that are alike. */
export interface FoldedPairs {
  /** Item indexes per fold; the first is the fold's representative. */
  folds: number[][];
  /** Between folds: `similarity` is the sum over all cross pairs of items (the dot product of the summed vectors). */
  pairs: SimilarPair[];
}

/**
 * Every pair of unit vectors whose cosine reaches `threshold`, found through an index of the vectors by term so
 * that pairs sharing no term cost nothing. A pair must share `minSharedTerms` terms: one word in common
 * ("expired") is a coincidence, not a shared cause. `canPair` excludes pairs (the same postmortem).
 * An item at least `nearDuplicate` alike to an earlier representative joins its fold instead of being indexed:
 * a collection with many copies of one story then costs as much as one with a copy of each.
 */
export function similarPairs(vectors: readonly TermVector[], threshold: number, options: { minSharedTerms: number; nearDuplicate: number; canPair?: (a: number, b: number) => boolean }): FoldedPairs {
  const canPair = options.canPair ?? (() => true);
  // Postings hold representatives only, by fold index.
  const postings = new Map<string, { fold: number; weight: number }[]>();
  const folds: number[][] = [];
  const found: { a: number; b: number }[] = [];
  const scores = new Float64Array(vectors.length);
  const shared = new Uint32Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      for (const earlier of postings.get(term) ?? []) {
        if (shared[earlier.fold] === 0) touched.push(earlier.fold);
        shared[earlier.fold]++;
        scores[earlier.fold] += weight * earlier.weight;
      }
    }
    let duplicateOf = -1;
    const alike: number[] = [];
    for (const earlier of touched) {
      if (scores[earlier] >= threshold && shared[earlier] >= options.minSharedTerms && canPair(folds[earlier][0], index)) {
        alike.push(earlier);
        if (scores[earlier] >= options.nearDuplicate && (duplicateOf < 0 || scores[earlier] > scores[duplicateOf])) duplicateOf = earlier;
      }
    }
    for (const earlier of touched) [scores[earlier], shared[earlier]] = [0, 0];
    touched.length = 0;
    if (duplicateOf >= 0) {
      folds[duplicateOf].push(index);
      return;
    }
    const fold = folds.push([index]) - 1;
    for (const earlier of alike) found.push({ a: earlier, b: fold });
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      list.push({ fold, weight });
      postings.set(term, list);
    }
  });
  const sums = folds.map((members) => (members.length === 1 ? vectors[members[0]] : sumOf(members.map((member) => vectors[member]))));
  return { folds, pairs: found.map(({ a, b }) => ({ a, b, similarity: dot(sums[a], sums[b]) })) };
}

function sumOf(vectors: readonly TermVector[]): TermVector {
  const sum: TermVector = new Map();
  for (const vector of vectors) for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  return sum;
}

export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  for (const [term, weight] of small) total += weight * (large.get(term) ?? 0);
  return total;
}
