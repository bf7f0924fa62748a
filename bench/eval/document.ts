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
   * `withoutOwner` and `withoutDue` are the labels' counts, which may include done items; the rules rightly report only
   * open items, so `doneWithoutOwner` and `doneWithoutDue` count the items the analysis read as done without one, as
   * far as the labelled count leaves room for done items (see `labelledDone`).
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

/** Labels join hard-wrapped lines and reduce links to their text; the document is compared the same way, each kept character with its offset. */
function comparable(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (let at = 0; at < text.length; ) {
    const char = text[at];
    const linkEnd = char === ']' && text[at + 1] === '(' ? text.indexOf(')', at) : -1;
    if (linkEnd >= 0) {
      at = linkEnd + 1;
    } else if (char === '[' || char === ']') {
      at++;
    } else if (/\s/.test(char)) {
      out += ' ';
      offsets.push(at);
      while (at < text.length && /\s/.test(text[at])) at++;
    } else {
      out += char;
      offsets.push(at);
      at++;
    }
  }
  return { text: out, offsets };
}

/** A labelled sentence's place in its document: character offsets, and the 1-based lines they cover. */
export interface SentencePlace {
  start: number;
  end: number;
  lines: LineSpan;
}

/**
 * Where a labelled sentence stands, searched from its start line over the next 20 lines (it may be hard-wrapped);
 * a sentence not found keeps its whole start line.
 */
export function sentencePlace(text: string, line: number, sentence: string): SentencePlace {
  const index = new LineIndex(text);
  const lineCount = text.split(/\r?\n/).length;
  const regionStart = index.offsetAt({ line: line - 1, character: 0 });
  const regionEnd = line + 20 < lineCount ? index.offsetAt({ line: line + 20, character: 0 }) : text.length;
  const region = comparable(text.slice(regionStart, regionEnd));
  const wanted = comparable(sentence).text.trim();
  const head = wanted.slice(0, 16);
  const tail = wanted.slice(-16);
  const at = region.text.indexOf(head);
  const tailAt = at < 0 ? -1 : region.text.indexOf(tail, at);
  const lineOf = (offset: number) => index.positionAt(offset).line + 1;
  if (at < 0 || tailAt < 0) {
    const lineEnd = text.slice(regionStart).search(/\r?\n|$/);
    return { start: regionStart, end: regionStart + lineEnd, lines: { first: line, last: line } };
  }
  const start = regionStart + region.offsets[at];
  const end = regionStart + region.offsets[tailAt + tail.length - 1] + 1;
  return { start, end, lines: { first: lineOf(start), last: lineOf(end - 1) } };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * How many of the items read as done the labels count. Labellers differ: some count done items, some leave them out.
 * What the labelled count holds beyond the open items found is taken for done items, up to those found.
 */
export function labelledDone(labelledCount: number, openFound: number, doneFound: number): number {
  return Math.min(doneFound, Math.max(0, labelledCount - openFound));
}

/** `blamePlaces`: where each sentence labelled blame stands in this document (one per labelled sentence). */
export function evaluateDocument(document: LabelledDocument, blamePlaces: readonly SentencePlace[]): DocumentResult {
  const { text, labels } = document;
  const analysis = analyze(text, { force: true, today: evaluationDay });
  if (!analysis.model) throw new Error(`${document.file} could not be analysed: ${analysis.findings.map((finding) => finding.message).join('; ')}`);
  const model = analysis.model;
  const lines = new LineIndex(text);
  const lineRange = (finding: Finding) => ({ first: lines.positionAt(finding.span.start).line + 1, last: lines.positionAt(Math.max(finding.span.start, finding.span.end - 1)).line + 1 });
  const done = model.actionItems.filter((item) => item.status === 'done');
  const countedDone = labelledDone(labels.actionItems.count, model.actionItems.length - done.length, done.length);
  const doneWithoutOwner = Math.min(countedDone, done.filter((item) => !item.owner).length);
  const doneWithoutDue = Math.min(countedDone, done.filter((item) => !item.due).length);
  // Findings are compared with the open items the labels leave without one.
  const countBased = new Map([
    ['action-item-owner', Math.max(0, labels.actionItems.withoutOwner - doneWithoutOwner)],
    ['action-item-due', Math.max(0, labels.actionItems.withoutDue - doneWithoutDue)],
  ]);
  const seen = new Map<string, number>();
  const verdictOf = (finding: Finding): Verdict => {
    if ((sectionRuleIds as readonly string[]).includes(finding.ruleId)) return judgeSectionFinding(finding, model, labels);
    if ((metadataRuleIds as readonly string[]).includes(finding.ruleId)) return judgeMetadataFinding(finding, text);
    if (finding.ruleId === 'timeline-order') return labels.outOfOrderLines.includes(lineRange(finding).first) ? 'correct' : 'wrong';
    // A blame finding is credited to the labelled sentence its words fall in, not to anything else on the same line.
    if (finding.ruleId === 'blameful-language') return blamePlaces.some((place) => overlaps(place, finding.span)) ? 'correct' : 'wrong';
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
  const blameSpans = analysis.findings.filter((finding) => finding.ruleId === 'blameful-language').map((finding) => finding.span);
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
    blameInContext: { labelled: blamePlaces.length, found: blamePlaces.filter((place) => blameSpans.some((span) => overlaps(place, span))).length },
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
