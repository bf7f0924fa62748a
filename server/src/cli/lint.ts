// The lint command: analyse (and with --fix, repair) every postmortem, print the findings, pick the exit code.
import type { Analysis, FixAllResult } from '../analysis';
import { shouldUseColor } from './color';
import { openDocuments, type InputDocument } from './documents';
import { engine } from './engine-loader';
import { describeFileError, encodeText } from './files';
import { formatResults } from './formatters/index';
import { isError, type FormatContext, type LintResult } from './formatters/result';
import type { CliIO } from './io';
import type { LintOptions } from './options';
import { writeFileAtomic } from './write';

export function runLint(options: LintOptions, io: CliIO): number {
  const { configs, documents } = openDocuments({ ...options, compare: true }, io);
  const results: LintResult[] = [];
  let writeFailed = false;
  for (const document of documents) {
    const outcome = options.fix ? fixDocument(document, io) : lintOnly(document);
    writeFailed ||= outcome.writeFailed;
    if (!outcome.analysis.postmortem) continue;
    const { filePath, displayPath } = document;
    results.push({ filePath, displayPath, text: outcome.text, findings: outcome.analysis.findings });
  }

  for (const line of configs.describeProblems()) io.stderr(`${line}\n`);
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const color = shouldUseColor(options.color, io.stdoutIsTTY, io.env);
  // The rules are read only by a formatter that lists them (SARIF), so a run without postmortems need not load them.
  const context: FormatContext = { color, cwd: io.cwd, ruleDocsUrl: (ruleId) => engine().ruleDocsUrl(ruleId), get rules() { return engine().rules; } };
  const output = formatResults(options.format, shown, context);
  if (output !== '') io.stdout(output);

  // Warnings hidden by --quiet still count against --max-warnings, as in ESLint.
  const all = results.flatMap((result) => result.findings);
  const errors = all.filter((finding) => isError(finding.severity)).length;
  const warnings = all.length - errors;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`postmortem-lint: too many warnings (${warnings}; maximum: ${options.maxWarnings})\n`);
  if (configs.problems.length > 0 || writeFailed) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

interface Outcome {
  /** The text the findings point into: the fixed text once it is written. */
  text: string;
  analysis: Analysis;
  writeFailed: boolean;
}

function lintOnly(document: InputDocument): Outcome {
  return { text: document.text, analysis: engine().analyze(document.text, document.options), writeFailed: false };
}

/** Applies the safe fixes and writes them; a failed write or a refused fix is reported and leaves the file as it was. */
function fixDocument(document: InputDocument, io: CliIO): Outcome {
  let fixed: FixAllResult;
  try {
    fixed = engine().fixAll(document.text, document.options);
  } catch (error) {
    io.stderr(`${document.displayPath}: fixes not written: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ...lintOnly(document), writeFailed: true };
  }
  const unchanged = fixed.applied === 0 || fixed.text === document.text;
  if (unchanged) return { text: document.text, analysis: fixed.analysis, writeFailed: false };
  const refusal = fixRefusal(document.text, fixed.text);
  if (refusal) {
    io.stderr(`${document.displayPath}: fixes not written: ${refusal}\n`);
    return { ...lintOnly(document), writeFailed: true };
  }
  try {
    writeFileAtomic(document.filePath, encodeText(fixed.text, document.bom));
  } catch (error) {
    io.stderr(`${document.displayPath}: could not write fixes: ${describeFileError(error)}\n`);
    return { ...lintOnly(document), writeFailed: true };
  }
  io.stderr(`${document.displayPath}: ${fixed.applied} ${fixed.applied === 1 ? 'fix' : 'fixes'} applied\n`);
  return { text: fixed.text, analysis: fixed.analysis, writeFailed: false };
}

/** Why fixed text must not be written, or undefined: safe fixes only add and move text, so every character written before must remain. */
export function fixRefusal(before: string, after: string): string | undefined {
  const removed = engine().removedCharacters(before, after);
  if (removed.length === 0) return undefined;
  return `they would remove text (${removed.slice(0, 5).map((char) => JSON.stringify(char)).join(', ')}${removed.length > 5 ? ', ...' : ''}); the file is left as it was`;
}

function errorsOnly(result: LintResult): LintResult {
  return { ...result, findings: result.findings.filter((finding) => isError(finding.severity)) };
}
