// One file of the workspace index: a postmortem reduced to its action items, title, metrics and what insights compare.
// Runs on the server's thread or in the index worker.
import { basename } from 'node:path';
import { detectPostmortem, digestPostmortem, type IncidentMetrics, LineIndex, ownersOf, parsePostmortem, type Postmortem, type PostmortemConfig, type PostmortemDigest } from '../analysis';
import type { WorkspaceActionItem } from '../protocol';
import { fileUri } from './uris';

/** An item as indexed: what the file says. The facts that depend on the day are added when the items are asked for. */
export type IndexedItem = Omit<WorkspaceActionItem, 'overdue' | 'daysUntilDue' | 'dueInWords' | 'dueWindow' | 'dueForFollowUp'>;

export interface IndexedFile extends Pick<IncidentMetrics, 'timeToDetect' | 'timeToMitigate' | 'timeToResolve'> {
  uri: string;
  title: string;
  items: IndexedItem[];
  /** Its cause text, date and items as insights read them: bounded, so a large workspace stays small in memory. */
  digest: PostmortemDigest;
}

/** The index entry of a file, or undefined when it is not a postmortem. */
export function indexFile(path: string, raw: string, config: PostmortemConfig, root: string | undefined): IndexedFile | undefined {
  // Editors hide a byte order mark, so positions are counted without it.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  // Detection reads only the path and the first lines, so most Markdown files cost no parse at all.
  if (text.includes('\u0000') || !detectPostmortem(text, path, config, root).postmortem) return undefined;
  // The index needs the model (action items, metrics), not the findings: no rules run here.
  try {
    return summarise(path, parsePostmortem(text, config, undefined, { skim: true }));
  } catch {
    return undefined;
  }
}

function summarise(path: string, model: Postmortem): IndexedFile {
  const uri = fileUri(path);
  const lines = new LineIndex(model.text);
  const title = model.title?.value.trim() || basename(path);
  const items = model.actionItems.map((item): IndexedItem => {
    const range = { start: lines.positionAt(item.span.start), end: lines.positionAt(item.span.end) };
    return {
      id: `${uri}#${range.start.line}`,
      uri,
      documentTitle: title,
      range,
      description: item.description.replace(/\s+/g, ' ').trim(),
      owner: item.owner?.value,
      owners: ownersOf(item),
      due: item.due?.value,
      priority: item.priority?.value,
      status: item.status,
      ticket: item.ticket?.value,
      group: item.group,
      postmortemDate: model.date,
    };
  });
  const { timeToDetect, timeToMitigate, timeToResolve } = model.metrics;
  return { uri, title, items, timeToDetect, timeToMitigate, timeToResolve, digest: digestPostmortem(path, model, lines) };
}
