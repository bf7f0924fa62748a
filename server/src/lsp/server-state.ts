// The debug-only server-state request: the heap and what the server keeps per document, so a soak
// can check that closing documents releases what they held.
import type { Connection } from 'vscode-languageserver';
import { serverStateRequest, type ServerState } from '../protocol';
import type { DiagnosticsScheduler } from './diagnostics-scheduler';
import type { DocumentStore } from './document-store';
import type { SettingsStore, WorkspaceFolders } from './settings';
import { fileUri } from './uris';

/** The collector, when node runs with `--expose-gc`. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * `perDocument` are the server's maps keyed by uri; `workspaceUris` the keys that belong to the workspace
 * rather than a document (the folders' settings); `cachedBytes` the estimate of the documents' analysis caches.
 */
export function measureServerState(perDocument: readonly ReadonlyMap<string, unknown>[], workspaceUris: readonly string[], cachedBytes: number): ServerState {
  // Several collections, so objects released by finalizers or weak maps in one pass are gone in the next.
  for (let pass = 0; pass < 3; pass++) collectGarbage?.();
  const uris = new Set(perDocument.flatMap((map) => [...map.keys()]));
  for (const uri of workspaceUris) uris.delete(uri);
  const { heapUsed, heapTotal } = process.memoryUsage();
  return { heapUsed, heapTotal, documentsWithState: uris.size, cachedBytes };
}

export interface ServerParts {
  store: DocumentStore;
  settings: SettingsStore;
  diagnostics: DiagnosticsScheduler;
  folders: WorkspaceFolders;
}

/** Answers `postmortem/serverState`; the server registers it only when started with `--debug-state`. */
export function registerServerState(connection: Connection, parts: ServerParts): void {
  connection.onRequest(serverStateRequest, () => {
    const { perDocument, cachedBytes } = parts.store.state();
    const folderUris = parts.folders.paths.map((folder) => fileUri(folder));
    return measureServerState([...perDocument, parts.settings.cached, parts.diagnostics.pending], folderUris, cachedBytes);
  });
}
