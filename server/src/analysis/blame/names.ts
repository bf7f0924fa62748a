// Telling people from systems among capitalised words, with the compromise NLP library's name tagging.
import { nlp } from './nlp';
import { remember, stringBytes, type AnalysisCache, type CacheTable } from '../cache';

/** `person`: tagged as a first or last name; `system`: an organisation, a place, a CamelCase product or no noun at all; `unknown`: neither. */
export type NameVerdict = 'person' | 'system' | 'unknown';

interface TaggedSentence {
  people: ReadonlySet<string>;
  systems: ReadonlySet<string>;
}

// Tagging costs about half a millisecond a sentence; the same sentences come back on every keystroke.
const tagged: CacheTable<TaggedSentence> = { maxBytes: 512 * 1024, sizeOf: (sentence, words) => stringBytes(sentence) + 32 * (words.people.size + words.systems.size) };

/** Runs only for sentences that already read as blame, so the tagger stays off the common path. */
export function nameVerdict(sentence: string, name: string, cache?: AnalysisCache): NameVerdict {
  // "PgBouncer", "GitHub", "RabbitMQ": capitals inside a word name software, not people.
  if (/\p{Ll}\p{Lu}/u.test(name)) return 'system';
  // "AWS", "PRs": an acronym names a product, a company or a kind of thing.
  if (/^\p{Lu}{2}/u.test(name)) return 'system';
  const { people, systems } = remember(cache?.table(tagged), sentence, () => tag(sentence));
  const words = name.toLowerCase().split(/\s+/);
  if (words.some((word) => people.has(word))) return 'person';
  return words.some((word) => systems.has(word)) ? 'system' : 'unknown';
}

function tag(sentence: string): TaggedSentence {
  const doc = nlp()(sentence);
  // A capitalised preposition or adverb ("Down migrations ...") is no name either.
  return { people: wordsTagged(doc, '(#Person|#FirstName|#LastName)'), systems: wordsTagged(doc, '(#Organization|#Place|#Preposition|#Adverb|#Conjunction|#Determiner|#Pronoun)') };
}

function wordsTagged(doc: ReturnType<ReturnType<typeof nlp>>, tags: string): Set<string> {
  // compromise types `out` as any; asked for an array, it gives the matched words.
  const matched = doc.match(tags).terms().out('array') as string[];
  return new Set(matched.map((word) => word.toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}-]/gu, '')));
}
