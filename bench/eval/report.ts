// The evaluation as a Markdown report: the headline figures beside their targets, then the detail of each split.
import type { Evaluation, SplitChoice } from './evaluate';
import type { Figures } from './figures';
import { formatRatio } from './ratio';
import { formatRewriteFigures, type RewriteFigures } from './rewrites';

/** The targets from the issues, printed beside the figures and never asserted here. */
const headline: readonly { name: string; target: string; value: (figures: Figures) => string }[] = [
  { name: 'Required-section findings correct', target: '>= 0.97', value: (f) => formatRatio(f.sections.requiredFindings) },
  { name: '"Missing" findings for a section present under another name', target: '0', value: (f) => String(f.sections.missingButPresent) },
  { name: 'Timeline: out-of-order entries found at the right line', target: '>= 0.90', value: (f) => formatRatio(f.timeline.recall) },
  { name: 'Timeline: order findings correct', target: '', value: (f) => formatRatio(f.timeline.precision) },
  { name: 'Timeline: false alarms per 40 documents', target: '<= 1', value: (f) => `${f.timeline.falseAlarmsPer40.toFixed(1)} (${f.timeline.falseAlarms} in ${f.documents})` },
  { name: 'Action items found (count-based)', target: '>= 0.90', value: (f) => formatRatio(f.actionItems.items) },
  { name: 'Owner findings: precision (count-based, open items)', target: '>= 0.85', value: (f) => formatRatio(f.actionItems.ownerPrecision) },
  { name: 'Owner findings: recall (count-based, open items)', target: '>= 0.85', value: (f) => formatRatio(f.actionItems.ownerRecall) },
  { name: 'Due findings: precision (count-based, open items)', target: '>= 0.85', value: (f) => formatRatio(f.actionItems.duePrecision) },
  { name: 'Due findings: recall (count-based, open items)', target: '>= 0.85', value: (f) => formatRatio(f.actionItems.dueRecall) },
  { name: 'Items read as done, left out of the owner / due counts', target: '', value: (f) => `${f.actionItems.doneWithoutOwner} / ${f.actionItems.doneWithoutDue}` },
  { name: 'Warnings and errors, judged rules together: precision', target: '>= 0.90', value: (f) => formatRatio(f.warningsAndErrors) },
  { name: 'Blame in context: precision', target: '>= 0.85', value: (f) => formatRatio(f.blame.inContext.precision) },
  { name: 'Blame in context: recall', target: '', value: (f) => formatRatio(f.blame.inContext.recall) },
  { name: '--fix: documents that lose characters', target: '0', value: (f) => `${f.fix.removesCharacters} of ${f.fix.documents}` },
  { name: '--fix: chronological timelines reordered', target: '0', value: (f) => `${f.fix.reordersChronologicalTimeline} of ${f.fix.documents}` },
  { name: '--fix: sections inserted that the document has', target: '0', value: (f) => `${f.fix.insertsPresentSection} of ${f.fix.documents}` },
];

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

export function renderReport(evaluation: Evaluation, corpusName: string): string {
  const { split, results } = evaluation;
  const lines = [
    `# Evaluation against the labelled corpus \`${corpusName}\``,
    '',
    `Split: ${split.method}. Tune: ${split.documents.tune.length} documents, ${split.sentences.tune} sentences; held-out: ${split.documents['held-out'].length} documents, ${split.sentences['held-out']} sentences.`,
    `Held-out documents: ${split.documents['held-out'].join(', ') || 'none'}.`,
    `Documents are analysed as postmortems (forced) with "today" fixed at ${evaluation.evaluationDay}. Figures read \`ratio (hits/total)\`; owner and due figures are count-based (the labels give how many items lack one, not which) and compare the findings with the open items: the labels may count done items, which the rules rightly do not report, so the items the analysis reads as done without an owner (a due date) are taken off the labelled count, as many as the count holds beyond the open items found. An item wrongly read as done would hide its miss: their number is printed beside the figures to keep that in view.`,
    '',
    '## Figures against the targets',
    '',
    ...table(
      ['figure', ...results.map((result) => result.split), 'target'],
      headline.map((row) => [row.name, ...results.map((result) => row.value(result.figures)), row.target]),
    ),
  ];
  for (const result of results) lines.push('', ...splitDetail(result.split, result.figures), '', ...rewriteDetail(result.rewrites));
  if (evaluation.mistakes) {
    const heading = evaluation.mistakes.split === 'all' ? '## Mistakes on the whole corpus (opened for tuning)' : '## Mistakes on the tune split (held-out ones are not listed)';
    lines.push('', heading, '', ...evaluation.mistakes.lines.map((mistake) => `- ${mistake}`));
  }
  return lines.join('\n') + '\n';
}

function rewriteDetail(rewrites: RewriteFigures): string[] {
  return ['### Blame rewrites for the flagged sentences (both sentence files; offered only when they pass the grammar, facts and person gate)', '', ...formatRewriteFigures(rewrites)];
}

function splitDetail(choice: SplitChoice, figures: Figures): string[] {
  const kinds = figures.sections.kinds.map((kind) => [kind.kind, String(kind.labelled), String(kind.correct), String(kind.wrong), String(kind.missed), formatRatio(kind.precision), formatRatio(kind.recall)]);
  const judged = figures.rules.filter((rule) => rule.judged);
  const notJudged = figures.rules.filter((rule) => !rule.judged && rule.findings > 0);
  const blame = figures.blame.isolation.map((file) => [file.file, String(file.sentences), formatRatio(file.precision), formatRatio(file.recallClear), formatRatio(file.recallBorderline)]);
  return [
    `## ${choice} (${figures.documents} documents)`,
    '',
    '### Sections recognised (per labelled kind; wrong = another heading, or one where the labels have none)',
    '',
    ...table(['kind', 'labelled', 'correct', 'wrong', 'missed', 'precision', 'recall'], kinds),
    '',
    '### Findings per rule (missing X is right only when the labels have no X; empty is right when only headings, comments and blank lines stand under the heading; duplicate findings on headings the labels do not name cannot be judged)',
    '',
    ...table(
      ['rule', 'findings', 'correct', 'wrong', 'not judged', 'precision'],
      judged.map((rule) => [rule.ruleId, String(rule.findings), String(rule.correct), String(rule.wrong), String(rule.notJudged), formatRatio(rule.precision)]),
    ),
    '',
    `Not judged (the labels cannot tell): ${notJudged.map((rule) => `${rule.ruleId} ${rule.findings}`).join(', ') || 'none'}.`,
    '',
    '### Blame, each sentence alone in a Summary (sentences split by their text)',
    '',
    ...table(['file', 'sentences', 'precision (>= 0.90)', 'recall, clear blame (>= 0.80)', 'recall, borderline (>= 0.40)'], blame),
  ];
}
