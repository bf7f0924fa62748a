import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic, Range } from 'vscode-languageserver';
import { AnalysisCache, fixAll, MarkdownParser } from '../../server/src/analysis';
import { defaultConfig } from '../../server/src/analysis/config';
import { analyzeDocument, type AnalyzedDocument } from '../../server/src/lsp/analyzed-document';
import { defaultSettings } from '../../server/src/lsp/settings';
import { fixAllKind, fixWorkspaceEdit, insertSectionsKind, provideCodeActions } from '../../server/src/lsp/code-actions';
import { provideDiagnostics } from '../../server/src/lsp/diagnostics';
import { readdirSync } from 'node:fs';
import { analyzedForTest, fixturePath, readFixture } from '../helpers';

const uri = 'file:///w/postmortems/a.md';

function doc(text: string, path = '/w/postmortems/a.md'): AnalyzedDocument {
  return analyzedForTest(text, { path });
}

function at(line: number, character = 0): Range {
  return { start: { line, character }, end: { line, character } };
}

function actions(document: AnalyzedDocument, range: Range, options: { only?: string[]; diagnostics?: Diagnostic[] } = {}): CodeAction[] {
  const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics: options.diagnostics ?? [], only: options.only } };
  return provideCodeActions(document, params);
}

function applied(document: AnalyzedDocument, action: CodeAction | undefined): string {
  assert.ok(action?.edit?.changes, 'the action carries an edit');
  assert.deepEqual(Object.keys(action.edit.changes), [uri]);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, document.text), action.edit.changes[uri]);
}

const base = '# Postmortem: X\n\n**Date**: 2024-05-20\n**Severity**: SEV-3\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:10 Rollback started\n- 10:00 Alert fired\n\n## Action items\n\n- [ ] [P1] Add alert (Owner: @alice, Due: 2024-06-10)\n';

test('each fix carried by a diagnostic becomes its own quick fix, the preferred one marked', () => {
  const document = doc('# Postmortem: X\n\n## Summary\n\nBob did not renew the certificate.\n');
  const diagnostics = provideDiagnostics(document).filter((d) => d.code === 'blameful-language');
  assert.equal(diagnostics.length, 1);
  const fixes = actions(document, diagnostics[0].range, { only: ['quickfix'], diagnostics }).filter((a) => a.title.startsWith('Rewrite: '));
  assert.deepEqual(fixes.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics]), [['Rewrite: The certificate was not renewed.', 'quickfix', undefined, diagnostics]]);
  assert.equal(applied(document, fixes[0]), '# Postmortem: X\n\n## Summary\n\nThe certificate was not renewed.\n');

  const order = provideDiagnostics(doc(base)).filter((d) => d.code === 'timeline-order');
  const sort = actions(doc(base), order[0].range, { only: ['quickfix'], diagnostics: order }).filter((a) => a.title.startsWith('Sort'));
  assert.deepEqual(sort.map((a) => [a.title, a.isPreferred]), [['Sort the timeline by time', true]]);
});

test('diagnostics from other sources or with foreign data are ignored', () => {
  const document = doc(base);
  const foreign: Diagnostic[] = [
    { range: at(0), message: 'other', source: 'markdownlint', data: { fixes: [{ title: 'x', edits: [], safe: true, preferred: true }] } },
    { range: at(0), message: 'odd', source: 'postmortem', data: { fixes: [{ title: 3 }] } },
  ];
  assert.deepEqual(actions(document, at(20), { only: ['quickfix'], diagnostics: foreign }), []);
});

test('insert all missing sections puts every one at its canonical place in one edit', () => {
  const document = doc(base);
  const action = actions(document, at(0, 3), { only: ['quickfix'] }).find((a) => a.title.startsWith('Insert all'));
  assert.equal(action?.title, 'Insert all missing sections (6)');
  assert.equal(action?.kind, 'quickfix');
  assert.equal(action?.edit?.changes?.[uri].length, 3, 'one edit per insertion point');
  assert.equal(
    applied(document, action),
    '# Postmortem: X\n\n**Date**: 2024-05-20\n**Severity**: SEV-3\n\n## Summary\n\nText.\n\n## Impact\n\nTODO: who was affected, for how long and how much: users, failed requests, revenue, error budget consumed.\n\n' +
      '## Timeline\n\n- 10:10 Rollback started\n- 10:00 Alert fired\n\n## Root cause\n\nTODO: the conditions in the system that made this failure possible. Ask why until the answer is a condition the team can change.\n\n' +
      '## Contributing factors\n\n- TODO: what made the impact larger or the response slower: gaps in monitoring, runbooks, tests or capacity.\n\n' +
      '## What went well\n\n- TODO: what worked: alerts, runbooks, tools, how responders worked together.\n\n## What went poorly\n\n- TODO: what made detection, diagnosis or recovery harder.\n\n' +
      '## Action items\n\n- [ ] [P1] Add alert (Owner: @alice, Due: 2024-06-10)\n\n## Lessons learned\n\n- TODO: what the team learned that applies beyond this incident.\n',
  );
});

test('sections appended at the end are separated by exactly one blank line, keeping CRLF', () => {
  const document = doc('# Postmortem: X\r\n\r\n**Severity**: SEV-4\r\n\r\nSome notes.');
  const action = actions(document, at(0), { only: ['quickfix'] }).find((a) => a.title.startsWith('Insert all'));
  const expected = [
    '# Postmortem: X', '', '**Severity**: SEV-4', '', 'Some notes.', '',
    '## Summary', '', 'TODO: what happened, in two or three sentences, and how it was resolved.', '',
    '## Impact', '', 'TODO: who was affected, for how long and how much: users, failed requests, revenue, error budget consumed.', '',
    '## Timeline', '',
    '- HH:MM TODO: the first signal, such as an alert, a customer report or a deploy', '- HH:MM TODO: the incident is declared and responders engage',
    '- HH:MM TODO: the mitigation that ends the impact', '- HH:MM TODO: the incident is resolved', '',
    '## Root cause', '', 'TODO: the conditions in the system that made this failure possible. Ask why until the answer is a condition the team can change.', '',
    '## Contributing factors', '', '- TODO: what made the impact larger or the response slower: gaps in monitoring, runbooks, tests or capacity.', '',
    '## What went well', '', '- TODO: what worked: alerts, runbooks, tools, how responders worked together.', '',
    '## What went poorly', '', '- TODO: what made detection, diagnosis or recovery harder.', '',
    '## Action items', '', 'TODO: one task per change to a system or a process, each with a priority ([P0] due within a week, [P1] within a month, [P2] within a quarter), one owner and a due date.', '',
    '## Lessons learned', '', '- TODO: what the team learned that applies beyond this incident.', '',
  ].join('\r\n');
  assert.equal(applied(document, action), expected);
});

test('insert all missing sections is offered only near the findings, or as a source action', () => {
  const document = doc(base);
  const titles = (range: Range, only?: string[]) => actions(document, range, { only }).map((a) => a.title);
  assert.deepEqual(titles(at(16), ['quickfix']), []);
  assert.ok(titles(at(16), ['source']).includes('Insert all missing sections (6)'));
  assert.ok(!titles(at(16), ['refactor']).includes('Insert all missing sections (6)'));
  // Editors keep only actions of the kind they asked for, so a source request gets a source kind.
  const asSource = actions(document, at(16), { only: ['source'] }).find((a) => a.title === 'Insert all missing sections (6)');
  assert.equal(asSource?.kind, insertSectionsKind);
  assert.ok(actions(document, at(16), { only: [insertSectionsKind] }).some((a) => a.kind === insertSectionsKind));
});

test('sort timeline is a rewrite offered only where an out-of-order group is touched', () => {
  const document = doc(base);
  const sort = actions(document, { start: { line: 12, character: 2 }, end: { line: 12, character: 4 } }, { only: ['refactor'] });
  assert.deepEqual(sort.map((a) => [a.title, a.kind]), [['Sort the timeline by time', 'refactor.rewrite']]);
  assert.equal(applied(document, sort[0]), base.replace('- 10:10 Rollback started\n- 10:00 Alert fired', '- 10:00 Alert fired\n- 10:10 Rollback started'));
  assert.deepEqual(actions(document, at(7), { only: ['refactor.rewrite'] }), []);
  const sorted = doc(base.replace('- 10:10 Rollback started\n- 10:00 Alert fired', '- 10:00 Alert fired\n- 10:10 Rollback started'));
  assert.deepEqual(actions(sorted, at(12), { only: ['refactor'] }), []);
});

test('fix all is one minimal edit that gives the core fix-all result', () => {
  const document = doc(base);
  for (const only of [['source'], ['source.fixAll'], [fixAllKind]]) {
    const action = actions(document, at(0), { only }).find((a) => a.kind === fixAllKind);
    assert.equal(action?.title, 'Fix all postmortem problems', `offered for ${JSON.stringify(only)}`);
    const expected = fixAll(base, { config: document.config, today: '2024-06-01', force: true }).text;
    assert.equal(applied(document, action), expected);
    assert.deepEqual(action?.edit?.changes?.[uri][0].range, { start: { line: 9, character: 3 }, end: { line: 16, character: 53 } });
  }
  assert.equal(actions(document, at(0), { only: ['quickfix'] }).some((a) => a.kind === fixAllKind), false);
});

test('a plain request, or one for quick fixes, does not compute fix-all: the warm parser is not asked to parse again', () => {
  let parses = 0;
  const parser = new (class extends MarkdownParser {
    override parse(text: string) {
      parses++;
      return super.parse(text);
    }
  })();
  const document = analyzeDocument({ uri, version: 1, text: base, config: defaultConfig(), settings: defaultSettings, today: '2024-06-01', path: '/w/postmortems/a.md', root: '/w', cache: new AnalysisCache(parser) });
  const order = provideDiagnostics(document).filter((d) => d.code === 'timeline-order');
  parses = 0;
  for (const only of [undefined, ['quickfix']]) {
    const offered = actions(document, order[0].range, { only, diagnostics: order });
    assert.ok(offered.some((a) => a.title === 'Sort the timeline by time'), `the quick fix is offered for ${JSON.stringify(only)}`);
    assert.equal(offered.some((a) => a.kind === fixAllKind), false);
  }
  assert.equal(parses, 0);
  assert.equal(actions(document, at(0), { only: ['source.fixAll'] }).length, 1);
  assert.ok(parses > 0, 'fix-all, when asked for, re-analyses with the document parser');
});

test('fix all is not offered when nothing would change', () => {
  const done = fixAll(base, { config: defaultConfig(), today: '2024-06-01', force: true }).text;
  assert.deepEqual(actions(doc(done), at(0), { only: [fixAllKind] }), []);
});

test('fix all never splits a CRLF', () => {
  const text = '# Postmortem: X\r\n\r\n## Summary\r\n\r\nText.\r\n\r\n## Timeline\r\n\r\n- 10:10 B\r\n- 10:00 A\r\n';
  const document = doc(text);
  const action = actions(document, at(0), { only: [fixAllKind] })[0];
  const range = action.edit?.changes?.[uri][0].range;
  assert.ok(range);
  for (const position of [range.start, range.end]) {
    const offset = document.lines.offsetAt(position);
    assert.equal(document.lines.positionAt(offset).character, position.character, 'a position that exists');
  }
  assert.equal(applied(document, action), fixAll(text, { config: document.config, today: '2024-06-01', force: true }).text);
});

test('documents that are not postmortems get no actions', () => {
  const document = doc('# Shopping list\n\n- milk\n', '/w/notes/list.md');
  assert.equal(document.analysis.postmortem, false);
  assert.deepEqual(actions(document, at(0)), []);
});

test('a plain request at a finding offers its fix, fix-all as a command, and disabling the rule, and sorts the timeline once', () => {
  const document = doc(base);
  const order = provideDiagnostics(document).filter((d) => d.code === 'timeline-order');
  const offered = actions(document, order[0].range, { diagnostics: order });
  assert.deepEqual(offered.map((a) => [a.title, a.kind]), [
    ['Sort the timeline by time', 'quickfix'],
    ['Fix all auto-fixable problems', 'quickfix'],
    ['Disable timeline-order for this line', 'quickfix'],
    ['Disable timeline-order for this file', 'quickfix'],
  ]);
  const fixAllEntry = offered[1];
  assert.equal(fixAllEntry.edit, undefined, 'fix-all is not computed for a plain request');
  assert.deepEqual(fixAllEntry.command, { title: 'Fix all auto-fixable problems', command: 'postmortem.fixAll', arguments: [uri] });
  // Asked for refactors only, the sort is still offered, as a rewrite.
  assert.deepEqual(actions(document, order[0].range, { only: ['refactor'], diagnostics: order }).map((a) => a.title), ['Sort the timeline by time']);
});

test('fix-all is offered as a quick fix only at a finding of a document with a safe fix', () => {
  const fixAllTitles = (document: AnalyzedDocument) => {
    const diagnostics = provideDiagnostics(document);
    return actions(document, diagnostics[0].range, { only: ['quickfix'], diagnostics }).filter((a) => a.command?.command === 'postmortem.fixAll');
  };
  assert.equal(fixAllTitles(doc(base)).length, 1);
  // Only unsafe suggestions (a blame rewrite) and findings without a fix: nothing for fix-all to do.
  const done = fixAll(base + '\nBob forgot to renew the certificate.\n', { config: defaultConfig(), today: '2024-06-01', force: true }).text;
  assert.ok(provideDiagnostics(doc(done)).some((d) => d.code === 'blameful-language'));
  assert.equal(fixAllTitles(doc(done)).length, 0);
  assert.equal(actions(doc(base), at(7), { only: ['quickfix'] }).some((a) => a.command !== undefined), false, 'no finding in range');
});

/** Applies the action named `title` offered at the first finding of `ruleId`, and counts that rule's findings before and after. */
function disableAndRecount(text: string, ruleId: string, title: string): { before: number; after: number; inserted: string; text: string } {
  const document = doc(text);
  const diagnostics = provideDiagnostics(document).filter((d) => d.code === ruleId);
  const action = actions(document, diagnostics[0].range, { only: ['quickfix'], diagnostics }).find((a) => a.title === title);
  const edits = action?.edit?.changes?.[uri] ?? [];
  assert.equal(edits.length, 1, `${title} is one edit`);
  assert.deepEqual(edits[0].range.start, edits[0].range.end, 'an insertion: nothing is removed');
  const next = applied(document, action);
  return { before: diagnostics.length, after: provideDiagnostics(doc(next)).filter((d) => d.code === ruleId).length, inserted: edits[0].newText, text: next };
}

test('"disable for this line" puts a next-line directive above the finding, with its indentation, and the finding goes', () => {
  const nested = base.replace('- 10:10 Rollback started\n- 10:00 Alert fired', '- Phase one\n  - 10:10 Rollback started\n  - 10:00 Alert fired');
  const result = disableAndRecount(nested, 'timeline-order', 'Disable timeline-order for this line');
  assert.equal(result.inserted, '  <!-- postmortem-disable-next-line timeline-order -->\n');
  assert.ok(result.text.includes('  - 10:10 Rollback started\n  <!-- postmortem-disable-next-line timeline-order -->\n  - 10:00 Alert fired'));
  assert.deepEqual([result.before, result.after], [1, 0]);

  const blame = '# Postmortem: X\r\n\r\n## Summary\r\n\r\nThe cache filled up.\r\nBob forgot to renew the certificate.\r\n';
  const crlf = disableAndRecount(blame, 'blameful-language', 'Disable blameful-language for this line');
  assert.equal(crlf.inserted, '<!-- postmortem-disable-next-line blameful-language -->\r\n');
  assert.deepEqual([crlf.before, crlf.after], [1, 0]);
});

test('"disable for this file" puts a file directive at the top, after the front matter, and every finding of the rule goes', () => {
  const twice = '# Postmortem: X\n\n## Summary\n\nBob did not renew the certificate.\n\n## Impact\n\nAlice failed to roll back.\n';
  const top = disableAndRecount(twice, 'blameful-language', 'Disable blameful-language for this file');
  assert.ok(top.text.startsWith('<!-- postmortem-disable-file blameful-language -->\n# Postmortem: X\n'));
  assert.deepEqual([top.before, top.after], [2, 0]);

  const withFrontMatter = '---\ntype: postmortem\nseverity: SEV-9\n---\n# Postmortem: X\n\n## Summary\n\nText.\n';
  const below = disableAndRecount(withFrontMatter, 'metadata-severity', 'Disable metadata-severity for this file');
  assert.ok(below.text.startsWith('---\ntype: postmortem\nseverity: SEV-9\n---\n<!-- postmortem-disable-file metadata-severity -->\n# Postmortem: X\n'), below.text);
  assert.deepEqual([below.before, below.after], [1, 0]);
});

test('on every rule fixture, each reported rule can be disabled for a finding\'s line and for the file, and its findings go', () => {
  const reported = new Set<string>();
  for (const name of readdirSync(fixturePath('rules')).filter((file) => file.endsWith('.md'))) {
    const text = readFixture('rules', name);
    const diagnostics = provideDiagnostics(doc(text));
    for (const ruleId of new Set(diagnostics.map((d) => String(d.code)))) {
      reported.add(ruleId);
      const firstLine = diagnostics.find((d) => d.code === ruleId)?.range.start.line;
      const onThatLine = diagnostics.filter((d) => d.code === ruleId && d.range.start.line === firstLine).length;
      const document = doc(text);
      const offered = actions(document, diagnostics.find((d) => d.code === ruleId)?.range ?? at(0), { only: ['quickfix'], diagnostics: diagnostics.filter((d) => d.code === ruleId) }).map((a) => a.title);
      if (offered.includes(`Disable ${ruleId} for this line`)) {
        const line = disableAndRecount(text, ruleId, `Disable ${ruleId} for this line`);
        assert.equal(line.after, line.before - onThatLine, `${name}: ${ruleId} on line ${firstLine} goes, the others stay`);
      }
      assert.equal(disableAndRecount(text, ruleId, `Disable ${ruleId} for this file`).after, 0, `${name}: every ${ruleId} finding goes`);
    }
  }
  assert.ok(reported.size >= 10, `most rules are covered: ${[...reported].join(', ')}`);
});

test('no line directive inside the front matter or between table rows, and none for internal findings', () => {
  const table = '# Postmortem: X\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add alert | [Owner] | 2024-06-10 |\n';
  const document = doc(table);
  const diagnostics = provideDiagnostics(document).filter((d) => d.code === 'placeholder');
  assert.ok(diagnostics.length > 0);
  const titles = actions(document, diagnostics[0].range, { only: ['quickfix'], diagnostics }).map((a) => a.title);
  assert.ok(titles.includes('Disable placeholder for this file'));
  assert.ok(!titles.includes('Disable placeholder for this line'));

  const frontMatter = doc('---\ntype: postmortem\nseverity: SEV-9\n---\n# Postmortem: X\n');
  const severity = provideDiagnostics(frontMatter).filter((d) => d.code === 'metadata-severity');
  assert.equal(severity[0].range.start.line, 2, 'the finding is in the front matter');
  assert.deepEqual(actions(frontMatter, severity[0].range, { only: ['quickfix'], diagnostics: severity }).filter((a) => a.title.startsWith('Disable')).map((a) => a.title), ['Disable metadata-severity for this file']);

  const stale: Diagnostic = { ...severity[0], range: at(999) };
  assert.deepEqual(actions(frontMatter, stale.range, { only: ['quickfix'], diagnostics: [stale] }).filter((a) => a.title.startsWith('Disable')).map((a) => a.title), ['Disable metadata-severity for this file'], 'a stale diagnostic past the end gets no line directive');

  const internal: Diagnostic = { ...severity[0], code: 'parse-error', message: 'This document could not be analysed' };
  assert.equal(actions(frontMatter, internal.range, { only: ['quickfix'], diagnostics: [internal] }).some((a) => a.title.startsWith('Disable')), false);
});

test('an item without an owner can be assigned to one of the workspace\'s three most frequent owners, and the finding goes', () => {
  const text = '# Postmortem: X\n\n**Date**: 2024-05-20\n\n## Action items\n\n- [ ] [P1] Add an alert (Due: 2024-06-10)\n\n| Action | Owner | Due |\n|---|---|---|\n| Add a runbook |  | 2024-06-10 |\n';
  const document = doc(text);
  const diagnostics = provideDiagnostics(document).filter((d) => d.code === 'action-item-owner');
  assert.equal(diagnostics.length, 2);
  let asked = 0;
  const owners = () => {
    asked++;
    return ['@alice', '@bob', 'Carol Diaz', '@dan'];
  };
  for (const [diagnostic, expected] of [
    [diagnostics[0], '- [ ] [P1] Add an alert (Due: 2024-06-10) (Owner: @bob)'],
    [diagnostics[1], '| Add a runbook | @bob | 2024-06-10 |'],
  ] as const) {
    const offered = provideCodeActions(document, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } }, { owners });
    assert.deepEqual(offered.filter((a) => a.title.startsWith('Assign')).map((a) => a.title), ['Assign @alice', 'Assign @bob', 'Assign Carol Diaz']);
    const next = applied(document, offered.find((a) => a.title === 'Assign @bob'));
    assert.ok(next.includes(expected), next);
    const left = provideDiagnostics(doc(next)).filter((d) => d.code === 'action-item-owner' && d.range.start.line === diagnostic.range.start.line);
    assert.deepEqual(left, []);
  }
  asked = 0;
  actions(document, at(0), { only: ['quickfix'], diagnostics: provideDiagnostics(document).filter((d) => d.code !== 'action-item-owner') });
  assert.equal(asked, 0, 'owners are not looked up without an owner finding');
});

test('an item with a priority but no due date is offered the end of its priority window', () => {
  const text = '# Postmortem: X\n\n**Date**: 2024-05-20\n\n## Action items\n\n- [ ] [P0] Add an alert @alice\n- [ ] Write a runbook @bob\n';
  const document = doc(text);
  const diagnostics = provideDiagnostics(document).filter((d) => d.code === 'action-item-due');
  assert.equal(diagnostics.length, 2);
  const dueTitles = (diagnostic: Diagnostic) => actions(document, diagnostic.range, { only: ['quickfix'], diagnostics: [diagnostic] }).map((a) => a.title).filter((t) => t.startsWith('Due '));
  assert.deepEqual(dueTitles(diagnostics[0]), ['Due 2024-05-27 (end of the P0 window)']);
  assert.deepEqual(dueTitles(diagnostics[1]), [], 'no priority, no window');
  const action = actions(document, diagnostics[0].range, { only: ['quickfix'], diagnostics: [diagnostics[0]] }).find((a) => a.title.startsWith('Due '));
  const next = applied(document, action);
  assert.ok(next.includes('- [ ] [P0] Add an alert @alice (Due: 2024-05-27)\n'), next);
  assert.equal(provideDiagnostics(doc(next)).filter((d) => d.code === 'action-item-due').length, 1);
});

test('"due TBD" is offered its date placeholder, with or without a priority, and the end of the window with one', () => {
  const text = '# Postmortem: X\n\n**Date**: 2024-05-20\n\n## Action items\n\n- [ ] Write a runbook @bob, due TBD\n- [ ] [P1] Add an alert @alice, due TBD\n';
  const document = doc(text);
  const placeholders = provideDiagnostics(document).filter((d) => d.code === 'placeholder');
  assert.deepEqual(placeholders.map((d) => d.range.start.line), [6, 7]);
  const titles = (diagnostic: Diagnostic) => actions(document, diagnostic.range, { only: ['quickfix'], diagnostics: [diagnostic] }).map((a) => a.title).filter((t) => t.startsWith('Due ') || t.startsWith('Write the due'));
  assert.deepEqual(titles(placeholders[0]), ['Write the due date as YYYY-MM-DD']);
  assert.deepEqual(titles(placeholders[1]), ['Due 2024-06-19 (end of the P1 window)', 'Write the due date as YYYY-MM-DD']);
  const prompt = actions(document, placeholders[0].range, { only: ['quickfix'], diagnostics: [placeholders[0]] }).find((a) => a.title.startsWith('Write the due'));
  assert.ok(applied(document, prompt).includes('- [ ] Write a runbook @bob, due YYYY-MM-DD\n'));
});

test('a fix edit with a snippet form goes as a snippet edit of the document version only to a client that applies them', () => {
  const document = doc('# Postmortem: X\n\n## Action items\n\n- [ ] [P1] Add an alert (Due: 2024-06-10)\n');
  const range = { start: { line: 4, character: 41 }, end: { line: 4, character: 41 } };
  const edits = [{ range, newText: ' (Owner: [Owner])', snippet: ' (Owner: ${1:[Owner]})' }];
  assert.deepEqual(fixWorkspaceEdit(document, edits, true), {
    documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range, snippet: { kind: 'snippet', value: ' (Owner: ${1:[Owner]})' } }] }],
  });
  assert.deepEqual(fixWorkspaceEdit(document, edits, false), { changes: { [document.uri]: [{ range, newText: ' (Owner: [Owner])' }] } });
  const plain = [{ range, newText: ' (Owner: @alice)' }];
  assert.deepEqual(fixWorkspaceEdit(document, plain, true), { changes: { [document.uri]: plain } });

  const diagnostics = provideDiagnostics(document).filter((d) => d.code === 'action-item-owner');
  const params: CodeActionParams = { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix'] } };
  const placeholder = provideCodeActions(document, params, { snippetEdits: true }).find((a) => a.title === 'Add an owner placeholder');
  assert.deepEqual(placeholder?.edit?.documentChanges, [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range, snippet: { kind: 'snippet', value: ' (Owner: ${1:[Owner]})' } }] }]);
});
