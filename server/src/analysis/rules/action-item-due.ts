import type { Rule } from '../rule';
import { addDueFix } from '../fixes';
import { windowGivesDueDate } from '../action-item-shapes';

export const rule: Rule = {
  id: 'action-item-due',
  severity: 'warning',
  description: 'An action item has no due date, or one that cannot be read.',
  explanation:
    'A due date is what makes an action item a commitment and lets the team track it to completion. Write a date (`Due: 2024-02-01`, `Mar 20, 2024`) or use a Due column; "next sprint" cannot be checked. Items under a heading that gives a window one can check ("Short term: this week", "Target: Q3") take that window as their due date; "Short term" or "Long term" alone ranks the items but dates none of them.',
  example: '- [ ] [P0] Add a pre-deploy config check @alice',
  fixable: true,
  check: ({ model }) =>
    model.actionItems
      // A placeholder due date (`TBD`, `[Date]`) is template text: the placeholder rule reports it, once for its line.
      .filter((item) => !item.due && !(item.dueWindow && windowGivesDueDate(item.dueWindow)) && !item.duePlaceholder && item.status === 'open')
      .map((item) => ({
        message: item.dueUnreadable
          ? `Action item due date '${item.dueUnreadable.value}' cannot be read; write a date such as 2024-02-01.`
          : item.dueWindow
            ? `Action item has no due date; '${item.dueWindow}' ranks it but gives no date.`
            : 'Action item has no due date.',
        span: item.dueUnreadable?.span ?? item.span,
        fix: item.dueUnreadable ? undefined : addDueFix(model.text, item),
      })),
};
