// How far an open postmortem is from done, for the client's status bar: the core's judgement, sent as it is.
import { draftProgress } from '../analysis';
import type { DraftProgressResult } from '../protocol';
import type { AnalyzedDocument } from './analyzed-document';

export function provideDraftProgress(document: AnalyzedDocument): DraftProgressResult | null {
  const { model } = document.analysis;
  if (!document.analysis.postmortem || !model) return null;
  const { draft, sections, sectionsWritten, templateLines, textLines } = draftProgress(model);
  return { draft, sections, sectionsWritten, templateLines, textLines };
}
