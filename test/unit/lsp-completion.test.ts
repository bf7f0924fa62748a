import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { laterTimestamp, maySuggestSnippet, provideCompletions } from '../../server/src/lsp/completion';
import { readSnippets } from '../../server/src/lsp/snippets';
import { analyzedForTest, repoRoot } from '../helpers';

const uri = 'file:///w/postmortems/a.md';

/** Completes at the `¦` in `marked`; returns the items and the text without the marker. */
function complete(marked: string, knownOwners: string[] = []): { items: CompletionItem[]; text: string } {
  const offset = marked.indexOf('¦');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = analyzedForTest(text);
  const position = TextDocument.create(uri, 'markdown', 1, text).positionAt(offset);
  return { items: provideCompletions(document, { textDocument: { uri }, position }, knownOwners), text };
}

function accept(text: string, item: CompletionItem | undefined): string {
  assert.ok(item?.textEdit && 'range' in item.textEdit, 'the item replaces a range');
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), [item.textEdit]);
}

const head = '# Postmortem: X\n\n**Date**: 2024-05-20\n**Severity**: SEV-3\n\n## Summary\n\nText.\n\n';

test('a typed heading offers the missing sections with their templates', () => {
  const { items, text } = complete(`${head}## Timeline\n\n- 10:00 Alert\n\n## Ro¦\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['## Impact', 'Required section, with its template'],
    ['## Root cause', 'Required section, with its template'],
    ['## Contributing factors', 'Recommended section, with its template'],
    ['## What went well', 'Recommended section, with its template'],
    ['## What went poorly', 'Recommended section, with its template'],
    ['## Action items', 'Required section, with its template'],
    ['## Lessons learned', 'Recommended section, with its template'],
  ]);
  const rootCause = items.find((i) => i.label === '## Root cause');
  assert.equal(accept(text, rootCause), `${head}## Timeline\n\n- 10:00 Alert\n\n## Root cause\n\nTODO: the conditions in the system that made this failure possible. Ask why until the answer is a condition the team can change.\n`);
});

test('an empty line after the last section offers headings too, but not an empty line earlier on', () => {
  const atEnd = complete(`${head}## Impact\n\nMany.\n\n¦`);
  assert.equal(atEnd.items[0]?.label, '## Timeline');
  assert.equal(accept(atEnd.text, atEnd.items[0]), `${head}## Impact\n\nMany.\n\n## Timeline\n\n- HH:MM TODO: the first signal, such as an alert, a customer report or a deploy\n- HH:MM TODO: the incident is declared and responders engage\n- HH:MM TODO: the mitigation that ends the impact\n- HH:MM TODO: the incident is resolved`);
  assert.deepEqual(complete(`# Postmortem: X\n¦\n## Summary\n\nText.\n`).items, []);
});

test('severity values follow a bold label or a front matter key, the scale the severity rule accepts', () => {
  const { items, text } = complete('# Postmortem: X\n\n**Severity**: SE¦\n');
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['SEV-1', 'Critical: complete outage or data loss, most customers affected'],
    ['SEV-2', 'Major: a key feature down or badly degraded for many customers'],
    ['SEV-3', 'Minor: limited impact, a workaround exists'],
  ]);
  for (const item of items) {
    const chosen = analyze(accept(text, item), { force: true }).findings.filter((finding) => finding.ruleId === 'metadata-severity');
    assert.deepEqual(chosen, [], `${item.label} is offered, so it is accepted`);
  }
  assert.equal(accept(text, items[1]), '# Postmortem: X\n\n**Severity**: SEV-2\n');
  const front = complete('---\ntitle: X\nseverity: ¦\n---\n\n# Postmortem: X\n');
  assert.equal(accept(front.text, front.items[0]), '---\ntitle: X\nseverity: SEV-1\n---\n\n# Postmortem: X\n');
  assert.deepEqual(complete('# Postmortem: X\n\nseverity: ¦\n').items, [], 'outside front matter a plain key is prose');
});

test('priorities are offered after `[` in action items, replacing an auto-closed bracket', () => {
  const { items, text } = complete(`${head}## Action items\n\n- [ ] [¦] Add alert\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['[P0]', 'Urgent: due within 7 days of the postmortem'],
    ['[P1]', 'High: due within 30 days of the postmortem'],
    ['[P2]', 'Normal: due within 90 days of the postmortem'],
  ]);
  assert.equal(accept(text, items[2]), `${head}## Action items\n\n- [ ] [P2] Add alert\n`);
  const typed = complete(`${head}## Action items\n\n- Add alert [P¦\n`);
  assert.equal(accept(typed.text, typed.items[0]), `${head}## Action items\n\n- Add alert [P0]\n`);
  assert.deepEqual(complete(`${head}## Action items\n\n- [¦\n`).items, [], 'the checkbox position');
  assert.deepEqual(complete(`${head}See [¦\n`).items, [], 'links elsewhere');
});

test('owners come from this document and the workspace, de-duplicated', () => {
  const body = `${head}## Action items\n\n- [ ] Add alert (Owner: @alice)\n- [ ] Fix docs (Owner: Bob Jones)\n- [ ] Tidy (Owner: [Owner])\n`;
  const handle = complete(`${body}- [ ] New item (Owner: @¦`, ['@Alice', '@carol', 'dave', 'Erin Smith', 'TBD']);
  assert.deepEqual(handle.items.map((i) => [i.label, i.detail]), [
    ['@alice', 'Owner in this postmortem'],
    ['@carol', 'Owner in the workspace'],
    ['@dave', 'Owner in the workspace'],
  ]);
  assert.equal(accept(handle.text, handle.items[1]), `${body}- [ ] New item (Owner: @carol`);
  const labelled = complete(`${body}- [ ] New item (Owner: B¦`, ['@carol']);
  assert.deepEqual(labelled.items.map((i) => i.label), ['@alice', 'Bob Jones', '@carol']);
  assert.equal(accept(labelled.text, labelled.items[1]), `${body}- [ ] New item (Owner: Bob Jones`);
});

test('due dates: today and the end of each priority window from the postmortem date', () => {
  const { items, text } = complete(`${head}## Action items\n\n- [ ] [P1] Add alert (Owner: @alice, Due: ¦)\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['2024-06-01', 'Today'],
    ['2024-05-27', 'P0 window end (7 days from the postmortem date)'],
    ['2024-06-19', 'P1 window end (30 days from the postmortem date)'],
    ['2024-08-18', 'P2 window end (90 days from the postmortem date)'],
  ]);
  assert.equal(accept(text, items[2]), `${head}## Action items\n\n- [ ] [P1] Add alert (Owner: @alice, Due: 2024-06-19)\n`);
  const undated = complete('# Postmortem: X\n\n## Action items\n\n- [ ] Add alert due 2024¦\n');
  assert.deepEqual(undated.items.map((i) => i.label), ['2024-06-01', '2024-06-08', '2024-07-01', '2024-08-30']);
  assert.equal(accept(undated.text, undated.items[3]), '# Postmortem: X\n\n## Action items\n\n- [ ] Add alert due 2024-08-30\n');
  assert.deepEqual(complete(`${head}It was due ¦\n`).items, [], "'due' in prose outside action items");
});

test('a new timeline item continues from the previous entry, in its notation', () => {
  const { items } = complete(`${head}## Timeline\n\n- 14:05 Alert fired\n- ¦\n`);
  assert.deepEqual(items.map((i) => [i.label, i.insertText, i.detail]), [['14:10', '14:10 ', '5 minutes after the previous entry (14:05)']]);
  const dated = complete(`${head}## Timeline\n\n1. 2024-05-20 23:58 UTC Alert fired\n2. 2024-05-20 23:59 UTC Paged\n3. ¦\n`);
  assert.deepEqual(dated.items.map((i) => i.insertText), ['2024-05-21 00:04 UTC ']);
  assert.deepEqual(complete(`${head}## Timeline\n\n- ¦\n`).items, [], 'no previous entry');
  assert.deepEqual(complete(`${head}- ¦\n\n## Timeline\n\n- 14:05 Alert\n`).items, [], 'outside the timeline');
});

test('timestamps keep their clock style', () => {
  assert.equal(laterTimestamp('9:05', 5), '9:10');
  assert.equal(laterTimestamp('09:58:30', 5), '10:03:30');
  assert.equal(laterTimestamp('11:57 AM', 5), '12:02 PM');
  assert.equal(laterTimestamp('11:57pm', 5), '12:02am');
  assert.equal(laterTimestamp('2024-01-15T23:57Z', 5), '2024-01-16T00:02Z');
  assert.equal(laterTimestamp('Jan 15, 14:05', 5), 'Jan 15, 14:10');
  assert.equal(laterTimestamp('yesterday', 5), undefined);
});

test('documents that are not postmortems get no completions', () => {
  const text = '# Notes\n\n## ';
  const document = analyzedForTest(text, { path: '/w/notes/n.md' });
  assert.deepEqual(provideCompletions(document, { textDocument: { uri }, position: { line: 2, character: 3 } }, []), []);
});

const shipped = readSnippets(JSON.parse(readFileSync(join(repoRoot, 'snippets', 'postmortem.code-snippets'), 'utf8')));

function completeSnippet(marked: string, now = Date.UTC(2024, 4, 20, 9, 7)): { items: CompletionItem[]; text: string } {
  const offset = marked.indexOf('¦');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const position = TextDocument.create(uri, 'markdown', 1, text).positionAt(offset);
  return { items: provideCompletions(analyzedForTest(text), { textDocument: { uri }, position }, [], { snippets: shipped, now }), text };
}

test('a word at a line start lists the snippets whose prefix or one of its words it begins', () => {
  assert.deepEqual(completeSnippet(`${head}## Action items\n\naction¦\n`).items.map((i) => i.label), ['action-item', 'action-items']);
  assert.deepEqual(completeSnippet(`${head}## Action items\n\nact¦\n`).items.map((i) => i.label), ['action-item', 'action-items']);
  const item = completeSnippet(`${head}## Action items\n\nitem¦\n`).items.find((i) => i.label === 'action-item');
  assert.equal(item?.filterText, 'item');
  assert.equal(item?.kind, CompletionItemKind.Snippet);
  assert.equal(item?.insertTextFormat, InsertTextFormat.Snippet);
  assert.deepEqual(completeSnippet(`${head}why¦\n`).items.map((i) => i.label), ['five-whys']);
});

test('no snippet inside a sentence, after text on the line, or for the whole template once the document has sections', () => {
  assert.deepEqual(completeSnippet(`${head}The action¦\n`).items, []);
  assert.deepEqual(completeSnippet(`${head}action¦ taken\n`).items, []);
  assert.deepEqual(completeSnippet(`${head}post¦\n`).items, []);
  assert.deepEqual(completeSnippet('# Postmortem: New\n\npost¦\n').items.map((i) => i.label), []);
  assert.deepEqual(maySuggestSnippet('  time', ''), true);
  assert.deepEqual(maySuggestSnippet('- time', ''), false);
});

test('the timeline entry snippet writes the zone the document uses, at the time there, and tabs from the time to the description', () => {
  const utc = completeSnippet(`${head}## Timeline\n\n- 10:00 UTC Alert fires\n\ntimeline¦\n`).items.find((i) => i.label === 'timeline-entry');
  assert.equal(utc?.textEdit?.newText, '- ${1:09:07} UTC ${2:TODO: what happened}$0');
  const offset = completeSnippet(`${head}## Timeline\n\n- 10:00 +02:00 Alert fires\n\ntimeline¦\n`).items.find((i) => i.label === 'timeline-entry-date');
  assert.equal(offset?.textEdit?.newText, '- ${1:2024-05-20 11:07} +02:00 ${2:TODO: what happened}$0');
  // Without a zone in the document, VS Code fills in the editor's time and offset.
  const none = completeSnippet(`${head}## Timeline\n\n- 10:00 Alert fires\n\ntimeline¦\n`).items.find((i) => i.label === 'timeline-entry');
  assert.equal(none?.textEdit?.newText, '- ${1:${CURRENT_HOUR}:${CURRENT_MINUTE}} ${CURRENT_TIMEZONE_OFFSET} ${2:TODO: what happened}$0');
});
