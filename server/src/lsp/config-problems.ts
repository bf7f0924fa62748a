// Problems of config files and of the settings: each config file's as diagnostics on that file, all in the log.
import type { Connection } from 'vscode-languageserver';
import { formatConfigProblem, isPathInside } from '../analysis';
import type { ResolvedConfig } from './configs';
import { filePath, fileUri } from './uris';

/** Matches `.postmortemrc`, `.postmortemrc.json`, `.postmortemrc.yaml` and `.postmortemrc.yml`. */
export function isConfigFile(path: string): boolean {
  return /\.postmortemrc(\.(json|ya?ml))?$/.test(path);
}

export class ConfigProblemReporter {
  private readonly filesWithDiagnostics = new Set<string>();
  /** A resolved config is cached until a config file or the settings change: its problems are reported once. */
  private readonly reported = new WeakSet<ResolvedConfig>();

  constructor(private readonly connection: Connection) {}

  report(resolved: ResolvedConfig): void {
    if (this.reported.has(resolved)) return;
    this.reported.add(resolved);
    for (const [file, problems] of resolved.problems) {
      if (file === 'settings') {
        for (const problem of problems) this.connection.console.warn(`postmortem settings: ${problem.message}`);
        continue;
      }
      const uri = fileUri(file);
      this.filesWithDiagnostics.add(uri);
      void this.connection.sendDiagnostics({
        uri,
        diagnostics: problems.map((problem) => ({
          range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.endLine - 1, character: problem.endColumn - 1 } },
          severity: 1,
          source: 'postmortem',
          message: `${problem.message} (defaults apply)`,
        })),
      });
      this.connection.console.warn(problems.map(formatConfigProblem).join('\n'));
    }
  }

  /** A changed config file loses its diagnostics; they come back if it is still broken when next read. */
  fileChanged(uri: string): void {
    if (this.filesWithDiagnostics.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A deleted folder's config files are gone with it: the editor sends one event for the folder, none for them. */
  folderDeleted(folder: string): void {
    for (const uri of this.filesWithDiagnostics) {
      const path = filePath(uri);
      if (path && isPathInside(path, folder)) this.fileChanged(uri);
    }
  }
}
