// What an action item's dates and owners mean: overdue, days left, due window, who owns it.
// Decided here once; the rules, the language server, the CLI and (through the server) the editor ask these functions.
import type { PostmortemConfig } from './config';
import type { ActionStatus } from './model';
import { addDays, daysBetween } from './time';

/** A due date or owner as the model holds it (with its span) or as a workspace row carries it (the text). */
type Written = string | { readonly value: string } | undefined;

/** What the due-date decisions read of an action item: the model's items and the workspace's rows both have it. */
export interface DatedItem {
  status: ActionStatus;
  /** `YYYY-MM-DD`. */
  due: Written;
}

/** Where an item stands against today, in the order that needs attention first; done items have their own place. */
export type DueWindow = 'overdue' | 'thisWeek' | 'later' | 'noDate' | 'done';

/** "This week" is today and the six days after it, so a Friday's view still shows next Monday. */
const weekDays = 7;

/** Whole days from `today` to the due date (negative when past), or undefined without a date. */
export function daysUntilDue(item: Pick<DatedItem, 'due'>, today: string): number | undefined {
  const due = valueOf(item.due);
  return due === undefined ? undefined : daysBetween(today, due);
}

/** An item's days left in words, as every view says them: "due today", "due tomorrow", "due in 3 days", "1 day overdue", "13 days overdue". */
export function dueInWords(daysUntilDue: number): string {
  if (daysUntilDue === 0) return 'due today';
  if (daysUntilDue === 1) return 'due tomorrow';
  if (daysUntilDue === -1) return '1 day overdue';
  return daysUntilDue < 0 ? `${-daysUntilDue} days overdue` : `due in ${daysUntilDue} days`;
}

/** An open item due before today; an item due today is not overdue yet, and a done item never is. */
export function isOverdue(item: DatedItem, today: string): boolean {
  const days = daysUntilDue(item, today);
  return item.status === 'open' && days !== undefined && days < 0;
}

export function dueWindowOf(item: DatedItem, today: string): DueWindow {
  if (item.status === 'done') return 'done';
  const days = daysUntilDue(item, today);
  if (days === undefined) return 'noDate';
  if (days < 0) return 'overdue';
  return days < weekDays ? 'thisWeek' : 'later';
}

/** Days after the postmortem a priority's items are due: the due-window rule's option (`P0`...) over the config's `dueWindows`. */
export function dueWindowDays(priority: 0 | 1 | 2, config: PostmortemConfig): number {
  const key = `P${priority}` as const;
  const option = Number(config.rules['action-item-due-window']?.options[key]);
  return Number.isFinite(option) && option > 0 ? option : config.dueWindows[key];
}

/** The last day an item of `priority` may be due, counted from `from` (the postmortem's date), `YYYY-MM-DD`. */
export function dueDateForPriority(priority: 0 | 1 | 2, from: string, config: PostmortemConfig): string {
  return addDays(from, dueWindowDays(priority, config));
}

/** An owner cell may name several people ("@ana, @bo", "Ana and Bo"); slashes stay, as in `@org/team`. */
const ownerSeparator = /\s*(?:[,;&]|\band\b)\s*/i;

/** The people an item names as its owners, as written. */
export function ownersOf(item: { owner: Written }): string[] {
  return (valueOf(item.owner) ?? '').split(ownerSeparator).map((name) => name.trim()).filter((name) => name !== '');
}

/** Whether `who` (`ana` or `@Ana`) is one of the item's owners; a part of a name is not a match. */
export function ownerMatches(item: { owner: Written }, who: string): boolean {
  const wanted = ownerKey(who);
  return wanted !== '' && ownersOf(item).some((owner) => ownerKey(owner) === wanted);
}

/** Owners are the same person without the `@` and without case: `@Alice` in one document is `alice` in another. */
export function ownerKey(name: string): string {
  return name.trim().replace(/^@/, '').toLowerCase();
}

function valueOf(written: Written): string | undefined {
  return typeof written === 'string' || written === undefined ? written : written.value;
}
