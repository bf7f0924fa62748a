// End to end: `postmortem-lint actions` on a real folder.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { incompletePostmortem, readme, runCli, tempFolder } from './cli-e2e-support';

interface Row {
  file: string;
  line: number;
  priority: string | null;
  owner: string | null;
  due: string | null;
  status: string;
  overdue: boolean;
  item: string;
}

const folder = tempFolder();

before(() => {
  folder.put('postmortems/2024-01-15-db.md', incompletePostmortem);
  folder.put('README.md', `${readme}\n## Action items\n\n- [ ] Not a postmortem item (Owner: @ana)\n`);
});

after(() => folder.remove());

function rows(args: string[]): Row[] {
  const run = runCli(folder.root, ['actions', '--format', 'json', '--today', '2024-03-01', ...args]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Row[];
}

describe('cli: actions', () => {
  it('lists open items of postmortems, by due date, overdue ones marked', () => {
    const open = rows([]);
    assert.deepEqual(
      open.map((row) => [row.file, row.line, row.priority, row.owner, row.due, row.status, row.overdue]),
      [
        ['postmortems/2024-01-15-db.md', 9, 'P1', '@ana', '2024-02-01', 'open', true],
        ['postmortems/2024-01-15-db.md', 10, 'P2', '@bo', '2030-01-01', 'open', false],
      ],
    );
    assert.match(open[0].item, /disk usage alert/);
  });

  it('filters with --all, --owner and --overdue', () => {
    assert.equal(rows(['--all']).length, 3);
    assert.deepEqual(rows(['--owner', 'BO']).map((row) => row.owner), ['@bo']);
    assert.deepEqual(rows(['--owner', '@ana', '--all']).map((row) => row.due), ['2024-01-16', '2024-02-01']);
    assert.deepEqual(rows(['--overdue']).map((row) => row.due), ['2024-02-01']);
  });

  it('prints a table, CSV and Markdown', () => {
    const table = runCli(folder.root, ['actions', '--today', '2024-03-01']);
    assert.equal(table.status, 0);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^File\s+Line\s+Priority\s+Owner\s+Due\s+Status\s+Item$/);
    assert.match(lines[1], /^postmortems\/2024-01-15-db\.md\s+9\s+P1\s+@ana\s+2024-02-01\s+overdue\s+.*disk usage alert/);
    assert.equal(lines.length, 3);
    const csv = runCli(folder.root, ['actions', '--format', 'csv', '--today', '2024-03-01']).stdout;
    assert.match(csv, /^File,Line,Priority,Owner,Due,Status,Overdue,Item,Ticket\r\n/);
    assert.equal(csv.split('\r\n').length, 4);
    const markdown = runCli(folder.root, ['actions', '--format', 'markdown', '--today', '2024-03-01']).stdout;
    assert.match(markdown, /^\| File \| Line \| Priority \| Owner \| Due \| Status \| Item \|\n\| --- \|/);
  });

  it('exits 2 on usage errors and missing paths', () => {
    assert.equal(runCli(folder.root, ['actions', '--fix']).status, 2);
    assert.equal(runCli(folder.root, ['actions', '--format', 'xml']).status, 2);
    const missing = runCli(folder.root, ['actions', 'gone.md']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'postmortem-lint: no such file or directory: gone.md\n');
  });

  it('prints its own help', () => {
    const help = runCli(folder.root, ['actions', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: postmortem-lint actions/);
  });
});
