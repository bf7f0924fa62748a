// The CLI loads the analysis only when a command needs it: `--version` and a bad command line stay instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './cli-e2e-support';

/** The bundles of dist/ that a CLI run required, in the order it required them. */
function bundlesRequired(args: string[]): { status: number | null; bundles: string[] } {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const folder = mkdtempSync(join(tmpdir(), 'cli-lazy-'));
  try {
    const log = join(folder, 'required.txt');
    const hook = join(folder, 'hook.cjs');
    // A preload that records every file Node compiles, before the CLI runs.
    writeFileSync(
      hook,
      `const Module = require('node:module'); const fs = require('node:fs');
       const compile = Module.prototype._compile;
       Module.prototype._compile = function (content, filename) { fs.appendFileSync(${JSON.stringify(log)}, filename + '\\n'); return compile.call(this, content, filename); };`,
    );
    const run = spawnSync(process.execPath, ['--require', hook, cliPath, ...args], { cwd: folder, encoding: 'utf8' });
    const required = existsSync(log) ? readFileSync(log, 'utf8') : '';
    const bundles = required
      .split('\n')
      .filter((file) => /[\\/]dist[\\/]/.test(file))
      .map((file) => file.replace(/^.*[\\/]dist[\\/]/, ''));
    return { status: run.status, bundles };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('--version and a bad option load only the entry bundle', () => {
  assert.deepEqual(bundlesRequired(['--version']), { status: 0, bundles: ['cli.js'] });
  assert.deepEqual(bundlesRequired(['--no-such-option']), { status: 2, bundles: ['cli.js'] });
});

test('--help loads the commands, which know the limits, but not the NLP library', () => {
  assert.deepEqual(bundlesRequired(['--help']), { status: 0, bundles: ['cli.js', 'cli-commands.js'] });
});

test('linting a folder without postmortems does not load the NLP library', () => {
  const { status, bundles } = bundlesRequired(['.']);
  assert.ok(status === 0 || status === 2, `exit code ${status}`);
  assert.deepEqual(bundles, ['cli.js', 'cli-commands.js']);
});

test('the entry bundle holds none of the analysis core, so loading it stays cheap', () => {
  // The development build names each bundled module in a comment.
  const entry = readFileSync(cliPath, 'utf8');
  assert.doesNotMatch(entry, /server\/src\/analysis\//);
  assert.match(readFileSync(join(cliPath, '..', 'cli-commands.js'), 'utf8'), /server\/src\/analysis\/index\.ts/);
});
