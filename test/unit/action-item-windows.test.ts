// The windows a heading gives its items: one a calendar can check stands for a due date; one that only ranks does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesTimeAhead, windowGivesDueDate, windowOf } from '../../server/src/analysis/action-item-shapes';

test('a calendar window is a window and a due date', () => {
  for (const title of ['This week', 'Within 30 days', 'Within 1-2 weeks', 'Q3 2026', 'Target: May 2026', 'Next sprint']) {
    const window = windowOf(title);
    assert.ok(window !== undefined, title);
    assert.ok(windowGivesDueDate(window), title);
  }
});

test('a ranking window is a window but no due date', () => {
  for (const title of ['Short term', 'Long-term', 'The next few weeks', 'Target']) {
    const window = windowOf(title);
    assert.ok(window !== undefined, title);
    assert.ok(!windowGivesDueDate(window), title);
  }
  assert.ok(!namesTimeAhead('Immediate response'));
});

test('words that only contain a window word name none', () => {
  assert.equal(windowOf('Targeted improvements'), undefined);
  assert.equal(windowOf('Longevity of the cache'), undefined);
});
