// What the config schema cannot say about a team's phrasebook additions: patterns that compile, cannot backtrack catastrophically, and ids that exist.
import safeRegex from 'safe-regex2';
import { defaultPhrasebook, extendPhrasebook, phrasebookEntryIds, type PhrasebookAdditions } from './phrasebook';

export interface BlameConfigProblem {
  /** Path below `blame`: `['phrases', 0, 'match']`. */
  path: (string | number)[];
  text: string;
}

/** The additions without the refused entries, and why each was refused. */
export function checkBlameAdditions<T extends PhrasebookAdditions>(additions: T): { valid: T; problems: BlameConfigProblem[] } {
  const problems: BlameConfigProblem[] = [];
  const refused = (list: 'phrases' | 'tryHarder', phrase: { match: string; regex?: boolean }, index: number): boolean => {
    const why = patternProblem(list, phrase);
    if (why) problems.push({ path: [list, index, 'match'], text: why });
    return why !== undefined;
  };
  const phrases = additions.phrases?.filter((phrase, index) => !refused('phrases', phrase, index));
  const tryHarder = additions.tryHarder?.filter((phrase, index) => !refused('tryHarder', phrase, index));
  const known = new Set(phrasebookEntryIds());
  const disable = additions.disable?.filter((id, index) => {
    if (known.has(id)) return true;
    problems.push({ path: ['disable', index], text: `unknown phrasebook entry ${JSON.stringify(id)}${closest(id, known)}` });
    return false;
  });
  const valid: T = { ...additions };
  if (phrases) valid.phrases = phrases;
  if (tryHarder) valid.tryHarder = tryHarder;
  if (disable) valid.disable = disable;
  return { valid, problems };
}

function patternProblem(list: 'phrases' | 'tryHarder', phrase: { match: string; regex?: boolean }): string | undefined {
  if (!phrase.regex) return undefined;
  try {
    new RegExp(phrase.match, 'u');
  } catch (error) {
    return `not a valid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`;
  }
  // Placeholders ({person}, {object}) are our own safe patterns; only the team's part is judged.
  if (!safeRegex(phrase.match.replace(/\{[a-zA-Z]\w*(?::\w+)?\}/g, 'x'))) {
    return 'refused: this regular expression can backtrack catastrophically (a repeated group that itself repeats, such as (a+)+); write it without nested repetition';
  }
  try {
    extendPhrasebook(defaultPhrasebook(), { [list]: [{ ...phrase, explanation: 'check' }] });
  } catch (error) {
    return `cannot be used: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

function closest(word: string, candidates: ReadonlySet<string>): string {
  const prefix = word.split('-')[0];
  const near = [...candidates].filter((candidate) => candidate.startsWith(prefix)).slice(0, 3);
  return near.length ? `; did you mean ${near.map((id) => JSON.stringify(id)).join(' or ')}?` : '';
}
