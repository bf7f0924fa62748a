// Sections: what the analysis recognised against the labelled headings, and the verdict on each section finding.
import { type Finding, type Postmortem, type Section, sectionDefinitions, type SectionKind } from '../../server/src/analysis';
import type { DocumentLabels } from './corpus';
import type { Verdict } from './verdict';

/** correct / wrong (another heading) / missed (none) for a labelled kind; spurious / absent for a kind the document lacks. */
export type SectionOutcome = 'correct' | 'wrong' | 'missed' | 'spurious' | 'absent';

export const sectionRuleIds = ['missing-section', 'missing-recommended-section', 'empty-section', 'duplicate-section', 'section-order'] as const;

/** Labels give headings as visible text: no `#`, anchors, emphasis marks or closing colon; labellers differ on keeping an emoji before the words. */
export function normaliseHeadingText(title: string): string {
  return title
    .replace(/<[^>]*>/g, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/\{#[^}]*\}\s*$/, '')
    .replace(/[*_`]/g, '')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function sectionOutcomes(model: Postmortem, labels: DocumentLabels): Map<SectionKind, SectionOutcome> {
  const outcomes = new Map<SectionKind, SectionOutcome>();
  for (const [kind, label] of labels.sections) {
    const recognised = model.sections.filter((section) => section.kind === kind).map((section) => normaliseHeadingText(section.title));
    if (label === null) outcomes.set(kind, recognised.length > 0 ? 'spurious' : 'absent');
    else if (recognised.length === 0) outcomes.set(kind, 'missed');
    else outcomes.set(kind, recognised.includes(normaliseHeadingText(label)) ? 'correct' : 'wrong');
  }
  return outcomes;
}

/** The kind a "missing section" finding is about, read from the section's title quoted in its message. */
export function missingKindOf(finding: Finding): SectionKind | undefined {
  return sectionDefinitions.find((definition) => finding.message.includes(`'${definition.title}'`))?.kind;
}

/** The kind the labels give to a heading, if they name it at all. */
function labelledKindOf(section: Section, labels: DocumentLabels): SectionKind | undefined {
  const title = normaliseHeadingText(section.title);
  for (const [kind, label] of labels.sections) if (label !== null && normaliseHeadingText(label) === title) return kind;
  return undefined;
}

/**
 * "Missing X" is right only when the labels have no heading for X. An empty-section finding is right
 * when nothing but headings, comments and blank lines stands under the heading. The labels name one
 * heading per kind: a duplicate-section finding on a labelled heading is wrong (on other headings the
 * labels cannot tell); a section-order finding is right only on a heading recognised as the kind the
 * labels give it.
 */
export function judgeSectionFinding(finding: Finding, model: Postmortem, labels: DocumentLabels): Verdict {
  if (finding.ruleId === 'missing-section' || finding.ruleId === 'missing-recommended-section') {
    const kind = missingKindOf(finding);
    if (!kind) return 'not judged';
    return labels.sections.get(kind) === null ? 'correct' : 'wrong';
  }
  const section = model.sections.find((candidate) => candidate.heading.start === finding.span.start);
  if (!section) return 'not judged';
  // The labels do not say whether a section is empty; the text does: nothing under it but headings, comments and blanks.
  if (finding.ruleId === 'empty-section') return hasWords(model.text.slice(section.heading.end, section.span.end)) ? 'wrong' : 'correct';
  const labelled = labelledKindOf(section, labels);
  if (finding.ruleId === 'section-order') return labelled !== undefined && labelled === section.kind ? 'correct' : 'wrong';
  return labelled !== undefined ? 'wrong' : 'not judged';
}

function hasWords(body: string): boolean {
  return /[\p{L}\p{N}]/u.test(body.replace(/<!--[\s\S]*?-->/g, '').replace(/^[ \t]*#{1,6}[ \t].*$/gm, ''));
}

/** "Missing X" findings where the labels say the document has X under a heading the analysis did not recognise. */
export function missingButPresent(findings: readonly Finding[], labels: DocumentLabels): number {
  return findings.filter((finding) => {
    if (finding.ruleId !== 'missing-section' && finding.ruleId !== 'missing-recommended-section') return false;
    const kind = missingKindOf(finding);
    return kind !== undefined && labels.sections.get(kind) !== null;
  }).length;
}
