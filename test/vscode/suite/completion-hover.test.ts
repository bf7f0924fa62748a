import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findingsOf, open } from '../helpers';

const path = 'postmortems/2024-02-08-queue-backlog.md';

function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document.getText().split(/\r?\n/).findIndex((candidate) => candidate.includes(text));
  assert.ok(line >= 0, `no line with ${text}`);
  return line;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

suite('Completion and hover', () => {
  test('completion after the severity label offers the severities', async () => {
    const { document } = await open(path);
    await findingsOf(document.uri, 'timeline-order');
    const position = new vscode.Position(lineOf(document, '**Severity**:'), '**Severity**: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const severity of ['SEV-1', 'SEV-2', 'SEV-3']) assert.ok(labels.includes(severity), `${severity} missing from ${labels.slice(0, 20).join(', ')}`);
  });

  test('hovering a finding explains its rule', async () => {
    const { document } = await open(path);
    const [finding] = await findingsOf(document.uri, 'blameful-language');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, finding.range.start);
    assert.match(hoverText(hovers), /\*\*blameful-language\*\*/);
  });

  test('hovering an action item tells where it stands', async () => {
    const { document } = await open(path);
    await findingsOf(document.uri, 'action-item-owner');
    const line = lineOf(document, 'Alert on queue age');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 10));
    assert.match(hoverText(hovers), /Owner: @bob[\s\S]*Due: 2024-03-01 \(\d+ days overdue/);
  });

  test('typing a word at a line start of a postmortem lists the snippets of that word, without Ctrl+Space', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Postmortem: Disk filled\n\n## Action items\n\naction' });
    await vscode.window.showTextDocument(document);
    await findingsOf(document.uri, 'missing-section');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(4, 6), 'n');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('action-item'), labels.join(', '));
  });

  test('the Outline is one tree: each heading once, from the Markdown support, and no copy from the extension', async () => {
    const { document } = await open(path);
    await findingsOf(document.uri, 'timeline-order');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names: string[] = [];
    const walk = (list: readonly vscode.DocumentSymbol[]) => list.forEach((symbol) => (names.push(symbol.name), walk(symbol.children)));
    walk(symbols);
    const headings = document.getText().split(/\r?\n/).filter((line) => /^#{1,6} /.test(line));
    assert.ok(headings.length > 2);
    for (const heading of headings) assert.equal(names.filter((name) => name === heading || name === heading.replace(/^#+ /, '')).length, 1, `${heading} in ${names.join(' | ')}`);
  });
});
