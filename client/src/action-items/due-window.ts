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

/** "due in 3 days", "2 days overdue", "due today": the description next to an item, from the server's days left. */
export function describeDue(daysUntilDue: number | undefined): string | undefined {
  if (daysUntilDue === undefined) return undefined;
  if (daysUntilDue === 0) return 'due today';
  if (daysUntilDue === 1) return 'due tomorrow';
  if (daysUntilDue === -1) return '1 day overdue';
  return daysUntilDue < 0 ? `${-daysUntilDue} days overdue` : `due in ${daysUntilDue} days`;
}
