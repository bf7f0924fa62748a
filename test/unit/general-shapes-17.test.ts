// Shapes read in further real postmortems: action headings that say the measures are in place or name the future
// beside another topic, security write-ups headed by their CVE ids, work under way told in prose, and a blog post
// with no action section whose lead-in introduces a list of the writers' commitments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });
const kinds = (lines: string[]) => analysed(lines).model?.sections.map((section) => [section.title, section.kind, section.uncertain]);
const items = (lines: string[]) => analysed(lines).model?.actionItems.map((item) => [item.description.split(/[.:]/)[0].trim(), item.status]);

const relayOutage = [
  '# Relay outage on node 4',
  '',
  '## Summary',
  '',
  'The relay on node 4 stopped signing for two hours.',
  '',
  '## Corrective measures implemented',
  '',
  '1. **Second alert path**: the node is now probed from two places.',
  '2. **Config check**: every node is listed in both probes.',
  '',
  '## Future prevention & automated failover',
  '',
  '- Enhanced runbooks for on-site work on the racks',
  '- Automated validation of the probe configuration',
  '- **Failover to a standby key** (in development)',
  '',
];

test('a heading that says the measures are implemented holds the actions, done', () => {
  assert.deepEqual(kinds(relayOutage)?.slice(1), [
    ['Summary', 'summary', false],
    ['Corrective measures implemented', 'action-items', false],
    ['Future prevention & automated failover', 'action-items', true],
  ]);
  assert.deepEqual(items(relayOutage)?.slice(0, 2), [
    ['Second alert path', 'done'],
    ['Config check', 'done'],
  ]);
});

test('under a heading that names the future, entries that open on a past participle are plans', () => {
  assert.deepEqual(items(relayOutage)?.slice(2), [
    ['Enhanced runbooks for on-site work on the racks', 'open'],
    ['Automated validation of the probe configuration', 'open'],
    ['Failover to a standby key (in development)', 'open'],
  ]);
  // The same list under a heading that names no time is told as changes made.
  const told = relayOutage.map((line) => line.replace('## Future prevention & automated failover', '## Changes'));
  assert.equal(items(told)?.at(-2)?.[1], 'done');
});

test('a heading that is a CVE id with its title is the root cause, loosely', () => {
  const advisory = ['# Token scopes advisory', '', '## Summary', '', 'Two flaws let tokens outlive their access.', '', '## CVE-2024-31337: scopes kept after removal', '', 'A removed member kept a working token.', ''];
  assert.deepEqual(kinds(advisory)?.at(-1), ['CVE-2024-31337: scopes kept after removal', 'root-cause', true]);
  const missing = analysed(advisory).findings.filter((finding) => finding.message.includes("'Root cause'"));
  assert.deepEqual(missing, []);
});

test('work under way told in prose under an action heading is an item, whoever does it', () => {
  const post = [
    '# Broken mirror',
    '',
    '## Will this happen again?',
    '',
    'A fix for the corrupting library is in the works upstream.',
    '',
    'The hosting provider is also working on checks that refuse a corrupt push.',
    '',
    'Thanks to everyone who reported it.',
    '',
  ];
  assert.deepEqual(items(post), [
    ['A fix for the corrupting library is in the works upstream', 'open'],
    ['The hosting provider is also working on checks that refuse a corrupt push', 'open'],
  ]);
});

test('without an action section, a lead-in over a list of what the writers will do holds the items', () => {
  const post = [
    '# Mirror rate limits',
    '',
    '## Too many fetches',
    '',
    'Every install fetched the whole index, which led to us changing the following:',
    '',
    '- We will no longer fetch the index on install.',
    "- Before any fetch, we'll ask the API whether the index changed.",
    '',
    "We'll turn on sharding soon after the next major release has been published.",
    '',
  ];
  // "We'll ..." is work ahead, though the sentence also says that something "has been published".
  assert.deepEqual(items(post), [
    ['We will no longer fetch the index on install', 'open'],
    ["Before any fetch, we'll ask the API whether the index changed", 'open'],
    ["We'll turn on sharding soon after the next major release has been published", 'open'],
  ]);
  // A list of what the system does after such a lead-in is no promise.
  const behaviour = post.map((line) => line.replace('We will no longer fetch', 'The client no longer fetches').replace("we'll ask", 'the client asks'));
  assert.deepEqual(items(behaviour)?.map(([description]) => description), ["We'll turn on sharding soon after the next major release has been published"]);
});
