// Shared by the end-to-end tests: runs the built `dist/cli.js` in throwaway folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function findRepoRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    assert.notEqual(parent, folder, `no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

export const repoRoot = findRepoRoot(__dirname);
export const cliPath = join(repoRoot, 'dist', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with colour decided by the pipe (off), as CI would. */
export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  delete inherited.DEBUG;
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder (real path, so it matches what the CLI prints) and a function to fill it. */
export function tempFolder(): { root: string; put(path: string, content: string | Uint8Array): string; remove(): void } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'postmortem-cli-')));
  return {
    root,
    put(path, content) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Missing Impact, Timeline and Root cause: three required sections, each with a safe fix. */
export const incompletePostmortem = `# Postmortem: Database outage

## Summary

The primary database ran out of disk space and writes failed for 40 minutes.

## Action items

- [ ] [P1] Add a disk usage alert (Owner: @ana, Due: 2024-02-01)
- [ ] [P2] Write a failover runbook (Owner: @bo, Due: 2030-01-01)
- [x] [P0] Grow the volume (Owner: @ana, Due: 2024-01-16)
`;

export const readme = '# My project\n\nNothing to see here.\n';
