// The follow-up review: P0 and P1 items still open some days after their postmortem's date.
import type { ActionItem } from '../model';
import { daysBetween } from '../time';
import type { InsightsDocument } from './documents';

/** Days after the postmortem's date when its open P0 and P1 items are due for review, unless configured. */
export const defaultFollowUpDays = 30;

export interface FollowUp {
  /** Index into the documents. */
  document: number;
  item: ActionItem;
  priority: 0 | 1;
  /** Days since the postmortem's date. */
  daysOpen: number;
}

/** Open P0 and P1 items of postmortems dated `followUpDays` or more before `today`, longest open first. */
export function findFollowUps(documents: readonly InsightsDocument[], today: string, followUpDays = defaultFollowUpDays): FollowUp[] {
  const followUps: FollowUp[] = [];
  documents.forEach(({ model }, document) => {
    if (model.date === undefined) return;
    const daysOpen = daysBetween(model.date, today);
    if (daysOpen < followUpDays) return;
    for (const item of model.actionItems) {
      const priority = item.priority?.value;
      if (item.status === 'open' && (priority === 0 || priority === 1)) followUps.push({ document, item, priority, daysOpen });
    }
  });
  return followUps.sort((a, b) => b.daysOpen - a.daysOpen || a.priority - b.priority || a.document - b.document || a.item.span.start - b.item.span.start);
}
