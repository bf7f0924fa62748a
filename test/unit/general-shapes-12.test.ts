// Shapes read in further real postmortems: prose wrapped by hand at a fixed width reads as the same sentences
// unwrapped, and a passive promise of work ("it will be applied to production") is work, not a change's effect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

/** Each action item as `status: first words`, with its owner when it has one. */
const items = (lines: string[]) =>
  (analysed(lines).model?.actionItems ?? []).map((item) => `${item.status}${item.owner ? ` (${item.owner.value})` : ''}: ${item.description.replace(/\s+/g, ' ').slice(0, 40)}`);

test('a promise broken over two lines by a hard wrap is still an action item, like the same promise on one line', () => {
  const wrapped = ['# Feed outage', '', 'Hi all,', '', 'Feeds of large blogs overloaded the server. We now serve the last ten posts, but we', 'will enforce stricter limits next month.', ''];
  const oneLine = ['# Feed outage', '', 'Hi all,', '', 'Feeds of large blogs overloaded the server. We now serve the last ten posts, but we will enforce stricter limits next month.', ''];
  assert.equal(items(oneLine).length, 1);
  assert.deepEqual(items(wrapped), items(oneLine));
});

test('an item whose owner team is wrapped away from its verb keeps the team as owner', () => {
  const lines = ['# Queue outage', '', '## Action items', '', '- The storage team', '  will add an alert on queue depth by 2027-01-15.', ''];
  assert.deepEqual(items(lines).map((item) => item.split(':')[0]), ['open (storage team)']);
});

test('"it will be applied to production" is work still to do, while "it will catch drift" is what a change is expected to do', () => {
  const plan = [
    '# Chain halt',
    '',
    '## Future plan',
    '',
    'We will replay the failing block on a devnet. Once the replay passes, it will be applied to',
    'mainnet, and the upgrade steps will be published on the forum.',
    '',
  ];
  assert.equal(items(plan).length, 3);
  const effect = ['# Chain halt', '', '## Future plan', '', 'We added a state check to the sync job. Once it runs nightly, it will catch drift early.', ''];
  assert.deepEqual(items(effect).map((item) => item.split(':')[0]), ['done']);
});
