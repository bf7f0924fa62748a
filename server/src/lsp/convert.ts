// Findings and fixes of the core, as LSP types.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from 'vscode-languageserver';
import { type Elsewhere, type Finding, type Fix, type LineIndex, type Severity, type Span } from '../analysis';
import { ruleDocsLink } from './rule-docs-link';
import { fileUri } from './uris';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An LSP text edit with the core's snippet form of its text, when it has one. */
export interface FixEdit extends TextEdit {
  snippet?: string;
}

/** A fix as it travels in `Diagnostic.data`, with LSP ranges. */
export interface FixData {
  title: string;
  edits: FixEdit[];
  safe: boolean;
  preferred: boolean;
}

export interface DiagnosticData {
  fixes: FixData[];
}

export function toFixData(lines: LineIndex, fix: Fix, preferred: boolean): FixData {
  return { title: fix.title, edits: toFixEdits(lines, fix), safe: fix.safe, preferred };
}

export function toFixEdits(lines: LineIndex, fix: Fix): FixEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(lines, edit.span), newText: edit.newText, ...(edit.snippet === undefined ? {} : { snippet: edit.snippet }) }));
}

/** The diagnostic carries the finding's one fix; its suggestions are built only when code actions ask for them (see `suggestionsFor`). */
export function toDiagnostic(lines: LineIndex, uri: string, finding: Finding): Diagnostic {
  const data: DiagnosticData = { fixes: finding.fix ? [toFixData(lines, finding.fix, true)] : [] };
  return {
    range: toRange(lines, finding.span),
    severity: severities[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsLink(finding.ruleId) },
    source: 'postmortem',
    message: finding.message,
    relatedInformation: [...finding.related.map((related) => ({ location: { uri, range: toRange(lines, related.span) }, message: related.message })), ...(finding.elsewhere ?? []).map(toRelatedElsewhere)],
    tags: finding.tags.includes('unnecessary') ? [DiagnosticTag.Unnecessary] : undefined,
    data,
  };
}

/** A place in another postmortem as related information: the start of its line. */
export function toRelatedElsewhere(elsewhere: Elsewhere): DiagnosticRelatedInformation {
  const start = { line: elsewhere.line, character: 0 };
  return { location: { uri: fileUri(elsewhere.path), range: { start, end: start } }, message: elsewhere.message };
}

/** Reads `Diagnostic.data` back, checking its shape: clients return it as they got it, but nothing enforces that. */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as DiagnosticData).fixes)) return false;
  return (value as DiagnosticData).fixes.every(
    (fix) => typeof fix === 'object' && fix !== null && typeof fix.title === 'string' && Array.isArray(fix.edits) && fix.edits.every((edit) => typeof edit?.newText === 'string' && typeof edit?.range === 'object' && (edit.snippet === undefined || typeof edit.snippet === 'string')),
  );
}
