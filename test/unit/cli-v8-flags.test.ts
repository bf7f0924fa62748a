// The CLI process tunes V8 for a short run; the flags are set by its entry only, never by the modules tests import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './cli-e2e-support';

/** The V8 flags a CLI run over one postmortem sets, recorded by a preload that wraps `setFlagsFromString`. */
function flagsSetByRun(): string[] {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const folder = mkdtempSync(join(tmpdir(), 'cli-v8-flags-'));
  try {
    writeFileSync(join(folder, 'queue-postmortem.md'), '# Postmortem: queue backlog\n\n## Summary\n\nThe deploy script restarted every worker at once.\n');
    const log = join(folder, 'flags.txt');
    const hook = join(folder, 'hook.cjs');
    writeFileSync(
      hook,
      `const v8 = require('node:v8'); const fs = require('node:fs'); const set = v8.setFlagsFromString;
       v8.setFlagsFromString = (flags) => { fs.appendFileSync(${JSON.stringify(log)}, flags + '\\n'); return set(flags); };`,
    );
    const run = spawnSync(process.execPath, ['--require', hook, cliPath, '.'], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('a CLI run waits longer before optimising a function, and keeps regular expressions off tier-up', () => {
  const flags = flagsSetByRun();
  assert.ok(flags.includes('--no-regexp-tier-up'), flags.join(' '));
  const budget = flags.map((flag) => /^--interrupt-budget=(\d+)$/.exec(flag)).find(Boolean);
  assert.ok(budget, flags.join(' '));
  // V8's default budget is 67,584 bytes of bytecode.
  assert.ok(Number(budget[1]) > 67_584, budget[0]);
});
