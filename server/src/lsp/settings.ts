// The workspace folders and the editor's `postmortem.*` settings, pulled with workspace/configuration
// and cached per resource until the client says they changed.
import type { InitializeParams } from 'vscode-languageserver';
import { isPathInside, maxFileSizeBytes } from '../analysis';
import type { PostmortemSettings } from '../protocol';
import { filePath, fileUri } from './uris';

/** The settings the server uses when the client sends none (or no client asks): the manifest's defaults. */
export const defaultSettings: PostmortemSettings = {
  rules: {},
  inlayHints: true,
  codeLens: true,
  maxFileSize: maxFileSizeBytes,
};


export class WorkspaceFolders {
  /** Absolute paths, as the client named them at initialisation. */
  readonly paths: string[];

  constructor(params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri'>) {
    const folders = (params.workspaceFolders ?? []).flatMap((folder) => filePath(folder.uri) ?? []);
    const root = params.rootUri ? filePath(params.rootUri) : undefined;
    this.paths = folders.length === 0 && root !== undefined ? [root] : folders;
  }

  /** The innermost folder that holds `path`, so a nested folder's settings win over its parent's. */
  folderOf(path: string | undefined): string | undefined {
    if (path === undefined) return undefined;
    const holding = this.paths.filter((folder) => isPathInside(path, folder));
    return holding.sort((a, b) => b.length - a.length)[0];
  }
}

/** Asks the client for the `postmortem` section as it applies to a resource. */
export type SettingsRequest = (scopeUri: string) => Promise<Partial<PostmortemSettings> | null>;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<PostmortemSettings>>();

  /** @param request undefined when the client cannot answer workspace/configuration: the defaults apply */
  constructor(
    private readonly request: SettingsRequest | undefined,
    private readonly folders: WorkspaceFolders,
  ) {}

  /** The settings that apply to a document or folder, as the client resolves them for that resource. */
  forResource(uri: string): Promise<PostmortemSettings> {
    if (!this.request) return Promise.resolve(defaultSettings);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.request(uri).then((value) => ({ ...defaultSettings, ...(value ?? {}) }), () => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The settings of the workspace folder holding `path`; the defaults outside every folder. */
  forFolderOf(path: string | undefined): Promise<PostmortemSettings> {
    const folder = this.folders.folderOf(path);
    return folder === undefined ? Promise.resolve(defaultSettings) : this.forResource(fileUri(folder));
  }

  /** The settings asked for so far, keyed by resource uri: for the debug state request. */
  get cached(): ReadonlyMap<string, unknown> {
    return this.cache;
  }

  /** Releases one document's settings, when it closes. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
