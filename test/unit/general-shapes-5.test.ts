// More shapes other teams write, each read by a general mechanism: a time ahead after the key words, questions
// about what let the failure happen, "why ... didn't" factors, and a lead-in that gives the purpose of the changes after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const modelOf = (text: string): Postmortem => {
  const { model } = analyze(text, { force: true, today: '2026-12-01' });
  assert.ok(model);
  return model;
};

test('a time ahead after the key words keeps the heading its kind', () => {
  const cases: [string, string][] = [
    ['✅ Action Items Moving Forward (For a Small Team)', 'action-items'],
    ['Actions going forward', 'action-items'],
    ['Follow-ups from now on', 'action-items'],
    ['Lessons for the future', 'lessons-learned'],
  ];
  for (const [title, kind] of cases) assert.deepEqual(recogniseHeading(title), { kind, uncertain: false }, title);
  // Not a time ahead: the words after the key words stay a topic of their own.
  assert.equal(recogniseHeading('Action items moving the cluster'), undefined);
});

test('a question about what let the failure happen names the root cause; a mistake names it loosely', () => {
  for (const title of ['What allowed this to happen?', 'What led to this?', 'What enabled it to happen']) assert.deepEqual(recogniseHeading(title), { kind: 'root-cause', uncertain: false }, title);
  for (const title of ['💥 The Mistake', 'Our costly mistake']) assert.deepEqual(recogniseHeading(title), { kind: 'root-cause', uncertain: true }, title);
  assert.equal(recogniseHeading('Mistake #2: the wrong volume'), undefined);
});

test('"why ... didn\'t" headings name a contributing factor, loosely', () => {
  for (const title of ["Why We Didn't Have Backups", 'Why the alert never fired', 'Why paging failed to reach anyone']) {
    assert.deepEqual(recogniseHeading(title), { kind: 'contributing-factors', uncertain: true }, title);
  }
  assert.equal(recogniseHeading('Why did this happen?')?.kind, 'root-cause');
});

test('a one-line lead-in giving the purpose of the changes after it opens the action items', () => {
  const text = [
    '# Registry outage',
    '',
    'The signing certificates expired overnight and downloads failed for six hours.',
    '',
    'To stop this from happening again, we have made some changes and planned a few more:',
    '',
    '1. A scheduled job now renews the certificates.',
    '2. Expiry will be checked daily by the monitoring stack.',
    '',
  ].join('\n');
  const model = modelOf(text);
  assert.equal(model.actionItems.length, 2);
  const actions = model.sections.find((section) => section.kind === 'action-items');
  assert.ok(actions);
  assert.equal(actions.uncertain, true);
  // A lead-in that only tells the story is no action section.
  const story = text.replace('To stop this from happening again, we have made some changes and planned a few more:', 'Here is what we saw:');
  assert.equal(modelOf(story).sections.some((section) => section.kind === 'action-items'), false);
});
