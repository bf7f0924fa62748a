// Families of shapes other teams write, each read by one general mechanism: misspelt and plural key words in
// headings, action tables whatever their columns are called, "TODO" as a status, and timeline times in loose marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';
import { correctKeyWordTypos, oneEditApart } from '../../server/src/analysis/section-typos';
import { classifyColumns } from '../../server/src/analysis/action-item-columns';

const analysed = (text: string) => analyze(text, { force: true, today: '2026-12-01' });
const modelOf = (text: string): Postmortem => {
  const { model } = analysed(text);
  assert.ok(model);
  return model;
};
const rulesFired = (text: string, ruleId: string) => analysed(text).findings.filter((finding) => finding.ruleId === ruleId);

test('a key word misspelt by a letter, or with two letters swapped, still names its section, loosely', () => {
  const cases: [string, string][] = [
    ['Timline', 'timeline'],
    ['Chronolgy', 'timeline'],
    ['Root Casue', 'root-cause'],
    ['Root Cuase', 'root-cause'],
    ['Lessons Leanred', 'lessons-learned'],
    ['Lesons learned', 'lessons-learned'],
    ['Sumary', 'summary'],
    ['Executive Summray', 'summary'],
    ['Impcat', 'impact'],
    ['Acton Items', 'action-items'],
    ['Action Itmes', 'action-items'],
    ['Remediaton', 'action-items'],
    ['Contributng Factors', 'contributing-factors'],
    ['Timelines (all times UTC)', 'timeline'],
  ];
  for (const [title, kind] of cases) assert.deepEqual(recogniseHeading(title), { kind, uncertain: true }, title);
});

test('words two edits from a key word, of another length or first letter, or too short stay unread', () => {
  for (const title of ['Impactful', 'Pause', 'Ladders', 'Acknowledgements', 'Factory tour', 'Summer', 'Timezone', 'Timeframe']) assert.equal(recogniseHeading(title), undefined, title);
});

test('a heading spelt right is read as before, for certain', () => {
  assert.deepEqual(recogniseHeading('Timeline'), { kind: 'timeline', uncertain: false });
  assert.deepEqual(recogniseHeading('Root causes'), { kind: 'root-cause', uncertain: false });
  assert.equal(correctKeyWordTypos('root cause'), undefined);
});

test('the edit distance counts a swap of neighbours as one edit and stops past its limit', () => {
  assert.ok(oneEditApart('casue', 'cause'));
  assert.ok(oneEditApart('timline', 'timeline'));
  assert.ok(oneEditApart('remediaton', 'remediation'));
  assert.ok(!oneEditApart('impact', 'impact'));
  assert.ok(!oneEditApart('summary', 'lessons'));
  assert.ok(!oneEditApart('timezone', 'timeline'));
  assert.ok(!oneEditApart('csuae', 'cause'));
});

test('a document with misspelt headings reports no missing section, and its timeline is read', () => {
  const text = [
    '# Build farm outage',
    '',
    '**Date**: 2026-03-04',
    '',
    '## Summray',
    'Builds failed for two hours.',
    '',
    '## Impcat',
    'Every build failed.',
    '',
    '## Timline',
    '- 10:00 Alerts fired',
    '- 10:30 Rolled back',
    '',
    '## Root Casue',
    'A bad config.',
    '',
    '## Acton Items',
    '- [ ] Add a config check @ana due 2026-12-20',
    '',
  ].join('\n');
  assert.deepEqual(rulesFired(text, 'missing-section'), []);
  assert.equal(modelOf(text).timeline.length, 2);
});

test('table columns are told by their key words, whatever the team calls them', () => {
  const cases: [string[], Partial<Record<string, number>>][] = [
    [['Action item', 'Assignee', 'ETA', 'State'], { action: 0, owner: 1, due: 2, status: 3 }],
    [['Task', 'DRI', 'Deadline', 'Done?'], { action: 0, owner: 1, due: 2, status: 3 }],
    [['#', 'Change', 'Responsible', 'Target date', 'Status'], { action: 1, owner: 2, due: 3, status: 4 }],
    [['What', 'Who', 'When'], { action: 0, owner: 1, due: 2 }],
    [['Action', 'Owner(s)', 'Due by', 'Progress'], { action: 0, owner: 1, due: 2, status: 3 }],
    [['Follow-up', 'Lead', 'Expected completion', 'Ticket'], { action: 0, owner: 1, due: 2, ticket: 3 }],
    [['Description', 'Action owner', 'Priority'], { action: 0, owner: 1, priority: 2 }],
    [['Item', 'Team', 'Date'], { action: 0, owner: 1, due: 2 }],
    [['Item', 'Owner', 'Team'], { action: 0, owner: 1 }],
  ];
  for (const [header, roles] of cases) {
    const columns = classifyColumns(header);
    for (const [role, index] of Object.entries(roles)) assert.equal(columns[role as keyof typeof columns], index, `${header.join(' | ')}: ${role}`);
  }
  assert.equal(classifyColumns(['Item', 'Owner', 'Team']).due, -1);
});

test('action tables with unusual column names give each item its owner, due date and status', () => {
  const text = [
    '# Cache outage',
    '',
    '## Action items',
    '',
    '| Task | Assignee | ETA | State |',
    '|---|---|---|---|',
    '| Add a cache check | @ana | 2026-12-20 | TODO |',
    '| Add an alert | | | In progress |',
    '| Remove the flag | @bo | 2026-11-01 | ✓ |',
    '',
  ].join('\n');
  const items = modelOf(text).actionItems;
  assert.deepEqual(
    items.map((item) => [item.description, item.owner?.value ?? null, item.due?.value ?? null, item.status]),
    [
      ['Add a cache check', '@ana', '2026-12-20', 'open'],
      ['Add an alert', null, null, 'open'],
      ['Remove the flag', '@bo', '2026-11-01', 'done'],
    ],
  );
  assert.equal(rulesFired(text, 'action-item-owner').length, 1);
});

test('an action table outside an Action items section counts when its columns name an owner, a due date or a status', () => {
  const text = ['# Cache outage', '', '## Notes', '', '| Task | Responsible | Deadline |', '|---|---|---|', '| Shard the queue | Eve | 2027-01-10 |', ''].join('\n');
  assert.deepEqual(
    modelOf(text).actionItems.map((item) => [item.description, item.owner?.value]),
    [['Shard the queue', 'Eve']],
  );
});

test('"TODO" in an action table\'s status column is a status, while "TODO" as an owner or in the task is template text', () => {
  const status = ['# Outage', '', '## Action items', '', '| Action | Owner | Due | Status |', '|---|---|---|---|', '| Rotate the keys | @ana | 2026-12-20 | TODO |', ''].join('\n');
  assert.deepEqual(rulesFired(status, 'placeholder'), []);
  const owner = ['# Outage', '', '## Action items', '', '| Action | Owner | Due | Status |', '|---|---|---|---|', '| Rotate the keys | TODO | 2026-12-20 | Open |', ''].join('\n');
  assert.equal(rulesFired(owner, 'placeholder').length, 1);
  const task = ['# Outage', '', '## Action items', '', '| Action | Owner | Due | Status |', '|---|---|---|---|', '| TODO | @ana | 2026-12-20 | Open |', ''].join('\n');
  assert.equal(rulesFired(task, 'placeholder').length, 1);
});

test('timeline times after heading marks without a space, in bold, and before arrows or dots are entries', () => {
  const text = [
    '# Database outage',
    '',
    '**Date**: 2026-03-04',
    '',
    '## Timeline',
    '',
    '####2:39 PM',
    'Alerts fired.',
    '',
    '###2:45 PM - On-call paged',
    '',
    '**14:50** Restarted',
    '',
    '- 15:00 => Traffic drained',
    '- 15:10 · Customers notified',
    '- 15:05 → Recovered',
    '',
  ].join('\n');
  const timeline = modelOf(text).timeline;
  assert.deepEqual(
    timeline.map((entry) => [entry.timeText, entry.description]),
    [
      ['2:39 PM', ''],
      ['2:45 PM', 'On-call paged'],
      ['14:50', 'Restarted'],
      ['15:00', 'Traffic drained'],
      ['15:10', 'Customers notified'],
      ['15:05', 'Recovered'],
    ],
  );
  assert.equal(rulesFired(text, 'timeline-order').length, 1);
});

test('an item the writer takes on in the first person is owned by the one author the document names', () => {
  const items = (author: string) =>
    modelOf(
      [
        '# Home server outage',
        '',
        ...(author ? [`**Author**: ${author}`] : []),
        '',
        '## Action items',
        '',
        '- I will add a disk health check.',
        "- I'll move the backups off-site.",
        "- I'm going to write a restore runbook.",
        '- I plan to buy a spare disk.',
        '- I should have tested the restore.',
        '- Add a UPS.',
        '',
      ].join('\n'),
    ).actionItems.map((item) => item.owner?.value ?? null);
  assert.deepEqual(items('Sam Lee'), ['Sam Lee', 'Sam Lee', 'Sam Lee', 'Sam Lee', null, null]);
  // Without one named author the writer is still the owner, as the item says.
  assert.deepEqual(items(''), ['I', 'I', 'I', 'I', null, null]);
  assert.deepEqual(items('Sam Lee, Kim Park'), ['I', 'I', 'I', 'I', null, null]);
});

test('section names other teams use are read as their kinds', () => {
  const cases: [string, string][] = [
    ['Recap', 'summary'],
    ['Customer impact statement', 'impact'],
    ['Things we learned', 'lessons-learned'],
    ['Follow-up tasks', 'action-items'],
    ['Work items', 'action-items'],
    ['Remediation plan', 'action-items'],
    ['To-do list', 'action-items'],
    ['Open tasks', 'action-items'],
  ];
  for (const [title, kind] of cases) assert.equal(recogniseHeading(title)?.kind, kind, title);
  // A bare "TODO" heading is template text left in, not a to-do list.
  assert.equal(recogniseHeading('TODO'), undefined);
});

test('a prose paragraph of several commitments under a follow-up heading holds one action per commitment', () => {
  const text = [
    '# Queue outage',
    '',
    '## Next steps',
    '',
    'We will add an alert on queue depth. The queue filled in minutes. We also plan to shard the queue by tenant. Finally, the platform team will review the retry policy. This will keep retries from piling up.',
    '',
  ].join('\n');
  assert.deepEqual(
    modelOf(text).actionItems.map((item) => [item.description, item.owner?.value ?? null]),
    [
      ['We will add an alert on queue depth.', null],
      ['We also plan to shard the queue by tenant.', null],
      ['Finally, the platform team will review the retry policy.', 'platform team'],
    ],
  );
  const one = ['# Queue outage', '', '## Next steps', '', 'We will add an alert on queue depth, since the queue filled in minutes.', ''].join('\n');
  assert.equal(modelOf(one).actionItems.length, 1);
});

test('a table logging what responders did ("Time | Action | Who") outside the timeline holds no action items', () => {
  const text = ['# Cache outage', '', '## Response', '', '| Time | Action | Who |', '|---|---|---|', '| 10:02 | Restarted the cache | Ana |', ''].join('\n');
  assert.deepEqual(modelOf(text).actionItems, []);
});
