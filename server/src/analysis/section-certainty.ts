// Whether the analysis read every part of a document's structure: only then can inserting a missing section not duplicate one.
import type { Postmortem, Section, SectionKind } from './model';
import { metadataKey } from './metadata';
import { normaliseHeading } from './section-heading';
import { opensOnDateAndTime, opensOnTime } from './timeline';

/**
 * Sections that real postmortems add beside the template's, and that hold none of its kinds: an insertion next to them
 * duplicates nothing. Anything else unread may be a template section under a name not known yet.
 */
const otherSections =
  /^(?:trigger|triggers|resolution|recovery|detection|response|responders|participants|attendees|appendix|appendices|references|links|related (?:links|incidents|documents)|supporting (?:information|documents|material)|glossary|where we got lucky|(?:lucky|luck)|acknowledge?ments|thanks|credits|open questions|questions|faq|metadata|document control|revision history|changelog)$/;

// "!!! note", "???+ note \"March 8\"": a docs site's admonition, whose indented body Markdown reads as code, unread.
const admonition = /^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+.*$/m;

/** Why an inserted section might repeat one the document has, or undefined when every heading and label was read for certain. */
export function uncertainStructure(model: Postmortem): string | undefined {
  const block = admonition.exec(model.text);
  if (block) return `'${block[0].trim()}' opens a block the analysis does not read`;
  const uncertain = model.sections.find((section) => section.kind !== undefined && section.uncertain);
  if (uncertain) return `'${uncertain.title}' is read as a section only loosely`;
  const title = model.sections.find((section) => section.depth === 1);
  const unread = model.sections.find((section) => section !== title && !accountedFor(model.sections, section));
  return unread && `'${unread.title}' is a heading the analysis does not read`;
}

/** A heading of a section real postmortems add beside the template's ("Trigger", "Appendix", "Where we got lucky"). */
export function isBesideTemplate(title: string): boolean {
  return otherSections.test(normaliseHeading(title));
}

function accountedFor(sections: readonly Section[], section: Section): boolean {
  if (section.kind !== undefined) return true;
  // A heading inside a section that was read (an item or a day under the timeline) belongs to it; a question under any
  // but the timeline ("Why didn't our safeguards catch this?") is a template's prompt, and may be a section of its own.
  if (section.parent !== undefined && isRead(sections, sections[section.parent]) && !(isQuestion(section.title) && !underTimeline(sections, section))) return true;
  const normalised = normaliseHeading(section.title);
  return normalised === '' || otherSections.test(normalised) || metadataKey(section.title.replace(/[*_`:]/g, '').split(/[:–—]/)[0]) !== undefined;
}

function isQuestion(title: string): boolean {
  return /\?[\s*_:]*$/.test(title);
}

function underTimeline(sections: readonly Section[], section: Section): boolean {
  return section.parent !== undefined && [...withAncestors(sections, sections[section.parent])].some((at) => at.kind === 'timeline');
}

/** A section whose kind is known, or one of the sections beside the template's, or inside either. */
function isRead(sections: readonly Section[], section: Section): boolean {
  return [...withAncestors(sections, section)].some((at) => at.kind !== undefined || otherSections.test(normaliseHeading(at.title)));
}

/** The section and the sections it stands in, innermost first. */
function* withAncestors(sections: readonly Section[], section: Section): Generator<Section> {
  for (let at: Section | undefined = section; at; at = at.parent === undefined ? undefined : sections[at.parent]) yield at;
}

// Headings that may head either what was done or what will be: "Details of Fix", "Solutions", "Resolution", "Response", "Conclusion".
export const mayHoldActions = /\b(?:fix(?:es)?|solutions?|resolution|conclusions?|mitigations?|remediations?|response|changes|prevention)\b/i;

/**
 * True when a section under another heading may already hold what an inserted one would: the actions under "Resolution",
 * or a log of stamped lines under "Summary" or "Updates" that is the timeline.
 */
export function mayHoldKindElsewhere(model: Postmortem, kind: SectionKind): boolean {
  if (kind === 'action-items') return model.sections.some((section) => mayHoldActions.test(section.title));
  // Three lines opening on a time, or two opening on a date and time, are a log, whatever heading stands over them.
  if (kind === 'timeline') {
    const lines = model.text.split('\n');
    return lines.filter(opensOnTime).length >= 3 || lines.filter(opensOnDateAndTime).length >= 2;
  }
  return false;
}

// Six words in a row make a sentence; the look-behind starts only at a word's first letter, so a long run of letters is read once, not once per letter.
const sixWords = /(?<!\p{L})\p{L}{3,}(?:\s+\p{L}+){5}/u;

/** True when a summary may already stand untitled at the top: prose before the first section, under no heading but the title. */
export function hasUntitledOpening(model: Postmortem, kind: SectionKind): boolean {
  if (kind !== 'summary') return false;
  const firstSection = model.sections.find((section) => section.depth > 1 || model.sections.indexOf(section) > 0);
  const end = firstSection ? firstSection.heading.start : model.text.length;
  const titleEnd = model.sections[0]?.depth === 1 ? model.sections[0].heading.end : 0;
  const metadataEnd = Math.max(titleEnd, model.frontMatter?.span.end ?? 0, ...model.metadata.filter((field) => field.span.end <= end).map((field) => field.span.end));
  return model.prose.some((block) => block.where === 'body' && block.span.start >= metadataEnd && block.span.end <= end && sixWords.test(block.text));
}
