import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, findingsGone, findingsOf, isCodeAction, open, postmortemDiagnostics, quickFixOf, ruleOf, waitFor } from '../helpers';

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
    assert.equal(document.getText(finding.range).startsWith('Erin forgot to restart'), true);
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

  test('Ctrl+. at a finding offers fix-all and disabling the rule, Source Action lists fix-all, and disabling for the line removes the finding', async () => {
    const content = '# Postmortem: Queue stalled\n\n## Summary\n\nThe queue stalled.\n\n## Timeline\n\n- 10:10 Consumers restarted\n- 10:00 Queue depth alert fires\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    await findingsOf(document.uri, 'timeline-order');
    const wanted = ['Fix all auto-fixable problems', 'Disable timeline-order for this line', 'Disable timeline-order for this file'];
    let titles: string[] = [];
    // Asked without a kind, as the light bulb asks; the actions travel with the diagnostics VS Code holds, so ask until they come.
    const actions = await waitFor({
      check: async () => {
        const [finding] = postmortemDiagnostics(document.uri).filter((diagnostic) => ruleOf(diagnostic) === 'timeline-order');
        if (!finding) return undefined;
        const offered = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, finding.range)).filter(isCodeAction);
        titles = offered.map((action) => action.title);
        return wanted.every((title) => titles.includes(title)) ? offered : undefined;
      },
      what: () => `${wanted.join(', ')}; the titles offered were: ${titles.join(', ') || 'none'}`,
    });
    assert.equal(actions.find((action) => action.title === wanted[0])?.command?.command, 'postmortem.fixAll');

    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const sourceActions = await codeActions(document.uri, whole, vscode.CodeActionKind.Source);
    assert.ok(sourceActions.some((action) => action.kind?.value === 'source.fixAll.postmortem'), sourceActions.map((action) => action.kind?.value).join(', '));

    const disable = actions.find((action) => action.title === wanted[1]);
    assert.ok(disable?.edit && (await vscode.workspace.applyEdit(disable.edit)));
    assert.match(document.getText(), /- 10:10 Consumers restarted\n<!-- postmortem-disable-next-line timeline-order -->\n- 10:00 Queue depth alert fires/);
    await findingsGone(document.uri, ['timeline-order']);

    // The command the fix-all quick fix runs applies the fix-all source action.
    assert.equal(await vscode.commands.executeCommand('postmortem.fixAll', document.uri.toString()), true);
    await findingsGone(document.uri, ['missing-section']);
  });

  test('the owner placeholder fix is inserted as a snippet: the placeholder is selected, and typing replaces it', async () => {
    const content = '# Postmortem: Disk filled\n\n## Action items\n\n- [ ] [P1] Add a disk usage alert (Due: 2024-06-10)\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const editor = await vscode.window.showTextDocument(document);
    await findingsOf(document.uri, 'action-item-owner');
    const { fix } = await quickFixOf(document.uri, 'action-item-owner', (title) => title === 'Add an owner placeholder');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(document.lineAt(4).text, '- [ ] [P1] Add a disk usage alert (Due: 2024-06-10) (Owner: [Owner])');
    assert.equal(document.getText(editor.selection), '[Owner]');
    await vscode.commands.executeCommand('type', { text: '@dana' });
    assert.equal(document.lineAt(4).text, '- [ ] [P1] Add a disk usage alert (Due: 2024-06-10) (Owner: @dana)');
    await findingsGone(document.uri, ['action-item-owner']);
  });
});
