// The CLI loads the analysis only when a command needs it: `--version` and a bad command line stay instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './cli-e2e-support';

/** The bundles of dist/ that a CLI run required, in the order it required them; `files` are written to its folder first. */
function bundlesRequired(args: string[], files: Record<string, string> = {}): { status: number | null; bundles: string[] } {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const folder = mkdtempSync(join(tmpdir(), 'cli-lazy-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
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

test('linting a folder without postmortems loads neither the analysis engine nor the NLP library', () => {
  const { status, bundles } = bundlesRequired(['.'], { 'README.md': '# Tools\n\nHow to build.\n', 'notes.md': '# Meeting notes\n\n- agenda\n' });
  assert.equal(status, 0);
  assert.deepEqual(bundles, ['cli.js', 'cli-commands.js']);
});

test('a postmortem loads the analysis engine, and its blame check the NLP library', () => {
  const postmortem = '# Postmortem: queue backlog\n\n## Summary\n\nThe deploy script restarted every worker at once.\n';
  const { status, bundles } = bundlesRequired(['.'], { 'README.md': '# Tools\n', 'queue-postmortem.md': postmortem });
  assert.equal(status, 1);
  assert.deepEqual(bundles, ['cli.js', 'cli-commands.js', 'cli-engine.js', 'cli-nlp.js']);
});

test('a config file loads the analysis engine, which validates it, even when no file is a postmortem', () => {
  const { status, bundles } = bundlesRequired(['.'], { '.postmortemrc.json': '{ "rules": { "timeline-order": "error" } }\n', 'README.md': '# Tools\n' });
  assert.equal(status, 0);
  assert.deepEqual(bundles, ['cli.js', 'cli-commands.js', 'cli-engine.js']);
});

test('the entry bundle holds none of the analysis core, and the commands only what detection needs', () => {
  // The development build names each bundled module in a comment.
  const bundle = (name: string) => readFileSync(join(cliPath, '..', name), 'utf8');
  assert.doesNotMatch(bundle('cli.js'), /server\/src\/analysis\//);
  assert.match(bundle('cli-commands.js'), /server\/src\/analysis\/detect\.ts/);
  assert.doesNotMatch(bundle('cli-commands.js'), /server\/src\/analysis\/(?:index|markdown|rules\/index)\.ts/);
  assert.match(bundle('cli-engine.js'), /server\/src\/analysis\/index\.ts/);
});
