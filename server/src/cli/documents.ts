// Reads the input files one at a time, keeps the postmortems and pairs each with its analysis options.
import { resolve } from 'node:path';
import type { AnalyzeOptions } from '../analysis';
import { detectPostmortem } from '../analysis/detection';
import { ConfigResolver } from './config';
import { engine } from './engine-loader';
import { displayPath, findInputFiles, readTextFile, type InputFile } from './files';
import type { CliIO } from './io';

export interface InputDocument {
  /** Absolute path. */
  filePath: string;
  displayPath: string;
  /** Without the BOM, which `bom` records so it can be written back. */
  text: string;
  bom: boolean;
  /** `YYYY-MM-DD`, the day due dates are judged on. */
  today: string;
  options: AnalyzeOptions;
}

export interface ReadContext {
  cwd: string;
  /** `--today`; undefined means today where the document's config says the team is. */
  today: string | undefined;
  configs: ConfigResolver;
  /** Called with the display path and the reason for each file that cannot be linted. */
  skip(path: string, reason: string): void;
}

/**
 * The files to analyse: those named on the command line and the postmortems among the others. A generator, so only
 * one document's text is held at a time.
 */
export function* readDocuments(files: readonly InputFile[], context: ReadContext): Generator<InputDocument> {
  for (const file of files) {
    const shown = displayPath(file.path, context.cwd);
    const read = readTextFile(file.path);
    if ('skipped' in read) {
      context.skip(shown, read.skipped);
      continue;
    }
    const { config, root } = context.configs.forDocument(file.path);
    // Deciding here, before the analysis engine is loaded, keeps a run over other Markdown files light.
    if (!file.explicit && !detectPostmortem(read.text, file.path, config, root).postmortem) continue;
    const day = context.today ?? engine().today({ timeZone: config.timezone });
    yield {
      filePath: file.path,
      displayPath: shown,
      text: read.text,
      bom: read.bom,
      today: day,
      options: {
        path: file.path,
        root,
        config,
        today: day,
        // Detection was done above, with the same text, path and config.
        force: true,
      },
    };
  }
}

/** The documents named on the command line, with the configs that apply; skipped files are reported on stderr. */
export function openDocuments(options: { paths: string[]; config: string | undefined; today: string | undefined }, io: CliIO): { configs: ConfigResolver; documents: Generator<InputDocument> } {
  const files = findInputFiles(options.paths, io.cwd);
  const configs = new ConfigResolver(io.cwd, options.config === undefined ? undefined : resolve(io.cwd, options.config));
  const documents = readDocuments(files, {
    cwd: io.cwd,
    today: options.today,
    configs,
    skip: (path, reason) => io.stderr(`${path}: skipped: ${reason}\n`),
  });
  return { configs, documents };
}
