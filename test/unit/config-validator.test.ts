// The config validator is Ajv standalone code generated from the shipped schema; it must be regenerated when the schema changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers';

test('the precompiled config validator matches schemas/postmortemrc.schema.json', () => {
  const generate = "import('./scripts/config-validator.mjs').then((module) => process.stdout.write(module.configValidatorCode()))";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', generate], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  const committed = readFileSync(join(repoRoot, 'server', 'src', 'analysis', 'config-file', 'schema-validator.js'), 'utf8');
  assert.ok(committed === run.stdout, 'server/src/analysis/config-file/schema-validator.js is stale: run `npm run build` to regenerate it');
});
