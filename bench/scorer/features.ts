// The cues a learned scorer weighs for one sentence: what the detector found or nearly found in it, and a few cheap word cues.
import type { SentenceTrace } from '../../server/src/analysis';

/** Each feature is present or absent; its name says what it is (`entry:forgot-to`, `word:careless`, `cue:negation`). */
export type FeatureSet = Set<string>;

/** Modal + "have" + past participle: hindsight about what someone should have done. */
const modalHaveParticiple = /\b(?:should|could|would|must|might|ought to)(?:\s+not|n['’]t)?\s+(?:have|'ve|’ve)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|wn|ne|ght|lt|pt|t)\b/iu;
const negation = /\b(?:not|never|no|nobody|none|nothing|without)\b|n['’]t\b/i;
const quote = /["“”]|(?<![\p{L}])['‘][^'’]+['’](?![\p{L}])/u;
/** Lower-case words only: a capitalised word mid-sentence is a name or a product, which must not become a weight. */
const lowerWord = /(?<![\p{L}\p{N}_-])\p{Ll}[\p{Ll}'’-]*\p{Ll}(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_-])\p{Ll}(?![\p{L}\p{N}_'’-])/gu;

/** The features of one sentence the detector traced. */
export function sentenceFeatures(trace: SentenceTrace): FeatureSet {
  const features: FeatureSet = new Set();
  if (trace.skippedAs) features.add(`skip:${trace.skippedAs}`);
  for (const mention of trace.mentions) {
    features.add(`mention:${mention.kind}`);
    features.add(`mention:${mention.kind}:${mention.strength}`);
    if (mention.word) features.add(`pronoun:${mention.word}`);
  }
  const kept = trace.candidates.filter((candidate) => !candidate.suppressedBy);
  if (kept.length > 0) features.add('rule:flagged');
  for (const candidate of kept) features.add(`rule:${candidate.kind}`);
  for (const candidate of trace.candidates) {
    features.add(`entry:${candidate.entry}`);
    if (candidate.suppressedBy) features.add(`suppressed:${candidate.suppressedBy}`);
  }
  if (trace.candidates.length > 0 && kept.length === 0) features.add('rule:suppressed');
  if (trace.clause) features.add(`clause:${trace.clause}`);
  for (const [word] of trace.text.matchAll(lowerWord)) features.add(`word:${word.replace(/’/g, "'")}`);
  if (modalHaveParticiple.test(trace.text)) features.add('cue:modal-have-participle');
  if (negation.test(trace.text)) features.add('cue:negation');
  if (/\?/.test(trace.text)) features.add('cue:question');
  if (quote.test(trace.text)) features.add('cue:quote');
  return features;
}
