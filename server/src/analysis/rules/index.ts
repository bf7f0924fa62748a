// The rule registry: adding a rule is adding its file and one line here.
import type { Rule } from '../rule';
import { rule as missingSection } from './missing-section';
import { rule as missingRecommendedSection } from './missing-recommended-section';
import { rule as emptySection } from './empty-section';
import { rule as duplicateSection } from './duplicate-section';
import { rule as sectionOrder } from './section-order';
import { rule as actionItemOwner } from './action-item-owner';
import { rule as actionItemDue } from './action-item-due';
import { rule as actionItemDueWindow } from './action-item-due-window';
import { rule as actionItemOverdue } from './action-item-overdue';
import { rule as timelineOrder } from './timeline-order';
import { rule as timelineTime } from './timeline-time';
import { rule as placeholder } from './placeholder';
import { rule as durationMismatch } from './duration-mismatch';
import { rule as metadataSeverity } from './metadata-severity';
import { rule as metadataDate } from './metadata-date';
import { rule as blamefulLanguage } from './blameful-language';
import { rule as actionItemTryHarder } from './action-item-try-harder';
import { rule as recurringCause } from './recurring-cause';
import { rule as repeatedActionItem } from './repeated-action-item';

export const rules: readonly Rule[] = [
  missingSection,
  missingRecommendedSection,
  emptySection,
  duplicateSection,
  sectionOrder,
  actionItemOwner,
  actionItemDue,
  actionItemDueWindow,
  actionItemOverdue,
  timelineOrder,
  timelineTime,
  placeholder,
  durationMismatch,
  metadataSeverity,
  metadataDate,
  blamefulLanguage,
  actionItemTryHarder,
  recurringCause,
  repeatedActionItem,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

/** Where each rule's documentation lives; set once here. */
export const docsBaseUrl = 'https://github.com/postmortem-tools/postmortem-language-support/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${docsBaseUrl}${id}.md`;
}
