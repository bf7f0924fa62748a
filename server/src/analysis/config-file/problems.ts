// A config problem: where in which file, and what is wrong, as a compiler would print it.
import type { Span } from '../model';
import type { LineIndex } from '../text';

export interface ConfigProblem {
  file: string;
  /** 1-based start of the offending text; 1:1 when there is no text (editor settings). */
  line: number;
  column: number;
  /** 1-based end (exclusive column) of the offending text, for underlining it. */
  endLine: number;
  endColumn: number;
  message: string;
}

/** `file:line:column: message`, as compilers print it. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** A problem at a span of the file's text; at 1:1 when there is no text to point at. */
export function problemAt(file: string, index: LineIndex | undefined, span: Span | undefined, message: string): ConfigProblem {
  if (!index || !span) return { file, line: 1, column: 1, endLine: 1, endColumn: 1, message };
  const start = index.positionAt(span.start);
  const end = index.positionAt(Math.max(span.start, span.end));
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, message };
}

/** Each problem once: a base file reached through two `extends` reports its problems once. */
export function dedupeProblems(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatConfigProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
