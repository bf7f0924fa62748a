import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/api';
import { extensionId, findingsOf, open, postmortemDiagnostics, waitFor, workspaceFile } from '../helpers';

suite('Activation', () => {
  // The workspace's config file or an opened postmortem activates it, whichever comes first.
  test('the extension activates with a postmortem open and returns its API', async () => {
    const extension = vscode.extensions.getExtension<PostmortemExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not loaded`);
    await open('postmortems/2024-02-01-search-outage.md');
    await waitFor({ check: () => extension.isActive || undefined, what: 'the extension to activate' });
    assert.equal(typeof extension.exports.statusBarText, 'function');
    assert.equal(typeof extension.exports.actionItems.refresh, 'function');
  });

  test('a README is not linted, even with a timeline, action items and blame', async () => {
    const readme = await open('README.md');
    // The postmortem opened after it has its findings, so the server has seen both.
    const postmortem = workspaceFile('postmortems/2024-02-08-queue-backlog.md');
    await vscode.window.showTextDocument(postmortem);
    await findingsOf(postmortem, 'timeline-order');
    assert.deepEqual(postmortemDiagnostics(readme.document.uri), []);
  });
});
