import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../../server/src/lsp/analyzed-document';
import { provideFoldingRanges } from '../../server/src/lsp/folding';
import { analyzedForTest } from '../helpers';

function analyzed(lines: string[], eol = '\n', path = '/w/postmortems/a.md'): AnalyzedDocument {
  const text = lines.join(eol);
  return analyzedForTest(text, { path });
}

const doc = [
  '---',
  'severity: SEV-2',
  'date: 2024-01-10',
  '---',
  '# Postmortem: Cache outage',
  '',
  '## Summary',
  '',
  'The cache lost quorum.',
  '',
  '',
  '## Timeline',
  '<!-- one-line comment -->',
  '<!--',
  'Times are UTC.',
  '-->',
  '- 10:00 Errors rise',
  '',
  '## Empty',
  '',
  '## Action items',
  '',
  '- [ ] Add an alert',
  '',
];

test('front matter, each section up to its last written line, and multi-line comments fold', () => {
  assert.deepEqual(provideFoldingRanges(analyzed(doc)), [
    { startLine: 0, endLine: 3, kind: FoldingRangeKind.Region },
    { startLine: 4, endLine: 22 },
    { startLine: 6, endLine: 8 },
    { startLine: 11, endLine: 16 },
    { startLine: 13, endLine: 15, kind: FoldingRangeKind.Comment },
    { startLine: 20, endLine: 22 },
  ]);
});

test('CRLF documents fold on the same lines', () => {
  assert.deepEqual(provideFoldingRanges(analyzed(doc, '\r\n')), provideFoldingRanges(analyzed(doc)));
});

test('no range ends on or before its start line', () => {
  const ranges = provideFoldingRanges(analyzed(['# Postmortem: X', '## Summary', '## Timeline', '- 10:00 A', '- 10:05 B']));
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 4 },
    { startLine: 2, endLine: 4 },
  ]);
});

test('non-postmortems are left to the Markdown folding', () => {
  assert.deepEqual(provideFoldingRanges(analyzed(['# Notes', '', 'Text', '', '## More', '', 'Text'], '\n', '/w/notes/a.md')), []);
});
