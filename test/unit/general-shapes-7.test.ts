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
    '- Service operators should be careful with bots that merge upgrades on their own.',
    '- Ask developers to rotate their tokens.',
    '- Alerts should be added for new publishers.',
    '',
  ].join('\n');
  assert.deepEqual(ownersOf(text), ['Library maintainers', 'Plugin maintainers and integrators', 'Service operators', undefined, undefined]);
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
