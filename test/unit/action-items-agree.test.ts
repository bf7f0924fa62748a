// The CLI, the language server's workspace index and the editor's view agree on the same action items:
// who owns them, which are overdue and which due window they fall in, because all three ask the core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { defaultConfig } from '../../server/src/analysis/config';
import { WorkspaceIndex } from '../../server/src/lsp/workspace-index';
import type { WorkspaceActionItem } from '../../server/src/protocol';
import { groupItems } from '../../client/src/action-items/grouping';
import { dueDescription } from '../../client/src/action-items/due-window';
import { analyze } from '../../server/src/analysis';
import { runCli, tempFolder } from './cli-e2e-support';

const today = '2024-03-13';

const postmortem = [
  '# Postmortem: Queue backlog',
  '',
  '## Action items',
  '',
  '| Action | Owner | Due | Status |',
  '|---|---|---|---|',
  '| Alert on queue age | @ana, @bo | 2024-03-12 | Open |',
  '| Add a consumer autoscaler | @Ana | 2024-03-13 | Open |',
  '| Write the backlog runbook | @anna | 2024-03-25 | Open |',
  '| Drain the queue | @ana | 2024-03-01 | Done |',
  '| Review the retry policy | @bo | | Open |',
  '',
].join('\n');

interface CliRow {
  line: number;
  item: string;
  overdue: boolean;
}

const folder = tempFolder();
let index: WorkspaceIndex;

before(async () => {
  folder.put('postmortems/2024-03-01-queue.md', postmortem);
  index = new WorkspaceIndex({
    folders: [folder.root],
    configFor: () => ({ config: defaultConfig(), root: folder.root }),
    readFile: (path) => readFile(path, 'utf8'),
    maxFileSize: () => 64 * 1024,
    today: () => today,
  });
  await index.scan();
});

after(() => folder.remove());

function cliRows(args: string[]): CliRow[] {
  const run = runCli(folder.root, ['actions', '--format', 'json', '--today', today, '--all', ...args]);
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as CliRow[]).sort((a, b) => a.line - b.line);
}

function serverItems(owner?: string): WorkspaceActionItem[] {
  return index.actionItems({ includeDone: true, owner }).sort((a, b) => a.range.start.line - b.range.start.line);
}

describe('the CLI, the server and the view agree', () => {
  it('on who owns what: "ana" is one of "@ana, @bo" and is "@Ana", but not "@anna"', () => {
    const expected = ['Alert on queue age', 'Add a consumer autoscaler', 'Drain the queue'];
    assert.deepEqual(cliRows(['--owner', 'ana']).map((row) => row.item), expected);
    assert.deepEqual(serverItems('ana').map((item) => item.description), expected);
    assert.deepEqual(serverItems('@ANA').map((item) => item.description), expected);
    assert.deepEqual(serverItems('an'), []);
    assert.deepEqual(cliRows(['--owner', 'an']), []);
  });

  it('on which items are overdue: not the one due today, not the done one', () => {
    const cli = cliRows([]).map((row) => [row.line, row.overdue]);
    const server = serverItems().map((item) => [item.range.start.line + 1, item.overdue]);
    assert.deepEqual(server, cli);
    assert.deepEqual(cli.filter(([, overdue]) => overdue).map(([line]) => line), [7]);
    assert.deepEqual(index.metrics().overdueActionItems, 1);
  });

  it('on the due windows the view groups by, from the server\'s facts', () => {
    const groups = groupItems(serverItems(), 'dueWindow').map((group) => [group.label, group.items.map((item) => item.range.start.line + 1)]);
    assert.deepEqual(groups, [
      ['Overdue', [7]],
      ['Due this week', [8]],
      ['Due later', [9]],
      ['No due date', [11]],
      ['Done', [10]],
    ]);
    const overdueByCli = cliRows([]).filter((row) => row.overdue).map((row) => row.line);
    assert.deepEqual(groups[0][1], overdueByCli);
  });

  it('on owners as the view groups them: each person of a shared item', () => {
    const byOwner = groupItems(serverItems(), 'owner').map((group) => [group.label, group.items.length]);
    assert.deepEqual(byOwner, [['@ana', 3], ['@anna', 1], ['@bo', 2]]);
  });

  it('on the days left in words: the view shows the server\'s, and the overdue rule says the same', () => {
    const words = serverItems().map((item) => [item.range.start.line + 1, item.dueInWords, dueDescription(item, false)]);
    assert.deepEqual(words, [
      [7, '1 day overdue', '1 day overdue'],
      [8, 'due today', 'due today'],
      [9, 'due in 12 days', 'due in 12 days'],
      [10, '12 days overdue', undefined],
      [11, undefined, undefined],
    ]);
    const overdue = analyze(postmortem, { force: true, today }).findings.filter((finding) => finding.ruleId === 'action-item-overdue');
    assert.deepEqual(overdue.map((finding) => finding.message), ['Action item is 1 day overdue (due 2024-03-12).']);
  });
});
