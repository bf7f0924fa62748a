// The Action Items view's commands: grouping and filters, mark done, open the ticket, copy.
import * as vscode from 'vscode';
import { markActionItemDoneRequest, rebuildIndexRequest, type MarkDoneParams, type WorkspaceActionItem } from '../../../server/src/protocol';
import type { PostmortemLanguageClient } from '../client';
import { groupingLabels, groupings, isGrouping } from './grouping';
import { actionItemAsMarkdown, ticketUrl } from './markdown';
import { viewId, type ActionItemNode, type ActionItemsProvider } from './tree';

export function registerActionItemCommands(context: vscode.ExtensionContext, lsp: PostmortemLanguageClient, provider: ActionItemsProvider, view: vscode.TreeView<ActionItemNode>): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('postmortem.showActionItems', async (uri?: unknown) => {
    await vscode.commands.executeCommand(`${viewId}.focus`);
    // The code lens passes its document: show that document's group.
    const group = typeof uri === 'string' ? provider.groupOfDocument(uri) : undefined;
    if (group) await view.reveal(group, { select: true, focus: false, expand: true });
  });
  register('postmortem.actionItems.refresh', async () => {
    // The server lists the folders again first, so what the watchers missed is gone from the view too.
    await (await lsp.ready()).sendRequest(rebuildIndexRequest);
    await provider.refresh();
  });
  register('postmortem.actionItems.groupBy', async (grouping?: unknown) => {
    if (isGrouping(grouping)) return provider.setGrouping(grouping);
    const picked = await vscode.window.showQuickPick(
      groupings.map((value) => ({ label: groupingLabels[value], value, description: value === provider.currentGrouping ? 'current' : undefined })),
      { title: 'Group Action Items By' },
    );
    if (picked) provider.setGrouping(picked.value);
  });
  register('postmortem.actionItems.showDone', () => provider.setShowDone(true));
  register('postmortem.actionItems.hideDone', () => provider.setShowDone(false));
  register('postmortem.actionItems.onlyMine', () => provider.setOnlyMine(true));
  register('postmortem.actionItems.everyone', () => provider.setOnlyMine(false));
  register('postmortem.actionItems.markDone', (target?: unknown, selected?: unknown) => markDone(lsp, targets(target, selected, view)));
  register('postmortem.actionItems.reopen', (target?: unknown, selected?: unknown) => markDone(lsp, targets(target, selected, view), true));
  register('postmortem.actionItems.openTicket', (target?: unknown) => openTicket(itemsOf(targets(target, undefined, view))[0]));
  register('postmortem.actionItems.copyAsMarkdown', async (target?: unknown, selected?: unknown) => {
    const items = itemsOf(targets(target, selected, view));
    if (items.length > 0) await vscode.env.clipboard.writeText(items.map(actionItemAsMarkdown).join('\n'));
  });
}

type Target = ActionItemNode | MarkDoneParams;

/** What a command acts on: the nodes selected with the clicked one, the given location, or the view's selection from the palette. */
function targets(target: unknown, selected: unknown, view: vscode.TreeView<ActionItemNode>): Target[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every(isNode)) return selected;
  if (isNode(target) || isLocation(target)) return [target];
  return [...view.selection];
}

function isNode(value: unknown): value is ActionItemNode {
  return typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'group' || value.kind === 'item');
}

function isLocation(value: unknown): value is MarkDoneParams {
  return typeof value === 'object' && value !== null && 'uri' in value && 'line' in value && typeof value.uri === 'string' && typeof value.line === 'number';
}

/** The items behind the targets; a group stands for its items. */
function itemsOf(targets: Target[]): WorkspaceActionItem[] {
  return targets.flatMap((target) => (!('kind' in target) ? [] : target.kind === 'item' ? [target.item] : target.group.items));
}

/**
 * Applies the server's edit for each open item (each done one when reopening), then saves each document that had
 * no unsaved changes before. Resolves to the number of items marked.
 */
async function markDone(lsp: PostmortemLanguageClient, targets: Target[], reopen = false): Promise<number> {
  const status = reopen ? 'done' : 'open';
  const locations = targets.flatMap((target): MarkDoneParams[] =>
    'kind' in target ? itemsOf([target]).filter((item) => item.status === status).map((item) => ({ uri: item.uri, line: item.range.start.line, reopen })) : [{ ...target, reopen }],
  );
  const client = await lsp.ready();
  const wasDirty = new Map<string, boolean>();
  let marked = 0;
  // One at a time: each edit is computed on the text the previous one left.
  for (const location of locations) {
    const edit = await client.sendRequest(markActionItemDoneRequest, location);
    if (!edit) continue;
    const workspaceEdit = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
    for (const [uri] of workspaceEdit.entries()) {
      const key = uri.toString();
      if (!wasDirty.has(key)) wasDirty.set(key, vscode.workspace.textDocuments.some((document) => document.uri.toString() === key && document.isDirty));
    }
    if (await vscode.workspace.applyEdit(workspaceEdit)) marked++;
  }
  for (const [key, dirty] of wasDirty) {
    if (!dirty) await (await vscode.workspace.openTextDocument(vscode.Uri.parse(key))).save();
  }
  if (marked === 0 && locations.length > 0) void vscode.window.showWarningMessage(`No ${status} action item was found there; the document may have changed. Refresh the Action Items view and try again.`);
  return marked;
}

async function openTicket(item: WorkspaceActionItem | undefined): Promise<void> {
  if (!item?.ticket) return;
  const url = ticketUrl(item.ticket, vscode.workspace.getConfiguration('postmortem', vscode.Uri.parse(item.uri)).get<string>('actionItems.ticketUrl'));
  if (url) {
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return;
  }
  const openSettings = 'Open Settings';
  const answer = await vscode.window.showInformationMessage(`${item.ticket} is not a link. Set "postmortem.actionItems.ticketUrl" to open tickets by their key.`, openSettings);
  if (answer === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', 'postmortem.actionItems.ticketUrl');
}
