// Blame in isolation: each labelled sentence alone in the Summary of a minimal postmortem.
import { analyze } from '../../server/src/analysis';
import type { LabelledSentence } from './corpus';
import { evaluationDay } from './document';

/** The sentence goes on the line after this; sentences are one line, so a finding past here is on it. */
const minimalPostmortem = '# Postmortem: eval\n\n## Summary\n\n';

export interface SentenceResult {
  sentence: LabelledSentence;
  flagged: boolean;
}

export function flagsSentence(text: string): boolean {
  const analysis = analyze(`${minimalPostmortem}${text}\n`, { force: true, today: evaluationDay });
  return analysis.findings.some((finding) => finding.ruleId === 'blameful-language' && finding.span.start >= minimalPostmortem.length);
}

export function evaluateSentences(sentences: readonly LabelledSentence[]): SentenceResult[] {
  return sentences.map((sentence) => ({ sentence, flagged: flagsSentence(sentence.text) }));
}
