import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../../server/src/lsp/analyzed-document';
import { defaultSettings } from '../../server/src/lsp/settings';
import type { PostmortemSettings } from '../../server/src/protocol';
import { provideInlayHints } from '../../server/src/lsp/inlay-hints';
import { analyzedForTest } from '../helpers';

function analyzed(lines: string[], eol = '\n', settings: PostmortemSettings = defaultSettings, path = '/w/postmortems/a.md'): AnalyzedDocument {
  const text = lines.join(eol);
  return analyzedForTest(text, { path, settings });
}

const everything: Range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

const doc = [
  '# Postmortem: Cache outage',
  '',
  '## Timeline',
  '',
  '- **10:00** Errors rise',
  '- 10:07 Alert fires',
  '- 25:70 Someone looks',
  '- 11:05 Rolled back',
  '- 10:50 Dashboards checked',
  '',
  '| Time | Event |',
  '|---|---|',
  '| 23:30 | Resolved |',
  '',
];

test('each readable timestamp is followed by the time since the incident start, after its bold markers, and after a table row rather than in its cell', () => {
  assert.deepEqual(provideInlayHints(analyzed(doc), everything), [
    { position: { line: 4, character: 11 }, label: 'start', paddingLeft: true, tooltip: 'First timeline entry' },
    { position: { line: 5, character: 7 }, label: '+7m', paddingLeft: true, tooltip: '7m after the previous entry' },
    { position: { line: 7, character: 7 }, label: '+1h 05m', paddingLeft: true, tooltip: '58m after the previous entry' },
    { position: { line: 8, character: 7 }, label: '+50m', paddingLeft: true, tooltip: '15m before the previous entry (out of order)' },
    { position: { line: 12, character: 20 }, label: '+13h 30m', paddingLeft: true, tooltip: '12h 40m after the previous entry' },
  ]);
});

test('only entries inside the requested range get hints, measured against the whole timeline', () => {
  const range: Range = { start: { line: 5, character: 0 }, end: { line: 7, character: 7 } };
  assert.deepEqual(provideInlayHints(analyzed(doc), range).map((hint) => [hint.position.line, hint.label]), [
    [5, '+7m'],
    [7, '+1h 05m'],
  ]);
});

test('the earliest entry is the start even when written later', () => {
  const hints = provideInlayHints(analyzed(['# Postmortem: X', '## Timeline', '- 10:10 Paged', '- 10:00 Errors rise', '- 10:00 Noticed']), everything);
  assert.deepEqual(hints.map((hint) => hint.label), ['+10m', 'start', '+0m']);
});

test('CRLF documents place hints at the same positions', () => {
  assert.deepEqual(provideInlayHints(analyzed(doc, '\r\n'), everything), provideInlayHints(analyzed(doc), everything));
});

test('the inlayHints setting turns them off', () => {
  assert.deepEqual(provideInlayHints(analyzed(doc, '\n', { ...defaultSettings, inlayHints: false }), everything), []);
});

test('no hints without readable times or outside postmortems', () => {
  assert.deepEqual(provideInlayHints(analyzed(['# Postmortem: X', '## Timeline', '- 25:70 Errors rise']), everything), []);
  assert.deepEqual(provideInlayHints(analyzed(['# Notes', '## Timeline', '- 10:00 Lunch'], '\n', defaultSettings, '/w/notes/a.md'), everything), []);
});
