// Infrastructure concepts: the few things postmortems name in many words ("the volume reached 100% usage", "the
// disk was full", "ran out of space"). Stemming cannot meet them and rarity weighting counts each word apart, so
// each word or phrase of a concept is read as the one concept term before weighting. A condition (what went wrong:
// full, expired) weighs more than a component (where: a disk, a pool), so a failing disk and a full disk part.
import { stemmer } from 'stemmer';

export interface Concept {
  /** The concept's term; never a word's stem, so it meets only its own words. */
  term: string;
  /** A component says where a cause sits; a condition says what went wrong there. */
  kind: 'component' | 'condition';
  /** Single words, reduced to their stems. */
  words: readonly string[];
  /** Phrases read as the concept before words are (numbers are no terms otherwise). */
  phrases?: readonly RegExp[];
}

/** How much more a condition counts than a word, and a component; plain words count 1. */
export const conceptWeights = { component: 1, condition: 2 };

export const concepts: readonly Concept[] = [
  { term: '~storage', kind: 'component', words: ['disk', 'disks', 'volume', 'volumes', 'filesystem', 'filesystems', 'storage', 'partition', 'partitions'] },
  {
    term: '~full',
    kind: 'condition',
    words: ['full', 'fill', 'fills', 'filled', 'filling'],
    phrases: [/\bout of (?:disk |storage )?space\b/giu, /\bno space left\b/giu, /(?<=\b(?:reach(?:ed|es|ing)?|hit|at) )100 ?%/giu, /\b100 ?%(?= (?:usage|used|full|utili[sz]ation|capacity))/giu],
  },
  { term: '~pool', kind: 'component', words: ['pool', 'pools', 'connections', 'connection', 'max_connections'] },
  { term: '~alert', kind: 'component', words: ['alert', 'alerts', 'alerting', 'page', 'warn', 'notify'] },
];

const conceptByStem = new Map(concepts.flatMap((concept) => concept.words.map((word) => [stemmer(word), concept] as const)));
const conceptByTerm = new Map(concepts.map((concept) => [concept.term, concept]));

/** The concept a word's stem belongs to, if any. */
export function conceptOfStem(stem: string): Concept | undefined {
  return conceptByStem.get(stem);
}

/** The weight a term counts with: a concept's by its kind, 1 for a word. */
export function termWeight(term: string): number {
  const concept = conceptByTerm.get(term);
  return concept ? conceptWeights[concept.kind] : 1;
}

/** The concept phrases of `text`, each with where it is, in order. */
export function conceptPhrases(text: string): { concept: Concept; start: number; end: number; phrase: string }[] {
  const found: { concept: Concept; start: number; end: number; phrase: string }[] = [];
  for (const concept of concepts) {
    for (const pattern of concept.phrases ?? []) {
      for (const match of text.matchAll(pattern)) found.push({ concept, start: match.index, end: match.index + match[0].length, phrase: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
