// Machine output in the shape of ESLint's JSON formatter, so existing ESLint tooling can read it.
import type { Finding, Fix, LineIndex } from '../../analysis';
import { indexer, isError, isFixable, regionOf, type LintResult } from './result';

export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
}

export function formatJson(results: readonly LintResult[]): string {
  return `${JSON.stringify(toEslintResults(results))}\n`;
}

export function toEslintResults(results: readonly LintResult[]): EslintResult[] {
  const lineIndex = indexer();
  return results.map((result) => {
    const index = lineIndex(result);
    const errors = result.findings.filter((finding) => isError(finding.severity));
    const warnings = result.findings.filter((finding) => !isError(finding.severity));
    const eslint: EslintResult = {
      filePath: result.filePath,
      messages: result.findings.map((finding) => toMessage(finding, index)),
      errorCount: errors.length,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter(isFixable).length,
      fixableWarningCount: warnings.filter(isFixable).length,
    };
    // ESLint includes the source only when there is something to point into.
    if (result.findings.length > 0) eslint.source = result.text;
    return eslint;
  });
}

function toMessage(finding: Finding, index: LineIndex): EslintMessage {
  const message: EslintMessage = {
    ruleId: finding.ruleId,
    severity: isError(finding.severity) ? 2 : 1,
    message: finding.message,
    ...regionOf(index, finding.span),
  };
  const fix = finding.fix && finding.fix.safe ? singleEdit(finding.fix) : undefined;
  if (fix) message.fix = fix;
  // A fix --fix would not apply is a choice for the user: ESLint calls that a suggestion.
  const choices = [...(finding.fix && !finding.fix.safe ? [finding.fix] : []), ...finding.suggestions];
  const suggestions = choices.flatMap((choice) => {
    const edit = singleEdit(choice);
    return edit ? [{ desc: choice.title, fix: edit }] : [];
  });
  if (suggestions.length > 0) message.suggestions = suggestions;
  return message;
}

/** ESLint's fix is one replacement; fixes of several edits cannot be written in that shape. */
function singleEdit(fix: Fix): EslintFix | undefined {
  if (fix.edits.length !== 1) return undefined;
  const [edit] = fix.edits;
  return { range: [edit.span.start, edit.span.end], text: edit.newText };
}
