// Infrastructure concepts: the few things postmortems name in many words ("the volume reached 100% usage", "the
// disk was full", "ran out of space"). Stemming cannot meet them and rarity weighting counts each word apart, so
// each word or phrase of a concept is read as the one concept term before weighting. How much a concept weighs
// depends on what is read (see terms.ts): in a cause, the condition (what went wrong: full) weighs more than the
// component (where: a disk), so a failing disk and a full disk part; in an action item every concept counts as a
// word, and "page the on-call" meets "alert". Words are listed as written, not stemmed, so that "checkout" is
// not "check". A connection pool needs no concept: its causes say "pool" and "connections" in most wordings, and
// one term for both halves what two such causes share.
export interface Concept {
  /** The concept's term; never a word's stem, so it meets only its own words. */
  term: string;
  kind: ConceptKind;
  /** Single words, in lower case, as written. */
  words: readonly string[];
  /** Phrases read as the concept besides their words (a number is no term otherwise). */
  phrases?: readonly RegExp[];
}

/** A component says where a cause sits; a condition what went wrong there; an action what an item does about it. */
export type ConceptKind = 'component' | 'condition' | 'action';

export const concepts: readonly Concept[] = [
  { term: '~storage', kind: 'component', words: ['disk', 'disks', 'volume', 'volumes', 'filesystem', 'filesystems', 'storage', 'partition', 'partitions'] },
  {
    term: '~full',
    kind: 'condition',
    words: ['full', 'fill', 'fills', 'filled', 'filling'],
    phrases: [/\bout of (?:disk |storage )?space\b/giu, /\bno space left\b/giu, /(?<=\b(?:reach(?:ed|es|ing)?|hit|at) )100 ?%/giu, /\b100 ?%(?= (?:usage|used|full|utili[sz]ation|capacity))/giu],
  },
  {
    term: '~busy',
    kind: 'condition',
    words: ['usage', 'utilization', 'utilisation', 'saturation', 'saturated', 'busy'],
    phrases: [/\bin use\b/giu, /\b(?:above|over|more than|passes|exceeds?|at) \d+ ?(?:%|percent)/giu],
  },
  { term: '~check', kind: 'action', words: ['validate', 'validates', 'validated', 'validation', 'check', 'checks', 'checked', 'verify', 'verifies', 'verified', 'verification'] },
  // "Page" alone is also a web page ("the status page").
  { term: '~alert', kind: 'action', words: ['alert', 'alerts', 'alerting', 'warn', 'notify'], phrases: [/\bpag(?:e|es|ed|ing) (?:the |an? )?(?:on[- ]call|engineers?|team)(?: engineers?)?/giu] },
];

const conceptByWord = new Map(concepts.flatMap((concept) => concept.words.map((word) => [word, concept] as const)));
const conceptByTerm = new Map(concepts.map((concept) => [concept.term, concept]));

/** The concept a lower-case word belongs to, if any. */
export function conceptOfWord(word: string): Concept | undefined {
  return conceptByWord.get(word);
}

/** The kind of a concept's term; undefined for a word's stem. */
export function conceptKindOf(term: string): ConceptKind | undefined {
  return conceptByTerm.get(term)?.kind;
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
