// Hovers: what a finding means (and the other postmortems it links), when a timeline entry happened, where an action item stands.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { DateTime } from 'luxon';
import { type ActionItem, daysUntilDue, dueDateForPriority, dueInWords, dueWindowDays, type Finding, formatDuration, normaliseSeverity, type Postmortem, resolveZone, rules, type Section, sectionDefinitions, severityLevels, type Span, type TimelineEntry } from '../analysis';
import type { AnalyzedDocument } from './analyzed-document';
import { toRange } from './convert';
import { ruleDocsLink } from './rule-docs-link';
import { fileUri } from './uris';

interface Part {
  span: Span;
  markdown: string;
}

export function provideHover(document: AnalyzedDocument, params: HoverParams): Hover | null {
  const model = document.analysis.model;
  if (!document.analysis.postmortem || !model) return null;
  const offset = document.lines.offsetAt(params.position);
  const within = (span: Span) => span.start <= offset && (offset < span.end || span.start === span.end);
  const parts: Part[] = describeFindings(document.analysis.findings.filter((finding) => within(finding.span)));
  const index = model.timeline.findIndex((entry) => within(entry.span));
  if (index >= 0) parts.push({ span: model.timeline[index].span, markdown: describeEntry(model, index) });
  const item = model.actionItems.find((candidate) => within(candidate.span));
  if (item) parts.push({ span: item.span, markdown: describeItem(document, model, item) });
  const uncertain = model.sections.find((section) => section.uncertain && within(section.heading));
  if (uncertain) parts.push({ span: uncertain.heading, markdown: describeUncertainHeading(uncertain) });
  const severity = severityAt(document, offset);
  if (severity) parts.push(severity);
  if (parts.length === 0) return null;
  const span = { start: Math.min(...parts.map((part) => part.span.start)), end: Math.max(...parts.map((part) => part.span.end)) };
  return { contents: { kind: MarkupKind.Markdown, value: parts.map((part) => part.markdown).join('\n\n---\n\n') }, range: toRange(document.lines, span) };
}

/**
 * One part per rule: the editor shows each finding's message above the hover already, so the hover adds
 * why the wording (each finding's detail) and what the rule is about, once however many findings it has here.
 */
function describeFindings(findings: readonly Finding[]): Part[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  return [...byRule].flatMap(([ruleId, ofRule]) => {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    // Internal findings (a parse error) have no rule to explain them: their message, shown by the editor, is all there is.
    if (!rule) return [];
    const details = [...new Set(ofRule.flatMap((finding) => (finding.detail ? [finding.detail] : [])))];
    const lines = [`**${ruleId}**`, ...details, ...elsewhereList(ofRule), rule.explanation, `[Documentation for ${rule.id}](${ruleDocsLink(rule.id)})`];
    return [{ span: { start: Math.min(...ofRule.map((finding) => finding.span.start)), end: Math.max(...ofRule.map((finding) => finding.span.end)) }, markdown: lines.join('\n\n') }];
  });
}

/** The other postmortems the findings link to (a recurring cause's group), as links that open each at its line. */
function elsewhereList(findings: readonly Finding[]): string[] {
  const links = new Map<string, string>();
  for (const { path, line, message } of findings.flatMap((finding) => finding.elsewhere ?? [])) {
    const target = `${fileUri(path)}#L${line + 1}`;
    links.set(target, `- [${escapeLinkText(message)}](${target})`);
  }
  return links.size > 0 ? [[...links.values()].join('\n')] : [];
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (char) => `\\${char}`);
}

/** A heading read as a section only from loose wording or from what it holds: say so, and how to make it certain either way. */
function describeUncertainHeading(section: Section): string {
  const name = sectionDefinitions.find((definition) => definition.kind === section.kind)?.title ?? String(section.kind);
  const why = section.kindFrom === 'content' ? `'${section.title}' names no section, and what it holds reads as *${name}*` : `'${section.title}' does not name it plainly`;
  return `**Section** read as *${name}*, though not for certain: ${why}. Rename the heading to '${name}', or list '${section.title}' under \`sections.aliases\` in \`.postmortemrc\` (under another kind if it means something else).`;
}

const severityWord = /\bsev(?:erity)?[ _-]?\d+\b/gi;

/** A severity level under the cursor (`SEV-1`, `Sev 2`) with what it means, as the New Postmortem picker defines it, and the scale. */
function severityAt(document: AnalyzedDocument, offset: number): Part | undefined {
  const line = document.lines.positionAt(offset).line;
  const start = document.lines.lineStart(line);
  for (const match of document.text.slice(start, document.lines.lineEnd(line)).matchAll(severityWord)) {
    const span = { start: start + match.index, end: start + match.index + match[0].length };
    const label = normaliseSeverity(match[0]);
    if (!label || offset < span.start || offset > span.end) continue;
    const scale = severityLevels.map((level) => `- ${level.label === label ? `**${level.label}**` : level.label}: ${level.meaning}`);
    return { span, markdown: `**Severity ${label}**\n\n${scale.join('\n')}` };
  }
  return undefined;
}

function describeEntry(model: Postmortem, index: number): string {
  const entry = model.timeline[index];
  const heading = `**Timeline entry** \`${entry.timeText}\``;
  if (entry.instant === undefined) return `${heading}\n\n${entry.timeError ?? 'The time cannot be read.'}`;
  const zone = resolveZone(model.timezone) ?? 'utc';
  const iso = DateTime.fromMillis(entry.instant, { zone }).toISO({ suppressMilliseconds: true });
  const lines = [`- At: ${iso} (${model.timezone})`];
  const start = model.metrics.start;
  if (start !== undefined) lines.push(`- Since the incident started: ${entry.instant === start ? 'this is the start' : formatDuration(entry.instant - start)}`);
  const previous = model.timeline.slice(0, index).filter((other): other is TimelineEntry & { instant: number } => other.instant !== undefined).pop();
  if (previous) lines.push(`- Since the previous entry (\`${previous.timeText}\`): ${formatDuration(entry.instant - previous.instant)}`);
  return `${heading}\n\n${lines.join('\n')}`;
}

function describeItem(document: AnalyzedDocument, model: Postmortem, item: ActionItem): string {
  const lines = [`- Owner: ${item.owner && !item.ownerPlaceholder ? item.owner.value : 'none'}`];
  const days = daysUntilDue(item, document.today);
  if (item.due && !item.duePlaceholder && days !== undefined) lines.push(`- Due: ${item.due.value}${item.status === 'open' ? ` (${dueInWords(days)})` : ''}`);
  else if (item.dueUnreadable) lines.push(`- Due: '${item.dueUnreadable.value}' is not a readable date`);
  else lines.push('- Due: none');
  if (item.priority) {
    const by = model.date ? `, by ${dueDateForPriority(item.priority.value, model.date, document.config)}` : '';
    lines.push(`- Priority: P${item.priority.value} (due within ${dueWindowDays(item.priority.value, document.config)} days of the postmortem${by})`);
  } else {
    lines.push('- Priority: none');
  }
  lines.push(`- Status: ${item.status}`);
  if (item.ticket) lines.push(`- Ticket: ${item.ticket.value}`);
  return `**Action item**${item.group ? ` (${item.group})` : ''}\n\n${lines.join('\n')}`;
}
