// The blame phrasebook: its data shape, compiling it to regular expressions once, and team additions.
import phrasebookJson from './phrasebook.json';

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
  /** `strong` or `weak`; weak subjects need a clearly human fault. */
  strength: string;
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
  /** `blame` or `hindsight`. */
  kind: string;
  /** `person` (a name, handle, role) or `nobody`. */
  subject: string;
  /** `any`, or `human-verb`: a weak subject counts only with a verb that only people do. */
  weakSubjects: string;
  /** Reported in timeline entries, where people are otherwise fine as actors. */
  timeline: boolean;
  /** Matches right after the subject. */
  pattern: string;
  /** Name of a template set in `rewriteTemplates`. */
  rewrites: string;
  explanation: string;
  message?: string;
}

export interface PhraseEntry {
  id: string;
  kind: string;
  timeline: boolean;
  /** Matched anywhere; a group named `lead` is replaced but not reported. */
  pattern: string;
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

export interface PhrasebookData {
  messages: { blame: string; hindsight: string };
  persons: {
    determiners: WordGroup;
    modifiers: WordGroup;
    postModifiers: WordGroup;
    roles: RoleGroup[];
    bare: BareGroup[];
    nobody: WordGroup;
    /** Names always treated as persons. */
    names: WordGroup[];
    notNames: WordGroup[];
    notNameEndings: WordGroup;
  };
  grammar: {
    subjectOpeners: WordGroup;
    adverbs: WordGroup;
    clauseStarters: WordGroup;
    clauseBoundaries: WordGroup;
    prepositions: WordGroup;
    objectDeterminers: WordGroup;
    pronounObjects: WordGroup;
    verbs: { explanation: string; forms: VerbForm[] };
  };
  fragments: Record<string, Fragment>;
  predicates: PredicateEntry[];
  phrases: PhraseEntry[];
  operations: OperationsEntry[];
  /** Phrases never reported; a match overlapping one is dropped. */
  allow: WordGroup[];
  rewriteTemplates: Record<string, TemplateSet>;
}

export type BlameKind = 'blame' | 'hindsight';
export type Strength = 'strong' | 'weak';

export interface CompiledPredicate {
  entry: PredicateEntry;
  kind: BlameKind;
  nobody: boolean;
  needsHumanVerb: boolean;
  /** Sticky, with indices: run at the position after the subject. */
  regex: RegExp;
  templates: TemplateSet;
}

export interface CompiledPhrase {
  entry: PhraseEntry;
  kind: BlameKind;
  /** Global, with indices. */
  regex: RegExp;
}

export interface CompiledPhrasebook {
  /** Global, case-sensitive: groups `handle`, `role`, `weakRole`, `nobody`, `bare`, `name`. */
  persons: RegExp;
  /** Sticky: an optional appositive and adverbs between a subject and its predicate. */
  between: RegExp;
  predicates: CompiledPredicate[];
  phrases: CompiledPhrase[];
  operations: RegExp[];
  allow: RegExp[];
  bare: Map<string, { strength: Strength; needsAntecedent: boolean }>;
  /** Lower case. */
  names: Set<string>;
  notNames: Set<string>;
  notNameEndings: string[];
  subjectOpeners: Set<string>;
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
export interface PhrasebookAdditions {
  roles?: readonly string[];
  persons?: readonly string[];
  allow?: readonly string[];
}

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

function words(groups: readonly WordGroup[]): string[] {
  return groups.flatMap((group) => group.words);
}

function toKind(value: string, id: string): BlameKind {
  if (value === 'blame' || value === 'hindsight') return value;
  throw new Error(`Phrasebook entry ${id}: kind must be 'blame' or 'hindsight', not '${value}'`);
}

function toStrength(value: string): Strength {
  if (value === 'strong' || value === 'weak') return value;
  throw new Error(`Phrasebook bare persons: strength must be 'strong' or 'weak', not '${value}'`);
}

/** Compiles the data once; detection then only runs the regular expressions. */
export function createPhrasebook(data: PhrasebookData): Phrasebook {
  const { persons, grammar } = data;
  const strongRoles = words(persons.roles.filter((group) => !group.ambiguous));
  const ambiguousRoles = words(persons.roles.filter((group) => group.ambiguous));
  const roleOf = (roles: string[], first: (phrase: string) => string) =>
    `(?:${alternation(persons.determiners.words, first)})\\s+(?:(?:${alternation(persons.modifiers.words)})\\s+)?(?:${alternation(roles, first)})(?:\\s+(?:${alternation(persons.postModifiers.words)}))?`;
  const roleBoundary = '(?![\\p{L}\\p{N}_-])';
  const bareWords = words(persons.bare);

  const personsSource = [
    `(?<handle>(?<![\\p{L}\\p{N}_.@])${handle})`,
    `(?<role>${wordStart}${roleOf(strongRoles, eitherCaseFirst)}${roleBoundary})`,
    ambiguousRoles.length ? `(?<weakRole>${wordStart}${roleOf(ambiguousRoles, eitherCaseFirst)}${roleBoundary})` : '',
    `(?<nobody>(?<![\\p{L}\\p{N}_-])(?:${alternation(persons.nobody.words, eitherCaseFirst)})${roleBoundary})`,
    `(?<bare>(?<![\\p{L}\\p{N}_-])(?:${alternation(bareWords, eitherCaseFirst)})${roleBoundary})`,
    `(?<name>(?<![\\p{L}\\p{N}_@.'’-])\\p{Lu}\\p{Ll}+(?:['’]\\p{Lu}\\p{Ll}+|-\\p{Lu}?\\p{Ll}+)?(?: \\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)?${wordEnd})`,
  ].filter(Boolean);

  const adverbEnd = '(?![\\p{L}\\p{N}_-])';
  const between = `(?:\\s*,[^,;.!?\\n]{1,60},)?(?:\\s+(?:${alternation(grammar.adverbs.words)})${adverbEnd}|\\s+\\p{Ll}+ly${adverbEnd}){0,2}\\s+`;

  const boundary = `(?:${alternation(grammar.clauseBoundaries.words)})${wordEnd}`;
  const stop = `(?:${alternation([...grammar.clauseBoundaries.words, ...grammar.prepositions.words])})${wordEnd}`;
  const objectOf = (name: string) => `(?<${name}>(?!${stop})${word}(?:\\s+(?!${boundary})${word}){0,7})`;
  const plainWord = `(?!${stop})[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*`;
  const wordsOf = (name: string) => `(?<${name}>${plainWord}(?:\\s+${plainWord}){0,2})`;
  const forms = grammar.verbs.forms;
  const phrasal = (list: string[]) => {
    const multi = list.filter((verb) => verb.includes(' '));
    return multi.length ? `(?:${alternation(multi)})(?![\\p{L}-])|` : '';
  };
  const verb = `(?<verb>${phrasal(forms.map((form) => form.base))}[\\p{L}][\\p{L}-]*)`;
  const participle = `(?<verbPast>${phrasal(forms.map((form) => form.participle ?? form.past))}[\\p{L}][\\p{L}-]*)`;
  const anyRole = roleOf([...strongRoles, ...ambiguousRoles], literal);
  const possessor = `(?:(?<possRole>${anyRole})|(?<possHandle>${handle})|(?<possBare>someone|somebody)|(?<possName>[\\p{L}][\\p{L}-]*))['’]s`;
  const person = `(?:(?<perRole>${anyRole})|(?<perHandle>${handle})|(?<perBare>${alternation(bareWords)})|(?<perName>[\\p{L}][\\p{L}-]*))`;

  const expand = (pattern: string, id: string): string =>
    convertSpaces(pattern).replace(/(?<!\\[pP])\{([a-zA-Z]\w*)(?::(\w+))?\}/g, (_, name: string, argument: string | undefined) => {
      if (name === 'object') return objectOf(argument ?? 'object');
      if (name === 'words' && argument) return wordsOf(argument);
      if (name === 'verb') return verb;
      if (name === 'participle') return participle;
      if (name === 'possessor') return possessor;
      if (name === 'person') return person;
      const fragment = data.fragments[name];
      if (!fragment) throw new Error(`Phrasebook entry ${id}: unknown placeholder {${name}}`);
      return convertSpaces(fragment.pattern);
    });

  const predicates = data.predicates.map((entry): CompiledPredicate => {
    const templates = data.rewriteTemplates[entry.rewrites];
    if (!templates) throw new Error(`Phrasebook entry ${entry.id}: unknown rewrite templates '${entry.rewrites}'`);
    return {
      entry,
      kind: toKind(entry.kind, entry.id),
      nobody: entry.subject === 'nobody',
      needsHumanVerb: entry.weakSubjects === 'human-verb',
      regex: new RegExp(`(?:${expand(entry.pattern, entry.id)})${wordEnd}`, 'dyiu'),
      templates,
    };
  });
  const phrases = data.phrases.map(
    (entry): CompiledPhrase => ({
      entry,
      kind: toKind(entry.kind, entry.id),
      regex: new RegExp(`${wordStart}(?:${expand(entry.pattern, entry.id)})${wordEnd}`, 'dgiu'),
    }),
  );
  const operations = data.operations.map((entry) => new RegExp(`${wordStart}(?:${expand(entry.pattern, entry.id)})${wordEnd}`, 'giu'));
  const allow = words(data.allow).map((phrase) => new RegExp(`${wordStart}${literal(phrase)}${wordEnd}`, 'giu'));

  const lower = (list: readonly string[]) => new Set(list.map((item) => item.toLowerCase()));
  const bare = new Map<string, { strength: Strength; needsAntecedent: boolean }>();
  for (const group of persons.bare) {
    for (const bareWord of group.words) bare.set(bareWord.toLowerCase(), { strength: toStrength(group.strength), needsAntecedent: group.needsAntecedent });
  }
  const verbsByPast = new Map<string, VerbForm>();
  for (const form of forms) {
    verbsByPast.set(form.past, form);
    if (form.participle) verbsByPast.set(form.participle, form);
  }

  return {
    data,
    compiled: {
      persons: new RegExp(personsSource.join('|'), 'gu'),
      between: new RegExp(between, 'yu'),
      predicates,
      phrases,
      operations,
      allow,
      bare,
      names: lower(words(persons.names).map((name) => name.replace(/^@/, ''))),
      notNames: lower(words(persons.notNames)),
      notNameEndings: persons.notNameEndings.words,
      subjectOpeners: lower(grammar.subjectOpeners.words),
      clauseStarters: lower(grammar.clauseStarters.words),
      prepositions: lower(grammar.prepositions.words),
      boundaries: lower(grammar.clauseBoundaries.words),
      objectDeterminers: lower(grammar.objectDeterminers.words),
      pronounObjects: lower(grammar.pronounObjects.words),
      verbsByBase: new Map(forms.map((form) => [form.base, form])),
      verbsByPast,
    },
  };
}

export const defaultPhrasebookData: PhrasebookData = phrasebookJson;

export const defaultPhrasebook: Phrasebook = createPhrasebook(defaultPhrasebookData);

function cleaned(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((item) => item.trim()).filter((item) => item.length > 0);
}

/** Merges a team's additions; returns `base` itself when there is nothing to add. */
export function extendPhrasebook(base: Phrasebook, additions: PhrasebookAdditions): Phrasebook {
  const determiners = new RegExp(`^(?:${alternation(base.data.persons.determiners.words)})\\s+`, 'i');
  const roles = cleaned(additions.roles).map((role) => role.replace(determiners, ''));
  const persons = cleaned(additions.persons).map((name) => name.replace(/^@/, ''));
  const allow = cleaned(additions.allow);
  if (roles.length === 0 && persons.length === 0 && allow.length === 0) return base;
  const data = base.data;
  return createPhrasebook({
    ...data,
    persons: {
      ...data.persons,
      roles: roles.length ? [...data.persons.roles, { explanation: 'A role this team named in its configuration.', ambiguous: false, words: roles }] : data.persons.roles,
      names: persons.length ? [...data.persons.names, { explanation: 'People this team named in its configuration.', words: persons }] : data.persons.names,
    },
    allow: allow.length ? [...data.allow, { explanation: 'Phrases this team chose never to report.', words: allow }] : data.allow,
  });
}
