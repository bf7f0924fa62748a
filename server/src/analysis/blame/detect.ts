// Finds sentences that make a person the cause (or judge them with hindsight) and rewrites them with the system as subject.
import type { ProseBlock, Span } from '../model';
import type { BlameKind, CompiledPhrase, CompiledPhrasebook, CompiledPredicate, Phrasebook, Strength, TemplateSet } from './phrasebook';

export interface BlameContext {
  /** Names the document uses for people (owners, timeline actors) plus configured persons. */
  people: readonly string[];
  phrasebook: Phrasebook;
}

export interface Rewrite {
  title: string;
  /** Replaces the whole `sentence` span. */
  newText: string;
}

export interface BlameMatch {
  /** The words that blame, as document offsets. */
  span: Span;
  /** The sentence containing it; rewrites replace exactly this span. */
  sentence: Span;
  kind: BlameKind;
  message: string;
  explanation: string;
  /** One to three sentences with the system as subject. */
  rewrites: Rewrite[];
}

/** A sentence of a block: offsets into `block.text`, trimmed. */
interface Sentence {
  start: number;
  end: number;
  text: string;
}

interface Mention {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  kind: 'handle' | 'role' | 'bare' | 'nobody' | 'name';
  strength: Strength;
  needsAntecedent: boolean;
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
  message: string | undefined;
  explanation: string;
  rewrites: string[];
}

const maxRewrites = 3;

/** Abbreviations whose period does not end a sentence. */
const abbreviations = new Set(['e.g', 'i.e', 'vs', 'cf', 'approx', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'no', 'fig', 'incl', 'al', 'ca', 'esp', 'resp']);

/** Tokens a timeline entry starts with: times, dates, zones, months, weekdays, table bars. */
const timestampToken = /^(?:[\d:./+\-–—TZ]+|[AaPp]\.?[Mm]\.?|UTC|GMT|[A-Z]{2,4}T|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\||~)[,:]?$/;

/** Quoted text is reported speech or a label, not the author's claim. */
const quotePatterns = [/"[^"\n]*"/g, /“[^”\n]*”/g, /‘[^’\n]*’(?!\p{L})/gu, /(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu];

const quantifiers = new Set(['all', 'both', 'some', 'every', 'each', 'any', 'no', 'several', 'many', 'few', 'most']);

export function findBlame(block: ProseBlock, context: BlameContext): BlameMatch[] {
  const compiled = context.phrasebook.compiled;
  const messages = context.phrasebook.data.messages;
  const strongNames = strongNamesOf(context.people, compiled);
  const quotes = quotedRanges(block.text);
  const matches: BlameMatch[] = [];
  let personSeen = false;
  for (const sentence of splitSentences(block.text, compiled)) {
    const candidates: Candidate[] = [];
    if (block.where !== 'action-item') {
      const mentions = findMentions(sentence.text, compiled, strongNames);
      for (let index = 0; index < mentions.length; index++) {
        const mention = mentions[index];
        if (mention.needsAntecedent && !personSeen) continue;
        const subjectStart = coordinationStart(sentence.text, mentions, index);
        const atSubject = mention.kind === 'nobody' || atSubjectPosition(sentence.text.slice(0, subjectStart), compiled);
        if (atSubject) {
          const candidate = matchPredicate(sentence, mention, subjectStart, block.where, compiled);
          if (candidate) candidates.push(candidate);
        }
        if (mention.kind !== 'nobody' && !mention.needsAntecedent && (mention.strength === 'strong' || atSubject)) personSeen = true;
      }
    }
    for (const phrase of compiled.phrases) {
      if (block.where === 'timeline' && !phrase.entry.timeline) continue;
      candidates.push(...matchPhrase(sentence, phrase, compiled, strongNames));
    }
    const kept = keepOutermost(unsuppressed(candidates, sentence, quotes, compiled));
    for (const candidate of kept) matches.push(toMatch(candidate, sentence, block, messages));
  }
  return matches;
}

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

function splitSentences(text: string, compiled: CompiledPhrasebook): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) sentences.push({ start: from, end: to, text: text.slice(from, to) });
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
    push(after);
    start = next;
    i = next - 1;
  }
  push(text.length);
  return sentences;
}

/** A line break splits where a line clearly ends, an entry starts, or a capitalised line follows a line that does not end mid-clause. */
function breaksAtLine(text: string, start: number, newline: number, compiled: CompiledPhrasebook): boolean {
  const lineStart = Math.max(start, text.lastIndexOf('\n', newline - 1) + 1);
  const previous = text.slice(lineStart, newline).trim();
  const nextEnd = text.indexOf('\n', newline + 1);
  const next = text.slice(newline + 1, nextEnd === -1 ? text.length : nextEnd).trim();
  if (previous === '' || next === '' || /[.!?:;]["'”’)]*$/.test(previous) || /^(?:\d|[-*+|>]\s)/.test(next)) return true;
  const lastWord = /(\p{L}+)$/u.exec(previous)?.[1]?.toLowerCase();
  const midClause = lastWord === undefined || [compiled.subjectOpeners, compiled.prepositions, compiled.objectDeterminers].some((set) => set.has(lastWord));
  return /^[\p{Lu}@]/u.test(next) && !midClause;
}

function isAbbreviation(text: string, period: number): boolean {
  const token = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, period - 12), period))?.[0].replace(/^\.+/, '') ?? '';
  return abbreviations.has(token.toLowerCase()) || /^\p{Lu}$/u.test(token);
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
  for (const match of execAll(compiled.persons, text)) {
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
    else if (groups.role) mentions.push(mention('role', 'strong', groups.role.length));
    else if (groups.weakRole) mentions.push(mention('role', 'weak', groups.weakRole.length));
    else if (groups.nobody) mentions.push(mention('nobody', 'strong', groups.nobody.length));
    else if (groups.bare) {
      const bare = compiled.bare.get(groups.bare.toLowerCase());
      if (bare) mentions.push(mention('bare', bare.strength, groups.bare.length, bare.needsAntecedent));
    } else if (groups.name) {
      const resolved = resolveName(groups.name, compiled, strongNames);
      if (resolved) mentions.push(mention('name', resolved.strength, resolved.length));
    }
  }
  return mentions;
}

/** A capitalised word (and surname) as a person: known names are strong, other name-like words weak. */
function resolveName(text: string, compiled: CompiledPhrasebook, strongNames: Set<string>): { strength: Strength; length: number } | undefined {
  const [first, second] = text.split(' ');
  const length = second !== undefined && isNameLike(second, compiled) ? text.length : first.length;
  if (strongNames.has(text.toLowerCase()) || strongNames.has(first.toLowerCase())) return { strength: 'strong', length };
  if (isNameLike(first, compiled)) return { strength: 'weak', length };
  return undefined;
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
    if (previous.kind === 'nobody' || !/^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)$/.test(gap)) break;
    first--;
  }
  return mentions[first].start;
}

function atSubjectPosition(before: string, compiled: CompiledPhrasebook): boolean {
  const text = before.trimEnd();
  if (text === '') return true;
  if (/[,;:(–—]$/.test(text) || /\s-$/.test(text)) return true;
  const last = /\p{L}+$/u.exec(text)?.[0];
  if (last !== undefined && compiled.subjectOpeners.has(last.toLowerCase())) return true;
  return isTimestampPrefix(text);
}

function isTimestampPrefix(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return /\d/.test(text) && tokens.every((token) => timestampToken.test(token));
}

function matchPredicate(sentence: Sentence, mention: Mention, subjectStart: number, where: ProseBlock['where'], compiled: CompiledPhrasebook): Candidate | undefined {
  const text = sentence.text;
  compiled.between.lastIndex = mention.end;
  if (!compiled.between.exec(text)) return undefined;
  const at = compiled.between.lastIndex;
  for (const predicate of compiled.predicates) {
    if (predicate.nobody !== (mention.kind === 'nobody')) continue;
    if (where === 'timeline' && !predicate.entry.timeline) continue;
    predicate.regex.lastIndex = at;
    const match = predicate.regex.exec(text);
    if (!match) continue;
    const verb = match.groups?.verb;
    if (mention.strength === 'weak' && predicate.needsHumanVerb && !(verb && compiled.verbsByBase.get(squash(verb).toLowerCase())?.human)) continue;
    const consumed = match.index + match[0].length;
    return {
      start: subjectStart,
      end: triggerEnd(text, match, consumed),
      trigger: at,
      consumed,
      kind: predicate.kind,
      message: predicate.entry.message,
      explanation: predicate.entry.explanation,
      rewrites: predicateRewrites(sentence, subjectStart, mention, match, consumed, predicate, compiled),
    };
  }
  return undefined;
}

/** The reported words stop before a trailing object and the preposition (group `prep`) that introduces it. */
function triggerEnd(text: string, match: RegExpExecArray, consumed: number): number {
  const groups = match.indices?.groups;
  const object = groups?.object;
  if (!object || object[1] !== consumed) return consumed;
  const cut = groups?.prep?.[0] ?? object[0];
  return match.index + text.slice(match.index, cut).trimEnd().length;
}

function predicateRewrites(
  sentence: Sentence,
  subjectStart: number,
  mention: Mention,
  match: RegExpExecArray,
  consumed: number,
  predicate: CompiledPredicate,
  compiled: CompiledPhrasebook,
): string[] {
  const text = sentence.text;
  const final = finalPunctuation(text);
  const bodyEnd = Math.max(consumed, text.length - final.length);
  const prefix = text.slice(0, subjectStart);
  const fields = predicateFields(match, compiled);
  let tail = text.slice(consumed, bodyEnd);
  const coordinated = /^\s*,?\s*(and|or)\s+([\p{L}'’-]+)([\s\S]*)$/u.exec(tail);
  if (coordinated && !compiled.clauseStarters.has(coordinated[2].toLowerCase()) && !/^\p{Lu}/u.test(coordinated[2])) {
    const [, conjunction, next, rest] = coordinated;
    const verb = fields.get('verb');
    if (verb) {
      // "forgot to update the config and restart the service": the second verb shares the first's subject, so only whole-verb-phrase templates fit.
      fields.set('vp', squash([verb, match.groups?.object ?? '', tail].join(' ')));
      for (const name of ['object', 'objectNoun', 'action', 'verb', 'past']) fields.delete(name);
      tail = '';
    } else {
      // "made a mistake and rolled back the deploy": the second verb keeps its person, who is a plain actor there.
      const subject = text.slice(subjectStart, mention.end);
      tail = `, ${conjunction} ${mention.kind === 'name' || mention.kind === 'handle' ? subject : lowerFirst(subject)} ${next}${rest}`;
    }
  }
  const lowerClause = prefix.trim() !== '' && !isTimestampPrefix(prefix);
  return fillTemplates(predicate.templates, fields, tail).map(({ text: clause, startsWithField }) =>
    finish(prefix + (lowerClause && !startsWithField ? lowerFirst(clause) : clause) + text.slice(bodyEnd), text),
  );
}

/** The named groups a match captured, whitespace collapsed. */
function groupFields(match: RegExpExecArray): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined && value.trim() !== '') fields.set(name, squash(value));
  return fields;
}

function predicateFields(match: RegExpExecArray, compiled: CompiledPhrasebook): Map<string, string> {
  const fields = groupFields(match);
  const verb = fields.get('verb');
  const verbPast = fields.get('verbPast');
  const form = verb !== undefined ? compiled.verbsByBase.get(verb.toLowerCase()) : verbPast !== undefined ? compiled.verbsByPast.get(verbPast.toLowerCase()) : undefined;
  if (form?.noun) fields.set('action', form.noun);
  if (verbPast !== undefined) {
    const past = form ? form.past : /ed$/i.test(verbPast) ? verbPast : undefined;
    if (past) fields.set('past', past);
  }
  const object = fields.get('object');
  if (verb !== undefined) fields.set('vp', object ? `${verb} ${object}` : verb);
  if (object !== undefined) {
    if (compiled.pronounObjects.has(object.toLowerCase())) {
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
function fillTemplates(set: TemplateSet, fields: Map<string, string>, tail: string): { text: string; startsWithField: boolean }[] {
  for (const tier of set.tiers) {
    const filled = tier.flatMap((template) => {
      const text = fillTemplate(template, fields, tail);
      return text === undefined ? [] : [{ text, startsWithField: /^\{(?!(?:a|this):)/.test(template) }];
    });
    if (filled.length > 0) return filled;
  }
  return [];
}

function fillTemplate(template: string, fields: Map<string, string>, tail: string): string | undefined {
  let placedTail = false;
  let missing = false;
  const text = template.replace(/\{(?:(a|this):)?(\w+)\}/g, (_, determiner: string | undefined, name: string) => {
    if (name === 'tail' || name === 'notail' || name === 'clause') {
      placedTail = true;
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
  if (missing) return undefined;
  return placedTail ? text : text + tail;
}

function isPlural(noun: string): boolean {
  return /[^su]s$/i.test(noun.split(' ').pop() ?? '');
}

function withArticle(noun: string): string {
  if (isPlural(noun)) return noun;
  return `${/^(?:[aio]|e(?!u)|u(?!s[eu]|ni)|hour|honest)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function matchPhrase(sentence: Sentence, phrase: CompiledPhrase, compiled: CompiledPhrasebook, strongNames: Set<string>): Candidate[] {
  const text = sentence.text;
  const candidates: Candidate[] = [];
  for (const match of execAll(phrase.regex, text)) {
    const groups = match.groups ?? {};
    const name = groups.possName ?? groups.perName;
    if (name !== undefined && !(strongNames.has(name.toLowerCase()) || (/^\p{Lu}/u.test(name) && isNameLike(name, compiled)))) continue;
    const end = match.index + match[0].length;
    const fields = groupFields(match);
    const start = match.index + (groups.lead?.length ?? 0);
    candidates.push({
      start,
      end,
      trigger: start,
      consumed: end,
      kind: phrase.kind,
      message: phrase.entry.message,
      explanation: phrase.entry.explanation,
      rewrites: phrase.entry.replacements.flatMap((replacement) => {
        const filled = fillTemplate(replacement, fields, '');
        if (filled === undefined) return [];
        const startsSentence = text.slice(0, match.index).trim() === '';
        return [finish(text.slice(0, match.index) + (startsSentence ? filled : lowerFirst(filled)) + text.slice(end), text)];
      }),
    });
  }
  return candidates;
}

/** Drops matches in quotes, matches that start inside operations vocabulary, and matches a team allowed. */
function unsuppressed(candidates: Candidate[], sentence: Sentence, quotes: Span[], compiled: CompiledPhrasebook): Candidate[] {
  if (candidates.length === 0) return candidates;
  const occurrences = (patterns: RegExp[]) => patterns.flatMap((pattern) => execAll(pattern, sentence.text).map((match) => ({ start: match.index, end: match.index + match[0].length })));
  const operations = occurrences(compiled.operations);
  const allowed = occurrences(compiled.allow);
  return candidates.filter((candidate) => {
    const start = sentence.start + candidate.start;
    if (quotes.some((quote) => quote.start <= start && start < quote.end)) return false;
    if (operations.some((range) => range.start <= candidate.trigger && candidate.trigger < range.end)) return false;
    return !allowed.some((range) => range.start < candidate.consumed && candidate.start < range.end);
  });
}

/** "caused by Bob's mistake" also contains "Bob's mistake": report the outer one. */
function keepOutermost(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!kept.some((outer) => outer.start <= candidate.start && candidate.end <= outer.end)) kept.push(candidate);
  }
  return kept;
}

function toMatch(candidate: Candidate, sentence: Sentence, block: ProseBlock, messages: { blame: string; hindsight: string }): BlameMatch {
  const base = block.span.start + sentence.start;
  const words = squash(sentence.text.slice(candidate.start, candidate.end));
  const rewrites = [...new Set(candidate.rewrites)].filter((text) => text !== squash(sentence.text)).slice(0, maxRewrites);
  return {
    span: { start: base + candidate.start, end: base + candidate.end },
    sentence: { start: base, end: base + sentence.text.length },
    kind: candidate.kind,
    message: (candidate.message ?? messages[candidate.kind]).replace('{words}', words),
    explanation: candidate.explanation,
    rewrites: rewrites.map((newText) => ({ title: `Rewrite as: ${newText}`, newText })),
  };
}

function finalPunctuation(text: string): string {
  return /[.!?]+["'”’)\]]*$/.exec(text)?.[0] ?? '';
}

/** Collapses masked markup and line breaks, and keeps the original sentence's initial case. */
function finish(rewrite: string, original: string): string {
  const text = squash(rewrite).replace(/ ([,;:.!?])/g, '$1').replace(/,,/g, ',');
  const first = original.match(/\p{L}/u)?.[0];
  const startsLower = first !== undefined && first === original.trimStart()[0] && first !== first.toUpperCase();
  return startsLower ? lowerFirst(text) : text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
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
