import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueDescription, dueWindowLabels, dueWindows, filterDescription } from '../../client/src/action-items/due-window';
import { dueInWords } from '../../server/src/analysis/action-item-facts';

test('the days left are worded once, in the core, for every view', () => {
  assert.equal(dueInWords(0), 'due today');
  assert.equal(dueInWords(1), 'due tomorrow');
  assert.equal(dueInWords(10), 'due in 10 days');
  assert.equal(dueInWords(-1), '1 day overdue');
  assert.equal(dueInWords(-13), '13 days overdue');
});

test('windows are listed from what needs attention first to done', () => {
  assert.deepEqual(dueWindows, ['overdue', 'thisWeek', 'later', 'noDate', 'done']);
  assert.equal(dueWindowLabels.thisWeek, 'Due this week');
});

test('grouped by due window, an item due later shows its date; overdue ones and other groupings count the days', () => {
  const later = { due: '2024-07-01', dueInWords: 'due in 30 days', overdue: false, status: 'open' };
  assert.equal(dueDescription(later, true), 'due 2024-07-01');
  assert.equal(dueDescription(later, false), 'due in 30 days');
  assert.equal(dueDescription({ due: '2024-05-01', dueInWords: '31 days overdue', overdue: true, status: 'open' }, true), '31 days overdue');
  assert.equal(dueDescription({ overdue: false, status: 'open' }, true), undefined);
  assert.equal(dueDescription({ ...later, status: 'done' }, true), undefined);
});

test('the view says when it shows only your items or done ones too', () => {
  assert.equal(filterDescription(false, '@ana', false), undefined);
  assert.equal(filterDescription(true, '@ana', false), 'only @ana');
  assert.equal(filterDescription(true, undefined, true), 'only mine · done shown');
});
