import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/api';
import { extensionApi, extensionId, findingsOf, labelOf, open, postmortemDiagnostics, waitFor } from '../helpers';

/** The language server's process: the extension host's child running dist/server.js (Linux only: it reads /proc). */
function serverPid(): number | undefined {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension);
  const script = join(extension.extensionPath, 'dist', 'server.js');
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is the fourth field of /proc/<pid>/stat, after the parenthesised command name.
      const parent = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes(script)) return Number(name);
    } catch {
      // The process ended while it was being read.
    }
  }
  return undefined;
}

/** The view's item labels, once a refresh from the (restarted) server succeeds and returns some. */
function viewFilled(api: PostmortemExtensionApi): Promise<string[]> {
  return waitFor({
    check: async () => {
      try {
        await api.actionItems.refresh();
      } catch {
        return undefined;
      }
      const provider = api.actionItems.provider;
      const groups = (await provider.getChildren()) ?? [];
      const items = (await Promise.all(groups.map(async (group) => (await provider.getChildren(group)) ?? []))).flat();
      const labels = await Promise.all(items.map(async (item) => labelOf(await provider.getTreeItem(item))));
      return labels.length > 0 ? labels : undefined;
    },
    what: 'the Action Items view to fill from the server',
  });
}

suite('Language server restarts', () => {
  let api: PostmortemExtensionApi;
  const path = 'postmortems/2024-02-08-queue-backlog.md';

  suiteSetup(async () => {
    await open(path);
    api = await extensionApi();
  });

  test('after the server is killed it is started again and the view fills again', async function () {
    if (process.platform !== 'linux') this.skip();
    const killed = await waitFor({ check: serverPid, what: 'the language server process' });
    process.kill(killed, 'SIGKILL');
    const restarted = await waitFor({ check: () => { const pid = serverPid(); return pid !== killed ? pid : undefined; }, what: 'a new language server process' });
    assert.notEqual(restarted, killed);
    assert.ok((await viewFilled(api)).includes('Alert on queue age'));
  });

  test('"Restart Language Server" starts a new client, which lints again', async () => {
    const { document } = await open(path);
    await findingsOf(document.uri, 'timeline-order');
    const before = api.languageClient();
    await vscode.commands.executeCommand('postmortem.restartServer');
    assert.notEqual(api.languageClient(), before);
    assert.ok((await viewFilled(api)).includes('Alert on queue age'));
    // The new server publishes the open document's findings again (the old client's were cleared with it).
    await findingsOf(document.uri, 'timeline-order');
    assert.ok(postmortemDiagnostics(document.uri).length > 0);
  });
});
