// Commands the server's code actions and lenses name: fix all problems of a document, show a line of it.
import * as vscode from 'vscode';
import { fixAllCommand, fixAllKind, revealLineCommand } from '../../server/src/protocol';

export function registerEditorCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(fixAllCommand, (uri?: unknown) => fixAll(documentUri(uri))),
    vscode.commands.registerCommand(revealLineCommand, (uri?: unknown, line?: unknown) => revealLine(documentUri(uri), typeof line === 'number' ? line : 0)),
  );
}

/** The URI given by a code action or lens, else the active editor's document (from the palette). */
function documentUri(uri: unknown): vscode.Uri | undefined {
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
}

/** Applies the server's fix-all source action, the one "Source Action..." and `editor.codeActionsOnSave` run. Resolves to whether the document changed. */
async function fixAll(uri: vscode.Uri | undefined): Promise<boolean> {
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, whole, fixAllKind);
  const edit = actions?.find((action) => action.kind?.value === fixAllKind)?.edit;
  return edit !== undefined && (await vscode.workspace.applyEdit(edit));
}

async function revealLine(uri: vscode.Uri | undefined, line: number): Promise<void> {
  if (!uri) return;
  const editor = await vscode.window.showTextDocument(uri);
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}
