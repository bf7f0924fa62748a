// The index worker (bundled in dist/ by the build) indexes the same as the server's own thread.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/analysis/config';
import { WorkspaceIndex } from '../../server/src/lsp/workspace-index';
import { repoRoot } from '../helpers';

let root: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'pm-worker-'));
  mkdirSync(join(root, 'postmortems'));
  for (let i = 0; i < 12; i++) {
    writeFileSync(
      join(root, 'postmortems', `p${i}.md`),
      `# Postmortem: Incident ${i}\n\n**Date**: 2024-01-${String(i + 1).padStart(2, '0')}\n\n## Timeline\n\n- 10:00 Alert fires\n- 10:${String(10 + i)} Resolved\n\n## Action items\n\n- [ ] [P1] Fix thing ${i} (Owner: @owner${i % 3}, Due: 2024-03-01)\n`,
    );
  }
});

after(() => rmSync(root, { recursive: true, force: true }));

function createIndex(workerScript: string | undefined): WorkspaceIndex {
  return new WorkspaceIndex({
    folders: [root],
    configFor: () => ({ config: defaultConfig(), root }),
    readFile: (path) => readFile(path, 'utf8').catch(() => undefined),
    maxFileSize: () => 1_000_000,
    today: () => '2024-06-01',
    workerScript,
  });
}

test('a scan with the worker gives the same index as one without', async () => {
  const alone = createIndex(undefined);
  await alone.scan();
  const withWorker = createIndex(join(repoRoot, 'dist', 'index-worker.js'));
  await withWorker.scan();
  assert.equal(withWorker.size, 12);
  assert.deepEqual(withWorker.actionItems({ includeDone: true }), alone.actionItems({ includeDone: true }));
  assert.deepEqual(withWorker.metrics(), alone.metrics());
});

test('a worker that cannot start leaves its files to the scanning thread', async () => {
  const index = createIndex(join(root, 'no-such-worker.js'));
  await index.scan();
  assert.equal(index.size, 12);
});
