import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewPostmortemArgs } from '../../../client/src/api';
import { workspaceFile } from '../helpers';

suite('New Postmortem', () => {
  test('creates the file named by convention and fills in the template', async () => {
    const args: NewPostmortemArgs = { title: 'Login page timeouts', severity: 'SEV-2', date: '2024-04-02' };
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', args);
    assert.equal(uri.toString(), workspaceFile('postmortems/2024/2024-04-02-login-page-timeouts.md').toString());
    assert.equal((await vscode.workspace.fs.stat(uri)).type, vscode.FileType.File);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /Login page timeouts/);
    assert.match(text, /SEV-2/);
    assert.match(text, /2024-04-02/);
    for (const section of ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items']) {
      assert.match(text, new RegExp(`^#+ ${section}\\s*$`, 'im'), `no ${section} heading`);
    }
  });
});
