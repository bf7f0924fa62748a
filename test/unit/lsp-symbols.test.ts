import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../../server/src/lsp/analyzed-document';
import { provideDocumentSymbols } from '../../server/src/lsp/symbols';
import { analyzedForTest } from '../helpers';

function analyzed(lines: string[], eol = '\n', path = '/w/postmortems/a.md'): AnalyzedDocument {
  const text = lines.join(eol);
  return analyzedForTest(text, { path });
}

const kindNames = new Map<SymbolKind, string>([[SymbolKind.Namespace, 'Namespace'], [SymbolKind.String, 'String'], [SymbolKind.Event, 'Event'], [SymbolKind.EnumMember, 'EnumMember']]);

/** name, kind, detail, range and selection range of each symbol, children indented below it. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} [${kindNames.get(symbol.kind)}${symbol.detail ? ` ${symbol.detail}` : ''}] ${at(symbol.range)} sel ${at(symbol.selectionRange)}`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

function assertValid(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.length > 0, 'names are never empty');
    assert.ok(contains(symbol.range, symbol.selectionRange), `selection inside range of ${symbol.name}`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
    assertValid(symbol.children ?? [], symbol);
  }
}

const doc = [
  '# Postmortem: Cache outage',
  '',
  '## Summary',
  '',
  'The cache lost quorum.',
  '',
  '### Notes',
  '',
  'More.',
  '',
  '## Timeline',
  '',
  '- 10:00 Cache errors rise across every region while the cluster keeps electing new leaders',
  '- 25:70 Someone looks',
  '',
  '## Action items',
  '',
  '- [ ] [P1] Add a quorum alert (Owner: @kim, Due: 2024-02-01)',
  '- [x] Restart runbook',
  '',
];

test('sections nest by heading level, with timeline entries and action items inside their sections', () => {
  const symbols = provideDocumentSymbols(analyzed(doc));
  assert.deepEqual(outline(symbols), [
    'Postmortem: Cache outage [String] 0:0-18:21 sel 0:0-0:26',
    '  Summary [Namespace summary] 2:0-8:5 sel 2:0-2:10',
    '    Notes [String] 6:0-8:5 sel 6:0-6:9',
    '  Timeline [Namespace timeline] 10:0-13:21 sel 10:0-10:11',
    '    10:00 — Cache errors rise across every region while the clu… [Event] 12:0-12:90 sel 12:2-12:7',
    "    25:70 — Someone looks [Event '25:70' is not a valid time of day] 13:0-13:21 sel 13:2-13:7",
    '  Action items [Namespace action-items] 15:0-18:21 sel 15:0-15:15',
    '    Add a quorum alert [EnumMember P1 · @kim · due 2024-02-01 · overdue] 17:0-17:60 sel 17:6-17:60',
    '    Restart runbook [EnumMember done] 18:0-18:21 sel 18:6-18:21',
  ]);
  assertValid(symbols);
});

test('CRLF documents give the same positions as LF ones', () => {
  assert.deepEqual(provideDocumentSymbols(analyzed(doc, '\r\n')), provideDocumentSymbols(analyzed(doc)));
});

test('an open item due later reads open, and names are one line', () => {
  const symbols = provideDocumentSymbols(analyzed(['# Postmortem: X', '', '## Action items', '', '- [ ] Write the', '  runbook (Owner: @li, Due: 2024-07-01)', '']));
  assert.deepEqual(outline(symbols[0].children ?? []), [
    'Action items [Namespace action-items] 2:0-5:39 sel 2:0-2:15',
    '  Write the runbook [EnumMember @li · due 2024-07-01 · open] 4:0-5:39 sel 4:6-5:39',
  ]);
  assertValid(symbols);
});

test('non-postmortems get no symbols, leaving headings to the Markdown outline', () => {
  assert.deepEqual(provideDocumentSymbols(analyzed(['# Notes', '', '## Timeline', '', '- 10:00 Lunch', ''], '\n', '/w/notes/a.md')), []);
});
