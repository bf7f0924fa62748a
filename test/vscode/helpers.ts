// What the in-editor tests share: the fixture workspace, the extension's API, and waiting on events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../client/src/api';

export const extensionId = 'postmortem-tools.postmortem-language-support';

/** A file of the fixture workspace (a fresh copy per run), by its path there. */
export function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

export async function open(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(path)));
}

/** The extension's API; activating it is the caller's business (opening a postmortem does). */
export async function extensionApi(): Promise<PostmortemExtensionApi> {
  const extension = vscode.extensions.getExtension<PostmortemExtensionApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  return extension.activate();
}

/** The rule id of a diagnostic, which the client receives as `{ value, target }` because it has a docs link. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postmortem');
}

interface WaitOptions<T> {
  /** Checked now and each time this fires; without an event the check is polled, for conditions nothing announces. */
  event?: vscode.Event<unknown>;
  /** The awaited value, or undefined while it is not there yet. */
  check: () => T | undefined | Promise<T | undefined>;
  /** What is awaited, for the timeout's message; a function to show the state at that moment. */
  what: string | (() => string);
  timeout?: number;
}

export function waitFor<T>({ event, check, what, timeout = 20_000 }: WaitOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let checking = false;
    let again = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      listener?.dispose();
      settle();
    };
    // Checks never overlap; an event during a check asks for one more.
    const attempt = async () => {
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      try {
        do {
          again = false;
          const value = await check();
          if (value !== undefined) return finish(() => resolve(value));
        } while (again && !done);
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      } finally {
        checking = false;
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeout} ms waiting for ${typeof what === 'string' ? what : what()}`))), timeout);
    const listener = event?.(() => void attempt());
    const poll = event ? undefined : setInterval(() => void attempt(), 100);
    void attempt();
  });
}

/** The document's postmortem diagnostics once `check` accepts them (returns something other than undefined). */
export function diagnosticsWhere<T>(uri: vscode.Uri, check: (diagnostics: vscode.Diagnostic[]) => T | undefined, what: string): Promise<T> {
  return waitFor({
    event: vscode.languages.onDidChangeDiagnostics,
    check: () => check(postmortemDiagnostics(uri)),
    what: () => `${what} in ${vscode.workspace.asRelativePath(uri)}; it has: ${postmortemDiagnostics(uri).map(ruleOf).join(', ') || 'none'}`,
  });
}

/** The diagnostics of one rule, once there is at least one. */
export function findingsOf(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhere(uri, (diagnostics) => {
    const found = diagnostics.filter((diagnostic) => ruleOf(diagnostic) === rule);
    return found.length > 0 ? found : undefined;
  }, rule);
}

/** Resolves once none of the rules has a diagnostic left. */
export function findingsGone(uri: vscode.Uri, rules: readonly string[]): Promise<true> {
  return diagnosticsWhere(uri, (diagnostics) => (diagnostics.some((diagnostic) => rules.includes(String(ruleOf(diagnostic)))) ? undefined : true), `no ${rules.join(', ')}`);
}

export function isCodeAction(action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction {
  return typeof action.command !== 'string';
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
  return actions.filter(isCodeAction);
}

/**
 * The quick fix of a rule's finding whose title `wanted` accepts. Quick fixes travel with the
 * diagnostics VS Code holds, which a re-pull replaces, so the request is repeated until one comes.
 */
export function quickFixOf(uri: vscode.Uri, rule: string, wanted: (title: string) => boolean): Promise<{ finding: vscode.Diagnostic; fix: vscode.CodeAction }> {
  let titles: string[] = [];
  return waitFor({
    check: async () => {
      const [finding] = postmortemDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === rule);
      if (!finding) return undefined;
      const actions = await codeActions(uri, finding.range, vscode.CodeActionKind.QuickFix);
      titles = actions.map((action) => action.title);
      const fix = actions.find((action) => wanted(action.title) && action.edit);
      return fix && { finding, fix };
    },
    what: () => `a quick fix for ${rule}; the titles offered were: ${titles.join(', ') || 'none'}`,
  });
}

/** The label of a tree item as text. */
export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}
