// Lenses above a postmortem: how fast the incident was handled, and what is still to do; on its root cause, the
// earlier postmortems that share it.
import type { CodeLens, Command, Range } from 'vscode-languageserver';
import { formatDuration, type IncidentMetrics, isOverdue, type Postmortem } from '../analysis';
import { revealLineCommand, showRecurringCauseCommand, type RecurringCauseGroup } from '../protocol';
import type { AnalyzedDocument } from './analyzed-document';
import { toRange } from './convert';
import { fileUri } from './uris';

/** Implemented by the client: reveals the action items view for the document given as argument. */
export const showActionItemsCommand = 'postmortem.showActionItems';

export function provideCodeLenses(document: AnalyzedDocument): CodeLens[] {
  const model = document.analysis.model;
  if (!document.settings.codeLens || !document.analysis.postmortem || !model) return [];
  // Above the title heading when there is one, so the lens reads as the document's summary line.
  const heading = model.sections.find((section) => section.depth === 1)?.heading;
  const range: Range = heading ? toRange(document.lines, heading) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const timeline = model.sections.find((section) => section.kind === 'timeline');
  // The metrics come from the timeline, so their lens shows it; without one the lens is a label.
  const metrics: Command = timeline
    ? { title: metricsTitle(model.metrics), tooltip: 'Time to detect, mitigate and resolve, from the timeline. Click to show the timeline.', command: revealLineCommand, arguments: [document.uri, document.lines.positionAt(timeline.heading.start).line] }
    : { title: metricsTitle(model.metrics), tooltip: 'Add a timeline section with timed entries to measure the incident.', command: '' };
  const actionItems: Command = { title: actionItemsTitle(model, document.today), tooltip: "Show this postmortem's action items in the Action Items view", command: showActionItemsCommand, arguments: [document.uri] };
  return [{ range, command: metrics }, { range, command: actionItems }, ...recurringCauseLenses(document)];
}

/** On the heading the recurring-cause finding marks: how many earlier postmortems share the cause; a click picks one to open. */
function recurringCauseLenses(document: AnalyzedDocument): CodeLens[] {
  const finding = document.analysis.findings.find((candidate) => candidate.ruleId === 'recurring-cause' && candidate.elsewhere?.length);
  if (!finding?.elsewhere) return [];
  const group: RecurringCauseGroup = { title: finding.message, postmortems: finding.elsewhere.map(({ path, line, message }) => ({ uri: fileUri(path), line, label: message })) };
  const count = group.postmortems.length;
  const command: Command = { title: `Recurring: ${count} postmortem${count === 1 ? '' : 's'}`, tooltip: 'Earlier postmortems with the same cause. Click to open one.', command: showRecurringCauseCommand, arguments: [group] };
  return [{ range: toRange(document.lines, finding.span), command }];
}

function metricsTitle(metrics: IncidentMetrics): string {
  if (metrics.start === undefined) return 'No timeline times to measure';
  const parts = [
    metrics.timeToDetect !== undefined && `Detect ${formatDuration(metrics.timeToDetect)}`,
    metrics.timeToMitigate !== undefined && `Mitigate ${formatDuration(metrics.timeToMitigate)}`,
    metrics.timeToResolve !== undefined && `Resolve ${formatDuration(metrics.timeToResolve)}`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : 'No detection, mitigation or resolution in the timeline';
}

function actionItemsTitle(model: Postmortem, today: string): string {
  const total = model.actionItems.length;
  if (total === 0) return 'No action items';
  const open = model.actionItems.filter((item) => item.status === 'open');
  const overdue = open.filter((item) => isOverdue(item, today)).length;
  if (open.length === 0) return total === 1 ? 'The action item is done' : `All ${total} action items done`;
  const counted = `${open.length} open action item${open.length === 1 ? '' : 's'}`;
  return overdue > 0 ? `${counted}, ${overdue} overdue` : counted;
}
