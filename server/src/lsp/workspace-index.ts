// The postmortems of the workspace folders, reduced to what the action-item tree, owner completion, metrics and the
// findings that compare a document with earlier postmortems need.
import * as nodeFs from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { glob, type FileSystemAdapter } from 'tinyglobby';
import { daysUntilDue, dueInWords, dueWindowOf, isAtOrUnderAny, isDueForFollowUp, isOverdue, ownerKey, ownerMatches, pathInsideFolder, type PostmortemConfig, WorkspacePostmortems } from '../analysis';
import type { WorkspaceActionItem, WorkspaceMetrics } from '../protocol';
import { indexFile, type IndexedFile, type IndexedItem } from './index-file';
import { IndexWorker } from './index-worker-client';

export interface WorkspaceIndexOptions {
  /** Absolute paths of the workspace folders. */
  folders: string[];
  configFor(path: string): { config: PostmortemConfig; root: string | undefined };
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Bytes, for the file's workspace folder; larger files are not indexed. */
  maxFileSize(path: string): number;
  /** `YYYY-MM-DD`, the day a file's items are judged on, in the time zone its config sets (if any). */
  today(timeZone: string | undefined): string;
  /** For listing and sizing files; the real file system by default. */
  fileSystem?: FileSystemAdapter;
  /** The bundled index worker; with it, a scan indexes every other file on a second thread. */
  workerScript?: string;
}

/** A change a file watcher saw; a rename comes as the old path deleted and the new one created. */
export interface FileSystemChange {
  path: string;
  /** False for a created or changed path. */
  deleted: boolean;
}

const markdownExtensions = ['.md', '.markdown'];
/** Files analysed between two yields to the event loop during a scan. */
const readAhead = 8;
const batchSize = 4;

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly folders: string[];
  private readonly listeners = new Set<() => void>();
  /** When each path was last given by `update`, so a running scan does not overwrite it with older disk content. */
  private readonly touched = new Map<string, number>();
  private clock = 0;
  private scans = 0;
  /** Watched changes not applied yet, and the run applying them. */
  private pendingChanges: FileSystemChange[] = [];
  private applying: Promise<void> | undefined;
  /** What the insights rules read, built again when first asked for after a change, from what the last one read. */
  private insights: WorkspacePostmortems | undefined;
  private insightsStale = false;

  constructor(private readonly options: WorkspaceIndexOptions) {
    this.folders = options.folders.map((folder) => resolve(folder));
  }

  get size(): number {
    return this.files.size;
  }

  /** Calls `listener` whenever the indexed action items may have changed. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** Lists and indexes every postmortem of the folders; a newer scan or the token stops this one. */
  async scan(progress?: (done: number, total: number) => void, token?: { readonly isCancellationRequested: boolean }): Promise<void> {
    const scan = ++this.scans;
    const since = this.clock;
    const stopped = () => token?.isCancellationRequested === true || scan !== this.scans;
    const paths = await this.list(this.folders);
    if (stopped()) return;
    const listed = new Set(paths);
    for (const path of this.files.keys()) {
      if (!listed.has(path) && (this.touched.get(path) ?? 0) <= since) this.files.delete(path);
    }
    await this.indexFiles(paths, since, stopped, progress);
    if (!stopped()) this.fire();
  }

  /**
   * Applies changes the file watchers saw: a deleted path drops every file indexed at or under it (a folder takes its
   * postmortems along), a created folder is scanned, a Markdown file is read again. Changes that arrive while a batch is
   * applied are applied together next, so a burst (a checkout) makes one scan per folder and one change notice.
   */
  filesChanged(changes: readonly FileSystemChange[]): Promise<void> {
    this.pendingChanges.push(...changes);
    this.applying ??= this.applyPendingChanges();
    return this.applying;
  }

  private async applyPendingChanges(): Promise<void> {
    let changed = false;
    try {
      // Events of one burst often come in several messages; a turn of the event loop lets them join this batch.
      await new Promise(setImmediate);
      while (this.pendingChanges.length > 0) {
        if (await this.applyChanges(this.pendingChanges.splice(0))) changed = true;
      }
    } finally {
      this.applying = undefined;
    }
    if (changed) this.fire();
  }

  /** True when the index may have changed. */
  private async applyChanges(changes: readonly FileSystemChange[]): Promise<boolean> {
    let changed = false;
    const deleted = new Set(changes.filter((change) => change.deleted).map((change) => resolve(change.path)));
    for (const file of [...this.files.keys()]) {
      if (!isAtOrUnderAny(file, deleted)) continue;
      this.touched.set(file, ++this.clock);
      this.files.delete(file);
      changed = true;
    }
    const created = [...new Set(changes.filter((change) => !change.deleted).map((change) => resolve(change.path)))].filter((path) => this.isWatched(path));
    const createdFolders = new Set(await this.existingFolders(created));
    const folders = [...createdFolders].filter((folder) => !isAtOrUnderAny(dirname(folder), createdFolders));
    const files = created.filter((path) => this.isListed(path) && !isAtOrUnderAny(path, createdFolders));
    for (const path of files) {
      const before = this.files.get(path);
      this.touched.set(path, ++this.clock);
      this.store(path, await this.readSmall(path));
      if (JSON.stringify(before) !== JSON.stringify(this.files.get(path))) changed = true;
    }
    const since = this.clock;
    const found = await this.list(folders);
    await this.indexFiles(found, since, () => false);
    return changed || found.length > 0;
  }

  /** Indexes the files, each unless `update` gave it newer text since `since`; stops when `stopped` says so. */
  private async indexFiles(paths: string[], since: number, stopped: () => boolean, progress?: (done: number, total: number) => void): Promise<void> {
    progress?.(0, paths.length);
    // Reads run ahead of the parsing, so the disk and the parser work at the same time.
    const reads = new Map<number, Promise<string | undefined>>();
    const readAt = (i: number) => {
      if (i < paths.length && !reads.has(i)) reads.set(i, this.readSmall(paths[i]));
    };
    const worker = this.options.workerScript && paths.length > 1 ? new IndexWorker(this.options.workerScript) : undefined;
    const inWorker: Promise<void>[] = [];
    try {
      for (let done = 0; done < paths.length; done++) {
        const path = paths[done];
        for (let ahead = done; ahead < done + readAhead; ahead++) readAt(ahead);
        const text = await reads.get(done);
        reads.delete(done);
        if (stopped()) return;
        const current = () => (this.touched.get(path) ?? 0) <= since && !stopped();
        if (worker && text !== undefined && done % 2 === 1) {
          const { config, root } = this.options.configFor(path);
          inWorker.push(worker.index(path, text, config, root).then((entry) => void (current() && this.setEntry(path, entry))));
        } else if (current()) {
          this.store(path, text);
        }
        progress?.(done + 1, paths.length);
        if ((done + 1) % batchSize === 0) await new Promise(setImmediate);
        // Bounded, so a slow worker does not hold many files' texts in its queue.
        if (inWorker.length >= readAhead) await Promise.all(inWorker.splice(0));
      }
      await Promise.all(inWorker);
    } finally {
      await worker?.dispose();
    }
  }

  /** Re-indexes one file from its current text; undefined text means it was deleted. */
  update(path: string, text: string | undefined): void {
    const absolute = resolve(path);
    if (!this.isListed(absolute)) return;
    this.touched.set(absolute, ++this.clock);
    const before = this.files.get(absolute);
    this.store(absolute, text !== undefined && !tooLarge(text, this.options.maxFileSize(absolute)) ? text : undefined);
    const after = this.files.get(absolute);
    if (JSON.stringify(before) !== JSON.stringify(after)) this.fire();
  }

  /** The items with the facts that depend on the day; `owner` keeps those that person owns, alone or with others. */
  actionItems(filter: { includeDone: boolean; owner?: string }): WorkspaceActionItem[] {
    return this.datedItems().filter((item) => (filter.includeDone || item.status === 'open') && (filter.owner === undefined || ownerMatches(item, filter.owner)));
  }

  /** The indexed postmortems' absolute paths, sorted. */
  paths(): string[] {
    return this.sortedFiles().map(([path]) => path);
  }

  /** Distinct owners, most used first, then alphabetically. */
  owners(): string[] {
    const counts = new Map<string, { name: string; count: number }>();
    for (const item of this.allItems()) {
      for (const name of item.owners) {
        const key = ownerKey(name);
        const entry = counts.get(key) ?? { name, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((entry) => entry.name);
  }

  /** The indexed postmortems for the rules that compare a document with earlier ones; a new object after each change. */
  postmortems(): WorkspacePostmortems {
    if (!this.insights || this.insightsStale) this.insights = new WorkspacePostmortems(this.sortedFiles().map(([, file]) => file.digest), this.insights);
    this.insightsStale = false;
    return this.insights;
  }

  metrics(): WorkspaceMetrics {
    const files = [...this.files.values()];
    const open = this.datedItems().filter((item) => item.status === 'open');
    return {
      postmortems: files.length,
      openActionItems: open.length,
      overdueActionItems: open.filter((item) => item.overdue).length,
      medianTimeToDetect: median(files.map((file) => file.timeToDetect)),
      medianTimeToMitigate: median(files.map((file) => file.timeToMitigate)),
      medianTimeToResolve: median(files.map((file) => file.timeToResolve)),
    };
  }

  private allItems(): IndexedItem[] {
    return this.sortedFiles().flatMap(([, file]) => file.items);
  }

  /** Every item with its overdue, days-left and due-window facts, judged on its postmortem's today. */
  private datedItems(): WorkspaceActionItem[] {
    return this.sortedFiles().flatMap(([path, file]) => {
      const { config } = this.options.configFor(path);
      const today = this.options.today(config.timezone);
      return file.items.map((item) => {
        const days = daysUntilDue(item, today);
        return {
          ...item,
          overdue: isOverdue(item, today),
          daysUntilDue: days,
          dueInWords: days === undefined ? undefined : dueInWords(days),
          dueWindow: dueWindowOf(item, today),
          dueForFollowUp: isDueForFollowUp(item, item.postmortemDate, today, config.insights.followUpDays),
        };
      });
    });
  }

  private sortedFiles(): [string, IndexedFile][] {
    return [...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The postmortems under the folders, as a scan lists them. */
  private async list(folders: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const folder of folders) {
      const matches = await glob(['**/*.md', '**/*.markdown'], {
        cwd: folder,
        absolute: true,
        caseSensitiveMatch: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**', '**/.*/**'],
        fs: this.options.fileSystem,
      }).catch(() => []);
      for (const match of matches) {
        const path = resolve(match);
        if (this.isListed(path)) found.add(path);
      }
    }
    return [...found].sort();
  }

  /** The file's text, or undefined when it is too large or unreadable; the size is checked before reading. */
  private async readSmall(path: string): Promise<string | undefined> {
    const size = await new Promise<number | undefined>((done) => {
      (this.options.fileSystem?.stat ?? nodeFs.stat)(path, (error, stats) => done(error ? undefined : stats.size));
    });
    const maxFileSize = this.options.maxFileSize(path);
    if (size === undefined || size > maxFileSize) return undefined;
    try {
      const text = await this.options.readFile(path);
      return text !== undefined && !tooLarge(text, maxFileSize) ? text : undefined;
    } catch {
      return undefined;
    }
  }

  private store(path: string, text: string | undefined): void {
    const { config, root } = this.options.configFor(path);
    this.setEntry(path, text === undefined ? undefined : indexFile(path, text, config, root));
  }

  private setEntry(path: string, entry: IndexedFile | undefined): void {
    if (entry) this.files.set(path, entry);
    else this.files.delete(path);
  }

  /** Inside a folder, a Markdown file, and not under node_modules or a hidden folder: what the scan lists. */
  private isListed(path: string): boolean {
    return markdownExtensions.includes(extname(path).toLowerCase()) && this.isWatched(path);
  }

  /** Inside a folder and not under node_modules or a hidden folder, where a scan looks. */
  private isWatched(path: string): boolean {
    return this.folders.some((folder) => {
      const inside = pathInsideFolder(path, folder);
      if (inside === undefined || inside === '') return false;
      return inside.split('/').every((segment) => segment !== 'node_modules' && !segment.startsWith('.'));
    });
  }

  /** The paths that are folders; the others are files or gone again. */
  private async existingFolders(paths: readonly string[]): Promise<string[]> {
    const stat = this.options.fileSystem?.stat ?? nodeFs.stat;
    const isFolder = await Promise.all(paths.map((path) => new Promise<boolean>((done) => stat(path, (error, stats) => done(!error && stats.isDirectory())))));
    return paths.filter((_, i) => isFolder[i]);
  }

  private fire(): void {
    this.insightsStale = true;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One failing listener must not keep the others, or the index, from going on.
      }
    }
  }
}

function median(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return undefined;
  const middle = known.length >> 1;
  return known.length % 2 === 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
}

/** UTF-8 takes at most three bytes per UTF-16 unit, so measuring is needed only when close to the limit. */
function tooLarge(text: string, maxBytes: number): boolean {
  return text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes;
}
