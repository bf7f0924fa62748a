import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi, RenderedInsights } from '../../../client/src/api';
import { extensionApi, open, waitFor, workspaceFile } from '../helpers';

/** What the panel's page drew, once it shows four charts. */
function renderedCharts(api: PostmortemExtensionApi): Promise<RenderedInsights> {
  return waitFor({
    event: api.insights.onDidRender,
    check: () => {
      const rendered = api.insights.rendered();
      return rendered && rendered.charts.length === 4 ? rendered : undefined;
    },
    what: () => `the Insights panel's charts; it drew ${JSON.stringify(api.insights.rendered())}`,
  });
}

suite('Insights panel', () => {
  let api: PostmortemExtensionApi;

  suiteSetup(async () => {
    await open('postmortems/2024-02-01-search-outage.md');
    api = await extensionApi();
  });

  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Show Insights opens a webview with a strict CSP that draws the charts, each beside its table', async () => {
    await vscode.commands.executeCommand('postmortem.showInsights');
    const rendered = await renderedCharts(api);
    assert.deepEqual(rendered.charts, ['Postmortems per month by severity', 'Time to detect, mitigate and resolve (minutes)', 'Action items opened by month: done and still open', 'Overdue action items by owner']);
    assert.equal(rendered.svgs, 4);
    assert.equal(rendered.tables, 4);
    const html = api.insights.html() ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce, `no script nonce in the page's CSP: ${html.slice(0, 400)}`);
    assert.match(html, /default-src 'none'/);
    assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}" src="[^"]+/dist/webview/insights\\.js"`));
    assert.doesNotMatch(html, /https?:\/\/(?!.*vscode)/);
  });

  test('a postmortem opens from the panel at its line', async () => {
    await vscode.commands.executeCommand('postmortem.showInsights');
    const rendered = await renderedCharts(api);
    const target = workspaceFile('postmortems/2024-02-08-queue-backlog.md').fsPath;
    // Its open P1 and P0 items are due for the follow-up review, and the review's table links to each at its line.
    const link = rendered.links.find((candidate) => candidate.path === target && candidate.line !== undefined);
    assert.ok(link?.line, `the page links to ${JSON.stringify(rendered.links)}`);
    const opened = waitFor({
      event: vscode.window.onDidChangeActiveTextEditor,
      check: () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.uri.fsPath === target ? editor : undefined;
      },
      what: () => `the postmortem to open; the active editor is ${vscode.window.activeTextEditor?.document.uri.fsPath ?? 'none'}`,
    });
    assert.equal(await api.insights.clickPostmortem(target, link.line), true);
    const editor = await opened;
    assert.equal(editor.selection.active.line, link.line - 1);
    assert.match(editor.document.lineAt(link.line - 1).text, /^- \[ \] \[P[01]\]/);
  });
});
