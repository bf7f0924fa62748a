// Adds up the per-document and per-sentence results of one split into the figures the report prints.
import { ruleIds, type SectionKind } from '../../server/src/analysis';
import { labelledKinds } from './corpus';
import type { SentenceResult } from './blame';
import { judgedRuleIds, type DocumentResult } from './document';
import { ratio, type Ratio } from './ratio';
import type { JudgedFinding } from './verdict';

export interface KindFigures {
  kind: SectionKind;
  labelled: number;
  correct: number;
  /** Recognised under another heading than the labelled one, or recognised where the labels have none. */
  wrong: number;
  missed: number;
  precision: Ratio;
  recall: Ratio;
}

export interface RuleFigures {
  ruleId: string;
  judged: boolean;
  findings: number;
  correct: number;
  wrong: number;
  notJudged: number;
  precision: Ratio;
}

export interface BlameIsolationFigures {
  file: string;
  sentences: number;
  precision: Ratio;
  recallClear: Ratio;
  recallBorderline: Ratio;
}

export interface Figures {
  documents: number;
  sections: { kinds: KindFigures[]; requiredFindings: Ratio; missingButPresent: number };
  timeline: { recall: Ratio; precision: Ratio; falseAlarms: number; falseAlarmsPer40: number };
  /**
   * Owner and due figures are count-based: the labels say how many items lack one, not which. They are measured
   * against the open items: the labelled count less the items read as done without one that the labels count (`doneWithoutOwner`, `doneWithoutDue`).
   */
  actionItems: { items: Ratio; ownerPrecision: Ratio; ownerRecall: Ratio; duePrecision: Ratio; dueRecall: Ratio; doneWithoutOwner: number; doneWithoutDue: number };
  rules: RuleFigures[];
  warningsAndErrors: Ratio;
  blame: { isolation: BlameIsolationFigures[]; inContext: { precision: Ratio; recall: Ratio } };
  fix: { documents: number; removesCharacters: number; reordersChronologicalTimeline: number; insertsPresentSection: number };
}

export function figuresOf(documents: readonly DocumentResult[], sentenceFiles: ReadonlyMap<string, readonly SentenceResult[]>): Figures {
  const findings = documents.flatMap((document) => document.findings);
  const rules = ruleFigures(findings);
  return {
    documents: documents.length,
    sections: {
      kinds: labelledKinds.map(({ kind }) => kindFigures(kind, documents)),
      requiredFindings: precisionOf(findings.filter((finding) => finding.ruleId === 'missing-section')),
      missingButPresent: sum(documents, (document) => document.missingButPresent),
    },
    timeline: timelineFigures(documents),
    actionItems: actionItemFigures(documents),
    rules,
    warningsAndErrors: precisionOf(findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning')),
    blame: {
      isolation: [...sentenceFiles].map(([file, results]) => blameIsolationFigures(file, results)),
      inContext: {
        precision: precisionOf(findings.filter((finding) => finding.ruleId === 'blameful-language')),
        recall: ratio(sum(documents, (document) => document.blameInContext.found), sum(documents, (document) => document.blameInContext.labelled)),
      },
    },
    fix: {
      documents: documents.length,
      removesCharacters: documents.filter((document) => document.fix.removesCharacters).length,
      reordersChronologicalTimeline: documents.filter((document) => document.fix.reordersChronologicalTimeline).length,
      insertsPresentSection: documents.filter((document) => document.fix.insertsPresentSection).length,
    },
  };
}

function sum<T>(items: readonly T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}

/** Correct over judged: findings the labels cannot judge are left out. */
function precisionOf(findings: readonly JudgedFinding[]): Ratio {
  const judged = findings.filter((finding) => finding.verdict !== 'not judged');
  return ratio(judged.filter((finding) => finding.verdict === 'correct').length, judged.length);
}

function kindFigures(kind: SectionKind, documents: readonly DocumentResult[]): KindFigures {
  const outcomes = documents.map((document) => document.sections.get(kind));
  const count = (outcome: string) => outcomes.filter((candidate) => candidate === outcome).length;
  const correct = count('correct');
  const wrong = count('wrong') + count('spurious');
  const labelled = correct + count('wrong') + count('missed');
  return { kind, labelled, correct, wrong, missed: count('missed'), precision: ratio(correct, correct + wrong), recall: ratio(correct, labelled) };
}

function ruleFigures(findings: readonly JudgedFinding[]): RuleFigures[] {
  return ruleIds.map((ruleId) => {
    const own = findings.filter((finding) => finding.ruleId === ruleId);
    const precision = precisionOf(own);
    return { ruleId, judged: judgedRuleIds.includes(ruleId), findings: own.length, correct: precision.hits, wrong: precision.total - precision.hits, notJudged: own.length - precision.total, precision };
  });
}

function timelineFigures(documents: readonly DocumentResult[]): Figures['timeline'] {
  const findings = sum(documents, (document) => document.timeline.findings);
  const falseAlarms = sum(documents, (document) => document.timeline.falseAlarms);
  return {
    recall: ratio(sum(documents, (document) => document.timeline.foundAtLine), sum(documents, (document) => document.timeline.labelled)),
    precision: ratio(findings - falseAlarms, findings),
    falseAlarms,
    falseAlarmsPer40: documents.length === 0 ? 0 : (falseAlarms * 40) / documents.length,
  };
}

function actionItemFigures(documents: readonly DocumentResult[]): Figures['actionItems'] {
  const items = documents.map((document) => document.actionItems);
  const openWithoutOwner = (item: DocumentResult['actionItems']) => Math.max(0, item.withoutOwner - item.doneWithoutOwner);
  const openWithoutDue = (item: DocumentResult['actionItems']) => Math.max(0, item.withoutDue - item.doneWithoutDue);
  const ownerCorrect = sum(items, (item) => Math.min(item.ownerFindings, openWithoutOwner(item)));
  const dueCorrect = sum(items, (item) => Math.min(item.dueFindings, openWithoutDue(item)));
  return {
    items: ratio(sum(items, (item) => Math.min(item.found, item.labelled)), sum(items, (item) => item.labelled)),
    ownerPrecision: ratio(ownerCorrect, sum(items, (item) => item.ownerFindings)),
    ownerRecall: ratio(ownerCorrect, sum(items, openWithoutOwner)),
    duePrecision: ratio(dueCorrect, sum(items, (item) => item.dueFindings)),
    dueRecall: ratio(dueCorrect, sum(items, openWithoutDue)),
    doneWithoutOwner: sum(items, (item) => item.doneWithoutOwner),
    doneWithoutDue: sum(items, (item) => item.doneWithoutDue),
  };
}

function blameIsolationFigures(file: string, results: readonly SentenceResult[]): BlameIsolationFigures {
  const flagged = results.filter((result) => result.flagged);
  const clear = results.filter((result) => result.sentence.blame && !result.sentence.borderline);
  const borderline = results.filter((result) => result.sentence.blame && result.sentence.borderline);
  const hits = (of: readonly SentenceResult[]) => of.filter((result) => result.flagged).length;
  return {
    file,
    sentences: results.length,
    precision: ratio(flagged.filter((result) => result.sentence.blame).length, flagged.length),
    recallClear: ratio(hits(clear), clear.length),
    recallBorderline: ratio(hits(borderline), borderline.length),
  };
}
