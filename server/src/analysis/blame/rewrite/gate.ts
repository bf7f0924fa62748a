// The quality gate every rewrite passes before it is offered: grammatical, every fact kept but who is to blame, nothing added, no one pointed at.
import { actingOpener, taggedGrammarProblems, wordOrderProblems } from './grammar';
import type { AnalysisCache } from '../../cache';
import { lemma } from './tagged';
import { defaultPhrasebook } from '../phrasebook';
import { concession, contentTokens, isFunctionWord, isUnintended, otherPeoplePronouns, personalPronouns, sameStem, stem, thirdPersonPronouns, tokens, unintendedPhrase, type Token } from './words';

export interface RewriteCheck {
  /** The sentence as written. */
  original: string;
  /** The sentence after the edit. */
  rewritten: string;
  /** Where the edit starts (the same offset in both). */
  editStart: number;
  /** The person and the words that blame them, in the original: the rewrite may drop these. */
  blamed: { start: number; end: number };
  /** The blamed words are the subject (the person and nothing else): all of them may go, and none may come back. */
  subject: boolean;
  /** The rewrite is a phrase the team configured: its words are the team's choice, not facts the gate could check. */
  teamWording: boolean;
  /** The lexicon's role nouns, a team's included (`CompiledPhrasebook.roleNouns`); the built-in lexicon's when not given. */
  roleNouns?: ReadonlySet<string>;
  /** Keeps the sentences' tags for the caller (see `tagTerms`). */
  cache?: AnalysisCache;
}

/** Words that judge how someone acted ("obviously", "hurriedly", "misguided", errors "shrugged off"), beside the phrasebook's fault adverbs that are no mere accident ("carelessly"): a rewrite that keeps one still blames. */
const judgingWords = new Set(
  'obvious obviously hurriedly shrugged foolishly stupidly naively thoughtlessly clumsily irresponsibly inexcusably intelligently wisely smartly sensibly misguided ill-advised ill-considered careless reckless sloppy lazy foolish stupid naive negligent incompetent clumsy irresponsible inexcusable embarrassing shameful'.split(' '),
);

function isJudging(word: string): boolean {
  return judgingWords.has(word) || (defaultPhrasebook().compiled.faultAdverbs.has(word) && !isUnintended(word));
}

/** Words that only say someone is at fault, with the phrasebook's fault adverbs: a rewrite may drop them (but not that an act was unintended, see `unintendedProblems`). */
const faultWords = new Set(
  'accident forgot forget forgets forgotten forgetting failed fail fails neglected neglect neglects omitted omit omits mistake mistakes error errors human laziness negligence incompetence fault blame supposed'.split(' '),
);

function isFaultWord(word: string): boolean {
  return faultWords.has(word) || isJudging(word) || defaultPhrasebook().compiled.faultAdverbs.has(word);
}

/** Groups of people the lexicon holds as bare words or not as roles ("ops", "folks"): in the blamed words they name the people too. */
const groupNouns = new Set(['ops', 'devops', 'staff', 'people', 'folks', 'crew']);

/** Whether a word in the blamed words names the person: a role noun of the lexicon or a group, in the plural too, perhaps after a hyphenated prefix ("co-worker", "db-admins"). */
function isRoleWord(word: string, roleNouns: ReadonlySet<string>): boolean {
  const unprefixed = word.replace(/^\p{L}+-/u, '');
  return [word, unprefixed].some((form) => [form, form.replace(/s$/, '')].some((noun) => roleNouns.has(noun) || groupNouns.has(noun)));
}

/** Word-order problems of the rewrite that the original did not have: "Users piled in, and ..." ends a clause on "in" either way. */
function newWordOrderProblems({ original, rewritten }: RewriteCheck): string[] {
  const problems = wordOrderProblems(rewritten);
  if (problems.length === 0) return problems;
  const before = new Set(wordOrderProblems(original));
  return problems.filter((problem) => !before.has(problem));
}

/** The same for the problems the tags show: "Caused by a switch being unplugged." is a fragment as the writer's "Caused by ..." was. */
function newTaggedGrammarProblems({ original, rewritten, cache }: RewriteCheck): string[] {
  const problems = taggedGrammarProblems(rewritten, cache);
  if (problems.length === 0) return problems;
  const before = new Set(taggedGrammarProblems(original, cache));
  return problems.filter((problem) => !before.has(problem));
}

/** The gate's checks, cheapest first: tagging the rewrite costs more than all the others together. */
function gateChecks(check: RewriteCheck): (() => string[])[] {
  return [
    () => newWordOrderProblems(check),
    () => personProblems(check),
    () => danglingOpeningProblems(check),
    () => judgingProblems(check.rewritten),
    () => (check.teamWording ? [] : unintendedProblems(check)),
    () => (check.teamWording ? [] : factProblems(check)),
    () => newTaggedGrammarProblems(check),
  ];
}

/** Why the rewrite may not be offered; empty when it may. */
export function rewriteProblems(check: RewriteCheck): string[] {
  return gateChecks(check).flatMap((problems) => problems());
}

/** Whether the rewrite may be offered: stops at the first check that fails, so most rejected rewrites are never tagged. */
export function passesGate(check: RewriteCheck): boolean {
  return gateChecks(check).every((problems) => problems().length === 0);
}

/**
 * "accidentally deleted" rewritten without "accidentally" reads as a deliberate act: a fact lost. A step forgotten
 * ("forgot to restart" as "was not restarted") is let through: in the last two blind reviews the writers asked for
 * that plain account, where the questions in its place lost the step.
 */
function unintendedProblems({ original, rewritten }: RewriteCheck): string[] {
  return unintendedPhrase.test(original) && !unintendedPhrase.test(rewritten) ? ['drops that the act was unintended'] : [];
}

// "While updating the config, Sam failed to ...": a clause before the subject that tells what the subject was doing.
const actingOpening = new RegExp(String.raw`${actingOpener}[^,;.]*,\s*$`, 'iu');

/** The person taken out of the subject leaves such an opening clause telling what the new subject, a thing, was doing. */
function danglingOpeningProblems({ original, editStart, subject }: RewriteCheck): string[] {
  return subject && actingOpening.test(original.slice(0, editStart)) ? ['leaves the opening clause without the one who acted'] : [];
}

function judgingProblems(rewritten: string): string[] {
  return [...rewritten.matchAll(/[\p{L}]+(?:-[\p{L}]+)*/gu)].filter((word) => isJudging(word[0].toLowerCase())).map((word) => `still judges: "${word[0]}"`);
}

function personProblems({ original, rewritten, editStart, blamed, subject, roleNouns = defaultPhrasebook().compiled.roleNouns }: RewriteCheck): string[] {
  const blamedTokens = tokens(original.slice(blamed.start, blamed.end));
  // A subject's words name the person by its head and names ("a different developer", "Our support staff"): "a different change", "our database" point at no one.
  const head = blamedTokens.filter((token) => !isFunctionWord(token.lower)).at(-1);
  const personWords = new Set(
    blamedTokens
      .filter((token) => personalPronouns.has(token.lower) || (!isFunctionWord(token.lower) && token.lower !== 'our' && ((subject && token === head) || /^\p{Lu}/u.test(token.text) || isRoleWord(token.lower, roleNouns) || original[blamed.start + token.start - 1] === '@')))
      .map((token) => token.lower),
  );
  // "Even though we noticed it, our sites were patched": the writers named anywhere in the sentence still point at them.
  const firstPerson = [...personWords].some((word) => word === 'we' || word === 'i');
  const after = tokens(rewritten.slice(firstPerson ? 0 : editStart));
  // "we banned some users and they saw ...": with the writers blamed, "they" and "their" are other people, not the blamed.
  // "the database for my website was deleted": "my" names the owner, as "our" names the organisation.
  const pointsAtBlamed = (word: string) => (personalPronouns.has(word) && !(firstPerson && (otherPeoplePronouns.has(word) || word === 'my'))) || personWords.has(word);
  const editEnd = rewritten.length - commonSuffixLength(original, rewritten, editStart);
  const inOwnClause = (token: Token) => firstPerson && writersInOwnClause(rewritten, token, editStart, editEnd);
  const problems = after.filter((token) => pointsAtBlamed(token.lower) && !inOwnClause(token)).map((token) => `still points at a person: "${token.text}"`);
  // "A contractor was syncing the replica when they wiped the files": the pronoun goes, but the role it stood for stays before the edit.
  if ([...personWords].some((word) => thirdPersonPronouns.has(word))) {
    const antecedent = tokens(rewritten.slice(0, editStart)).find((token) => isRoleWord(token.lower, roleNouns));
    if (antecedent) problems.push(`still points at a person: "${antecedent.text}", whom the blamed pronoun stood for`);
  }
  return problems;
}


/** How many characters end both texts, not reaching back into the edit. */
function commonSuffixLength(original: string, rewritten: string, editStart: number): number {
  let length = 0;
  while (length < Math.min(original.length, rewritten.length) - editStart && original[original.length - 1 - length] === rewritten[rewritten.length - 1 - length]) length++;
  return length;
}

// Between two clauses: a mark or a conjunction ("We had the new key, but ...", "once we started depending on it"). Before
// the rewritten act a bare "and", "or" or "then" continues the writers' own clause instead ("I had it off and ...").
const setsApart = String.raw`[,;:—–]|\s-\s|\b(?:but|so|while|when|whenever|after|before|until|once|since|as|which|because)\b`;
const boundaryBefore = new RegExp(setsApart, 'i');
const clauseBoundary = new RegExp(String.raw`${setsApart}|\b(?:and|or|then)\b`, 'i');

// "..., and within a minute I had dropped half the orders", "which left us misreading ...": the writers at fault again in their own clause.
const harmedAgain = /^\s+(?:(?:had|have|has|then|also|just|accidentally|inadvertently|mistakenly)\s+)*(?:deleted|dropped|removed|wiped|broke|destroyed|overwrote|overwritten|killed|truncated|erased|corrupted|crashed|caused|forgot|missed|failed|neglected|ignored|skipped|overlooked|mis\p{L}+)\b/iu;

/**
 * "Production was accidentally deleted, but we made it not matter": the writers named in a clause of their own, apart
 * from the act, are the team telling its story; the detector has already found nothing to blame in that clause.
 */
function writersInOwnClause(rewritten: string, token: Token, editStart: number, editEnd: number): boolean {
  const between = token.start >= editEnd ? rewritten.slice(editEnd, token.start) : token.end <= editStart ? rewritten.slice(token.end, editStart) : undefined;
  // A boundary inside brackets is no boundary: "the salt was changed (data added to a secret) we use" left a relative clause behind.
  const outsideBrackets = between?.replace(/\([^()]*\)|\[[^\]]*\]/g, ' ');
  // "Even though we saw the alert, ...": the writers' knowledge set against the act is the blame itself.
  if (outsideBrackets === undefined || concession.test(rewritten) || harmedAgain.test(rewritten.slice(token.end))) return false;
  return token.end <= editStart ? boundaryBefore.test(outsideBrackets) : clauseBoundary.test(outsideBrackets);
}


function factProblems({ original, rewritten, blamed, subject, roleNouns = defaultPhrasebook().compiled.roleNouns }: RewriteCheck): string[] {
  const inBlamed = (token: Token) => token.start >= blamed.start && token.end <= blamed.end;
  const kept = contentTokens(original).filter((token) => !(inBlamed(token) && (subject || isDroppable(token, roleNouns))) && !isFaultWord(token.lower));
  const blamedWords = contentTokens(original.slice(blamed.start, blamed.end));
  const written = contentTokens(rewritten);
  const same = sameWordReader();
  const problems = kept.filter((token) => !written.some((other) => same(token, other))).map((token) => `drops "${token.text}"`);
  const originalWords = contentTokens(original);
  for (const token of written) {
    if (!originalWords.some((other) => same(token, other)) && !blamedWords.some((other) => same(token, other))) problems.push(`adds "${token.text}"`);
  }
  return problems;
}

/** In the blamed words, the person and fault words may go; the act itself (a verb, its object) may not. */
function isDroppable(token: Token, roleNouns: ReadonlySet<string>): boolean {
  return isFaultWord(token.lower) || /^\p{Lu}/u.test(token.text) || isRoleWord(token.lower, roleNouns);
}

/** Words a rewrite may say in place of another: "went unnoticed" for "did not notice", "by accident" for "by mistake", "inadvertently" for "forgot". */
const equivalents = new Map([
  ['unnoticed', new Set(['notice', 'realize', 'realise', 'spot'])],
  ['accidentally', new Set(['mistakenly', 'erroneously'])],
  ['accident', new Set(['mistake', 'error'])],
  ['incorrectly', new Set(['mistakenly', 'erroneously', 'mistake', 'error'])],
  // "forgot to renew" -> "was inadvertently not renewed", "a human error" -> "was inadvertently left".
  ['inadvertently', new Set(['forget', 'forgot', 'error', 'slip', 'oversight'])],
]);

interface WordForms {
  stem: string;
  lemma: string;
}

/** `sameWord` for the words of one check: every word is compared with every other, so each word's forms are worked out once. */
function sameWordReader(): (a: Token, b: Token) => boolean {
  const forms = new Map<string, WordForms>();
  const formsOf = (word: string) => {
    let known = forms.get(word);
    if (!known) forms.set(word, (known = { stem: stem(word), lemma: lemma(word) }));
    return known;
  };
  return (a, b) => sameWord(a.lower, b.lower, formsOf(a.lower), formsOf(b.lower));
}

function sameWord(a: string, b: string, aForms: WordForms, bForms: WordForms): boolean {
  if (sameStem(aForms.stem, bForms.stem) || aForms.lemma === bForms.lemma) return true;
  return equivalents.get(a)?.has(bForms.lemma) === true || equivalents.get(b)?.has(aForms.lemma) === true;
}
