import type { Rule, RuleFinding } from '../rule';
import type { Section, SectionKind } from '../model';

export const rule: Rule = {
  id: 'duplicate-section',
  severity: 'warning',
  description: 'The same section appears twice.',
  explanation:
    'Two sections of the same kind (say "Timeline" and "Chronology") split one story in two: readers and tools read only one of them. Merge them into one section. Only headings that name the section for certain are compared, a sub-section never repeats its own parent, and label lines (`**Impact**:`) inside a section are not counted.',
  example: '## Timeline\n...\n## Chronology\n...',
  fixable: false,
  check: ({ model }) => {
    const first = new Map<SectionKind, Section>();
    const findings: RuleFinding[] = [];
    for (const section of model.sections) {
      if (!section.kind || section.form !== 'heading' || section.uncertain) continue;
      const original = first.get(section.kind);
      if (!original) {
        first.set(section.kind, section);
        continue;
      }
      if (contains(original, section)) continue;
      findings.push({
        message: `Section '${section.title}' repeats '${original.title}'; merge them into one.`,
        span: section.heading,
        related: [{ span: original.heading, message: 'First written here' }],
      });
    }
    return findings;
  },
};

function contains(outer: Section, inner: Section): boolean {
  return outer.span.start <= inner.span.start && inner.span.end <= outer.span.end;
}
