// The status bar: the workspace's open and overdue action items (a click shows the view), and how far the active
// postmortem is from done while it is a draft (a click shows the Problems panel, where the checklist is).
import * as vscode from 'vscode';
import { draftProgressRequest, type DraftProgressResult } from '../../server/src/protocol';
import type { ActionItemsProvider } from './action-items/tree';
import type { PostmortemLanguageClient } from './client';

export interface StatusBarItems {
  actionItems: vscode.StatusBarItem;
  /** The draft item's text while it is shown, else undefined. */
  draftText(): string | undefined;
}

export function registerStatusBar(context: vscode.ExtensionContext, provider: ActionItemsProvider, client: PostmortemLanguageClient): StatusBarItems {
  const item = vscode.window.createStatusBarItem('postmortem.actionItems', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Postmortem Action Items';
  item.command = 'postmortem.showActionItems';
  const update = () => {
    const { open, overdue, total } = provider.counts();
    item.text = statusText(open, overdue);
    item.tooltip = `Postmortem action items in the workspace: ${open} open${overdue > 0 ? `, ${overdue} overdue` : ''}. Click to show them.`;
    // Only a workspace with action items needs the item.
    if (total > 0) item.show();
    else item.hide();
  };
  update();
  context.subscriptions.push(item, provider.onDidChange(update));
  return { actionItems: item, draftText: registerDraftStatus(context, client) };
}

export function statusText(open: number, overdue: number): string {
  return overdue > 0 ? `$(checklist) ${open} open, $(warning) ${overdue} overdue` : `$(checklist) ${open} open`;
}

/** The draft's progress, as the server judged it, in the status bar's words. */
export function draftStatusText(progress: DraftProgressResult): string {
  return `$(edit) Draft: ${progress.sectionsWritten} of ${progress.sections} sections written`;
}

export function draftStatusTooltip(progress: DraftProgressResult): string {
  return `This postmortem is a draft: ${progress.sectionsWritten} of ${progress.sections} sections written, ${progress.templateLines} of ${progress.textLines} lines still template text. Click to show the Problems panel.`;
}

/** Asked again whenever the active document's findings change, since the server has then analysed its new text. */
function registerDraftStatus(context: vscode.ExtensionContext, client: PostmortemLanguageClient): () => string | undefined {
  const item = vscode.window.createStatusBarItem('postmortem.draft', vscode.StatusBarAlignment.Left, 9);
  item.name = 'Postmortem Draft Progress';
  item.command = 'workbench.actions.view.problems';
  let asked = 0;
  let shown: string | undefined;
  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    const question = ++asked;
    const progress = document?.languageId === 'markdown' ? await askProgress(client, document.uri) : null;
    // An answer that arrives after a later question is stale.
    if (question !== asked) return;
    shown = progress?.draft ? draftStatusText(progress) : undefined;
    if (!progress || shown === undefined) return item.hide();
    item.text = shown;
    item.tooltip = draftStatusTooltip(progress);
    item.show();
  };
  const updateIfActive = (uris: readonly vscode.Uri[]) => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (uris.some((uri) => uri.toString() === active)) void update();
  };
  void update();
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.languages.onDidChangeDiagnostics((event) => updateIfActive(event.uris)),
    client.onDidStart(() => void update()),
  );
  return () => shown;
}

async function askProgress(client: PostmortemLanguageClient, uri: vscode.Uri): Promise<DraftProgressResult | null> {
  try {
    const ready = await client.ready();
    return await ready.sendRequest(draftProgressRequest, { textDocument: { uri: ready.code2ProtocolConverter.asUri(uri) } });
  } catch {
    // A server that is starting, restarting or has not opened the document yet: no progress to show.
    return null;
  }
}
