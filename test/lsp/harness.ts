// Starts the bundled language server as a child process and speaks LSP to it over stdio, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  DiagnosticRefreshRequest,
  InlayHintRefreshRequest,
  WorkDoneProgress,
  type ProtocolConnection,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers';

export interface ServerOptions {
  /** Folder opened as the workspace. */
  workspace: string;
  /** Pull diagnostics (LSP 3.17) or published ones. */
  pull?: boolean;
  /** What the client answers to workspace/configuration for section `postmortem`. */
  settings?: Record<string, unknown>;
  /** Start the server with `--expose-gc --debug-state`, so it answers the server-state request with the heap after a collection. */
  debug?: boolean;
  /** Options for the server's node, such as `--max-old-space-size=256`. */
  nodeOptions?: string[];
  /** The client applies LSP 3.18 snippet edits, as VS Code's does. */
  snippetEdits?: boolean;
}

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next published diagnostics for this uri (optionally for one version). */
  /**
   * The next diagnostics published for `uri` (at `version`, if given) that `until` accepts: a publish already on its
   * way when a test changes a setting may still show the old state.
   */
  nextDiagnostics(uri: string, version?: number, until?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Resolves when the workspace scan's progress ends. */
  indexed: Promise<void>;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  settings: Record<string, unknown>;
  stop(): Promise<void>;
  /** What the server logged (window/logMessage). */
  log: string[];
}

export async function startServer(options: ServerOptions): Promise<TestServer> {
  const serverArgs = [...(options.nodeOptions ?? []), ...(options.debug ? ['--expose-gc', join(repoRoot, 'dist', 'server.js'), '--stdio', '--debug-state'] : [join(repoRoot, 'dist', 'server.js'), '--stdio'])];
  const child = spawn(process.execPath, serverArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting: { uri: string; version: number | undefined; until?: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  const log: string[] = [];
  const server: TestServer = {
    connection,
    process: child,
    log,
    settings: options.settings ?? {},
    indexed: Promise.resolve(),
    nextDiagnostics: (uri, version, until) => new Promise((resolve) => waiting.push({ uri, version, until, resolve })),
    open: (uri, text, version = 1) => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } }),
    change: (uri, version, contentChanges) => connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }),
    stop: async () => {
      await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };

  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version) && (w.until?.(params) ?? true));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    log.push(params.message);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'postmortem' ? server.settings : null)));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(DiagnosticRefreshRequest.type, () => undefined);
  connection.onRequest(InlayHintRefreshRequest.type, () => undefined);

  let endIndexing: () => void = () => undefined;
  server.indexed = new Promise((resolve) => (endIndexing = resolve));
  connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
    connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
      if (value.kind === 'end') endIndexing();
    });
  });
  connection.listen();

  const capabilities: ClientCapabilities = {
    workspace: {
      configuration: true,
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      diagnostics: { refreshSupport: true },
      ...(options.snippetEdits ? { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } : {}),
    },
    window: { workDoneProgress: true },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor.rewrite', 'source.fixAll', 'source'] } }, isPreferredSupport: true, dataSupport: true },
      completion: { completionItem: { snippetSupport: true } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      inlayHint: {},
    },
  };
  const workspaceUri = `file://${options.workspace}`;
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: workspaceUri, capabilities, workspaceFolders: [{ uri: workspaceUri, name: 'workspace' }] });
  await connection.sendNotification(InitializedNotification.type, {});
  return server;
}

/** Resolves with the answer, or rejects when it takes longer than `seconds`: a liveness check, not a benchmark. */
export function within<T>(seconds: number, what: string, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}
