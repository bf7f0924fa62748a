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
