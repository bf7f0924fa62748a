// @ts-check
// Bundles bench/run.ts (or the `--entry` file) with esbuild to a temporary file, runs it with node (argv passed through), then removes the bundle.
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
// `--entry blame.ts` runs another benchmark of this folder; the rest of argv goes to it.
const args = process.argv.slice(2);
const entryAt = args.indexOf('--entry');
const entry = entryAt >= 0 ? args.splice(entryAt, 2)[1] : 'run.ts';
// The bundle stays under bench/ because the test harness finds the repository root from its own location.
const tempDir = mkdtempSync(join(benchDir, '.run-'));
const outfile = join(tempDir, 'run.cjs');

let code = 1;
try {
  await esbuild.build({
    entryPoints: [join(benchDir, entry)],
    outfile,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    bundle: true,
    sourcemap: 'inline',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // --expose-gc lets the workspace measurement read retained heap after a collection rather than garbage.
  const child = spawn(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
process.exit(code);
