import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, describeDue, dueWindow } from '../../client/src/action-items/due-window';

test('due windows around a Wednesday', () => {
  const today = '2024-03-13';
  assert.equal(dueWindow('2024-03-12', today), 'overdue');
  assert.equal(dueWindow('2023-12-31', today), 'overdue');
  assert.equal(dueWindow('2024-03-13', today), 'thisWeek');
  assert.equal(dueWindow('2024-03-19', today), 'thisWeek');
  assert.equal(dueWindow('2024-03-20', today), 'later');
  assert.equal(dueWindow(undefined, today), 'noDate');
});

test('this week spans a month and a year boundary', () => {
  assert.equal(dueWindow('2025-01-03', '2024-12-30'), 'thisWeek');
  assert.equal(dueWindow('2024-03-01', '2024-02-28'), 'thisWeek');
  assert.equal(dueWindow('2024-03-06', '2024-02-28'), 'later');
});

test('an impossible or malformed date counts as no date', () => {
  assert.equal(dueWindow('2024-02-30', '2024-02-01'), 'noDate');
  assert.equal(dueWindow('next sprint', '2024-02-01'), 'noDate');
  assert.equal(dayNumber('2024-13-01'), undefined);
  assert.equal(dayNumber('1970-01-02'), 1);
});

test('descriptions count the days', () => {
  const today = '2024-03-13';
  assert.equal(describeDue('2024-03-13', today), 'due today');
  assert.equal(describeDue('2024-03-14', today), 'due tomorrow');
  assert.equal(describeDue('2024-03-23', today), 'due in 10 days');
  assert.equal(describeDue('2024-03-12', today), '1 day overdue');
  assert.equal(describeDue('2024-02-29', today), '13 days overdue');
  assert.equal(describeDue(undefined, today), undefined);
});
