// The labelled blame sentences: each placed in a small postmortem and run through the real analysis. Shared by the tests and bench/blame.ts.
import { parse } from 'yaml';
import { analyze } from '../../server/src/analysis';
import type { Finding, Span } from '../../server/src/analysis/model';
import { fittingShape } from '../../server/src/analysis/blame/rewrite/reframe';
import { readFixture } from '../helpers';

export interface LabelledSentence {
  text: string;
  section: string;
  label: 'blame' | 'hindsight' | 'clean';
  context?: string;
  note?: string;
}

export interface LabelledActionItem {
  text: string;
  label: 'try-harder' | 'systemic';
  split: 'tune' | 'held-out';
}

/** `tune2` and `tune3` were each written after the detector was tuned on the earlier files, as a check on how it generalises; all are tuned on now. */
export const blameSplits = { tune: 'tune.yaml', tune2: 'tune-2.yaml', tune3: 'tune-3.yaml', heldOut: 'held-out.yaml', heldOut2: 'held-out-2.yaml' } as const;

export function readSentences(file: string): LabelledSentence[] {
  return parse(readFixture('blame', file)) as LabelledSentence[];
}

export function readActionItems(split: LabelledActionItem['split']): LabelledActionItem[] {
  return (parse(readFixture('blame', 'action-items.yaml')) as LabelledActionItem[]).filter((item) => item.split === split);
}

const headings: Record<string, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'root-cause': 'Root cause',
  'contributing-factors': 'Contributing factors',
  'what-went-well': 'What went well',
  'what-went-poorly': 'What went poorly',
  'lessons-learned': 'Lessons learned',
  'action-items': 'Action items',
};

/** A postmortem holding the sentence in its section; `span` is where the sentence itself sits. */
export interface PlacedSentence {
  document: string;
  span: Span;
}

export function placeSentence(entry: Pick<LabelledSentence, 'text' | 'section' | 'context'>): PlacedSentence {
  const heading = headings[entry.section] ?? entry.section;
  const before = `# Incident: checkout errors\n\n## ${heading}\n\n`;
  const lead = entry.section === 'timeline' ? '- ' : entry.section === 'action-items' ? '- [ ] ' : entry.context ? `${entry.context} ` : '';
  const document = `${before}${lead}${entry.text}\n`;
  return { document, span: { start: before.length + lead.length, end: before.length + lead.length + entry.text.length } };
}

/**
 * Where a finding may have no fix: when no rewrite passes the gate, questions never replace a timeline entry, a
 * sentence that introduces a list, or a quote, so the finding stands alone there.
 */
export function mayStandWithoutFix(sentence: string, section?: string): boolean {
  const text = sentence.trim();
  // No questions fit a sentence whose actor is an outside party, whose cause is unknown, that tells a fix, or that tells no event.
  return section === 'timeline' || /^\d{1,2}:\d{2}/.test(text) || text.endsWith(':') || /^["“'‘>]/.test(text) || fittingShape(text, 'blame') === 'none';
}

export function placeActionItem(text: string): PlacedSentence {
  const before = '# Incident: checkout errors\n\n## Action items\n\n- [ ] ';
  return { document: `${before}${text}\n`, span: { start: before.length, end: before.length + text.length } };
}

export function findingsFor(placed: PlacedSentence, ruleId: string): Finding[] {
  const { findings } = analyze(placed.document, { force: true, today: '2024-06-01' });
  return findings.filter((finding) => finding.ruleId === ruleId && finding.span.start < placed.span.end && placed.span.start < finding.span.end);
}

export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

export function precision(counts: Confusion): number {
  const predicted = counts.truePositives + counts.falsePositives;
  return predicted === 0 ? 1 : counts.truePositives / predicted;
}

export function recall(counts: Confusion): number {
  const actual = counts.truePositives + counts.falseNegatives;
  return actual === 0 ? 1 : counts.truePositives / actual;
}

export interface Scored<T> {
  entry: T;
  actual: boolean;
  predicted: boolean;
}

export function confusion<T>(scored: readonly Scored<T>[]): Confusion {
  const count = (actual: boolean, predicted: boolean) => scored.filter((item) => item.actual === actual && item.predicted === predicted).length;
  return { truePositives: count(true, true), falsePositives: count(false, true), falseNegatives: count(true, false), trueNegatives: count(false, false) };
}

/** Hindsight counts as blameful: both are reported by blameful-language. */
export function scoreSentences(entries: readonly LabelledSentence[]): Scored<LabelledSentence>[] {
  return entries.map((entry) => ({ entry, actual: entry.label !== 'clean', predicted: findingsFor(placeSentence(entry), 'blameful-language').length > 0 }));
}

export function scoreActionItems(entries: readonly LabelledActionItem[]): Scored<LabelledActionItem>[] {
  return entries.map((entry) => ({ entry, actual: entry.label === 'try-harder', predicted: findingsFor(placeActionItem(entry.text), 'action-item-try-harder').length > 0 }));
}

/** The blame findings' reported words and severity when `summary` is a postmortem's one-paragraph Summary. */
export function blameInSummary(summary: string): [string, string][] {
  const text = `# Incident: slow checkout\n\n## Summary\n\n${summary}\n\n## Timeline\n\n- 14:00 Alerts fire\n`;
  return analyze(text, { force: true, today: '2024-06-01' })
    .findings.filter((finding) => finding.ruleId === 'blameful-language')
    .map((finding) => [text.slice(finding.span.start, finding.span.end), finding.severity]);
}

/** Whether the blame rule reports anything in `summary`, placed as a postmortem's Summary. */
export function flaggedInSummary(summary: string): boolean {
  return blameInSummary(summary).length > 0;
}
