// Grammar checks a rewritten sentence must pass: a subject and a finite verb, no doubled or dangling words, no broken word order.
import { isFiniteVerb, tagTerms, type TaggedTerm } from './tagged';
import { tokens } from './words';
import type { AnalysisCache } from '../../cache';

/** "While updating the config, ...": a clause opening on what its subject, still to come, was doing ("During", "Following" open no such clause). */
export const actingOpener = String.raw`^\W*(?:(?:while|whilst|when|after|before|upon|on|by|since|in)\s+)?(?!(?:during|following|according|regarding|concerning|including|pending|(?:some|any|no|every)thing)\b)\p{L}+ing\b`;

// "While monitoring systems were in place, ..." has its own subject and verb: only an opener without a finite verb dangles.
const openerBeforePassive = new RegExp(String.raw`${actingOpener}(?:(?!\b(?:was|were|is|are|had|has|have)\b)[^,])*,\s+(?=\S)(?:(?!\b(?:we|i|you|he|she|they)\b).)*?\b(?:was|were)\s+(?:not\s+|never\s+)?(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|t)\b`, 'iu');

/** Words a sentence or clause cannot end on. */
const danglingWords = new Set('a an the to of in on at for with by from into and or but nor that which who his her their my our its your this these'.split(' '));

/** Why the sentence does not read as grammatical English, from its words and their order (the tagged checks are apart: they cost more). */
export function wordOrderProblems(sentence: string): string[] {
  const problems: string[] = [];
  const words = tokens(sentence);
  for (let i = 1; i < words.length; i++) {
    if (words[i].lower === words[i - 1].lower && !/^(?:that|had)$/.test(words[i].lower) && !/[,;:]/.test(sentence.slice(words[i - 1].end, words[i].start))) problems.push(`doubled word "${words[i].text}"`);
  }
  for (const clause of sentence.split(/[;:]|,(?=\s)|(?:[.!?](?=\s|$))/)) {
    const last = tokens(clause).at(-1);
    if (last && danglingWords.has(last.lower) && clause.trim() !== '') problems.push(`dangling "${last.text}"`);
  }
  // "to did not happen", "the step to was": an infinitive marker before a finite verb.
  const brokenTo = /\bto\s+(?:did|was|were|has|had|is|are|went)\b/i.exec(sentence);
  if (brokenTo) problems.push(`broken "${brokenTo[0]}"`);
  // "did not happen find out": a bare verb after a closed clause.
  const afterHappen = /\bhappen(?:ed)?\s+(?!to\b|in\b|on\b|at\b|for\b|until\b|before\b|after\b|because\b|when\b|while\b|again\b|during\b|since\b|and\b|or\b|but\b)[\p{Ll}]+\b/u.exec(sentence);
  if (afterHappen) problems.push(`broken "${afterHappen[0]}"`);
  // "was set up clearly did not understand": a second finite verb with nothing to join it to the first.
  const runOn = /\b(?:was|were|is|are)\s+(?:not\s+)?\p{L}+(?:ed|en|t|up|out)(?:\s+\p{L}+){0,2}?\s+(?:did|does|do|didn't|doesn't|don't)\b/iu.exec(sentence);
  if (runOn) problems.push(`run-on "${runOn[0]}"`);
  // "when while lunch was being eaten": two conjunctions that each open a clause, with nothing between them.
  const twoOpeners = /\b(?:when|while|whilst|because|if|since|although|though|that)\s+(?:when|while|whilst|because|if|since|although|though)\b/iu.exec(sentence);
  if (twoOpeners) problems.push(`two conjunctions "${twoOpeners[0]}"`);
  // "Manu was bet never read": a passive followed by a second verb of the clause.
  const secondVerb = /\b(?:was|were)\s+\p{L}+(?:ed|en|t)\s+(?:never|not|also|just)\s+(?:read|\p{L}+ed)\b/iu.exec(sentence);
  if (secondVerb) problems.push(`second verb "${secondVerb[0]}"`);
  // "While removing the table, it was deleted": the opener has no subject to attach to ("..., we can see that it was deleted" gives it one).
  if (openerBeforePassive.test(sentence)) problems.push('dangling opener before a passive');
  // "The older script, was accidentally used": a comma left between a subject and its verb when the object moved up.
  const commaBeforeVerb = /^[^,;:]*[^\s,],\s+(?:was|were)\s+\p{L}+/iu.exec(sentence);
  if (commaBeforeVerb) problems.push(`comma between subject and verb "${commaBeforeVerb[0]}"`);
  // "the server was wiped while working on a workflow": once the person is gone from the passive, the participle has no one to attach to.
  const danglingParticiple = /\b(?:was|were|been)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|t)\b[^.;:]*?\b(?:while|whilst|when|after|before)\s+(?!(?:any|some|no|every)thing\b)\p{L}+ing\b/iu.exec(sentence);
  if (danglingParticiple) problems.push(`dangling participle "${danglingParticiple[0]}"`);
  return problems;
}

/** The grammar problems only the words' parts of speech show: tagging costs more than every other check together. */
export function taggedGrammarProblems(sentence: string, cache?: AnalysisCache): string[] {
  return taggedProblems(tagTerms(sentence, cache), sentence);
}

function taggedProblems(terms: readonly TaggedTerm[], sentence: string): string[] {
  const problems: string[] = [];
  const finite = terms.findIndex((term, i) => isFiniteVerb(term, terms[i - 1]));
  if (finite < 0) problems.push('no finite verb');
  // "There was no rollback plan": the expletive "there" stands where the subject does.
  else if (!terms.slice(0, finite).some((term) => term.tags.has('Noun') || term.tags.has('Pronoun') || /^(?:x+|`[^`]*`|there)$/i.test(term.text))) problems.push('no subject before the verb');
  // "was overlooked phase": a passive participle directly followed by a bare noun.
  for (let i = 2; i < terms.length; i++) {
    const [be, participle, noun] = [terms[i - 2], terms[i - 1], terms[i]];
    const isParticiple = participle.tags.has('PastTense') || participle.tags.has('Participle') || /(?:ed|en|wn)$/.test(participle.lower);
    // "was used (stream ordering ...)": a bracket between the participle and the noun starts an aside, not an object.
    const adjacent = /^\s+$/.test(sentence.slice(participle.end, noun.start));
    if (/^(?:was|were|been|is|are)$/.test(be.lower) && isParticiple && adjacent && noun.tags.has('Noun') && !noun.tags.has('Adjective') && !noun.tags.has('Pronoun') && !noun.tags.has('Determiner') && !noun.tags.has('Possessive')) {
      problems.push(`broken order "${be.text} ${participle.text} ${noun.text}"`);
    }
  }
  return problems;
}
