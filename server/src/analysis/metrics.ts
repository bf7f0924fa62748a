// Incident metrics from the timeline: when it started, was detected, acknowledged, mitigated, resolved.
import type { IncidentMetrics, TimelineEntry } from './model';

const milestones: { key: 'detected' | 'acknowledged' | 'mitigated' | 'resolved'; pattern: RegExp }[] = [
  { key: 'detected', pattern: /\b(alerts?|alerted|alarm|paged?|pages|detect(?:s|ed)?|notic(?:e|es|ed)|report(?:s|ed)|fire[sd]|triggere?d?|spotted)\b/i },
  { key: 'acknowledged', pattern: /\b(ack(?:s|ed|nowledge[sd]?)?|responds?|responded|engaged?|joins?|joined|declared?|incident (?:opened|declared)|investigat(?:es|ing|ion))\b/i },
  { key: 'mitigated', pattern: /\b(mitigat\w*|roll(?:s|ed)? back|rollback|rolled back|revert(?:s|ed)?|fail(?:s|ed)? over|failover|restor\w*|recover(?:s|ed|ing)|workaround|drain(?:s|ed)|scaled? up|errors? (?:drop|fall)\w*)\b/i },
  { key: 'resolved', pattern: /\b(resolv\w*|all[- ]clear|fully recovered|back to normal|closed|incident (?:ended|over|closed)|stand(?:s|ing)? down|stable)\b/i },
];

// Entries about the review after the incident ('retrospective scheduled', 'postmortem published') are not part of it.
const followUp = /\b(post[- ]?mortems?|retrospectives?|retros?|incident reviews?|review meetings?|follow[- ]?ups?|rca|root cause analysis|blog posts?|write[- ]?ups?|public reports?)\b/i;
// Resolution or recovery: where the incident ended.
const recovery = /\b(resolv\w*|all[- ]clear|recover(?:s|ed)|restored|back to normal|back online|fully operational|operating normally|incident (?:ended|over|closed)|stand(?:s|ing)? down|stable)\b/i;

/**
 * The instant the incident ended, for measuring its length: the last entry that tells of resolution or recovery,
 * else the last entry; entries about the review after it never count. Undefined without a readable entry.
 */
export function incidentEnd(timeline: readonly TimelineEntry[]): number | undefined {
  const during = timeline.filter((entry): entry is TimelineEntry & { instant: number } => entry.instant !== undefined && !followUp.test(entry.description));
  const ends = during.filter((entry) => recovery.test(entry.description));
  const candidates = ends.length > 0 ? ends : during;
  return candidates.length > 0 ? Math.max(...candidates.map((entry) => entry.instant)) : undefined;
}

export function deriveMetrics(timeline: readonly TimelineEntry[]): IncidentMetrics {
  // In time order, so a log written newest first gives the earliest detection, not the last one written above it.
  const readable = timeline.filter((entry): entry is TimelineEntry & { instant: number } => entry.instant !== undefined).sort((a, b) => a.instant - b.instant);
  const start = readable[0]?.instant;
  const found: Partial<Record<(typeof milestones)[number]['key'], number>> = {};
  for (const { key, pattern } of milestones) {
    found[key] = readable.find((entry) => pattern.test(entry.description))?.instant;
  }
  // Resolution is the last entry when nothing says so explicitly.
  if (found.resolved === undefined && readable.length > 1) found.resolved = readable[readable.length - 1].instant;
  const since = (instant: number | undefined) => (instant !== undefined && start !== undefined ? instant - start : undefined);
  return {
    start,
    detected: found.detected,
    acknowledged: found.acknowledged,
    mitigated: found.mitigated,
    resolved: found.resolved,
    timeToDetect: since(found.detected),
    timeToAcknowledge: since(found.acknowledged),
    timeToMitigate: since(found.mitigated),
    timeToResolve: since(found.resolved),
  };
}
