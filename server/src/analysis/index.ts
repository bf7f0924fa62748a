// The analysis core's public entry point: text in, findings out. No LSP or VS Code here.
import type { Finding, Fix, Postmortem, TextEdit } from './model';
import { defaultConfig, type PostmortemConfig } from './config';
import { detectPostmortem } from './detect';
import { readDirectives } from './directives';
import { AnalysisCache } from './cache';
import { parsePostmortem } from './parse';
import { rules } from './rules';
import { applyEdits, removedCharacters, spansOverlap } from './text';
import { today as todayIn } from './time';
import { defineLazy } from './lazy';
import type { WorkspacePostmortems } from './insights/workspace';

// The model the analysis builds, and the findings it reports.
export type { ActionItem, ActionStatus, Elsewhere, Finding, Fix, IncidentMetrics, Postmortem, Section, SectionKind, Severity, Span, TextEdit, TimelineEntry } from './model';
export type { Rule } from './rule';
export { rules, ruleIds, ruleDocsUrl } from './rules';
export { expectedSections } from './rules/missing-section';
export { sectionDefinitions } from './sections';
// Built-in templates (`extends: postmortem:<name>`); `sectionPreset(config.sections.preset)?.usesSeverity` says whether the team's template records severity.
export { sectionPreset, sectionPresets, type SectionPreset } from './section-presets';

// Parsing: a cache per document (its parser and what rules remember), and what makes a document too large or deep to parse.
export { MarkdownParser, unparsableReason } from './markdown';
export { AnalysisCache } from './cache';
export { releaseSharedCaches } from './shared-caches';
export { detectPostmortem, type Detection } from './detect';
export { parsePostmortem } from './parse';
export { draftProgress, duePlaceholder, isPlaceholderValue, ownerPlaceholder, templateLayout, type DraftProgress, type PlaceholderLine } from './placeholders';
export { findDateIn, usesSeverity, type DateInText } from './metadata';

// Domain decisions, made once: today, due dates and owners, severities, limits, paths.
export { today, addDays, daysBetween, formatDuration, resolveZone, type TodayOptions } from './time';
export { daysUntilDue, dueDateForPriority, dueInWords, dueWindowDays, dueWindowOf, isOverdue, ownerKey, ownerMatches, ownersOf, type DatedItem, type DueWindow } from './action-item-facts';
export { normaliseSeverity, severityLevels, severityRange, type SeverityLevel } from './severity';
export { maxFileSizeBytes, maxNesting } from './limits';
export { isAtOrUnderAny, isPathInside, pathInsideFolder } from './paths';

// Configuration: defaults, loading through a reader the caller passes, merging, problems.
export { defaultConfig, type PostmortemConfig } from './config';
export { ConfigLoader, configFileNames, findConfigFile, type ConfigFileReader, type LoadedConfig } from './config-file/load';
export { mergeConfig } from './config-file/merge';
export { formatConfigProblem, type ConfigProblem } from './config-file/problems';

// Insights across postmortems: recurring causes, repeated action items, follow-up reviews, monthly trends.
export { buildInsights, insightsReport, defaultActionThreshold, defaultCauseThreshold, defaultFollowUpDays, isDueForFollowUp } from './insights';
export { escapeHtml, insightsCharts, severitiesOf, type ChartPalette, type InsightsChart, type InsightsCharts } from './insights';
export type { ActionItemMonth, ActionItemRef, ActionItemTrends, FollowUp, FollowUpCandidate, Insights, InsightsDocument, InsightsOptions, InsightsReport, MonthReport, MonthTrend, RecurringCauseGroup, OwnerOverdue, RepeatedActionItem } from './insights';
export { digestPostmortem, WorkspacePostmortems, type CauseMatch, type DigestItem, type PostmortemDigest, type RepeatedItem } from './insights/workspace';

// Blame on one block of prose, for measuring what the blameful-language rule builds and offers.
export { findBlame, type BlameMatch } from './blame/detect';
export { defaultPhrasebook } from './blame/phrasebook';
// What the detector read in each sentence, the cues a learned scorer is trained on.
export { systemNames, traceBlame, type BlameContext, type SentenceTrace } from './blame/detect';

// Fixes and text: edits the adapters offer, and positions in the text.
export { addDueFix, assignOwnerFix, headingTitle, insertSectionFix, openBlockCloser, setDueFix, sortTimelineFix } from './fixes';
export { escapeSnippet, LineIndex, lineBreakOf, removedCharacters } from './text';

export interface AnalyzeOptions {
  /** File path, for detection by glob; absent for untitled documents. */
  path?: string;
  /** Folder that relative globs are matched from (the workspace or the config file's folder). */
  root?: string;
  config?: PostmortemConfig;
  /** `YYYY-MM-DD`; defaults to today in the config's time zone, else the machine's. */
  today?: string;
  /** Analyse even when the document does not look like a postmortem. */
  force?: boolean;
  /**
   * What is remembered between calls (parsed sections, blame matches, read timestamps): the language
   * server keeps one per open document and disposes of it on close. Without one, nothing outlives the call.
   */
  cache?: AnalysisCache;
  /** The workspace's postmortems, for the rules that compare a document with earlier ones; the document's own path is left out. */
  workspace?: WorkspacePostmortems;
}

export interface Analysis {
  postmortem: boolean;
  /** Why the document is (or is not) taken for a postmortem. */
  reason: string;
  model: Postmortem | undefined;
  findings: Finding[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const detection = options.force ? { postmortem: true, reason: 'analysis was requested' } : detectPostmortem(text, options.path, config, options.root);
  if (!detection.postmortem) return { ...detection, model: undefined, findings: [] };

  const cache = options.cache ?? new AnalysisCache();
  cache.nextGeneration();
  // One day for the whole analysis: the parser reads dates without a year against it, the rules judge overdue on it.
  const today = options.today ?? todayIn({ timeZone: config.timezone });
  let model: Postmortem;
  try {
    model = parsePostmortem(text, config, cache.parser, { today, cache });
  } catch (error) {
    return { ...detection, model: undefined, findings: [internalFinding('parse-error', `This document could not be analysed: ${message(error)}`)] };
  }
  const suppressions = readDirectives(text, model.comments);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    const severity = setting?.severity ?? rule.severity;
    if (severity === 'off') continue;
    let reported;
    try {
      reported = rule.check({ model, config, options: setting?.options ?? {}, today, cache, path: options.path, workspace: options.workspace });
    } catch (error) {
      findings.push(internalFinding(rule.id, `Rule '${rule.id}' failed on this document: ${message(error)}`));
      continue;
    }
    for (const finding of reported) {
      if (suppressions.isSuppressed(rule.id, finding.span.start)) continue;
      const { suggestions } = finding;
      const reportedFinding = {
        ruleId: rule.id,
        severity: setting?.severity ? severity : finding.severity ?? severity,
        message: finding.message,
        span: finding.span,
        related: finding.related ?? [],
        ...(finding.elsewhere?.length ? { elsewhere: finding.elsewhere } : {}),
        fix: finding.fix,
        tags: finding.tags ?? [],
        detail: finding.detail,
      };
      findings.push(typeof suggestions === 'function' ? defineLazy(reportedFinding, 'suggestions', suggestions) : { ...reportedFinding, suggestions: suggestions ?? [] });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { ...detection, model, findings };
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left after fixing. */
  analysis: Analysis;
}

const maxFixPasses = 25;

export interface FixAllOptions extends AnalyzeOptions {
  /** The analysis of `text` with these options, when the caller has it already. */
  analysis?: Analysis;
}

/** Applies every safe fix, re-analysing between passes until none is left (bounded). */
export function fixAll(text: string, fixAllOptions: FixAllOptions = {}): FixAllResult {
  const { analysis: known, ...analyzeOptions } = fixAllOptions;
  // The passes share one cache, so each re-analyses only what the last one's fixes changed.
  const options = { ...analyzeOptions, cache: analyzeOptions.cache ?? new AnalysisCache() };
  let current = text;
  let applied = 0;
  let analysis = known ?? analyze(current, options);
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const fixes = compatibleFixes(safeFixes(current, analysis.findings));
    if (fixes.length === 0) break;
    current = applyEdits(current, fixes.flatMap((fix) => fix.edits));
    applied += fixes.length;
    analysis = analyze(current, options);
  }
  return { text: current, applied, analysis };
}

/** The fixes fix-all applies unasked: a safe fix only adds or moves text, never removing the author's words. */
export function safeFixes(text: string, findings: readonly Finding[]): Fix[] {
  return findings.flatMap((finding) => (finding.fix?.safe && keepsText(text, finding.fix) ? [finding.fix] : []));
}

/** The fixes that can be applied together: each later fix that overlaps an earlier one waits for the next pass. */
export function compatibleFixes(fixes: readonly Fix[]): Fix[] {
  const accepted: Fix[] = [];
  const edits: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => edits.some((other) => conflicts(edit, other)))) continue;
    accepted.push(fix);
    edits.push(...fix.edits);
  }
  return accepted;
}

function keepsText(text: string, fix: Fix): boolean {
  return fix.edits.every((edit) => edit.span.end <= text.length && removedCharacters(text.slice(edit.span.start, edit.span.end), edit.newText).length === 0);
}

/** Overlapping edits conflict, and so do two insertions at one point, whose order would be a guess. */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  return spansOverlap(a.span, b.span) || (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end));
}

function internalFinding(ruleId: string, text: string): Finding {
  return { ruleId, severity: 'error', message: text, span: { start: 0, end: 0 }, related: [], fix: undefined, suggestions: [], tags: [], detail: undefined };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
