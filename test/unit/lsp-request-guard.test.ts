import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  CancellationTokenSource,
  CompletionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
} from 'vscode-languageserver-protocol/node';
import { actionItemsRequest, workspaceMetricsRequest, type WorkspaceMetrics } from '../../server/src/protocol';
import { ConfigProblemReporter } from '../../server/src/lsp/config-problems';
import { ConfigResolver } from '../../server/src/lsp/configs';
import { DiagnosticsScheduler } from '../../server/src/lsp/diagnostics-scheduler';
import { DocumentStore } from '../../server/src/lsp/document-store';
import { registerHandlers } from '../../server/src/lsp/handlers';
import { RequestGuard } from '../../server/src/lsp/request-guard';
import { SettingsStore, WorkspaceFolders } from '../../server/src/lsp/settings';
import { WorkspaceRequests, type IndexedWorkspace } from '../../server/src/lsp/workspace-requests';

const uri = 'file:///w/postmortems/a.md';
const notCancelled: CancellationToken = new CancellationTokenSource().token;

function errorOf(answer: unknown): ResponseError<unknown> {
  assert.ok(answer instanceof ResponseError, `an error, not ${JSON.stringify(answer)}`);
  return answer;
}

test('a handler that throws answers InternalError, is logged once, and the next request is answered', async () => {
  const logged: string[] = [];
  const guard = new RequestGuard(() => undefined, (message) => logged.push(message));
  let calls = 0;
  const handler = guard.request('hover', () => {
    calls++;
    if (calls === 1) throw new Error('broken rule');
    return 'answer';
  });
  const failed = errorOf(await handler({ textDocument: { uri } }, notCancelled));
  assert.equal(failed.code, ErrorCodes.InternalError);
  assert.equal(failed.message, 'hover failed: broken rule');
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^hover failed: Error: broken rule/);
  assert.equal(await handler({ textDocument: { uri } }, notCancelled), 'answer');
  assert.equal(logged.length, 1);
});

test('cancellation answers RequestCancelled, and ServerCancelled with a retrigger for pulled diagnostics', async () => {
  const guard = new RequestGuard(() => 1, () => assert.fail('nothing is logged'));
  const source = new CancellationTokenSource();
  const request = guard.request('symbols', () => {
    source.cancel();
    return [];
  });
  assert.equal(errorOf(await request({ textDocument: { uri } }, source.token)).code, LSPErrorCodes.RequestCancelled);

  const cancelled = new CancellationTokenSource();
  cancelled.cancel();
  const pull = errorOf(await guard.pullDiagnostics('diagnostics', () => ({ kind: 'full', items: [] }))({ textDocument: { uri } }, cancelled.token));
  assert.equal(pull.code, LSPErrorCodes.ServerCancelled);
  assert.deepEqual(pull.data, { retriggerRequest: true });
});

test('an answer about a document that changed meanwhile is ContentModified; the document can be named by the request', async () => {
  let version = 1;
  const guard = new RequestGuard((asked) => (asked === uri ? version : undefined), () => undefined);
  const edits = guard.request('hover', () => {
    version++;
    return 'stale';
  });
  assert.equal(errorOf(await edits({ textDocument: { uri } }, notCancelled)).code, LSPErrorCodes.ContentModified);
  const markDone = guard.request('mark done', (params: { uri: string }) => (version++, params.uri), (params) => params.uri);
  assert.equal(errorOf(await markDone({ uri }, notCancelled)).code, LSPErrorCodes.ContentModified);
  const elsewhere = guard.request('hover', () => (version++, 'fresh'));
  assert.equal(await elsewhere({ textDocument: { uri: 'file:///w/other.md' } }, notCancelled), 'fresh');
});

test('registered handlers, workspace metrics among them, answer InternalError when they throw, and keep answering', async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logged: string[] = [];
  client.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));

  let broken = true;
  const metrics: WorkspaceMetrics = { postmortems: 1, openActionItems: 0, overdueActionItems: 0, medianTimeToDetect: 60_000, medianTimeToMitigate: 600_000, medianTimeToResolve: 3_600_000 };
  const unlessBroken = <T>(value: T): T => {
    if (broken) throw new Error('the index broke');
    return value;
  };
  const index: IndexedWorkspace & { rebuild(): Promise<void> } = {
    current: { actionItems: () => unlessBroken([]), owners: () => unlessBroken(['@ana']), metrics: () => unlessBroken(metrics), paths: () => unlessBroken([]) },
    rebuild: () => Promise.resolve(),
  };

  const folders = new WorkspaceFolders({ workspaceFolders: null, rootUri: null });
  const settings = new SettingsStore(undefined, folders);
  const configs = new ConfigResolver(() => folders.paths);
  const store = new DocumentStore({ settings, configs, problems: new ConfigProblemReporter(server) });
  const guard = new RequestGuard((asked) => store.version(asked), (message) => server.console.error(message));
  registerHandlers(server, { guard, store, diagnostics: new DiagnosticsScheduler(server, store, true), index, workspace: new WorkspaceRequests({ index, store, settings, configs }), snippetEdits: false });
  store.listen(server);
  server.listen();
  client.listen();
  try {
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Postmortem: X\n\n## Action items\n\n- [ ] Fix it (Owner: @\n' } });
    const completion = { textDocument: { uri }, position: { line: 4, character: 22 } };
    const internalError = (error: { code?: number }) => error.code === ErrorCodes.InternalError;
    await assert.rejects(client.sendRequest(workspaceMetricsRequest), internalError);
    await assert.rejects(client.sendRequest(actionItemsRequest, {}), internalError);
    await assert.rejects(client.sendRequest(CompletionRequest.type, completion), internalError);
    assert.deepEqual(logged.map((line) => line.split(':')[0]), ['workspace metrics failed', 'action items failed', 'completion failed']);

    broken = false;
    assert.deepEqual(await client.sendRequest(workspaceMetricsRequest), metrics);
    assert.deepEqual((await client.sendRequest(actionItemsRequest, {})).items, []);
    const owners = await client.sendRequest(CompletionRequest.type, completion);
    assert.ok(Array.isArray(owners) && owners.some((item) => item.label === '@ana'), JSON.stringify(owners));
    assert.equal(logged.length, 3);
  } finally {
    client.dispose();
    server.dispose();
  }
});
