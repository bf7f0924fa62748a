// Rewrites on the real flagged sentences: each labelled sentence alone in a Summary, and what the blame rule offers for it.
import { analyze, defaultPhrasebook, findBlame, type Finding } from '../../server/src/analysis';
import type { SentenceResult } from './blame';
import { evaluationDay } from './document';
import { formatRatio, ratio, type Ratio } from './ratio';

const minimalPostmortem = '# Postmortem: eval\n\n## Summary\n\n';

export interface OfferedRewrite {
  /** The whole sentence after the edit. */
  text: string;
  /** A guided reframe (questions with tab stops) rather than a rewritten sentence. */
  reframe: boolean;
}

export interface FlaggedSentence {
  sentence: string;
  rewrites: OfferedRewrite[];
}

/** The blame findings on the sentence and the sentence as each of their fixes would leave it; undefined when nothing is flagged. */
export function rewritesFor(text: string): FlaggedSentence | undefined {
  const document = `${minimalPostmortem}${text}\n`;
  const findings = analyze(document, { force: true, today: evaluationDay }).findings.filter((finding) => finding.ruleId === 'blameful-language' && finding.span.start >= minimalPostmortem.length);
  if (findings.length === 0) return undefined;
  return { sentence: text, rewrites: findings.flatMap((finding) => offered(finding, document)) };
}

function offered(finding: Finding, document: string): OfferedRewrite[] {
  return finding.suggestions.flatMap((fix) => {
    const [edit] = fix.edits;
    if (fix.edits.length !== 1 || edit === undefined) return [];
    const after = document.slice(0, edit.span.start) + edit.newText + document.slice(edit.span.end);
    return [{ text: after.slice(minimalPostmortem.length).trim(), reframe: edit.snippet !== undefined }];
  });
}

export interface RewriteFigures {
  flagged: number;
  /** Flagged sentences for which a rewrite was built, before the gate judged it. */
  built: Ratio;
  /** Flagged sentences offered at least one rewrite that passed the gate. */
  passed: Ratio;
  /** Flagged sentences offered a guided reframe instead. */
  reframed: Ratio;
  /** Rewrites offered, all flagged sentences together. */
  offered: number;
}

/** The flagged sentences (as the isolation figures found them) analysed again for what their findings offer. */
export function rewriteFigures(results: readonly SentenceResult[]): RewriteFigures {
  const flagged = results.flatMap((result) => (result.flagged ? (rewritesFor(result.sentence.text) ?? []) : []));
  const offered = (entry: FlaggedSentence) => entry.rewrites.filter((rewrite) => !rewrite.reframe).length;
  const passed = flagged.filter((entry) => offered(entry) > 0).length;
  const built = flagged.filter((entry) => offered(entry) > 0 || rewritesTurnedAway(entry.sentence) > 0).length;
  const reframed = flagged.filter((entry) => entry.rewrites.length > 0 && offered(entry) === 0).length;
  const total = flagged.length;
  return { flagged: total, built: ratio(built, total), passed: ratio(passed, total), reframed: ratio(reframed, total), offered: flagged.reduce((sum, entry) => sum + offered(entry), 0) };
}

/** What the gate turned away for the sentence, read from the detector itself (the rule's findings do not carry it). */
function rewritesTurnedAway(text: string): number {
  const matches = findBlame({ span: { start: 0, end: text.length }, text, where: 'body' }, { people: [], phrasebook: defaultPhrasebook() });
  return matches.reduce((sum, match) => sum + match.rewritesTurnedAway, 0);
}

export function formatRewriteFigures(figures: RewriteFigures): string[] {
  return [
    `Flagged sentences: ${figures.flagged}. A rewrite built: ${formatRatio(figures.built)}; one passed the gate and is offered: ${formatRatio(figures.passed)}; a guided reframe instead: ${formatRatio(figures.reframed)}. Rewrites offered: ${figures.offered}.`,
  ];
}
