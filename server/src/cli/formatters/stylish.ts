// Human output grouped by file, after ESLint's "stylish" formatter.
import type { Severity } from '../../analysis';
import { colors, type Colors } from '../color';
import { indexer, isError, isFixable, regionOf, type FormatContext, type LintResult } from './result';

export function formatStylish(results: readonly LintResult[], context: Pick<FormatContext, 'color'>): string {
  const paint = colors(context.color);
  const lineIndex = indexer();
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const index = lineIndex(result);
    const rows = result.findings.map((finding) => {
      const region = regionOf(index, finding.span);
      return { position: `${region.line}:${region.column}`, finding };
    });
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.finding.severity.length));
    const messageWidth = Math.max(...rows.map((row) => oneLine(row.finding.message).length));
    lines.push('', paint.underline(result.displayPath));
    for (const { position, finding } of rows) {
      if (isError(finding.severity)) errors++;
      else if (finding.severity === 'warning') warnings++;
      else infos++;
      if (isFixable(finding)) fixable++;
      const severity = severityColor(paint, finding.severity)(finding.severity.padEnd(severityWidth));
      const message = oneLine(finding.message).padEnd(messageWidth);
      const where = paint.dim(position.padEnd(positionWidth));
      lines.push(`  ${where}  ${severity}  ${message}  ${paint.dim(finding.ruleId)}`);
    }
  }
  const problems = errors + warnings + infos;
  if (problems === 0) return '';
  const summaryColor = errors > 0 ? paint.red : paint.yellow;
  // Info findings are counted apart, so "8 warnings" never hides four hints among them.
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''}`;
  const summary = `✖ ${plural(problems, 'problem')} (${counts})`;
  lines.push('', paint.bold(summaryColor(summary)));
  if (fixable > 0) lines.push(`  ${fixable} fixable with --fix`);
  return `${lines.join('\n')}\n\n`;
}

function severityColor(paint: Colors, severity: Severity): (text: string) => string {
  if (severity === 'error') return paint.red;
  return severity === 'warning' ? paint.yellow : paint.blue;
}

/** Keeps one finding per line, so the columns stay aligned. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
