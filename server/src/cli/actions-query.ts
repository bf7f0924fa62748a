// Action items as report rows: built from the model, filtered by the command's options, sorted.
import type { ActionItem, ActionStatus, LineIndex } from '../analysis';
import { engine } from './engine-loader';

export interface ActionRow {
  /** Display path of the postmortem. */
  file: string;
  /** 1-based. */
  line: number;
  priority: 'P0' | 'P1' | 'P2' | undefined;
  owner: string | undefined;
  /** `YYYY-MM-DD`. */
  due: string | undefined;
  status: ActionStatus;
  /** Open and due before today. */
  overdue: boolean;
  item: string;
  ticket: string | undefined;
}

export interface ActionFilter {
  all: boolean;
  owner: string | undefined;
  overdue: boolean;
}

export function toActionRow(item: ActionItem, file: string, index: LineIndex, today: string): ActionRow {
  return {
    file,
    line: index.positionAt(item.span.start).line + 1,
    priority: item.priority === undefined ? undefined : `P${item.priority.value}`,
    owner: item.owner?.value,
    due: item.due?.value,
    status: item.status,
    overdue: engine().isOverdue(item, today),
    item: item.description.replace(/\s+/g, ' ').trim(),
    ticket: item.ticket?.value,
  };
}

export function selectActions(rows: readonly ActionRow[], filter: ActionFilter): ActionRow[] {
  const owner = filter.owner;
  return rows
    .filter((row) => filter.all || row.status === 'open')
    .filter((row) => !filter.overdue || row.overdue)
    .filter((row) => owner === undefined || engine().ownerMatches(row, owner))
    .sort(compareActions);
}

/** By due date with undated items last, then priority (P0 first, none last), then position. */
export function compareActions(a: ActionRow, b: ActionRow): number {
  return (
    compareMissingLast(a.due, b.due) ||
    compareMissingLast(a.priority, b.priority) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line
  );
}

function compareMissingLast(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
