import type { SectionKind } from './model';
import { trimEndMatching } from './text';

export interface SectionDefinition {
  kind: SectionKind;
  /** The heading the fixes insert. */
  title: string;
  aliases: string[];
  /** Body inserted with the heading; placeholders are meant to be flagged until filled in. */
  template: string;
}

/** In canonical order. */
export const sectionDefinitions: readonly SectionDefinition[] = [
  {
    kind: 'summary',
    title: 'Summary',
    aliases: ['executive summary', 'incident summary', 'overview', 'tl;dr', 'tldr', 'abstract', 'description'],
    template: 'TODO: what happened, in two or three sentences, and how it was resolved.',
  },
  {
    kind: 'impact',
    title: 'Impact',
    aliases: ['impact assessment', 'customer impact', 'business impact', 'user impact', 'impact analysis'],
    template: 'TODO: who was affected, for how long, and how much (requests, users, revenue, error budget).',
  },
  {
    kind: 'timeline',
    title: 'Timeline',
    aliases: ['incident timeline', 'chronology', 'sequence of events', 'timeline of events', 'detailed timeline'],
    template: '- TODO: HH:MM: first signal of the incident',
  },
  {
    kind: 'root-cause',
    title: 'Root cause',
    aliases: ['root cause analysis', 'rca', 'root causes', 'five whys', '5 whys', 'cause', 'causes', 'trigger'],
    template: 'TODO: the conditions in the system that made this failure possible.',
  },
  {
    kind: 'contributing-factors',
    title: 'Contributing factors',
    aliases: ['contributing causes', 'contributing factor', 'contributors'],
    template: '- TODO',
  },
  {
    kind: 'what-went-well',
    title: 'What went well',
    aliases: ['went well', 'what worked', 'things that went well'],
    template: '- TODO',
  },
  {
    kind: 'what-went-poorly',
    title: 'What went poorly',
    aliases: [
      "what didn't go well",
      'what did not go well',
      'what went wrong',
      'areas for improvement',
      'went poorly',
      'what could have gone better',
      "what didn't work",
      'where we got lucky',
    ],
    template: '- TODO',
  },
  {
    kind: 'action-items',
    title: 'Action items',
    aliases: ['follow-ups', 'follow ups', 'followups', 'corrective actions', 'remediation', 'remediations', 'next steps', 'action plan', 'actions'],
    template: '- [ ] [P1] TODO (Owner: [Owner], Due: [Date])',
  },
  {
    kind: 'lessons-learned',
    title: 'Lessons learned',
    aliases: ['key takeaways', 'learnings', 'takeaways', 'lessons', 'what we learned'],
    template: '- TODO',
  },
];

export function sectionDefinition(kind: SectionKind): SectionDefinition {
  const definition = sectionDefinitions.find((d) => d.kind === kind);
  if (!definition) throw new Error(`Unknown section kind ${kind}`);
  return definition;
}

export function canonicalIndex(kind: SectionKind): number {
  return sectionDefinitions.findIndex((d) => d.kind === kind);
}

/** Lower case, without numbering ("1.", "2)", "IV."), emoji, trailing colons or parenthesised notes. */
export function normaliseHeading(title: string): string {
  const normalised = title
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/^\s*(?:section\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-h])[.)]?\s+/i, '')
    .replace(/[*_`]/g, '');
  return trimEndMatching(normalised, /[:.\s]/).replace(/\s+/g, ' ').trim();
}

/** The section kind a heading names, or undefined. Extra aliases come from the config. */
export function sectionKindOf(title: string, extraAliases: Partial<Record<SectionKind, string[]>> = {}): SectionKind | undefined {
  const normalised = normaliseHeading(title);
  if (!normalised) return undefined;
  for (const definition of sectionDefinitions) {
    const names = [definition.title.toLowerCase(), ...definition.aliases, ...(extraAliases[definition.kind] ?? []).map((a) => normaliseHeading(a))];
    if (names.includes(normalised)) return definition.kind;
  }
  // "Timeline (UTC)" and "Root cause: expired certificate" still name their section.
  for (const definition of sectionDefinitions) {
    const names = [definition.title.toLowerCase(), ...definition.aliases];
    if (names.some((name) => normalised.startsWith(name + ':') || normalised.startsWith(name + ' -') || normalised.startsWith(name + ' –') || normalised.startsWith(name + ' —'))) {
      return definition.kind;
    }
  }
  return undefined;
}
