// Shapes of action items other teams write, each read by a general mechanism: recommendations addressed to a role,
// an item whose own verb is a capital word before "to", a promise after "and now".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ActionItem } from '../../server/src/analysis';

const itemsOf = (text: string): ActionItem[] => analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
const ownersOf = (text: string) => itemsOf(text).map((item) => item.owner?.value);

test('a recommendation addressed to a role in the plural, perhaps after a word saying whose, is owned by that role', () => {
  const text = [
    '# Plugin registry compromise',
    '',
    '## Recommendations',
    '',
    '- Library maintainers should turn on hardware keys for their registry accounts.',
    '- Plugin maintainers and integrators must pin the versions they install.',
    '- Cluster operators should be careful with bots that merge upgrades on their own.',
    '- Ask developers to rotate their tokens.',
    '- Alerts should be added for new publishers.',
    '',
  ].join('\n');
  assert.deepEqual(ownersOf(text), ['Library maintainers', 'Plugin maintainers and integrators', 'Cluster operators', undefined, undefined]);
});

test('a capital word before "to" and an article is the item\'s own verb, not a team taking the item on', () => {
  const text = ['# Cache outage', '', '## Action items', '', '- Default to the local price table when the remote copy is short', '- Storage team to add a size check on upload', ''].join('\n');
  assert.deepEqual(ownersOf(text), [undefined, 'Storage team']);
});

test('a promise after "and now" is the writer\'s own', () => {
  const text = ['# I lost my photo gallery', '', 'The upgrade wiped the uploads folder and the host had no copy.', '', 'And now I will keep a nightly copy of the folder on a second disk.', ''].join('\n');
  assert.deepEqual(ownersOf(text), ['I']);
});

test('under an action heading, prose that neither asks for, promises, plans nor reports an action is no item', () => {
  const text = [
    '# Calendar sync broke',
    '',
    '## Next steps',
    '',
    'Sorry, everyone! The sync job ran twice for a whole afternoon.',
    '',
    'If anything looks odd in your calendar, let us know and we\'ll sort it out for you.',
    '',
    'Cheers,',
    'the two of us',
    '',
    'The feed reader asked for "anything you have" and the server said "I\'ll send the first one".',
    '',
    'A retry budget for the sync job is planned.',
    '',
    'The duplicate guard has also been re-enabled on every worker.',
    '',
    'Better checks on the feed format before each release.',
    '',
    'After reading the logs again, we added a replay tool for the job.',
    '',
  ].join('\n');
  const items = itemsOf(text);
  assert.deepEqual(
    items.map((item) => [text.slice(item.span.start, item.span.end).split(' ').slice(0, 2).join(' '), item.status]),
    [['A retry', 'open'], ['The duplicate', 'done'], ['Better checks', 'open'], ['After reading', 'done']],
  );
});

test('a list that defines the words of the action table beside it is the table\'s legend, not items', () => {
  const legend = ['- Guard - Keep the fault from coming back.', '- Spot - Notice it sooner.', '', 'Each item carries a level:', '', '- L1 - Before the next release.', '- L2 - This half year.', ''];
  const table = ['| Item | Kind | Level |', '|---|---|---|', '| Replay tests for the ledger | Guard | L1 |', '| Checksum alarm on replicas | Spot | L2 |', ''];
  const text = ['# Ledger drift', '', '## Action items', '', ...legend, ...table].join('\n');
  assert.deepEqual(
    itemsOf(text).map((item) => item.description),
    ['Replay tests for the ledger', 'Checksum alarm on replicas'],
  );
  // Without a table using them, the same entries are items.
  const withoutTable = ['# Ledger drift', '', '## Action items', '', ...legend].join('\n');
  assert.equal(itemsOf(withoutTable).length, 4);
});

test('a log written newest first gives the same incident metrics as the same log written oldest first', () => {
  const entries = [
    '- 2025-04-02 09:00 UTC Alerts fired for slow checkouts',
    '- 2025-04-02 09:20 UTC On-call noticed the cache hit rate had dropped again',
    '- 2025-04-02 09:45 UTC Rolled back the cache client',
    '- 2025-04-02 10:30 UTC Resolved, latency back to normal',
  ];
  const metricsOf = (lines: string[]) => analyze(['# Slow checkouts', '', '## Timeline', '', ...lines, ''].join('\n'), { force: true, today: '2026-12-01' }).model?.metrics;
  const oldestFirst = metricsOf(entries);
  assert.equal(oldestFirst?.timeToDetect, 0);
  assert.equal(oldestFirst?.timeToMitigate, 45 * 60_000);
  assert.equal(oldestFirst?.timeToResolve, 90 * 60_000);
  assert.deepEqual(metricsOf([...entries].reverse()), oldestFirst);
});

test('prose under an action heading holds one item per distinct action: clauses with their own subject and a series of gerunds', () => {
  const text = [
    '# Queue stalls',
    '',
    '**Follow-ups**',
    '',
    'A soak test for the scheduler is planned, and separately a sharded queue design is underway. Older runs still pass.',
    '',
    '**Follow-ups**',
    '',
    "We've tuned the lag alert, and we've since moved the broker pool to its own hosts.",
    '',
    '**Follow-ups**',
    '',
    'The on-call team rolled out a few quick changes, including pinning the parser version, raising the worker limit, and adding a depth alarm. We are also preparing a load shedder for the ingest path.',
    '',
    '**Follow-ups**',
    '',
    'We have dropped the stale cache, and will avoid adding a second one until the design settles.',
    '',
  ].join('\n');
  const items = itemsOf(text).map((item) => [text.slice(item.span.start, item.span.end), item.status]);
  assert.deepEqual(items, [
    ['A soak test for the scheduler is planned', 'open'],
    ['separately a sharded queue design is underway.', 'open'],
    ["We've tuned the lag alert", 'done'],
    ["we've since moved the broker pool to its own hosts.", 'done'],
    ['pinning the parser version', 'done'],
    ['raising the worker limit', 'done'],
    ['adding a depth alarm', 'done'],
    ['We are also preparing a load shedder for the ingest path.', 'open'],
    // A clause that goes on with the subject before it stays with it; half of it is still to do.
    ['We have dropped the stale cache, and will avoid adding a second one until the design settles.', 'open'],
  ]);
});

test('a post dated only by when it was last changed takes that date, after every other source', () => {
  const post = (frontMatter: string[], body: string[]) => ['---', 'title: The night the uploads vanished', ...frontMatter, '---', '', ...body, ''].join('\n');
  const dateOf = (text: string) => analyze(text, { force: true, today: '2026-12-01' }).model?.date;
  assert.equal(dateOf(post(['updated: 2021-03-09 21:10'], ['The uploads folder was emptied by a sync script.'])), '2021-03-09');
  // A date written in the text comes first.
  assert.equal(dateOf(post(['updated: 2021-03-09 21:10'], ['On 2021-02-27 the uploads folder was emptied.'])), '2021-02-27');
  assert.equal(dateOf(post([], ['The uploads folder was emptied by a sync script.'])), undefined);
});

test('owners in parentheses before a task in lower case own it; a status or priority there does not', () => {
  const text = [
    '# Queue stall',
    '',
    '## Action items',
    '',
    '- [ ] (infra, billing teams) move the cron hosts to the managed scheduler this quarter',
    '- [ ] (mira) write the restore drill down',
    '- [ ] (optional) add a dashboard for queue age',
    '- [ ] (P1) page on consumer lag',
    '- [ ] (See the design doc) Drop the legacy queue',
    '',
  ].join('\n');
  const items = itemsOf(text);
  assert.deepEqual(items.map((item) => item.owner?.value), ['infra, billing teams', 'mira', undefined, undefined, undefined]);
  // The owner is not part of what is to be done.
  assert.equal(items[1].description, 'write the restore drill down');
});

test('teams joined by "+", "&" or "and" in a label before the action own it together', () => {
  const text = [
    '# Chain halt',
    '',
    '## Action items',
    '',
    '- Relay + Storage: add a check that the halt height is agreed before the upgrade',
    '- Infra & SRE: write the rollback runbook',
    '- Note: nothing here needs a second region',
    '',
  ].join('\n');
  assert.deepEqual(ownersOf(text), ['Relay + Storage', 'Infra & SRE', undefined]);
});
