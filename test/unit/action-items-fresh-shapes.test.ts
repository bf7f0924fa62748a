// Action items as teams with other habits write them: one recommendation per line of prose, a list of needs under a
// lead-in when no section holds the actions, a team's tag or acronym before a bare verb, an owner column, lists that
// report changes already made, and a heading that gives a window over a list of actions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ActionItem, type Finding } from '../../server/src/analysis';

const today = '2024-05-02';

function analysed(body: string): { items: ActionItem[]; findings: Finding[] } {
  const text = `# Postmortem: Billing export stalled\n\n**Date**: 2024-04-30\n\n${body}`;
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return { items: analysis.model.actionItems, findings: analysis.findings };
}

const owners = (items: readonly ActionItem[]) => items.map((item) => item.owner?.value);
const statuses = (items: readonly ActionItem[]) => items.map((item) => item.status);
const count = (findings: readonly Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;

describe('actions written as prose', () => {
  it('reads each line of a paragraph as one action when every line is a whole sentence', () => {
    const { items, findings } = analysed(
      [
        '## Recommendations',
        '',
        'Alerting on the export queue depth should be added to the billing dashboard.',
        'A second export worker should be kept warm in the other region.',
        'The runbook for a stalled export will be rewritten with the restart steps.',
        '',
      ].join('\n'),
    );
    assert.equal(items.length, 3);
    assert.match(items[1].description, /^A second export worker/);
    assert.deepEqual(owners(items), [undefined, undefined, undefined]);
    assert.equal(count(findings, 'action-item-owner'), 3);
    assert.equal(count(findings, 'action-item-due'), 3);
  });

  it('keeps a hard-wrapped paragraph, or one sentence per line that explains the action, as one action', () => {
    const wrapped = analysed(['## Recommendations', '', 'The export job should retry with a backoff and', 'page the billing on-call after the third failure.', ''].join('\n'));
    assert.equal(wrapped.items.length, 1);
    const explained = analysed(['## Recommendations', '', 'We will add an alert on the export queue depth.', 'It pages the billing on-call after ten minutes.', ''].join('\n'));
    assert.equal(explained.items.length, 1);
  });

  it('reads a prose paragraph whose named teams did the action as done', () => {
    const { items, findings } = analysed(['## Follow-up', '', 'To limit the exposure, Billing and Security doubled the review of refunds for one month starting May 6, 2024.', ''].join('\n'));
    assert.equal(items.length, 1);
    assert.equal(items[0].status, 'done');
    assert.equal(count(findings, 'action-item-owner') + count(findings, 'action-item-overdue'), 0);
  });
});

describe('a list of needs with no Action items section', () => {
  const needs = [
    '## Looking back',
    '',
    'What we take away from this outage:',
    '',
    '- We need to write down how an export is replayed,',
    '  including who may trigger it.',
    '- Schema changes should be deployed one at a time.',
    '- When a job is paused we need to ensure that it is resumed the same day.',
    '',
  ].join('\n');

  it('reads each entry as an action without owner or due date', () => {
    const { items, findings } = analysed(needs);
    assert.equal(items.length, 3);
    assert.equal(count(findings, 'action-item-owner'), 3);
  });

  it('leaves such a list alone when the document has an Action items section', () => {
    const { items } = analysed(`${needs}\n## Action items\n\n- Add a replay command @ines\n`);
    assert.equal(items.length, 1);
  });

  it('does not read hindsight ("should have") as needs', () => {
    const { items } = analysed(['## Looking back', '', 'In hindsight:', '', '- We should have paused the import earlier.', '- The alert should have paged.', ''].join('\n'));
    assert.equal(items.length, 0);
  });
});

describe('owners written as tags and acronyms', () => {
  it('reads a team tag or acronym before a bare verb, a bracketed tag and a team label as the owner', () => {
    const { items, findings } = analysed(
      [
        '## Action items',
        '',
        '- QA verify the replay on staging before each release',
        '- [PAYMENTS] add an idempotency key to the export call',
        '- Ops: rotate the export credentials',
        '- SRE to add a queue-depth alert',
        '- DNS update for the export host',
        '',
      ].join('\n'),
    );
    assert.deepEqual(owners(items), ['QA', 'PAYMENTS', 'Ops', 'SRE', undefined]);
    assert.equal(count(findings, 'action-item-owner'), 1);
  });

  it('reads the owner column of a table', () => {
    const { items } = analysed(['## Action items', '', '| Action item | Type | Owner | State |', '|---|---|---|---|', '| Replay the stalled batch | mitigate | kim | DONE |', '| Add a stall detector | prevent | kim, raf | ONGOING |', ''].join('\n'));
    assert.deepEqual(owners(items), ['kim', 'kim, raf']);
    assert.deepEqual(statuses(items), ['done', 'open']);
  });
});

describe('lists that report changes already made', () => {
  it('reads a list of past actions as done, so no owner or due date is asked for', () => {
    const { items, findings } = analysed(
      ['## Action items', '', '- [BILLING] Removed the legacy export path', '- [SEC] Temporarily doubled the review of refunds', '- Re-enabled the stall alert', '- Set up a daily export report', ''].join('\n'),
    );
    assert.deepEqual(statuses(items), ['done', 'done', 'done', 'done']);
    assert.equal(count(findings, 'action-item-due') + count(findings, 'action-item-owner'), 0);
  });

  it('reads a list whose entries tell steps the writers took ("We rotated ...") as done, and keeps "We need to ..." open', () => {
    const taken = analysed(['## Action items', '', '1. We immediately paused the nightly export.', '2. We rotated the export keys.', '3. Once billing confirmed, we replayed the batch.', ''].join('\n'));
    assert.deepEqual(statuses(taken.items), ['done', 'done', 'open']);
    const needed = analysed(['## Action items', '', '- We need to replay stalled batches by hand', '- We need a stall alert', ''].join('\n'));
    assert.deepEqual(statuses(needed.items), ['open', 'open']);
  });

  it('keeps a to-do list open when only one entry opens with a past form', () => {
    const { items } = analysed(['## Action items', '', '- Add a stall alert', '- Automated replay of a stalled batch', '- Set up a daily export report', ''].join('\n'));
    assert.deepEqual(statuses(items), ['open', 'open', 'open']);
  });
});

describe('a heading that gives a window', () => {
  it('reads a list of actions under "The next two weeks" as items with that window', () => {
    const { items, findings } = analysed(['## The next two weeks', '', 'We met to plan the follow-up work.', '', '- Add a replay command', '- Write a load test for the export', ''].join('\n'));
    assert.equal(items.length, 2);
    assert.deepEqual(
      items.map((item) => item.dueWindow),
      ['The next two weeks', 'The next two weeks'],
    );
    assert.equal(count(findings, 'action-item-due'), 0);
  });

  it('does not read a list of observations under such a heading, nor the steps under an "Immediate response" heading', () => {
    const { items } = analysed(['## The following weeks', '', '- Traffic stayed flat', '- Exports ran on time', ''].join('\n'));
    assert.equal(items.length, 0);
    const response = analysed(['## Immediate response', '', '- Restarted the export worker', '- Paused the nightly import', ''].join('\n'));
    assert.equal(response.items.length, 0);
  });
});

describe('paragraphs under an action heading that hold no action', () => {
  it('reads no item from "None.", a bare link or an option weighed and left open', () => {
    const { items, findings } = analysed(
      [
        '## Action items',
        '',
        '### Detection',
        '',
        'None.',
        '',
        '### Fixes',
        '',
        'https://example.com/billing/pull/88',
        '',
        '### Process',
        '',
        'The export runbook should name the restart command.',
        '',
        'We could stop deploying exports on Fridays. On the other hand, a weekend outage reaches fewer people.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      items.map((item) => item.description),
      ['The export runbook should name the restart command.'],
    );
    assert.equal(count(findings, 'action-item-owner'), 1);
  });

  it('still reads an option that the paragraph then decides on', () => {
    const { items } = analysed(['## Follow-up', '', 'We could pause exports during deploys, and we will try it for a month.', ''].join('\n'));
    assert.equal(items.length, 1);
  });

  it('does not take a handle after an article for the owner', () => {
    const { items } = analysed(['## Follow-up', '', 'Responders need a faster way to reach each other. (added an @urgent role in chat)', '', 'The stall alert should page @ana first.', ''].join('\n'));
    assert.deepEqual(owners(items), [undefined, '@ana']);
  });
});

describe('a response section that lists its steps', () => {
  const response = ['## Our response', '', 'We took these steps.', '', '1.  We paused the nightly export.', '2.  We rotated the export keys and', '    revoked the old ones.', ''].join('\n');

  it('holds the actions when no Action items section does, read loosely', () => {
    const text = `# Postmortem: Billing export stalled\n\n**Date**: 2024-04-30\n\n${response}`;
    const { model } = analyze(text, { force: true, today });
    assert.ok(model);
    assert.deepEqual(
      model.sections.filter((section) => section.kind === 'action-items').map((section) => [section.title, section.uncertain]),
      [['Our response', true]],
    );
    assert.equal(model.actionItems.length, 2);
  });

  it('holds none beside an Action items section, nor when it tells the response in prose', () => {
    assert.equal(analysed(`${response}\n## Action items\n\n- Add a stall alert\n`).items.length, 1);
    assert.equal(analysed('## Response\n\nWe paused the export and rotated the keys.\n').items.length, 0);
  });
});

describe('owners written after a wrapped label or as a role doing the step', () => {
  it('reads an "OWNER:" label whose name a hard wrap put on the next line', () => {
    const { items } = analysed(['## Action items', '', '- The export job should retry twice before it pages anyone. OWNER:', '  rina@ (DONE).', '- Exports should be replayable from the admin page. OWNER: tomas@.', ''].join('\n'));
    assert.deepEqual(owners(items), ['rina', 'tomas']);
    assert.deepEqual(statuses(items), ['done', 'open']);
  });

  it('reads a handle written with its at-sign last as the owner, and not an e-mail address or a login', () => {
    const { items } = analysed(['## Action items', '', '- Add a smoke test for the export (rina@)', '- Mail billing-alerts@example.com when exports stall', '- Rotate the keys of root@db1 on the export host', ''].join('\n'));
    assert.deepEqual(owners(items), ['rina@', undefined, undefined]);
  });

  it('reads a role in the plural doing the step as its owner, and not a thing in the plural', () => {
    const { items, findings } = analysed(
      ['## Resolving actions', '', '- operators drained the export queue', '- Maintainers will publish a patched release', '- reviewers to check the retry settings', '- containers to restart on the new image', ''].join('\n'),
    );
    assert.deepEqual(owners(items), ['operators', 'Maintainers', 'reviewers', undefined]);
    assert.equal(count(findings, 'action-item-owner'), 1);
  });
});

describe('task boxes in a running log with no Action items section', () => {
  const log = ['## Export log', '', 'April 29, 2024', '- The export stalled at the ledger step.', '', '- [x] Raise the ledger lock timeout', '', 'April 30, 2024', '', '- [ ] Alert when an export runs past an hour', '- [ ] Write the replay runbook', ''].join('\n');

  it('reads every task box as an item, checked ones as done, and no plain bullet', () => {
    const { items, findings } = analysed(log);
    assert.equal(items.length, 3);
    assert.deepEqual(statuses(items), ['done', 'open', 'open']);
    assert.equal(count(findings, 'action-item-owner'), 2);
  });

  it('leaves task boxes elsewhere alone when an Action items section holds the actions', () => {
    const { items } = analysed(`${log}\n## Action items\n\n- Add a stall alert @rina\n`);
    assert.equal(items.length, 1);
  });
});
