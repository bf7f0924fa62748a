import * as assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ActionItemGrouping, PostmortemExtensionApi } from '../../../client/src/api';
import { extensionApi, labelOf, open, waitFor, workspaceFile } from '../helpers';

interface Group {
  label: string;
  items: string[];
}

/** What the view shows: each group's label and its items' labels. */
async function tree(api: PostmortemExtensionApi): Promise<Group[]> {
  const provider = api.actionItems.provider;
  const groups = (await provider.getChildren()) ?? [];
  return Promise.all(
    groups.map(async (group) => ({
      label: labelOf(await provider.getTreeItem(group)),
      items: await Promise.all(((await provider.getChildren(group)) ?? []).map(async (item) => labelOf(await provider.getTreeItem(item)))),
    })),
  );
}

async function grouped(api: PostmortemExtensionApi, grouping: ActionItemGrouping): Promise<Group[]> {
  api.actionItems.setGrouping(grouping);
  await api.actionItems.refresh();
  return tree(api);
}

function groupStarting(groups: Group[], label: string): Group {
  const group = groups.find((candidate) => candidate.label.startsWith(label));
  assert.ok(group, `no group ${label} among: ${groups.map((candidate) => candidate.label).join(', ')}`);
  return group;
}

/** The tree once it satisfies `check`, waiting on the view's change events. */
function treeWhere(api: PostmortemExtensionApi, check: (groups: Group[]) => boolean, what: string): Promise<Group[]> {
  let last: Group[] = [];
  return waitFor({
    event: api.actionItems.onDidChange,
    check: async () => {
      last = await tree(api);
      return check(last) ? last : undefined;
    },
    what: () => `${what}; the tree has ${JSON.stringify(last)}`,
  });
}

const hasItem = (label: string) => (groups: Group[]) => groups.some((group) => group.items.includes(label));

const newFile = 'postmortems/2024-03-20-expired-token.md';
const newFileText = (item: string) => `# Postmortem: Expired signing token

**Date**: 2024-03-20
**Severity**: SEV-3

## Action items

- [ ] [P1] ${item} — @dana, due 2024-04-10
`;

/** What the view, its badge and the status bar show: the documents listed, in workspace-relative paths, and the open counts. */
interface Shown {
  documents: string[];
  badge: number;
  statusBarOpen: number;
}

async function shown(api: PostmortemExtensionApi): Promise<Shown> {
  const provider = api.actionItems.provider;
  const groups = await Promise.all(((await provider.getChildren()) ?? []).map(async (group) => provider.getTreeItem(group)));
  const documents = groups.flatMap((group) => (group.resourceUri ? [vscode.workspace.asRelativePath(group.resourceUri)] : [])).sort();
  return { documents, badge: api.badge() ?? 0, statusBarOpen: Number(/(\d+) open/.exec(api.statusBarText())?.[1] ?? 0) };
}

/** What is shown once it equals `expected`, waiting on the view's change events. */
function shownAs(api: PostmortemExtensionApi, expected: Shown, what: string): Promise<Shown> {
  let last: Shown | undefined;
  return waitFor({
    event: api.actionItems.onDidChange,
    check: async () => {
      last = await shown(api);
      return JSON.stringify(last) === JSON.stringify(expected) ? last : undefined;
    },
    what: () => `${what}: ${JSON.stringify(expected)}; shown is ${JSON.stringify(last)}`,
  });
}

const archivedPostmortems: Record<string, string> = {
  '2019-05-02-disk-full.md': `# Postmortem: Log disk full

**Date**: 2019-05-02

## Action items

- [ ] [P1] Rotate the application logs daily — @erin, due 2099-06-01
- [ ] [P2] Alert at 80% disk use — @erin, due 2099-07-01
`,
  '2019-08-14-expired-certificate.md': `# Postmortem: Expired TLS certificate

**Date**: 2019-08-14

## Action items

- [ ] [P0] Renew certificates automatically — @farid, due 2099-08-21
`,
};

suite('Action Items view', () => {
  let api: PostmortemExtensionApi;

  suiteSetup(async () => {
    await open('postmortems/2024-02-01-search-outage.md');
    api = await extensionApi();
  });

  suiteTeardown(() => {
    api.actionItems.setShowDone(false);
    api.actionItems.setGrouping('document');
  });

  test('groups the items of several postmortems by owner', async () => {
    await grouped(api, 'owner');
    // The view may be read before the index has taken in every file; its change events say when it has.
    const alicesItems = ['Add a canary for the worker', 'Alert when the index is empty'];
    const groups = await treeWhere(api, (shown) => alicesItems.every((item) => shown.some((group) => group.label.startsWith('@alice') && group.items.includes(item))), 'both of @alice\'s items');
    assert.deepEqual(groupStarting(groups, '@alice').items.sort(), alicesItems);
    assert.ok(groupStarting(groups, '@bob').items.includes('Alert on queue age'));
    assert.ok(groupStarting(groups, 'No owner').items.includes('Validate the worker configuration before deploy'));
  });

  test('groups by document, and by priority through the view\'s command', async () => {
    const byDocument = await grouped(api, 'document');
    assert.deepEqual(groupStarting(byDocument, 'Email queue backlog').items, [
      'Validate the worker configuration before deploy',
      'Alert on queue age',
      'Add a canary for the worker',
    ]);
    await vscode.commands.executeCommand('postmortem.actionItems.groupBy', 'priority');
    const byPriority = await tree(api);
    assert.ok(groupStarting(byPriority, 'P0').items.includes('Add a canary for the worker'));
    assert.ok(groupStarting(byPriority, 'P2').items.includes('Alert on queue age'));
  });

  test('follows a file created and changed on disk, and marking an item done', async () => {
    await grouped(api, 'owner');
    const uri = workspaceFile(newFile);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(newFileText('Rotate the signing key')));
    await treeWhere(api, hasItem('Rotate the signing key'), 'the new file\'s item');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(newFileText('Rotate the signing key monthly')));
    const changed = await treeWhere(api, hasItem('Rotate the signing key monthly'), 'the changed item');
    assert.equal(hasItem('Rotate the signing key')(changed), false);

    const line = newFileText('').split('\n').findIndex((text) => text.startsWith('- [ ]'));
    await vscode.commands.executeCommand('postmortem.actionItems.markDone', { uri: uri.toString(), line });
    await treeWhere(api, (groups) => !hasItem('Rotate the signing key monthly')(groups), 'the done item to leave the view');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /^- \[x\] \[P1\] Rotate the signing key monthly/m);
    api.actionItems.setShowDone(true);
    assert.ok(hasItem('Rotate the signing key monthly')(await tree(api)), 'done items show when asked for');
  });

  test('the open P0 and P1 items of postmortems a month old or more are due for the follow-up review', async () => {
    api.actionItems.setShowDone(false);
    const groups = await grouped(api, 'owner');
    const followUp = groupStarting(groups, 'Due for follow-up review');
    assert.equal(groups[0], followUp);
    assert.ok(followUp.items.includes('Validate the worker configuration before deploy'), followUp.items.join(', '));
    assert.ok(!followUp.items.includes('Alert on queue age'), 'a P2 item is not reviewed');
  });

  test('follows a folder of postmortems created, renamed and deleted on disk', async () => {
    api.actionItems.setShowDone(false);
    await grouped(api, 'document');
    const before = await shown(api);
    const inFolder = (folder: string) => Object.keys(archivedPostmortems).map((name) => `${folder}/${name}`);
    const withFolder = (folder: string): Shown => ({
      documents: [...before.documents, ...inFolder(folder)].sort(),
      badge: before.badge + 3,
      statusBarOpen: before.statusBarOpen + 3,
    });

    const archive = workspaceFile('postmortems/archive').fsPath;
    mkdirSync(archive);
    for (const [name, text] of Object.entries(archivedPostmortems)) writeFileSync(join(archive, name), text);
    await shownAs(api, withFolder('postmortems/archive'), 'the new folder\'s postmortems');

    renameSync(archive, workspaceFile('postmortems/2019').fsPath);
    await shownAs(api, withFolder('postmortems/2019'), 'the renamed folder\'s postmortems, under their new paths only');

    rmSync(workspaceFile('postmortems/2019').fsPath, { recursive: true });
    await shownAs(api, before, 'what was shown before the folder came');
  });

  test('the status bar counts the open items of the workspace', async () => {
    api.actionItems.setShowDone(false);
    // The follow-up review's group shows again items that are in their document's group.
    const groups = (await grouped(api, 'document')).filter((group) => !group.label.startsWith('Due for follow-up review'));
    const open = groups.reduce((sum, group) => sum + group.items.length, 0);
    const text = api.statusBarText();
    assert.match(text, new RegExp(`^\\$\\(checklist\\) ${open} open, \\$\\(warning\\) \\d+ overdue$`));
  });
});
