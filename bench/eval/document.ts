// One labelled document through the analysis and fix-all, with every finding judged against its labels.
import { analyze, type Finding, fixAll, LineIndex, type Postmortem, removedCharacters, type SectionKind } from '../../server/src/analysis';
import type { DocumentLabels, LabelledDocument } from './corpus';
import { judgeMetadataFinding, metadataRuleIds } from './metadata';
import { judgeSectionFinding, missingButPresent, sectionOutcomes, sectionRuleIds, type SectionOutcome } from './sections';
import type { JudgedFinding, Verdict } from './verdict';

/** A fixed day, so rules that read "today" (overdue, year-less dates) give the same figures on every run. */
export const evaluationDay = '2026-12-01';

/** Rules the labels can judge; the rest are counted as "not judged". */
export const judgedRuleIds: readonly string[] = [...sectionRuleIds, 'timeline-order', 'action-item-owner', 'action-item-due', 'blameful-language', ...metadataRuleIds];

export interface DocumentResult {
  file: string;
  sections: Map<SectionKind, SectionOutcome>;
  findings: JudgedFinding[];
  missingButPresent: number;
  timeline: { labelled: number; foundAtLine: number; findings: number; falseAlarms: number };
  /**
   * `withoutOwner` and `withoutDue` are the labels' counts, which include done items; the rules rightly report only
   * open items, so `doneWithoutOwner` and `doneWithoutDue` count the items the analysis read as done without one.
   */
  actionItems: { labelled: number; found: number; withoutOwner: number; doneWithoutOwner: number; ownerFindings: number; withoutDue: number; doneWithoutDue: number; dueFindings: number };
  blameInContext: { labelled: number; found: number };
  fix: { removesCharacters: boolean; reordersChronologicalTimeline: boolean; insertsPresentSection: boolean };
}

/** The 1-based lines a labelled sentence covers in its document. */
export interface LineSpan {
  first: number;
  last: number;
}

/** Labels join hard-wrapped lines and reduce links to their text; compare the document's lines the same way. */
function comparableText(text: string): string {
  return text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\[([^\]]*)\]/g, '$1')
    .replace(/\s+/g, ' ');
}

/** From the sentence's start line to the line holding its last characters, so a finding on a wrapped line counts. */
export function sentenceLineSpan(text: string, line: number, sentence: string): LineSpan {
  const lines = text.split(/\r?\n/);
  const ending = comparableText(sentence).trim().slice(-16);
  let joined = '';
  for (let index = line - 1; index < lines.length && index < line + 20; index++) {
    joined = `${joined} ${lines[index].trim()}`;
    if (comparableText(joined).includes(ending)) return { first: line, last: index + 1 };
  }
  return { first: line, last: line };
}

/** `blameSpans`: the lines each sentence labelled blame covers in this document (one per labelled sentence). */
export function evaluateDocument(document: LabelledDocument, blameSpans: readonly LineSpan[]): DocumentResult {
  const { text, labels } = document;
  const analysis = analyze(text, { force: true, today: evaluationDay });
  if (!analysis.model) throw new Error(`${document.file} could not be analysed: ${analysis.findings.map((finding) => finding.message).join('; ')}`);
  const model = analysis.model;
  const lines = new LineIndex(text);
  const lineRange = (finding: Finding) => ({ first: lines.positionAt(finding.span.start).line + 1, last: lines.positionAt(Math.max(finding.span.start, finding.span.end - 1)).line + 1 });
  const done = model.actionItems.filter((item) => item.status === 'done');
  const doneWithoutOwner = done.filter((item) => !item.owner).length;
  const doneWithoutDue = done.filter((item) => !item.due).length;
  // The labels count done items too; findings are compared with the open items the labels leave without one.
  const countBased = new Map([
    ['action-item-owner', Math.max(0, labels.actionItems.withoutOwner - doneWithoutOwner)],
    ['action-item-due', Math.max(0, labels.actionItems.withoutDue - doneWithoutDue)],
  ]);
  const seen = new Map<string, number>();
  const verdictOf = (finding: Finding): Verdict => {
    if ((sectionRuleIds as readonly string[]).includes(finding.ruleId)) return judgeSectionFinding(finding, model, labels);
    if ((metadataRuleIds as readonly string[]).includes(finding.ruleId)) return judgeMetadataFinding(finding, text);
    if (finding.ruleId === 'timeline-order') return labels.outOfOrderLines.includes(lineRange(finding).first) ? 'correct' : 'wrong';
    if (finding.ruleId === 'blameful-language') {
      const { first, last } = lineRange(finding);
      return blameSpans.some((span) => span.first <= last && first <= span.last) ? 'correct' : 'wrong';
    }
    const labelled = countBased.get(finding.ruleId);
    if (labelled !== undefined) {
      // Count-based: the labels give how many items lack an owner (a due date), not which ones.
      const index = seen.get(finding.ruleId) ?? 0;
      seen.set(finding.ruleId, index + 1);
      return index < labelled ? 'correct' : 'wrong';
    }
    return 'not judged';
  };
  const findings = analysis.findings.map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, line: lineRange(finding).first, message: finding.message, verdict: verdictOf(finding) }));
  const blameRanges = analysis.findings.filter((finding) => finding.ruleId === 'blameful-language').map(lineRange);
  return {
    file: document.file,
    sections: sectionOutcomes(model, labels),
    findings,
    missingButPresent: missingButPresent(analysis.findings, labels),
    timeline: timelineCounts(findings, labels),
    actionItems: {
      labelled: labels.actionItems.count,
      found: model.actionItems.length,
      withoutOwner: labels.actionItems.withoutOwner,
      doneWithoutOwner,
      ownerFindings: findings.filter((finding) => finding.ruleId === 'action-item-owner').length,
      withoutDue: labels.actionItems.withoutDue,
      doneWithoutDue,
      dueFindings: findings.filter((finding) => finding.ruleId === 'action-item-due').length,
    },
    blameInContext: { labelled: blameSpans.length, found: blameSpans.filter((span) => blameRanges.some((range) => span.first <= range.last && range.first <= span.last)).length },
    fix: fixSafety(text, model, labels),
  };
}

function timelineCounts(findings: readonly JudgedFinding[], labels: DocumentLabels): DocumentResult['timeline'] {
  const orderFindings = findings.filter((finding) => finding.ruleId === 'timeline-order');
  const foundLines = new Set(orderFindings.map((finding) => finding.line));
  return {
    labelled: labels.outOfOrderLines.length,
    foundAtLine: labels.outOfOrderLines.filter((line) => foundLines.has(line)).length,
    findings: orderFindings.length,
    falseAlarms: orderFindings.filter((finding) => finding.verdict === 'wrong').length,
  };
}

/** Fix-all must keep every visible character, leave a chronological timeline in its order, and add no section the document has. */
function fixSafety(text: string, model: Postmortem, labels: DocumentLabels): DocumentResult['fix'] {
  const fixed = fixAll(text, { force: true, today: evaluationDay });
  const fixedModel = fixed.analysis.model;
  if (!fixedModel) return { removesCharacters: removedCharacters(text, fixed.text).length > 0, reordersChronologicalTimeline: false, insertsPresentSection: false };
  const entryTexts = (of: Postmortem) => of.timeline.map((entry) => of.text.slice(entry.span.start, entry.span.end).trim());
  // Entries whose text a fix changed cannot be followed; the order of the others is compared.
  const original = entryTexts(model);
  const fixedEntries = entryTexts(fixedModel);
  const before = original.filter((entry) => fixedEntries.includes(entry));
  const after = fixedEntries.filter((entry) => original.includes(entry));
  const countOf = (of: Postmortem, kind: SectionKind) => of.sections.filter((section) => section.kind === kind).length;
  return {
    removesCharacters: removedCharacters(text, fixed.text).length > 0,
    reordersChronologicalTimeline: labels.timelineChronological === true && after.join('\n') !== before.join('\n'),
    insertsPresentSection: [...labels.sections].some(([kind, label]) => label !== null && countOf(fixedModel, kind) > countOf(model, kind)),
  };
}
