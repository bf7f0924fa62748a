// Finds sentences that make a person the cause (or judge them with hindsight) and rewrites them with the system as subject.
import type { ProseBlock, Span } from '../model';
import { backtickCodeSpans, trailingRunStart } from '../text';
import { nameVerdict } from './names';
import { remember, stringBytes, type AnalysisCache, type CacheTable } from '../cache';
import { maxTeamPatternInput, perfectAuxiliaries } from './phrasebook';
import { hasRequiredText, lowerForRequiredText, type RequiredText } from './required-text';
import { clauseRoles, denial, findClauseBlame, luckyAct, mistakesInGeneral, praise, qualifiesThing, writerHedge, type ClauseRoles } from './clause';
import type { BlameKind, CompiledPhrase, CompiledPhrasebook, CompiledPredicate, Phrasebook, PhrasebookData, Strength, TemplateSet } from './phrasebook';
import { hindsightAsFact, judgedGerundPassive, passiveClause } from './rewrite/passive';
import { withoutAgent, withoutHumanErrorAside } from './rewrite/agent';
import { passesGate } from './rewrite/gate';
import { afterFact, factBefore, reframeFor } from './rewrite/reframe';
import { notKnownYet, omittedForAReason } from './reasons';
import { tagTerms } from './rewrite/tagged';
import { defineLazy, once } from '../lazy';

export interface BlameContext {
  /** Names the document uses for people (owners, timeline actors) plus configured persons. */
  people: readonly string[];
  /** Names the document introduces as software ("Atlas is our deployment service"); see `systemNames`. */
  systems?: readonly string[];
  phrasebook: Phrasebook;
  /** Keeps the name tagger's answers between analyses; see `nameVerdict`. */
  cache?: AnalysisCache;
}

export interface Rewrite {
  title: string;
  /** The whole sentence as rewritten. */
  newText: string;
  /** The smallest edit that makes it, in document offsets: only the blaming words and the markup they cut. */
  edit: { span: Span; newText: string; snippet?: string };
}

export interface BlameMatch {
  /** The words that blame, as document offsets. */
  span: Span;
  /** The sentence containing it; rewrites replace exactly this span. */
  sentence: Span;
  kind: BlameKind;
  message: string;
  explanation: string;
  /**
   * One to three rewrites that passed the quality gate, or else one guided reframe (an edit with a snippet).
   * Built on first read: building and judging them costs more than finding the blame, and only a request for fixes needs them.
   */
  readonly rewrites: Rewrite[];
  /** The person the sentence makes the agent, in document offsets, when the detector read one. */
  person?: Span;
  /** The fault predicate or hindsight words, in document offsets, when the detector read them. */
  predicate?: Span;
  /** How many rewrites were built and turned away by the gate; the evaluation reports it. Built with `rewrites`. */
  readonly rewritesTurnedAway: number;
}

/** A sentence of a block: offsets into `block.text`, trimmed. */
interface Sentence {
  start: number;
  end: number;
  /** Masked text, code spans filled with letters so they read as one word. */
  text: string;
  /** The same range of the source, markup included; rewrites are cut from it. */
  source: string;
}

/** Replaces `from`..`to` of the sentence (sentence offsets) with `text`. */
interface Replacement {
  from: number;
  to: number;
  text: string;
  /** The person and the words that blame them, which the rewrite may drop; the candidate's words when absent. */
  blamed?: Span;
  /** `blamed` is the subject alone: every word of it may go and none may come back. */
  subject?: boolean;
  /** Offered only when no rewrite before it passed ("by accident" for "by mistake", a template after the passive). */
  alternative?: boolean;
}

interface Mention {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  kind: 'handle' | 'role' | 'bare' | 'nobody' | 'name';
  strength: Strength;
  needsAntecedent: boolean;
  /** A capitalised word that reads like a plural or a process noun ("Lars", "Alerts"): a person only if the tagger says so. */
  unlikelyName?: boolean;
}

/** A match before filtering, with offsets into its sentence. */
interface Candidate {
  start: number;
  end: number;
  /** Where the blaming words begin after the subject; operations vocabulary covering it cancels the match. */
  trigger: number;
  /** End of everything the match consumed, for allowed phrases. */
  consumed: number;
  kind: BlameKind;
  /** The phrasebook entry that matched, or `clause` for a blame read from the clause's shape. */
  entry: string;
  message: string | undefined;
  explanation: string;
  /** Built only when the match's rewrites are asked for. */
  rewrites: () => Replacement[];
  /** Used when every rewrite would still read as blame: the whole clause in systems language. */
  fallback?: () => Replacement | undefined;
  /** The capitalised name a phrase blames, if any. */
  name?: string;
  /** Sentence offsets of the agent and the predicate, when read from the clause. */
  person?: Span;
  predicate?: Span;
  /** A phrase from the team's config: its rewrites are the team's own wording. */
  team?: boolean;
  /** The writers judge themselves; hindsight then says so. */
  ownConduct?: boolean;
}

const maxRewrites = 3;

/** A relative clause longer than this is not read through for its main verb. */
const maxRelativeWords = 12;

/** Abbreviations whose period does not end a sentence. */
const abbreviations = new Set(['e.g', 'i.e', 'vs', 'cf', 'approx', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'ste', 'mt', 'no', 'fig', 'incl', 'al', 'ca', 'esp', 'resp']);

/** Tokens a timeline entry starts with: times, dates, zones, months, weekdays, table bars. */
// Capitalised abbreviations only, unlike the calendar-names patterns: lower-case 'may', 'sun' or 'wed' in a sentence is a word.
const timestampToken = /^(?:[\d:./+\-–—TZ]+|[AaPp]\.?[Mm]\.?|UTC|GMT|[A-Z]{2,4}T|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\||~)[,:]?$/;

/**
 * Quoted text is reported speech or a label, not the author's claim; in hard-wrapped prose a double-quoted passage may
 * run over line breaks: one for straight quotes, which are easily left unpaired, a few for curly ones, which open and close apart.
 * Words quoted after a colon ("From a reader: “We didn't ...") are quoted to the end when the closing mark is cut off.
 */
const quotePatterns = [/"[^"\n]*(?:\n[^"\n]+)?"/g, /“[^”\n]*(?:\n[^”\n]+){0,3}”/g, /(?<=:[ \t]*)“[^”]*$/g, /‘[^’\n]*’(?!\p{L})/gu, /(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu];

const quantifiers = new Set(['all', 'both', 'some', 'every', 'each', 'any', 'no', 'several', 'many', 'few', 'most']);

/**
 * `source` is the block's source text (`block.text` before masking); rewrites keep its markup.
 * Finding the candidates and judging their rewrites are two steps: a rewrite that would still read as blame
 * (a second blaming verb in the same sentence) is dropped.
 */
export function findBlame(block: ProseBlock, context: BlameContext, source: string = block.text): BlameMatch[] {
  const messages = context.phrasebook.data.messages;
  return findCandidates(block, context, source).flatMap(({ sentence, candidates }) =>
    candidates.map((candidate) => {
      const judged = once(() => judgedRewrites(candidate, sentence, block, context));
      const match = defineLazy(toMatch(candidate, sentence, block, messages), 'rewrites', () => judged().rewrites);
      return defineLazy(match, 'rewritesTurnedAway', () => judged().turnedAway);
    }),
  );
}

/** What the detector read in one sentence, kept or not: the cues a learned scorer weighs. */
export interface SentenceTrace {
  /** Offsets of the sentence in the block's text. */
  start: number;
  end: number;
  /** The sentence's masked text. */
  text: string;
  /** Why the whole sentence was passed over before any matching (a question, a denial, a quote, ...). */
  skippedAs?: SentenceSkip;
  /** The persons found, with the word itself for pronouns and other bare words ("we", "someone"). */
  mentions: { kind: Mention['kind']; strength: Strength; word?: string }[];
  /** Every match before filtering, with the check that removed it, if one did. */
  candidates: { entry: string; kind: BlameKind; suppressedBy?: Suppression }[];
  /** The kind of the clause reading, when the phrasebook found nothing and the clause did. */
  clause?: BlameKind;
}

/** What the detector read in each sentence of the block; `findBlame` reports the same sentences' kept matches. */
export function traceBlame(block: ProseBlock, context: BlameContext, source: string = block.text): SentenceTrace[] {
  const traces: SentenceTrace[] = [];
  findCandidates(block, context, source, (trace) => traces.push(trace));
  return traces;
}

type SentenceSkip = 'question' | 'denial' | 'praise' | 'mistakes-in-general' | 'quoted-line' | 'to-do';

/** "Should I have been more careful?", "Why didn't we do it sooner?", "Who in their right mind ...?": a question that only judges, asking nothing. */
const rhetoricalJudgement = /^\W*(?:who\s+in\s+(?:their|his|her|your)\s+right\s+mind\b|(?:could|should)\s+(?:I|we)\s+have\s+been\s+(?:more|less)\s+\p{L}+|how\s+(?:did|could)\s+(?:I|we)\s+(?:allow|let)\s+(?:this|that|it)\s+(?:to\s+)?happen|why\s+(?:didn['’]t|did\s+not|hadn['’]t|had\s+not)\s+(?:I|we)\s+[^?]{1,80}?\b(?:earlier|sooner|in\s+the\s+first\s+place)\s*\?)/iu;

/** A question asks what happened; it accuses no one, unless it only judges ourselves. Denials and praise exonerate; quoted lines and chat logs are others' words. */
function sentenceSkip(sentence: Sentence, source: string): SentenceSkip | undefined {
  // "(from the web UI!?)": an aside in parentheses at the end asks nothing of the sentence.
  const main = sentence.text.replace(/\s*\([^()]*\)[.!]?\s*$/, '');
  if (/\?["'”’)\]*_]*\s*$/.test(main) && !rhetoricalJudgement.test(sentence.text)) return 'question';
  if (denial.test(sentence.text)) return 'denial';
  if (praise.test(sentence.text)) return 'praise';
  if (mistakesInGeneral.test(sentence.text)) return 'mistakes-in-general';
  if (isQuotedLine(source, sentence.start)) return 'quoted-line';
  return toDoNote.test(sentence.text) ? 'to-do' : undefined;
}

/** The blaming words of each sentence, before their rewrites are judged; `observe` is told what was read in each sentence. */
function findCandidates(block: ProseBlock, context: BlameContext, source: string, observe?: (trace: SentenceTrace) => void): { sentence: Sentence; candidates: Candidate[] }[] {
  const compiled = context.phrasebook.compiled;
  const systems = new Set((context.systems ?? []).map((name) => name.toLowerCase()));
  const strongNames = strongNamesOf(context.people, compiled);
  for (const name of systems) strongNames.delete(name);
  const text = forMatching(withCodeWords(block.text, source));
  const quotes = quotedRanges(text);
  const found: { sentence: Sentence; candidates: Candidate[] }[] = [];
  let personSeen = false;
  for (const sentence of splitSentences(text, source, compiled)) {
    const skippedAs = sentenceSkip(sentence, source);
    if (skippedAs) {
      observe?.({ start: sentence.start, end: sentence.end, text: sentence.text, skippedAs, mentions: [], candidates: [] });
      continue;
    }
    const candidates: Candidate[] = [];
    const lowerText = lowerForRequiredText(sentence.text);
    // Each mention tries the predicates again: whether the sentence holds an entry's words is decided once.
    const heldRequiredText = new Map<RequiredText, boolean>();
    const holds = (required: RequiredText) => heldRequiredText.get(required) ?? heldRequiredText.set(required, hasRequiredText(lowerText, required)).get(required) === true;
    const hedges = execAll(writerHedge, sentence.text).map((hedge) => ({ start: hedge.index, end: hedge.index + hedge[0].length }));
    const mentions = findMentions(sentence.text, compiled, strongNames).filter(
      (mention) => (mention.kind !== 'name' || !systems.has(sentence.text.slice(mention.start, mention.end).split(' ')[0].toLowerCase())) && !hedges.some((hedge) => mention.start >= hedge.start && mention.start < hedge.end),
    );
    for (let index = 0; index < mentions.length; index++) {
      const mention = mentions[index];
      if (mention.needsAntecedent && !personSeen) continue;
      const subjectStart = coordinationStart(sentence.text, mentions, index);
      const atSubject = mention.kind === 'nobody' || atSubjectPosition(sentence.text.slice(0, subjectStart), compiled);
      // Away from a subject position only a gerund can make the person the actor ("caused by Bob forgetting to ...").
      const candidate = matchSubject({ sentence, mention, subjectStart: atSubject ? subjectStart : mention.start, where: block.where, compiled, gerundsOnly: !atSubject, cache: context.cache, holds });
      if (candidate) candidates.push(candidate);
      if (mention.kind !== 'nobody' && !mention.needsAntecedent && !mention.unlikelyName && (mention.strength === 'strong' || atSubject)) personSeen = true;
    }
    const prefiltered = new Map<RegExp, boolean>();
    const passes = (requires: RegExp) => prefiltered.get(requires) ?? prefiltered.set(requires, requires.test(sentence.text)).get(requires);
    for (const phrase of compiled.phrases) {
      if (block.where === 'timeline' && !phrase.entry.timeline) continue;
      if (phrase.entry.team && sentence.text.length > maxTeamPatternInput) continue;
      // The hand-written prefilters are shared and tested once a sentence, so they go before the longer word lists.
      if (!phrase.requires.every(passes) || !holds(phrase.requiredText) || (phrase.outline && !phrase.outline.test(sentence.text))) continue;
      candidates.push(...matchPhrase(sentence, phrase, compiled, strongNames, context.cache).filter((candidate) => !candidate.name || !systems.has(candidate.name.toLowerCase())));
    }
    const suppression = suppressionCheck(sentence, quotes, compiled);
    const kept = keepOutermost(candidates.filter((candidate) => suppression(candidate) === undefined));
    const clause = kept.length === 0 && candidates.length === 0 ? clauseCandidate(sentence, block.where, compiled, { strongNames, systems, personSeen }, context.cache) : undefined;
    found.push({ sentence, candidates: clause ? [clause].filter((candidate) => suppression(candidate) === undefined) : kept });
    observe?.({
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      mentions: mentions.map((mention) => ({ kind: mention.kind, strength: mention.strength, ...(mention.kind === 'bare' ? { word: sentence.text.slice(mention.start, mention.end).toLowerCase() } : {}) })),
      candidates: [...candidates, ...(clause ? [clause] : [])].map((candidate) => ({ entry: candidate.entry, kind: candidate.kind, suppressedBy: suppression(candidate) })),
      ...(clause ? { clause: clause.kind } : {}),
    });
  }
  return found;
}

/** What the phrasebook did not find, read from the clause: a person with a fault predicate, hindsight, "we" judging ourselves. */
function clauseCandidate(sentence: Sentence, where: ProseBlock['where'], compiled: CompiledPhrasebook, known: { strongNames: Set<string>; systems: Set<string>; personSeen: boolean }, cache: AnalysisCache | undefined): Candidate | undefined {
  const { strongNames, systems } = known;
  if (where === 'action-item' || where === 'heading') return undefined;
  const isPersonName = (name: string) => {
    const lower = name.toLowerCase();
    if (systems.has(lower) || systems.has(lower.split(' ')[0])) return false;
    return strongNames.has(lower) || strongNames.has(lower.split(' ')[0]) || nameVerdict(sentence.text, name, cache) === 'person';
  };
  const enabled = enabledEntries(compiled);
  const found = findClauseBlame(sentence.text, { inTimeline: where === 'timeline', isPersonName, isKnownPerson: (word) => strongNames.has(word.toLowerCase()) && !systems.has(word.toLowerCase()), theyIsPerson: known.personSeen, isEnabled: (entry) => enabled.has(entry), roles: rolesForClauses(compiled) });
  if (!found) return undefined;
  // With no one named ("was restarted by mistake"), a synonym for the slip would change nothing: the questions are offered instead.
  // The writers judging themselves ("We did not enable the backups") name themselves as the subject: the passive may drop them.
  const writers = found.person === undefined && found.ownConduct ? /^(?:we|I)\b/i.exec(sentence.text.slice(found.span.start)) : null;
  const subject = found.person ?? (writers ? { start: found.span.start, end: found.span.start + writers[0].length } : undefined);
  const rewrites = () => (subject ? clauseRewrites(sentence, subject, compiled, cache) : []);
  return { ...found.span, trigger: found.predicate.start, consumed: found.span.end, kind: found.kind, entry: 'clause', message: undefined, explanation: found.explanation, rewrites, person: found.person, predicate: found.predicate, ownConduct: found.ownConduct };
}

/** The clause the person is the subject of, in the passive without them ("An engineer ran the wrong command" -> "The wrong command was run"). */
function clauseRewrites(sentence: Sentence, person: Span, compiled: CompiledPhrasebook, cache: AnalysisCache | undefined): Replacement[] {
  // "10 employees had not followed ...": a passive would leave the count behind ("10 the procedure ...") or drop a fact, so the questions are offered.
  const subject = withVagueQuantifier(sentence.text, person);
  if (quantifierBefore.test(sentence.text.slice(0, subject.start))) return [];
  if (!/^(?:we|I)$/i.test(sentence.text.slice(person.start, person.end)) && !atSubjectPosition(sentence.text.slice(0, subject.start), compiled)) return [];
  return passiveRewrites(sentence, person, compiled, isSentenceStart(sentence.text.slice(0, person.start)), cache);
}

/** "some contractors": "some" tells no fact the passive would lose, so it goes with the person. */
function withVagueQuantifier(text: string, person: Span): Span {
  const some = /(?<![\p{L}\p{N}])some\s+$/iu.exec(text.slice(0, person.start));
  return some ? { start: some.index, end: person.end } : person;
}

const quantifierBefore = /(?<![\p{L}\p{N}])(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|some|all|both|a\s+few|few)\s+$/iu;

/** The passive in the writer's own words, then with "mistakenly" said as "accidentally" for when the first still reads as someone's error. */
function passiveRewrites(sentence: Sentence, person: Span, compiled: CompiledPhrasebook, atStart: boolean, cache: AnalysisCache | undefined): Replacement[] {
  const subject = withVagueQuantifier(sentence.text, person);
  return [false, true].flatMap((plainSlip) => {
    const passive = passiveClause({ text: sentence.text, subjectStart: subject.start, subjectEnd: subject.end, faultAdverbs: compiled.faultAdverbs, sourceOf: (from, to) => sourceText(sentence, from, to), plainSlip, cache });
    return passive ? [{ ...replacement(sentence, passive.from, passive.to, passive.text, atStart || subject.start === 0), blamed: subject, subject: true, alternative: plainSlip }] : [];
  });
}

const enabledByPhrasebook = new WeakMap<CompiledPhrasebook, Set<string>>();

/** The ids of the phrasebook's predicates and phrases, once per compiled phrasebook. */
function enabledEntries(compiled: CompiledPhrasebook): Set<string> {
  let ids = enabledByPhrasebook.get(compiled);
  if (!ids) {
    ids = new Set([...compiled.predicates, ...compiled.phrases].map((entry) => entry.entry.id));
    enabledByPhrasebook.set(compiled, ids);
  }
  return ids;
}

const clauseRolesByPhrasebook = new WeakMap<CompiledPhrasebook, ClauseRoles>();

/** The lexicon's roles as the clause reads them, compiled once per compiled phrasebook. */
function rolesForClauses(compiled: CompiledPhrasebook): ClauseRoles {
  let roles = clauseRolesByPhrasebook.get(compiled);
  if (!roles) {
    roles = clauseRoles(compiled.roles);
    clauseRolesByPhrasebook.set(compiled, roles);
  }
  return roles;
}

/** Names the texts introduce as software ("Atlas is our internal deployment service"). */
export function systemNames(texts: readonly string[], phrasebook: Phrasebook, cache?: AnalysisCache): string[] {
  const known = cache?.table(systemNamesByText, phrasebook);
  const names = new Set<string>();
  for (const text of texts) {
    const found = remember(known, text, () => execAll(phrasebook.compiled.systemIntroductions, text).flatMap((match) => (match.groups?.name ? [match.groups.name] : [])));
    for (const name of found) names.add(name);
  }
  return [...names];
}

// Every check reads every block; an edit changes few, so the names each block introduces are kept by its text.
const systemNamesByText: CacheTable<string[]> = { maxBytes: 1024 * 1024, sizeOf: (text, names) => stringBytes(text) + names.reduce((sum, name) => sum + stringBytes(name), 0) };

/** Configured persons always count; document people count unless they are system words ("Platform"). */
function strongNamesOf(people: readonly string[], compiled: CompiledPhrasebook): Set<string> {
  const names = new Set<string>();
  const add = (name: string, force: boolean) => {
    const lower = name.replace(/^@/, '').trim().toLowerCase();
    for (const candidate of [lower, lower.split(/\s+/)[0]]) {
      if (candidate.length > 1 && (force || !compiled.notNames.has(candidate))) names.add(candidate);
    }
  };
  for (const name of compiled.names) add(name, true);
  for (const name of people) add(name, false);
  return names;
}

/** Inline code is masked; filling it with letters lets a rewrite carry it as an object ("update `app.yaml`"). */
function withCodeWords(masked: string, source: string): string {
  if (masked.length !== source.length || !source.includes('`')) return masked;
  let text = '';
  let cursor = 0;
  for (const { start, end } of backtickCodeSpans(source)) {
    if (masked.slice(start, end).trim() !== '') continue;
    text += masked.slice(cursor, start) + 'x'.repeat(end - start);
    cursor = end;
  }
  return text + masked.slice(cursor);
}

function splitSentences(text: string, source: string, compiled: CompiledPhrasebook): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  // Where the previous sentence ended: masked markup between it and `start` may belong to the next one.
  let floor = 0;
  const push = (end: number, max = end) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to === from) return;
    // "**Bob** forgot ...": the sentence takes in markup around it that it would otherwise cut in half.
    const range = balancedRange(text, source, from, to, floor, max) ?? { from, to };
    floor = range.to;
    sentences.push({ start: range.from, end: range.to, text: text.slice(range.from, range.to), source: source.slice(range.from, range.to) });
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      if (breaksAtLine(text, start, i, compiled)) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let after = i + 1;
    while (after < text.length && /[.!?"'”’)\]]/.test(text[after])) after++;
    let next = after;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    if (next === after || next >= text.length || text[next] === '\n') continue;
    if (!/[\p{Lu}\d@"“'‘([]/u.test(text[next])) continue;
    if (char === '.' && isAbbreviation(text, i)) continue;
    if (insideParentheses(text, start, i)) continue;
    push(after, next);
    start = next;
    i = next - 1;
  }
  push(text.length);
  return sentences;
}

/** "(and I believed it was. I wrote the procedure)": sentences inside a parenthesis that closes on the same line belong to the sentence around it. */
function insideParentheses(text: string, start: number, at: number): boolean {
  let depth = 0;
  for (let i = start; i < at; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
  if (depth <= 0) return false;
  const lineEnd = text.indexOf('\n', at);
  return text.slice(at, lineEnd === -1 ? text.length : lineEnd).includes(')');
}

/** A line break splits where a line clearly ends, an entry starts, or a capitalised line follows a line that does not end mid-clause. */
function breaksAtLine(text: string, start: number, newline: number, compiled: CompiledPhrasebook): boolean {
  const lineStart = Math.max(start, text.lastIndexOf('\n', newline - 1) + 1);
  const previous = text.slice(lineStart, newline).trim();
  const nextEnd = text.indexOf('\n', newline + 1);
  const next = text.slice(newline + 1, nextEnd === -1 ? text.length : nextEnd).trim();
  if (previous === '' || next === '' || /[.!?:;]["'”’)]*$/.test(previous) || /^(?:\d|[-*+|>]\s)/.test(next)) return true;
  const lastWord = trailingWord(previous);
  const midClause = lastWord === undefined || [compiled.subjectOpeners, compiled.prepositions, compiled.objectDeterminers].some((set) => set.has(lastWord));
  return /^[\p{Lu}@]/u.test(next) && !midClause;
}

/** The letters that end a line. */
function trailingWord(line: string): string | undefined {
  const start = trailingRunStart(line, /\p{L}/u);
  return start === line.length ? undefined : line.slice(start).toLowerCase();
}

function isAbbreviation(text: string, period: number): boolean {
  const token = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, period - 12), period))?.[0].replace(/^\.+/, '') ?? '';
  // "all of n.w. Ohio": letters with periods between them are an abbreviation, not a sentence end; a time ("at 9 a.m. The site ...") may end one.
  return abbreviations.has(token.toLowerCase()) || /^\p{Lu}$/u.test(token) || (/^(?:\p{L}\.)+\p{L}$/u.test(token) && !/^[ap]\.m$/i.test(token));
}

function quotedRanges(text: string): Span[] {
  const ranges: Span[] = [];
  for (const pattern of quotePatterns) {
    for (const match of execAll(pattern, text)) ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}

function findMentions(text: string, compiled: CompiledPhrasebook, strongNames: Set<string>): Mention[] {
  const mentions: Mention[] = [];
  const persons = compiled.persons;
  persons.lastIndex = 0;
  for (let match = persons.exec(text); match; match = persons.exec(text)) {
    const groups = match.groups ?? {};
    const start = match.index;
    const mention = (kind: Mention['kind'], strength: Strength, length: number, needsAntecedent = false): Mention => ({
      start,
      end: start + length,
      kind,
      strength,
      needsAntecedent,
    });
    if (groups.handle) mentions.push(mention('handle', 'strong', groups.handle.length));
    else if (groups.role || groups.weakRole) {
      const role = groups.role ?? groups.weakRole;
      // "that blaming an intern": a verb between two determiners; the noun phrase starts at the second one.
      const inner = /^\S+\s+\p{L}+ing\s+(?=(?:a|an|the)\s)/iu.exec(role)?.[0].length ?? 0;
      if (!isSoftwareRole(role, compiled) && !qualifiesThing(text.slice(start + role.length))) mentions.push({ ...mention('role', groups.role ? 'strong' : 'weak', role.length), start: start + inner });
    }
    else if (groups.nobody) mentions.push(mention('nobody', 'strong', groups.nobody.length));
    else if (groups.bare) {
      const bare = compiled.bare.get(groups.bare.toLowerCase());
      if (bare) mentions.push(mention('bare', bare.strength, groups.bare.length, bare.needsAntecedent));
    } else if (groups.name) {
      const resolved = resolveName(groups.name, compiled, strongNames);
      if (resolved) mentions.push({ ...mention('name', resolved.strength, resolved.length), unlikelyName: resolved.unlikely });
      // "After Jorge": the capitalised opener is no name, but the word after it may be.
      else if (groups.name.includes(' ')) persons.lastIndex = start + groups.name.indexOf(' ') + 1;
    }
  }
  return mentions;
}

/** "the certificate manager": a role word that a system noun before it turns into software. */
function isSoftwareRole(role: string, compiled: CompiledPhrasebook): boolean {
  const words = squash(role).toLowerCase();
  for (const name of compiled.softwareRoles) if (words.endsWith(name) && (words.length === name.length || words[words.length - name.length - 1] === ' ')) return true;
  return false;
}

/** A capitalised word (and surname) as a person: known names are strong, other name-like words weak. */
function resolveName(text: string, compiled: CompiledPhrasebook, strongNames: Set<string>): { strength: Strength; length: number; unlikely: boolean } | undefined {
  const [first, second] = text.split(' ');
  const length = second !== undefined && isNameLike(second, compiled) ? text.length : first.length;
  if (strongNames.has(text.toLowerCase()) || strongNames.has(first.toLowerCase())) return { strength: 'strong', length, unlikely: false };
  if (compiled.notNames.has(first.toLowerCase())) return undefined;
  return { strength: 'weak', length, unlikely: !isNameLike(first, compiled) };
}

function isNameLike(word: string, compiled: CompiledPhrasebook): boolean {
  const lower = word.toLowerCase();
  if (compiled.notNames.has(lower)) return false;
  return !compiled.notNameEndings.some((ending) => lower.length > ending.length + 1 && lower.endsWith(ending));
}

/** "Alice and Bob forgot": the subject starts at the first of the coordinated persons. */
function coordinationStart(text: string, mentions: Mention[], index: number): number {
  let first = index;
  while (first > 0) {
    const previous = mentions[first - 1];
    const gap = text.slice(previous.end, mentions[first].start);
    if (previous.kind === 'nobody' || previous.unlikelyName || !/^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)$/.test(gap)) break;
    first--;
  }
  return mentions[first].start;
}

const reportingVerb = /(?:^|\s)(?:says?|said|saying|see|saw|notic(?:e|ed)|discover(?:s|ed)?|learn(?:ed|t)|reali[sz](?:e|es|ed)|know|knew|understand|understood|agree|agreed|recogni[sz](?:e|es|ed)|accept|accepted|reports?|reported|found|finds|concluded|concludes|admit(?:s|ted)|claim(?:s|ed)?|reveal(?:s|ed)|confirm(?:s|ed)|alleg(?:es|ed)|insist(?:s|ed)|stat(?:es|ed)|explain(?:s|ed)|determin(?:es|ed)|show(?:s|ed)|indicat(?:es|ed)|acknowledg(?:es|ed))$/i;

function atSubjectPosition(before: string, compiled: CompiledPhrasebook): boolean {
  const text = before.trimEnd();
  if (text === '') return true;
  if (/[,;:(–—]$/.test(text) || /\s-$/.test(text)) return true;
  // A cleft ("It was Ama who turned off the alert") puts the subject after the verb.
  if (/(?:^|\s)(?:it|that|this)\s+(?:was|is|'s|’s)$/i.test(text)) return true;
  // Reported or seen words start a clause of their own ("the report says the engineer was to blame", "to see he had unplugged it").
  if (reportingVerb.test(text)) return true;
  // "At 14:05 Bob ...", "at 3 am Bob ...".
  if (/\d{1,2}(?::\d{2})?\s*(?:UTC|GMT|[AaPp]\.?[Mm]\.?|[A-Z]{2,4}T)?$/.test(text)) return true;
  // "Last month we ...", "A couple of weeks ago I ...", "Tonight we ...": a time before the subject.
  if (/(?:^|[\s,])(?:(?:last|this|that|next)\s+(?:week|month|year|quarter|night|weekend)|tonight|ago)$/i.test(text)) return true;
  const last = text.slice(trailingRunStart(text, /\p{L}/u));
  if (last !== '' && compiled.subjectOpeners.has(last.toLowerCase())) return true;
  return isTimestampPrefix(text);
}

/** Not the timeline's leadingStamp: whether the words before a name are nothing but a stamp, token by token, with no date read. */
function isTimestampPrefix(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return /\d/.test(text) && tokens.every((token) => timestampToken.test(token));
}

/** A person mentioned in a sentence, and where to look for what the sentence says they did. */
interface SubjectSearch {
  sentence: Sentence;
  mention: Mention;
  /** Where the reported words start: the first of coordinated persons, or the mention itself. */
  subjectStart: number;
  where: ProseBlock['where'];
  compiled: CompiledPhrasebook;
  /** Away from a subject position only a gerund can make the person the actor. */
  gerundsOnly: boolean;
  /** Keeps the name tagger's answers between analyses. */
  cache: AnalysisCache | undefined;
  /** Whether the sentence holds the words an entry requires, decided once a sentence. */
  holds: (required: RequiredText) => boolean;
}

/** A predicate's expression that matched after a subject. */
interface PredicateMatch {
  predicate: CompiledPredicate;
  match: RegExpExecArray;
  /** End of everything the expression consumed, in sentence offsets. */
  consumed: number;
}

/** An unknown capitalised word is asked about only once its sentence reads as blame: a person counts in full, a system not at all. */
function matchSubject(search: SubjectSearch): Candidate | undefined {
  const { sentence, mention } = search;
  if (mention.kind !== 'name' || mention.strength === 'strong') return matchPredicate(search);
  if (isImperative(sentence.text, mention)) return undefined;
  const asPerson = matchPredicate({ ...search, mention: { ...mention, strength: 'strong' } });
  if (!asPerson) return undefined;
  const verdict = nameVerdict(sentence.text, sentence.text.slice(mention.start, mention.end), search.cache);
  if (verdict === 'person') return asPerson;
  return verdict === 'system' || mention.unlikelyName ? undefined : matchPredicate(search);
}

/** "Kim accidentally deleted", "Kim incorrectly answered": after a person, both kinds of fault adverb mark a slip. */
function isFaultAdverb(word: string, compiled: CompiledPhrasebook): boolean {
  const lower = word.toLowerCase();
  return compiled.faultAdverbs.has(lower) || compiled.subjectFaultAdverbs.has(lower);
}

function matchPredicate(search: SubjectSearch): Candidate | undefined {
  const { sentence, mention, subjectStart, where, compiled, gerundsOnly } = search;
  const text = sentence.text;
  for (const at of predicateStarts(text, mention, compiled)) {
    // Read only for the few predicates that follow a fault adverb ("accidentally deleted").
    const faultAdverb = once(() => [...text.slice(mention.end, at).matchAll(/\p{L}+/gu)].some(([word]) => isFaultAdverb(word, compiled)));
    const leads = leadWordsAt(text, at);
    for (const predicate of compiled.predicates) {
      if (predicate.leadWords && !holdsAny(predicate.leadWords, leads)) continue;
      if (predicate.nobody !== (mention.kind === 'nobody') || (gerundsOnly && !predicate.gerund) || (predicate.strongOnly && mention.strength === 'weak')) continue;
      if (predicate.afterFaultAdverb && !faultAdverb()) continue;
      if (where === 'timeline' && !predicate.entry.timeline) continue;
      if (!search.holds(predicate.requiredText) || (predicate.requires && !predicate.requires.test(text))) continue;
      if (predicate.outline && !matchesAt(predicate.outline, text, at)) continue;
      predicate.regex.lastIndex = at;
      const match = predicate.regex.exec(text);
      if (!match) continue;
      const verb = match.groups?.verb;
      const verbPast = match.groups?.verbPast;
      const form = verb !== undefined ? compiled.verbsByBase.get(squash(verb).toLowerCase()) : verbPast !== undefined ? compiled.verbsByPast.get(squash(verbPast).toLowerCase()) : undefined;
      const humanVerb = form?.human === true;
      // A capitalised word the tagger does not know may be a person ("Priya failed to run ...") unless the verb is what software does.
      const verbText = squash(verb ?? verbPast ?? '').toLowerCase();
      const personLike = mention.kind === 'name' && !compiled.systemVerbs.has(form?.base ?? verbText);
      if (predicate.alwaysHumanVerb && !humanVerb) continue;
      if (mention.strength === 'weak' && predicate.needsHumanVerb && !humanVerb && !personLike) continue;
      // "Throw errors instead of ...": after a word that may be no name at all, the word read as its verb must be one.
      if (mention.kind === 'name' && mention.strength === 'weak' && verbPast !== undefined && form === undefined && !isVerbWord(text, verbText, search.cache)) continue;
      // "We need to test the pages instead of ...", "we should check ...": a need or a proposal, not an act done.
      if (verbPast !== undefined && modalOrNeed.test(verbText)) continue;
      const consumed = match.index + match[0].length;
      // "Hermes fat-fingered nothing": a fault with no object is a denial, unless doing nothing is the fault ("did nothing").
      if (!predicate.faultIsNothing && (/^\s+(?:nothing|none)(?![\p{L}])/iu.test(text.slice(at).replace(/^\S+/, '')) || /(?:^|\s)(?:nothing|none)$/i.test(match[0]))) continue;
      const ownConduct = /^(?:we|I)$/i.test(text.slice(mention.start, mention.end));
      return {
        start: subjectStart,
        end: triggerEnd(text, match, consumed),
        // Operations vocabulary ("ran the script") does not excuse what a marker or a fault adverb says about it.
        trigger: match.indices?.groups?.marker?.[0] ?? (predicate.afterFaultAdverb ? mention.end : at),
        consumed,
        // "We did not test the restore": judging ourselves is info, like hindsight; blaming another person is a warning.
        kind: ownConduct ? 'hindsight' : predicate.kind,
        ownConduct,
        entry: predicate.entry.id,
        message: predicate.entry.message,
        explanation: predicate.entry.explanation,
        rewrites: () => predicateRewrites(search, { predicate, match, consumed }),
        fallback: () => clauseFallback(sentence, subjectStart, consumed, predicate.templates),
      };
    }
  }
  return undefined;
}

/** Words that stand where a predicate's verb would, but say what is needed or may be: no act was done. */
const modalOrNeed = /^(?:need|needs|should|must|will|would|can|could|may|might|shall|want|wants|ought|have|has)$/;

/** "deleted", or a verb the tagger knows in the sentence ("left", "scales" in a timeline); "exceptions" is none. */
function isVerbWord(sentence: string, word: string, cache: AnalysisCache | undefined): boolean {
  return /ed$/i.test(word) || tagTerms(sentence, cache).some((term) => term.lower === word && term.tags.has('Verb'));
}

/** Whether `set` holds one of `words`; a loop, as this runs for every predicate at every place a predicate may start. */
function holdsAny(set: ReadonlySet<string>, words: readonly string[]): boolean {
  for (const word of words) if (set.has(word)) return true;
  return false;
}

/** The word at `at` and, after an auxiliary ("had", "has repeatedly"), the words a predicate could start with there. */
function leadWordsAt(text: string, at: number): string[] {
  const words = /^([\p{L}'’-]+)(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?/u.exec(text.slice(at, at + 60));
  if (!words) return [];
  const [, first, second, third] = words.map((word) => word?.toLowerCase().replace(/’/g, "'"));
  const leads = [first];
  // "should've": a contracted helper runs on from the word a predicate starts with.
  const contracted = /^(\p{L}+)'(?:ve|d)$/u.exec(first);
  if (contracted) leads.push(contracted[1]);
  if (perfectAuxiliaries.includes(first) && second) {
    leads.push(second);
    if (third && /^(?:\p{L}+ly|already|just|also|now|again|once|twice)$/u.test(second)) leads.push(third);
  }
  return leads;
}

/** Where a predicate may start: right after the subject (and its adverbs), or after each word of a relative clause ("the developer who wrote the job should have ..."). */
function predicateStarts(text: string, mention: Mention, compiled: CompiledPhrasebook): number[] {
  const after = (position: number): number | undefined => {
    compiled.between.lastIndex = position;
    return compiled.between.exec(text) ? compiled.between.lastIndex : undefined;
  };
  const first = after(mention.end);
  const starts = first === undefined ? [] : [first];
  const add = (at: number | undefined) => {
    if (at !== undefined && !starts.includes(at)) starts.push(at);
  };
  const subject = text.slice(mention.start, mention.end).toLowerCase();
  const relative = /^\s+(\p{L}+)\s/u.exec(text.slice(mention.end));
  if (compiled.relativePronouns.has(subject) || (relative && compiled.relativePronouns.has(relative[1].toLowerCase()))) {
    const clause = /^[^,;:.!?()]*/.exec(text.slice(mention.end))?.[0] ?? '';
    let words = 0;
    for (const word of clause.matchAll(/\s+(?=\S)/g)) {
      if (++words > maxRelativeWords) break;
      add(after(mention.end + word.index));
    }
    return starts;
  }
  // "had silenced the alerts and never turned them back on": a second verb of the same subject; a weak subject is not followed that far.
  if (mention.strength === 'weak') return starts;
  // "; and crucially, forgot to ...": a semicolon before "and" or "but" still joins two verbs of the one subject.
  const clause = /^(?:[^;:.!?()]|;(?=\s*(?:and|but)\s))*/.exec(text.slice(mention.end))?.[0] ?? '';
  for (const conjunction of clause.matchAll(/(?:[,;]\s*)?\s(?:and|but)(?=\s+(\p{L}+))/gu)) {
    const before = clause.slice(0, conjunction.index);
    if ([...before.matchAll(/\p{L}+/gu)].some(([word]) => compiled.subjectOpeners.has(word.toLowerCase()) && !/^(?:and|but|then|also|again|still|first|later|finally|eventually)$/i.test(word))) break;
    const next = conjunction[1];
    if (/^\p{Lu}/u.test(next) || compiled.clauseStarters.has(next.toLowerCase())) continue;
    add(after(mention.end + conjunction.index + conjunction[0].length));
  }
  return starts;
}

/** The reported words stop before a trailing object and the preposition (group `prep`) that introduces it. */
function triggerEnd(text: string, match: RegExpExecArray, consumed: number): number {
  const groups = match.indices?.groups;
  const object = groups?.object;
  if (!object || object[1] !== consumed) return consumed;
  const cut = groups?.prep?.[0] ?? object[0];
  return match.index + text.slice(match.index, cut).trimEnd().length;
}

function predicateRewrites({ sentence, subjectStart, mention, compiled, cache }: SubjectSearch, { predicate, match, consumed }: PredicateMatch): Replacement[] {
  const text = sentence.text;
  const final = finalPunctuation(text);
  const bodyEnd = Math.max(consumed, text.length - final.length);
  const prefix = text.slice(0, subjectStart);
  const fields = predicateFields(match, sentence, compiled);
  // "a change, which he had not tested,": the relative pronoun is the object, and the rewrite keeps it ("which had not been tested").
  if (/\b(?:which|that)\s*$/i.test(prefix)) fields.set('relative', '');
  let tail = sourceText(sentence, consumed, bodyEnd, false);
  let tailEdited = false;
  const coordinated = /^\s*,?\s*(and|or)\s+([\p{L}'’-]+)([\s\S]*)$/u.exec(text.slice(consumed, bodyEnd));
  if (coordinated && !compiled.clauseStarters.has(coordinated[2].toLowerCase()) && !/^\p{Lu}/u.test(coordinated[2])) {
    const [, conjunction, next, rest] = coordinated;
    const restText = sourceText(sentence, bodyEnd - rest.length, bodyEnd, false);
    const verb = fields.get('verb');
    tailEdited = true;
    if (verb) {
      // "forgot to update the config and restart the service": the second verb shares the first's subject, so only whole-verb-phrase templates fit.
      const object = match.indices?.groups?.object;
      fields.set('vp', squash([verb, object ? sourceText(sentence, object[0], object[1]) : '', sourceText(sentence, consumed, bodyEnd)].join(' ')));
      for (const name of ['object', 'objectNoun', 'action', 'verb', 'past']) fields.delete(name);
      tail = '';
    } else {
      // "made a mistake and rolled back the deploy": the second verb keeps its person, who is a plain actor there.
      const subject = sourceText(sentence, subjectStart, mention.end);
      tail = `, ${conjunction} ${mention.kind === 'name' || mention.kind === 'handle' ? subject : lowerFirst(subject)} ${next}${restText}`;
    }
  }
  const atStart = prefix.trim() === '' || isTimestampPrefix(prefix);
  const blamed = { start: subjectStart, end: mention.end };
  // First the clause itself in the passive ("The table was deleted"), then the phrasebook's templates; the gate judges them all.
  return [
    ...passiveRewrites(sentence, blamed, compiled, atStart, cache),
    ...fillTemplates(predicate.templates, fields, tail).map(({ text: clause, startsWithField, tailPlaced }) => {
      // A tail left in place stays untouched in the source; a moved or edited one is part of the replacement.
      const to = tailPlaced || tailEdited ? bodyEnd : consumed;
      const body = tailPlaced || !tailEdited ? clause : clause + tail;
      // A template rewords more than the passive does: offered only when nothing before it passed.
      return { ...replacement(sentence, subjectStart, to, atStart || startsWithField ? body : lowerFirst(body), atStart), blamed, subject: true, alternative: true };
    }),
  ];
}

/** "was dropped by the on-call": the same passive without its agent; "a misconfiguration (human error)": the sentence without the aside. */
function agentRemoval(candidate: Candidate, sentence: Sentence): Replacement[] {
  const blamed = { start: candidate.start, end: candidate.end };
  const removal = withoutAgent(sentence.text, blamed) ?? withoutHumanErrorAside(sentence.text, blamed);
  return removal ? [{ ...replacement(sentence, removal.from, removal.to, '', false), blamed: removal.blamed, subject: true }] : [];
}

/** The last tier's first template (it needs no captured words) in place of the whole rest of the clause. */
function clauseFallback(sentence: Sentence, subjectStart: number, consumed: number, templates: TemplateSet): Replacement | undefined {
  const last = templates.tiers[templates.tiers.length - 1]?.[0];
  const filled = last === undefined ? undefined : fillTemplate(last, new Map(), '');
  if (!filled) return undefined;
  const bodyEnd = Math.max(consumed, sentence.text.length - finalPunctuation(sentence.text).length);
  const atStart = isSentenceStart(sentence.text.slice(0, subjectStart));
  return replacement(sentence, subjectStart, bodyEnd, atStart ? filled.text : lowerFirst(filled.text), atStart);
}

/** The named groups a match captured, read from the source so that their markup stays, whitespace collapsed. */
function groupFields(match: RegExpExecArray, sentence: Sentence): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, range] of Object.entries(match.indices?.groups ?? {})) {
    if (range === undefined) continue;
    const value = sourceText(sentence, range[0], range[1]);
    if (value !== '') fields.set(name, value);
  }
  return fields;
}

function predicateFields(match: RegExpExecArray, sentence: Sentence, compiled: CompiledPhrasebook): Map<string, string> {
  const fields = groupFields(match, sentence);
  const verb = fields.get('verb');
  const verbPast = fields.get('verbPast');
  const form = verb !== undefined ? compiled.verbsByBase.get(verb.toLowerCase()) : verbPast !== undefined ? compiled.verbsByPast.get(verbPast.toLowerCase()) : undefined;
  if (form?.noun) fields.set('action', form.noun);
  if (verbPast !== undefined) {
    const past = form ? form.past : /ed$/i.test(verbPast) ? verbPast : undefined;
    if (past) fields.set('past', past);
    const participle = form ? (form.participle ?? form.past) : past;
    if (participle) fields.set('participle', participle);
  }
  for (const name of ['thing', 'object']) {
    const value = fields.get(name);
    if (value !== undefined) fields.set(`${name}Was`, isPlural(value) ? 'were' : 'was');
  }
  const object = fields.get('object');
  if (verb !== undefined) fields.set('vp', object ? `${verb} ${object}` : verb);
  if (object !== undefined) {
    if (/^(?:that|whether|if|how|what|when|where|why|who)\b/i.test(object)) {
      // "failed to check that the config stays" names a clause, not a thing: "the check of that ..." is no English.
      fields.delete('object');
      if (verb !== undefined) fields.delete('action');
    } else if (compiled.pronounObjects.has(object.toLowerCase())) {
      // "update it" reads well only as a verb phrase ("the step to update it"), never as "the update of it".
      fields.delete('object');
      if (verb !== undefined) fields.delete('action');
    } else {
      const noun = compoundNoun(object, compiled);
      if (noun) fields.set('objectNoun', noun);
    }
  }
  return fields;
}

/** "the config" -> "config", for "the config update step"; undefined when the object would not read as a compound. */
function compoundNoun(object: string, compiled: CompiledPhrasebook): string | undefined {
  const words = object.split(' ');
  if (compiled.objectDeterminers.has(words[0].toLowerCase())) words.shift();
  if (words.length === 0 || words.length > 3 || quantifiers.has(words[0].toLowerCase()) || /^\d/.test(words[0])) return undefined;
  if (words.some((word) => compiled.prepositions.has(word.toLowerCase()) || compiled.boundaries.has(word.toLowerCase()) || compiled.pronounObjects.has(word.toLowerCase()))) return undefined;
  return words.join(' ');
}

/** The first tier with a usable template wins. */
function fillTemplates(set: TemplateSet, fields: Map<string, string>, tail: string): { text: string; startsWithField: boolean; tailPlaced: boolean }[] {
  for (const tier of set.tiers) {
    const filled = tier.flatMap((template) => {
      const result = fillTemplate(template, fields, tail);
      return result === undefined ? [] : [{ ...result, startsWithField: /^\{(?!(?:a|this):)/.test(template) }];
    });
    if (filled.length > 0) return filled;
  }
  return [];
}

/** `tailPlaced` when the template places the tail itself; otherwise the tail follows the text. */
function fillTemplate(template: string, fields: Map<string, string>, tail: string): { text: string; tailPlaced: boolean } | undefined {
  let tailPlaced = false;
  let missing = false;
  const text = template.replace(/\{(?:(a|this):)?(\w+)\}/g, (_, determiner: string | undefined, name: string) => {
    if (name === 'tail' || name === 'notail' || name === 'clause') {
      tailPlaced = true;
      if (name === 'clause' && tail.trim() === '') missing = true;
      return name === 'notail' ? '' : tail;
    }
    const value = fields.get(name);
    if (value === undefined) {
      missing = true;
      return '';
    }
    if (determiner === 'a') return withArticle(value);
    return determiner === 'this' ? `${isPlural(value) ? 'these' : 'this'} ${value}` : value;
  });
  return missing ? undefined : { text, tailPlaced };
}

function isPlural(noun: string): boolean {
  return /[^su]s$/i.test(noun.split(' ').pop() ?? '');
}

function withArticle(noun: string): string {
  if (isPlural(noun)) return noun;
  return `${/^(?:[aio]|e(?!u)|u(?!s[eu]|ni)|hour|honest)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function matchPhrase(sentence: Sentence, phrase: CompiledPhrase, compiled: CompiledPhrasebook, strongNames: Set<string>, cache: AnalysisCache | undefined): Candidate[] {
  const text = sentence.text;
  const candidates: Candidate[] = [];
  for (const match of execAll(phrase.regex, text)) {
    const groups = match.groups ?? {};
    const name = groups.possName ?? groups.perName;
    // "Dolores", "Wes": a name that ends like a plural counts when the tagger knows it as a name.
    if (name !== undefined && !(strongNames.has(name.toLowerCase()) || (/^\p{Lu}/u.test(name) && (isNameLike(name, compiled) ? nameVerdict(text, name, cache) !== 'system' : nameVerdict(text, name, cache) === 'person')))) continue;
    const end = match.index + match[0].length;
    const start = match.index + (groups.lead?.length ?? 0);
    const atStart = isSentenceStart(text.slice(0, match.index));
    candidates.push({
      name,
      team: phrase.entry.team,
      start,
      end,
      // "ran the script without understanding it": operations vocabulary does not excuse the fault word the clause ends in.
      trigger: match.indices?.groups?.marker?.[0] ?? start,
      consumed: end,
      kind: phrase.kind,
      // "we spent way too much time", "our mistake": the writers' words about themselves.
      ownConduct: firstPerson.test(match[0]),
      entry: phrase.entry.id,
      message: phrase.entry.message,
      explanation: phrase.entry.explanation,
      rewrites: () => [
        ...causedActPassive(phrase, match, sentence, compiled, cache),
        ...writersActPassive(match, start, sentence, compiled, cache),
        ...phrase.entry.replacements.flatMap((template) => {
          const filled = fillTemplate(template, groupFields(match, sentence), '');
          if (filled === undefined) return [];
          return [replacement(sentence, match.index, end, atStart ? filled.text : lowerFirst(filled.text), atStart)];
        }),
      ],
    });
  }
  return candidates;
}

/** "It was because someone on the network team changed a route": the person's act after the cause phrase, in the passive ("... because a route was changed"). */
function causedActPassive(phrase: CompiledPhrase, match: RegExpExecArray, sentence: Sentence, compiled: CompiledPhrasebook, cache: AnalysisCache | undefined): Replacement[] {
  const cause = match.indices?.groups?.cause;
  if (phrase.entry.id !== 'caused-by-person' || cause === undefined) return [];
  const personStart = cause[1] + (sentence.text.slice(cause[1]).length - sentence.text.slice(cause[1]).trimStart().length);
  return passiveRewrites(sentence, { start: personStart, end: match.index + match[0].length }, compiled, false, cache);
}

/** "We had not noticed this before ...": the writers' own act in the passive, as the clause rule gives it ("This had gone unnoticed before ..."). */
function writersActPassive(match: RegExpExecArray, start: number, sentence: Sentence, compiled: CompiledPhrasebook, cache: AnalysisCache | undefined): Replacement[] {
  const writers = /^(?:we|I)\b/i.exec(sentence.text.slice(start, match.index + match[0].length));
  // "we" and "I" are subjects wherever they stand ("In cases of that event we accidentally dropped ...").
  if (!writers) return [];
  return passiveRewrites(sentence, { start, end: start + writers[0].length }, compiled, isSentenceStart(sentence.text.slice(0, start)), cache);
}

/** "Enabling the integration was a mistake": the act in the passive, the judgement gone ("The integration was enabled"), when the match is the judgement. */
function judgedActPassive(candidate: Candidate, sentence: Sentence, cache: AnalysisCache | undefined): Replacement[] {
  const passive = judgedGerundPassive(sentence.text, cache);
  if (!passive || candidate.start < passive.judgement.start || candidate.end > passive.judgement.end) return [];
  return [{ ...replacement(sentence, passive.from, passive.to, passive.text, true), blamed: passive.judgement, subject: true }];
}

/** "The staging database should have been checked" -> "The staging database was not checked": the fact the hindsight tells. */
function hindsightFact(candidate: Candidate, sentence: Sentence, cache: AnalysisCache | undefined): Replacement[] {
  const fact = hindsightAsFact(sentence.text, { start: candidate.start, end: candidate.end }, cache);
  if (!fact) return [];
  return [{ ...replacement(sentence, fact.from, fact.to, fact.text, false), blamed: { start: fact.from, end: fact.to }, subject: true }];
}

type Suppression = 'proposal-or-status' | 'novelty' | 'not-known-yet' | 'hypothetical' | 'omitted-for-a-reason' | 'indirect-question' | 'quoted' | 'operations' | 'allowed';

/** Which check drops a match of the sentence: in quotes, starting inside operations vocabulary, allowed by a team; undefined keeps it. */
function suppressionCheck(sentence: Sentence, quotes: Span[], compiled: CompiledPhrasebook): (candidate: Candidate) => Suppression | undefined {
  const occurrences = (patterns: RegExp[]) => patterns.flatMap((pattern) => execAll(pattern, sentence.text).map((match) => ({ start: match.index, end: match.index + match[0].length })));
  // Built on the first match asked about: most sentences have none.
  const ranges = once(() => {
    const lowerText = lowerForRequiredText(sentence.text);
    return { operations: occurrences(compiled.operations.filter((entry) => hasRequiredText(lowerText, entry.requiredText)).map((entry) => entry.regex)), allowed: occurrences(compiled.allow) };
  });
  return (candidate) => {
    const start = sentence.start + candidate.start;
    if (isProposalOrStatus(sentence.text.slice(candidate.start, candidate.end + 15)) || asksOthersTo.test(sentence.text.slice(0, candidate.start)) || setsAGoal.test(sentence.text.slice(candidate.end))) return 'proposal-or-status';
    if (novelty.test(sentence.text.slice(candidate.start, candidate.end))) return 'novelty';
    if (notKnownYet(sentence.text.slice(candidate.start, candidate.end), sentence.text.slice(candidate.end))) return 'not-known-yet';
    if (omittedForAReason(sentence.text.slice(0, candidate.start), sentence.text.slice(candidate.start, candidate.end), sentence.text.slice(candidate.end))) return 'omitted-for-a-reason';
    if (isHypothetical(sentence.text.slice(0, candidate.start), sentence.text.slice(candidate.start, candidate.end), sentence.text.slice(candidate.end))) return 'hypothetical';
    if (indirectQuestion.test(sentence.text.slice(0, candidate.trigger))) return 'indirect-question';
    if (quotes.some((quote) => quote.start <= start && start < quote.end)) return 'quoted';
    const { operations, allowed } = ranges();
    if (operations.some((range) => range.start <= candidate.trigger && candidate.trigger < range.end)) return 'operations';
    return allowed.some((range) => range.start < candidate.consumed && candidate.start < range.end) ? 'allowed' : undefined;
  };
}

/**
 * The line up to `at` opens a block quote ("> ...") or a chat log line ("<nick> ...", "[14:02] <nick> ...", in a list too):
 * reported words, not the author's claim. The rule asks it of a block, the detector of a sentence.
 */
export function isQuotedLine(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at + 1);
  return /^\s*>|^\s*(?:[-*+]\s+)?(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?<[^>\s]+>/.test(line);
}

/** A to-do note ("TODO: ...", "FIXME: ..."): what someone proposes to do, not what happened. */
const toDoNote = /^[\s*_]*(?:TODO|FIXME|To-?do)\b/;

/** "Run all crashed containers ...", "Check the logs": an unknown capitalised word opening a sentence before a determiner is a verb, not a name. */
function isImperative(text: string, mention: Mention): boolean {
  return isSentenceStart(text.slice(0, mention.start)) && /^\s+(?:all|every|each|both|the|a|an|any|these|those|our|your|its)\s/i.test(text.slice(mention.end, mention.end + 8));
}

/** "We will find out why we missed the alert": the blaming words are what the review asks, as a direct question is. */
const indirectQuestion = /\b(?:figur(?:e|es|ed|ing)\s+out|find(?:s|ing)?\s+out|found\s+out|understand(?:s|ing)?|investigat(?:e|es|ed|ing)|determin(?:e|es|ed|ing)|look(?:s|ed|ing)?\s+into|explain(?:s|ed|ing)?|ask(?:s|ed|ing)?|analy[sz](?:e|es|ed|ing)|review(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\s+(?:exactly\s+)?(?:why|how|whether)\s+[^.;:,]{0,60}$/i;

/** "we had never seen data like this": something new to everyone, not a step someone skipped. */
const novelty = /\bnever\s+(?:\p{L}+\s+)?(?:seen|encountered|experienced|observed|faced|dealt with|run into)\b/iu;

/** "Have people who never ran the steps practise them", "Ask someone new to ...": an instruction that sets people a task, not an account of them. */
const asksOthersTo = /^[\s*_]*(?:have|let|ask|get|encourage|require|train|teach|remind)\s+$/i;

/** "... two new, inexperienced people should be able to ship it": what a process is to make possible, not what anyone did. */
const setsAGoal = /^[^.;!?,]*\bshould\s+(?:\p{L}+\s+)?be\s+able\s+to\b/iu;

/** "We should have this ready": a proposal; "I do not use it": a status note; "we found it by accident", "we did not see errors": no fault. */
function isProposalOrStatus(words: string): boolean {
  if (/\b(?:by accident|accidentally)\b/i.test(words) && luckyAct.test(words)) return true;
  if (/^(?:I|we)\s+(?:did not|didn['’]t|did n't)\s+(?:see|find|observe|receive|get|detect)\b/i.test(words)) return true;
  return /\bshould\s+(?:have|'ve)\s+(?:a|an|the|this|these|those|some|more|better|enough|any|no|our|alerts?|alerting|monitoring|tests?)\b/i.test(words) || /^(?:I|we)\s+(?:do not|don['’]t|do n't|am not|['’]m not)\b/i.test(words);
}

/**
 * What could happen, not what did: a slip a setup permits or prevents ("an intern could accidentally restart it", "Nobody can
 * accidentally touch billing"), a present-tense "even if" ("even if someone types the wrong host"), a threat ("lets a hostile
 * admin wipe"), a feared act ("I worried I had accidentally dropped"), a safeguard against error ("guard the ledger against human error").
 */
function isHypothetical(before: string, words: string, after = ''): boolean {
  const around = before.slice(-30) + words;
  if (/\b(?:can|cannot|can['’]t|can not|can no longer|unable to|impossible to)\s+(?:\p{L}+\s+)?(?:accidentally|inadvertently|mistakenly|by mistake|by accident)\b/iu.test(around)) return true;
  if (/\beven\s+if\b[^,;]*$/i.test(before + words) && !/\b(?:did|didn['’]t|had|hadn['’]t|was|were|wasn['’]t|weren['’]t)\b|\b\p{L}+ed\b/iu.test(/\beven\s+if\b[^,;]*$/i.exec(before + words)?.[0] ?? '')) return true;
  if (/\b(?:would|could|might|may|will|can)\s+(?:also\s+)?(?:allow|let|enable|permit)\s+(?:an?\s+|the\s+|any\s+)?$/i.test(before)) return true;
  // "Had they all received it, we could have continued": what we could then have done hangs on a condition that was not ours.
  if (/^\W*(?:had|if)\s+(?!(?:we|I)\b)[^,;]{1,100},\s*$/i.test(before) && /^(?:we|I)\s+(?:could|might)\b/i.test(words)) return true;
  // "When we push a typo to production, we have broken the build": what follows in general from a condition, no account.
  if (/^\W*(?:if|when|whenever)\b[^.;]{1,150},\s*$/i.test(before) && /^(?:we|I)(?:['’]ve|\s+have)\s/i.test(words)) return true;
  // "backups mean we could have restored it quickly in the case of an incident": a capability, not a chance missed.
  if (/^(?:we|I)\s+could\b/i.test(words) && /^[^.;]{0,120}\bin\s+(?:the\s+)?(?:case|event)\s+of\b/i.test(after)) return true;
  // "if this had been a bank's outage, then I could simply have called it bad luck": what we could do under a condition that did not hold.
  if (/\bif\b[^.;!?]{1,400},\s*then\s+$/i.test(before) && /^(?:we|I)\s+(?:could|might|would)\b/i.test(words)) return true;
  // "we thought we had tested it enough" is a belief proven wrong, not a fear.
  if (/\b(?:feared|worried|was afraid|thought|suspected|panicked)\s+(?:that\s+)?(?:I|we)\s+(?:had|might have|may have)\b/i.test(before.slice(-40) + words) && !/\benough\b/i.test(words)) return true;
  // "Our first theory was that we had skipped a schema change", "we won't speculate about whom we may have upset": a guess, not a finding.
  // "While we could have rushed it, we chose ...": a course conceded and not taken.
  if (/^\W*(?:while|although|though|even\s+though)\s+$/i.test(before) && /^(?:we|I)\s+could\s+have\b/i.test(words)) return true;
  // "When an engineer merges a change that breaks the build, they thought it safe": anyone, in general, not an account.
  if (/^\W*(?:when|whenever|if)\s+(?:an?|any)\s+[\p{L}-]+\s+[\p{L}-]+s\b/iu.test(before)) return true;
  // "tables that we didn't create", "an old bug that we had never hit": a thing told apart by what we did not do to it, no lapse.
  if (/\b(?:that|which)\s+$/i.test(before) && /^(?:we|I)\s+(?:did\s+not|didn['’]t|had\s+not|hadn['’]t|never)\s+(?:yet\s+)?(?:create|make|write|expect|recogni[sz]e|own|build|add|hit|encounter|anticipate|intend|plan)\b/i.test(words)) return true;
  // "if you see the old certificate, it suggests we either missed a server or ...": what a sign would mean, not what was found.
  if (/\bif\b[^.;]{0,80}\b(?:it|this|that)\s+(?:suggests|means|indicates|would\s+mean|may\s+mean|might\s+mean)\s+(?:that\s+)?$/i.test(before)) return true;
  if (/\b(?:thought|theory|guess|hypothesis|suspicion|hunch)\s+(?:was|is|had\s+been)\s+(?:that\s+)?$|\bspeculat\w*\s+(?:as\s+to\s+|about\s+|on\s+)?(?:who|what|whether|how|why)\s+[^.;]{0,30}$/i.test(before)) return true;
  return /\b(?:protect|guard|safeguard|shield|defend|insulate)\w*\b[^.;]{0,60}\b(?:from|against)\s+(?:\p{L}+\s+)?$/iu.test(before);
}

/** "caused by Bob's mistake" also contains "Bob's mistake": report the outer one. */
function keepOutermost(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!kept.some((outer) => outer.start <= candidate.start && candidate.end <= outer.end)) kept.push(candidate);
  }
  // "This was because the engineer on call did not see the page": the cause phrase and the person's act share the
  // person; one finding says it, and the act says more.
  return kept.filter((candidate) => candidate.entry !== 'caused-by-person' || !kept.some((other) => other !== candidate && other.start < candidate.end && candidate.start < other.end));
}

/** Whether the sentence with this replacement still has blaming words. */
function stillBlames(change: Replacement, sentence: Sentence, where: ProseBlock['where'], context: BlameContext): boolean {
  // Anywhere in the sentence: "The root cause was human error: the wrong command was typed" still blames.
  const text = sentence.text.slice(0, change.from) + change.text + sentence.text.slice(change.to);
  return findCandidates({ span: { start: 0, end: text.length }, text, where }, context, text).some(({ candidates }) => candidates.length > 0);
}

const firstPerson = /\b(?:we|I|our|my|us|me|ourselves|myself)\b/i;

/** What a match says; its rewrites come from `judgedRewrites`, when asked for. */
function toMatch(candidate: Candidate, sentence: Sentence, block: ProseBlock, messages: PhrasebookData['messages']): Omit<BlameMatch, 'rewrites' | 'rewritesTurnedAway'> {
  const base = block.span.start + sentence.start;
  const words = squash(sentence.text.slice(candidate.start, candidate.end));
  return {
    span: { start: base + candidate.start, end: base + candidate.end },
    sentence: { start: base, end: base + sentence.text.length },
    kind: candidate.kind,
    message: (candidate.message ?? (candidate.kind === 'hindsight' && candidate.ownConduct ? messages.ownConduct : messages[candidate.kind])).replace('{words}', words),
    explanation: candidate.explanation,
    ...(candidate.person ? { person: { start: base + candidate.person.start, end: base + candidate.person.end } } : {}),
    ...(candidate.predicate ? { predicate: { start: base + candidate.predicate.start, end: base + candidate.predicate.end } } : {}),
  };
}

/**
 * The candidate's rewrites that no longer blame and pass the quality gate (at most three), the clause fallback
 * when every one would still blame, or the guided reframe when none is left.
 */
function judgedRewrites(candidate: Candidate, sentence: Sentence, block: ProseBlock, context: BlameContext): { rewrites: Rewrite[]; turnedAway: number } {
  const base = block.span.start + sentence.start;
  const changes = [...agentRemoval(candidate, sentence), ...judgedActPassive(candidate, sentence, context.cache), ...hindsightFact(candidate, sentence, context.cache), ...candidate.rewrites()].filter((change) => !stillBlames(change, sentence, block.where, context));
  const fallback = changes.length === 0 ? candidate.fallback?.() : undefined;
  const seen = new Set<string>();
  const rewrites: Rewrite[] = [];
  let turnedAway = 0;
  for (const change of fallback ? [fallback] : changes) {
    const newText = sentence.source.slice(0, change.from) + change.text + sentence.source.slice(change.to);
    if (newText === sentence.source || seen.has(newText) || rewrites.length === maxRewrites || (change.alternative && rewrites.length > 0)) continue;
    seen.add(newText);
    const blamed = change.blamed ?? { start: candidate.start, end: candidate.end };
    if (!passesGate({ original: sentence.source, rewritten: newText, editStart: change.from, blamed, subject: change.subject ?? false, teamWording: candidate.team ?? false, roleNouns: context.phrasebook.compiled.roleNouns, cache: context.cache })) {
      turnedAway++;
      continue;
    }
    rewrites.push({ title: `Rewrite: ${squash(newText)}`, newText, edit: { span: { start: base + change.from, end: base + change.to }, newText: change.text } });
  }
  const reframe = rewrites.length === 0 && reframeFits(sentence, block) ? reframeRewrite(sentence, candidate, base, context.cache) : undefined;
  if (reframe) rewrites.push(reframe);
  return { rewrites, turnedAway };
}

/**
 * Questions replace a sentence that tells what happened, never a timeline entry (its time and order are facts), a
 * sentence that introduces a list (ends with ':'), or a quote: there the finding stands without a fix.
 */
function reframeFits(sentence: Sentence, block: ProseBlock): boolean {
  if (block.where === 'timeline' || isTimestampPrefix(sentence.text.trimStart().split(/\s+/, 1)[0])) return false;
  const text = sentence.text.trimEnd();
  return !text.endsWith(':') && !/^["“'‘>]/.test(sentence.source.trimStart());
}

/**
 * No rewrite can be trusted: the sentence gives way to the questions a blameless review asks about what it says, or,
 * when a clause of plain fact comes before the blaming one, that clause stays as a sentence and the questions follow it.
 */
function reframeRewrite(sentence: Sentence, candidate: Candidate, base: number, cache: AnalysisCache | undefined): Rewrite | undefined {
  const kept = factBefore(sentence.text, candidate.start, cache);
  // The blaming clause is asked about as a sentence of its own ("we take full responsibility" opens in lower case only here).
  const clause = kept ? sentence.text.slice(kept.clauseStart).replace(/^\p{Ll}(?!\s)/u, (letter) => letter.toUpperCase()) : sentence.text;
  const asked = reframeFor(clause, candidate.kind, cache);
  if (!asked) return undefined;
  const reframe = kept ? afterFact(asked) : asked;
  const from = kept?.factEnd ?? 0;
  const lead = kept ? '. ' : '';
  // The questions are sentences of their own: they open with a capital whatever the sentence they replace opened with.
  const change = replacement(sentence, from, sentence.text.length, lead + reframe.text, false);
  const newText = sentence.source.slice(0, change.from) + change.text + sentence.source.slice(change.to);
  return { title: reframe.title, newText, edit: { span: { start: base + change.from, end: base + change.to }, newText: change.text, snippet: lead + reframe.snippet } };
}

/** The sentence's closing marks ("!", '."', "?)"), read from the end in linear time. */
function finalPunctuation(text: string): string {
  const beforeSpace = trailingRunStart(text, /\s/);
  const beforeQuotes = trailingRunStart(text.slice(0, beforeSpace), /["'”’)\]]/);
  const start = trailingRunStart(text.slice(0, beforeQuotes), /[.!?]/);
  return start === beforeQuotes ? '' : text.slice(start);
}

function isSentenceStart(before: string): boolean {
  return before.trim() === '' || isTimestampPrefix(before);
}

/**
 * The replacement of `from`..`to`, widened over markup that would otherwise be cut in half
 * ("**Bob** forgot" replaces the bold marks with the name), with spacing tidied and the first
 * letter capitalised where the sentence starts (unless the sentence starts in lower case).
 */
function replacement(sentence: Sentence, from: number, to: number, text: string, atStart: boolean): Replacement {
  const range = balancedRange(sentence.text, sentence.source, from, to) ?? { from, to };
  let tidy = squash(text).replace(/ ([,;:.!?])/g, '$1').replace(/,,/g, ',');
  if (atStart) {
    const first = sentence.text.match(/\p{L}/u)?.[0];
    const startsLower = first !== undefined && first === sentence.text.trimStart()[0] && first !== first.toUpperCase();
    // The first letter, past any emphasis marks ("*Broken* code"), but never inside a code span.
    tidy = startsLower ? lowerFirst(tidy) : tidy.replace(/^([^\p{L}`]*)(\p{L})/u, (_, marks: string, letter: string) => marks + letter.toUpperCase());
  }
  return { from: range.from, to: range.to, text: tidy };
}

/** The source of a range, widened over cut markup when that balances it; the masked words when nothing does. */
function sourceText(sentence: Sentence, from: number, to: number, collapse = true): string {
  const range = balancedRange(sentence.text, sentence.source, from, to);
  const text = range ? sentence.source.slice(range.from, range.to) : sentence.text.slice(from, to);
  return collapse ? squash(text) : text.replace(/\s+/g, ' ');
}

/** The range widened over adjacent masked markup when that pairs it up, else the range itself if it is paired, else undefined. */
function balancedRange(text: string, source: string, from: number, to: number, min = 0, max = source.length): { from: number; to: number } | undefined {
  let left = from;
  while (left > min && isMarkup(text, source, left - 1)) left--;
  let right = to;
  while (right < max && isMarkup(text, source, right)) right++;
  for (const range of [{ from: left, to: right }, { from: left, to }, { from, to: right }, { from, to }]) {
    if (isBalanced(text, source, range.from, range.to)) return range;
  }
  return undefined;
}

/** Masked in the text but not blank in the source: emphasis marks, brackets, link targets. */
function isMarkup(text: string, source: string, at: number): boolean {
  return text[at] === ' ' && !/\s/.test(source[at]);
}

/** Emphasis marks and link brackets in the range's markup open and close in order. */
function isBalanced(text: string, source: string, from: number, to: number): boolean {
  // The marks in order, a space between runs; most sentences have none, and then nothing is open.
  let markup = '';
  let gap = false;
  for (let i = from; i < to; i++) {
    if (!isMarkup(text, source, i)) gap = true;
    else {
      if (gap && markup !== '') markup += ' ';
      markup += source[i];
      gap = false;
    }
  }
  if (markup === '') return true;
  const open: string[] = [];
  for (const [token] of markup.replace(/\]\([^)]*\)/g, ']').matchAll(/\*+|_+|~+|\[|\]/g)) {
    if (token === ']') {
      if (open.pop() !== '[') return false;
    } else if (open.at(-1) === token && token !== '[') open.pop();
    else open.push(token);
  }
  return open.length === 0;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The text as the phrasebook's expressions read it, held by V8 in its two-byte form (the slices of it too). V8 compiles
 * a regular expression once for each string width it meets, and the phrasebook's large expressions cost more to compile
 * than to run: with every sentence in one width, each is compiled once, not twice. Most expressions run without the `u`
 * flag (see `compileRegExp`), so a character beyond the first plane (most emoji) is read as two symbols that no
 * expression can split; offsets stay those of the text, and every fix is cut from the source.
 */
function forMatching(text: string): string {
  return (text + '\u0100').slice(0, -1).replace(astralCharacter, '\uFFFC\uFFFC');
}

const astralCharacter = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** True when the sticky `pattern` matches at `at`. */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** Every match of a global pattern; reuses the compiled pattern, which `matchAll` would clone on each call. */
function execAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex++;
  }
  return matches;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
