// What every lint formatter receives, and the 1-based positions they all report.
import type { Finding, Rule, Severity, Span } from '../../analysis';
import { LineIndex } from '../../analysis/detection';

export interface LintResult {
  /** Absolute path. */
  filePath: string;
  /** Relative to the working folder (absolute when outside it), with forward slashes. */
  displayPath: string;
  /** The analysed text, without a BOM; spans index into it. */
  text: string;
  findings: Finding[];
}

export interface FormatContext {
  color: boolean;
  /** Every rule of the core, for SARIF's rule metadata. */
  rules: readonly Rule[];
  /** Where a rule's documentation lives. */
  ruleDocsUrl(ruleId: string): string;
  /** The folder the CLI runs in, the root relative paths are resolved against. */
  cwd: string;
}

/** 1-based lines and columns; columns count UTF-16 units, the end column is exclusive. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function regionOf(index: LineIndex, span: Span): Region {
  const start = index.positionAt(span.start);
  const end = index.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Lazily builds one line index per result, since most formatters need positions for every finding. */
export function indexer(): (result: LintResult) => LineIndex {
  const cache = new WeakMap<LintResult, LineIndex>();
  return (result) => {
    let index = cache.get(result);
    if (!index) cache.set(result, (index = new LineIndex(result.text)));
    return index;
  };
}

/** Anything milder than an error counts as a warning, as in ESLint's two-level model. */
export function isError(severity: Severity): boolean {
  return severity === 'error';
}

/** Fixable means `--fix` would apply it. */
export function isFixable(finding: Finding): boolean {
  return finding.fix?.safe === true;
}
