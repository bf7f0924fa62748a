// A short day of editing over LSP: after a few hundred random edits with an editor's requests between
// them, each document's diagnostics are those of a fresh open, and closing the documents releases
// everything the server kept for them. Memory and time are the soak benchmark's (bench/soak.ts).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, within } from './harness';
import { closeAll, differencesFromFresh, editOnce, generateDocuments, openDocuments, pullDiagnostics, random, randomEdit, readMaterial, serverState, type Soak } from './soak-driver';

const documentCount = 6;
const editCount = 300;
const seed = 11;

let workspace: string;

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pm-soak-'));
  mkdirSync(join(workspace, 'postmortems'));
});

after(() => rmSync(workspace, { recursive: true, force: true }));

test('after random edits every document is diagnosed as a fresh open would be, and closing releases its state', async () => {
  const server = await startServer({ workspace, pull: true, debug: true });
  try {
    await server.indexed;
    const soak = await openDocuments(server, generateDocuments(workspace, documentCount, seed), seed);
    for (let i = 0; i < editCount; i++) await within(60, `edit ${i + 1}`, editOnce(soak));

    assert.deepEqual(await differencesFromFresh(soak), []);
    const open = await serverState(server);
    assert.equal(open.documentsWithState, documentCount);
    assert.ok(open.cachedBytes > 0, 'open documents keep their analysis caches');
    // A document with blame findings: the phrasebook that found them is released with the last document.
    const blamed = await documentWithBlame(soak);

    await closeAll(soak);
    const closed = await serverState(server);
    assert.equal(closed.documentsWithState, 0);
    assert.equal(closed.cachedBytes, 0);

    // Opened again after everything was released, it is diagnosed as before: what was released is built again.
    await server.open(blamed.uri, blamed.text);
    assert.deepEqual(await pullDiagnostics(server, blamed.uri), blamed.diagnostics);
  } finally {
    await server.stop();
  }
});

async function documentWithBlame(soak: Soak) {
  for (const document of soak.documents) {
    const diagnostics = await pullDiagnostics(soak.server, document.uri);
    if (diagnostics.some((diagnostic) => diagnostic.code === 'blameful-language')) return { uri: document.uri, text: document.getText(), diagnostics };
  }
  throw new Error('no soak document has a blameful-language finding');
}

test('random edits keep the total size of the documents stationary, so late edits are not made to bigger documents', () => {
  const texts = generateDocuments(workspace, 20, seed).map((document) => document.text);
  const startLengths = texts.map((text) => text.length);
  const total = () => texts.reduce((sum, text) => sum + text.length, 0);
  const startTotal = total();
  const material = readMaterial();
  const rng = random(seed);
  for (let i = 0; i < 6000; i++) {
    const index = Math.floor(rng() * texts.length);
    const edit = randomEdit(texts[index], startLengths[index], rng, material);
    texts[index] = texts[index].slice(0, edit.start) + edit.newText + texts[index].slice(edit.end);
    if (i % 1000 === 999) assert.ok(Math.abs(total() / startTotal - 1) < 0.1, `after ${i + 1} edits the documents total ${total()} characters, from ${startTotal}`);
  }
});
