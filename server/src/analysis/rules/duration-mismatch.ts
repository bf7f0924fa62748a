import type { Rule } from '../rule';
import type { Postmortem, Span } from '../model';
import { metadataField } from '../anchors';
import { incidentEnd } from '../metrics';
import { formatDuration, parseDuration } from '../time';

// "The outage lasted 2 hours", "we were down for 45 minutes".
const summaryDuration = /\b(?:lasted|lasting|down for|outage of|duration of)\s+((?:about|around|approximately|roughly|~)?\s*\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?)\b(?:\s*(?:and\s+)?\d+\s*(?:m|mins?|minutes?)\b)?)/i;

export const rule: Rule = {
  id: 'duration-mismatch',
  severity: 'warning',
  description: "The stated duration disagrees with the timeline's span.",
  explanation:
    'The duration readers quote comes from the metadata or the summary, while the timeline is the record. The timeline is measured from its first entry to the last entry that tells of resolution or recovery (resolved, recovered, restored, back to normal), or to its last entry when none does; entries about the review afterwards (a retrospective scheduled, the postmortem published) are not part of the incident. When the two disagree by more than 10% (at least 15 minutes), one of them is wrong, and so are the figures that will be reported from it. The quick fix writes the timeline\'s span as the duration; check it before you keep it.',
  example: '**Duration**: 45 minutes\n...\n- 14:00 Alert fired\n- 16:00 Resolved',
  fixable: true,
  check: ({ model }) => {
    const readable = model.timeline.flatMap((entry) => (entry.instant === undefined ? [] : [entry.instant]));
    const end = incidentEnd(model.timeline);
    if (readable.length < 2 || end === undefined) return [];
    const span = end - Math.min(...readable);
    const stated = statedDuration(model);
    if (!stated) return [];
    const tolerance = Math.max(15 * 60_000, span * 0.1);
    if (Math.abs(stated.ms - span) <= tolerance) return [];
    const measured = formatDuration(span);
    return [
      {
        message: `Stated duration ${formatDuration(stated.ms)} disagrees with the timeline, which spans ${measured}.`,
        span: stated.span,
        fix: { title: `Set the duration to ${measured}`, edits: [{ span: stated.valueSpan, newText: measured }], safe: false },
      },
    ];
  },
};

/** The duration the document states, where it is shown, and the part of it that holds the value. */
function statedDuration(model: Postmortem): { ms: number; span: Span; valueSpan: Span } | undefined {
  const field = metadataField(model, 'duration');
  if (field) {
    const ms = parseDuration(field.value);
    return ms === undefined ? undefined : { ms, span: field.span, valueSpan: field.valueSpan };
  }
  const summary = model.sections.find((section) => section.kind === 'summary');
  if (!summary) return undefined;
  for (const block of model.prose) {
    if (block.span.start < summary.span.start || block.span.end > summary.span.end) continue;
    const match = summaryDuration.exec(block.text);
    const ms = match ? parseDuration(match[1]) : undefined;
    if (!match || ms === undefined) continue;
    const start = block.span.start + match.index;
    const valueStart = start + match[0].length - match[1].length;
    return { ms, span: { start, end: start + match[0].length }, valueSpan: { start: valueStart, end: valueStart + match[1].length } };
  }
  return undefined;
}
