import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, diagnosticsWhere, findingsGone, findingsOf, isCodeAction, open, postmortemDiagnostics, quickFixOf, ruleOf, waitFor } from '../helpers';

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
    assert.equal(document.getText(finding.range).startsWith('Erin did not restart'), true);
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

  test('"due TBD" is offered YYYY-MM-DD, selected, and the date ending the priority window; an item without an owner is offered the workspace\'s owners', async () => {
    const content = '# Postmortem: Disk filled\n\n**Date**: 2024-06-03\n\n## Action items\n\n- [ ] [P2] Rotate the logs daily (Owner: @dana), due TBD\n- [ ] [P1] Page the storage team on a full disk\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const editor = await vscode.window.showTextDocument(document);

    const { fix: datePrompt } = await quickFixOf(document.uri, 'placeholder', (title) => title === 'Write the due date as YYYY-MM-DD');
    assert.ok(datePrompt.edit && (await vscode.workspace.applyEdit(datePrompt.edit)));
    assert.equal(document.lineAt(6).text, '- [ ] [P2] Rotate the logs daily (Owner: @dana), due YYYY-MM-DD');
    assert.equal(document.getText(editor.selection), 'YYYY-MM-DD');
    await vscode.commands.executeCommand('type', { text: '2024-08-30' });
    assert.equal(document.lineAt(6).text, '- [ ] [P2] Rotate the logs daily (Owner: @dana), due 2024-08-30');
    await findingsGone(document.uri, ['placeholder']);

    // P1 is due within 30 days of the incident date.
    const { fix: windowEnd } = await quickFixOf(document.uri, 'action-item-due', (title) => title.startsWith('Due '));
    assert.equal(windowEnd.title, 'Due 2024-07-03 (end of the P1 window)');
    assert.ok(windowEnd.edit && (await vscode.workspace.applyEdit(windowEnd.edit)));
    assert.match(document.lineAt(7).text, /Page the storage team on a full disk.*\bDue: 2024-07-03\b/);
    await findingsGone(document.uri, ['action-item-due']);

    // The owners offered are the workspace's: the fixtures' @alice, @bob and @carol, and @dana of the open documents.
    const { fix: assign } = await quickFixOf(document.uri, 'action-item-owner', (title) => title.startsWith('Assign @'));
    const owner = assign.title.slice('Assign '.length);
    assert.ok(['@alice', '@bob', '@carol', '@dana'].includes(owner), assign.title);
    assert.ok(assign.edit && (await vscode.workspace.applyEdit(assign.edit)));
    assert.ok(document.lineAt(7).text.includes(owner), document.lineAt(7).text);
    await findingsGone(document.uri, ['action-item-owner']);
  });

  test('the stated duration is set to the one the timeline measures', async () => {
    const content = '# Postmortem: Search reindex\n\n**Date**: 2024-06-11\n**Duration**: 45 minutes\n\n## Timeline\n\n- 09:00 Reindex starts and search results go stale\n- 11:05 Reindex finished, results fresh again\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const { fix } = await quickFixOf(document.uri, 'duration-mismatch', (title) => title.startsWith('Set the duration to '));
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(document.lineAt(3).text, `**Duration**: ${fix.title.slice('Set the duration to '.length)}`);
    await findingsGone(document.uri, ['duration-mismatch']);
  });

  test('inserting all missing sections writes the New Postmortem template\'s prompts, as information, not warnings', async () => {
    const content = '# Postmortem: Thumbnail service errors\n\n**Date**: 2024-06-12\n\n## Summary\n\nThumbnails failed to render for forty minutes after a library upgrade.\n\n## Timeline\n\n- 13:10 Error rate alert fires\n- 13:50 Upgrade rolled back, errors stop\n\n## Action items\n\n- [x] [P1] Render a sample of thumbnails in the canary (Owner: @bob, Due: 2024-07-10)\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const { fix } = await quickFixOf(document.uri, 'missing-section', (title) => title.startsWith('Insert all missing sections'));
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    await findingsGone(document.uri, ['missing-section']);
    const after = await diagnosticsWhere(document.uri, (found) => (found.some((diagnostic) => ruleOf(diagnostic) === 'placeholder') ? found : undefined), 'the prompts of the inserted sections');
    const loud = after.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error || diagnostic.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(loud.map((diagnostic) => `${String(ruleOf(diagnostic))}: ${diagnostic.message}`), []);

    // Each inserted section reads as it does in a postmortem from the New Postmortem command.
    const template = await vscode.workspace.openTextDocument(await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Prompt wording', severity: 'SEV-3', date: '2024-06-12' }));
    const bodyUnder = (text: string, heading: string) => {
      const lines = text.split(/\r?\n/);
      const start = lines.indexOf(heading);
      const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
      return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
    };
    for (const heading of ['## Impact', '## Root cause']) {
      assert.ok(document.getText().includes(heading), `no ${heading}`);
      assert.equal(bodyUnder(document.getText(), heading), bodyUnder(template.getText(), heading));
    }
  });
});
