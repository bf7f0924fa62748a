// The workspace's open and overdue action items in the status bar; a click shows the view.
import * as vscode from 'vscode';
import type { ActionItemsProvider } from './action-items/tree';

export function registerStatusBar(context: vscode.ExtensionContext, provider: ActionItemsProvider): vscode.StatusBarItem {
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
  return item;
}

export function statusText(open: number, overdue: number): string {
  return overdue > 0 ? `$(checklist) ${open} open, $(warning) ${overdue} overdue` : `$(checklist) ${open} open`;
}
