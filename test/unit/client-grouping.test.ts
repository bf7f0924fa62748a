import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysUntilDue, dueInWords, dueWindowOf, isOverdue, ownersOf } from '../../server/src/analysis/action-item-facts';
import { isDueForFollowUp } from '../../server/src/analysis/insights/follow-ups';
import type { WorkspaceActionItem } from '../../server/src/protocol';
import { countItems, filterItems, followUpGroup, groupItems, isGrouping, shortTitle } from '../../client/src/action-items/grouping';

const today = '2024-03-13';

type Written = Pick<WorkspaceActionItem, 'owner' | 'due' | 'priority' | 'status' | 'uri' | 'documentTitle' | 'postmortemDate'>;

/** An item as the server sends it: the facts judged on `today` by the core, as the workspace index does. */
function item(fields: Partial<Written> & { line: number }): WorkspaceActionItem {
  const uri = fields.uri ?? 'file:///w/postmortems/2024/2024-03-01-db.md';
  const { line, ...rest } = fields;
  const written = { owner: undefined, due: undefined, priority: undefined, postmortemDate: '2024-03-01', status: 'open' as const, ...rest };
  return {
    id: `${uri}#${line}`,
    uri,
    documentTitle: 'Database pool exhausted',
    range: { start: { line, character: 0 }, end: { line, character: 20 } },
    description: `item on line ${line}`,
    ticket: undefined,
    group: undefined,
    ...written,
    owners: ownersOf(written),
    overdue: isOverdue(written, today),
    daysUntilDue: daysUntilDue(written, today),
    dueInWords: written.due === undefined ? undefined : dueInWords(daysUntilDue(written, today) ?? 0),
    dueWindow: dueWindowOf(written, today),
    dueForFollowUp: isDueForFollowUp(written, written.postmortemDate, today),
  };
}

const other = 'file:///w/postmortems/2024/2024-02-01-cdn.md';
const items = [
  item({ line: 30, owner: '@alice', due: '2024-03-10', priority: 1 }),
  item({ line: 12, owner: 'Bob', due: '2024-03-19', priority: 0 }),
  item({ line: 20, due: '2024-04-01', status: 'done' }),
  item({ line: 5, uri: other, documentTitle: 'CDN outage', owner: '@Alice', priority: 2 }),
  item({ line: 7, uri: other, documentTitle: 'CDN outage', due: '2024-03-20' }),
];

const summary = (groups: ReturnType<typeof groupItems>) => groups.map((group) => [group.label, group.items.map((entry) => entry.range.start.line), group.overdue]);

test('by document: groups sorted by title, items in line order', () => {
  assert.deepEqual(summary(groupItems(items, 'document')), [
    ['CDN outage', [5, 7], 0],
    ['Database pool exhausted', [12, 20, 30], 1],
  ]);
});

test('by owner: handles match without @ and case, the first spelling names the group, no owner last', () => {
  const groups = groupItems(items, 'owner');
  assert.deepEqual(summary(groups), [
    ['@alice', [30, 5], 1],
    ['Bob', [12], 0],
    ['No owner', [7, 20], 0],
  ]);
});

test('by due window: overdue, this week, later, no date, then done; empty windows left out', () => {
  assert.deepEqual(summary(groupItems(items, 'dueWindow')), [
    ['Overdue', [30], 1],
    ['Due this week', [12], 0],
    ['Due later', [7], 0],
    ['No due date', [5], 0],
    ['Done', [20], 0],
  ]);
});

test('by priority: P0 to P2, then no priority; within a group the earliest due first', () => {
  assert.deepEqual(summary(groupItems(items, 'priority')), [
    ['P0', [12], 0],
    ['P1', [30], 1],
    ['P2', [5], 0],
    ['No priority', [7, 20], 0],
  ]);
});

test('group keys stay the same whatever the items, so the tree keeps their expansion', () => {
  const keys = groupItems(items, 'owner').map((group) => group.key);
  assert.deepEqual(keys, ['alice', 'bob', '']);
  assert.equal(groupItems(items, 'document')[0]?.key, other);
});

test('filter: open items only unless done ones are shown', () => {
  assert.equal(filterItems(items, false).length, 4);
  assert.equal(filterItems(items, true).length, 5);
});

test('by owner: an item of several owners is in each one\'s group, once', () => {
  const shared = item({ line: 40, owner: '@ana, @Bo and ana' });
  assert.deepEqual(shared.owners, ['@ana', '@Bo', 'ana']);
  assert.deepEqual(summary(groupItems([shared], 'owner')), [
    ['@ana', [40], 0],
    ['@Bo', [40], 0],
  ]);
});

test('grouping reads the server\'s facts: an item the server calls overdue is counted and placed so', () => {
  const judged = { ...item({ line: 50, due: '2024-03-20' }), overdue: true, daysUntilDue: -1, dueWindow: 'overdue' as const };
  assert.deepEqual(summary(groupItems([judged], 'dueWindow')), [['Overdue', [50], 1]]);
  assert.deepEqual(countItems([judged]), { open: 1, overdue: 1 });
});

test('counts: open and overdue, done items are never overdue', () => {
  const done = item({ line: 1, due: '2024-01-01', status: 'done' });
  assert.deepEqual(countItems([...items, done]), { open: 4, overdue: 1 });
});

test('isGrouping accepts the four groupings only', () => {
  assert.equal(isGrouping('dueWindow'), true);
  assert.equal(isGrouping('status'), false);
  assert.equal(isGrouping(undefined), false);
});

test('document groups drop the title prefix every postmortem shares', () => {
  assert.equal(shortTitle('Postmortem: Cache stampede'), 'Cache stampede');
  assert.equal(shortTitle('Post-mortem - DNS change'), 'DNS change');
  assert.equal(shortTitle('Incident report: Search outage'), 'Search outage');
  assert.equal(shortTitle('Postmortem culture at scale'), 'Postmortem culture at scale');
  assert.equal(shortTitle('Postmortem:'), 'Postmortem:');
  const [group] = groupItems([item({ line: 1, documentTitle: 'Postmortem: Cache stampede' })], 'document');
  assert.equal(group?.label, 'Cache stampede');
});

test('the follow-up review group holds the open P0 and P1 items of postmortems 30 days old or more, oldest postmortem first', () => {
  const older = 'file:///w/postmortems/2024/2024-01-05-queue.md';
  const candidates = [
    item({ line: 3, priority: 1, postmortemDate: '2024-02-01', owner: '@alice', due: '2024-03-01' }),
    item({ line: 4, priority: 0, postmortemDate: '2024-02-01', status: 'done' }),
    item({ line: 5, priority: 2, postmortemDate: '2024-02-01' }),
    item({ line: 6, priority: 0, postmortemDate: '2024-02-12' }),
    item({ line: 7, priority: 0, postmortemDate: '2024-02-13' }),
    item({ line: 8, priority: 1, postmortemDate: undefined }),
    item({ line: 9, priority: 1, postmortemDate: '2024-01-05', uri: older }),
  ];
  const group = followUpGroup(candidates);
  assert.deepEqual(group && [group.label, group.items.map((entry) => entry.range.start.line), group.overdue], ['Due for follow-up review', [9, 3, 6], 1]);
  assert.equal(followUpGroup(candidates.filter((entry) => entry.range.start.line !== 3 && entry.range.start.line !== 6 && entry.range.start.line !== 9)), undefined);
});

test('the follow-up review group reads the server\'s fact, never the dates itself', () => {
  const judged = { ...item({ line: 2, priority: 2, postmortemDate: '2024-03-12' }), dueForFollowUp: true };
  assert.deepEqual(followUpGroup([judged])?.items.map((entry) => entry.range.start.line), [2]);
  const key = followUpGroup([judged])?.key;
  assert.ok(key !== undefined && !groupItems(items, 'document').some((group) => group.key === key));
});
