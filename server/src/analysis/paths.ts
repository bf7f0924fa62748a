// Whether a path lies inside a folder: decided here once, for POSIX and Windows paths alike.
import { posix, win32, type PlatformPath } from 'node:path';

/** `path` relative to `folder` with `/` separators ('' for the folder itself), or undefined when it is not inside. */
export function pathInsideFolder(path: string, folder: string): string | undefined {
  const style = pathStyle(path, folder);
  const relative = style.relative(folder, path);
  if (relative === '..' || relative.startsWith(`..${style.sep}`) || style.isAbsolute(relative)) return undefined;
  return relative.split(style.sep).join('/');
}

/** True when `path` is `folder` or lies under it, segment by segment (`/ws-old` is not inside `/ws`). */
export function isPathInside(path: string, folder: string): boolean {
  return pathInsideFolder(path, folder) !== undefined;
}

/**
 * True when `path` or a folder above it is one of `folders`, compared as written (callers resolve both).
 * One set lookup per level keeps a burst of thousands of changed paths linear.
 */
export function isAtOrUnderAny(path: string, folders: ReadonlySet<string>): boolean {
  const style = pathStyle(path);
  for (let at = path; ; at = style.dirname(at)) {
    if (folders.has(at)) return true;
    if (style.dirname(at) === at) return false;
  }
}

// A drive letter or a UNC prefix marks a Windows path whatever system this runs on, so both kinds compare right everywhere.
function pathStyle(...paths: string[]): PlatformPath {
  return paths.some((path) => /^(?:[A-Za-z]:|\\\\)/.test(path)) ? win32 : posix;
}
