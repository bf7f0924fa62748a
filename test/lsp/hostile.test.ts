// Hostile documents over LSP: huge, long-lined, deeply nested, binary. The server skips what it must
// with one diagnostic that says why, and keeps answering other requests meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentDiagnosticRequest, DocumentSymbolRequest, type Diagnostic, type DocumentDiagnosticReport, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { actionItemsRequest } from '../../server/src/protocol';
import { startServer, within, type TestServer } from './harness';

const small = ['# Postmortem: Small', '', '## Summary', '', 'A short one.', '', '## Timeline', '', '- 10:00 Alert fires', '- 10:05 Fixed', ''].join('\n');

let workspace: string;
const uriOf = (name: string) => `file://${join(workspace, 'postmortems', name)}`;

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
  mkdirSync(join(workspace, 'postmortems'));
  writeFileSync(join(workspace, 'postmortems', 'small.md'), small);
  // Invalid UTF-8 and NUL bytes on disk, read by the workspace index.
  const header = Buffer.from('# Postmortem: Bytes\n\n## Action items\n\n- [ ] [P1] Check the bytes (Owner: @ivy, Due: 2099-01-01) ');
  writeFileSync(join(workspace, 'postmortems', 'invalid-utf8.md'), Buffer.concat([header, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\n')]));
  writeFileSync(join(workspace, 'postmortems', 'nul.md'), Buffer.concat([Buffer.from('# Postmortem: NUL\n\n## Action items\n\n- [ ] Never listed (Owner: @nul)\n'), Buffer.from([0, 1, 2])]));
});

after(() => rmSync(workspace, { recursive: true, force: true }));

async function withServer(settings: Record<string, unknown>, body: (server: TestServer) => Promise<void>) {
  const server = await startServer({ workspace, pull: true, settings });
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

const items = (report: DocumentDiagnosticReport): Diagnostic[] => (report.kind === 'full' ? report.items : []);
const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

function diagnostics(server: TestServer, uri: string): Promise<Diagnostic[]> {
  return server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).then(items);
}

/** The small document's outline: the request that must keep being answered. */
async function outlineOfSmall(server: TestServer): Promise<string[]> {
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('small.md') } })) as DocumentSymbol[];
  return symbols.flatMap((symbol) => [symbol.name, ...(symbol.children ?? []).map((child) => child.name)]);
}

const smallOutline = ['Postmortem: Small', 'Summary', 'Timeline'];

/** A timeline of `lines` entries, a few MB for 100,000. */
function longTimeline(lines: number): string {
  const entries = Array.from({ length: lines }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Step ${i} of the recovery`);
  return ['# Postmortem: Long', '', '**Date**: 2024-03-01', '', '## Timeline', '', ...entries, ''].join('\n');
}

test('a 10 MB document gets one diagnostic naming the size limit and its setting; others are still answered', async () => {
  await withServer({}, async (server) => {
    await server.open(uriOf('small.md'), small);
    const huge = small + '\nfiller line of a very long appendix\n'.repeat(300_000);
    assert.ok(huge.length > 10 * 1024 * 1024);
    await server.open(uriOf('huge.md'), huge);
    const [skipped, outline] = await within(30, 'diagnostics and symbols', Promise.all([diagnostics(server, uriOf('huge.md')), outlineOfSmall(server)]));
    assert.equal(skipped.length, 1);
    assert.match(messageOf(skipped[0]), /is 1\d\.\d MB, over the 2\.0 MB limit \(setting postmortem\.maxFileSize\), so it is not analysed/);
    assert.deepEqual(outline, smallOutline);
  });
});

test('a 100,000-line timeline is analysed when the limit allows it, and a small document is answered meanwhile', async () => {
  await withServer({ maxFileSize: 20 * 1024 * 1024 }, async (server) => {
    await server.open(uriOf('small.md'), small);
    await server.open(uriOf('long.md'), longTimeline(100_000));
    const big = diagnostics(server, uriOf('long.md'));
    // The first parse of a large document runs in slices, so this is answered before the big one is done.
    assert.deepEqual(await within(20, 'symbols of the small document', outlineOfSmall(server)), smallOutline);
    const found = await within(300, 'diagnostics of the long timeline', big);
    assert.ok(found.some((d) => d.code === 'missing-section'), 'it was analysed as a postmortem');
    assert.equal(found.filter((d) => /could not be analysed|failed on this document/.test(messageOf(d))).length, 0);
  });
});

test('a 50,000-character line is analysed, and the server stays responsive', async () => {
  await withServer({}, async (server) => {
    const long = small.replace('A short one.', `A short one ${'with a [bracket and words '.repeat(2000)}`);
    assert.ok(long.length > 50_000);
    await server.open(uriOf('small.md'), small);
    await server.open(uriOf('wide.md'), long);
    const found = await within(60, 'diagnostics of the long line', diagnostics(server, uriOf('wide.md')));
    assert.equal(found.filter((d) => /could not be analysed|failed on this document/.test(messageOf(d))).length, 0);
    assert.deepEqual(await within(20, 'symbols afterwards', outlineOfSmall(server)), smallOutline);
  });
});

test('deeply nested lists and quotes, a paragraph crowded with emphasis, and NUL bytes, each get one diagnostic saying why they are skipped', async () => {
  await withServer({}, async (server) => {
    await server.open(uriOf('small.md'), small);
    const cases = [
      { name: 'lists.md', text: `${small}\n${'- '.repeat(20_000)}deep\n`, reason: /is not analysed: it has lists or block quotes nested more than 32 levels deep/ },
      { name: 'quotes.md', text: `${small}\n${'> '.repeat(50_000)}deep\n`, reason: /is not analysed: it has lists or block quotes nested more than 32 levels deep/ },
      { name: 'emphasis.md', text: `${small}\n${'~a*b*'.repeat(20_000)}\n`, reason: /is not analysed: the paragraph at line \d+ has more than 1,000 emphasis markers and brackets/ },
      { name: 'binary.md', text: `${small}\u0000\u0001`, reason: /contains NUL bytes and looks binary, so it is not analysed/ },
    ];
    for (const { name, text, reason } of cases) {
      await server.open(uriOf(name), text);
      const found = await within(20, name, diagnostics(server, uriOf(name)));
      assert.equal(found.length, 1, name);
      assert.match(messageOf(found[0]), reason);
    }
    assert.deepEqual(await within(20, 'symbols afterwards', outlineOfSmall(server)), smallOutline);
  });
});

test('the workspace index reads invalid UTF-8 without failing and leaves binary files out', async () => {
  await withServer({}, async (server) => {
    await server.open(uriOf('small.md'), small);
    await within(60, 'indexing', server.indexed);
    const listed = await within(20, 'action items', server.connection.sendRequest(actionItemsRequest, {}));
    assert.deepEqual(listed.items.map((item) => item.owner), ['@ivy']);
    assert.match(listed.items[0].description, /^Check the bytes/);
    assert.deepEqual(await within(20, 'symbols afterwards', outlineOfSmall(server)), smallOutline);
  });
});

test('a config with a catastrophically backtracking phrase is reported on the config file, and analysis still answers', async () => {
  const folder = join(workspace, 'regex');
  mkdirSync(join(folder, 'postmortems'), { recursive: true });
  const config = join(folder, '.postmortemrc.yaml');
  writeFileSync(config, 'blame:\n  phrases:\n    - match: "(a+)+$"\n      regex: true\n      explanation: Nested repetition.\n');
  const uri = `file://${join(folder, 'postmortems', 'evil.md')}`;
  const text = small.replace('A short one.', `A short one: ${'a'.repeat(40)}!`);
  const server = await startServer({ workspace: folder, settings: {} });
  try {
    const reported = server.nextDiagnostics(`file://${config}`);
    const published = server.nextDiagnostics(uri, 1);
    await server.open(uri, text);
    const problems = (await within(20, 'config diagnostics', reported)).diagnostics;
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, 2);
    assert.match(messageOf(problems[0]), /backtrack catastrophically.*\(defaults apply\)/);
    const found = (await within(20, 'document diagnostics', published)).diagnostics;
    assert.ok(found.some((d) => d.code === 'missing-section'));
  } finally {
    await server.stop();
  }
});
