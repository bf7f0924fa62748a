import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDue, dueDescription, dueWindowLabels, dueWindows, filterDescription } from '../../client/src/action-items/due-window';

test('descriptions count the days the server judged', () => {
  assert.equal(describeDue(0), 'due today');
  assert.equal(describeDue(1), 'due tomorrow');
  assert.equal(describeDue(10), 'due in 10 days');
  assert.equal(describeDue(-1), '1 day overdue');
  assert.equal(describeDue(-13), '13 days overdue');
  assert.equal(describeDue(undefined), undefined);
});

test('windows are listed from what needs attention first to done', () => {
  assert.deepEqual(dueWindows, ['overdue', 'thisWeek', 'later', 'noDate', 'done']);
  assert.equal(dueWindowLabels.thisWeek, 'Due this week');
});

test('grouped by due window, an item due later shows its date; overdue ones and other groupings count the days', () => {
  const later = { due: '2024-07-01', daysUntilDue: 30, overdue: false, status: 'open' };
  assert.equal(dueDescription(later, true), 'due 2024-07-01');
  assert.equal(dueDescription(later, false), 'due in 30 days');
  assert.equal(dueDescription({ due: '2024-05-01', daysUntilDue: -31, overdue: true, status: 'open' }, true), '31 days overdue');
  assert.equal(dueDescription({ overdue: false, status: 'open' }, true), undefined);
  assert.equal(dueDescription({ ...later, status: 'done' }, true), undefined);
});

test('the view says when it shows only your items or done ones too', () => {
  assert.equal(filterDescription(false, '@ana', false), undefined);
  assert.equal(filterDescription(true, '@ana', false), 'only @ana');
  assert.equal(filterDescription(true, undefined, true), 'only mine · done shown');
});
