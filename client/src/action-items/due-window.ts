// Which due window an action item falls in, judged on a given day. Pure: no vscode import.

export type DueWindow = 'overdue' | 'thisWeek' | 'later' | 'noDate';

/** In the order the view lists them: what needs attention first. */
export const dueWindows: readonly DueWindow[] = ['overdue', 'thisWeek', 'later', 'noDate'];

export const dueWindowLabels: Record<DueWindow, string> = {
  overdue: 'Overdue',
  thisWeek: 'Due this week',
  later: 'Due later',
  noDate: 'No due date',
};

/** "This week" is today and the six days after it, so a Friday's view still shows next Monday. */
const weekDays = 7;

/** `due` and `today` are `YYYY-MM-DD`; an unreadable date counts as no date. */
export function dueWindow(due: string | undefined, today: string): DueWindow {
  const dueDay = dayNumber(due);
  const todayDay = dayNumber(today);
  if (dueDay === undefined || todayDay === undefined) return 'noDate';
  if (dueDay < todayDay) return 'overdue';
  return dueDay - todayDay < weekDays ? 'thisWeek' : 'later';
}

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, else undefined. */
export function dayNumber(date: string | undefined): number | undefined {
  const match = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 2024-02-30 over into March; such a date is not a date.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round(time / 86_400_000);
}

/** "due in 3 days", "2 days overdue", "due today": the description next to an item. */
export function describeDue(due: string | undefined, today: string): string | undefined {
  const dueDay = dayNumber(due);
  const todayDay = dayNumber(today);
  if (dueDay === undefined || todayDay === undefined) return undefined;
  const days = dueDay - todayDay;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days === -1) return '1 day overdue';
  return days < 0 ? `${-days} days overdue` : `due in ${days} days`;
}
