// A short CLI run turns V8's optimising compiler off (it ends before optimised code pays back); a long run keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './cli-e2e-support';
import { maxFilesWithoutOptimizer } from '../../server/src/cli/compiler';

/** The V8 flags a CLI run over `fileCount` Markdown files set, recorded by a preload that wraps `setFlagsFromString`. */
function flagsSetForRun(fileCount: number): string[] {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const folder = mkdtempSync(join(tmpdir(), 'cli-compiler-'));
  try {
    for (let i = 0; i < fileCount; i++) writeFileSync(join(folder, `notes-${i}.md`), `# Meeting notes ${i}\n\n- agenda\n`);
    const log = join(folder, 'flags.txt');
    const hook = join(folder, 'hook.cjs');
    writeFileSync(
      hook,
      `const v8 = require('node:v8'); const fs = require('node:fs'); const set = v8.setFlagsFromString;
       v8.setFlagsFromString = (flags) => { fs.appendFileSync(${JSON.stringify(log)}, flags + '\\n'); return set(flags); };`,
    );
    const run = spawnSync(process.execPath, ['--require', hook, cliPath, '.'], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('a run over a few files turns the optimising compiler off', () => {
  assert.ok(flagsSetForRun(3).includes('--no-opt'));
});

test('a run over more files than the limit keeps the optimising compiler', () => {
  const flags = flagsSetForRun(maxFilesWithoutOptimizer + 1);
  assert.ok(!flags.includes('--no-opt'), flags.join(' '));
  // The flag the entry always sets shows the recording works.
  assert.ok(flags.includes('--no-regexp-tier-up'), flags.join(' '));
});
