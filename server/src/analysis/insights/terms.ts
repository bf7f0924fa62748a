// The terms two texts are compared by: words from the platform's word segmenter, function words dropped by
// compromise's lexicon, the rest reduced to their Porter stem, so "exhausted" and "exhaustion" meet.
import { stemmer } from 'stemmer';
import { nlp } from '../blame/nlp';

/** Lexicon tags of closed-class words, which say nothing about a cause. */
const functionWordTags = new Set(['Expression', 'Determiner', 'Copula', 'Conjunction', 'Possessive', 'QuestionWord', 'Modal', 'Preposition', 'Pronoun', 'Negative', 'Auxiliary']);

/** A term vector: weight by term. */
export type TermVector = Map<string, number>;

/**
 * Reads texts into stems and remembers, per stem, the word forms it met, for labels a person can read.
 * One reader serves one insights run: its memory is what that run's texts contain.
 */
export class TermReader {
  private readonly segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  /** compromise's lexicon (`model().one.lexicon`): its tags by word; typed `object` by the library. */
  private readonly lexicon: object = lexiconOf(nlp().model());
  /** Stem by lower-case word; null for a word that is not a term. */
  private readonly stems = new Map<string, string | null>();
  private readonly forms = new Map<string, Map<string, number>>();

  /** The stems of the content words of `text`, in order, repeats kept. */
  terms(text: string): string[] {
    const terms: string[] = [];
    for (const segment of this.segmenter.segment(text)) {
      if (!segment.isWordLike) continue;
      const word = segment.segment.toLowerCase();
      const stem = this.stemOf(word);
      if (stem === null) continue;
      terms.push(stem);
      const counts = this.forms.get(stem) ?? new Map<string, number>();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      this.forms.set(stem, counts);
    }
    return terms;
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
    const stem = word.length < 2 || /\d/.test(word) || this.isFunctionWord(word) ? null : stemmer(word);
    this.stems.set(word, stem);
    return stem;
  }

  private isFunctionWord(word: string): boolean {
    if (!Object.hasOwn(this.lexicon, word)) return false;
    const tags: unknown = Reflect.get(this.lexicon, word);
    return (Array.isArray(tags) ? tags : [tags]).some((tag) => typeof tag === 'string' && functionWordTags.has(tag));
  }
}

function lexiconOf(model: object): object {
  const one: unknown = Reflect.get(model, 'one');
  const lexicon: unknown = typeof one === 'object' && one !== null ? Reflect.get(one, 'lexicon') : undefined;
  return typeof lexicon === 'object' && lexicon !== null ? lexicon : {};
}

/** Adds `weight` times the sublinear frequency of each term to `vector`. */
export function addTerms(vector: TermVector, terms: readonly string[], weight: number): void {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const [term, count] of counts) vector.set(term, (vector.get(term) ?? 0) + weight * (1 + Math.log(count)));
}

/**
 * Weighs each vector's terms by how rare they are in the collection and scales it to unit length, so a dot
 * product is the cosine similarity. The smoothed inverse frequency stays positive in a collection of two.
 */
export function weighByRarity(vectors: readonly TermVector[], options: { unsharedWeight: number }): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const vector of vectors) for (const term of vector.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const count = vectors.length;
  return vectors.map((vector) => {
    const weighted: TermVector = new Map();
    let squares = 0;
    for (const [term, weight] of vector) {
      const frequency = documentFrequency.get(term) ?? 1;
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
  });
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Every pair of unit vectors whose cosine reaches `threshold`, found through an index of the vectors by
 * term so that pairs sharing no term cost nothing. A pair must share `minSharedTerms` terms: one word in
 * common ("expired") is a coincidence, not a shared cause. `canPair` excludes pairs (the same postmortem).
 */
export function similarPairs(vectors: readonly TermVector[], threshold: number, options: { minSharedTerms: number; canPair?: (a: number, b: number) => boolean }): SimilarPair[] {
  const canPair = options.canPair ?? (() => true);
  const postings = new Map<string, { index: number; weight: number }[]>();
  const pairs: SimilarPair[] = [];
  const scores = new Float64Array(vectors.length);
  const shared = new Uint32Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      for (const earlier of postings.get(term) ?? []) {
        if (shared[earlier.index] === 0) touched.push(earlier.index);
        shared[earlier.index]++;
        scores[earlier.index] += weight * earlier.weight;
      }
    }
    for (const earlier of touched) {
      if (scores[earlier] >= threshold && shared[earlier] >= options.minSharedTerms && canPair(earlier, index)) pairs.push({ a: earlier, b: index, similarity: scores[earlier] });
      scores[earlier] = 0;
      shared[earlier] = 0;
    }
    touched.length = 0;
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      list.push({ index, weight });
      postings.set(term, list);
    }
  });
  return pairs;
}
