import type { Rule, RuleFinding } from '../rule';
import type { Section } from '../model';
import { saysDone, windowOf } from '../action-item-shapes';
import { hasWordsBeforeKeyWords, isCountedHeading } from '../sections';
import { normaliseHeading } from '../section-heading';
import { findDate } from '../time';

export const rule: Rule = {
  id: 'duplicate-section',
  severity: 'warning',
  description: 'The same section appears twice.',
  explanation:
    'Two sections of the same kind (say "Timeline" and "Chronology") split one story in two: readers and tools read only one of them. Merge them into one section. Only headings that name the section for certain are compared, a sub-section never repeats its own parent, action items split by status, window or topic ("Actions taken" and "Future actions", "Remediation" and "Recovery actions") and numbered parts ("Contributing factor 1", "Contributing factor 2") are one section in parts, what went well or poorly told under Lessons learned (as the SRE book template has it) is part of the lessons, label lines (`**Impact**:`) inside a section are not counted, a TL;DR above the Summary is its short form, not a second summary, an Overview beside a Summary holds the header fields, not a second summary, the Five whys beside the Root cause are the questions that reach it, and in a file that tells two incidents under headings of their own (or a log whose dated incident headings sit at the level of their sections), the sections of each incident are compared only with each other.',
  example: '## Timeline\n...\n## Chronology\n...',
  fixable: false,
  check: ({ model }) => {
    // The first section of each kind, one per incident where a file tells several.
    const originals: Section[] = [];
    const findings: RuleFinding[] = [];
    for (const section of model.sections) {
      if (!section.kind || section.form !== 'heading' || section.uncertain || isTldr(section.title)) continue;
      const original = originals.find((candidate) => candidate.kind === section.kind && !inOtherIncident(model.sections, candidate, section));
      if (!original) {
        originals.push(section);
        continue;
      }
      if (contains(original, section) || splitsActions(original, section) || (isCountedHeading(original.title) && isCountedHeading(section.title))) continue;
      if (underLessons(model.sections, original) !== underLessons(model.sections, section) || overviewBesideSummary(model.text, original, section) || whysBesideRootCause(original, section)) continue;
      findings.push({
        message: `Section '${section.title}' repeats '${original.title}'; merge them into one.`,
        span: section.heading,
        related: [{ span: original.heading, message: 'First written here' }],
      });
    }
    return findings;
  },
};

/** "## Overview" holding only header fields (`- **Author**: ...`) beside "## Summary": the file's header, not a second summary. */
function overviewBesideSummary(text: string, first: Section, second: Section): boolean {
  if (first.kind !== 'summary') return false;
  const overview = [first, second].find((section) => normaliseHeading(section.title) === 'overview');
  const summary = [first, second].find((section) => normaliseHeading(section.title) === 'summary');
  if (!overview || !summary) return false;
  const lines = text.slice(overview.heading.end, overview.span.end).split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => headerField.test(line));
}

// "- **Author**: Dana", "**Severity:** SEV2", "Started: 14:02 EDT": a short key, its colon, and a value.
const headerField = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?[^:*_\n]{1,40}(?::(?:\*\*|__)|(?:\*\*|__)?:)/;

/** "## Five whys" and "## Root cause": the questions asked and the cause they reach, one analysis in two steps (the Atlassian template has both). */
function whysBesideRootCause(first: Section, second: Section): boolean {
  return first.kind === 'root-cause' && [first.title, second.title].some((title) => /\bwhys$/.test(normaliseHeading(title)));
}

/** "TL;DR", "tl;dr:": the one-line version of the summary that a full Summary follows. */
function isTldr(title: string): boolean {
  return /^\W*tl\W*dr\b/i.test(title);
}

/** "### What went poorly" under "## Lessons learned": a part of the lessons, not the document's own section of that kind. */
function underLessons(sections: readonly Section[], section: Section): boolean {
  for (let at = section.parent; at !== undefined; at = sections[at].parent) {
    if (sections[at].kind === 'lessons-learned') return true;
  }
  return false;
}

/** "Actions taken" and "Future actions", "Short term" and "Long term", "Recovery actions": action items split by status, window or topic, on purpose. */
function splitsActions(first: Section, second: Section): boolean {
  if (first.kind !== 'action-items') return false;
  // "Recovery actions" beside "Remediation": a topic's own list of actions.
  return saysDone(first.title) !== saysDone(second.title) || windowOf(first.title) !== windowOf(second.title) || [first, second].some((section) => hasWordsBeforeKeyWords(section.title));
}

function contains(outer: Section, inner: Section): boolean {
  return outer.span.start <= inner.span.start && inner.span.end <= outer.span.end;
}

/** Both sections sit in parts of the file, and not in the same one: "### Root cause" under each of two incidents. */
function inOtherIncident(sections: readonly Section[], first: Section, second: Section): boolean {
  const firstPart = partOf(sections, first);
  const secondPart = partOf(sections, second);
  return firstPart !== undefined && secondPart !== undefined && firstPart !== secondPart;
}

/**
 * The heading of the part a section sits in: the nearest enclosing heading below the title that names no section kind
 * ("## Second incident"), or, in a log whose incidents are headings of the same level as their sections, the nearest
 * dated one before it ("## Broken pages - 2024-10-02", then "## Actions to prevent ...").
 */
function partOf(sections: readonly Section[], section: Section): number | undefined {
  for (let at = section.parent; at !== undefined; at = sections[at].parent) {
    if (isPartHeading(sections[at])) return at;
  }
  const index = sections.indexOf(section);
  for (let at = index - 1; at >= 0; at--) {
    const before = sections[at];
    if (before.form !== 'heading') continue;
    if (before.depth < section.depth) break;
    if (before.depth === section.depth && isPartHeading(before) && findDate(before.title) !== undefined) return at;
  }
  return undefined;
}

function isPartHeading(section: Section): boolean {
  return section.depth >= 2 && section.kind === undefined && section.form === 'heading';
}
