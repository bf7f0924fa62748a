import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDue, dueWindowLabels, dueWindows } from '../../client/src/action-items/due-window';

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
