// Action items as report rows: built from the model, filtered by the command's options, sorted.
import type { ActionItem, ActionStatus } from '../analysis/model';
import type { LineIndex } from '../analysis/text';

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
  today: string;
}

export function toActionRow(item: ActionItem, file: string, index: LineIndex, today: string): ActionRow {
  const due = item.due?.value;
  return {
    file,
    line: index.positionAt(item.span.start).line + 1,
    priority: item.priority === undefined ? undefined : `P${item.priority.value}`,
    owner: item.owner?.value,
    due,
    status: item.status,
    // ISO dates compare correctly as strings.
    overdue: item.status === 'open' && due !== undefined && due < today,
    item: item.description.replace(/\s+/g, ' ').trim(),
    ticket: item.ticket?.value,
  };
}

export function selectActions(rows: readonly ActionRow[], filter: ActionFilter): ActionRow[] {
  const owner = filter.owner === undefined ? undefined : normalizeOwner(filter.owner);
  return rows
    .filter((row) => filter.all || row.status === 'open')
    .filter((row) => !filter.overdue || row.overdue)
    .filter((row) => owner === undefined || ownersOf(row.owner).includes(owner))
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

function normalizeOwner(name: string): string {
  return name.trim().replace(/^@/, '').toLowerCase();
}

/** An owner cell may name several people ("@ana, @bo" or "Ana and Bo"); each one matches. */
function ownersOf(owner: string | undefined): string[] {
  if (owner === undefined) return [];
  const parts = owner.split(/\s*(?:[,;&/]|\band\b)\s*/i).map(normalizeOwner);
  return [normalizeOwner(owner), ...parts].filter((part) => part !== '');
}
