// The rules that compare a document with the earlier postmortems of its workspace: recurring-cause and repeated-action-item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisCache, analyze, digestPostmortem, type Finding, type PostmortemDigest, WorkspacePostmortems } from '../../server/src/analysis';
import { fixturePath } from '../helpers';

const folder = fixturePath('workspace-rules');
const today = '2025-12-15';

function digestsOf(names: readonly string[]): PostmortemDigest[] {
  return names.map((name) => {
    const path = join(folder, name);
    const { model } = analyze(readFileSync(path, 'utf8'), { path, force: true, today });
    assert.ok(model, name);
    return digestPostmortem(path, model);
  });
}

function workspaceOf(names: readonly string[]): WorkspacePostmortems {
  return new WorkspacePostmortems(digestsOf(names));
}

const everyPostmortem = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();

/** A new postmortem whose root cause is the pool exhaustion of three fixtures, in other words. */
function inventory(options: { date?: string; rootCause?: string; actions?: string[] } = {}): string {
  return [
    '# Postmortem: Inventory lookups failing',
    '',
    ...(options.date === undefined ? [] : [`**Date**: ${options.date}`, '']),
    '## Summary',
    '',
    'Inventory lookups failed for 30 minutes.',
    '',
    '## Root cause',
    '',
    options.rootCause ?? 'The inventory service exhausted its database connection pool: long transactions held every connection, and requests waited for one until they timed out.',
    '',
    '## Action items',
    '',
    ...(options.actions ?? ['- [ ] Alert when the inventory database connection pool is more than 80% in use @dana Due: 2025-10-20', '- [ ] Write a runbook for the inventory service @li Due: 2025-11-01']),
    '',
  ].join('\n');
}

function findings(text: string, ruleId: string, workspace: WorkspacePostmortems | undefined, path = '/team/postmortems/inventory.md'): Finding[] {
  return analyze(text, { path, force: true, today, workspace }).findings.filter((finding) => finding.ruleId === ruleId);
}

const fileNames = (finding: Finding) => (finding.elsewhere ?? []).map((place) => place.path.split(/[\\/]/).pop());

test('recurring-cause: the earlier postmortems with the same cause in other words, linked at their root cause', () => {
  const text = inventory({ date: '2025-10-05' });
  const [finding, ...others] = findings(text, 'recurring-cause', workspaceOf(everyPostmortem));
  assert.equal(others.length, 0);
  assert.match(finding.message, /^Also in 2 postmortems since 2025-02: .*\b(pool|connection)/);
  assert.equal(finding.severity, 'info');
  assert.equal(text.slice(finding.span.start, finding.span.end), '## Root cause');
  // The billing postmortem shares the cause but is dated after this one; the certificate, key and disk ones do not share it.
  assert.deepEqual(fileNames(finding), ['2025-02-03-orders-pool.md', '2025-04-17-checkout-connections.md']);
  const orders = readFileSync(join(folder, '2025-02-03-orders-pool.md'), 'utf8').split('\n');
  assert.equal(orders[finding.elsewhere?.[0].line ?? -1], '## Root cause');
  assert.equal(finding.elsewhere?.[0].message, 'Orders API timing out (2025-02-03)');
});

test('recurring-cause: a draft without a date is compared as of today, so every earlier postmortem counts', () => {
  const [finding] = findings(inventory(), 'recurring-cause', workspaceOf(everyPostmortem));
  assert.deepEqual(fileNames(finding), ['2025-02-03-orders-pool.md', '2025-04-17-checkout-connections.md', '2025-12-02-billing-pool.md']);
});

test('recurring-cause: an expired certificate matches the expired certificate, not the expired API key', () => {
  const rootCause = 'The TLS certificate on the inventory load balancer expired. Nobody renewed it: the renewal reminder went to a former employee.';
  const [finding] = findings(inventory({ date: '2025-10-05', rootCause }), 'recurring-cause', workspaceOf(everyPostmortem));
  assert.deepEqual(fileNames(finding), ['2025-06-09-search-certificate.md']);
});

test('recurring-cause: nothing for a file alone, or without a workspace', () => {
  assert.deepEqual(findings(inventory({ date: '2025-10-05' }), 'recurring-cause', undefined), []);
  // The workspace holds the document itself (it was saved): it is left out by its path.
  const path = join(folder, '2025-04-17-checkout-connections.md');
  assert.deepEqual(findings(readFileSync(path, 'utf8'), 'recurring-cause', workspaceOf(['2025-04-17-checkout-connections.md']), path), []);
});

test('recurring-cause: the same match again reads it from the document cache, and a changed cause asks again', () => {
  const text = inventory({ date: '2025-10-05' });
  const workspace = workspaceOf(everyPostmortem);
  let asked = 0;
  const recurringCause = workspace.recurringCause.bind(workspace);
  workspace.recurringCause = (cause) => {
    asked++;
    return recurringCause(cause);
  };
  const cache = new AnalysisCache();
  for (let i = 0; i < 3; i++) analyze(text, { path: '/team/postmortems/inventory.md', force: true, today, workspace, cache });
  assert.equal(asked, 1);
  analyze(text.replace('long transactions', 'long-running transactions'), { path: '/team/postmortems/inventory.md', force: true, today, workspace, cache });
  assert.equal(asked, 2);
});

test('repeated-action-item: an item an earlier postmortem proposed, named with its status and linked at its line', () => {
  const text = inventory({ date: '2025-10-05' });
  const [finding, ...others] = findings(text, 'repeated-action-item', workspaceOf(everyPostmortem));
  assert.equal(others.length, 0);
  assert.equal(finding.message, 'Proposed before in Orders API timing out (2025-02-03, done).');
  assert.match(text.slice(finding.span.start, finding.span.end), /^- \[ \] Alert when the inventory database connection pool/);
  const orders = readFileSync(join(folder, '2025-02-03-orders-pool.md'), 'utf8').split('\n');
  assert.match(orders[finding.elsewhere?.[0].line ?? -1], /Add an alert when the orders database connection pool/);
});

test('repeated-action-item: an item an earlier postmortem proposed in other words; unrelated items and later ones do not count', () => {
  const actions = ['- [ ] Make batch jobs release their connections when they finish @omar', '- [ ] Renew the search certificate automatically @sam', '- [ ] Buy the team a coffee machine @kim'];
  const later = findings(inventory({ date: '2025-05-01', actions }), 'repeated-action-item', workspaceOf(everyPostmortem));
  assert.deepEqual(later.map((finding) => finding.message), ['Proposed before in Checkout errors after the sale started (2025-04-17, open).']);
  // Dated before the certificate postmortem: its renewal item is not earlier.
  const before = findings(inventory({ date: '2025-01-01', actions }), 'repeated-action-item', workspaceOf(everyPostmortem));
  assert.deepEqual(before, []);
});

test('recurring-cause: root causes still holding the template prompt are no shared cause', () => {
  const draft = (title: string, date: string) =>
    [`# Postmortem: ${title}`, '', `**Date**: ${date}`, '', '## Root cause', '', 'TODO: the conditions in the system that made this failure possible.', ''].join('\n');
  const earlier = ['/team/postmortems/a.md', '/team/postmortems/b.md'].map((path, index) => {
    const { model } = analyze(draft(index === 0 ? 'Search slow' : 'Upload errors', `2025-0${index + 1}-10`), { path, force: true, today });
    assert.ok(model);
    return digestPostmortem(path, model);
  });
  // Among other postmortems, as in a team's folder: words every document uses weigh nothing.
  const workspace = new WorkspacePostmortems([...digestsOf(everyPostmortem), ...earlier]);
  assert.deepEqual(findings(draft('Login timeouts', '2025-05-01'), 'recurring-cause', workspace), []);
  // Written over, the same prompt's section is read again.
  assert.equal(findings(inventory({ date: '2025-10-05' }), 'recurring-cause', workspaceOf(everyPostmortem)).length, 1);
});
