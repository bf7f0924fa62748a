// Reads the input files one at a time, keeps the postmortems and pairs each with its analysis options.
import { resolve } from 'node:path';
import type { AnalysisCache, AnalyzeOptions, PostmortemDigest, WorkspacePostmortems } from '../analysis';
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
  /** The postmortems among the files, for the rules that compare a document with earlier ones. */
  workspace?: WorkspacePostmortems;
  /** What the first pass parsed, by path: the lint reuses it and lets go of each once it is linted. */
  parsed?: Map<string, AnalysisCache>;
}

/** Estimated bytes of parsed trees the first pass keeps for the lint; past it, the lint parses again. */
const maxKeptParseBytes = 128 * 1024 * 1024;

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
    const cache = context.parsed?.get(file.path);
    context.parsed?.delete(file.path);
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
        workspace: context.workspace,
        cache,
      },
    };
  }
}

/**
 * The postmortems among the files as the workspace rules read them (a first pass), or undefined for one file alone; a
 * file that cannot be read or parsed is left out here and reported when it is linted. Every file read here is linted
 * next, so this pass parses the whole document, not a skim, and keeps it in `parsed`, within a bound, for the lint.
 */
function readWorkspace(files: readonly InputFile[], context: ReadContext, parsed: Map<string, AnalysisCache>): WorkspacePostmortems | undefined {
  if (files.length < 2) return undefined;
  const digests: PostmortemDigest[] = [];
  let keptBytes = 0;
  // Only postmortems come out of readDocuments, so the engine loads only when there are some to compare.
  for (const document of readDocuments(files, { ...context, skip: () => undefined })) {
    const { path = document.filePath, config } = document.options;
    if (!config) continue;
    const cache = new (engine().AnalysisCache)();
    try {
      digests.push(engine().digestPostmortem(path, engine().parsePostmortem(document.text, config, cache.parser, { today: document.today, cache })));
      // The lint reads the model the cache keeps; the parsed trees would only weigh on the collector until then.
      cache.parser.clear();
    } catch {
      // Left out of the comparison; linting the file reports why it cannot be analysed.
      continue;
    }
    keptBytes += cache.bytes;
    if (keptBytes <= maxKeptParseBytes) parsed.set(document.filePath, cache);
  }
  return digests.length < 2 ? undefined : new (engine().WorkspacePostmortems)(digests);
}

/**
 * The documents named on the command line, with the configs that apply; skipped files are reported on stderr.
 * With `compare`, each document is also compared with the other postmortems among the files.
 */
export function openDocuments(options: { paths: string[]; config: string | undefined; today: string | undefined; compare?: boolean }, io: CliIO): { configs: ConfigResolver; documents: Generator<InputDocument> } {
  const files = findInputFiles(options.paths, io.cwd);
  const configs = new ConfigResolver(io.cwd, options.config === undefined ? undefined : resolve(io.cwd, options.config));
  const context: ReadContext = { cwd: io.cwd, today: options.today, configs, skip: (path, reason) => io.stderr(`${path}: skipped: ${reason}\n`) };
  const parsed = new Map<string, AnalysisCache>();
  const documents = readDocuments(files, { ...context, workspace: options.compare ? readWorkspace(files, context, parsed) : undefined, parsed });
  return { configs, documents };
}
