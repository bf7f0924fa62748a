import type { Rule } from '../rule';
import type { SectionKind } from '../model';

export const rule: Rule = {
  id: 'duplicate-section',
  severity: 'warning',
  description: 'The same section appears twice.',
  explanation:
    'Two sections of the same kind (say "Timeline" and "Chronology") split one story in two: readers and tools read only one of them. Merge them into one section.',
  example: '## Timeline\n...\n## Chronology\n...',
  fixable: false,
  check: ({ model }) => {
    const first = new Map<SectionKind, number>();
    const findings = [];
    for (const section of model.sections) {
      if (!section.kind) continue;
      const earlier = first.get(section.kind);
      if (earlier === undefined) {
        first.set(section.kind, section.heading.start);
        continue;
      }
      const original = model.sections.find((s) => s.heading.start === earlier);
      findings.push({
        message: `Section '${section.title}' repeats '${original?.title}'; merge them into one.`,
        span: section.heading,
        related: original ? [{ span: original.heading, message: 'First written here' }] : [],
      });
    }
    return findings;
  },
};
