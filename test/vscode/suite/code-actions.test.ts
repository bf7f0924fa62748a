import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, findingsGone, findingsOf, open, quickFixOf } from '../helpers';

suite('Code actions', () => {
  test('the quick fix of a finding applies and the finding goes away', async () => {
    const { document } = await open('postmortems/2024-02-15-cache-stampede.md');
    await findingsOf(document.uri, 'timeline-order');
    const { fix: sort } = await quickFixOf(document.uri, 'timeline-order', (title) => title === 'Sort the timeline by time');
    assert.ok(sort.edit && (await vscode.workspace.applyEdit(sort.edit)));
    await findingsGone(document.uri, ['timeline-order']);
    assert.match(document.getText(), /- 08:00 Cache cluster restarted for maintenance\r?\n- 08:05 Latency alert fires\r?\n- 08:12 Latency back to normal/);
  });

  test('a blaming sentence is rewritten into systems language', async () => {
    const { document } = await open('postmortems/2024-02-22-deploy-rollback.md');
    await findingsOf(document.uri, 'blameful-language');
    const { finding, fix: rewrite } = await quickFixOf(document.uri, 'blameful-language', (title) => title.startsWith('Rewrite: '));
    assert.equal(document.getText(finding.range).startsWith('Erin made a mistake'), true);
    assert.ok(rewrite.edit && (await vscode.workspace.applyEdit(rewrite.edit)));
    await findingsGone(document.uri, ['blameful-language']);
    assert.doesNotMatch(document.getText(), /Erin/);
    assert.ok(document.getText().includes(rewrite.title.slice('Rewrite: '.length)));
  });

  test('fix-all inserts the missing sections and sorts the timeline in one edit', async () => {
    const { document } = await open('postmortems/2024-03-01-dns-change.md');
    await findingsOf(document.uri, 'missing-section');
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActions(document.uri, whole, vscode.CodeActionKind.SourceFixAll.append('postmortem'));
    assert.deepEqual(actions.map((action) => action.kind?.value), ['source.fixAll.postmortem']);
    const [fixAll] = actions;
    assert.ok(fixAll.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    await findingsGone(document.uri, ['missing-section', 'timeline-order']);
    const headings = document.getText().split(/\r?\n/).filter((line) => line.startsWith('## '));
    for (const section of ['Impact', 'Root cause', 'Contributing factors']) {
      assert.ok(headings.some((heading) => heading.toLowerCase() === `## ${section.toLowerCase()}`), `no ${section} among ${headings.join(' | ')}`);
    }
  });
});
