import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/analysis/parse';
import { instantsInOrder } from '../../server/src/analysis/timeline';
import { defaultConfig } from '../../server/src/analysis/config';
import { MarkdownParser, splitAtHeadings } from '../../server/src/analysis/markdown';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../helpers';

const config = defaultConfig();
const parse = (text: string) => parsePostmortem(text, config);
const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('sections keep their kind, depth, heading span and nesting', () => {
  const text = '# Postmortem: X\n\n## 1. Summary\n\nText.\n\n## Follow-ups\n\n### Immediate\n\n- [ ] a\n\n## Appendix\n';
  const model = parse(text);
  assert.deepEqual(
    model.sections.map((s) => [s.kind, s.depth, at(text, s.heading), s.parent, s.empty]),
    [
      [undefined, 1, '# Postmortem: X', undefined, false],
      ['summary', 2, '## 1. Summary', 0, false],
      ['action-items', 2, '## Follow-ups', 0, false],
      [undefined, 3, '### Immediate', 2, false],
      [undefined, 2, '## Appendix', 0, true],
    ],
  );
  assert.equal(model.title?.value, 'Postmortem: X');
});

test('metadata comes from front matter and from bold label lines, with value spans', () => {
  const front = '---\ntitle: Outage\ndate: 2024-01-15\nseverity: SEV-1\nauthors: [a, b]\n---\n# Postmortem\n';
  const model = parse(front);
  assert.deepEqual(model.metadata.map((f) => [f.key, f.value, at(front, f.valueSpan), f.source]), [
    ['title', 'Outage', 'Outage', 'front-matter'],
    ['date', '2024-01-15', '2024-01-15', 'front-matter'],
    ['severity', 'SEV-1', 'SEV-1', 'front-matter'],
    ['authors', 'a, b', '[a, b]', 'front-matter'],
  ]);
  assert.equal(model.date, '2024-01-15');

  const labels = '# Postmortem\n\n**Date**: 2024-01-15\n**Severity:** SEV-2 (partial outage)\n- __Duration__ - 2 hours\n';
  const labelled = parse(labels);
  assert.deepEqual(labelled.metadata.map((f) => [f.key, f.value, at(labels, f.valueSpan)]), [
    ['date', '2024-01-15', '2024-01-15'],
    ['severity', 'SEV-2 (partial outage)', 'SEV-2 (partial outage)'],
    ['duration', '2 hours', '2 hours'],
  ]);
});

test('timeline entries carry instants, dates forward, roll over midnight and honour zones', () => {
  const text = [
    '# Postmortem',
    '',
    '**Date**: 2024-02-06',
    '',
    '## Timeline (UTC)',
    '',
    '- 23:50 Alert fires',
    '- **00:10** — Mitigated',
    '- 2024-02-07 01:00 PST Resolved',
    '',
  ].join('\n');
  const model = parse(text);
  assert.deepEqual(
    model.timeline.map((e) => [e.timeText, e.description, e.instant && new Date(e.instant).toISOString(), e.container]),
    [
      ['23:50', 'Alert fires', '2024-02-06T23:50:00.000Z', 'list'],
      ['00:10', 'Mitigated', '2024-02-07T00:10:00.000Z', 'list'],
      ['2024-02-07 01:00 PST', 'Resolved', '2024-02-07T09:00:00.000Z', 'list'],
    ],
  );
  assert.equal(model.timezone, 'UTC');
});

test('timeline tables read the Time column and join the rest as the description', () => {
  const text = '# Postmortem\n\n## Timeline\n\n| Date | Time | Event | Who |\n|---|---|---|---|\n| 2024-03-01 | 10:00 | Alert | Bob |\n| | 10:05 | Ack | Alice |\n';
  const model = parse(text);
  assert.deepEqual(
    model.timeline.map((e) => [at(text, e.timeSpan), e.description, new Date(e.instant ?? 0).toISOString(), e.container]),
    [
      ['10:00', 'Alert — Bob', '2024-03-01T10:00:00.000Z', 'table'],
      ['10:05', 'Ack — Alice', '2024-03-01T10:05:00.000Z', 'table'],
    ],
  );
});

test('action items read owner, due, priority, status and ticket in every form', () => {
  const text = [
    '# Postmortem',
    '',
    '**Date**: 2024-01-15',
    '',
    '## Action items',
    '',
    '- [ ] [P0] Add pool alert — @alice, due 2024-01-20 (OPS-12)',
    '- [x] [P1] Write runbook (Owner: Charlie Brown, Due: Feb 1, 2024)',
    '- ~~[P2] Old idea [Dana]~~',
    '- [ ] Fix retries (Owner: [Owner], Due: TBD)',
    '',
    '### Long-term',
    '',
    '| Priority | Action | Owner | Due | Status | Ticket |',
    '|---|---|---|---|---|---|',
    '| P2 | Shard the DB | @erin | 2024-04-01 | Done | [DB-7](https://t.example/DB-7) |',
    '',
  ].join('\n');
  const items = parse(text).actionItems;
  assert.deepEqual(
    items.map((i) => [i.description, i.owner?.value, i.due?.value, i.priority?.value, i.status, i.ticket?.value, i.group, i.container, i.ownerPlaceholder, i.duePlaceholder]),
    [
      ['Add pool alert', '@alice', '2024-01-20', 0, 'open', 'OPS-12', undefined, 'task-list', false, false],
      ['Write runbook', 'Charlie Brown', '2024-02-01', 1, 'done', undefined, undefined, 'task-list', false, false],
      ['Old idea', 'Dana', undefined, 2, 'done', undefined, undefined, 'list', false, false],
      ['Fix retries', undefined, undefined, undefined, 'open', undefined, undefined, 'task-list', true, true],
      ['Shard the DB', '@erin', '2024-04-01', 2, 'done', 'https://t.example/DB-7', 'Long-term', 'table', false, false],
    ],
  );
  assert.equal(at(text, items[0].owner!.span), '@alice');
  assert.equal(at(text, items[0].due!.span), '2024-01-20');
});

test('prose masks code and markup but keeps offsets', () => {
  const text = '# Postmortem\n\n## Summary\n\n**Bob** ran `rm -rf` on [the host](http://x).\n';
  const block = parse(text).prose.find((b) => b.where === 'body');
  assert.ok(block);
  assert.equal(block.text, '  Bob   ran          on  the host           .');
  assert.equal(at(text, block.span).length, block.text.length);
});

test('html comments are collected for directives, not those in code', () => {
  const text = '# Postmortem\n\n<!-- postmortem-disable placeholder -->\n\n```\n<!-- not a comment -->\n```\n\nText <!-- inline --> here.\n';
  assert.deepEqual(parse(text).comments.map((c) => c.value), ['<!-- postmortem-disable placeholder -->', '<!-- inline -->']);
});

test('splitting at headings ignores fences and front matter, and the parser reuses unchanged chunks', () => {
  const text = '---\n# not a heading\n---\nIntro\n# One\n```\n# not a heading\n```\n## Two\ntext\n';
  assert.deepEqual(splitAtHeadings(text).map((c) => c.text.split('\n')[0]), ['---', '# One', '## Two']);
  const parser = new MarkdownParser();
  const first = parser.parse(text);
  const second = parser.parse(text.replace('text', 'edited'));
  assert.equal(second[1].root, first[1].root);
  assert.notEqual(second[2].root, first[2].root);
});

test('a fence closes where remark closes it, for the heading splitter and for the closer a fix appends alike', () => {
  // Spaces or tabs may follow a closing fence; a no-break space makes the line code.
  for (const [after, closed] of [['', true], [' \t', true], ['\u00a0', false], [' x', false]] as const) {
    const text = `# Postmortem: X\n\n\`\`\`\ncode\n\`\`\`${after}\n\n## Next\n`;
    assert.equal(splitAtHeadings(text).length, closed ? 2 : 1, JSON.stringify(after));
    assert.equal(parse(text).openBlockCloser, closed ? undefined : '```', JSON.stringify(after));
    assert.equal(parse(text).sections.length, closed ? 2 : 1, JSON.stringify(after));
  }
});

test('metrics come from the timeline', () => {
  const text = '# Postmortem\n\n**Date**: 2024-01-01\n\n## Timeline\n\n- 10:00 Deploy of v2 starts\n- 10:07 Error rate alert fires\n- 10:10 Alice acknowledges the page\n- 10:30 Rolled back to v1\n- 11:00 Incident resolved\n';
  const metrics = parse(text).metrics;
  const minutes = (ms: number | undefined) => (ms === undefined ? undefined : ms / 60_000);
  assert.deepEqual([minutes(metrics.timeToDetect), minutes(metrics.timeToAcknowledge), minutes(metrics.timeToMitigate), minutes(metrics.timeToResolve)], [7, 10, 30, 60]);
});

test('a long list is split into parts that parse the same items', () => {
  const items = Array.from({ length: 450 }, (_, i) => `- ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Event ${i}`);
  const text = ['# Postmortem', '', '**Date**: 2024-01-01', '', '## Timeline', '', ...items, ''].join('\n');
  assert.equal(splitAtHeadings(text).length, 4);
  const model = parse(text);
  assert.equal(model.timeline.length, 450);
  assert.equal(model.timeline[449].description, 'Event 449');
  assert.equal(new Set(model.timeline.map((entry) => entry.group)).size, 3);
});

test('warming parses in slices, and parsing afterwards reuses every chunk', async () => {
  const text = '# Postmortem\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:00 Alert\n';
  const parser = new MarkdownParser();
  let otherWorkRan = false;
  setImmediate(() => (otherWorkRan = true));
  const warming = parser.warm(text, 0);
  assert.equal(otherWorkRan, false);
  await warming;
  assert.equal(otherWorkRan, true, 'warm yields to the event loop between chunks');
  const first = parser.parse(text);
  const second = new MarkdownParser().parse(text);
  assert.deepEqual(first.map((chunk) => chunk.root), second.map((chunk) => chunk.root));
  assert.equal(parser.parse(text)[2].root, first[2].root);
});

test('a skim keeps for the full parse only the chunks whose tree is the whole tree: none with a bare link, none left unread', () => {
  const text = '# Postmortem\n\n## Summary\n\nProse.\n\n## Timeline\n\n- 10:00 Alert\n\n## Links\n\n- 10:05 See https://status.example.com\n';
  const parser = new MarkdownParser();
  const keepAllButSummary = (chunks: readonly { text: string }[]) => chunks.map((chunk) => !chunk.text.startsWith('## Summary'));
  const skimmed = parser.skim(text, keepAllButSummary);
  const parsed = parser.parse(text);
  assert.equal(parsed[2].root, skimmed[2].root, 'the timeline is not parsed again');
  assert.notEqual(parsed[1].root, skimmed[1].root, 'a chunk skimmed to its heading is parsed in full');
  assert.notEqual(parsed[3].root, skimmed[3].root, 'a chunk with a bare link is parsed again with full GFM');
  assert.deepEqual(parsed.map((chunk) => chunk.root), new MarkdownParser().parse(text).map((chunk) => chunk.root));
  assert.equal((parsed[3].root.children[1] as { children: { children: { children: { type: string }[] }[] }[] }).children[0].children[0].children[1].type, 'link');
});

/** A dated document of these lines, read in full and skimmed. */
function readFullAndSkimmed(...lines: string[]) {
  const text = ['# Postmortem: Skim', '', '**Date**: 2024-01-01', '', ...lines, ''].join('\n');
  return { full: parse(text), skimmed: parsePostmortem(text, config, undefined, { skim: true }) };
}

test('skimming reads title, metadata, timeline and action items, and skips prose sections', () => {
  const { full, skimmed } = readFullAndSkimmed(
    '## Impact',
    '',
    'Long prose with TODO.',
    '',
    '## Timeline',
    '',
    '- 10:00 Alert',
    '',
    '## Root cause',
    '',
    '### Details',
    '',
    'More prose.',
    '',
    '## Action items',
    '',
    '### Immediate',
    '',
    '- [ ] [P0] Fix (Owner: @a, Due: 2024-01-05)',
  );
  assert.deepEqual(skimmed.actionItems, full.actionItems);
  assert.deepEqual(skimmed.timeline, full.timeline);
  assert.deepEqual(skimmed.metadata, full.metadata);
  assert.deepEqual(skimmed.sections.map((s) => s.heading), full.sections.map((s) => s.heading));
  assert.deepEqual(full.placeholders.map((p) => p.text), ['TODO']);
  assert.deepEqual(skimmed.placeholders, []);
});

test('skimming still reads the action items a prose section marks: "Action point:", bold TODO, a "we will" list', () => {
  const { full, skimmed } = readFullAndSkimmed(
    '## Impact',
    '',
    'Long prose.',
    '',
    '## Lessons learned',
    '',
    'Action point: add a disk alert.',
    '',
    '**TODO**: Ivo to graph the pool usage.',
    '',
    'Going forward, we will do the following:',
    '',
    '- We will rotate the logs daily',
  );
  assert.equal(full.actionItems.length, 3);
  assert.deepEqual(skimmed.actionItems, full.actionItems);
});

test('a document re-read after edits gives the same model as one read from scratch', () => {
  const dir = fixturePath('corpus', 'postmortems', '2024');
  for (const name of readdirSync(dir)) {
    const original = readFileSync(join(dir, name), 'utf8');
    const parser = new MarkdownParser();
    parsePostmortem(original, config, parser);
    const lines = original.split('\n');
    // Edits that shift offsets, change carried dates, and move blocks between sections.
    const edits = [
      lines.map((line, i) => (i === 3 ? line + ' (edited)' : line)),
      lines.filter((_, i) => i !== Math.floor(lines.length / 2)),
      lines.map((line) => line.replace(/2024-0(\d)-/, '2024-1$1-')),
      [...lines.slice(0, 8), '', '## Extra', '', 'Inserted section.', '', ...lines.slice(8)],
    ];
    for (const edited of edits) {
      const text = edited.join('\n');
      assert.deepEqual(parsePostmortem(text, config, parser), parsePostmortem(text, config), name);
    }
  }
});

test('after two byte order marks every span still points at its text, and an unclosed fence is still found', () => {
  const text = '\uFEFF\uFEFF# Postmortem: X\n\n## Summary\n\nText.\n\n```\nnever closed\n';
  const model = parse(text);
  assert.deepEqual(model.sections.map((s) => at(text, s.heading)), ['# Postmortem: X', '## Summary']);
  assert.equal(model.openBlockCloser, '```');
});

test('an HTML comment or <pre> left open at the end is closed by the line the model gives, and a closed one is not', () => {
  const closer = (text: string) => parse(`# Postmortem: X\n\n${text}`).openBlockCloser;
  assert.equal(closer('<!-- notes\nstill a comment\n'), '-->');
  assert.equal(closer('<PRE>\nlog\n'), '</pre>');
  assert.equal(closer('<?php\n'), '?>');
  assert.equal(closer('<![CDATA[\n'), ']]>');
  assert.equal(closer('<!DOCTYPE html\n'), '>');
  for (const closed of ['<!-- done -->\n', '<!-->\n', '<?>\n', '<pre>a</pre>\n', '<div>\nopen until a blank line\n', '```\ncode\n```\n']) {
    assert.equal(closer(closed), undefined, closed);
  }
});

test('a date without a year, before any dated entry, is the latest such day on or before today', () => {
  const read = (text: string, today: string) => {
    const model = parsePostmortem(text, config, undefined, { today });
    return { date: model.date, timeline: model.timeline.map((entry) => new Date(entry.instant ?? 0).toISOString()) };
  };
  const heading = '# Postmortem: X\n\n## Timeline (UTC)\n\n### April 21\n\n- 09:00 Replication re-enabled\n- 2024-04-21T17:30:00Z Region returned\n';
  assert.deepEqual(read(heading, '2024-06-01').timeline, ['2024-04-21T09:00:00.000Z', '2024-04-21T17:30:00.000Z']);
  assert.deepEqual(read(heading, '2024-03-01').timeline, ['2023-04-21T09:00:00.000Z', '2024-04-21T17:30:00.000Z']);
  assert.equal(read('# Postmortem: X\n\n**Date**: April 21\n', '2024-06-01').date, '2024-04-21');
  assert.equal(read('# Postmortem: X\n\n**Date**: April 21\n', '2024-04-20').date, '2023-04-21');
  assert.equal(read('# Postmortem: X\n\n**Date**: April 21, 2025\n', '2024-04-20').date, '2025-04-21');
});

test('reading a group again in its own order gives the instants it was read with, in every fixture', () => {
  const dirs = [fixturePath('corpus', 'postmortems', '2024'), fixturePath('rules')];
  let groups = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
      const model = parsePostmortem(readFileSync(join(dir, name), 'utf8'), config, undefined, { today: '2024-06-01' });
      for (const group of new Set(model.timeline.map((entry) => entry.group))) {
        const entries = model.timeline.filter((entry) => entry.group === group);
        assert.deepEqual(instantsInOrder(entries, entries, model.timezone, '2024-06-01'), entries.map((entry) => entry.instant), `${name}, group ${group}`);
        groups++;
      }
    }
  }
  assert.ok(groups > 20, `only ${groups} groups`);
});
