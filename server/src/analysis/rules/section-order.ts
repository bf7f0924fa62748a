import type { Rule, RuleFinding } from '../rule';
import type { Section, SectionKind } from '../model';
import { defaultSectionOrder, sectionDefinition } from '../sections';
import { sectionPresets } from '../section-presets';

/** Without a preset, a document follows the default template when this many sibling sections are in its order but one. */
const minimumSiblingsToInfer = 4;

export const rule: Rule = {
  id: 'section-order',
  severity: 'hint',
  description: 'A section is out of the template order.',
  explanation:
    "Postmortems are read faster when every one follows the same order. With a template preset (`extends: postmortem:google-sre`) this hint points out each section out of the template's order; without one it speaks only when a document plainly follows this project's order (summary, impact, timeline, root cause, contributing factors, what went well, what went poorly, action items, lessons learned) with a single section out of place, and never when the document fits another well-known template. Only sibling headings are compared: a sub-section is never compared with its parent.",
  example: '## Timeline\n...\n## Impact\n...\n## Root cause\n...\n## Action items\n...\n## Summary',
  fixable: false,
  check: ({ model, config }) => {
    const findings: RuleFinding[] = [];
    for (const siblings of siblingGroups(model.sections)) {
      const order = config.sections.order ?? inferredOrder(siblings);
      if (!order) continue;
      for (const misplaced of outOfOrder(siblings, order)) findings.push({ message: messageFor(misplaced, siblings, order), span: misplaced.heading });
    }
    return findings;
  },
};

/** Headings of known kind (the first of each kind) grouped by parent and level: only siblings are compared. */
function siblingGroups(sections: readonly Section[]): Section[][] {
  const groups = new Map<string, Section[]>();
  for (const section of sections) {
    if (section.form !== 'heading' || !section.kind) continue;
    const key = `${section.parent ?? -1}:${section.depth}`;
    const group = groups.get(key) ?? [];
    if (!group.some((other) => other.kind === section.kind)) group.push(section);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The default order when the siblings follow it but for one section and fit no other built-in template; otherwise none. */
function inferredOrder(siblings: readonly Section[]): SectionKind[] | undefined {
  // Loosely worded headings ("Going forward") do not show that a document follows the template.
  if (siblings.filter((section) => !section.uncertain).length < minimumSiblingsToInfer) return undefined;
  const order = defaultSectionOrder();
  if (outOfOrder(siblings, order).length !== 1) return undefined;
  const fitsAnotherTemplate = sectionPresets.some((preset) => siblings.every((section) => preset.order.includes(section.kind!)) && outOfOrder(siblings, preset.order).length === 0);
  return fitsAnotherTemplate ? undefined : order;
}

/** The siblings outside a longest run in template order: the fewest sections that, moved, restore the order. */
function outOfOrder(siblings: readonly Section[], order: readonly SectionKind[]): Section[] {
  const placed = siblings.filter((section) => order.includes(section.kind!));
  const rank = placed.map((section) => order.indexOf(section.kind!));
  const longest = rank.map(() => 1);
  const previous: (number | undefined)[] = rank.map(() => undefined);
  for (let i = 0; i < rank.length; i++) {
    for (let j = 0; j < i; j++) {
      if (rank[j] < rank[i] && longest[j] + 1 > longest[i]) {
        longest[i] = longest[j] + 1;
        previous[i] = j;
      }
    }
  }
  const kept = new Set<number>();
  let end: number | undefined = longest.indexOf(Math.max(0, ...longest));
  for (; end !== undefined && end >= 0; end = previous[end]) kept.add(end);
  return placed.filter((_, i) => !kept.has(i));
}

function messageFor(misplaced: Section, siblings: readonly Section[], order: readonly SectionKind[]): string {
  const rank = order.indexOf(misplaced.kind!);
  const inOrder = siblings.filter((section) => section !== misplaced && order.includes(section.kind!));
  const next = inOrder.find((section) => order.indexOf(section.kind!) > rank);
  if (next) return `'${misplaced.title}' usually comes before '${next.title}' (${sectionDefinition(next.kind!).title}).`;
  const last = inOrder.filter((section) => order.indexOf(section.kind!) < rank).pop();
  return `'${misplaced.title}' usually comes after '${last?.title ?? ''}'.`;
}
