import type { Rule } from '../rule';
import { addOwnerFix } from '../fixes';

export const rule: Rule = {
  id: 'action-item-owner',
  severity: 'warning',
  description: 'An action item has no owner.',
  explanation:
    'An action item that belongs to everyone belongs to no one: items without an owner are the ones still open at the next incident. Name one person or team: `@handle`, `Owner: Name`, or an Owner column.',
  example: '- [ ] [P1] Add an alert on connection pool saturation (Due: 2024-02-01)',
  fixable: true,
  check: ({ model }) =>
    model.actionItems
      // A placeholder owner (`[Owner]`) is template text: the placeholder rule reports it, once for its line.
      .filter((item) => !item.owner && !item.ownerPlaceholder && item.status === 'open')
      .map((item) => ({
        message: 'Action item has no owner.',
        span: item.span,
        fix: addOwnerFix(model.text, item),
      })),
};
