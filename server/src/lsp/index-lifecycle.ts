// The workspace index's life in the server: started after initialisation, scanned with progress, kept
// current from saves and watched files, and scanned again with each folder's new settings.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import { today } from '../analysis';
import { actionItemsChangedNotification, type PostmortemSettings } from '../protocol';
import { defaultSettings } from './settings';
import type { ConfigResolver } from './configs';
import type { SettingsStore, WorkspaceFolders } from './settings';
import { filePath, fileUri } from './uris';
import { WorkspaceIndex } from './workspace-index';

/** Bundled beside the server. */
const indexWorkerScript = join(__dirname, 'index-worker.js');

export interface IndexLifecycleOptions {
  connection: Connection;
  folders: WorkspaceFolders;
  settings: SettingsStore;
  configs: ConfigResolver;
  /** Called after the index changed, once the client has been told: open documents compare with it again. */
  changed?: () => void;
}

export class IndexLifecycle {
  private index: WorkspaceIndex | undefined;
  /** Each workspace folder's settings, fetched before a scan: the index resolves files synchronously. */
  private folderSettings = new Map<string, PostmortemSettings>();

  constructor(private readonly options: IndexLifecycleOptions) {}

  /** The index, once started. */
  get current(): WorkspaceIndex | undefined {
    return this.index;
  }

  async start(): Promise<void> {
    await this.fetchFolderSettings();
    const index = new WorkspaceIndex({
      folders: this.options.folders.paths,
      configFor: (path) => this.options.configs.forDocument(path, this.settingsFor(path)),
      readFile: (path) => readFile(path, 'utf8').then((text) => text, () => undefined),
      maxFileSize: (path) => this.settingsFor(path).maxFileSize,
      today: (timeZone) => today({ timeZone }),
      workerScript: existsSync(indexWorkerScript) ? indexWorkerScript : undefined,
    });
    index.onDidChange(() => {
      void this.options.connection.sendNotification(actionItemsChangedNotification, {}).catch(() => undefined);
      this.options.changed?.();
    });
    this.index = index;
    await this.scan(index);
  }

  /** The settings changed: each folder's are fetched again and the workspace scanned with them. */
  settingsChanged(): Promise<void> {
    return this.rebuild();
  }

  saved(uri: string, text: string): void {
    const path = filePath(uri);
    if (path) this.index?.update(path, text);
  }

  /** Applies the files and folders the client saw change on disk. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    const paths = changes.flatMap((change) => {
      const path = filePath(change.uri);
      return path ? [{ path, deleted: change.type === FileChangeType.Deleted }] : [];
    });
    await this.index?.filesChanged(paths);
  }

  /** Lists and indexes every folder again from disk, dropping what no longer exists: the Refresh command's remedy for a stale view. */
  async rebuild(): Promise<void> {
    if (!this.index) return;
    await this.fetchFolderSettings();
    await this.scan(this.index);
  }

  private settingsFor(path: string): PostmortemSettings {
    const folder = this.options.folders.folderOf(path);
    return (folder !== undefined ? this.folderSettings.get(folder) : undefined) ?? defaultSettings;
  }

  private async fetchFolderSettings(): Promise<void> {
    const folders = this.options.folders.paths;
    const settings = await Promise.all(folders.map((folder) => this.options.settings.forResource(fileUri(folder))));
    this.folderSettings = new Map(folders.map((folder, i) => [folder, settings[i]]));
  }

  private async scan(index: WorkspaceIndex): Promise<void> {
    const { connection } = this.options;
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Indexing postmortems', 0, undefined, false);
    try {
      await index.scan((done, total) => progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done}/${total} files`));
    } catch (error) {
      connection.console.error(`indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      progress?.done();
    }
  }
}
