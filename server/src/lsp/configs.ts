// The configuration of each document: its nearest config file merged with the editor's settings.
import { dirname } from 'node:path';
import { ConfigLoader, type ConfigProblem, defaultConfig, isPathInside, mergeConfig, type PostmortemConfig, ruleIds } from '../analysis';
import { nodeConfigFileReader } from '../node-files';
import type { PostmortemSettings } from '../protocol';

export interface ResolvedConfig {
  config: PostmortemConfig;
  /** Folder the globs are relative to: the config file's, else the workspace folder's. */
  root: string | undefined;
  /** Problems by config file path (settings problems under the key `settings`). */
  problems: Map<string, ConfigProblem[]>;
  /** Config files read, to know which changes matter. */
  files: string[];
}

/** Caches configs per folder and settings; `clear()` when a config file or the settings change. */
export class ConfigResolver {
  private cache = new Map<string, ResolvedConfig>();
  private readonly loader = new ConfigLoader(nodeConfigFileReader, ruleIds);

  constructor(private readonly workspaceFolders: () => string[]) {}

  forDocument(path: string | undefined, settings: PostmortemSettings): ResolvedConfig {
    const folder = path ? dirname(path) : '';
    const key = `${folder}\u0000${JSON.stringify(settings.rules)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const workspace = path ? this.workspaceFolders().find((root) => isPathInside(path, root)) : undefined;
    const loaded = path ? this.loader.forDocument(path) : undefined;
    const base = loaded ?? { config: defaultConfig(), problems: [], files: [] };
    const merged = mergeConfig(base.config, { rules: settings.rules }, 'settings', ruleIds);
    const problems = new Map<string, ConfigProblem[]>();
    for (const problem of [...base.problems, ...merged.problems]) problems.set(problem.file, [...(problems.get(problem.file) ?? []), problem]);
    const resolved: ResolvedConfig = { config: merged.config, root: loaded?.file ? dirname(loaded.file) : workspace, problems, files: base.files };
    this.cache.set(key, resolved);
    return resolved;
  }

  /** Whether a cached config was read from a file inside `folder`: deleting the folder changes that config. */
  readsInside(folder: string): boolean {
    return [...this.cache.values()].some((resolved) => resolved.files.some((file) => isPathInside(file, folder)));
  }

  clear(): void {
    this.cache.clear();
    this.loader.clear();
  }
}
