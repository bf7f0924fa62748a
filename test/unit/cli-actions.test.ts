// The actions report: rows from the model, filtering, sorting and the four output formats.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionItem } from '../../server/src/analysis/model';
import { LineIndex } from '../../server/src/analysis/text';
import { csvField, formatActions } from '../../server/src/cli/actions-format';
import { selectActions, toActionRow, type ActionRow } from '../../server/src/cli/actions-query';

const text = '# PM\n\n## Action items\n\n- [ ] Add alert @ana due 2024-03-01 [P1]\n- [x] Rotate keys\n';

function item(overrides: Partial<ActionItem>): ActionItem {
  return {
    span: { start: 0, end: 0 },
    description: '',
    descriptionSpan: { start: 0, end: 0 },
    owner: undefined,
    due: undefined,
    dueUnreadable: undefined,
    priority: undefined,
    status: 'open',
    ticket: undefined,
    group: undefined,
    container: 'task-list',
    ownerPlaceholder: false,
    duePlaceholder: false,
    ownerPlaceholderSpan: undefined,
    duePlaceholderSpan: undefined,
    dueWindow: undefined,
    insertAt: 0,
    ownerCell: undefined,
    dueCell: undefined,
    ...overrides,
  };
}

function row(overrides: Partial<ActionRow>): ActionRow {
  return {
    file: 'pm.md',
    line: 1,
    priority: undefined,
    owner: undefined,
    due: undefined,
    status: 'open',
    overdue: false,
    item: 'Do it',
    ticket: undefined,
    ...overrides,
  };
}

describe('action rows', () => {
  const index = new LineIndex(text);
  const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

  it('takes line, owner, due, priority and status from the item', () => {
    const open = item({
      span: at('- [ ] Add alert'),
      description: 'Add   alert\n on errors',
      owner: { value: '@ana', span: at('@ana') },
      due: { value: '2024-03-01', span: at('2024-03-01') },
      priority: { value: 1, span: at('[P1]') },
      ticket: { value: 'OPS-12', span: at('PM') },
    });
    assert.deepEqual(toActionRow(open, 'pm.md', index, '2024-03-02'), {
      file: 'pm.md',
      line: 5,
      priority: 'P1',
      owner: '@ana',
      due: '2024-03-01',
      status: 'open',
      overdue: true,
      item: 'Add alert on errors',
      ticket: 'OPS-12',
    });
    assert.equal(toActionRow(open, 'pm.md', index, '2024-03-01').overdue, false);
  });

  it('never calls a done item overdue', () => {
    const done = item({ span: at('- [x]'), status: 'done', due: { value: '2020-01-01', span: at('PM') } });
    const result = toActionRow(done, 'pm.md', index, '2024-01-01');
    assert.equal(result.line, 6);
    assert.equal(result.overdue, false);
    assert.equal(result.priority, undefined);
  });
});

describe('selecting actions', () => {
  const rows = [
    row({ item: 'undated P0', priority: 'P0' }),
    row({ item: 'late', due: '2024-01-10', overdue: true, owner: '@Ana' }),
    row({ item: 'done', due: '2024-01-01', status: 'done', owner: 'ana' }),
    row({ item: 'soon P2', due: '2024-02-01', priority: 'P2', owner: 'Bo and Ana Lima' }),
    row({ item: 'soon P1', due: '2024-02-01', priority: 'P1', owner: '@bob' }),
    row({ item: 'soon none', due: '2024-02-01' }),
    row({ item: 'undated', file: 'a.md' }),
  ];
  const items = (filter: Partial<Parameters<typeof selectActions>[1]>) =>
    selectActions(rows, { all: false, owner: undefined, overdue: false, ...filter }).map((r) => r.item);

  it('lists open items by due date (undated last), then priority', () => {
    assert.deepEqual(items({}), ['late', 'soon P1', 'soon P2', 'soon none', 'undated P0', 'undated']);
  });

  it('includes done items with --all', () => {
    assert.deepEqual(items({ all: true }).slice(0, 2), ['done', 'late']);
  });

  it('filters by owner, case-insensitive with or without @, matching one of several owners', () => {
    assert.deepEqual(items({ owner: 'ANA' }), ['late']);
    assert.deepEqual(items({ owner: '@ana', all: true }), ['done', 'late']);
    assert.deepEqual(items({ owner: 'ana lima' }), ['soon P2']);
    assert.deepEqual(items({ owner: 'bo' }), ['soon P2']);
    assert.deepEqual(items({ owner: 'nobody' }), []);
  });

  it('keeps only overdue items with --overdue', () => {
    assert.deepEqual(items({ overdue: true, all: true }), ['late']);
  });
});

describe('action formats', () => {
  const rows = [
    row({ file: 'pm/a.md', line: 12, priority: 'P1', owner: '@ana', due: '2024-01-10', overdue: true, item: 'Add alert' }),
    row({ file: 'pm/b.md', line: 7, item: 'Write "runbook", then | review', ticket: 'OPS-1' }),
  ];

  it('aligns a table and marks overdue items', () => {
    assert.equal(
      formatActions('table', rows, false),
      [
        'File     Line  Priority  Owner  Due         Status   Item',
        'pm/a.md  12    P1        @ana   2024-01-10  overdue  Add alert',
        'pm/b.md  7                                  open     Write "runbook", then | review',
        '',
      ].join('\n'),
    );
    assert.equal(formatActions('table', [], false), 'No action items found.\n');
  });

  it('colours overdue rows red when colour is on', () => {
    const lines = formatActions('table', rows, true).split('\n');
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.match(lines[1], /^\u001b\[31mpm\/a\.md.*\u001b\[39m$/);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.doesNotMatch(lines[2], /\u001b/);
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    assert.equal(
      formatActions('csv', rows, false),
      'File,Line,Priority,Owner,Due,Status,Overdue,Item,Ticket\r\n' +
        'pm/a.md,12,P1,@ana,2024-01-10,open,yes,Add alert,\r\n' +
        'pm/b.md,7,,,,open,no,"Write ""runbook"", then | review",OPS-1\r\n',
    );
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\r'), '"cr\r"');
    assert.equal(formatActions('csv', [], false), 'File,Line,Priority,Owner,Due,Status,Overdue,Item,Ticket\r\n');
  });

  it('writes a Markdown table with pipes escaped', () => {
    assert.equal(
      formatActions('markdown', rows, false),
      [
        '| File | Line | Priority | Owner | Due | Status | Item |',
        '| --- | ---: | --- | --- | --- | --- | --- |',
        '| pm/a.md | 12 | P1 | @ana | 2024-01-10 | overdue | Add alert |',
        '| pm/b.md | 7 |  |  |  | open | Write "runbook", then \\| review |',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with nulls for missing values', () => {
    assert.deepEqual((JSON.parse(formatActions('json', rows, false)) as unknown[])[1], {
      file: 'pm/b.md',
      line: 7,
      priority: null,
      owner: null,
      due: null,
      status: 'open',
      overdue: false,
      item: 'Write "runbook", then | review',
      ticket: 'OPS-1',
    });
    assert.equal(formatActions('json', [], false), '[]\n');
  });
});
