// Telling people from systems among capitalised words, with the compromise NLP library's name tagging.
import { tagTerms } from './rewrite/tagged';
import type { AnalysisCache } from '../cache';

/** `person`: tagged as a first or last name; `system`: an organisation, a place, a CamelCase product or no noun at all; `unknown`: neither. */
export type NameVerdict = 'person' | 'system' | 'unknown';

/** Runs only for sentences that already read as blame, so the tagger stays off the common path. */
export function nameVerdict(sentence: string, name: string, cache?: AnalysisCache): NameVerdict {
  // "PgBouncer", "GitHub", "RabbitMQ": capitals inside a word name software, not people.
  if (/\p{Ll}\p{Lu}/u.test(name)) return 'system';
  // "AWS", "PRs": an acronym names a product, a company or a kind of thing.
  if (/^\p{Lu}{2}/u.test(name)) return 'system';
  // The sentence's tags are the ones its rewrites read: a sentence is tagged once.
  const terms = tagTerms(sentence, cache);
  const words = new Set(name.toLowerCase().split(/\s+/));
  const named = terms.filter((term) => words.has(bareWord(term.lower)));
  if (named.some((term) => personTags.some((tag) => term.tags.has(tag)))) return 'person';
  if (inTitleCaseRun(sentence, name)) return 'system';
  if (named[0] !== undefined && named[0] === terms[0] && opensInstruction(terms)) return 'system';
  return named.some((term) => systemTags.some((tag) => term.tags.has(tag))) ? 'system' : 'unknown';
}

const personTags = ['Person', 'FirstName', 'LastName'];
// A capitalised preposition or adverb ("Down migrations ...") is no name either, nor a mass noun ("Money", "Traffic").
const systemTags = ['Organization', 'Place', 'Preposition', 'Adverb', 'Conjunction', 'Determiner', 'Pronoun', 'Uncountable'];

/** "Add missing types", "Fix the import": a sentence opening on a bare verb before a word that is no verb or adverb gives an instruction; "Rob accidentally dropped it" reads on. */
function opensInstruction(terms: readonly { tags: ReadonlySet<string> }[]): boolean {
  const [first, next] = terms;
  if (!first.tags.has('Infinitive') && !first.tags.has('Imperative')) return false;
  return next !== undefined && !['Verb', 'Adverb', 'Auxiliary'].some((tag) => next.tags.has(tag));
}

/** "due to Skewed WAL Segment Sizes": a capitalised word before an acronym, or inside a run of four capitalised words, is part of a title, not a name. */
function inTitleCaseRun(sentence: string, name: string): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  const after = sentence.slice(at + name.length);
  if (/^\s+\p{Lu}{2,}s?(?![\p{L}\p{N}])/u.test(after)) return true;
  const wordsBefore = /(?:\p{Lu}[\p{L}'’-]*\s+)*$/u.exec(sentence.slice(0, at))?.[0].trim().split(/\s+/).filter(Boolean).length ?? 0;
  const wordsAfter = /^(?:\s+\p{Lu}[\p{L}'’-]*)*/u.exec(after)?.[0].trim().split(/\s+/).filter(Boolean).length ?? 0;
  return wordsBefore + name.split(/\s+/).length + wordsAfter >= 4;
}

/** The word without a possessive ending or marks, as names are compared. */
function bareWord(word: string): string {
  return word.replace(/['’]s$/, '').replace(/[^\p{L}\p{N}-]/gu, '');
}
