// Shapes of posts by one writer and of pages kept as plain text: a question of what was done and will be done over the actions,
// steps the writer reports as taken, a second action heading named by its topic, promises told as work under way, a
// company named as the subject of its own work, an overview of something other than the incident, and a list of what
// a report covers under an action heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const today = '2026-12-01';

function analysed(text: string): { model: Postmortem; findings: { ruleId: string; line: number }[] } {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return { model: analysis.model, findings: analysis.findings.map((finding) => ({ ruleId: finding.ruleId, line: lineOf(finding.span.start) })) };
}

test('a question of what was done and what will be done, joined by a slash, heads the actions', () => {
  assert.equal(recogniseHeading('What did we do / will we do to stop a repeat of this?')?.kind, 'action-items');
  assert.equal(recogniseHeading('What did we do to prevent a repeat?')?.kind, 'action-items');
});

test('an entry where the writer reports a step taken is done; one that promises work stays open', () => {
  const { model, findings } = analysed(
    [
      '# Thumbnails lost',
      '',
      '## Summary',
      '',
      'The nightly sweep deleted thumbnails that the new schema no longer pointed at.',
      '',
      '## What did we do / will we do to stop this happening again?',
      '',
      '- I turned on object versioning for the bucket – old copies now stay for a month.',
      "- I've paused the sweep until it reads the new schema.",
      '- We published this note for the affected users.',
      "- I'll add a guard that stops the sweep when it would delete more than a hundred files.",
      '- I still need to write an expiry rule for the old copies.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    model.actionItems.map((item) => item.status),
    ['done', 'done', 'done', 'open', 'open'],
  );
  assert.deepEqual(
    findings.filter((finding) => finding.ruleId === 'action-item-owner').map((finding) => finding.line),
    [],
  );
});

test('a second action heading named by its topic, over a list, holds items of its own and repeats nothing', () => {
  const { model, findings } = analysed(
    [
      '# Vault drained',
      '',
      '## Summary',
      '',
      'A price feed was pushed off its range and the vault paid out too much.',
      '',
      '## Remediation',
      '',
      '- Deposits paused.',
      '',
      '## Recovery actions',
      '',
      '- The affected depositors will be contacted about refunds.',
      '- The price feed will read a time-weighted average.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    model.sections.map((section) => section.kind ?? null),
    [null, 'summary', 'action-items', 'action-items'],
  );
  assert.equal(model.actionItems.length, 3);
  assert.ok(!findings.some((finding) => finding.ruleId === 'duplicate-section'));
});

test('a topic heading beside the exact one, holding prose, is still no second action section', () => {
  const { model } = analysed(['# Outage', '', '## Vendor follow-up', '', 'The vendor was told.', '', '## Action items', '', '- [ ] Add an alert @ana', ''].join('\n'));
  assert.deepEqual(
    model.sections.map((section) => section.kind ?? null),
    [null, null, 'action-items'],
  );
});

test('on a page kept as plain text, one paragraph a line, the work under way is read as actions', () => {
  const { model } = analysed(
    [
      'On Monday, May 4th, at 02:10 AM UTC, our EU region stopped answering requests for about half an hour.',
      'No data was lost, and the other regions kept serving their own customers throughout the whole time.',
      'The cause was a fault in our hosting provider’s network, and we are looking into it together with them.',
      'We apologise for the disruption. Keeping the service steady for you is the first thing we care about every day.',
      'As a result, we are working on the ability to move traffic to a standby region within minutes, as well as adding checks for faults in the provider network. In addition, we’re reviewing our status page processes to make sure customers hear from us sooner.',
      '',
    ].join('\n'),
  );
  assert.equal(model.actionItems.length, 2);
});

test('a company named as the subject of the work it has under way owns the item', () => {
  const { model } = analysed(
    [
      '# Broken index',
      '',
      '## Will this happen again?',
      '',
      'Acme are also working on adding a check to the web editor that refuses such commits.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    model.actionItems.map((item) => item.owner?.value),
    ['Acme'],
  );
});

test('an overview of the setup is background; an overview of the incident is its summary', () => {
  assert.equal(recogniseHeading('Quick overview of the network setup')?.kind, undefined);
  assert.equal(recogniseHeading('Overview of the outage')?.kind, 'summary');
  assert.equal(recogniseHeading('Overview')?.kind, 'summary');
});

test('what a new report covers, listed under it, holds no items', () => {
  const { model } = analysed(
    [
      '# Bridge stalled',
      '',
      '## Preventive measures',
      '',
      '- Script the deployment of the bridge contracts.',
      '',
      'We now run a job every six hours that reports:',
      '',
      '- whether the bridge settings match on both chains',
      '- how much is waiting to cross',
      '- when the next batch is expected',
      '',
    ].join('\n'),
  );
  assert.equal(model.actionItems.length, 1);
});
