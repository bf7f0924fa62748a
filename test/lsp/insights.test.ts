// LSP protocol tests for the findings that compare an open postmortem with the earlier ones of its workspace:
// recurring-cause with links, its hover and code lens, and repeated-action-item.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeLensRequest, DidChangeWatchedFilesNotification, DocumentDiagnosticRequest, FileChangeType, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { actionItemsChangedNotification, showRecurringCauseCommand, type RecurringCauseGroup } from '../../server/src/protocol';
import { fixturePath } from '../helpers';
import { startServer, type TestServer } from './harness';

/** Open in the editor, not saved yet: a pool exhaustion like three postmortems of the workspace, one of them dated later. */
const inventory = [
  '# Postmortem: Inventory lookups failing',
  '',
  '**Date**: 2025-10-05',
  '**Severity**: SEV-2',
  '',
  '## Summary',
  '',
  'Inventory lookups failed for 30 minutes.',
  '',
  '## Root cause',
  '',
  'The inventory service exhausted its database connection pool: long transactions held every connection, and requests waited for one until they timed out.',
  '',
  '## Action items',
  '',
  '- [ ] Alert when the inventory database connection pool is more than 80% in use @dana Due: 2025-10-20',
  '- [ ] Write a runbook for the inventory service @li Due: 2025-11-01',
  '',
].join('\n');
const rootCauseLine = 9;

let workspace: string;
let folder: string;
let uri: string;
const uriOf = (name: string) => URI.file(join(folder, name)).toString();

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pm-lsp-insights-'));
  folder = join(workspace, 'postmortems');
  mkdirSync(folder);
  for (const name of readdirSync(fixturePath('workspace-rules'))) copyFileSync(fixturePath('workspace-rules', name), join(folder, name));
  uri = uriOf('2025-10-05-inventory.md');
});

after(() => rmSync(workspace, { recursive: true, force: true }));

async function withServer(body: (server: TestServer) => Promise<void>) {
  const server = await startServer({ workspace, pull: true });
  try {
    await server.indexed;
    await server.open(uri, inventory);
    await body(server);
  } finally {
    await server.stop();
  }
}

const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

async function diagnosticsOf(server: TestServer, code: string): Promise<Diagnostic[]> {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return report.kind === 'full' ? report.items.filter((diagnostic) => diagnostic.code === code) : [];
}

test('recurring-cause: an information finding on the Root cause heading, linking the earlier postmortems at their root cause', async () => {
  await withServer(async (server) => {
    const [finding, ...others] = await diagnosticsOf(server, 'recurring-cause');
    assert.equal(others.length, 0);
    assert.equal(finding.severity, 3, 'information');
    assert.deepEqual(finding.range, { start: { line: rootCauseLine, character: 0 }, end: { line: rootCauseLine, character: 13 } });
    assert.match(messageOf(finding), /^Also in 2 postmortems since 2025-02: /);
    assert.deepEqual(
      finding.relatedInformation?.map((related) => [related.location.uri, related.location.range.start.line, related.message]),
      [
        [uriOf('2025-02-03-orders-pool.md'), 9, 'Orders API timing out (2025-02-03)'],
        [uriOf('2025-04-17-checkout-connections.md'), 9, 'Checkout errors after the sale started (2025-04-17)'],
      ],
    );
  });
});

test('repeated-action-item: the item an earlier postmortem proposed, with where', async () => {
  await withServer(async (server) => {
    const repeated = await diagnosticsOf(server, 'repeated-action-item');
    assert.deepEqual(
      repeated.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message, diagnostic.relatedInformation?.map((related) => [related.location.uri, related.location.range.start.line])]),
      [[15, 'Proposed before in Orders API timing out (2025-02-03, done).', [[uriOf('2025-02-03-orders-pool.md'), 15]]]],
    );
  });
});

test('the hover on the Root cause heading lists the postmortems of the group as links to their lines', async () => {
  await withServer(async (server) => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: rootCauseLine, character: 5 } });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /\*\*recurring-cause\*\*/);
    assert.ok(text.includes(`- [Orders API timing out (2025-02-03)](${uriOf('2025-02-03-orders-pool.md')}#L10)`), text);
    assert.ok(text.includes(`- [Checkout errors after the sale started (2025-04-17)](${uriOf('2025-04-17-checkout-connections.md')}#L10)`), text);
    assert.ok(!text.includes('billing'), 'the later postmortem is not listed');
  });
});

test('a code lens on the Root cause heading opens the group; a new earlier postmortem on disk joins it', async () => {
  await withServer(async (server) => {
    const lensOf = async () => (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))?.find((lens) => lens.command?.command === showRecurringCauseCommand);
    const lens = await lensOf();
    assert.equal(lens?.command?.title, 'Recurring: 2 postmortems');
    assert.equal(lens?.range.start.line, rootCauseLine);
    const group = lens?.command?.arguments?.[0] as RecurringCauseGroup;
    assert.match(group.title, /^Also in 2 postmortems/);
    assert.deepEqual(group.postmortems, [
      { uri: uriOf('2025-02-03-orders-pool.md'), line: 9, label: 'Orders API timing out (2025-02-03)' },
      { uri: uriOf('2025-04-17-checkout-connections.md'), line: 9, label: 'Checkout errors after the sale started (2025-04-17)' },
    ]);

    const added = join(folder, '2025-09-01-search-pool.md');
    writeFileSync(added, ['# Postmortem: Search requests timing out', '', '**Date**: 2025-09-01', '', '## Root cause', '', 'The search service used up every connection of its database pool; queued requests waited for a free connection and timed out.', ''].join('\n'));
    const changed = new Promise<void>((resolve) => server.connection.onNotification(actionItemsChangedNotification, () => resolve()));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(added).toString(), type: FileChangeType.Created }] });
    await changed;
    assert.equal((await lensOf())?.command?.title, 'Recurring: 3 postmortems');
    const [finding] = await diagnosticsOf(server, 'recurring-cause');
    assert.match(messageOf(finding), /^Also in 3 postmortems since 2025-02/);
    rmSync(added);
  });
});

test('a postmortem alone in its workspace reports neither', async () => {
  const alone = mkdtempSync(join(tmpdir(), 'pm-lsp-alone-'));
  mkdirSync(join(alone, 'postmortems'));
  const path = join(alone, 'postmortems', 'inventory.md');
  writeFileSync(path, inventory);
  const server = await startServer({ workspace: alone, pull: true });
  try {
    await server.indexed;
    const only = URI.file(path).toString();
    await server.open(only, inventory);
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: only } });
    const codes = report.kind === 'full' ? report.items.map((diagnostic) => diagnostic.code) : [];
    assert.ok(codes.length > 0, 'the document is analysed');
    assert.ok(!codes.includes('recurring-cause') && !codes.includes('repeated-action-item'), codes.join(', '));
  } finally {
    await server.stop();
    rmSync(alone, { recursive: true, force: true });
  }
});
