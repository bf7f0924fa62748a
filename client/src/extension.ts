// The VS Code side: starts the language server and wires the commands, the Action Items view
// and the status bar to it. Everything that understands postmortems runs in the server.
import * as vscode from 'vscode';
import { severityLevelsRequest } from '../../server/src/protocol';
import type { PostmortemExtensionApi } from './api';
import { PostmortemLanguageClient } from './client';
import { registerActionItemCommands } from './action-items/commands';
import { ActionItemsProvider, registerActionItemsView } from './action-items/tree';
import { registerEditorCommands } from './editor-commands';
import { InsightsPanel } from './insights-panel';
import { newPostmortem } from './new-postmortem';
import { registerRecurringCauseCommand } from './recurring-cause';
import { registerStatusBar } from './status-bar';

let lsp: PostmortemLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PostmortemExtensionApi {
  lsp = new PostmortemLanguageClient(context);
  const client = lsp;
  const provider = new ActionItemsProvider(client);
  context.subscriptions.push(provider);
  const view = registerActionItemsView(context, provider);
  const statusBar = registerStatusBar(context, provider, client);
  const insights = new InsightsPanel(context.extensionUri, client, provider);
  context.subscriptions.push(insights);
  registerActionItemCommands(context, client, provider, view);
  registerEditorCommands(context);
  registerRecurringCauseCommand(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.newPostmortem', (args?: unknown) =>
      reportErrors(newPostmortem(context.extensionUri, args, () => client.ready().then((ready) => ready.sendRequest(severityLevelsRequest)))),
    ),
    vscode.commands.registerCommand('postmortem.showInsights', () => insights.show()),
    vscode.commands.registerCommand('postmortem.restartServer', () => reportErrors(client.restart().then(() => undefined))),
  );
  return {
    actionItems: {
      provider,
      setGrouping: (grouping) => provider.setGrouping(grouping),
      setShowDone: (show) => provider.setShowDone(show),
      setOnlyMine: (only) => provider.setOnlyMine(only),
      refresh: () => provider.refresh(),
      onDidChange: provider.onDidChange,
    },
    insights: {
      rendered: () => insights.rendered(),
      onDidRender: insights.onDidRender,
      html: () => insights.html(),
      clickPostmortem: (path, line) => insights.clickPostmortem(path, line),
    },
    badge: () => view.badge?.value,
    statusBarText: () => statusBar.actionItems.text,
    draftStatusText: () => statusBar.draftText(),
    languageClient: () => client.current,
  };
}

export async function deactivate(): Promise<void> {
  await lsp?.dispose();
  lsp = undefined;
}

/** Shows a failed command's error to the user, and still rejects so a caller (a test, a keybinding) sees it. */
async function reportErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
