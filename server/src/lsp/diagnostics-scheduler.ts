// When diagnostics reach the client: pushed a moment after the last edit, or pulled by clients that can (LSP 3.17).
import type { Connection, DocumentDiagnosticParams, DocumentDiagnosticReport } from 'vscode-languageserver';
import { provideDiagnostics } from './diagnostics';
import type { DocumentStore } from './document-store';

/** Quiet time after an edit before diagnostics are pushed, so typing is not analysed key by key. */
const pushDelayMs = 150;

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** @param pull whether the client pulls diagnostics; otherwise they are pushed */
  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly pull: boolean,
  ) {
    store.documents.onDidChangeContent((change) => {
      if (!this.pull) this.schedulePush(change.document.uri);
    });
    store.documents.onDidClose((event) => {
      const uri = event.document.uri;
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  }

  /** Pushes waiting to be sent, keyed by uri: for the debug state request. */
  get pending(): ReadonlyMap<string, unknown> {
    return this.timers;
  }

  /** Answers textDocument/diagnostic. */
  async pulled(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const document = await this.store.analysed(params.textDocument.uri);
    return { kind: 'full', items: document ? provideDiagnostics(document) : [] };
  }

  /** Every open document again, after settings or config files changed; inlay hints depend on them too. */
  refreshAll(): void {
    if (this.pull) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const document of this.store.all()) this.schedulePush(document.uri);
    void this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  /** A client that (re)starts may have opened documents before it could pull; it is asked to pull now. */
  started(): void {
    if (this.pull) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private schedulePush(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.store
          .analysed(uri)
          .then((document) => document && this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: provideDiagnostics(document) }))
          .catch((error: unknown) => this.connection.console.error(`diagnostics failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
      }, pushDelayMs),
    );
  }
}
