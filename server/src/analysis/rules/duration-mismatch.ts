import type { Rule } from '../rule';
import type { Span } from '../model';
import { metadataField } from '../anchors';
import { formatDuration, parseDuration } from '../time';

// "The outage lasted 2 hours", "we were down for 45 minutes".
const summaryDuration = /\b(?:lasted|lasting|down for|outage of|duration of)\s+((?:about|around|approximately|roughly|~)?\s*\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?)\b(?:\s*(?:and\s+)?\d+\s*(?:m|mins?|minutes?)\b)?)/i;

export const rule: Rule = {
  id: 'duration-mismatch',
  severity: 'warning',
  description: "The stated duration disagrees with the timeline's span.",
  explanation:
    'The duration readers quote comes from the metadata or the summary, while the timeline is the record. When they disagree by more than 10% (at least 15 minutes), one of them is wrong, and so are the figures that will be reported from it.',
  example: '**Duration**: 45 minutes\n...\n- 14:00 Alert fired\n- 16:00 Resolved',
  fixable: false,
  check: ({ model }) => {
    const readable = model.timeline.flatMap((entry) => (entry.instant === undefined ? [] : [entry.instant]));
    if (readable.length < 2) return [];
    const span = Math.max(...readable) - Math.min(...readable);
    const stated = statedDuration(model);
    if (!stated) return [];
    const tolerance = Math.max(15 * 60_000, span * 0.1);
    if (Math.abs(stated.ms - span) <= tolerance) return [];
    return [{ message: `Stated duration ${formatDuration(stated.ms)} disagrees with the timeline, which spans ${formatDuration(span)}.`, span: stated.span }];
  },
};

function statedDuration(model: Parameters<Rule['check']>[0]['model']): { ms: number; span: Span } | undefined {
  const field = metadataField(model, 'duration');
  if (field) {
    const ms = parseDuration(field.value);
    return ms === undefined ? undefined : { ms, span: field.span };
  }
  const summary = model.sections.find((section) => section.kind === 'summary');
  if (!summary) return undefined;
  for (const block of model.prose) {
    if (block.span.start < summary.span.start || block.span.end > summary.span.end) continue;
    const match = summaryDuration.exec(block.text);
    const ms = match ? parseDuration(match[1]) : undefined;
    if (match && ms !== undefined) return { ms, span: { start: block.span.start + match.index, end: block.span.start + match.index + match[0].length } };
  }
  return undefined;
}
