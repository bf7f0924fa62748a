import type { Rule } from '../rule';
import type { SectionKind } from '../model';
import { canonicalIndex, sectionDefinition } from '../sections';

export const rule: Rule = {
  id: 'section-order',
  severity: 'hint',
  description: 'A section is out of the usual order.',
  explanation:
    'Postmortems are read faster when every one follows the same order: summary, impact, timeline, root cause, contributing factors, what went well, what went poorly, action items, lessons learned. Any order is accepted; this hint only points out where a section differs from it.',
  example: '## Timeline\n...\n## Summary',
  fixable: false,
  check: ({ model }) => {
    const findings = [];
    let furthest: { kind: SectionKind; index: number } | undefined;
    const seen = new Set<SectionKind>();
    for (const section of model.sections) {
      if (!section.kind || seen.has(section.kind)) continue;
      seen.add(section.kind);
      const index = canonicalIndex(section.kind);
      if (furthest && index < furthest.index) {
        findings.push({ message: `'${section.title}' usually comes before '${sectionDefinition(furthest.kind).title}'.`, span: section.heading });
      } else {
        furthest = { kind: section.kind, index };
      }
    }
    return findings;
  },
};
