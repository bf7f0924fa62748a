// Shapes read in further real postmortems: action headings that say the measures are in place or name the future
// beside another topic, security write-ups headed by their CVE ids, work under way told in prose, and a blog post
// with no action section whose lead-in introduces a list of the writers' commitments. Every line here is our own.
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
  '## Preventive measures implemented',
  '',
  '1. **Second alert path**: pages now also go out by SMS.',
  '2. **Config check**: a lint step runs on every probe file.',
  '',
  '## Future prevention & standby keys',
  '',
  '- Enhanced runbooks for on-site work on the racks',
  '- Automated rotation of the standby key',
  '- **Hot spare for the signer** (in development)',
  '',
];

test('a heading that says the measures are implemented holds the actions, done', () => {
  assert.deepEqual(kinds(relayOutage)?.slice(1), [
    ['Summary', 'summary', false],
    ['Preventive measures implemented', 'action-items', false],
    ['Future prevention & standby keys', 'action-items', true],
  ]);
  assert.deepEqual(items(relayOutage)?.slice(0, 2), [
    ['Second alert path', 'done'],
    ['Config check', 'done'],
  ]);
});

test('under a heading that names the future, entries that open on a past participle are plans', () => {
  assert.deepEqual(items(relayOutage)?.slice(2), [
    ['Enhanced runbooks for on-site work on the racks', 'open'],
    ['Automated rotation of the standby key', 'open'],
    ['Hot spare for the signer (in development)', 'open'],
  ]);
  // The same list under a heading that names no time is told as changes made.
  const told = relayOutage.map((line) => line.replace('## Future prevention & standby keys', '## Changes'));
  assert.equal(items(told)?.at(-2)?.[1], 'done');
});

test('a heading that is a CVE id with its title is the root cause, loosely', () => {
  const advisory = ['# Session advisory', '', '## Summary', '', 'A session outlived the password that opened it.', '', '## CVE-2024-31337: sessions kept after a password reset', '', 'The reset did not end open sessions.', ''];
  assert.deepEqual(kinds(advisory)?.at(-1), ['CVE-2024-31337: sessions kept after a password reset', 'root-cause', true]);
  const missing = analysed(advisory).findings.filter((finding) => finding.message.includes("'Root cause'"));
  assert.deepEqual(missing, []);
});

test('work under way told in prose under an action heading is an item, whoever does it', () => {
  const post = [
    '# Stale assets',
    '',
    '## Will this happen again?',
    '',
    'A patch for the parser is in the works upstream.',
    '',
    'The CDN vendor is also working on a purge API with rate limits.',
    '',
    'Thanks to everyone who reported it.',
    '',
  ];
  assert.deepEqual(items(post), [
    ['A patch for the parser is in the works upstream', 'open'],
    ['The CDN vendor is also working on a purge API with rate limits', 'open'],
  ]);
});

test('without an action section, a lead-in over a list of what the writers will do holds the items', () => {
  const post = [
    '# Cache rebuild storm',
    '',
    '## Too many rebuilds',
    '',
    'Every start rebuilt the whole cache, so we settled on these changes:',
    '',
    '- We will no longer rebuild the cache on every start.',
    "- Before any download, we'll ask the checksum service first.",
    '',
    "We'll enable compression once the next client version has been released.",
    '',
  ];
  // "We'll ..." is work ahead, though the sentence also says that something "has been published".
  assert.deepEqual(items(post), [
    ['We will no longer rebuild the cache on every start', 'open'],
    ["Before any download, we'll ask the checksum service first", 'open'],
    ["We'll enable compression once the next client version has been released", 'open'],
  ]);
  // A list of what the system does after such a lead-in is no promise.
  const behaviour = post.map((line) => line.replace('We will no longer rebuild', 'The client no longer rebuilds').replace("we'll ask", 'the client asks'));
  assert.deepEqual(items(behaviour)?.map(([description]) => description), ["We'll enable compression once the next client version has been released"]);
});

test('a slash that joins a time to its ISO date ("2024-05-02/13:40") is read as one instant; a date range is not a time', () => {
  const timeline = (entry: string) => ['# Cache outage', '', '## Timeline', '', '- 2024-05-02 08:10: alert fired', `- ${entry}: vendor blocked the address`, '- 2024-05-02 09:05: we began checking other hosts', ''];
  const order = (entry: string) => analysed(timeline(entry)).findings.filter((finding) => finding.ruleId === 'timeline-order').map((finding) => finding.message);
  assert.deepEqual(order('2024-05-02/13:40'), ["Timeline entry '2024-05-02 09:05' is earlier than the entry before it, '2024-05-02/13:40'."]);
  assert.deepEqual(order('2024-05-02 08:40'), []);
  assert.deepEqual(order('2024-05-02/03'), []);
});
