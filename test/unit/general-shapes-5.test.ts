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

test('without a Timeline heading, a list of timed entries under a heading of no certain kind is the timeline, loosely', () => {
  const text = [
    '# Storage outage',
    '',
    '## How it unfolded',
    '',
    'All times are UTC.',
    '',
    '- At 09:10 a config push reached every node.',
    '- 09:14, disk writes began failing.',
    '- On March 3 at 09:40 the push was reverted.',
    '- The team kept watching the error rate.',
    '',
    '## Root cause',
    '',
    'A config key was renamed without a default.',
    '',
  ].join('\n');
  const model = modelOf(text);
  const timeline = model.sections.find((section) => section.kind === 'timeline');
  assert.equal(timeline?.title, 'How it unfolded');
  assert.equal(timeline?.uncertain, true);
  // "At 09:10 ..." and "On March 3 at 09:40 ..." are entries: a preposition before the time reads as prose does.
  assert.equal(model.timeline.length, 3);
  // A list with fewer timed entries than untimed ones is no timeline.
  const fewTimes = text.replace('- 09:14, disk writes began failing.', '- Disk writes began failing.').replace('- On March 3 at 09:40 the push was reverted.', '- The push was reverted.');
  assert.equal(modelOf(fewTimes).sections.some((section) => section.kind === 'timeline'), false);
});

test('an "Actions taken" label inside the timeline records the response, not follow-up work', () => {
  const text = [
    '# Build outage',
    '',
    '## Timeline',
    '',
    '### Phase 1: builds fail (10:00)',
    '',
    '**Actions Taken**:',
    '',
    '- Restored the deleted files',
    '- Regenerated the types',
    '',
    '## Action items',
    '',
    '- [ ] Add a build check before deploys',
    '',
  ].join('\n');
  const model = modelOf(text);
  assert.deepEqual(model.actionItems.map((item) => item.description), ['Add a build check before deploys']);
  // Outside the timeline the same label still heads the work that was done.
  const outside = text.replace('## Timeline\n\n### Phase 1: builds fail (10:00)\n\n', '## Response\n\n');
  assert.equal(modelOf(outside).actionItems.length, 3);
});

test('a stage before the item ("Implemented:", "Suggested:") is its status, not its owner', () => {
  const text = [
    '# Deploy outage',
    '',
    '## Mitigations',
    '',
    '- Implemented: a second cluster is ready to take traffic.',
    '- Suggested: Add a prompt before commands that change production.',
    '- Proposed: Train the team on the deploy tool.',
    '- Infra: Add a canary stage.',
    '',
  ].join('\n');
  assert.deepEqual(
    modelOf(text).actionItems.map((item) => [item.status, item.owner?.value ?? null]),
    [
      ['done', null],
      ['open', null],
      ['open', null],
      ['open', 'Infra'],
    ],
  );
});

test('a lead-in sentence that mentions a window for some of the changes gives none of them a window', () => {
  const text = [
    '# Registry outage',
    '',
    'So that it does not happen again, we have changed a few things, with more long term improvements to come:',
    '',
    '1. Expiry will be checked daily by the monitoring stack.',
    '2. The API dependency will be removed.',
    '',
    '## Long term',
    '',
    '- Move certificates to the managed service',
    '- Add a second on-call engineer',
    '',
  ].join('\n');
  assert.deepEqual(
    modelOf(text).actionItems.map((item) => item.dueWindow ?? null),
    [null, null, 'Long term', 'Long term'],
  );
});

test('"What was the problem?" opens the account of what happened, loosely', () => {
  for (const title of ['What was the problem?', 'What is the problem', 'What was the issue?']) assert.deepEqual(recogniseHeading(title), { kind: 'summary', uncertain: true }, title);
});
