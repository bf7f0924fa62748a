// Shapes read in further real postmortems: plain-text pages whose section text runs on under its heading line, and
// follow-up work told in the passive or by a team at work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

test('a plain-text page: the text under a heading line that runs into its paragraph is read in that section', () => {
  const page = [
    'Incident Summary',
    'On May 2nd between 14:05 and 15:40 UTC exports were delayed for all accounts.',
    'Root Cause',
    'A reindex job held a lock on the exports table for most of an hour.',
    'Timeline',
    '14:05 UTC - exports start to queue',
    '15:40 UTC - the reindex finishes and the queue drains',
    'Corrective and Preventative Measures',
    'To prevent a repeat, the platform team is splitting the reindex into batches. Lock timeouts will be added to the job, and alerts on queue age are being implemented.',
    '',
  ];
  const result = analysed(page);
  assert.deepEqual(result.model?.sections.map((section) => [section.kind, section.title]), [
    ['summary', 'Incident Summary'],
    ['root-cause', 'Root Cause'],
    ['timeline', 'Timeline'],
    ['action-items', 'Corrective and Preventative Measures'],
  ]);
  // The timeline's lines are entries now that they sit in the timeline.
  assert.deepEqual(result.model?.timeline.map((entry) => entry.description), ['exports start to queue', 'the reindex finishes and the queue drains']);
  // Three pieces of follow-up work: the team at work, a passive promise, work being done.
  const items = result.model?.actionItems ?? [];
  assert.equal(items.length, 3, JSON.stringify(items.map((item) => result.model?.text.slice(item.span.start, item.span.end))));
  assert.ok(items.every((item) => item.status === 'open'));
  // Nothing of the page is lost: the pieces together span the text they were cut from.
  const summary = result.model?.prose.find((block) => result.model?.text.slice(block.span.start, block.span.end).startsWith('On May 2nd'));
  assert.ok(summary, 'the summary sentence is read as prose of its own');
});

test('a paragraph with an indented line is kept whole: the line would read as code once cut off', () => {
  const page = ['Incident Summary', 'Exports were delayed.', 'Root Cause', '    a lock held too long', ''];
  const result = analysed(page);
  assert.deepEqual(result.model?.sections.map((section) => section.kind), ['summary', 'root-cause']);
  assert.equal(result.model?.prose.length, 1);
});

test('"How can we stop this happening again?" heads the action items', () => {
  const result = analysed([
    '# Blog down after a backup',
    '',
    '## How can we stop this happening again?',
    '',
    '- Alert when the vault is sealed',
    '- Check the vault before each deploy',
    '',
  ]);
  assert.equal(result.model?.sections.find((section) => section.kind === 'action-items')?.title, 'How can we stop this happening again?');
  assert.equal(result.model?.actionItems.length, 2);
});

test('"Breakdown of events" and "Order of events" head the timeline', () => {
  for (const title of ['Breakdown of Events', 'Order of events']) {
    const result = analysed(['# Blog down after a backup', '', `## ${title}`, '', '- 02:00 the backup stops the VM', '- 02:10 the VM starts with the vault sealed', '']);
    assert.equal(result.model?.sections.find((section) => section.kind === 'timeline')?.title, title);
    assert.equal(result.model?.timeline.length, 2);
  }
});
