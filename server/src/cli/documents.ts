// Reads the input files one at a time and pairs each with its analysis options.
import type { AnalyzeOptions } from '../analysis/index';
import type { ConfigResolver } from './config';
import { displayPath, readTextFile, type InputFile } from './files';

export interface InputDocument {
  /** Absolute path. */
  filePath: string;
  displayPath: string;
  /** Without the BOM, which `bom` records so it can be written back. */
  text: string;
  bom: boolean;
  options: AnalyzeOptions;
}

export interface ReadContext {
  cwd: string;
  today: string;
  configs: ConfigResolver;
  /** Called with the display path and the reason for each file that cannot be linted. */
  skip(path: string, reason: string): void;
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
    yield {
      filePath: file.path,
      displayPath: shown,
      text: read.text,
      bom: read.bom,
      options: {
        path: file.path,
        root,
        config,
        today: context.today,
        force: file.explicit,
      },
    };
  }
}
