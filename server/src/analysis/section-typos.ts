// Typos and plurals in a heading's key word ("Timline", "Root Casue", "Timelines"): each word is read as the key word it nearly spells.

/** The words that say which section a heading is; a heading word close to one is read as it. */
export const keyWords = [
  'summary', 'overview', 'synopsis', 'abstract', 'impact', 'timeline', 'chronology', 'events', 'cause', 'causes', 'analysis',
  'contributing', 'factors', 'lesson', 'lessons', 'learned', 'learnt', 'learnings', 'takeaways', 'action', 'actions', 'items',
  'remediation', 'remediations', 'corrective', 'preventive', 'preventative', 'measures', 'improvement', 'improvements',
  'mitigation', 'mitigations', 'recommendations', 'follow', 'steps', 'poorly', 'wrong', 'better', 'right', 'worked',
];
const known = new Set(keyWords);
/** Shorter words are too often other words one letter away ("cause" and "pause" are both real). */
const minimumWordLength = 5;
/** One edit only: two already turn real words into key words ("timezone" into "timeline"). */
const maximumEdits = 1;

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
  let best: { word: string; distance: number } | undefined;
  for (const key of keyWords) {
    // Typists rarely miss the first letter, and a word of another length by two is another word ("impacted").
    if (key[0] !== word[0] || Math.abs(key.length - word.length) > 1) continue;
    const distance = editDistance(word, key, maximumEdits);
    if (distance <= maximumEdits && (!best || distance < best.distance)) best = { word: key, distance };
  }
  return best?.word;
}

/** Optimal string alignment distance (a swap of two neighbours counts as one edit), or limit + 1 once it exceeds the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}
