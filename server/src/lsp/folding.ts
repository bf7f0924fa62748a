// Folding for postmortems: each section, the front matter, and HTML comments that span lines.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Span } from '../analysis';
import type { AnalyzedDocument } from './analyzed-document';

/** Non-postmortems are left to VS Code's Markdown folding, as their outline is. */
export function provideFoldingRanges(document: AnalyzedDocument): FoldingRange[] {
  const model = document.analysis.model;
  if (!document.analysis.postmortem || !model) return [];
  const ranges: FoldingRange[] = [];
  const add = (span: Span, kind: string | undefined) => {
    const startLine = document.lines.positionAt(span.start).line;
    // A section's span runs up to the next heading; fold only to its last written line so blank lines stay visible.
    const written = document.text.slice(span.start, span.end).trimEnd().length;
    const endLine = document.lines.positionAt(span.start + written).line;
    if (endLine > startLine) ranges.push(kind === undefined ? { startLine, endLine } : { startLine, endLine, kind });
  };
  // Front matter is a delimited block of its own, closest to a region; Comment would hide it with "Fold All Block Comments".
  if (model.frontMatter) add(model.frontMatter.span, FoldingRangeKind.Region);
  for (const section of model.sections) add(section.span, undefined);
  for (const comment of model.comments) add(comment.span, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
