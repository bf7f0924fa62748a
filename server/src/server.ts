// The language server: a thin adapter from LSP to the analysis core. Runs over IPC for the
// VS Code client and over stdio (`postmortem-language-server --stdio`) for any other editor.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  FileChangeType,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyze, AnalysisCache } from './analysis';
import { todayUtc } from './analysis/time';
import { formatConfigProblem, type ConfigProblem } from './analysis/config-file';
import { actionItemsChangedNotification, actionItemsRequest, defaultSettings, markActionItemDoneRequest, serverStateRequest, workspaceMetricsRequest, type PostmortemSettings } from './protocol';
import { analyzeDocument, reasonToSkip, type AnalyzedDocument } from './lsp/analyzed-document';
import { ConfigResolver } from './lsp/configs';
import { provideDiagnostics } from './lsp/diagnostics';
import { fixAllKind, insertSectionsKind, provideCodeActions } from './lsp/code-actions';
import { provideCompletions } from './lsp/completion';
import { provideHover } from './lsp/hover';
import { provideDocumentSymbols } from './lsp/symbols';
import { provideFoldingRanges } from './lsp/folding';
import { provideInlayHints } from './lsp/inlay-hints';
import { provideCodeLenses } from './lsp/code-lens';
import { WorkspaceIndex } from './lsp/workspace-index';
import { markDoneEdit } from './lsp/action-edits';
import { measureServerState } from './lsp/server-state';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const pushDelayMs = 150;
/** Bundled beside this file. */
const indexWorkerScript = join(__dirname, 'index-worker.js');

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** Each open document's analysis cache, disposed of when it closes. */
  const analysisCaches = new Map<string, AnalysisCache>();
  const analyses = new Map<string, AnalyzedDocument>();
  const settingsCache = new Map<string, Promise<PostmortemSettings>>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let folders: string[] = [];
  let pullDiagnostics = false;
  let configurationSupport = false;
  let watchRegistration = false;
  const configs = new ConfigResolver(() => folders);
  let index: WorkspaceIndex | undefined;

  const pathOf = (uri: string) => (uri.startsWith('file:') ? URI.parse(uri).fsPath : undefined);

  const settingsFor = (uri: string): Promise<PostmortemSettings> => {
    if (!configurationSupport) return Promise.resolve(defaultSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'postmortem' })
        .then((value: Partial<PostmortemSettings> | null) => ({ ...defaultSettings, ...(value ?? {}) }), () => defaultSettings);
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  /** The analysis of the document's current version; computed once per version. */
  const analysed = async (uri: string): Promise<AnalyzedDocument | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === document.version) return cached;
    const settings = await settingsFor(uri);
    let cache = analysisCaches.get(uri);
    if (!cache) analysisCaches.set(uri, (cache = new AnalysisCache()));
    // A large document is parsed in slices first, so no request waits behind it for long.
    if (!reasonToSkip(document.getText(), settings, cache)) await cache.parser.warm(document.getText());
    const current = documents.get(uri);
    if (!current || current.version !== document.version) return analysed(uri);
    const path = pathOf(uri);
    const resolved = configs.forDocument(path, settings);
    // A resolved config is cached until a config file or the settings change: report it once.
    if (!reportedConfigs.has(resolved)) {
      reportedConfigs.add(resolved);
      reportConfigProblems(resolved.problems);
    }
    const result = analyzeDocument({ uri, version: document.version, text: document.getText(), config: resolved.config, settings, today: todayUtc(), path, root: resolved.root, cache });
    analyses.set(uri, result);
    return result;
  };

  const reportedConfigFiles = new Set<string>();
  const reportedConfigs = new WeakSet<object>();
  const reportConfigProblems = (problems: Map<string, ConfigProblem[]>) => {
    for (const [file, list] of problems) {
      if (file === 'settings') {
        for (const problem of list) connection.console.warn(`postmortem settings: ${problem.message}`);
        continue;
      }
      const uri = URI.file(file).toString();
      reportedConfigFiles.add(uri);
      connection.sendDiagnostics({
        uri,
        diagnostics: list.map((problem) => ({
          range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.endLine - 1, character: problem.endColumn - 1 } },
          severity: 1,
          source: 'postmortem',
          message: `${problem.message} (defaults apply)`,
        })),
      });
      connection.console.warn(list.map(formatConfigProblem).join('\n'));
    }
  };

  /**
   * Handlers answer with an error instead of throwing. A request whose document changed while it
   * was answered gets ContentModified, and a cancelled one RequestCancelled, as LSP asks.
   */
  const safely = <P, R>(name: string, handler: (params: P) => Promise<R> | R, empty: R) => {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      const uri = (params as { textDocument?: { uri?: string } }).textDocument?.uri;
      const version = uri ? documents.get(uri)?.version : undefined;
      try {
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
        const result = (await handler(params)) ?? empty;
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
        if (uri && documents.get(uri)?.version !== version) return new ResponseError(LSPErrorCodes.ContentModified, `${name}: the document changed`);
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        connection.console.error(`${name} failed: ${message}`);
        return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  };

  const push = (uri: string) => {
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        void analysed(uri)
          .then((document) => document && connection.sendDiagnostics({ uri, version: document.version, diagnostics: provideDiagnostics(document) }))
          .catch((error: unknown) => connection.console.error(`diagnostics failed: ${String(error)}`));
      }, pushDelayMs),
    );
  };

  const refreshAll = () => {
    analyses.clear();
    configs.clear();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const document of documents.all()) push(document.uri);
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = Boolean(capabilities.textDocument?.diagnostic);
    configurationSupport = Boolean(capabilities.workspace?.configuration);
    watchRegistration = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    folders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll, fixAllKind, insertSectionsKind] },
        completionProvider: { triggerCharacters: ['#', '@', '[', ':', ' ', '-'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'postmortem-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/.postmortemrc{,.json,.yaml,.yml}' }],
      });
    }
    // A client that (re)starts may have opened documents before it could pull; ask it to pull now.
    if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    void startIndex();
  });

  const startIndex = async () => {
    // The index honours the first folder's settings (the size limit, rule severities).
    const settings = folders.length > 0 ? await settingsFor(URI.file(folders[0]).toString()) : defaultSettings;
    index = new WorkspaceIndex({
      folders,
      configFor: (path) => configs.forDocument(path, settings),
      readFile: (path) => readFile(path, 'utf8').then((text) => text, () => undefined),
      maxFileSize: settings.maxFileSize,
      today: todayUtc,
      workerScript: existsSync(indexWorkerScript) ? indexWorkerScript : undefined,
    });
    index.onDidChange(() => void connection.sendNotification(actionItemsChangedNotification, {}).catch(() => undefined));
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Indexing postmortems', 0, undefined, false);
    try {
      await index.scan((done, total) => progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done}/${total} files`));
    } catch (error) {
      connection.console.error(`indexing failed: ${String(error)}`);
    } finally {
      progress?.done();
    }
  };

  documents.onDidChangeContent((change) => {
    if (!pullDiagnostics) push(change.document.uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    analysisCaches.get(uri)?.dispose();
    analysisCaches.delete(uri);
    analyses.delete(uri);
    settingsCache.delete(uri);
    clearTimeout(pushTimers.get(uri));
    pushTimers.delete(uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  documents.onDidSave((event) => {
    const path = pathOf(event.document.uri);
    if (path) index?.update(path, event.document.getText());
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (/\.postmortemrc(\.(json|ya?ml))?$/.test(path)) {
        configChanged = true;
        if (reportedConfigFiles.delete(change.uri)) connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        continue;
      }
      const text = change.type === FileChangeType.Deleted ? undefined : await readFile(path, 'utf8').catch(() => undefined);
      index?.update(path, text);
    }
    if (configChanged) refreshAll();
  });

  connection.languages.diagnostics.on(async (params, token) => {
    // A cancelled pull is retriggered by the client for the newer version of the document.
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.ServerCancelled, 'diagnostics cancelled', { retriggerRequest: true });
    try {
      const document = await analysed(params.textDocument.uri);
      return { kind: 'full', items: document ? provideDiagnostics(document) : [] };
    } catch (error) {
      connection.console.error(`diagnostics failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `diagnostics failed: ${String(error)}`, { retriggerRequest: false });
    }
  });

  connection.onCodeAction(safely('code actions', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideCodeActions(document, params) : [];
  }, []));

  connection.onCompletion(safely('completion', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideCompletions(document, params, index?.owners() ?? []) : [];
  }, []));

  connection.onHover(safely('hover', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideHover(document, params) : null;
  }, null));

  connection.onDocumentSymbol(safely('document symbols', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideDocumentSymbols(document) : [];
  }, []));

  connection.onFoldingRanges(safely('folding ranges', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideFoldingRanges(document) : [];
  }, []));

  connection.languages.inlayHint.on(safely('inlay hints', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideInlayHints(document, params.range) : [];
  }, []));

  connection.onCodeLens(safely('code lenses', async (params) => {
    const document = await analysed(params.textDocument.uri);
    return document ? provideCodeLenses(document) : [];
  }, []));

  connection.onRequest(actionItemsRequest, safely('action items', (params) => ({ items: index?.actionItems(params.includeDone ?? false) ?? [], today: todayUtc() }), { items: [], today: todayUtc() }));

  connection.onRequest(markActionItemDoneRequest, safely('mark done', async (params) => {
    const open = documents.get(params.uri);
    const path = pathOf(params.uri);
    const text = open?.getText() ?? (path ? await readFile(path, 'utf8') : undefined);
    if (text === undefined) return null;
    // The item was listed by the index, so the file is a postmortem even if it is not open.
    const model = (open ? (await analysed(params.uri))?.analysis.model : undefined) ?? analyze(text, { force: true, path, config: configs.forDocument(path, defaultSettings).config }).model;
    return model ? markDoneEdit(text, params.uri, params.line, model) : null;
  }, null));

  if (process.argv.includes('--debug-state')) {
    const cachedBytes = () => [...analysisCaches.values()].reduce((sum, cache) => sum + cache.bytes, 0);
    const folderUris = () => folders.map((folder) => URI.file(folder).toString());
    connection.onRequest(serverStateRequest, () => measureServerState([analysisCaches, analyses, settingsCache, pushTimers], folderUris(), cachedBytes()));
  }

  const noMetrics = { postmortems: 0, openActionItems: 0, overdueActionItems: 0, medianTimeToDetect: undefined, medianTimeToMitigate: undefined, medianTimeToResolve: undefined };
  connection.onRequest(workspaceMetricsRequest, () => index?.metrics() ?? noMetrics);

  documents.listen(connection);
  connection.listen();
}

startServer(createConnection(ProposedFeatures.all));
