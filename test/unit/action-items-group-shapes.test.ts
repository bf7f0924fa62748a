// Action items grouped as teams group them: numbered horizon sub-headings over task lists, numbered bold entries with
// their detail nested under them, item headings whose detail sits under a bold label, and the headings that name a
// list of prevention measures or the actions still needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ActionItem, type Finding, type Postmortem } from '../../server/src/analysis';

const today = '2024-05-02';

function analysed(body: string): { model: Postmortem; items: ActionItem[]; findings: Finding[] } {
  const text = `# Postmortem: Search index rebuild stalled\n\n**Date**: 2024-04-30\n\n${body}`;
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return { model: analysis.model, items: analysis.model.actionItems, findings: analysis.findings };
}

const descriptions = (items: readonly ActionItem[]) => items.map((item) => item.description);
const count = (findings: readonly Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;

describe('numbered sub-headings that give a window', () => {
  const body = [
    '## 6. Follow-up actions',
    '',
    '### 1. Short term (done or under way)',
    '',
    '- [x] Paused the nightly rebuild until the lock is fixed.',
    '- [x] Restored the index from the morning snapshot.',
    '',
    '### 2. Long term (proposed)',
    '',
    '- Add a timeout to the rebuild lock.',
    '- Alert when a rebuild runs longer than two hours.',
    '- Rehearse a restore from snapshot every quarter.',
    '',
  ].join('\n');

  it('reads the task lists under them as the items, not the sub-headings', () => {
    const { items } = analysed(body);
    assert.equal(items.length, 5);
    assert.ok(items.every((item) => item.container !== 'heading'));
    assert.deepEqual(
      items.map((item) => item.status),
      ['done', 'done', 'open', 'open', 'open'],
    );
    assert.equal(items[2].group, '2. Long term (proposed)');
  });

  it('still reads a numbered sub-heading that is an action as one item with its detail', () => {
    const { items } = analysed(['## Action items', '', '### 1. Add a timeout to the rebuild lock', '', '- The lock is held for hours today.', '- Ten minutes is enough for any rebuild.', ''].join('\n'));
    assert.deepEqual(descriptions(items), ['Add a timeout to the rebuild lock']);
  });
});

describe('detail under an item heading', () => {
  it('keeps the list under a bold label inside an item heading as its detail', () => {
    const { items, findings } = analysed(
      [
        '## Recommended actions',
        '',
        '### Soon',
        '',
        '#### 1. Split the service accounts',
        '',
        '**Today:** one account writes to both clusters.',
        '',
        '**Proposed:**',
        '- `indexer-staging` - writes to staging only',
        '- `indexer-prod` - writes to production only',
        '',
        '#### 2. Log every rebuild with its caller',
        '',
        'A short paragraph of detail.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(descriptions(items), ['Split the service accounts', 'Log every rebuild with its caller']);
    assert.equal(count(findings, 'action-item-owner'), 2);
  });
});

describe('numbered entries with nested detail', () => {
  it('reads a numbered bold entry as one item, whatever its nested bullets say', () => {
    const { items } = analysed(
      [
        '## Prevention measures',
        '',
        '1. **Lock timeout:**',
        '   - Add a ten-minute timeout to the rebuild lock',
        '   - Document the timeout in the runbook',
        '2. **Rebuild review:**',
        '   - Review every rebuild script before it runs in production',
        '',
      ].join('\n'),
    );
    assert.deepEqual(descriptions(items), ['Lock timeout', 'Rebuild review']);
  });

  it('still reads a bullet label over a nested list of actions as their group', () => {
    const { items } = analysed(['## Action items', '', '- **Storage team**:', '  - Add a timeout to the rebuild lock', '  - Alert on long rebuilds', ''].join('\n'));
    assert.equal(items.length, 2);
    assert.equal(items[0].group, 'Storage team');
  });
});

describe('a plain bullet label over a nested list, in a log of incidents', () => {
  const body = [
    '## 2024-04-30: rebuild stalled',
    '',
    '- Impact: searches returned stale results.',
    '- Corrective actions:',
    '  1. Raised the lock timeout to ten minutes.',
    '  2. Alert on rebuilds longer than an hour.',
    '- Released as 4.2.1.',
    '',
  ].join('\n');

  it('reads the nested entries as the items of the label, and nothing else of the list', () => {
    const { items } = analysed(body);
    assert.deepEqual(descriptions(items), ['Raised the lock timeout to ten minutes.', 'Alert on rebuilds longer than an hour.']);
    assert.ok(items.every((item) => item.group === 'Corrective actions'));
  });

  it('leaves a plain label of the same words alone inside an Action items list', () => {
    const { items } = analysed(['## Action items', '', '- Corrective actions: review the lock timeout', '- Alert on long rebuilds', ''].join('\n'));
    assert.equal(items.length, 2);
  });
});

describe('headings that name the actions', () => {
  it('reads "Prevention measures" and "Additional prevention measures" as Action items sections, loosely', () => {
    const { model, items, findings } = analysed(
      ['## Prevention measures', '', '1. Add a timeout to the rebuild lock.', '', '## Additional prevention measures (after the second stall)', '', '1. Alert on long rebuilds.', ''].join('\n'),
    );
    const kinds = model.sections.filter((section) => section.kind === 'action-items');
    assert.equal(kinds.length, 2);
    assert.ok(kinds.every((section) => section.uncertain));
    assert.equal(items.length, 2);
    assert.ok(!findings.some((finding) => finding.ruleId === 'missing-section' && /Action items/.test(finding.message)));
  });

  it('counts the items of "Prevention measures" beside an Action items section too, as real postmortems list more work there', () => {
    const { items } = analysed(['## Action items', '', '- [ ] Add a timeout to the rebuild lock.', '', '## Prevention measures', '', '1. Alert on long rebuilds.', ''].join('\n'));
    assert.deepEqual(descriptions(items), ['Add a timeout to the rebuild lock.', 'Alert on long rebuilds.']);
  });

  it('reads "Immediate actions needed:" and "What we have done to prevent this" as Action items sections', () => {
    const needed = analysed(['## Act', '', '### Immediate actions needed:', '', '1. Stop the nightly rebuild.', '2. Fix the lock.', ''].join('\n'));
    assert.equal(needed.items.length, 2);
    const done = analysed(["## What we've done to prevent this", '', '### 1. A timeout on the rebuild lock', '', 'Detail.', '', '### 2. An alert on long rebuilds', ''].join('\n'));
    assert.equal(done.items.length, 2);
  });
});

describe('section order without a preset', () => {
  it('does not infer the template from loosely worded headings', () => {
    const { findings } = analysed(
      ['## Summary', '', 'Text.', '', '## What went wrong', '', 'Text.', '', '## Going forward', '', '- Add a timeout.', '', '## Timeline', '', '- 10:00 Rebuild started', ''].join('\n'),
    );
    assert.equal(count(findings, 'section-order'), 0);
  });
});

describe('an action heading nested in a section of another kind', () => {
  it('restates the actions when the document has an action section of its own: its items are not counted twice', () => {
    const recap = analysed(
      ['## Recommended actions', '', '- [ ] Add a timeout to the rebuild lock.', '- [ ] Alert on long rebuilds.', '', '## Conclusion', '', '### Immediate actions', '', '1. ✅ Add a timeout to the rebuild lock', '2. ⚠️ Alert on long rebuilds', ''].join('\n'),
    );
    assert.deepEqual(descriptions(recap.items), ['Add a timeout to the rebuild lock.', 'Alert on long rebuilds.']);
    assert.deepEqual(
      recap.model.sections.filter((section) => section.kind === 'action-items').map((section) => section.title),
      ['Recommended actions'],
    );
    assert.equal(count(recap.findings, 'duplicate-section'), 0);
    const commitment = analysed(
      ["## What we've done to prevent this", '', '### 1. A timeout on the rebuild lock', '', 'Detail.', '', '## Apology', '', '### Going forward', '', '- Rebuilds will be announced.', '- Restores will be rehearsed.', ''].join('\n'),
    );
    assert.deepEqual(descriptions(commitment.items), ['A timeout on the rebuild lock']);
  });

  it('holds the actions when it is the only one, and sub-headings of an Action items section stay part of it', () => {
    const only = analysed(['## Conclusion', '', '### Next steps', '', '- Add a timeout to the rebuild lock.', ''].join('\n'));
    assert.equal(only.items.length, 1);
    const grouped = analysed(['## Follow-ups', '', '### Immediate actions', '', '- Add a timeout to the rebuild lock.', '', '### Long-term actions', '', '- Alert on long rebuilds.', ''].join('\n'));
    assert.equal(grouped.items.length, 2);
  });
});

describe('prose that reports a change made', () => {
  it('reads it as done though a later sentence says what the change should do', () => {
    const { items } = analysed(['## Remediation', '', 'We added a timeout to the rebuild lock. This should also stop the next stall from spreading.', ''].join('\n'));
    assert.deepEqual(
      items.map((item) => item.status),
      ['done'],
    );
    // Two clauses, each with its own subject, are two actions: one made, one still to do.
    const planned = analysed(['## Remediation', '', 'We added a timeout to the rebuild lock, and we should alert on long rebuilds.', ''].join('\n'));
    assert.deepEqual(
      planned.items.map((item) => item.status),
      ['done', 'open'],
    );
  });
});

describe('a list under a resolution that reports steps taken', () => {
  it('reads entries that open on "Activated", "Corrected", "Attempted" or "Restarted" as done', () => {
    const { items, findings } = analysed(
      ['## Resolution', '', '**Immediate actions**:', '- Activated the standby load balancer', '- Corrected the route weights on both edges', '- Restarted the session service', '- Attempted to reach the upstream provider', '', '## Action items', '', '- Alert on uneven route weights', ''].join('\n'),
    );
    assert.deepEqual(
      items.map((item) => item.status),
      ['done', 'done', 'done', 'done', 'open'],
    );
    assert.equal(count(findings, 'action-item-owner'), 1);
  });
});
