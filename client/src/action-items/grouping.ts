// Filters and groups the workspace's action items for the view. Pure: no vscode import.
import type { WorkspaceActionItem } from '../../../server/src/protocol';
import { dayNumber, dueWindow, dueWindowLabels, dueWindows, type DueWindow } from './due-window';

export type ActionItemGrouping = 'document' | 'owner' | 'dueWindow' | 'priority';

export const groupings: readonly ActionItemGrouping[] = ['document', 'owner', 'dueWindow', 'priority'];

export const groupingLabels: Record<ActionItemGrouping, string> = {
  document: 'Document',
  owner: 'Owner',
  dueWindow: 'Due date',
  priority: 'Priority',
};

export function isGrouping(value: unknown): value is ActionItemGrouping {
  return typeof value === 'string' && (groupings as readonly string[]).includes(value);
}

export interface ActionItemFilter {
  showDone: boolean;
  onlyMine: boolean;
  /** The user's handle (`@alice` or `alice`); without one, "mine" matches nothing. */
  me: string | undefined;
}

export function filterItems(items: readonly WorkspaceActionItem[], filter: ActionItemFilter): WorkspaceActionItem[] {
  return items.filter((item) => (filter.showDone || item.status === 'open') && (!filter.onlyMine || isMine(item.owner, filter.me)));
}

/** Owners are compared without the `@` and without case: `@Alice` in one document is `alice` in another. */
export function normalizeOwner(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}

export function isMine(owner: string | undefined, me: string | undefined): boolean {
  if (owner === undefined || me === undefined || normalizeOwner(me) === '') return false;
  return normalizeOwner(owner) === normalizeOwner(me);
}

export interface ActionItemGroup {
  /** Stable across refreshes, so the tree keeps a group's expansion: the document URI, the owner, the window... */
  key: string;
  label: string;
  items: WorkspaceActionItem[];
  /** Open items among `items` that are past their due date. */
  overdue: number;
}

const noOwnerKey = '';
const noPriorityKey = 'none';
const doneKey = 'done';

/** Groups in display order; empty groups are left out. */
export function groupItems(items: readonly WorkspaceActionItem[], grouping: ActionItemGrouping, today: string): ActionItemGroup[] {
  const groups = new Map<string, ActionItemGroup>();
  for (const item of items) {
    const [key, label] = groupOf(item, grouping, today);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label, items: [], overdue: 0 }));
    group.items.push(item);
    if (isOverdue(item, today)) group.overdue++;
  }
  const ordered = [...groups.values()].sort(groupOrder(grouping));
  const compareItems = grouping === 'document' ? byLine : byUrgency;
  for (const group of ordered) group.items.sort(compareItems);
  return ordered;
}

/** An open item due before today. */
export function isOverdue(item: WorkspaceActionItem, today: string): boolean {
  return item.status === 'open' && dueWindow(item.due, today) === 'overdue';
}

function groupOf(item: WorkspaceActionItem, grouping: ActionItemGrouping, today: string): [key: string, label: string] {
  switch (grouping) {
    case 'document':
      return [item.uri, shortTitle(item.documentTitle)];
    case 'owner':
      return item.owner === undefined ? [noOwnerKey, 'No owner'] : [normalizeOwner(item.owner), item.owner];
    case 'priority':
      return item.priority === undefined ? [noPriorityKey, 'No priority'] : [`P${item.priority}`, `P${item.priority}`];
    case 'dueWindow': {
      // A done item is not overdue, and it no longer needs a slot among the dates to meet.
      if (item.status === 'done') return [doneKey, 'Done'];
      const window = dueWindow(item.due, today);
      return [window, dueWindowLabels[window]];
    }
  }
}

/** Every document in the view is a postmortem, so a title's "Postmortem:" prefix only pushes the count out of sight. */
export function shortTitle(title: string): string {
  const short = title.replace(/^\s*(?:post-?mortem|incident (?:report|review))\s*[:\-–—]\s*/i, '').trim();
  return short || title;
}

function groupOrder(grouping: ActionItemGrouping): (a: ActionItemGroup, b: ActionItemGroup) => number {
  switch (grouping) {
    case 'document':
      return (a, b) => compareText(a.label, b.label) || compareText(a.key, b.key);
    case 'owner':
      // "No owner" last: the named people are what one scans for.
      return (a, b) => Number(a.key === noOwnerKey) - Number(b.key === noOwnerKey) || compareText(a.label, b.label);
    case 'priority':
      return (a, b) => Number(a.key === noPriorityKey) - Number(b.key === noPriorityKey) || compareText(a.key, b.key);
    case 'dueWindow': {
      const rank = (key: string) => (key === doneKey ? dueWindows.length : dueWindows.indexOf(key as DueWindow));
      return (a, b) => rank(a.key) - rank(b.key);
    }
  }
}

function byLine(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  return a.range.start.line - b.range.start.line;
}

/** Earliest due first (no date last), then the higher priority, then by document and line. */
function byUrgency(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  return (
    compareOptional(dayNumber(a.due), dayNumber(b.due)) ||
    compareOptional(a.priority, b.priority) ||
    compareText(a.documentTitle, b.documentTitle) ||
    compareText(a.uri, b.uri) ||
    byLine(a, b)
  );
}

function compareOptional(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return Number(a === undefined) - Number(b === undefined);
  return a - b;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

/** The open and overdue counts the status bar and the view's badge show. */
export function countItems(items: readonly WorkspaceActionItem[], today: string): { open: number; overdue: number } {
  const open = items.filter((item) => item.status === 'open');
  return { open: open.length, overdue: open.filter((item) => isOverdue(item, today)).length };
}
