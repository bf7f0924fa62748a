import type { Rule } from '../rule';
import { daysUntilDue, dueInWords, isOverdue } from '../action-item-facts';

export const rule: Rule = {
  id: 'action-item-overdue',
  severity: 'warning',
  description: 'An open action item is past its due date.',
  explanation:
    'Action items are how a postmortem prevents the next incident; an overdue one is a risk the team agreed to remove and has not. Finish it, re-plan it with a new date, or mark it done (`[x]`, a Status of Done) if it is.',
  example: '- [ ] [P1] Write the failover runbook @carol Due: 2024-02-01  <!-- and today is later -->',
  fixable: false,
  check: ({ model, today }) =>
    model.actionItems
      .filter((item) => isOverdue(item, today))
      .map((item) => ({ message: `Action item is ${dueInWords(daysUntilDue(item, today) ?? 0)} (due ${item.due?.value}).`, span: item.due?.span ?? item.span })),
};
