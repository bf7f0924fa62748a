// Finding the nearest `.postmortemrc` above a document, apart from loading it: a run over files that are not
// postmortems looks for config files without loading the parser, the validator and the phrasebook behind them.
import { dirname, join, resolve } from 'node:path';
import { isPathInside } from '../paths';

/** How the loader reads files: the core never touches the disk itself, so tests pass files in memory. */
export interface ConfigFileReader {
  /** The file's text, or undefined when it does not exist. May throw for other failures (reported as problems). */
  readFile(path: string): string | undefined;
}

/** Looked for in this order; the first one present in a folder wins. */
export const configFileNames: readonly string[] = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'];

/** Nearest config file for a document path, searching its folder then the ancestors up to and including `stopAt`. */
export function findConfigFile(documentPath: string, reader: ConfigFileReader, stopAt?: string): string | undefined {
  let folder = dirname(resolve(documentPath));
  // A document outside `stopAt` (a file outside the workspace) searches all its ancestors.
  const stop = stopAt !== undefined && isPathInside(folder, resolve(stopAt)) ? resolve(stopAt) : undefined;
  for (;;) {
    for (const name of configFileNames) {
      const candidate = join(folder, name);
      if (readText(reader, candidate).kind !== 'missing') return candidate;
    }
    const parent = dirname(folder);
    if (folder === stop || parent === folder) return undefined;
    folder = parent;
  }
}

export type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

export function readText(reader: ConfigFileReader, path: string): ReadResult {
  try {
    const text = reader.readFile(path);
    return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
