// LSP protocol tests: the bundled server as a child process, driven as an editor drives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  CodeLensRequest,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  FileChangeType,
  LSPErrorCodes,
  CancellationTokenSource,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { actionItemsChangedNotification, actionItemsRequest, draftProgressRequest, markActionItemDoneRequest, rebuildIndexRequest, severityLevelsRequest, workspaceMetricsRequest } from '../../server/src/protocol';
import { URI } from 'vscode-uri';
import { repoRoot } from '../helpers';
import { startServer, within, type TestServer } from './harness';

const postmortem = [
  '# Postmortem: Checkout latency',
  '',
  '**Date**: 2024-03-12',
  '**Severity**: SEV-3',
  '',
  '## Summary',
  '',
  'Checkout was slow for 20 minutes. Bob deployed broken code.',
  '',
  '## Timeline',
  '',
  '- 14:00 Latency alert fires',
  '- 14:10 Rollback finished',
  '- 14:05 Alice acknowledges the page',
  '',
  '## Action items',
  '',
  '- [ ] [P1] Add a canary stage',
  '- [ ] [P2] Load test checkout (Owner: @carol, Due: 2099-01-01)',
  '',
].join('\n');

let workspace: string;
let uri: string;

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pm-lsp-'));
  mkdirSync(join(workspace, 'postmortems'));
  writeFileSync(join(workspace, 'postmortems', 'checkout.md'), postmortem);
  writeFileSync(join(workspace, 'postmortems', 'other.md'), '# Postmortem: Other\n\n## Action items\n\n- [ ] [P1] Rotate keys (Owner: @dave, Due: 2099-02-01)\n');
  writeFileSync(join(workspace, 'README.md'), '# Team\n\nTODO\n');
  uri = `file://${join(workspace, 'postmortems', 'checkout.md')}`;
});

after(() => rmSync(workspace, { recursive: true, force: true }));

async function withServer(options: { pull?: boolean; settings?: Record<string, unknown>; snippetEdits?: boolean }, body: (server: TestServer) => Promise<void>) {
  const server = await startServer({ workspace, ...options });
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort();

function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | null | undefined, target: string): string {
  const edits: TextEdit[] = edit?.changes?.[target] ?? [];
  return TextDocument.applyEdits(TextDocument.create(target, 'markdown', 1, text), edits);
}

test('published diagnostics carry rule codes, links, related information and fixes', async () => {
  await withServer({}, async (server) => {
    const published = server.nextDiagnostics(uri, 1);
    await server.open(uri, postmortem);
    const { diagnostics } = await published;
    assert.deepEqual(codes(diagnostics), [
      '0:missing-recommended-section',
      '0:missing-recommended-section',
      '0:missing-recommended-section',
      '0:missing-recommended-section',
      '0:missing-section',
      '0:missing-section',
      '13:timeline-order',
      '17:action-item-due',
      '17:action-item-owner',
      '18:action-item-due-window',
      '7:blameful-language',
    ]);
    const order = diagnostics.find((d) => d.code === 'timeline-order');
    assert.equal(order?.codeDescription?.href, URI.file(join(repoRoot, 'docs', 'rules', 'timeline-order.md')).toString(), 'the page shipped with the extension');
    assert.equal(order?.relatedInformation?.[0].location.range.start.line, 12);
    assert.equal(order?.source, 'postmortem');
  });
});

test('an edit re-publishes diagnostics for the new version (incremental sync)', async () => {
  await withServer({}, async (server) => {
    await server.open(uri, postmortem);
    const second = server.nextDiagnostics(uri, 2);
    // Swap the two out-of-order times: 14:10 -> 14:05 and 14:05 -> 14:10.
    await server.change(uri, 2, [
      { range: { start: { line: 12, character: 2 }, end: { line: 12, character: 7 } }, text: '14:05' },
      { range: { start: { line: 13, character: 2 }, end: { line: 13, character: 7 } }, text: '14:10' },
    ]);
    const { diagnostics, version } = await second;
    assert.equal(version, 2);
    assert.equal(diagnostics.some((d) => d.code === 'timeline-order'), false);
  });
});

test('pull diagnostics answer document/diagnostic; a README gets none', async () => {
  await withServer({ pull: true }, async (server) => {
    await server.open(uri, postmortem);
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.equal(report.kind === 'full' && report.items.some((d) => d.code === 'missing-section'), true);
    const readme = `file://${join(workspace, 'README.md')}`;
    await server.open(readme, '# Team\n\nTODO\n');
    const none = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: readme } });
    assert.deepEqual(none.kind === 'full' ? none.items : undefined, []);
  });
});

test('the draft progress request answers how far a draft is from done, and null for a README', async () => {
  await withServer({}, async (server) => {
    const draftUri = `file://${join(workspace, 'postmortems', 'draft.md')}`;
    const draft = '# Postmortem: Login errors\n\n**Status**: Draft\n\n## Summary\n\nLogins failed for a quarter of users after a certificate rotation.\n\n## Timeline\n\n- HH:MM TODO: first alert\n\n## Action items\n\nTODO: one task per change.\n';
    await server.open(draftUri, draft);
    assert.deepEqual(await server.connection.sendRequest(draftProgressRequest, { textDocument: { uri: draftUri } }), { draft: true, sections: 3, sectionsWritten: 1, templateLines: 2, textLines: 4 });
    await server.open(uri, postmortem);
    assert.equal((await server.connection.sendRequest(draftProgressRequest, { textDocument: { uri } }))?.draft, false);
    const readme = `file://${join(workspace, 'README.md')}`;
    await server.open(readme, '# Team\n\nTODO\n');
    assert.equal(await server.connection.sendRequest(draftProgressRequest, { textDocument: { uri: readme } }), null);
  });
});

test('quick fixes apply: sort the timeline, insert a missing section, rewrite blame, fix all', async () => {
  await withServer({}, async (server) => {
    const published = server.nextDiagnostics(uri, 1);
    await server.open(uri, postmortem);
    const { diagnostics } = await published;
    const order = diagnostics.find((d) => d.code === 'timeline-order') as Diagnostic;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: order.range, context: { diagnostics: [order] } })) as CodeAction[];
    const sort = actions.find((a) => a.kind === 'quickfix' && a.title === 'Sort the timeline by time');
    assert.ok(sort, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(sort.isPreferred, true);
    assert.equal(actions.some((a) => a.kind === 'source.fixAll.postmortem'), false, 'fix-all only when asked for');
    const sorted = applyWorkspaceEdit(postmortem, sort.edit, uri);
    assert.ok(sorted.includes('- 14:00 Latency alert fires\n- 14:05 Alice acknowledges the page\n- 14:10 Rollback finished\n'));

    const blame = diagnostics.find((d) => d.code === 'blameful-language') as Diagnostic;
    const rewrites = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: blame.range, context: { diagnostics: [blame] } })) as CodeAction[];
    assert.ok(rewrites.length >= 1);
    const rewritten = applyWorkspaceEdit(postmortem, rewrites[0].edit, uri);
    assert.ok(!rewritten.includes('Bob deployed broken code'));
    assert.ok(rewritten.includes('Checkout was slow for 20 minutes.'));

    const all = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.postmortem'] },
    })) as CodeAction[];
    assert.equal(all.length, 1);
    const fixed = applyWorkspaceEdit(postmortem, all[0].edit, uri);
    for (const heading of ['## Impact', '## Root cause', '## Contributing factors', '## Lessons learned']) assert.ok(fixed.includes(heading), heading);
    assert.ok(fixed.includes('- 14:00 Latency alert fires\n- 14:05 Alice acknowledges the page\n- 14:10 Rollback finished'));
  });
});

test('at a finding, the quick fixes also offer fix-all as the client command and disabling the rule; disabling for the line removes the finding', async () => {
  await withServer({}, async (server) => {
    const published = server.nextDiagnostics(uri, 1);
    await server.open(uri, postmortem);
    const order = (await published).diagnostics.find((d) => d.code === 'timeline-order') as Diagnostic;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: order.range, context: { diagnostics: [order] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Sort the timeline by time', 'Fix all auto-fixable problems', 'Disable timeline-order for this line', 'Disable timeline-order for this file']);
    assert.deepEqual(actions[1].command, { title: 'Fix all auto-fixable problems', command: 'postmortem.fixAll', arguments: [uri] });

    const disabled = applyWorkspaceEdit(postmortem, actions[2].edit, uri);
    const republished = server.nextDiagnostics(uri, 2);
    await server.change(uri, 2, [{ text: disabled }]);
    assert.equal((await republished).diagnostics.some((d) => d.code === 'timeline-order'), false);
  });
});

test('a placeholder fix goes as a snippet edit to a client that applies them, as plain text to one that does not', async () => {
  const ownerFix = async (snippetEdits: boolean) => {
    let edit: WorkspaceEdit | undefined;
    await withServer({ snippetEdits }, async (server) => {
      const published = server.nextDiagnostics(uri, 1);
      await server.open(uri, postmortem);
      const owner = (await published).diagnostics.find((d) => d.code === 'action-item-owner' && d.range.start.line === 17) as Diagnostic;
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: owner.range, context: { diagnostics: [owner], only: ['quickfix'] } })) as CodeAction[];
      const placeholder = actions.find((a) => a.title === 'Add an owner placeholder');
      assert.ok(placeholder?.edit, JSON.stringify(actions.map((a) => a.title)));
      edit = placeholder.edit;
    });
    return edit;
  };
  const end = { line: 17, character: '- [ ] [P1] Add a canary stage'.length };
  assert.deepEqual(await ownerFix(true), {
    documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: { start: end, end }, snippet: { kind: 'snippet', value: ' (Owner: ${1:[Owner]})' } }] }],
  });
  assert.deepEqual(await ownerFix(false), { changes: { [uri]: [{ range: { start: end, end }, newText: ' (Owner: [Owner])' }] } });
});

test('a letter typed at a line start brings the snippets of its word in a postmortem, and nothing in other Markdown or mid-sentence', async () => {
  await withServer({}, async (server) => {
    const readme = `file://${join(workspace, 'README.md')}`;
    await server.open(readme, '# Team\n\naction');
    await server.open(uri, postmortem + 'action');
    const typed = (target: string, line: number, character: number, letter: string) =>
      server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: target }, position: { line, character }, context: { triggerKind: 2, triggerCharacter: letter } }) as Promise<CompletionItem[]>;
    assert.deepEqual((await typed(uri, 19, 6, 'n')).map((item) => item.label), ['action-item', 'action-items']);
    assert.deepEqual(await typed(readme, 2, 6, 'n'), []);
    assert.deepEqual(await typed(uri, 7, 10, 'k'), []);
  });
});

test('completion, hover, symbols, folding, inlay hints and code lens answer', async () => {
  await withServer({}, async (server) => {
    await server.indexed;
    // An owner being typed on the last line (19), after the document's final line break.
    const typing = postmortem + '- [ ] Fix retries (Owner: @';
    await server.open(uri, typing);
    const completion = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 19, character: 27 } })) as CompletionItem[];
    assert.deepEqual(completion.map((item) => item.label), ['@carol', '@dave']);

    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 13, character: 3 } });
    const hoverText = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(hoverText, /\*\*timeline-order\*\*/);
    assert.match(hoverText, /Since the incident started: 5m/);

    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => [symbol.name, (symbol.children ?? []).map((child) => child.name)]), [['Postmortem: Checkout latency', ['Summary', 'Timeline', 'Action items']]]);
    const timeline = symbols[0].children?.find((child) => child.name === 'Timeline');
    assert.equal(timeline?.children?.length, 3);

    const folding = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(folding?.map((range) => [range.startLine, range.endLine]), [[0, 19], [5, 7], [9, 13], [15, 19]]);

    const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints?.map((hint) => [hint.position.line, hint.label]), [[11, 'start'], [12, '+10m'], [13, '+5m']]);

    const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.deepEqual(lenses?.map((lens) => lens.command?.title), ['Detect 0m · Mitigate 10m · Resolve 10m', '3 open action items']);
  });
});

test('a request answered after its document changed gets ContentModified; a cancelled one RequestCancelled', async () => {
  await withServer({}, async (server) => {
    const fresh = `file://${join(workspace, 'postmortems', 'fresh.md')}`;
    await server.open(fresh, postmortem);
    // The server first asks the client for this document's settings; the edit arrives meanwhile.
    const hover = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fresh }, position: { line: 13, character: 3 } });
    await server.change(fresh, 2, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Draft ' }]);
    await assert.rejects(hover, (error: { code?: number }) => error.code === LSPErrorCodes.ContentModified);

    const source = new CancellationTokenSource();
    const other = `file://${join(workspace, 'postmortems', 'other-fresh.md')}`;
    await server.open(other, postmortem);
    const symbols = server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } }, source.token);
    source.cancel();
    await assert.rejects(symbols, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);

    // The server still answers afterwards.
    const again = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } });
    assert.equal((again as DocumentSymbol[]).length, 1);
  });
});

test('settings turn inlay hints off and change rule severities', async () => {
  await withServer({ settings: { inlayHints: false, rules: { 'timeline-order': 'error' } } }, async (server) => {
    const published = server.nextDiagnostics(uri, 1);
    await server.open(uri, postmortem);
    const { diagnostics } = await published;
    assert.equal(diagnostics.find((d) => d.code === 'timeline-order')?.severity, 1);
    const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints, []);

    server.settings = { rules: { 'timeline-order': 'off' } };
    const withoutTimelineOrder = server.nextDiagnostics(uri, 1, (params) => !params.diagnostics.some((d) => d.code === 'timeline-order'));
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const again = await within(30, 'diagnostics without timeline-order after the settings change', withoutTimelineOrder);
    assert.ok(again.diagnostics.length > 0, 'the other findings stay');
  });
});

test('the workspace index lists action items, marks one done, and follows watched-file changes', async () => {
  await withServer({}, async (server) => {
    await server.indexed;
    const listed = await server.connection.sendRequest(actionItemsRequest, {});
    assert.deepEqual(listed.items.map((item) => item.description).sort(), ['Add a canary stage', 'Load test checkout', 'Rotate keys']);

    const done = await server.connection.sendRequest(markActionItemDoneRequest, { uri, line: 17 });
    assert.equal(applyWorkspaceEdit(postmortem, done, uri).split('\n')[17], '- [x] [P1] Add a canary stage');

    const other = join(workspace, 'postmortems', 'other.md');
    writeFileSync(other, '# Postmortem: Other\n\n## Action items\n\n- [x] [P1] Rotate keys (Owner: @dave, Due: 2099-02-01)\n');
    const changed = new Promise<void>((resolve) => server.connection.onNotification(actionItemsChangedNotification, () => resolve()));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${other}`, type: FileChangeType.Changed }] });
    await changed;
    const after = await server.connection.sendRequest(actionItemsRequest, {});
    assert.deepEqual(after.items.map((item) => item.description).sort(), ['Add a canary stage', 'Load test checkout']);

    const metrics = await server.connection.sendRequest(workspaceMetricsRequest);
    assert.equal(metrics.postmortems, 2);
    assert.equal(metrics.openActionItems, 2);
  });
});

test('the server sends the facts the view shows, filters by owner as the CLI does, and names the severity scale', async () => {
  await withServer({}, async (server) => {
    await server.indexed;
    const { items, today } = await server.connection.sendRequest(actionItemsRequest, { owner: '@CAROL' });
    assert.deepEqual(items.map((item) => [item.description, item.owners, item.overdue, item.dueWindow]), [['Load test checkout', ['@carol'], false, 'later']]);
    const daysLeft = Math.round((Date.parse('2099-01-01') - Date.parse(today)) / 86_400_000);
    assert.equal(items[0].daysUntilDue, daysLeft);
    assert.deepEqual((await server.connection.sendRequest(actionItemsRequest, { owner: 'caro' })).items, []);
    const undated = (await server.connection.sendRequest(actionItemsRequest, {})).items.find((item) => item.description === 'Add a canary stage');
    assert.deepEqual([undated?.owners, undated?.daysUntilDue, undated?.dueWindow], [[], undefined, 'noDate']);
    const levels = await server.connection.sendRequest(severityLevelsRequest);
    assert.deepEqual(levels.map((level) => level.label), ['SEV-1', 'SEV-2', 'SEV-3']);
  });
});

test('a broken config file is reported on that file, and defaults apply', async () => {
  const config = join(workspace, '.postmortemrc.yaml');
  writeFileSync(config, 'rules:\n  timeline-order: loud\n');
  try {
    await withServer({}, async (server) => {
      const configDiagnostics = server.nextDiagnostics(`file://${config}`);
      const published = server.nextDiagnostics(uri, 1);
      await server.open(uri, postmortem);
      const reported = await configDiagnostics;
      assert.equal(reported.diagnostics[0].range.start.line, 1);
      assert.match(messageOf(reported.diagnostics[0]), /timeline-order/);
      assert.ok((await published).diagnostics.some((d) => d.code === 'timeline-order'));

      // Fixing the file clears its diagnostics and applies its rules to the open documents.
      writeFileSync(config, 'rules:\n  timeline-order: off\n');
      const cleared = server.nextDiagnostics(`file://${config}`);
      const republished = server.nextDiagnostics(uri, 1, (params) => !params.diagnostics.some((d) => d.code === 'timeline-order'));
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${config}`, type: FileChangeType.Changed }] });
      assert.deepEqual((await within(30, 'the config file cleared', cleared)).diagnostics, []);
      assert.ok((await within(30, 'diagnostics without timeline-order after the config fix', republished)).diagnostics.length > 0, 'the other findings stay');
    });
  } finally {
    rmSync(config);
  }
});

test('a document over the size limit gets one diagnostic saying why it is skipped, and the index leaves it out', async () => {
  // checkout.md is over 300 bytes on disk; other.md is under.
  await withServer({ settings: { maxFileSize: 300 } }, async (server) => {
    const published = server.nextDiagnostics(uri, 1);
    await server.open(uri, postmortem + 'x'.repeat(2000));
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    assert.match(messageOf(diagnostics[0]), /is 2\.\d KB, over the 300 bytes limit \(setting postmortem\.maxFileSize\)/);
    await server.indexed;
    const listed = await server.connection.sendRequest(actionItemsRequest, { includeDone: true });
    assert.deepEqual(listed.items.map((item) => item.description), ['Rotate keys']);
  });
});

test('a deleted folder leaves the index: from its watched event, or from the rebuild request when no event came', async () => {
  const watched = join(workspace, 'postmortems', 'archive-watched');
  const unwatched = join(workspace, 'postmortems', 'archive-unwatched');
  mkdirSync(watched);
  mkdirSync(unwatched);
  writeFileSync(join(watched, 'disk.md'), '# Postmortem: Disk full\n\n## Action items\n\n- [ ] [P1] Rotate logs (Owner: @erin, Due: 2099-03-01)\n');
  writeFileSync(join(unwatched, 'tls.md'), '# Postmortem: Expired certificate\n\n## Action items\n\n- [ ] [P0] Renew certificates automatically (Owner: @farid, Due: 2099-04-01)\n');
  const descriptions = async (server: TestServer) => (await server.connection.sendRequest(actionItemsRequest, { includeDone: true })).items.map((item) => item.description).sort();
  try {
    await withServer({}, async (server) => {
      await server.indexed;
      assert.deepEqual(await descriptions(server), ['Add a canary stage', 'Load test checkout', 'Renew certificates automatically', 'Rotate keys', 'Rotate logs']);

      rmSync(watched, { recursive: true });
      const changed = new Promise<void>((resolve) => server.connection.onNotification(actionItemsChangedNotification, () => resolve()));
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${watched}`, type: FileChangeType.Deleted }] });
      await changed;
      assert.deepEqual(await descriptions(server), ['Add a canary stage', 'Load test checkout', 'Renew certificates automatically', 'Rotate keys']);

      rmSync(unwatched, { recursive: true });
      await server.connection.sendRequest(rebuildIndexRequest);
      assert.deepEqual(await descriptions(server), ['Add a canary stage', 'Load test checkout', 'Rotate keys']);
    });
  } finally {
    rmSync(watched, { recursive: true, force: true });
    rmSync(unwatched, { recursive: true, force: true });
  }
});

test('deleting a folder with its config file applies the defaults again to the documents that used it, and clears its diagnostics', async () => {
  const team = join(workspace, 'postmortems', 'team-quiet');
  mkdirSync(team);
  const config = join(team, '.postmortemrc.yaml');
  writeFileSync(config, 'rules:\n  timeline-order: off\n  blameful-language: loud\n');
  const inside = URI.file(join(team, 'inside.md')).toString();
  const unordered = '# Postmortem: Queue backlog\n\n## Timeline\n\n- 10:30 Alert fires\n- 10:05 Deploy starts\n';
  try {
    await withServer({}, async (server) => {
      const configDiagnostics = server.nextDiagnostics(`file://${config}`);
      const first = server.nextDiagnostics(inside, 1);
      await server.open(inside, unordered);
      assert.equal((await first).diagnostics.some((d) => d.code === 'timeline-order'), false);
      assert.match(messageOf((await configDiagnostics).diagnostics[0]), /blameful-language/);

      // The editor reports the folder deleted, not the config file inside it.
      rmSync(team, { recursive: true });
      const cleared = server.nextDiagnostics(`file://${config}`);
      const republished = server.nextDiagnostics(inside, 1);
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(team).toString(), type: FileChangeType.Deleted }] });
      assert.deepEqual((await within(20, 'the config file cleared', cleared)).diagnostics, []);
      assert.ok((await within(20, 'the document analysed with the defaults', republished)).diagnostics.some((d) => d.code === 'timeline-order'));
    });
  } finally {
    rmSync(team, { recursive: true, force: true });
  }
});
