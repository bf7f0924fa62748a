// The open documents, each with its own analysis cache and the analysis of its current version; all released on close.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, releaseSharedCaches, today, type WorkspacePostmortems } from '../analysis';
import { analyzeDocument, reasonToSkip, type AnalyzedDocument } from './analyzed-document';
import type { ConfigProblemReporter } from './config-problems';
import type { ConfigResolver } from './configs';
import type { SettingsStore } from './settings';
import { filePath, sameDocument } from './uris';

export interface DocumentStoreOptions {
  settings: SettingsStore;
  configs: ConfigResolver;
  problems: ConfigProblemReporter;
  /** The workspace's indexed postmortems, once indexed. */
  workspace?: () => WorkspacePostmortems | undefined;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly caches = new Map<string, AnalysisCache>();
  private readonly analyses = new Map<string, AnalyzedDocument>();

  constructor(private readonly options: DocumentStoreOptions) {
    this.documents.onDidClose((event) => this.release(event.document.uri));
  }

  /** The open document with this URI, however it is encoded (`C:` or `c%3A`, and on Windows in any case). */
  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri) ?? this.documents.all().find((document) => sameDocument(document.uri, uri));
  }

  version(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** The analysis of the document's current version, computed once per version; undefined when it is not open. */
  async analysed(uri: string): Promise<AnalyzedDocument | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const workspace = this.options.workspace?.();
    const cached = this.analyses.get(uri);
    if (cached && cached.version === document.version && cached.workspace === workspace) return cached;
    const settings = await this.options.settings.forResource(uri);
    const cache = this.cacheOf(uri);
    // A large document is parsed in slices first, so no request waits behind it for long.
    if (!reasonToSkip(document.getText(), settings, cache)) await cache.parser.warm(document.getText());
    const current = this.documents.get(uri);
    if (!current || current.version !== document.version || this.options.workspace?.() !== workspace) return this.analysed(uri);
    const path = filePath(uri);
    const resolved = this.options.configs.forDocument(path, settings);
    this.options.problems.report(resolved);
    const result = analyzeDocument({ uri, version: document.version, text: document.getText(), config: resolved.config, settings, today: today({ timeZone: resolved.config.timezone }), path, root: resolved.root, cache, workspace });
    this.analyses.set(uri, result);
    return result;
  }

  /** Forgets every analysis, when settings or config files change; the caches stay warm. */
  invalidate(): void {
    this.analyses.clear();
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }

  /** What the store keeps per document, keyed by uri, and the bytes its caches hold: for the debug state request. */
  state(): { perDocument: ReadonlyMap<string, unknown>[]; cachedBytes: number } {
    const cachedBytes = [...this.caches.values()].reduce((sum, cache) => sum + cache.bytes, 0);
    return { perDocument: [this.caches, this.analyses], cachedBytes };
  }

  private cacheOf(uri: string): AnalysisCache {
    let cache = this.caches.get(uri);
    if (!cache) this.caches.set(uri, (cache = new AnalysisCache()));
    return cache;
  }

  private release(uri: string): void {
    this.caches.get(uri)?.dispose();
    this.caches.delete(uri);
    this.analyses.delete(uri);
    this.options.settings.forget(uri);
    // With no document open, what the analysis compiled for all of them goes too; the next open builds it again.
    if (this.documents.keys().length === 0) releaseSharedCaches();
  }
}
