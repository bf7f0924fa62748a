// The command line compares each postmortem with the other postmortems it lints: a folder reports recurring causes
// and repeated action items, a file alone neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixturePath } from '../helpers';
import { runCli } from './cli-e2e-support';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
}

const folder = fixturePath('workspace-rules');
const billing = '2025-12-02-billing-pool.md';

function workspaceFindings(args: string[]): Map<string, string[]> {
  const run = runCli(folder, [...args, '--format', 'json']);
  const results = JSON.parse(run.stdout) as JsonResult[];
  return new Map(
    results.map((result) => [
      result.filePath.split(/[\\/]/).pop() ?? '',
      result.messages.filter((message) => message.ruleId === 'recurring-cause' || message.ruleId === 'repeated-action-item').map((message) => `${message.line} ${message.ruleId}: ${message.message}`),
    ]),
  );
}

test('linting a folder reports, in the latest pool exhaustion, the two earlier ones', () => {
  const found = workspaceFindings(['.']);
  assert.equal(found.size, 6);
  assert.equal(found.get(billing)?.length, 1, found.get(billing)?.join('\n'));
  assert.match(found.get(billing)?.[0] ?? '', /^10 recurring-cause: Also in 2 postmortems since 2025-02: /);
  // The oldest postmortem of the group has nothing earlier to recall.
  assert.deepEqual(found.get('2025-02-03-orders-pool.md'), []);
});

test('a file alone reports neither', () => {
  assert.deepEqual(workspaceFindings([join(folder, billing)]).get(billing), []);
});
