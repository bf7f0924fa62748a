// Part-of-speech tags of a sentence's words, with their offsets, from the compromise library.
import { nlp } from '../nlp';
import { remember, stringBytes, type AnalysisCache, type CacheTable } from '../../cache';

export interface TaggedTerm {
  text: string;
  lower: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

interface JsonTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

// Tagging is the costly step of building a rewrite, and one sentence is tagged several times (for each reading of its
// subject, then again when its rewrite is checked): the caller's cache keeps the answers.
const tagsByText: CacheTable<TaggedTerm[]> = { maxBytes: 512 * 1024, sizeOf: (text, terms) => stringBytes(text) + terms.length * bytesPerTerm };
/** A term's object, its two strings and its set of tags, roughly. */
const bytesPerTerm = 400;

/** The sentence's terms with their tags; callers only read them. */
export function tagTerms(text: string, cache: AnalysisCache | undefined): TaggedTerm[] {
  return remember(cache?.table(tagsByText), text, () => tagWithLibrary(text));
}

function tagWithLibrary(text: string): TaggedTerm[] {
  // compromise types `json` as any; asked for offsets, each sentence lists its terms with theirs.
  const sentences = nlp()(text).json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
  // A contraction's second half ("didn't" -> "did" "not") comes as an empty term; the first keeps the whole word.
  return sentences.flatMap((sentence) =>
    sentence.terms.filter((term) => term.text !== '').map((term) => ({
      text: term.text,
      lower: term.text.toLowerCase().replace(/’/g, "'"),
      start: term.offset.start,
      end: term.offset.start + term.offset.length,
      tags: new Set(term.tags),
    })),
  );
}

export interface VerbForms {
  infinitive: string;
  past: string;
  participle: string;
}

interface Conjugator {
  methods: () => { two: { transform: { verb: { conjugate: (verb: string, model: unknown) => Record<string, string | undefined>; toInfinitive: (verb: string, model: unknown, tense: string) => string } } } };
  world: () => { model: unknown };
}

/** The verb's forms, from its infinitive or its past tense; undefined when compromise cannot conjugate it. */
export function verbForms(verb: string, tense: 'Infinitive' | 'PastTense' | 'PresentTense' | 'Gerund'): VerbForms | undefined {
  const library = nlp() as unknown as Conjugator;
  const { conjugate, toInfinitive } = library.methods().two.transform.verb;
  const model = library.world().model;
  const lower = verb.toLowerCase();
  const infinitive = tense === 'Infinitive' ? lower : toInfinitive(lower, model, tense);
  if (!infinitive) return undefined;
  const forms = conjugate(infinitive, model);
  // Only verbs ending in "t" or "d" keep their form in the past ("cut", "spread"); compromise gives "chunk" for "chunked".
  if (forms.PastTense === infinitive && !/[td]$/.test(infinitive)) {
    // "saw" is the past of "see", not a verb of its own: the writer's slip ("did not saw") is not conjugated.
    if ((model as { one?: { lexicon?: Record<string, string> } }).one?.lexicon?.[infinitive] === 'PastTense') return undefined;
    forms.PastTense = forms.Participle = regularPast(infinitive);
  }
  const past = forms.PastTense;
  // The form must be the one asked for, or the infinitive was guessed wrong ("clones" read as a past tense).
  if (!past || (tense !== 'Infinitive' && forms[tense] !== lower)) return undefined;
  return { infinitive, past, participle: participleOf(infinitive, forms.Participle ?? past, conjugate, model) };
}

function regularPast(infinitive: string): string {
  if (infinitive.endsWith('e')) return `${infinitive}d`;
  if (/[^aeiou]y$/.test(infinitive)) return `${infinitive.slice(0, -1)}ied`;
  return `${infinitive}ed`;
}

/** "re-run": the participle of the verb after a prefix, when compromise gives only the past tense. */
function participleOf(infinitive: string, given: string, conjugate: (verb: string, model: unknown) => Record<string, string | undefined>, model: unknown): string {
  const known = participles.get(infinitive.replace('-', ''));
  if (known) return infinitive.includes('-') ? infinitive.replace(/^(\p{L}+-).*$/u, `$1${participles.get(infinitive.replace(/^\p{L}+-/u, '')) ?? known}`) : known;
  const prefixed = /^(re-?|un|pre-?|co-?)(\p{L}{3,})$/u.exec(infinitive);
  const base = prefixed ? conjugate(prefixed[2], model).Participle : undefined;
  return prefixed && base ? prefixed[1] + base : given;
}

/** Participles compromise gives as the past tense ("ran"). */
const participles = new Map([
  ['run', 'run'],
  ['rerun', 'rerun'],
  ['come', 'come'],
  ['become', 'become'],
  ['overwrite', 'overwritten'],
  ['rewrite', 'rewritten'],
  ['redo', 'redone'],
  ['undo', 'undone'],
  ['mistake', 'mistaken'],
]);

/** The infinitive of a past tense or participle ("written" -> "write"), or the word itself. */
export function lemma(word: string): string {
  const library = nlp() as unknown as Conjugator;
  const { toInfinitive } = library.methods().two.transform.verb;
  const model = library.world().model;
  const lower = word.toLowerCase();
  for (const [infinitive, participle] of participles) if (participle === lower) return infinitive;
  // "digging" and "dug" are one verb: the errand of a passive rewrite says the gerund as a participle.
  const gerund = lower.endsWith('ing') ? toInfinitive(lower, model, 'Gerund') : undefined;
  if (gerund && gerund !== lower && gerund.length >= 3) return gerund.toLowerCase();
  const past = toInfinitive(lower, model, 'PastTense');
  return (past && past !== lower ? past : toInfinitive(lower, model, 'Participle') || lower).toLowerCase();
}

// The tagger misreads a capitalised modal ("Should have ...") or a negated be ("wasn’t"): the closed classes are known.
export const modals = new Set(['should', 'could', 'would', 'might', 'must', 'ought', 'can', 'will', 'shall', 'may']);
// "I'm", "they're", "here's": a present "am", "are" or "is" the tagger keeps inside the pronoun.
const beContraction = /\p{L}'(?:m|re|s)$/u;

/** A verb with a tense of its own: not a gerund, not an infinitive after "to"; "I'm", "it's", "they're" are present. */
export function isFiniteVerb(term: TaggedTerm, previous: TaggedTerm | undefined): boolean {
  if (isBeContraction(term) || modals.has(bare(term))) return true;
  if (!term.tags.has('Verb') || term.tags.has('Gerund') || previous?.lower === 'to') return false;
  // "system changes", "NAT rules": after a noun, a bare present form in -s reads as a plural noun as well.
  if (previous?.tags.has('Noun') && /s$/.test(term.lower) && term.tags.size <= 2 && term.tags.has('PresentTense')) return false;
  return ['PastTense', 'PresentTense', 'Auxiliary', 'Modal', 'Copula'].some((tag) => term.tags.has(tag));
}

/** "I'm", "they're", "here's", but not "Sam's". */
export function isBeContraction(term: TaggedTerm): boolean {
  return beContraction.test(term.lower) && !term.tags.has('Possessive');
}

/** "didn't" -> "did": the verb without its negation. */
export function bare(term: TaggedTerm): string {
  return term.lower.replace(/n't$/, '');
}

