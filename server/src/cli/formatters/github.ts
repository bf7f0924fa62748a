// GitHub Actions workflow commands, which GitHub shows as annotations on the pull request.
import type { Severity } from '../../analysis';
import { indexer, regionOf, type LintResult } from './result';

export function formatGithub(results: readonly LintResult[]): string {
  const lineIndex = indexer();
  const lines: string[] = [];
  for (const result of results) {
    const index = lineIndex(result);
    for (const finding of result.findings) {
      const region = regionOf(index, finding.span);
      const properties = [
        `file=${escapeProperty(result.displayPath)}`,
        `line=${region.line}`,
        `col=${region.column}`,
        `endLine=${region.endLine}`,
        `endColumn=${region.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ];
      lines.push(`::${command(finding.severity)} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function command(severity: Severity): 'error' | 'warning' | 'notice' {
  if (severity === 'error') return 'error';
  return severity === 'warning' ? 'warning' : 'notice';
}

/** The escaping of @actions/core for a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also escape the characters that separate them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
