// What the analysis got wrong on the tune split, one line each, for whoever tunes it; held-out mistakes are never listed.
import type { SentenceResult } from './blame';
import type { DocumentResult } from './document';

export function documentMistakes(result: DocumentResult): string[] {
  const sections = [...result.sections].filter(([, outcome]) => outcome === 'wrong' || outcome === 'missed' || outcome === 'spurious').map(([kind, outcome]) => `${result.file}: section ${kind} ${outcome}`);
  const findings = result.findings.filter((finding) => finding.verdict === 'wrong').map((finding) => `${result.file}:${finding.line}: ${finding.ruleId} judged wrong: ${finding.message}`);
  const { labelled, found } = result.actionItems;
  const items = found === labelled ? [] : [`${result.file}: ${found} action items found, ${labelled} labelled`];
  const missedOrder = result.timeline.labelled - result.timeline.foundAtLine;
  const order = missedOrder > 0 ? [`${result.file}: ${missedOrder} labelled out-of-order line(s) not found`] : [];
  const fix = [
    ...(result.fix.removesCharacters ? [`${result.file}: --fix loses characters`] : []),
    ...(result.fix.reordersChronologicalTimeline ? [`${result.file}: --fix reorders a chronological timeline`] : []),
    ...(result.fix.insertsPresentSection ? [`${result.file}: --fix inserts a section the document has`] : []),
  ];
  return [...sections, ...findings, ...items, ...order, ...fix];
}

export function sentenceMistakes(file: string, results: readonly SentenceResult[]): string[] {
  return results
    .filter((result) => result.flagged !== result.sentence.blame)
    .map(({ sentence, flagged }) => `${file}: ${flagged ? 'flagged, labelled neutral' : sentence.borderline ? 'missed borderline blame' : 'missed blame'}: ${sentence.text}`);
}
