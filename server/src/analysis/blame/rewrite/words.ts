// Words as the rewrite checks compare them: tokens, the words that carry facts, and a stem that matches "deleted" with "deletion".

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A code span counts as one word; otherwise letters and digits, with inner apostrophes, dots and hyphens. */
const tokenPattern = /`[^`]*`|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function tokens(text: string): Token[] {
  return [...text.matchAll(tokenPattern)].map((match) => ({ text: match[0], lower: match[0].toLowerCase().replace(/’/g, "'"), start: match.index, end: match.index + match[0].length }));
}

/** Words that carry no fact of their own: a rewrite may add or drop them. */
const functionWords = new Set(
  (
    'a an the this that these those some any each every all both no not never nor none ' +
    'and or but so yet if then than as because while when whenever after before since until once where which who whom whose what why how ' +
    'of in on at to for from by with without into onto over under about above below between through during across against along among around ' +
    'be is are was were been being am do does did done doing have has had having will would shall should can could may might must ought ' +
    "it its it's there here also just only even still very too again already however instead went goes"
  ).split(' '),
);

/** Personal pronouns: in a rewrite they still point at whoever the sentence blamed. */
export const personalPronouns = new Set(
  "i me my mine myself i'm i've i'd we us ourselves we're we've we'd he him his himself he's he'd she her hers herself she's she'd they them their theirs themselves they're they've they'd you your yours yourself someone somebody nobody anyone anybody everyone everybody whoever".split(' '),
);

/** The pronouns that stand for a person named earlier in the sentence. */
export const thirdPersonPronouns = new Set(['he', 'she', 'they', 'him', 'her', 'them']);

/** Every third-person form, possessives and contractions too: with the writers blamed, these are other people. */
export const otherPeoplePronouns = new Set([...thirdPersonPronouns, ...("his himself he's he'd hers herself she's she'd their theirs themselves they're they've they'd".split(' '))]);

export function isFunctionWord(word: string): boolean {
  return functionWords.has(word) || personalPronouns.has(word) || /n't$/.test(word);
}

/** Tokens that state something: not function words, not pronouns, not one letter. */
export function contentTokens(text: string): Token[] {
  return tokens(text).filter((token) => !isFunctionWord(token.lower) && (token.lower.length > 1 || /\d/.test(token.lower)));
}

/** A crude stem: "deleted", "deletes", "deletion" and "delete" all give "delet". */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/`/g, '').replace(/['’]s$/, '');
  if (lower.length <= 4) return lower;
  return lower.replace(/(?:ations?|ions?|ings?|ed|ers?|es|s|e|ly|ies|y)$/, '') || lower;
}

/** Two words share a stem when one stem starts the other and the shorter has four letters or more ("roll", "rollback"). */
export function sameStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 4 && long.startsWith(short));
}

// Words that say an act was unintended ("accidentally", "by mistake"): a fact about the act, which a rewrite keeps without the person.
const unintendedAdverbs = 'accident(?:al)?ly|accidently|inadvertently|unintentionally|unintendedly|mistakenly|erroneously|unknowingly|unwittingly';

export function isUnintended(word: string): boolean {
  return new RegExp(`^(?:${unintendedAdverbs})$`, 'i').test(word);
}

/** Words anywhere in a sentence that say an act was unintended or in error ("by accident", "in error", "incorrectly"). */
export const unintendedPhrase = new RegExp(`\\b(?:${unintendedAdverbs}|by\\s+(?:mistake|accident)|in\\s+error|incorrectly|wrongly)\\b`, 'i');

/** Words that call an act foolish ("a silly mistake", "a dumb idea"): the detector reports them, and the reframes read them as owned. */
export const foolishWords = String.raw`silly|stupid|dumb|foolish|idiotic|rookie|noob|bone-?headed`;

/** A concession ("Even though we saw the alert, ..."): what it sets against the act changes how a rewrite of the act reads. */
export const concession = /\b(?:even though|although|though|nevertheless|despite|in spite of|even if|even when|whereas)\b/i;
