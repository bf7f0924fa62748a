// How the view names the due windows the server judged, and an item's days left. Pure: no vscode import.
import type { DueWindow } from '../../../server/src/protocol';

export type { DueWindow };

/** In the order the view lists them: what needs attention first, done last. */
export const dueWindowLabels: Record<DueWindow, string> = {
  overdue: 'Overdue',
  thisWeek: 'Due this week',
  later: 'Due later',
  noDate: 'No due date',
  done: 'Done',
};

export const dueWindows = Object.keys(dueWindowLabels) as DueWindow[];

/**
 * The due part of an item's description. Grouped by due window, the group already says roughly when, so an item
 * due later shows its date (`due 2024-07-01`); elsewhere, and when overdue, the days left or past as the server words them.
 */
export function dueDescription(item: { due?: string; dueInWords?: string; overdue: boolean; status: string }, groupedByDueWindow: boolean): string | undefined {
  if (item.status === 'done') return undefined;
  if (groupedByDueWindow && !item.overdue) return item.due === undefined ? undefined : `due ${item.due}`;
  return item.dueInWords;
}

/** The view's description of the filter on: whose items it shows, so "only mine" is never on unseen. */
export function filterDescription(onlyMine: boolean, me: string | undefined, showDone: boolean): string | undefined {
  const parts = [onlyMine && `only ${me ?? 'mine'}`, showDone && 'done shown'].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
