// Marking an action item done: the edit for each container kind, and the cases with nothing to do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis';
import { markDoneEdit, reopenEdit } from '../../server/src/lsp/action-edits';

const uri = 'file:///repo/postmortems/outage.md';

function document(...actionLines: string[]): string {
  return ['# Postmortem: Outage', '', '## Action items', '', ...actionLines, ''].join('\n');
}

/** The 0-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((source) => source.includes(needle));
  assert.ok(line >= 0, `no line contains ${needle}`);
  return line;
}

/** The text after applying the edit for the item on the line containing `needle`, or null when there is none. */
function markDone(text: string, needle: string): string | null {
  const model = analyze(text, { force: true, today: '2024-02-01' }).model;
  assert.ok(model);
  const edit = markDoneEdit(text, uri, lineOf(text, needle), model);
  if (edit === null) return null;
  assert.deepEqual(Object.keys(edit.changes ?? {}), [uri]);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edit.changes?.[uri] ?? []);
}

describe('markDoneEdit', () => {
  it('ticks the checkbox of a task list item', () => {
    const text = document('- [ ] Add an alert (Owner: @kim)', '- [ ] Fix the pool size (Owner: @lee)');
    assert.equal(markDone(text, 'pool size'), document('- [ ] Add an alert (Owner: @kim)', '- [x] Fix the pool size (Owner: @lee)'));
  });

  it('ticks numbered and nested task items, and only the first line of a multi-line item', () => {
    const text = document('1. [ ] Add an alert', '   (Owner: @kim)', '2. [ ] Fix it');
    assert.equal(markDone(text, 'Add an alert'), document('1. [x] Add an alert', '   (Owner: @kim)', '2. [ ] Fix it'));
  });

  it('makes a plain list item a ticked task item', () => {
    const text = document('* Add an alert, owner @kim', '* Rotate the certificates');
    assert.equal(markDone(text, 'Rotate'), document('* Add an alert, owner @kim', '* [x] Rotate the certificates'));
  });

  it('sets the Status cell to Done, keeping the column width', () => {
    const text = document(
      '| Action          | Owner | Status      |',
      '|-----------------|-------|-------------|',
      '| Add an alert    | @kim  | In progress |',
      '| Fix pool size   | @lee  | Open        |',
    );
    assert.equal(
      markDone(text, 'Fix pool size'),
      document(
        '| Action          | Owner | Status      |',
        '|-----------------|-------|-------------|',
        '| Add an alert    | @kim  | In progress |',
        '| Fix pool size   | @lee  | Done        |',
      ),
    );
    assert.equal(
      markDone(text, 'Add an alert'),
      document(
        '| Action          | Owner | Status      |',
        '|-----------------|-------|-------------|',
        '| Add an alert    | @kim  | Done        |',
        '| Fix pool size   | @lee  | Open        |',
      ),
    );
  });

  it('fills an empty Status cell, in a table without outer pipes and with escaped pipes', () => {
    const text = document('Action | Status | Owner', '--- | --- | ---', 'Use `a \\| b` | | @kim');
    assert.equal(markDone(text, 'Use `a'), document('Action | Status | Owner', '--- | --- | ---', 'Use `a \\| b` | Done | @kim'));
  });

  it('sets a last Status cell without a closing pipe without trailing spaces', () => {
    const text = document('| Action | Status', '|---|---', '| Add an alert | In progress');
    assert.equal(markDone(text, 'Add an alert'), document('| Action | Status', '|---|---', '| Add an alert | Done'));
  });

  it('strikes the action through in a table without a Status column', () => {
    const text = document('| Action | Owner |', '|---|---|', '| Add an alert | @kim |');
    const done = markDone(text, 'Add an alert');
    assert.equal(done, document('| Action | Owner |', '|---|---|', '| ~~Add an alert~~ | @kim |'));
    assert.equal(analyze(done ?? '', { force: true }).model?.actionItems[0]?.status, 'done');
  });

  it('leaves a table alone when its first column is not the action and there is no Status column', () => {
    const text = document('| Owner | Action |', '|---|---|', '| @kim | Add an alert |');
    assert.equal(markDone(text, 'Add an alert'), null);
  });

  it('returns null for items already done', () => {
    assert.equal(markDone(document('- [x] Add an alert'), 'Add an alert'), null);
    assert.equal(markDone(document('- Add an alert (done)'), 'Add an alert'), null);
    assert.equal(markDone(document('- ~~Add an alert~~'), 'Add an alert'), null);
    assert.equal(markDone(document('| Action | Status |', '|---|---|', '| Add an alert | Done |'), 'Add an alert'), null);
  });

  it('returns null when no item starts on the line', () => {
    const text = document('- [ ] Add an alert', '  with a second line');
    assert.equal(markDone(text, 'second line'), null);
    assert.equal(markDone(text, '## Action items'), null);
  });

  it('returns null when the model was built from other text', () => {
    const text = document('- [ ] Add an alert');
    const model = analyze(text, { force: true }).model;
    assert.ok(model);
    assert.equal(markDoneEdit(`${text}\nmore`, uri, lineOf(text, 'Add an alert'), model), null);
  });

  it('marks the result done when analysed again, for each container kind', () => {
    for (const text of [document('- [ ] Add an alert'), document('- Add an alert'), document('| Action | Status |', '|---|---|', '| Add an alert | Open |')]) {
      const done = markDone(text, 'Add an alert');
      assert.ok(done);
      assert.equal(analyze(done, { force: true }).model?.actionItems[0]?.status, 'done', done);
    }
  });

  it('keeps CRLF line breaks', () => {
    const text = document('- [ ] Add an alert', '- [ ] Fix it').replace(/\n/g, '\r\n');
    assert.equal(markDone(text, 'Fix it'), document('- [ ] Add an alert', '- [x] Fix it').replace(/\n/g, '\r\n'));
  });
});

/** The text after reopening the item on the line containing `needle`, or null when there is none. */
function reopen(text: string, needle: string): string | null {
  const model = analyze(text, { force: true, today: '2024-02-01' }).model;
  assert.ok(model);
  const edit = reopenEdit(text, uri, lineOf(text, needle), model);
  return edit === null ? null : TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edit.changes?.[uri] ?? []);
}

describe('reopenEdit', () => {
  it('unticks a done task, and leaves an open one alone', () => {
    const text = document('- [x] Add an alert (Owner: @kim)', '- [ ] Fix the pool size (Owner: @lee)');
    assert.equal(reopen(text, 'Add an alert'), document('- [ ] Add an alert (Owner: @kim)', '- [ ] Fix the pool size (Owner: @lee)'));
    assert.equal(reopen(text, 'pool size'), null);
  });

  it('sets a Done Status cell to Open, keeping the column width', () => {
    const text = document('| Action | Owner | Status |', '|---|---|---|', '| Add an alert | @kim | Done   |');
    assert.equal(reopen(text, 'Add an alert'), document('| Action | Owner | Status |', '|---|---|---|', '| Add an alert | @kim | Open   |'));
  });

  it('removes the strikethrough of a done row, and marking it done again strikes it through again', () => {
    const text = document('| Action | Owner |', '|---|---|', '| ~~Add an alert~~ | @kim |');
    const reopened = reopen(text, 'Add an alert');
    assert.equal(reopened, document('| Action | Owner |', '|---|---|', '| Add an alert | @kim |'));
    assert.equal(markDone(reopened ?? '', 'Add an alert'), text);
  });
});
