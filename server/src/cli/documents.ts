// Reads the input files one at a time and pairs each with its analysis options.
import { resolve } from 'node:path';
import { type AnalyzeOptions, detectPostmortem, digestPostmortem, parsePostmortem, type PostmortemDigest, ruleIds, today, WorkspacePostmortems } from '../analysis';
import { ConfigResolver } from './config';
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
  /** The postmortems among the files, for the rules that compare a document with earlier ones. */
  workspace?: WorkspacePostmortems;
}

/** A generator, so only one document's text is held at a time. */
export function* readDocuments(files: readonly InputFile[], context: ReadContext): Generator<InputDocument> {
  for (const file of files) {
    const shown = displayPath(file.path, context.cwd);
    const read = readTextFile(file.path);
    if ('skipped' in read) {
      context.skip(shown, read.skipped);
      continue;
    }
    const { config, root } = context.configs.forDocument(file.path);
    const day = context.today ?? today({ timeZone: config.timezone });
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
        force: file.explicit,
        workspace: context.workspace,
      },
    };
  }
}

/**
 * The postmortems among the files as the workspace rules read them (a first, lighter pass), or undefined for one
 * file alone; a file that cannot be read or parsed is left out here and reported when it is linted.
 */
function readWorkspace(files: readonly InputFile[], context: ReadContext): WorkspacePostmortems | undefined {
  if (files.length < 2) return undefined;
  const digests: PostmortemDigest[] = [];
  for (const document of readDocuments(files, { ...context, skip: () => undefined })) {
    const { path = document.filePath, root, config, force } = document.options;
    if (!config || (!force && !detectPostmortem(document.text, path, config, root).postmortem)) continue;
    try {
      digests.push(digestPostmortem(path, parsePostmortem(document.text, config, undefined, { today: document.today, skim: true })));
    } catch {
      // Left out of the comparison; linting the file reports why it cannot be analysed.
    }
  }
  return new WorkspacePostmortems(digests);
}

/**
 * The documents named on the command line, with the configs that apply; skipped files are reported on stderr.
 * With `compare`, each document is also compared with the other postmortems among the files.
 */
export function openDocuments(options: { paths: string[]; config: string | undefined; today: string | undefined; compare?: boolean }, io: CliIO): { configs: ConfigResolver; documents: Generator<InputDocument> } {
  const files = findInputFiles(options.paths, io.cwd);
  const configs = new ConfigResolver(ruleIds, io.cwd, options.config === undefined ? undefined : resolve(io.cwd, options.config));
  const context: ReadContext = { cwd: io.cwd, today: options.today, configs, skip: (path, reason) => io.stderr(`${path}: skipped: ${reason}\n`) };
  const documents = readDocuments(files, { ...context, workspace: options.compare ? readWorkspace(files, context) : undefined });
  return { configs, documents };
}
