import type { Rule } from '../rule';
import { dueDateForPriority, dueWindowDays } from '../action-item-facts';

export const rule: Rule = {
  id: 'action-item-due-window',
  severity: 'warning',
  description: "An action item's due date is beyond its priority's window.",
  explanation:
    "Priorities are promises about time: a P0 is done within a week of the postmortem, a P1 within a month, a P2 within a quarter. A P0 due in three months is either not a P0 or will not be done in time. The windows are options of this rule (`P0`, `P1`, `P2`, in days) or `dueWindows` in the config.",
  example: '- [ ] [P0] Add pool alert (Owner: @alice, Due: 2024-06-01)  <!-- postmortem dated 2024-01-15 -->',
  fixable: false,
  check: ({ model, config }) => {
    const date = model.date;
    if (!date) return [];
    return model.actionItems.flatMap((item) => {
      if (!item.due || !item.priority || item.status === 'done') return [];
      const days = dueWindowDays(item.priority.value, config);
      const latest = dueDateForPriority(item.priority.value, date, config);
      if (item.due.value <= latest) return [];
      return [{
        message: `P${item.priority.value} items are due within ${days} days of the postmortem (${latest}); this one is due ${item.due.value}.`,
        span: item.due.span,
        related: [{ span: item.priority.span, message: `Priority P${item.priority.value}` }],
      }];
    });
  },
};
