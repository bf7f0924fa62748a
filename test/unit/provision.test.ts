// Provisioning VS Code for the tests fills close to a gigabyte; a full disk must be named before the install starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers';

function shortage(free: number, needed: number): string {
  const call = `import('./scripts/vscode/provision.mjs').then((module) => process.stdout.write(String(module.diskShortage(${free}, ${needed}))))`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', call], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('provisioning names the room it needs and the room there is when the disk is short', () => {
  const megabyte = 1024 ** 2;
  assert.equal(shortage(300 * megabyte, 1536 * megabyte), 'Provisioning VS Code needs about 1536 MB free, and only 300 MB are free');
  assert.equal(shortage(1536 * megabyte, 1536 * megabyte), 'undefined');
  assert.equal(shortage(80 * 1024 * megabyte, 1536 * megabyte), 'undefined');
});
