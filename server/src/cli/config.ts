// Finds the configuration for each document (or the one given by --config) and gathers its problems.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { ConfigLoader, ConfigProblem, LoadedConfig } from '../analysis';
import { defaultConfig, findConfigFile, type ConfigFileReader, type PostmortemConfig } from '../analysis/detection';
import { nodeConfigFileReader } from '../node-files';
import { engine } from './engine-loader';
import { CliError } from './errors';
import { displayPath } from './files';

export interface DocumentConfig {
  config: PostmortemConfig;
  /** The folder the config's globs are relative to. */
  root: string;
}

export class ConfigResolver {
  // Documents of one folder tree look for the same files: each is read (or found missing) once per run.
  private readonly texts = new Map<string, string | undefined>();
  private readonly cachedReader: ConfigFileReader = {
    readFile: (path) => {
      if (!this.texts.has(path)) this.texts.set(path, nodeConfigFileReader.readFile(path));
      return this.texts.get(path);
    },
  };
  // Loading a config file needs the engine (parser, validator, phrasebook), so the loader is made for the first file found.
  private loader: ConfigLoader | undefined;
  // One object for every document without a config file, so what the core compiles per config (its globs) is compiled once.
  private defaults: PostmortemConfig | undefined;
  private readonly explicit: LoadedConfig | undefined;
  private readonly problemKeys = new Set<string>();
  readonly problems: ConfigProblem[] = [];

  /** `explicitPath` is an absolute path from --config; it then applies to every document. */
  constructor(
    private readonly cwd: string,
    explicitPath?: string,
  ) {
    if (explicitPath !== undefined) {
      if (!existsSync(explicitPath)) throw new CliError(`no such config file: ${explicitPath}`);
      this.explicit = this.record(this.load(explicitPath));
    }
  }

  forDocument(documentPath: string): DocumentConfig {
    // As with ESLint, globs of a --config file are relative to the working folder, a found file's to its own.
    if (this.explicit) return { config: this.explicit.config, root: this.cwd };
    const file = findConfigFile(documentPath, this.cachedReader);
    if (file === undefined) return { config: (this.defaults ??= defaultConfig()), root: this.cwd };
    const loaded = this.record(this.load(file));
    return { config: loaded.config, root: loaded.file === undefined ? this.cwd : dirname(loaded.file) };
  }

  /** `file:line:column: message` lines, the file relative to the working folder. */
  describeProblems(): string[] {
    return this.problems.map((problem) => {
      const file = isAbsolute(problem.file) ? displayPath(problem.file, this.cwd) : problem.file;
      return engine().formatConfigProblem({ ...problem, file });
    });
  }

  private load(file: string): LoadedConfig {
    if (!this.loader) {
      const { ConfigLoader, ruleIds } = engine();
      this.loader = new ConfigLoader(this.cachedReader, ruleIds);
    }
    return this.loader.load(file);
  }

  private record(loaded: LoadedConfig): LoadedConfig {
    for (const problem of loaded.problems) {
      const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
      if (this.problemKeys.has(key)) continue;
      this.problemKeys.add(key);
      this.problems.push(problem);
    }
    return loaded;
  }
}
