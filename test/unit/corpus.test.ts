// The CLI over a small repository of realistic postmortems must report exactly the findings
// their authors intended (test/fixtures/corpus/intended.json), and nothing for other Markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixturePath, repoRoot } from '../helpers';

interface Intended {
  file: string;
  line: number;
  ruleId: string;
}

interface FileResult {
  filePath: string;
  messages: { ruleId: string; line: number; message: string }[];
}

const corpus = fixturePath('corpus');

function lint(): FileResult[] {
  const cli = join(repoRoot, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, '--format', 'json', '--today', '2024-06-01'], { cwd: corpus, encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1, 'errors are found, so the exit code is 1');
  return JSON.parse(run.stdout) as FileResult[];
}

test('the corpus gets exactly the intended findings', () => {
  const results = lint();
  // The findings that compare postmortems with one another are tested on a workspace written for them (cli-workspace-rules).
  const acrossDocuments = new Set(['recurring-cause', 'repeated-action-item']);
  const actual = results.flatMap((result) => result.messages.filter((m) => !acrossDocuments.has(m.ruleId)).map((m) => `${relative(corpus, result.filePath).replace(/\\/g, '/')}:${m.line} ${m.ruleId}`)).sort();
  const intended = (JSON.parse(readFileSync(join(corpus, 'intended.json'), 'utf8')) as Intended[]).map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort();
  assert.deepEqual(actual, intended);
});

test('READMEs and runbooks are not postmortems; the two found by front matter and heading are', () => {
  const files = lint().map((result) => relative(corpus, result.filePath).replace(/\\/g, '/'));
  assert.ok(!files.includes('README.md'));
  assert.ok(!files.includes('docs/runbooks/db-failover.md'));
  assert.ok(files.includes('notes/search-latency.md'));
  assert.ok(files.includes('docs/2024-04-02-incident-review.md'));
  assert.equal(files.length, 14);
});
