// A passive with no agent that still reads as someone's error ("was mistakenly marked as correct") keeps the fact with a
// neutral adverb: "was incorrectly marked as correct". Who or what erred stays as open as the sentence left it.

/** Replaces `from`..`to` of the sentence with `text`. */
export interface SlipEdit {
  from: number;
  to: number;
  text: string;
}

/** The edit for the error words at `predicate`, or undefined when they are not in an agentless passive. */
export function neutralSlip(text: string, predicate: { start: number; end: number }): SlipEdit | undefined {
  const words = text.slice(predicate.start, predicate.end);
  const before = text.slice(0, predicate.start);
  if (/^(?:mistakenly|erroneously)$/i.test(words) && /\b(?:was|were|is|are|been|being)\s+$/i.test(before)) return { from: predicate.start, to: predicate.end, text: 'incorrectly' };
  // "were overwritten by mistake" -> "were incorrectly overwritten": the adverb goes before the participle.
  const participle = /\b(?:was|were|is|are|been|being)\s+(\p{L}+(?:ed|en|wn|t))\s+$/iu.exec(before);
  if (/^(?:by mistake|in error)$/i.test(words) && participle) {
    return { from: participle.index + participle[0].indexOf(participle[1]), to: predicate.end, text: `incorrectly ${participle[1]}` };
  }
  return undefined;
}
