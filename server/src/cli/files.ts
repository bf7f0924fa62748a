// Finding the files to lint (paths, directories, globs) and reading them safely as UTF-8 text.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { extname, resolve, sep } from 'node:path';
import { maxFileSizeBytes, pathInsideFolder } from '../analysis/detection';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { CliError } from './errors';

const markdownExtensions = ['.md', '.markdown'];

/** Never searched, whatever the patterns say. */
const neverSearched = ['**/node_modules/**', '**/.git/**'];

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line itself, so it is linted even if it does not look like a postmortem. */
  explicit: boolean;
}

/** Expands the command line's paths; with none, every Markdown file under `cwd`. */
export function findInputFiles(args: readonly string[], cwd: string): InputFile[] {
  const found = new Map<string, InputFile>();
  const add = (path: string, explicit: boolean) => {
    const key = realPath(path);
    const existing = found.get(key);
    if (existing) existing.explicit ||= explicit;
    else found.set(key, { path, explicit });
  };
  if (args.length === 0) for (const path of walk(cwd)) add(path, false);
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = statKind(path);
    if (kind === 'file') add(path, true);
    else if (kind === 'directory') for (const file of walk(path)) add(file, false);
    else if (isDynamicPattern(arg)) {
      const matches = globMarkdown(arg, cwd);
      if (matches.length === 0) throw new CliError(`no files match the pattern: ${arg}`);
      for (const match of matches) add(match, false);
    } else throw new CliError(`no such file or directory: ${arg}`);
  }
  return [...found.values()];
}

/** Symlinks can reach one file by several paths; keyed by its real path, it is linted once. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A dangling link has no real path; reading it reports the problem.
    return path;
  }
}

function statKind(path: string): 'file' | 'directory' | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}

function walk(directory: string): string[] {
  return globMarkdown('**/*', directory);
}

function globMarkdown(pattern: string, cwd: string): string[] {
  const matches = globSync(pattern, { cwd, absolute: true, ignore: neverSearched });
  return matches
    .map((match) => resolve(match))
    .filter((match) => markdownExtensions.includes(extname(match).toLowerCase()))
    .sort();
}

export type ReadResult = { text: string; bom: boolean } | { skipped: string };

/** Reads a file as UTF-8; the BOM is split off so offsets and columns start at the first real character. */
export function readTextFile(path: string, maxBytes: number = maxFileSizeBytes): ReadResult {
  let bytes: Buffer;
  try {
    // Checking the size first avoids reading a huge file only to throw it away.
    if (statSync(path).size > maxBytes) return { skipped: tooLarge(maxBytes) };
    bytes = readFileSync(path);
  } catch (error) {
    return { skipped: describeFileError(error) };
  }
  if (bytes.length > maxBytes) return { skipped: tooLarge(maxBytes) };
  if (bytes.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  if (!isUtf8(bytes)) return { skipped: 'binary file (not valid UTF-8)' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.toString('utf8', bom ? 3 : 0), bom };
}

/** The bytes to write back: the text, with the BOM restored if the file had one. */
export function encodeText(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

function tooLarge(maxBytes: number): string {
  return `file is larger than ${maxBytes / (1024 * 1024)} MB`;
}

export function describeFileError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Path for messages and reports: relative to the working folder when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  return pathInsideFolder(path, cwd) ?? path.split(sep).join('/');
}
