// Filters and groups the workspace's action items for the view, from the facts the server judged. Pure: no vscode import.
import type { WorkspaceActionItem } from '../../../server/src/protocol';
import { dueWindowLabels, dueWindows } from './due-window';

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

/** Which items the view shows; "only mine" is asked of the server, which matches owners as the CLI does. */
export function filterItems(items: readonly WorkspaceActionItem[], showDone: boolean): WorkspaceActionItem[] {
  return items.filter((item) => showDone || item.status === 'open');
}

/** One group per person: `@Alice` in one document and `alice` in another are the same owner. */
function ownerGroupKey(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
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

/** Groups in display order; empty groups are left out. An item with several owners is in each owner's group. */
export function groupItems(items: readonly WorkspaceActionItem[], grouping: ActionItemGrouping): ActionItemGroup[] {
  const groups = new Map<string, ActionItemGroup>();
  for (const item of items) {
    const placed = new Set<string>();
    for (const [key, label] of groupsOf(item, grouping)) {
      // "@ana and ana" names one person: the item goes in that group once.
      if (placed.has(key)) continue;
      placed.add(key);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, label, items: [], overdue: 0 }));
      group.items.push(item);
      if (item.overdue) group.overdue++;
    }
  }
  const ordered = [...groups.values()].sort(groupOrder(grouping));
  const compareItems = grouping === 'document' ? byLine : byUrgency;
  for (const group of ordered) group.items.sort(compareItems);
  return ordered;
}

/** Stands apart from every grouping's keys (URIs, owner names, windows, priorities). */
export const followUpGroupKey = 'due-for-follow-up-review:';

/**
 * The open P0 and P1 items the server found due for the follow-up review, longest open first; undefined when there
 * are none. Shown above the grouping's groups, so the items are in it and in their own group too.
 */
export function followUpGroup(items: readonly WorkspaceActionItem[]): ActionItemGroup | undefined {
  const due = items.filter((item) => item.dueForFollowUp).sort(byFollowUpAge);
  if (due.length === 0) return undefined;
  return { key: followUpGroupKey, label: 'Due for follow-up review', items: due, overdue: due.filter((item) => item.overdue).length };
}

/** The oldest postmortem first, then the higher priority, then by document and line. */
function byFollowUpAge(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  return (a.postmortemDate ?? '').localeCompare(b.postmortemDate ?? '') || compareOptional(a.priority, b.priority) || compareText(a.uri, b.uri) || byLine(a, b);
}

function groupsOf(item: WorkspaceActionItem, grouping: ActionItemGrouping): [key: string, label: string][] {
  switch (grouping) {
    case 'document':
      return [[item.uri, shortTitle(item.documentTitle)]];
    case 'owner':
      return item.owners.length === 0 ? [[noOwnerKey, 'No owner']] : item.owners.map((owner) => [ownerGroupKey(owner), owner]);
    case 'priority':
      return item.priority === undefined ? [[noPriorityKey, 'No priority']] : [[`P${item.priority}`, `P${item.priority}`]];
    case 'dueWindow':
      return [[item.dueWindow, dueWindowLabels[item.dueWindow]]];
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
    case 'dueWindow':
      return (a, b) => dueWindows.indexOf(a.items[0].dueWindow) - dueWindows.indexOf(b.items[0].dueWindow);
  }
}

function byLine(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  return a.range.start.line - b.range.start.line;
}

/** Earliest due first (no date last), then the higher priority, then by document and line. */
function byUrgency(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  return (
    compareOptional(a.daysUntilDue, b.daysUntilDue) ||
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
export function countItems(items: readonly WorkspaceActionItem[]): { open: number; overdue: number } {
  const open = items.filter((item) => item.status === 'open');
  return { open: open.length, overdue: open.filter((item) => item.overdue).length };
}
