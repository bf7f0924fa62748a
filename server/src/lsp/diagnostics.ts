// The diagnostics of one document: its findings, or the one reason it was not analysed.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { AnalyzedDocument } from './analyzed-document';
import { toDiagnostic } from './convert';

export function provideDiagnostics(document: AnalyzedDocument): Diagnostic[] {
  if (document.skipped) {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'postmortem', code: 'skipped', message: document.skipped }];
  }
  return document.analysis.findings.map((finding) => toDiagnostic(document.lines, document.uri, finding));
}
