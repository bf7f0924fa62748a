// Typos and plurals in a heading's key word ("Timline", "Root Casue", "Timelines"): each word is read as the key word it nearly spells.
// One edit only: two already turn real words into key words ("timezone" into "timeline").
import { distance } from 'fastest-levenshtein';

/** The words that say which section a heading is; a heading word close to one is read as it. */
export const keyWords = [
  'summary', 'overview', 'synopsis', 'abstract', 'impact', 'timeline', 'chronology', 'events', 'cause', 'causes', 'analysis',
  'contributing', 'factors', 'lesson', 'lessons', 'learned', 'learnt', 'learnings', 'takeaways', 'action', 'actions', 'items',
  'remediation', 'remediations', 'corrective', 'preventive', 'preventative', 'measures', 'improvement', 'improvements',
  'mitigation', 'mitigations', 'recommendations', 'follow', 'steps', 'forward', 'poorly', 'wrong', 'better', 'right', 'worked', 'happened', 'remedial',
];
const known = new Set(keyWords);
/** Shorter words are too often other words one letter away ("cause" and "pause" are both real). */
const minimumWordLength = 5;

/** The heading with each word that nearly spells a key word replaced by it, or undefined when no word changed. */
export function correctKeyWordTypos(normalised: string): string | undefined {
  let changed = false;
  const words = normalised.split(' ').map((word) => {
    const corrected = nearestKeyWord(word);
    if (corrected === undefined) return word;
    changed = true;
    return corrected;
  });
  return changed ? words.join(' ') : undefined;
}

function nearestKeyWord(word: string): string | undefined {
  if (word.length < minimumWordLength || known.has(word)) return undefined;
  // Typists rarely miss the first letter, and a word of another length by two is another word ("impacted").
  return keyWords.find((key) => key[0] === word[0] && Math.abs(key.length - word.length) <= 1 && oneEditApart(word, key));
}

/** One letter added, dropped or replaced (Levenshtein distance 1), or two neighbours swapped ("casue" for "cause"). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (distance(a, b) <= 1) return true;
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]];
}
