// A new postmortem reads as a checklist: one quiet finding per line of template text, the draft's progress on its
// title line and in the status bar, and real findings as loud as anywhere else.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewPostmortemArgs } from '../../../client/src/api';
import { diagnosticsWhere, extensionApi, findingsOf, ruleOf, waitFor } from '../helpers';

/** Lines a writer still has to fill in, found by what the template writes: prompts, time and value placeholders. */
const templateText = /\b(?:TODO|TBD|HH:MM)\b|\[Name\]/;

async function newDraft(title: string): Promise<vscode.TextEditor> {
  const args: NewPostmortemArgs = { title, severity: 'SEV-3', date: '2024-05-02' };
  const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', args);
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.uri.toString(), uri.toString());
  return editor;
}

/** The draft finding on the title line, once the document has one. */
function draftFinding(uri: vscode.Uri, progress: RegExp): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhere(uri, (found) => (found.some((diagnostic) => progress.test(diagnostic.message)) ? found : undefined), `a draft finding saying ${progress.source}`);
}

suite('Drafts', () => {
  test('a new postmortem from the template has one information finding per template line, and its progress on the title line and in the status bar', async () => {
    const { document } = await newDraft('Billing export stalls');
    const findings = await draftFinding(document.uri, /^Draft \(its status is draft\): 0 of 9 sections written; /);
    const lines = document.getText().split(/\r?\n/);
    const templateLines = lines.flatMap((line, index) => (templateText.test(line) ? [index] : []));
    assert.ok(templateLines.length >= 9, `the template has a prompt per section: ${templateLines.length}`);

    assert.deepEqual([...new Set(findings.map(ruleOf))], ['placeholder']);
    assert.ok(findings.every((finding) => finding.severity === vscode.DiagnosticSeverity.Information), 'every finding of a fresh draft is information');
    const [title, ...perLine] = findings.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(title.range.start.line, 0);
    assert.match(title.message, new RegExp(`; ${templateLines.length} of \\d+ lines are still template text\\.$`));
    assert.deepEqual(
      perLine.map((finding) => finding.range.start.line),
      templateLines,
      'one finding on each line of template text, and none elsewhere',
    );

    const api = await extensionApi();
    const shown = await waitFor({ check: () => api.draftStatusText(), what: 'the draft progress in the status bar' });
    assert.equal(shown, '$(edit) Draft: 0 of 9 sections written');
  });

  test('in a draft, a blaming sentence is still a warning, and a written section moves the progress', async () => {
    const editor = await newDraft('Certificate expiry on the login page');
    const { document } = editor;
    await draftFinding(document.uri, /0 of 9 sections written/);
    const summaryPrompt = document.getText().split(/\r?\n/).findIndex((line) => line.startsWith('TODO: what happened'));
    assert.ok(summaryPrompt > 0, 'the template has a summary prompt');
    await editor.edit((edit) => edit.replace(document.lineAt(summaryPrompt).range, 'Logins failed for an hour. Marta forgot to renew the certificate before it expired.'));

    const [blame] = await findingsOf(document.uri, 'blameful-language');
    assert.equal(blame.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(blame.range.start.line, summaryPrompt);
    const findings = await draftFinding(document.uri, /1 of 9 sections written/);
    assert.ok(findings.filter((finding) => ruleOf(finding) === 'placeholder').every((finding) => finding.severity === vscode.DiagnosticSeverity.Information));

    const api = await extensionApi();
    await waitFor({ check: () => (api.draftStatusText() === '$(edit) Draft: 1 of 9 sections written' ? true : undefined), what: () => `the status bar to count the summary; it shows ${api.draftStatusText()}` });
  });

  test('a finished postmortem shows no draft progress in the status bar', async () => {
    const draft = await newDraft('Queue consumer lag');
    const api = await extensionApi();
    await waitFor({ check: () => api.draftStatusText(), what: 'the draft progress in the status bar' });
    const content = '# Postmortem: Nightly backup failed\n\n**Date**: 2024-05-06\n\n## Summary\n\nThe nightly backup failed because its volume was full.\n';
    const finished = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(finished);
    await waitFor({ check: () => (api.draftStatusText() === undefined ? true : undefined), what: () => `no draft progress for a finished postmortem; it shows ${api.draftStatusText()}` });
    await vscode.window.showTextDocument(draft.document);
    await waitFor({ check: () => api.draftStatusText(), what: 'the draft progress again for the draft' });
  });
});
