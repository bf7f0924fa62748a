// A day of editing: N real-sized postmortems open in the bundled server, M random edits with an editor's
// requests after each. Reports the server's memory and the time per edit early and late, checks the
// diagnostics against a fresh open, and what the heap returns to once every document is closed.
// Run with `npm run bench:soak -- [--documents 20] [--edits 6000] [--seed 7] [--server-heap-mb 256]` after `npm run build`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { URI } from 'vscode-uri';
import { startServer, type TestServer } from '../test/lsp/harness';
import { closeAll, differencesFromFresh, editOnce, generateDocuments, openDocuments, residentBytes, serverState } from '../test/lsp/soak-driver';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const documentCount = option('documents', 20);
const editCount = option('edits', 6000);
const seed = option('seed', 7);
/** `--server-heap-mb 256` runs the server under that old-space limit, as a client may start it. */
const serverHeapMb = option('server-heap-mb', 0);
const nodeOptions = serverHeapMb > 0 ? [`--max-old-space-size=${serverHeapMb}`] : [];
const warmUpDocuments = 3;
const warmUpEdits = 300;

const targets = { residentMb: 400, residentGrowth: 0.2, lateToEarly: 1.3, heapAfterClose: 0.2 };

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

interface Sample {
  label: string;
  resident: number | undefined;
  heap: number;
  heapTotal: number;
  cachedBytes: number;
}

/** Analysing compiles the phrasebook's regular expressions and the hot functions, about 30 MB of code kept for the life of the process: other documents, edited and closed, bring that in first. */
async function warmUp(server: TestServer, workspace: string): Promise<void> {
  const warming = await openDocuments(server, generateDocuments(join(workspace, 'warm-up'), warmUpDocuments, seed + 1), seed + 1);
  for (let i = 0; i < warmUpEdits; i++) await editOnce(warming);
  await closeAll(warming);
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'pm-soak-'));
  mkdirSync(join(workspace, 'postmortems'));
  const server = await startServer({ workspace, pull: true, debug: true, nodeOptions });
  try {
    const generated = generateDocuments(workspace, documentCount, seed);
    // On disk too, as in a real workspace: the index reads them.
    for (const document of generated) writeFileSync(join(workspace, 'postmortems', basename(URI.parse(document.uri).fsPath)), document.text);
    await server.indexed;
    const samples: Sample[] = [];
    const sample = async (label: string) => {
      const state = await serverState(server);
      samples.push({ label, resident: residentBytes(server), heap: state.heapUsed, heapTotal: state.heapTotal, cachedBytes: state.cachedBytes });
    };
    await sample('after start-up');
    await warmUp(server, workspace);
    await sample(`after ${warmUpDocuments} warm-up documents, closed`);
    const soak = await openDocuments(server, generated, seed);
    await sample('documents open');
    for (let i = 1; i <= editCount; i++) {
      await editOnce(soak);
      if (i === Math.floor(editCount / 2)) await sample('halfway');
      if (i % 500 === 0) process.stderr.write(`${i}/${editCount} edits\n`);
    }
    await sample('end');
    const differing = await differencesFromFresh(soak);
    await closeAll(soak);
    const state = await serverState(server);
    samples.push({ label: 'all closed', resident: residentBytes(server), heap: state.heapUsed, heapTotal: state.heapTotal, cachedBytes: state.cachedBytes });

    const sixth = Math.max(1, Math.floor(editCount / 6));
    const early = mean(soak.editTimes.slice(0, sixth));
    const late = mean(soak.editTimes.slice(-sixth));
    // The peer: a new server, warmed up alike, editing the final texts. Edits of texts that random edits
    // have made harder (more entries out of order, more fixes) cost more without anything accumulating.
    const peer = await startServer({ workspace, pull: true, debug: true, nodeOptions });
    let fresh = 0;
    try {
      await peer.indexed;
      await warmUp(peer, workspace);
      const control = await openDocuments(peer, soak.documents.map((document) => ({ uri: document.uri, text: document.getText() })), seed + 2);
      for (let i = 0; i < sixth; i++) await editOnce(control);
      fresh = mean(control.editTimes);
    } finally {
      await peer.stop();
    }
    const [, warmedUp, , halfway, end] = samples;
    const growth = halfway.resident && end.resident ? end.resident / halfway.resident - 1 : undefined;
    const afterClose = state.heapUsed / warmedUp.heap - 1;
    const sizes = generated.map((document) => document.text.length);
    const limit = serverHeapMb > 0 ? `, server heap limit ${serverHeapMb} MB` : '';
    console.log(`## Soak: ${documentCount} postmortems (${(Math.min(...sizes) / 1024).toFixed(1)}-${(Math.max(...sizes) / 1024).toFixed(1)} KB), ${editCount} edits, seed ${seed}${limit}\n`);
    console.log('| moment | resident | heap used (after GC) | heap reserved | analysis caches |\n|---|---|---|---|---|');
    for (const { label, resident, heap, heapTotal, cachedBytes } of samples) console.log(`| ${label} | ${mb(resident)} | ${mb(heap)} | ${mb(heapTotal)} | ${mb(cachedBytes)} |`);
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log('\n| measure | value | target | |\n|---|---|---|---|');
    console.log(`| resident memory at the end | ${mb(end.resident)} | < ${targets.residentMb} MB | ${verdict((end.resident ?? 0) < targets.residentMb * 1024 * 1024)} |`);
    console.log(`| resident growth, halfway to end | ${growth === undefined ? 'n/a' : `${(growth * 100).toFixed(1)}%`} | < ${targets.residentGrowth * 100}% | ${verdict((growth ?? 0) < targets.residentGrowth)} |`);
    console.log(`| mean ms per edit, first sixth / last sixth | ${early.toFixed(1)} / ${late.toFixed(1)} (x${(late / early).toFixed(2)}) | x${targets.lateToEarly} at most | ${verdict(late / early <= targets.lateToEarly)} |`);
    console.log(`| mean ms per edit of the final texts in a new server (the peer) / last sixth | ${fresh.toFixed(1)} / ${late.toFixed(1)} (x${(late / fresh).toFixed(2)}) | — | |`);
    console.log(`| documents whose diagnostics differ from a fresh open | ${differing.length} of ${documentCount} | 0 | ${verdict(differing.length === 0)} |`);
    console.log(`| heap with all closed vs after the warm-up | ${afterClose >= 0 ? '+' : ''}${(afterClose * 100).toFixed(1)}% | within ${targets.heapAfterClose * 100}% | ${verdict(Math.abs(afterClose) <= targets.heapAfterClose)} |`);
    console.log(`| documents with state left after closing | ${state.documentsWithState} | 0 | ${verdict(state.documentsWithState === 0)} |`);
    for (const uri of differing) console.log(`\ndiffers from a fresh open: ${uri}`);
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
