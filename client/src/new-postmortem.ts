// "Postmortem: New Postmortem": asks for the incident's title, severity and date, creates the
// file where the settings say, and fills it from the template.
import * as vscode from 'vscode';
import type { SeverityLevel } from '../../server/src/protocol';
import type { NewPostmortemArgs } from './api';
import { firstFreePath, isIsoDate, localIsoDate, postmortemPath, type PostmortemFields } from './file-naming';
import { escapeSnippetText, fillSnippet, fillTeamTemplate, snippetBody, templateSnippetName } from './template';

/**
 * Resolves to the new document's URI, or undefined when the user cancelled. The severities to pick from are the
 * server's scale, so the picker offers what the severity rule accepts.
 */
export async function newPostmortem(extensionUri: vscode.Uri, args: unknown, severityLevels: () => Promise<SeverityLevel[]>): Promise<vscode.Uri | undefined> {
  const fields = args === undefined ? await askFields(severityLevels) : checkedFields(args);
  if (!fields) return undefined;
  const folder = await targetFolder(args === undefined);
  const snippet = await template(extensionUri, folder, fields);
  if (!folder) {
    // No folder to create the file in: an untitled document the user saves where they like.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
    await insert(document, snippet);
    return document.uri;
  }
  const settings = vscode.workspace.getConfiguration('postmortem', folder.uri);
  const path = postmortemPath(settings.get<string>('newPostmortem.folder', 'postmortems/${year}'), settings.get<string>('newPostmortem.fileName', '${date}-${slug}.md'), fields);
  const free = await firstFreePath(path, (candidate) => exists(vscode.Uri.joinPath(folder.uri, candidate)));
  const uri = vscode.Uri.joinPath(folder.uri, free);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  await insert(await vscode.workspace.openTextDocument(uri), snippet);
  return uri;
}

async function insert(document: vscode.TextDocument, snippet: vscode.SnippetString): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
}

async function askFields(severityLevels: () => Promise<SeverityLevel[]>): Promise<PostmortemFields | undefined> {
  const title = await vscode.window.showInputBox({
    title: 'New Postmortem (1/3)',
    prompt: 'What happened, in a few words',
    placeHolder: 'Database connection pool exhausted',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter a title for the incident'),
  });
  if (title === undefined) return undefined;
  const severities = (await severityLevels()).map((level): vscode.QuickPickItem => ({ label: level.label, description: level.meaning }));
  const severity = await vscode.window.showQuickPick(severities, { title: 'New Postmortem (2/3)', placeHolder: 'Severity of the incident', ignoreFocusOut: true });
  if (!severity) return undefined;
  const date = await vscode.window.showInputBox({
    title: 'New Postmortem (3/3)',
    prompt: 'Date of the incident (YYYY-MM-DD)',
    value: localIsoDate(new Date()),
    ignoreFocusOut: true,
    validateInput: (value) => (isIsoDate(value.trim()) ? undefined : 'Enter a date as YYYY-MM-DD, for example 2024-01-15'),
  });
  if (date === undefined) return undefined;
  return { title: title.trim(), severity: severity.label, date: date.trim() };
}

function checkedFields(args: unknown): PostmortemFields {
  const { title, severity, date } = (typeof args === 'object' && args !== null ? args : {}) as Partial<Record<keyof NewPostmortemArgs, unknown>>;
  if (typeof title !== 'string' || !title.trim() || typeof severity !== 'string' || typeof date !== 'string' || !isIsoDate(date)) {
    throw new Error('postmortem.newPostmortem expects { title: string; severity: string; date: "YYYY-MM-DD" }.');
  }
  return { title: title.trim(), severity, date };
}

/** The folder of the active editor, else the only folder; with several, the user picks one (or the first, when not asked). */
async function targetFolder(ask: boolean): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const owning = active && vscode.workspace.getWorkspaceFolder(active);
  if (owning) return owning;
  if (folders.length > 1 && ask) return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new postmortem' });
  return folders[0];
}

/** The team's template when the settings name one, else the built-in snippet. */
async function template(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder | undefined, fields: PostmortemFields): Promise<vscode.SnippetString> {
  const teamFile = vscode.workspace.getConfiguration('postmortem', folder?.uri).get<string>('newPostmortem.templateFile')?.trim();
  if (teamFile && folder) {
    const uri = vscode.Uri.joinPath(folder.uri, teamFile);
    const text = await readText(uri);
    if (text !== undefined) return new vscode.SnippetString(escapeSnippetText(fillTeamTemplate(text, fields)));
    void vscode.window.showWarningMessage(`The template file "${teamFile}" (postmortem.newPostmortem.templateFile) was not found; the built-in template is used.`);
  }
  const snippets = vscode.Uri.joinPath(extensionUri, 'snippets', 'postmortem.code-snippets');
  const body = snippetBody(JSON.parse((await readText(snippets)) ?? 'null'), templateSnippetName);
  if (body === undefined) throw new Error(`The built-in template (snippet "${templateSnippetName}") is missing from ${snippets.path}.`);
  return new vscode.SnippetString(fillSnippet(body, fields));
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
