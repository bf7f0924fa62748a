// Promises over time: how many action items each month's postmortems opened and how many of those are done now,
// and who holds the overdue ones.
import { isOverdue, ownerKey, ownersOf } from '../action-item-facts';
import type { InsightsDocument } from './documents';

export interface ActionItemMonth {
  /** `YYYY-MM`, the month of the postmortems that opened the items. */
  month: string;
  opened: number;
  /** Of `opened`, the items done by now. */
  done: number;
}

export interface OwnerOverdue {
  /** As first written; null for the items that name no owner. */
  owner: string | null;
  overdue: number;
}

export interface ActionItemTrends {
  /** One entry per month that has a dated postmortem, oldest first. */
  byMonth: ActionItemMonth[];
  /** Most overdue items first; an item with two owners counts for each. */
  overdueByOwner: OwnerOverdue[];
}

export function actionItemTrends(documents: readonly InsightsDocument[], today: string): ActionItemTrends {
  const months = new Map<string, ActionItemMonth>();
  const owners = new Map<string, OwnerOverdue>();
  for (const { model } of documents) {
    const month = model.date?.slice(0, 7);
    if (month !== undefined) {
      const entry = months.get(month) ?? { month, opened: 0, done: 0 };
      entry.opened += model.actionItems.length;
      entry.done += model.actionItems.filter((item) => item.status === 'done').length;
      months.set(month, entry);
    }
    for (const item of model.actionItems) {
      if (!isOverdue(item, today)) continue;
      const names = ownersOf(item);
      // "@ana and ana" names one person: the item counts once for her.
      const keys = new Map<string, string | null>(names.length === 0 ? [['', null]] : names.map((name) => [ownerKey(name), name]));
      for (const [key, owner] of keys) {
        const entry = owners.get(key) ?? { owner, overdue: 0 };
        entry.overdue++;
        owners.set(key, entry);
      }
    }
  }
  return {
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    overdueByOwner: [...owners.values()].sort((a, b) => b.overdue - a.overdue || Number(a.owner === null) - Number(b.owner === null) || (a.owner ?? '').localeCompare(b.owner ?? '')),
  };
}
