// A step left out, told with the reason it was left out, is a decision a blameless review records, not a lapse; what was not
// known yet is part of the story.

/** "since there was no user impact", "because it was not required", "as we did not need to": the step was not needed. */
const notNeeded =
  /^[^.;]*?\b(?:as|because|since|given\s+that)\s+(?:there\s+(?:was|were|is|are)\s+no\s+(?:[\p{L}-]+\s+){0,3}?(?:need|impact|reason|risk|urgency)\b|(?:it|this|that|they)\s+(?:was|is|were|are)(?:n['’]t|\s+not)\s+(?:\p{L}+\s+)?(?:needed|necessary|required|urgent)\b|(?:we|they|he|she|I)\s+did(?:n['’]t|\s+not)\s+(?:yet\s+)?need\s+to\b)/iu;
/** ", as it would have blocked the hotfix": what taking the step would have cost. */
const costOfTheStep = /^[^.;]*?,\s*(?:as|because|since)\s+(?:it|this|that|doing\s+so)\s+would\b/i;
const decidedNotTo = /\b(?:decided|decides|chose|chooses|opted|opts|elected)\s+not\s+to\b/i;
/** "we did not pursue it": a course not taken is a decision, like "decided not to", when its reason is told. */
const notPursued = /\b(?:not|never)\s+(?:to\s+)?(?:pursue|proceed|escalate)\b|n['’]t\s+(?:pursue|proceed|escalate)\b/i;
/** "Given the other outages, ..." before the words, or "..., as ..." after them. */
const reasonBefore = /^\W*(?:given|because|since|as|with|due\s+to)\b[^.;]*,/i;
const reasonAfter = /^[^.;]*?\b(?:as|because|since|given(?:\s+that)?)\s/i;
/** "Since we had already merged the fix, we did not ...": the step was not needed, because what it would do was done. */
const alreadyDoneBefore = /^\W*(?:since|because|as|given\s+that)\b[^.;]*\balready\b[^.;]*,\s*$/i;

/**
 * Whether the step `words` leave out comes with its reason: it was not needed ("We didn't page the vendor, since there
 * was no user impact", "Since we had already merged the fix, we did not ..."), taking it would have cost something ("Skipped the canary, as it would have blocked the
 * hotfix"), or a decision not to act is told with why ("Given the other outages, we decided not to repair the VM").
 * `before` and `after` are the sentence's text on either side of the words.
 */
export function omittedForAReason(before: string, words: string, after: string): boolean {
  if (costOfTheStep.test(after)) return true;
  if (/\b(?:not|never)\b|n['’]t\b/i.test(words) && (notNeeded.test(after) || alreadyDoneBefore.test(before))) return true;
  return (decidedNotTo.test(words) || notPursued.test(words)) && (reasonBefore.test(before) || reasonAfter.test(after));
}

/** "though none of us knew of the leak yet": what people knew then is part of the story, not a lapse. */
export function notKnownYet(words: string, after: string): boolean {
  // "never realised her error at that time" still judges; only "yet" says the realising was still to come.
  if (/\breali[sz]/i.test(words)) return /^[^.;]*?\byet\b/i.test(after);
  return /\b(?:know|knew|aware)/i.test(words) && /^[^.;]*?\b(?:yet|at\s+(?:the|that)\s+(?:time|point|moment))\b/i.test(after);
}
