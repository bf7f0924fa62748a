import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../../server/src/lsp/analyzed-document';
import { defaultSettings } from '../../server/src/lsp/settings';
import type { PostmortemSettings } from '../../server/src/protocol';
import { provideCodeLenses, showActionItemsCommand } from '../../server/src/lsp/code-lens';
import { analyzedForTest } from '../helpers';

const uri = 'file:///w/postmortems/a.md';

function analyzed(lines: string[], eol = '\n', settings: PostmortemSettings = defaultSettings, path = '/w/postmortems/a.md'): AnalyzedDocument {
  const text = lines.join(eol);
  return analyzedForTest(text, { path, settings });
}

const titles = (lenses: CodeLens[]) => lenses.map((lens) => lens.command?.title);

const doc = [
  '---',
  'severity: SEV-2',
  '---',
  '# Postmortem: Cache outage',
  '',
  '## Timeline',
  '',
  '- 10:00 Errors rise',
  '- 10:07 Alert fires',
  '- 10:30 Rolled back',
  '- 11:00 Resolved',
  '',
  '## Action items',
  '',
  '- [ ] Add a quorum alert (Owner: @kim, Due: 2024-02-01)',
  '- [ ] Write a runbook (Owner: @li, Due: 2024-07-01)',
  '- [ ] Review limits',
  '- [x] Restart the cluster',
  '',
];

test('lenses on the title heading give the metrics, which show the timeline, and the open and overdue items, which show the view', () => {
  const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 26 } };
  assert.deepEqual(provideCodeLenses(analyzed(doc)), [
    {
      range,
      command: {
        title: 'Detect 7m · Mitigate 30m · Resolve 1h',
        tooltip: 'Time to detect, mitigate and resolve, from the timeline. Click to show the timeline.',
        command: 'postmortem.revealLine',
        arguments: [uri, 5],
      },
    },
    { range, command: { title: '3 open action items, 1 overdue', tooltip: "Show this postmortem's action items in the Action Items view", command: showActionItemsCommand, arguments: [uri] } },
  ]);
  assert.equal(showActionItemsCommand, 'postmortem.showActionItems');
});

test('without a timeline section the metrics lens is a label with a hint', () => {
  const [metrics] = provideCodeLenses(analyzed(['# Postmortem: X', '## Summary', 'Text']));
  assert.deepEqual(metrics.command, { title: 'No timeline times to measure', tooltip: 'Add a timeline section with timed entries to measure the incident.', command: '' });
});

test('CRLF documents put the lenses on the same line', () => {
  assert.deepEqual(provideCodeLenses(analyzed(doc, '\r\n')), provideCodeLenses(analyzed(doc)));
});

test('only known metrics are listed, and counts read naturally', () => {
  const lenses = provideCodeLenses(analyzed(['# Postmortem: X', '## Timeline', '- 10:00 Errors rise', '- 10:20 Errors stop', '## Action items', '- [ ] Add an alert']));
  assert.deepEqual(titles(lenses), ['Resolve 20m', '1 open action item']);
});

test('what is not known is said so', () => {
  assert.deepEqual(titles(provideCodeLenses(analyzed(['# Postmortem: X', '## Timeline', '- 25:70 Errors rise']))), ['No timeline times to measure', 'No action items']);
  assert.deepEqual(titles(provideCodeLenses(analyzed(['# Postmortem: X', '## Timeline', '- 10:00 Errors rise', '## Action items', '- [x] A', '- [x] B']))), [
    'No detection, mitigation or resolution in the timeline',
    'All 2 action items done',
  ]);
});

test('without a title heading the lenses sit on the first line', () => {
  const lenses = provideCodeLenses(analyzed(['---', 'type: postmortem', 'title: Cache outage', '---', '## Summary', 'Text'], '\n', defaultSettings, '/w/docs/a.md'));
  assert.deepEqual(lenses.map((lens) => lens.range), [
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  ]);
});

test('the codeLens setting turns them off, and non-postmortems have none', () => {
  assert.deepEqual(provideCodeLenses(analyzed(doc, '\n', { ...defaultSettings, codeLens: false })), []);
  assert.deepEqual(provideCodeLenses(analyzed(['# Notes', '## Timeline', '- 10:00 Lunch'], '\n', defaultSettings, '/w/notes/a.md')), []);
});
