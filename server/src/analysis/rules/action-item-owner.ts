import type { Rule } from '../rule';
import { addOwnerFix } from '../fixes';
import { speaksAsOneWriter } from '../writer';

export const rule: Rule = {
  id: 'action-item-owner',
  severity: 'warning',
  description: 'An action item has no owner.',
  explanation:
    'An action item that belongs to everyone belongs to no one: items without an owner are the ones still open at the next incident. Name one person or team: `@handle`, `Owner: Name`, or an Owner column. A post one person writes in the first person ("I restarted ...") owns its items: they are not reported.',
  example: '- [ ] [P1] Add an alert on connection pool saturation (Due: 2024-02-01)',
  fixable: true,
  check: ({ model }) => {
    // A placeholder owner (`[Owner]`) is template text: the placeholder rule reports it, once for its line.
    const ownerless = model.actionItems.filter((item) => !item.owner && !item.ownerPlaceholder && item.status === 'open');
    // A post one person tells as "I" owns its items: its writer will do them. Read only when there is an item to report.
    if (ownerless.length === 0 || speaksAsOneWriter(model.prose)) return [];
    return ownerless.map((item) => ({
      message: 'Action item has no owner.',
      span: item.span,
      fix: addOwnerFix(model.text, item),
    }));
  },
};
