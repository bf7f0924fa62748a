// Finds the configuration for each document (or the one given by --config) and gathers its problems.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { PostmortemConfig } from '../analysis/config';
import {
  formatConfigProblem,
  loadConfigFile,
  loadConfigForDocument,
  nodeConfigFileSystem,
  type ConfigFileSystem,
  type ConfigProblem,
  type LoadedConfig,
} from '../analysis/config-file';
import { CliError } from './errors';
import { displayPath } from './files';

export interface DocumentConfig {
  config: PostmortemConfig;
  /** The folder the config's globs are relative to. */
  root: string;
}

export class ConfigResolver {
  private readonly fs: ConfigFileSystem;
  private readonly explicit: LoadedConfig | undefined;
  private readonly problemKeys = new Set<string>();
  readonly problems: ConfigProblem[] = [];

  /** `explicitPath` is an absolute path from --config; it then applies to every document. */
  constructor(
    private readonly knownRuleIds: readonly string[],
    private readonly cwd: string,
    explicitPath?: string,
  ) {
    // Documents of one folder share their config files; read each file once per run.
    const cache = new Map<string, string | undefined>();
    this.fs = {
      readFile: (path) => {
        if (!cache.has(path)) cache.set(path, nodeConfigFileSystem.readFile(path));
        return cache.get(path);
      },
    };
    if (explicitPath !== undefined) {
      if (!existsSync(explicitPath)) throw new CliError(`no such config file: ${explicitPath}`);
      this.explicit = this.record(loadConfigFile(explicitPath, this.fs, knownRuleIds));
    }
  }

  forDocument(documentPath: string): DocumentConfig {
    // As with ESLint, globs of a --config file are relative to the working folder, a found file's to its own.
    if (this.explicit) return { config: this.explicit.config, root: this.cwd };
    const loaded = this.record(loadConfigForDocument(documentPath, this.fs, this.knownRuleIds));
    return { config: loaded.config, root: loaded.file === undefined ? this.cwd : dirname(loaded.file) };
  }

  /** `file:line:column: message` lines, the file relative to the working folder. */
  describeProblems(): string[] {
    return this.problems.map((problem) => {
      const file = isAbsolute(problem.file) ? displayPath(problem.file, this.cwd) : problem.file;
      return formatConfigProblem({ ...problem, file });
    });
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
