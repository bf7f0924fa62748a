import type { Rule } from '../rule';
import type { Postmortem, SectionKind } from '../model';
import type { PostmortemConfig } from '../config';
import { documentAnchor, metadataField } from '../anchors';
import { insertSectionFix } from '../fixes';
import { namedKinds, sectionDefinition } from '../sections';
import { hasUntitledOpening, mayHoldKindElsewhere, uncertainStructure } from '../section-certainty';
import { normaliseSeverity } from '../severity';
import { once } from '../lazy';
import { closesFence, fenceOpen } from '../markdown';

/** The required and recommended sections for this document's severity. */
export function expectedSections(model: Postmortem, config: PostmortemConfig): { required: SectionKind[]; recommended: SectionKind[] } {
  const severity = normaliseSeverity(metadataField(model, 'severity')?.value ?? '');
  const extra = severity ? config.sections.bySeverity[severity] ?? {} : {};
  const required = [...new Set([...config.sections.required, ...(extra.required ?? [])])];
  const recommended = [...new Set([...config.sections.recommended, ...(extra.recommended ?? [])])].filter((kind) => !required.includes(kind));
  return { required, recommended };
}

/**
 * A section counts as present under any heading or label that names it, even loosely, and even when empty (empty-section
 * reports that). Inserting one is left to fix-all only when every heading was read for certain and no other section
 * may hold its content ("Resolution" often lists the actions): otherwise the insertion stays a quick fix the writer chooses.
 */
export function missingSectionFindings(model: Postmortem, config: PostmortemConfig, kinds: SectionKind[], level: string) {
  const read = new Set(model.sections.map((section) => section.kind));
  // Most kinds are read from their own heading; the others' headings are read again only when one is not.
  const named = once(() => new Set(model.sections.flatMap((section) => namedKinds(section.title, config.sections.aliases))));
  // "Mitigation Steps: we added ..." inside a paragraph, "Remediation:" run into the list above it: a label the parse did not open as a section.
  const labelled = once(() => new Set(lineLabels(model.text.slice(model.frontMatter?.span.end ?? 0)).flatMap((label) => namedKinds(label, config.sections.aliases))));
  const uncertain = uncertainStructure(model) !== undefined;
  return kinds
    .filter((kind) => !read.has(kind) && !named().has(kind) && !labelled().has(kind))
    .map((kind) => {
      const fix = insertSectionFix(model, kind, config.sections.order, config.sections.preset);
      return {
        message: `${level} section '${sectionDefinition(kind).title}' is missing.`,
        span: documentAnchor(model),
        fix: { ...fix, safe: fix.safe && !uncertain && !hasUntitledOpening(model, kind) && !mayHoldKindElsewhere(model, kind) },
      };
    });
}

// "Mitigation Steps: ...", "**Remediation**:": a few words of label at the very start of a line, then a colon; a label in a
// list or indented under one ("- Summary: ..." in a status update) tells part of that entry.
const lineLabel = /^(?:\*\*|__)?([\p{L}][\p{L} '’&/-]{1,40}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(?:[ \t]|$)/u;

/** The labels that open lines outside code fences (as the parser reads fences). */
function lineLabels(text: string): string[] {
  const labels: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const open = fenceOpen.exec(line);
    if (fence !== undefined) {
      if (closesFence(line, open, fence)) fence = undefined;
      continue;
    }
    if (open) fence = open[1];
    const label = lineLabel.exec(line)?.[1].trim();
    if (!open && label !== undefined && label.split(/\s+/).length <= 5) labels.push(label);
  }
  return labels;
}

export const rule: Rule = {
  id: 'missing-section',
  severity: 'error',
  description: 'A required section is missing.',
  explanation:
    'A postmortem needs a summary, its impact, a timeline, the root cause and action items before it can be reviewed: without them readers cannot learn what happened or what will change. Headings are matched by meaning: their key words and synonyms ("Issue Summary", "Things that went poorly", "Corrective and Preventative Measures"), in any case, with numbering, emoji, dates or notes such as "(all times UTC)", in any order; a label line such as `**Impact**:` or `Action items:` counts too. A team that writes to a known template can select it as a preset (`extends: postmortem:google-sre`). Severe incidents (SEV-1, SEV-2) require more sections; the sets are configurable.',
  example: '# Postmortem: Checkout outage\n\n## Summary\n...\n<!-- no Impact, Timeline, Root cause or Action items -->',
  fixable: true,
  check: ({ model, config }) => missingSectionFindings(model, config, expectedSections(model, config).required, 'Required'),
};
