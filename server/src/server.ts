// The language server: a thin adapter from LSP to the analysis core. Runs over IPC for the
// VS Code client and over stdio (`postmortem-language-server --stdio`) for any other editor.
// This file only builds the parts under lsp/ and connects them to the client's events.
import './regexp-engine';
import {
  createConnection,
  ProposedFeatures,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  CodeLensRefreshRequest,
  WatchKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { ConfigProblemReporter, isConfigFile } from './lsp/config-problems';
import { ConfigResolver } from './lsp/configs';
import { DiagnosticsScheduler } from './lsp/diagnostics-scheduler';
import { DocumentStore } from './lsp/document-store';
import { registerHandlers, serverCapabilities } from './lsp/handlers';
import { IndexLifecycle } from './lsp/index-lifecycle';
import { registerServerState } from './lsp/server-state';
import { RequestGuard } from './lsp/request-guard';
import { SettingsStore, WorkspaceFolders } from './lsp/settings';
import { filePath } from './lsp/uris';
import { WorkspaceRequests } from './lsp/workspace-requests';

export function startServer(connection: Connection): void {
  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const pullDiagnostics = Boolean(capabilities.textDocument?.diagnostic);
    const configurationSupport = Boolean(capabilities.workspace?.configuration);
    const watchRegistration = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    const snippetEdits = Boolean(capabilities.workspace?.workspaceEdit?.snippetEditSupport);

    const folders = new WorkspaceFolders(params);
    const settings = new SettingsStore(configurationSupport ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'postmortem' }) : undefined, folders);
    const configs = new ConfigResolver(() => folders.paths);
    const problems = new ConfigProblemReporter(connection);
    const codeLensRefresh = Boolean(capabilities.workspace?.codeLens?.refreshSupport);
    // Open documents are compared with the workspace's postmortems: when the index changes, their findings and lenses may.
    const indexChanged = () => {
      diagnostics.refreshAll();
      if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    };
    const index = new IndexLifecycle({ connection, folders, settings, configs, changed: indexChanged });
    const store = new DocumentStore({ settings, configs, problems, workspace: () => index.current?.postmortems() });
    const diagnostics = new DiagnosticsScheduler(connection, store, pullDiagnostics);
    const guard = new RequestGuard((uri) => store.version(uri), (message) => connection.console.error(message));
    registerHandlers(connection, { guard, store, diagnostics, index, workspace: new WorkspaceRequests({ index, store, settings, configs }), snippetEdits });

    /** Settings or a config file changed: every open document is analysed again with them. */
    const refreshAll = () => {
      store.invalidate();
      configs.clear();
      diagnostics.refreshAll();
    };
    store.documents.onDidSave((event) => index.saved(event.document.uri, event.document.getText()));
    connection.onDidChangeConfiguration(() => {
      settings.clear();
      refreshAll();
      void index.settingsChanged();
    });
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      const configChanges = changes.filter((change) => isConfigFile(change.uri));
      for (const change of configChanges) problems.fileChanged(change.uri);
      const deletedFolders = changes.flatMap((change) => (change.type === FileChangeType.Deleted && !isConfigFile(change.uri) ? (filePath(change.uri) ?? []) : []));
      for (const folder of deletedFolders) problems.folderDeleted(folder);
      if (configChanges.length > 0 || deletedFolders.some((folder) => configs.readsInside(folder))) refreshAll();
      await index.filesChanged(changes.filter((change) => !isConfigFile(change.uri)));
    });
    connection.onInitialized(() => {
      if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      if (watchRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{md,markdown}' },
            { globPattern: '**/.postmortemrc{,.json,.yaml,.yml}' },
            // Folders: created, deleted or renamed (a rename is a delete and a create), with the postmortems inside them.
            { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
          ],
        });
      }
      diagnostics.started();
      void index.start();
    });
    // A soak test's view of what the server holds; never offered to editors.
    if (process.argv.includes('--debug-state')) registerServerState(connection, { store, settings, diagnostics, folders });
    store.listen(connection);
    return { capabilities: serverCapabilities(pullDiagnostics), serverInfo: { name: 'postmortem-language-server' } };
  });
  connection.listen();
}

startServer(createConnection(ProposedFeatures.all));
