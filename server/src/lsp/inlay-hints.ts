// Elapsed incident time after each timeline timestamp, so readers need not do clock arithmetic.
import type { InlayHint, Range } from 'vscode-languageserver';
import { formatDuration, type TimelineEntry } from '../analysis';
import type { AnalyzedDocument } from './analyzed-document';

type Readable = TimelineEntry & { instant: number };

export function provideInlayHints(document: AnalyzedDocument, range: Range): InlayHint[] {
  const model = document.analysis.model;
  if (!document.settings.inlayHints || !document.analysis.postmortem || !model) return [];
  const start = model.metrics.start;
  if (start === undefined) return [];
  const from = document.lines.offsetAt(range.start);
  const to = document.lines.offsetAt(range.end);
  const readable = model.timeline.filter((entry): entry is Readable => entry.instant !== undefined);
  const hints: InlayHint[] = [];
  let startLabelled = false;
  readable.forEach((entry, index) => {
    // The earliest entry reads 'start' even when written out of order; a tie after it reads '+0m'.
    const isStart = !startLabelled && entry.instant === start;
    startLabelled ||= isStart;
    // Previous entries are counted over the whole timeline, so hints do not change as the visible range scrolls.
    if (entry.timeSpan.end < from || entry.timeSpan.end > to) return;
    const previous = index > 0 ? readable[index - 1] : undefined;
    hints.push({
      position: document.lines.positionAt(hintOffset(document, entry)),
      label: isStart ? 'start' : `+${formatDuration(entry.instant - start)}`,
      paddingLeft: true,
      tooltip: previous === undefined ? 'First timeline entry' : sincePrevious(entry.instant - previous.instant),
    });
  });
  return hints;
}

/** After the timestamp and any bold or italic markers closing it; in a table, after the row, never inside a cell. */
function hintOffset(document: AnalyzedDocument, entry: TimelineEntry): number {
  const text = document.text;
  if (entry.container === 'table') return document.lines.lineEnd(document.lines.positionAt(entry.timeSpan.end).line);
  let offset = entry.timeSpan.end;
  while (text[offset] === '*' || text[offset] === '_') offset++;
  return offset;
}

function sincePrevious(ms: number): string {
  if (ms < 0) return `${formatDuration(-ms)} before the previous entry (out of order)`;
  return `${formatDuration(ms)} after the previous entry`;
}
