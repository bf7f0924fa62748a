// File URIs and paths, converted one way everywhere: with vscode-uri, which encodes them as VS Code does
// (`file:///c%3A/Users/...`), so the index, the open documents and the client name a file alike.
import { URI } from 'vscode-uri';

/** How a path is written: Windows paths have drive letters, backslashes and case-insensitive names. */
export type PathStyle = 'posix' | 'win32';

const hostStyle: PathStyle = process.platform === 'win32' ? 'win32' : 'posix';

/** The `file:` URI of an absolute path, as VS Code writes it (lower-case drive letter, `:`, spaces and `#` escaped). */
export function fileUri(path: string, style: PathStyle = hostStyle): string {
  return URI.file(style === 'win32' ? path.replace(/\\/g, '/') : path).toString();
}

/** The path of a `file:` URI; undefined for untitled and virtual documents. */
export function filePath(uri: string, style: PathStyle = hostStyle): string | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return undefined;
  // vscode-uri writes separators as the host does; a Windows path read on another host gets its backslashes.
  return style === 'win32' ? parsed.fsPath.replace(/\//g, '\\') : parsed.fsPath;
}

/** What two URIs of one document have in common: the parsed form written back, and on Windows without case. */
export function documentKey(uri: string, style: PathStyle = hostStyle): string {
  const parsed = URI.parse(uri);
  const key = parsed.toString();
  return style === 'win32' && parsed.scheme === 'file' ? key.toLowerCase() : key;
}

export function sameDocument(a: string, b: string, style: PathStyle = hostStyle): boolean {
  return a === b || documentKey(a, style) === documentKey(b, style);
}
