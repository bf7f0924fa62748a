// Finds the configuration for each document (or the one given by --config) and gathers its problems.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { ConfigLoader, type ConfigProblem, formatConfigProblem, type LoadedConfig, type PostmortemConfig } from '../analysis';
import { nodeConfigFileReader } from '../node-files';
import { CliError } from './errors';
import { displayPath } from './files';

export interface DocumentConfig {
  config: PostmortemConfig;
  /** The folder the config's globs are relative to. */
  root: string;
}

export class ConfigResolver {
  // Documents of one folder share their config files; the loader reads each once per run.
  private readonly loader: ConfigLoader;
  private readonly explicit: LoadedConfig | undefined;
  private readonly problemKeys = new Set<string>();
  readonly problems: ConfigProblem[] = [];

  /** `explicitPath` is an absolute path from --config; it then applies to every document. */
  constructor(
    knownRuleIds: readonly string[],
    private readonly cwd: string,
    explicitPath?: string,
  ) {
    this.loader = new ConfigLoader(nodeConfigFileReader, knownRuleIds);
    if (explicitPath !== undefined) {
      if (!existsSync(explicitPath)) throw new CliError(`no such config file: ${explicitPath}`);
      this.explicit = this.record(this.loader.load(explicitPath));
    }
  }

  forDocument(documentPath: string): DocumentConfig {
    // As with ESLint, globs of a --config file are relative to the working folder, a found file's to its own.
    if (this.explicit) return { config: this.explicit.config, root: this.cwd };
    const loaded = this.record(this.loader.forDocument(documentPath));
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
