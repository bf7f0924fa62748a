// @ts-check
// Runs the bundled tests with node's built-in test runner; arguments filter by path.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} dir
 * @returns {string[]}
 */
function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const files = findTests('out/test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('No test files found under out/test; run `npm run build` first.');
  process.exit(1);
}
// A test file that runs longer than this is stopped and fails, so a hang is reported by name instead of stalling CI.
const fileTimeoutMs = 10 * 60 * 1000;
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', `--test-timeout=${fileTimeoutMs}`, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
