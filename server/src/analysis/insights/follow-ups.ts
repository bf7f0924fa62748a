// The follow-up review: P0 and P1 items still open some days after their postmortem's date.
import type { ActionItem, ActionStatus } from '../model';
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

/** What the decision reads of an item: the model's items and the workspace's rows both have it. */
export interface FollowUpCandidate {
  status: ActionStatus;
  priority: 0 | 1 | 2 | undefined;
}

/** An open P0 or P1 item of a postmortem dated `followUpDays` or more before `today` is due for the follow-up review. */
export function isDueForFollowUp(item: FollowUpCandidate, postmortemDate: string | undefined, today: string, followUpDays = defaultFollowUpDays): boolean {
  if (postmortemDate === undefined || item.status !== 'open' || (item.priority !== 0 && item.priority !== 1)) return false;
  return daysBetween(postmortemDate, today) >= followUpDays;
}

/** The items due for the follow-up review, longest open first. */
export function findFollowUps(documents: readonly InsightsDocument[], today: string, followUpDays = defaultFollowUpDays): FollowUp[] {
  const followUps: FollowUp[] = [];
  documents.forEach(({ model }, document) => {
    const { date } = model;
    if (date === undefined) return;
    for (const item of model.actionItems) {
      const priority = item.priority?.value;
      if ((priority === 0 || priority === 1) && isDueForFollowUp({ status: item.status, priority }, date, today, followUpDays)) {
        followUps.push({ document, item, priority, daysOpen: daysBetween(date, today) });
      }
    }
  });
  return followUps.sort((a, b) => b.daysOpen - a.daysOpen || a.priority - b.priority || a.document - b.document || a.item.span.start - b.item.span.start);
}
