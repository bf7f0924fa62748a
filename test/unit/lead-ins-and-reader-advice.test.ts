// Lead-ins as people write them: between lists of one HTML block ("We are taking these steps:" after a `</ul>`, before
// a `<ul>`), or a promise whose verb the list gives ("Next time, we will" over "1. Stage the migration"); advice to
// readers ("we recommend you do the following:") heads no action items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';

const today = '2026-12-01';

function model(text: string): Postmortem {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return analysis.model;
}

const descriptions = (text: string) => model(text).actionItems.map((item) => item.description);

const exportedPost = [
  '# Wiki account leak',
  '',
  'On March 3 someone copied an old backup of the wiki database. What we know so far:',
  '<ul>',
  '  <li>The backup is from last autumn.</li>',
  '  <li>It holds user names and hashed passwords.</li>',
  '</ul>',
  'We are taking the following steps:',
  '<ul>',
  '  <li>We have rotated the keys of the backup bucket.</li>',
  '  <li>We are resetting every wiki password today.</li>',
  '</ul>',
  'If you had a wiki account, we recommend you do the following:',
  '<ul>',
  '  <li>Change the password anywhere you used the same one.</li>',
  '</ul>',
  'We are sorry this happened.',
  '',
].join('\n');

test('a lead-in between two lists of one HTML block heads the list after it', () => {
  const found = descriptions(exportedPost);
  assert.deepEqual(found, ['We have rotated the keys of the backup bucket.', 'We are resetting every wiki password today.']);
  const lines = model(exportedPost).actionItems.map((item) => exportedPost.slice(0, item.span.start).split('\n').length);
  assert.deepEqual(lines, [10, 11]);
});

test('the facts before the lead-in and the advice to readers are no action items', () => {
  const found = descriptions(exportedPost);
  assert.ok(!found.some((text) => /backup is from|Change the password/.test(text)), found.join(' | '));
});

test('advice to readers under a Markdown lead-in is no action item either; the team\'s list still is', () => {
  const text = [
    '# Wiki account leak',
    '',
    '## Action items',
    '',
    '- Rotate the backup bucket keys (owner: @lee, due 2026-12-20)',
    '',
    'What you can do:',
    '',
    '- Change reused passwords.',
    '- Turn on two-factor sign-in.',
    '',
  ].join('\n');
  assert.deepEqual(descriptions(text), ['Rotate the backup bucket keys']);
});

test('an HTML block with no text outside its lists is read as one list, as before', () => {
  const text = ['# Outage', '', '## Action items', '', '<ul>', '  <li>Add an alert on queue depth.</li>', '</ul>', '<ul>', '  <li>Document the failover.</li>', '</ul>', ''].join('\n');
  assert.deepEqual(descriptions(text), ['Add an alert on queue depth.', 'Document the failover.']);
});

test('a promise left open for the list to finish ("Next time, we will") heads the list after it', () => {
  const text = [
    'Incident summary',
    '',
    'A schema change locked the orders table for twenty minutes.',
    '',
    'Lessons learned',
    '',
    'Next time a migration touches a hot table, we will',
    '',
    '  1. Run it on a copy of production first.',
    '  2. Put the site in maintenance mode while it runs.',
    '',
  ].join('\n');
  assert.deepEqual(descriptions(text), ['Run it on a copy of production first.', 'Put the site in maintenance mode while it runs.']);
  // A line that promises nothing is no lead-in: the list after it tells the story on.
  const told = text.replace('Next time a migration touches a hot table, we will', 'The second attempt went like this').replace('  1. Run it', '  1. We ran it').replace('  2. Put the site', '  2. We put the site');
  assert.deepEqual(descriptions(told), []);
});

test('a purpose, then the thing whose workings the list describes, heads no action items; a purpose, then who will act, does', () => {
  const described = ['# Backup stopped', '', '## Background', '', 'The sync mirrors the data volume. To prevent an empty mount from wiping it, the hardened script:', '', '- **Checks mounts:** confirms both volumes are mounted.', '- **Enforces floors:** refuses to run when the source shrank.', ''].join('\n');
  assert.deepEqual(descriptions(described), []);
  const promised = described.replace('the hardened script:', 'the team will:').replace('- **Checks mounts:** confirms both volumes are mounted.', '- Add a mount check to the sync script.').replace('- **Enforces floors:** refuses to run when the source shrank.', '- Add a size floor to the sync script.');
  assert.deepEqual(descriptions(promised), ['Add a mount check to the sync script.', 'Add a size floor to the sync script.']);
});
