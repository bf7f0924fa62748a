// Atomic file replacement, so an interrupted --fix never leaves a half-written postmortem.
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes to a temporary file beside the target, then renames it over; keeps the file's mode. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  // Writing through a symlink must replace the target, not the link itself.
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomHex(6)}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx', mode });
    // The mode given at creation is masked by the umask; set it exactly.
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Web Crypto's global, which node loads on first use: a run that writes nothing does not load node:crypto. */
function randomHex(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
