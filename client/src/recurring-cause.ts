// The recurring-cause lens's command: a quick pick of the earlier postmortems that share the document's cause;
// the chosen one opens at its root cause.
import * as vscode from 'vscode';
import { showRecurringCauseCommand, type RecurringCauseGroup } from '../../server/src/protocol';

export function registerRecurringCauseCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(showRecurringCauseCommand, (group?: unknown) => showRecurringCause(group)));
}

/** Resolves to the URI of the postmortem opened, or undefined when none was chosen. */
async function showRecurringCause(argument: unknown): Promise<string | undefined> {
  const group = isRecurringCauseGroup(argument) ? argument : await groupOfActiveEditor();
  if (!group) {
    void vscode.window.showInformationMessage('No earlier postmortem of this workspace shares the root cause of this document.');
    return undefined;
  }
  const picks = group.postmortems.map((postmortem) => ({ label: postmortem.label, description: vscode.workspace.asRelativePath(vscode.Uri.parse(postmortem.uri)), postmortem }));
  const chosen = await vscode.window.showQuickPick(picks, { title: group.title, placeHolder: 'Open a postmortem with the same cause', matchOnDescription: true });
  if (!chosen) return undefined;
  const position = new vscode.Position(chosen.postmortem.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(chosen.postmortem.uri), { selection: new vscode.Range(position, position) });
  return chosen.postmortem.uri;
}

/** From the palette: the group the server's lens gives for the active document. */
async function groupOfActiveEditor(): Promise<RecurringCauseGroup | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', uri);
  const argument: unknown = lenses?.find((lens) => lens.command?.command === showRecurringCauseCommand)?.command?.arguments?.[0];
  return isRecurringCauseGroup(argument) ? argument : undefined;
}

/** The lens's argument comes back through VS Code as it was sent, but nothing enforces its shape. */
function isRecurringCauseGroup(value: unknown): value is RecurringCauseGroup {
  if (typeof value !== 'object' || value === null) return false;
  const { title, postmortems } = value as Partial<RecurringCauseGroup>;
  return typeof title === 'string' && Array.isArray(postmortems) && postmortems.every((postmortem) => typeof postmortem?.uri === 'string' && typeof postmortem.line === 'number' && typeof postmortem.label === 'string');
}
