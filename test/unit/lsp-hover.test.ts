import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { rules } from '../../server/src/analysis';
import { provideHover } from '../../server/src/lsp/hover';
import { analyzedForTest } from '../helpers';

const uri = 'file:///w/postmortems/a.md';

function hover(text: string, line: number, character: number, path = '/w/postmortems/a.md'): Hover | null {
  const document = analyzedForTest(text, { path });
  return provideHover(document, { textDocument: { uri }, position: { line, character } });
}

function markdown(result: Hover | null): string {
  assert.ok(result, 'a hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function explanation(id: string): string {
  const rule = rules.find((candidate) => candidate.id === id);
  assert.ok(rule);
  return rule.explanation;
}

const complete = [
  '# Postmortem: X', '', '**Date**: 2024-05-20', '**Severity**: SEV-3', '**Timezone**: Europe/Berlin', '',
  '## Summary', '', 'Text.', '', '## Impact', '', 'Many.', '',
  '## Timeline', '', '- 14:00 Deploy started', '- 14:20 Alert fired', '- 15:05 Rollback done', '- 14:10 Late note', '',
  '## Root cause', '', 'A pool.', '', '## Contributing factors', '', '- Load', '', '## What went well', '', '- Paging', '',
  '## What went poorly', '', '- Slow', '', '## Lessons learned', '', '- More', '',
  '## Action items', '', '- [ ] [P1] Add alert (Owner: @alice, Due: 2024-06-10) OPS-12', '- [ ] [P0] Fix pool (Owner: @bob, Due: 2024-05-25)', '- [x] Write docs', '',
].join('\n');

test('a finding shows its rule, why its wording, explanation and documentation link, not the message the editor shows already', () => {
  const text = '# Postmortem: X\n\n## Summary\n\nBob forgot to renew the certificate.\n';
  const result = hover(text, 4, 2);
  assert.equal(
    markdown(result),
    '**blameful-language**\n\n' +
      // Why this wording in particular, from its phrasebook entry, then the rule's explanation.
      'People forget; a step that depends on memory is a gap in the process, so focus on the system that allowed it to be missed.\n\n' +
      `${explanation('blameful-language')}\n\n` +
      '[Documentation for blameful-language](https://github.com/postmortem-tools/postmortem-language-support/blob/main/docs/rules/blameful-language.md)',
  );
  assert.deepEqual(result?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 19 } });
});

test('several findings at one place are explained once per rule, and no message is repeated', () => {
  const value = markdown(hover('# Postmortem: X\n\n**Severity**: SEV-3\n\n## Summary\n\nText.\n', 0, 3));
  const parts = value.split('\n\n---\n\n');
  assert.deepEqual(
    parts.map((part) => part.split('\n')[0]),
    ['**metadata-date**', '**missing-recommended-section**', '**missing-section**'],
  );
  assert.equal(parts[2], `**missing-section**\n\n${explanation('missing-section')}\n\n[Documentation for missing-section](https://github.com/postmortem-tools/postmortem-language-support/blob/main/docs/rules/missing-section.md)`);
  assert.doesNotMatch(value, /is missing\./);
});

test('a timeline entry shows its instant in the document zone and the time since the start and the previous entry', () => {
  const result = hover(complete, 17, 4);
  assert.equal(
    markdown(result),
    '**Timeline entry** `14:20`\n\n- At: 2024-05-20T14:20:00+02:00 (Europe/Berlin)\n- Since the incident started: 20m\n- Since the previous entry (`14:00`): 20m',
  );
  assert.deepEqual(result?.range, { start: { line: 17, character: 0 }, end: { line: 17, character: 19 } });
  assert.equal(markdown(hover(complete, 16, 2)), '**Timeline entry** `14:00`\n\n- At: 2024-05-20T14:00:00+02:00 (Europe/Berlin)\n- Since the incident started: this is the start');
});

test('an out-of-order entry shows the finding and the entry together', () => {
  const value = markdown(hover(complete, 19, 4));
  assert.equal(
    value,
    '**timeline-order**\n\n' +
      `${explanation('timeline-order')}\n\n` +
      '[Documentation for timeline-order](https://github.com/postmortem-tools/postmortem-language-support/blob/main/docs/rules/timeline-order.md)\n\n---\n\n' +
      '**Timeline entry** `14:10`\n\n- At: 2024-05-20T14:10:00+02:00 (Europe/Berlin)\n- Since the incident started: 10m\n- Since the previous entry (`15:05`): -55m',
  );
});

test('an action item shows owner, due date, priority window, status and ticket', () => {
  const line = complete.split('\n').indexOf('- [ ] [P1] Add alert (Owner: @alice, Due: 2024-06-10) OPS-12');
  assert.equal(
    markdown(hover(complete, line, 12)),
    '**Action item**\n\n- Owner: @alice\n- Due: 2024-06-10 (due in 9 days)\n- Priority: P1 (due within 30 days of the postmortem, by 2024-06-19)\n- Status: open\n- Ticket: OPS-12',
  );
  const overdue = markdown(hover(complete, line + 1, 3)).split('\n\n---\n\n');
  assert.equal(overdue[overdue.length - 1], '**Action item**\n\n- Owner: @bob\n- Due: 2024-05-25 (7 days overdue)\n- Priority: P0 (due within 7 days of the postmortem, by 2024-05-27)\n- Status: open');
  assert.equal(markdown(hover(complete, line + 2, 3)), '**Action item**\n\n- Owner: none\n- Due: none\n- Priority: none\n- Status: done');
});

test('nothing to say: no hover', () => {
  assert.equal(hover(complete, 8, 2), null);
  assert.equal(hover('# Notes\n\nBob forgot to renew the certificate.\n', 2, 2, '/w/notes/n.md'), null);
});

test('a heading read as a section only from loose wording says so, and how to make it certain', () => {
  const text = complete.replace('## Summary', '## Background');
  const line = text.split('\n').indexOf('## Background');
  const value = markdown(hover(text, line, 5));
  assert.match(value, /^\*\*Section\*\* read as \*Summary\*, though not for certain: 'Background'/);
  assert.match(value, /sections\.aliases/);
  const certain = complete.split('\n').indexOf('## Summary');
  assert.equal(hover(complete, certain, 5), null);
});

test('a severity level shows what it means on the scale the New Postmortem picker uses, written in any common form', () => {
  const text = '# Postmortem: X\n\n**Severity**: SEV-2\n\n## Summary\n\nFirst treated as Sev 3.\n';
  const shown = markdown(hover(text, 2, 16));
  assert.match(shown, /^\*\*Severity SEV-2\*\*/);
  assert.match(shown, /- \*\*SEV-2\*\*: Major: a key feature down or badly degraded for many customers/);
  assert.match(shown, /- SEV-1: Critical/);
  assert.match(markdown(hover(text, 6, 20)), /\*\*Severity SEV-3\*\*/);
  assert.equal(hover(text, 6, 3), null);
});

test('a section read by what it holds says so, and which kind', () => {
  const text = complete.replace(/## Root cause\n\n[^\n]*/, '## Disk space\n\nThe outage was caused by a full disk. The root cause was a log rotation that never ran.');
  assert.notEqual(text, complete);
  const line = text.split('\n').indexOf('## Disk space');
  assert.match(markdown(hover(text, line, 5)), /^\*\*Section\*\* read as \*Root cause\*, though not for certain: 'Disk space' names no section, and what it holds reads as \*Root cause\*/);
});
