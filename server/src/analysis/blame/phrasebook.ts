// The blame phrasebook: its data shape, checking the JSON as it is loaded, compiling it to regular expressions on first use, and team additions.
import { nlp } from './nlp';
import phrasebookJson from './phrasebook.json';
import { requiredTextOf, type RequiredText } from './required-text';
import { defineLazy } from '../lazy';
import { compileRegExp } from '../regexp';
import { outlineOf } from './outline';

const blameKinds = ['blame', 'hindsight'] as const;
export type BlameKind = (typeof blameKinds)[number];
const strengths = ['strong', 'weak'] as const;
export type Strength = (typeof strengths)[number];
/** `person` (a name, handle, role), `nobody`, `gerund` (a person anywhere, then a gerund), or `fault-adverb`: a person whose action an adverb marks as a fault ("accidentally"). */
const predicateSubjects = ['person', 'nobody', 'gerund', 'fault-adverb'] as const;
export type PredicateSubject = (typeof predicateSubjects)[number];
/** `any`; `human-verb`: a weak subject counts only with a verb that only people do; `always-human-verb`: every subject needs one; `none`: weak subjects never count. */
const weakSubjectRules = ['any', 'human-verb', 'always-human-verb', 'none'] as const;
export type WeakSubjectRule = (typeof weakSubjectRules)[number];

/** A list of words or phrases that play one part, with why. */
export interface WordGroup {
  explanation: string;
  words: string[];
}

export interface RoleGroup extends WordGroup {
  /** True for role words that also name software ("operator"): only clearly human faults are reported. */
  ambiguous: boolean;
}

export interface BareGroup extends WordGroup {
  /** Weak subjects need a clearly human fault. */
  strength: Strength;
  /** "they" is a person only after a person was mentioned earlier in the block. */
  needsAntecedent: boolean;
}

export interface VerbForm {
  base: string;
  past: string;
  /** Only when it differs from `past` ("seen" for "see"). */
  participle?: string;
  /** The noun a rewrite uses ("rollback" for "roll back"). */
  noun?: string;
  /** Only a person does it; weak subjects ("Redis failed to ...") need one of these after "failed to". */
  human: boolean;
}

export interface Fragment {
  explanation: string;
  pattern: string;
}

/**
 * Patterns are regular expressions where a space matches any run of whitespace and `'` matches
 * both apostrophes. `{name}` inserts a fragment or one of: `{object}` (a noun phrase, group
 * `object`), `{words:name}` (one to three words, group `name`), `{verb}` (group `verb`),
 * `{participle}` (group `verbPast`), `{possessor}` ("the engineer's", "Bob's") and `{person}`.
 */
export interface PredicateEntry {
  id: string;
  kind: BlameKind;
  subject: PredicateSubject;
  weakSubjects: WeakSubjectRule;
  /** Reported in timeline entries, where people are otherwise fine as actors. */
  timeline: boolean;
  /** A cheap regular expression a sentence must match before `pattern` is tried (words the pattern cannot match without). */
  requires?: string;
  /** Matches right after the subject. */
  pattern: string;
  /** Name of a template set in `rewriteTemplates`. */
  rewrites: string;
  explanation: string;
  message?: string;
}

export interface PhraseEntry {
  id: string;
  kind: BlameKind;
  timeline: boolean;
  /** Cheap regular expressions a sentence must all match before `pattern` is tried; one shared by many phrases is tested once a sentence. */
  requires?: string | string[];
  /** Matched anywhere; a group named `lead` is replaced but not reported. */
  pattern: string;
  /** A team's own pattern: matched only in sentences of bounded length. */
  team?: boolean;
  /** Replace the matched text; `{group}` inserts a named group. */
  replacements: string[];
  explanation: string;
  message?: string;
}

/** Operations vocabulary that is not blame: a match that starts inside one is dropped. */
export interface OperationsEntry {
  id: string;
  pattern: string;
  explanation: string;
}

/**
 * Each tier lists templates; the first tier with a usable template wins. `{field}` inserts a
 * named group or a derived field (`object`, `objectNoun`, `action`, `verb`, `past`, `vp`),
 * `{a:field}` adds "a" or "an", `{tail}` places the rest of the sentence (appended otherwise),
 * `{clause}` places it and requires it, `{notail}` drops it.
 */
export interface TemplateSet {
  explanation: string;
  tiers: string[][];
}

/** An action-item phrase that asks people to try harder, with the systemic alternative to suggest. */
export interface TryHarderEntry {
  id: string;
  pattern: string;
  explanation: string;
  suggestion: string;
  team?: boolean;
}

export interface PhrasebookData {
  /** `ownConduct`: hindsight the writers turn on themselves ("we did not test", "I was too hasty"). */
  messages: { blame: string; hindsight: string; ownConduct: string };
  tryHarder: {
    explanation: string;
    /** `{words}` and `{suggestion}` are filled in. */
    message: string;
    /** An item that also names a mechanism is systemic however it starts. */
    systemic: Fragment;
    phrases: TryHarderEntry[];
  };
  persons: {
    determiners: WordGroup;
    modifiers: WordGroup;
    postModifiers: WordGroup;
    /** Role phrases that name software ("certificate manager"); never a person. */
    softwareRoles: WordGroup;
    roles: RoleGroup[];
    bare: BareGroup[];
    nobody: WordGroup;
    /** Names always treated as persons. */
    names: WordGroup[];
    notNames: WordGroup[];
    notNameEndings: WordGroup;
    /** Finds names a document introduces as software; group `name`. */
    systemIntroductions: Fragment;
  };
  grammar: {
    subjectOpeners: WordGroup;
    adverbs: WordGroup;
    faultAdverbs: WordGroup;
    subjectFaultAdverbs: WordGroup;
    relativePronouns: WordGroup;
    systemVerbs: WordGroup;
    clauseStarters: WordGroup;
    clauseBoundaries: WordGroup;
    prepositions: WordGroup;
    objectDeterminers: WordGroup;
    pronounObjects: WordGroup;
    verbs: { explanation: string; forms: VerbForm[] };
    /** Infinitives (`base/past` where the conjugator is wrong) of slips and omissions; `{faultVerb}` matches their past and present forms. */
    faultVerbs: WordGroup;
    /** Infinitives of acts that destroy or expose data; `{damageVerb}`. */
    damageVerbs: WordGroup;
  };
  fragments: Record<string, Fragment>;
  predicates: PredicateEntry[];
  phrases: PhraseEntry[];
  operations: OperationsEntry[];
  /** Phrases never reported; a match overlapping one is dropped. */
  allow: WordGroup[];
  rewriteTemplates: Record<string, TemplateSet>;
}

export interface CompiledPredicate {
  entry: PredicateEntry;
  /** Lower-case words the predicate can start with (after an auxiliary); undefined when any word can. */
  leadWords: Set<string> | undefined;
  kind: BlameKind;
  nobody: boolean;
  /** Only after a fault adverb between the subject and the verb. */
  afterFaultAdverb: boolean;
  /** A gerund ("Bob forgetting to ..."), matched after a person anywhere in the sentence. */
  gerund: boolean;
  /** Doing nothing is the fault ("did nothing"): a "nothing" after the verb is no denial here. */
  faultIsNothing: boolean;
  needsHumanVerb: boolean;
  alwaysHumanVerb: boolean;
  /** Weak subjects ("we", an unknown capitalised word) never count. */
  strongOnly: boolean;
  /** Words the predicate cannot match without; checked before `requires` and `regex`. */
  requiredText: RequiredText;
  requires: RegExp | undefined;
  /** Sticky, with indices: run at the position after the subject. Compiled on first use. */
  readonly regex: RegExp;
  /** Sticky: matches wherever `regex` does and compiles many times faster; tried first, so most predicates that cannot match are never compiled. Undefined once `regex` is compiled. */
  readonly outline: RegExp | undefined;
  templates: TemplateSet;
}

export interface CompiledPhrase {
  entry: PhraseEntry;
  kind: BlameKind;
  /** Words the phrase cannot match without; checked before `requires` and `regex`. */
  requiredText: RequiredText;
  requires: RegExp[];
  /** Global, with indices. Compiled on first use. */
  readonly regex: RegExp;
  /** Matches a sentence whenever `regex` does and compiles many times faster; undefined once `regex` is compiled, and for a team's phrase. */
  readonly outline: RegExp | undefined;
}

export interface CompiledTryHarder {
  entry: TryHarderEntry;
  requiredText: RequiredText;
  /** Not global; `^` is the start of the item's description. Compiled on first use. */
  readonly regex: RegExp;
}

/** Operations vocabulary, compiled on first use. */
export interface CompiledOperations {
  requiredText: RequiredText;
  /** Global. */
  readonly regex: RegExp;
}

export interface CompiledPhrasebook {
  tryHarder: CompiledTryHarder[];
  tryHarderSystemic: RegExp;
  /** Global, case-sensitive: groups `handle`, `role`, `weakRole`, `nobody`, `bare`, `name`. */
  persons: RegExp;
  /** Global: names the document introduces as software. */
  systemIntroductions: RegExp;
  /** Sticky: an optional appositive and adverbs between a subject and its predicate. */
  between: RegExp;
  predicates: CompiledPredicate[];
  phrases: CompiledPhrase[];
  operations: CompiledOperations[];
  allow: RegExp[];
  bare: Map<string, { strength: Strength; needsAntecedent: boolean }>;
  /** Lower case. */
  names: Set<string>;
  notNames: Set<string>;
  softwareRoles: Set<string>;
  /** Every role of the lexicon, a team's included, as written ("on-call engineer", "SREs"); other readers build their patterns from it. */
  roles: string[];
  /** Lower case: the noun that ends each role, a post-modifier left off ("engineer" of "on-call engineer", "sre" of "SRE on duty"). */
  roleNouns: Set<string>;
  notNameEndings: string[];
  subjectOpeners: Set<string>;
  faultAdverbs: Set<string>;
  /** Slip adverbs read only after a person: kept out of `faultAdverbs`, which the passive rewrites drop. */
  subjectFaultAdverbs: Set<string>;
  relativePronouns: Set<string>;
  systemVerbs: Set<string>;
  clauseStarters: Set<string>;
  prepositions: Set<string>;
  boundaries: Set<string>;
  objectDeterminers: Set<string>;
  pronounObjects: Set<string>;
  verbsByBase: Map<string, VerbForm>;
  /** By past tense and by participle. */
  verbsByPast: Map<string, VerbForm>;
}

export interface Phrasebook {
  readonly data: PhrasebookData;
  readonly compiled: CompiledPhrasebook;
}

/** Team additions, as the configuration's `blame` section holds them. */
/** A phrase a team adds: literal text, or a regular expression (checked for catastrophic backtracking when the config is loaded). */
export interface TeamPhrase {
  match: string;
  regex?: boolean;
  kind?: BlameKind;
  /** Replacements for the matched words; `{group}` inserts a named group of a regular expression. */
  rewrites?: readonly string[];
  explanation: string;
}

export interface TeamTryHarderPhrase {
  match: string;
  regex?: boolean;
  explanation: string;
  suggestion?: string;
}

export interface PhrasebookAdditions {
  roles?: readonly string[];
  persons?: readonly string[];
  allow?: readonly string[];
  phrases?: readonly TeamPhrase[];
  tryHarder?: readonly TeamTryHarderPhrase[];
  /** Ids of built-in entries (predicates, phrases, try-harder phrases) to turn off. */
  disable?: readonly string[];
}

/** Team patterns run only on sentences up to this length, so that no pattern can take long. */
export const maxTeamPatternInput = 1_000;

const wordStart = '(?<![\\p{L}\\p{N}_])';
const wordEnd = '(?![\\p{L}\\p{N}_])';
const word = "[\\p{L}\\p{N}_$#%@][\\p{L}\\p{N}_'’%/+#@-]*(?:\\.[\\p{L}\\p{N}_]+)*";
const handle = '@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]|\\.(?=[\\p{L}\\p{N}_]))*';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase as a pattern: flexible whitespace, both apostrophes. */
function literal(phrase: string): string {
  return escapeRegex(phrase.trim()).replace(/\s+/g, '\\s+').replace(/'/g, "['’]");
}

/** Longest first, so that "on-call engineer" wins over "on-call". */
function alternation(words: readonly string[], transform: (word: string) => string = literal): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(transform).join('|');
}

/** Roles as one alternation, longest first, for readers that match role nouns with no determiner; the roles hold their plurals already (`withPlurals`). */
export function roleAlternation(roles: readonly string[]): string {
  return alternation(roles);
}

/** The first letter in either case, for the case-sensitive person pattern. */
function eitherCaseFirst(phrase: string): string {
  const first = phrase.charAt(0);
  const rest = literal(phrase.slice(1));
  return first.toLowerCase() === first.toUpperCase() ? escapeRegex(first) + rest : `[${first.toUpperCase()}${first.toLowerCase()}]${rest}`;
}

/** Spaces outside character classes match any whitespace; `'` matches both apostrophes. */
function convertSpaces(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === ' ') {
      while (pattern[i + 1] === ' ') i++;
      out += '\\s+';
    } else {
      out += char === "'" ? "['’]" : char;
    }
  }
  return out;
}

/**
 * A built-in entry's expression, compiled on first use: most are never run in a CLI run, and a
 * case-insensitive Unicode one takes up to a millisecond to compile. A team's is compiled at once,
 * so that the configuration check reports a pattern that does not compile.
 */
function withExpression<T extends object>(target: T, source: string, flags: string, team: boolean | undefined): T & { readonly regex: RegExp } {
  if (team) return Object.assign(target, { regex: compileRegExp(source, flags) });
  return defineLazy(target, 'regex', () => compileRegExp(source, flags));
}

/**
 * Adds `outline`, compiled on first use, for as long as the entry's own expression is not compiled: from then on running
 * the expression costs less than running the outline first, so `outline` is undefined.
 */
function withOutline<T extends { readonly regex: RegExp }>(target: T, source: string | undefined, flags: string): T & { readonly outline: RegExp | undefined } {
  let outline: RegExp | undefined;
  let expressionCompiled = false;
  Object.defineProperty(target, 'outline', {
    enumerable: true,
    get: () => {
      // `regex` is a getter until its first read compiles it.
      expressionCompiled ||= Object.getOwnPropertyDescriptor(target, 'regex')?.get === undefined;
      if (source === undefined || expressionCompiled) return undefined;
      outline ??= compileRegExp(source, flags);
      return outline;
    },
  });
  return target as T & { readonly outline: RegExp | undefined };
}

/** A team's pattern is theirs to write: it gets no prefilter. `expanded` is the pattern with its placeholders replaced (as the outline reads them), whose word lists require words too. */
function requiredTextFor(entry: { pattern: string; team?: boolean }, expanded = entry.pattern): RequiredText {
  return entry.team ? [] : requiredTextOf(expanded);
}

function words(groups: readonly WordGroup[]): string[] {
  return groups.flatMap((group) => group.words);
}

/**
 * The first words a pattern can start with, read from a leading group of plain alternatives
 * ("(?:forgot|had forgotten) to ...") or a leading word; undefined when the start is not that simple.
 * Detection skips a predicate whose first word does not fit, without running its expression.
 */
function leadWordsOf(pattern: string, verbLeads: ReadonlyMap<string, Set<string> | undefined>): Set<string> | undefined {
  // "was distracted|panicked": each top-level alternative starts the predicate.
  const alternatives = topLevelAlternatives(pattern);
  if (alternatives.length > 1) {
    const leads = new Set<string>();
    for (const alternative of alternatives) {
      const words = leadWordsOf(alternative, verbLeads);
      if (!words) return undefined;
      for (const lead of words) leads.add(lead);
    }
    return leads;
  }
  if (pattern.startsWith('{should}')) return new Set(['should', 'ought', 'never']);
  const verbList = /^\{(\w+)\}/.exec(pattern);
  if (verbList) return verbLeads.get(verbList[1]);
  const group = /^\((?:\?:|\?<\w+>)([^()]*)\)(?![?*{])/.exec(pattern);
  if (group) {
    const alternatives = group[1].split('|');
    if (alternatives.every((alternative) => /^[\p{L}' -]+$/u.test(alternative))) return new Set(alternatives.map((alternative) => alternative.split(' ')[0].toLowerCase()));
    return undefined;
  }
  const word = /^([\p{L}'-]+) /u.exec(pattern);
  return word ? new Set([word[1].toLowerCase()]) : nestedGroupLeadWords(pattern);
}

/** "(?:ignoring|pushing (?:a |the )?bad) {object}": each alternative of a leading group with groups inside, read with the rest of the pattern, starts with a word and a space. */
function nestedGroupLeadWords(pattern: string): Set<string> | undefined {
  const header = /^\((?:\?:|\?<\w+>)/.exec(pattern);
  const end = header ? groupEnd(pattern, header[0].length) : undefined;
  if (!header || end === undefined || /^[?*{]/.test(pattern.slice(end))) return undefined;
  const leads = new Set<string>();
  for (const alternative of topLevelAlternatives(pattern.slice(header[0].length, end - 1))) {
    // A word followed by a space is a whole word of the text; one followed by anything else may run on ("should" in "shouldn't").
    const word = /^([\p{L}'-]+) /u.exec(alternative + pattern.slice(end));
    if (!word) return undefined;
    leads.add(word[1].toLowerCase());
  }
  return leads;
}

/** Where the group whose contents start at `start` ends: just after its closing parenthesis. */
function groupEnd(pattern: string, start: number): number | undefined {
  let depth = 1;
  let inClass = false;
  for (let i = start; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** The pattern split at its `|` outside groups and character classes. */
function topLevelAlternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

/** Past, participle and third-person forms of an infinitive ("overwrite" -> overwrote, overwritten, overwrites); a multi-word verb conjugates its first word. */
export function conjugate(entry: string): VerbForm & { present: string } {
  const [base, pastOverride] = entry.split('/');
  const [head, ...rest] = base.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const library = nlp();
  const forms = conjugator(library)(head, library.model());
  const past = pastOverride ?? (forms.PastTense || `${head}ed`) + tail;
  const participle = forms.Participle ? forms.Participle + tail : undefined;
  return { base, past, participle, present: (forms.PresentTense || `${head}s`) + tail, human: true };
}

type Conjugations = { PastTense?: string; PresentTense?: string; Participle?: string };
type Conjugator = (verb: string, model: unknown) => Conjugations;

/** compromise types its methods loosely; this is where compromise/two keeps the verb conjugator. */
function conjugator(library: ReturnType<typeof nlp>): Conjugator {
  return (library.methods() as { two: { transform: { verb: { conjugate: Conjugator } } } }).two.transform.verb.conjugate;
}

/** Compiles the data once; detection then only runs the regular expressions. */
export function createPhrasebook(written: PhrasebookData): Phrasebook {
  const data = { ...written, persons: { ...written.persons, roles: written.persons.roles.map((group) => ({ ...group, words: withPlurals(group.words) })) } };
  const { persons, grammar } = data;
  const people = personPatterns(persons);
  const verbs = verbPatterns(grammar);
  const expand = placeholderExpander(data, people, verbs);
  const outline = outlineExpander(data, verbs);
  const predicates = compilePredicates(data, { expand, outline }, verbs);
  // Phrases share prefilters ("\\bby\\b"); one expression each, so a detector can remember its answer per sentence.
  const prefilters = new Map<string, RegExp>();
  const requiring = (source: string): RegExp => {
    const known = prefilters.get(source);
    if (known) return known;
    const compiled = compileRegExp(source, 'iu');
    prefilters.set(source, compiled);
    return compiled;
  };
  const phrases = data.phrases.map((entry): CompiledPhrase => {
    const outlined = outline(entry.pattern, entry.id);
    const phrase = withExpression(
      { entry, kind: entry.kind, requiredText: requiredTextFor(entry, outlined), requires: (entry.requires === undefined ? [] : [entry.requires].flat()).map(requiring) },
      `${wordStart}(?:${expand(entry.pattern, entry.id)})${wordEnd}`,
      'dgiu',
      entry.team,
    );
    const outlineSource = entry.team ? undefined : outlineOf(outlined);
    return withOutline(phrase, outlineSource, 'iu');
  });
  const tryHarder = data.tryHarder.phrases.map((entry): CompiledTryHarder => withExpression({ entry, requiredText: requiredTextFor(entry) }, `${wordStart}(?:${convertSpaces(entry.pattern)})${wordEnd}`, 'diu', entry.team));
  const operations = data.operations.map((entry): CompiledOperations => {
    return withExpression({ requiredText: requiredTextOf(outline(entry.pattern, entry.id)) }, `${wordStart}(?:${expand(entry.pattern, entry.id)})${wordEnd}`, 'giu', false);
  });
  const allow = words(data.allow).map((phrase) => compileRegExp(`${wordStart}${literal(phrase)}${wordEnd}`, 'giu'));

  const lower = (list: readonly string[]) => new Set(list.map((item) => item.toLowerCase()));
  const bare = new Map<string, { strength: Strength; needsAntecedent: boolean }>();
  for (const group of persons.bare) {
    for (const bareWord of group.words) bare.set(bareWord.toLowerCase(), { strength: group.strength, needsAntecedent: group.needsAntecedent });
  }

  return {
    data,
    compiled: {
      tryHarder,
      tryHarderSystemic: compileRegExp(data.tryHarder.systemic.pattern, 'iu'),
      persons: compileRegExp(people.source, 'gu'),
      between: compileRegExp(betweenSubjectAndVerb(data), 'yu'),
      systemIntroductions: compileRegExp(convertSpaces(persons.systemIntroductions.pattern), 'gu'),
      predicates,
      phrases,
      operations,
      allow,
      bare,
      names: lower(words(persons.names).map((name) => name.replace(/^@/, ''))),
      notNames: lower(words(persons.notNames)),
      softwareRoles: lower(persons.softwareRoles.words),
      roles: words(persons.roles),
      roleNouns: roleNounsOf(persons),
      notNameEndings: persons.notNameEndings.words,
      subjectOpeners: lower(grammar.subjectOpeners.words),
      faultAdverbs: lower(grammar.faultAdverbs.words),
      subjectFaultAdverbs: lower(grammar.subjectFaultAdverbs.words),
      relativePronouns: lower(grammar.relativePronouns.words),
      systemVerbs: lower(grammar.systemVerbs.words),
      clauseStarters: lower(grammar.clauseStarters.words),
      prepositions: lower(grammar.prepositions.words),
      boundaries: lower(grammar.clauseBoundaries.words),
      objectDeterminers: lower(grammar.objectDeterminers.words),
      pronounObjects: lower(grammar.pronounObjects.words),
      verbsByBase: new Map(grammar.verbs.forms.map((form) => [form.base, form])),
      verbsByPast: verbsByPastForm(verbs),
    },
  };
}

interface PersonPatterns {
  /** Every way a sentence names a person, as one alternation of named groups. */
  source: string;
  /** Any role, strong or ambiguous, without the word boundaries. */
  anyRole: string;
  bareWords: string[];
}

function personPatterns(persons: PhrasebookData['persons']): PersonPatterns {
  const strongRoles = words(persons.roles.filter((group) => !group.ambiguous));
  const ambiguousRoles = words(persons.roles.filter((group) => group.ambiguous));
  // "the vendor's engineer": a possessive determiner; "the QA engineer": an acronym among the modifiers.
  const roleOf = (roles: string[], first: (phrase: string) => string) =>
    `(?:${alternation(persons.determiners.words, first)}|${first('the')}\\s+\\p{Ll}[\\p{Ll}-]*['’]s)\\s+(?:(?:${alternation(persons.modifiers.words)}|[\\p{L}][\\p{Ll}-]*|\\p{Lu}{2,5})\\s+){0,2}(?:${alternation(roles, first)})(?:\\s+(?:${alternation(persons.postModifiers.words)}))?`;
  const roleBoundary = '(?![\\p{L}\\p{N}_-])';
  const bareWords = words(persons.bare);

  const nameWord = "\\p{Lu}(?:\\p{Ll}+(?:['’]\\p{Lu}\\p{Ll}+|-\\p{Lu}?\\p{Ll}+)?|['’]\\p{Lu}\\p{Ll}+)";
  const source = [
    `(?<handle>(?<![\\p{L}\\p{N}_.@])${handle})`,
    `(?<role>${wordStart}${roleOf(strongRoles, eitherCaseFirst)}${roleBoundary})`,
    ambiguousRoles.length ? `(?<weakRole>${wordStart}${roleOf(ambiguousRoles, eitherCaseFirst)}${roleBoundary})` : '',
    `(?<nobody>(?<![\\p{L}\\p{N}_-])(?:${alternation(persons.nobody.words, eitherCaseFirst)})${roleBoundary})`,
    // "SHE.org" is a domain, not a pronoun.
    `(?<bare>(?<![\\p{L}\\p{N}_-])(?:${alternation(bareWords, eitherCaseFirst)})${roleBoundary}(?!\\.\\p{L}))`,
    // "O'Brien", "D'Souza", "Hale-Ward": apostrophes and hyphens inside a name.
    `(?<name>(?<![\\p{L}\\p{N}_@.'’-])${nameWord}(?: ${nameWord})?${wordEnd})`,
  ].filter(Boolean);
  return { source: source.join('|'), anyRole: roleOf([...strongRoles, ...ambiguousRoles], literal), bareWords };
}

/** Role nouns whose plural is also a common verb ("this leads to") or too broad a word ("people"): they keep only the form written. */
const noPlural = new Set(['lead', 'person']);

/**
 * Each role with its regular plural beside it ("technician" -> "technicians", "DBA" -> "DBAs", "on-call SRE" -> "on-call SREs"):
 * people are named in the plural as often as alone. A word already ending in "s" is taken as written.
 */
export function withPlurals(roles: readonly string[]): string[] {
  const plurals = roles.flatMap((role) => {
    const last = /[\p{L}-]+$/u.exec(role)?.[0];
    if (!last || /s$/i.test(last) || noPlural.has(last.toLowerCase())) return [];
    const stem = role.slice(0, role.length - last.length);
    if (/^\p{Lu}+$/u.test(last)) return [`${stem}${last}s`];
    if (/(?:x|ch|sh)$/i.test(last)) return [`${stem}${last}es`];
    if (/[^aeiou]y$/i.test(last)) return [`${stem}${last.slice(0, -1)}ies`];
    if (/man$/i.test(last)) return [`${stem}${last.slice(0, -3)}men`];
    return [`${stem}${last}s`];
  });
  return [...new Set([...roles, ...plurals])];
}

/** The last word of each role, after any post-modifier ("SRE on duty" -> "sre"). */
function roleNounsOf(persons: PhrasebookData['persons']): Set<string> {
  const postModifier = new RegExp(`\\s+(?:${alternation(persons.postModifiers.words)})$`, 'i');
  return new Set(words(persons.roles).map((role) => role.replace(postModifier, '').split(/\s+/).pop()?.toLowerCase() ?? ''));
}

/** The helpers of a perfect tense, contracted ones with a straight apostrophe: "Bob had deployed", "we've dropped". */
export const perfectAuxiliaries: readonly string[] = ['had', 'has', 'have', "'d", "'ve"];

/** What may stand between a subject and its verb: a tail, a parenthetical, up to two adverbs ("crucially, forgot"); nothing before a contracted "have" or "had" ("we've", "she'd"). */
function betweenSubjectAndVerb(data: PhrasebookData): string {
  const adverbEnd = '(?![\\p{L}\\p{N}_-])';
  const subjectTail = data.fragments.subjectTail ? convertSpaces(data.fragments.subjectTail.pattern) : '';
  return `${subjectTail}(?:\\s*,[^,;.!?\\n]{1,60},)?(?:\\s+(?:${alternation(data.grammar.adverbs.words)})${adverbEnd}|\\s+\\p{Ll}+ly${adverbEnd},?){0,2}(?:\\s+|(?=['’](?:ve|d)\\s))`;
}

interface VerbLexicon {
  conjugated: (VerbForm & { present: string })[];
  pattern: string;
}

interface VerbPatterns {
  forms: VerbForm[];
  verb: string;
  participle: string;
  faultVerbs: VerbLexicon;
  damageVerbs: VerbLexicon;
}

function verbPatterns(grammar: PhrasebookData['grammar']): VerbPatterns {
  const forms = grammar.verbs.forms;
  const phrasal = (list: string[]) => {
    const multi = list.filter((verb) => verb.includes(' '));
    return multi.length ? `(?:${alternation(multi)})(?![\\p{L}-])|` : '';
  };
  const lexicon = (group: WordGroup): VerbLexicon => {
    const conjugated = group.words.map(conjugate);
    const list = conjugated.flatMap((form) => [form.past, form.present, ...(form.participle ? [form.participle] : [])]);
    return { conjugated, pattern: `(?<verbPast>${alternation(list)})(?![\\p{L}-])` };
  };
  return {
    forms,
    verb: `(?<verb>${phrasal(forms.map((form) => form.base))}[\\p{L}][\\p{L}-]*)`,
    // "might have to wait" is a need, not a participle: "to" is never one.
    participle: `(?<verbPast>${phrasal(forms.map((form) => form.participle ?? form.past))}(?!to(?![\\p{L}-]))[\\p{L}][\\p{L}-]*)`,
    faultVerbs: lexicon(grammar.faultVerbs),
    damageVerbs: lexicon(grammar.damageVerbs),
  };
}

/** The first words of a verb list's forms ("fat-fingered", "mixed" for "mixed up"); the list's expression ends at a word's end. */
function lexiconLeadWords(lexicon: VerbLexicon): Set<string> | undefined {
  const forms = lexicon.conjugated.flatMap((form) => [form.past, form.present, ...(form.participle ? [form.participle] : [])]);
  if (!forms.every((form) => /^[\p{L}'-]+(?: [\p{L}'-]+)*$/u.test(form))) return undefined;
  return new Set(forms.map((form) => form.split(' ')[0].toLowerCase()));
}

/** Any form of a listed verb, to its forms. Conjugated lexicon verbs first: a hand-listed form of the same verb wins. */
function verbsByPastForm(verbs: VerbPatterns): Map<string, VerbForm> {
  const verbsByPast = new Map<string, VerbForm>();
  for (const { present, ...form } of [...verbs.faultVerbs.conjugated, ...verbs.damageVerbs.conjugated]) {
    for (const key of [form.past, present, form.participle]) if (key) verbsByPast.set(key, form);
  }
  for (const form of verbs.forms) {
    verbsByPast.set(form.past, form);
    if (form.participle) verbsByPast.set(form.participle, form);
  }
  return verbsByPast;
}

type Expander = (pattern: string, id: string) => string;

const placeholder = /(?<!\\[pP])\{([a-zA-Z]\w*)(?::(\w+))?\}/g;

/** The most whitespace-separated words any phrase of the list has. */
function maxWords(phrases: readonly string[]): number {
  return Math.max(1, ...phrases.map((phrase) => phrase.trim().split(/\s+/).length));
}

/** Up to `count` words: any characters but white space, separated by white space. */
function anyWords(count: number): string {
  return count > 1 ? `[^\\s]+(?:\\s+[^\\s]+){0,${count - 1}}` : '[^\\s]+';
}

/**
 * Placeholders as an outline reads them: a person, an object or a verb becomes as many words as its expansion can
 * span, so the outline matches wherever the full expression does without the large word lists and property classes.
 */
function outlineExpander(data: PhrasebookData, verbs: VerbPatterns): Expander {
  const { persons, grammar } = data;
  const roles = persons.roles.flatMap((group) => group.words);
  // "some of the" or "the vendor's", two modifiers, the role, a post-modifier: as in `personPatterns`.
  const roleWords = Math.max(maxWords(persons.determiners.words), 2) + 2 * maxWords(persons.modifiers.words) + maxWords(roles) + maxWords(persons.postModifiers.words);
  const personWords = Math.max(roleWords, maxWords(words(persons.bare)));
  const verbWords = maxWords(grammar.verbs.forms.flatMap((form) => [form.base, form.past, ...(form.participle ? [form.participle] : [])]));
  return (pattern, id) =>
    convertSpaces(pattern).replace(placeholder, (_, name: string, argument: string | undefined) => {
      if (name === 'object') return anyWords(8);
      if (name === 'words' && argument) return anyWords(3);
      if (name === 'verb' || name === 'participle') return anyWords(verbWords);
      if (name === 'possessor') return `(?:${anyWords(personWords)}['’]s?|his|her|my)`;
      if (name === 'person') return anyWords(personWords);
      if (name === 'faultVerb') return verbs.faultVerbs.pattern;
      if (name === 'damageVerb') return verbs.damageVerbs.pattern;
      const fragment = data.fragments[name];
      if (!fragment) throw new Error(`Phrasebook entry ${id}: unknown placeholder {${name}}`);
      return convertSpaces(fragment.pattern);
    });
}

/** Replaces the `{placeholder}`s of an entry's pattern with the expressions they stand for. */
function placeholderExpander(data: PhrasebookData, people: PersonPatterns, verbs: VerbPatterns): Expander {
  const { grammar } = data;
  const boundary = `(?:${alternation(grammar.clauseBoundaries.words)})${wordEnd}`;
  const stop = `(?:${alternation([...grammar.clauseBoundaries.words, ...grammar.prepositions.words])})${wordEnd}`;
  const objectOf = (name: string) => `(?<${name}>(?!${stop})${word}(?:\\s+(?!${boundary})${word}){0,7})`;
  const plainWord = `(?!${stop})[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*`;
  const wordsOf = (name: string) => `(?<${name}>${plainWord}(?:\\s+${plainWord}){0,2})`;
  const { anyRole, bareWords } = people;
  const possessor = `(?:(?:(?<possRole>${anyRole})|(?<possHandle>${handle})|(?<possBare>someone|somebody)|(?<possName>[\\p{L}][\\p{L}-]*))(?:['’]s|(?<=s)['’](?![\\p{L}]))|(?<possPronoun>his|her|my))`;
  // "due to SHE.org": a word before a dot and a letter is a domain, not a person.
  const person = `(?:(?<perRole>${anyRole})|(?<perHandle>${handle})|(?<perBare>${alternation(bareWords)})|(?<perName>[\\p{L}][\\p{L}-]*))(?!\\.\\p{L})`;

  return (pattern, id) =>
    convertSpaces(pattern).replace(placeholder, (_, name: string, argument: string | undefined) => {
      if (name === 'object') return objectOf(argument ?? 'object');
      if (name === 'words' && argument) return wordsOf(argument);
      if (name === 'verb') return verbs.verb;
      if (name === 'participle') return verbs.participle;
      if (name === 'possessor') return possessor;
      if (name === 'person') return person;
      if (name === 'faultVerb') return verbs.faultVerbs.pattern;
      if (name === 'damageVerb') return verbs.damageVerbs.pattern;
      const fragment = data.fragments[name];
      if (!fragment) throw new Error(`Phrasebook entry ${id}: unknown placeholder {${name}}`);
      return convertSpaces(fragment.pattern);
    });
}

function compilePredicates(data: PhrasebookData, { expand, outline }: { expand: Expander; outline: Expander }, verbs: VerbPatterns): CompiledPredicate[] {
  const verbLeads = new Map([
    ['faultVerb', lexiconLeadWords(verbs.faultVerbs)],
    ['damageVerb', lexiconLeadWords(verbs.damageVerbs)],
  ]);
  const auxiliary = `(?:(?:${perfectAuxiliaries.map((word) => word.replace("'", "['’]")).join('|')})\\s+(?:\\p{L}+ly\\s+|already\\s+|just\\s+|also\\s+|now\\s+|again\\s+|once\\s+|twice\\s+)?)?`;
  return data.predicates.map((entry): CompiledPredicate => {
    const templates = data.rewriteTemplates[entry.rewrites];
    if (!templates) throw new Error(`Phrasebook entry ${entry.id}: unknown rewrite templates '${entry.rewrites}'`);
    // "Bob had deployed", "Bob has repeatedly ignored": an auxiliary before the predicate keeps its meaning.
    const outlined = outline(entry.pattern, entry.id);
    const before = entry.subject === 'nobody' || entry.subject === 'gerund' ? '' : auxiliary;
    const source = `${before}(?:${expand(entry.pattern, entry.id)})${wordEnd}`;
    const outlineSource = outlineOf(`${before}(?:${outlined})`);
    const predicate = {
      entry,
      leadWords: leadWordsOf(entry.pattern, verbLeads),
      // Read from the outline's expansion, which keeps every listed word: "{faultVerb}" requires one of its verbs.
      requiredText: requiredTextOf(outlined),
      kind: entry.kind,
      nobody: entry.subject === 'nobody',
      afterFaultAdverb: entry.subject === 'fault-adverb',
      gerund: entry.subject === 'gerund',
      faultIsNothing: /\bnothing\b/.test(entry.pattern),
      needsHumanVerb: entry.weakSubjects === 'human-verb' || entry.weakSubjects === 'always-human-verb',
      strongOnly: entry.weakSubjects === 'none',
      alwaysHumanVerb: entry.weakSubjects === 'always-human-verb',
      requires: entry.requires === undefined ? undefined : compileRegExp(entry.requires, 'iu'),
      templates,
    };
    return withOutline(withExpression(predicate, source, 'dyiu', false), outlineSource, 'yiu');
  });
}

/** The phrasebook as its JSON file reads: the enumerations are plain strings until `readPhrasebookData` checks them. */
export type PhrasebookJson = typeof phrasebookJson;

/** The phrasebook's data with its enumerations checked; a bad value throws, naming the entry and the field. */
export function readPhrasebookData(json: PhrasebookJson): PhrasebookData {
  return {
    ...json,
    persons: {
      ...json.persons,
      bare: json.persons.bare.map((group, index) => ({ ...group, strength: oneOf(strengths, group.strength, `persons.bare[${index}]: strength`) })),
    },
    predicates: json.predicates.map((entry) => ({
      ...entry,
      kind: oneOf(blameKinds, entry.kind, `entry ${entry.id}: kind`),
      subject: oneOf(predicateSubjects, entry.subject, `entry ${entry.id}: subject`),
      weakSubjects: oneOf(weakSubjectRules, entry.weakSubjects, `entry ${entry.id}: weakSubjects`),
    })),
    phrases: json.phrases.map((entry) => ({ ...entry, kind: oneOf(blameKinds, entry.kind, `entry ${entry.id}: kind`) })),
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: string, where: string): T {
  const found = allowed.find((item) => item === value);
  if (found === undefined) throw new Error(`Phrasebook ${where} must be ${allowed.map((item) => `'${item}'`).join(' or ')}, not '${value}'`);
  return found;
}

export const defaultPhrasebookData: PhrasebookData = readPhrasebookData(phrasebookJson);

let compiledDefault: Phrasebook | undefined;

/** The built-in phrasebook, compiled on first use: a run that meets no postmortem never pays for it. */
export function defaultPhrasebook(): Phrasebook {
  compiledDefault ??= createPhrasebook(defaultPhrasebookData);
  return compiledDefault;
}

function cleaned(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((item) => item.trim()).filter((item) => item.length > 0);
}

/** A team's phrase as a pattern: literal text matches with flexible whitespace and both apostrophes. */
export function teamPattern(phrase: { match: string; regex?: boolean }): string {
  return phrase.regex ? phrase.match : literal(phrase.match);
}

/** Merges a team's additions; returns `base` itself when there is nothing to add. */
export function extendPhrasebook(base: Phrasebook, additions: PhrasebookAdditions): Phrasebook {
  const determiners = new RegExp(`^(?:${alternation(base.data.persons.determiners.words)})\\s+`, 'i');
  const roles = cleaned(additions.roles).map((role) => role.replace(determiners, ''));
  const persons = cleaned(additions.persons).map((name) => name.replace(/^@/, ''));
  const allow = cleaned(additions.allow);
  const phrases = (additions.phrases ?? []).filter((phrase) => phrase.match.trim() !== '');
  const tryHarder = (additions.tryHarder ?? []).filter((phrase) => phrase.match.trim() !== '');
  const disabled = new Set(cleaned(additions.disable));
  if (roles.length === 0 && persons.length === 0 && allow.length === 0 && phrases.length === 0 && tryHarder.length === 0 && disabled.size === 0) return base;
  const data = base.data;
  const enabled = <T extends { id: string }>(entries: readonly T[]) => entries.filter((entry) => !disabled.has(entry.id));
  return createPhrasebook({
    ...data,
    persons: {
      ...data.persons,
      roles: roles.length ? [...data.persons.roles, { explanation: 'A role this team named in its configuration.', ambiguous: false, words: roles }] : data.persons.roles,
      names: persons.length ? [...data.persons.names, { explanation: 'People this team named in its configuration.', words: persons }] : data.persons.names,
    },
    predicates: enabled(data.predicates),
    phrases: [
      ...enabled(data.phrases),
      ...phrases.map((phrase, index): PhraseEntry => ({
        id: `team-phrase-${index + 1}`,
        kind: phrase.kind ?? 'blame',
        timeline: true,
        pattern: teamPattern(phrase),
        replacements: [...(phrase.rewrites ?? [])],
        explanation: phrase.explanation,
        team: true,
      })),
    ],
    tryHarder: {
      ...data.tryHarder,
      phrases: [
        ...enabled(data.tryHarder.phrases),
        ...tryHarder.map((phrase, index): TryHarderEntry => ({
          id: `team-try-harder-${index + 1}`,
          pattern: teamPattern(phrase),
          explanation: phrase.explanation,
          suggestion: phrase.suggestion ?? 'change the system instead: a check, an alert, an automation or a guard rail.',
          team: true,
        })),
      ],
    },
    allow: allow.length ? [...data.allow, { explanation: 'Phrases this team chose never to report.', words: allow }] : data.allow,
  });
}

/** Every id a team may list in `disable`. */
export function phrasebookEntryIds(data: PhrasebookData = defaultPhrasebookData): string[] {
  return [...data.predicates, ...data.phrases, ...data.tryHarder.phrases].map((entry) => entry.id);
}

// Compiling a team's phrasebook takes about a millisecond: once per config, not per keystroke; the blame rules share it.
let phrasebooksByConfig = new WeakMap<PhrasebookAdditions, Phrasebook>();

/** The default phrasebook extended by a config's `blame` section, compiled once per config object. */
export function phrasebookFor(blame: PhrasebookAdditions): Phrasebook {
  let phrasebook = phrasebooksByConfig.get(blame);
  if (!phrasebook) {
    phrasebook = extendPhrasebook(defaultPhrasebook(), blame);
    phrasebooksByConfig.set(blame, phrasebook);
  }
  return phrasebook;
}

/**
 * Drops the compiled phrasebooks, so the next use compiles them again. Their large regular expressions
 * keep native code for as long as they live; a server with no document open should not hold it.
 */
export function releasePhrasebooks(): void {
  compiledDefault = undefined;
  phrasebooksByConfig = new WeakMap();
}
