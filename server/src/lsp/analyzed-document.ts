// A document as every LSP feature sees it: its text, line index, configuration and analysis.
import { type Analysis, analyze, type AnalysisCache, LineIndex, type PostmortemConfig, unparsableReason, type WorkspacePostmortems } from '../analysis';
import type { PostmortemSettings } from '../protocol';

export interface AnalyzedDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
  config: PostmortemConfig;
  settings: PostmortemSettings;
  /** `YYYY-MM-DD`. */
  today: string;
  /** Why the document was not analysed (too large, binary), for the one diagnostic that says so. */
  skipped: string | undefined;
  /** The document's own analysis cache, for features that analyse again (fix all). */
  cache: AnalysisCache | undefined;
  /** The workspace the document was compared with; a new one means the analysis is out of date. */
  workspace: WorkspacePostmortems | undefined;
}

export interface AnalyzeDocumentOptions {
  uri: string;
  version: number;
  text: string;
  config: PostmortemConfig;
  settings: PostmortemSettings;
  today: string;
  /** File system path for detection by glob; undefined for untitled documents. */
  path: string | undefined;
  /** Folder the globs are relative to. */
  root: string | undefined;
  /** The document's own analysis cache, which keeps what its unchanged sections gave between edits. */
  cache: AnalysisCache | undefined;
  /** The workspace's postmortems, for the findings that compare the document with earlier ones. */
  workspace?: WorkspacePostmortems;
}

export function analyzeDocument(options: AnalyzeDocumentOptions): AnalyzedDocument {
  const { uri, version, text, config, settings, today } = options;
  const skipped = reasonToSkip(text, settings, options.cache);
  const analysis: Analysis = skipped
    ? { postmortem: false, reason: skipped, model: undefined, findings: [] }
    : analyze(text, { path: options.path, root: options.root, config, today, cache: options.cache, workspace: options.workspace });
  return { uri, version, text, lines: new LineIndex(text), analysis, config, settings, today, skipped, cache: options.cache, workspace: options.workspace };
}

/** Why a document is not analysed (too large, binary, nested too deeply to parse), or undefined. */
export function reasonToSkip(text: string, settings: PostmortemSettings, cache?: AnalysisCache): string | undefined {
  // UTF-16 length is a cheap upper bound of the UTF-8 size divided by three; measure only when close.
  const size = text.length * 3 > settings.maxFileSize ? Buffer.byteLength(text, 'utf8') : text.length;
  if (size > settings.maxFileSize) {
    return `This document is ${formatBytes(size)}, over the ${formatBytes(settings.maxFileSize)} limit (setting postmortem.maxFileSize), so it is not analysed.`;
  }
  if (text.includes('\u0000')) return 'This document contains NUL bytes and looks binary, so it is not analysed.';
  // The document's parser remembers its answer, which it needs again when it parses.
  const unparsable = cache ? cache.parser.unparsableReason(text) : unparsableReason(text);
  if (unparsable) return `This document is not analysed: ${unparsable}.`;
  return undefined;
}

/** `2.0 MB`, `12.5 KB` or `900 bytes`: a small limit still reads as a number. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
