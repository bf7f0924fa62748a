// A day of editing: N real-sized postmortems open in the bundled server, M random edits with an editor's
// requests after each. Reports the server's memory, the open documents' size and the time per edit early
// and late, replays the late edits in a fresh server as the control, checks the diagnostics against a
// fresh open, and what the heap returns to once every document is closed.
// Run with `npm run bench:soak -- [--documents 20] [--edits 6000] [--seed 7] [--server-heap-mb 1536]` after `npm run build`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { URI } from 'vscode-uri';
import { startServer, type TestServer } from '../test/lsp/harness';
import {
  applyEdit,
  closeAll,
  currentTexts,
  differencesFromFresh,
  editOnce,
  generateDocuments,
  openDocuments,
  pullDiagnostics,
  processorMs,
  residentBytes,
  serverState,
  totalLength,
  type DocumentEdit,
  type Soak,
  type SoakDocument,
} from '../test/lsp/soak-driver';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const documentCount = option('documents', 20);
const editCount = option('edits', 6000);
const seed = option('seed', 7);
/** `--server-heap-mb 1536` runs the server under that old-space limit, as the extension starts it (`postmortem.server.maxMemoryMb`). */
const serverHeapMb = option('server-heap-mb', 0);
const nodeOptions = serverHeapMb > 0 ? [`--max-old-space-size=${serverHeapMb}`] : [];
const warmUpDocuments = 3;
const warmUpEdits = 300;

const targets = { residentMb: 400, residentGrowth: 0.2, lateToEarly: 1.3, heapAfterClose: 0.2 };

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const kb = (characters: number) => `${(characters / 1024).toFixed(1)} K`;
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

interface Sample {
  label: string;
  resident: number | undefined;
  heap: number;
  heapTotal: number;
  cachedBytes: number;
  /** Characters in the open documents, when the soak's are open. */
  openText: number | undefined;
}

async function takeSample(server: TestServer, label: string, soak?: Soak): Promise<Sample> {
  const state = await serverState(server);
  return { label, resident: residentBytes(server), heap: state.heapUsed, heapTotal: state.heapTotal, cachedBytes: state.cachedBytes, openText: soak && totalLength(soak) };
}

/**
 * The first analysis compiles the phrasebook's regular expressions (on first use) and the hot functions, code
 * kept for the life of the process: one document analysed and closed, then others edited and closed, bring that in.
 */
async function warmUp(server: TestServer, workspace: string, samples?: Sample[]): Promise<void> {
  const warming = await openDocuments(server, generateDocuments(join(workspace, 'warm-up'), warmUpDocuments, seed + 1).slice(0, 1), seed + 1);
  await closeAll(warming);
  samples?.push(await takeSample(server, 'first document analysed, closed'));
  const editing = await openDocuments(server, generateDocuments(join(workspace, 'warm-up'), warmUpDocuments, seed + 1), seed + 1);
  for (let i = 0; i < warmUpEdits; i++) await editOnce(editing);
  await closeAll(editing);
  samples?.push(await takeSample(server, `${warmUpDocuments} warm-up documents edited, closed`));
}

/** The control: a fresh server, started and warmed up alike, makes the same edits on the same texts; returns its ms per edit. */
async function replayInFreshServer(workspace: string, texts: readonly SoakDocument[], edits: readonly DocumentEdit[]): Promise<Soak> {
  const fresh = await startServer({ workspace, pull: true, debug: true, nodeOptions });
  try {
    await fresh.indexed;
    await warmUp(fresh, workspace);
    const control = await openDocuments(fresh, texts, seed);
    for (const edit of edits) await applyEdit(control, edit);
    // Both servers end on the same texts, so their diagnostics must agree.
    for (const document of control.documents) await pullDiagnostics(fresh, document.uri);
    return control;
  } finally {
    await fresh.stop();
  }
}

interface SoakResult {
  samples: Sample[];
  soak: Soak;
  /** The texts when the last sixth of the edits began. */
  lastSixthTexts: SoakDocument[];
  differing: string[];
  stateLeft: number;
  /** The server's processor time per edit in the first and the last sixth: unlike the wall time, not stretched when other processes load the machine. */
  processorPerEdit: { early: number; late: number } | undefined;
}

async function runSoak(server: TestServer, workspace: string, generated: readonly SoakDocument[], sixth: number): Promise<SoakResult> {
  const samples = [await takeSample(server, 'after initialize and the workspace scan')];
  await warmUp(server, workspace, samples);
  const soak = await openDocuments(server, generated, seed);
  samples.push(await takeSample(server, 'documents open', soak));
  let lastSixthTexts: SoakDocument[] = [];
  const processor: (number | undefined)[] = [processorMs(server)];
  for (let i = 1; i <= editCount; i++) {
    if (i === editCount - sixth + 1) {
      lastSixthTexts = currentTexts(soak);
      processor.push(processorMs(server));
    }
    await editOnce(soak);
    if (i === sixth) processor.push(processorMs(server));
    if (i === Math.floor(editCount / 2)) samples.push(await takeSample(server, 'halfway', soak));
    if (i % 500 === 0) process.stderr.write(`${i}/${editCount} edits\n`);
  }
  processor.push(processorMs(server));
  samples.push(await takeSample(server, 'end', soak));
  const differing = await differencesFromFresh(soak);
  await closeAll(soak);
  const closed = await serverState(server);
  samples.push(await takeSample(server, 'all closed'));
  const [start, firstSixthEnd, lastSixthStart, last] = processor;
  const processorPerEdit =
    start === undefined || firstSixthEnd === undefined || lastSixthStart === undefined || last === undefined
      ? undefined
      : { early: (firstSixthEnd - start) / sixth, late: (last - lastSixthStart) / sixth };
  return { samples, soak, lastSixthTexts, differing, stateLeft: closed.documentsWithState, processorPerEdit };
}

function report(result: SoakResult, control: Soak, sixth: number, sizes: readonly number[]): void {
  const { samples, soak, differing, stateLeft } = result;
  const [initialized, firstDocument, warmedUp, opened, halfway, end, closed] = samples;
  const limit = serverHeapMb > 0 ? `, server heap limit ${serverHeapMb} MB` : '';
  console.log(`## Soak: ${documentCount} postmortems (${kb(Math.min(...sizes))}-${kb(Math.max(...sizes))} characters), ${editCount} edits, seed ${seed}${limit}\n`);
  console.log('Edits delete about as much as they insert: a document longer than it started loses a stretch more often, so sizes stay stationary.\n');
  console.log('| moment | resident | heap used (after GC) | heap reserved | analysis caches | open documents |\n|---|---|---|---|---|---|');
  for (const { label, resident, heap, heapTotal, cachedBytes, openText } of samples) {
    console.log(`| ${label} | ${mb(resident)} | ${mb(heap)} | ${mb(heapTotal)} | ${mb(cachedBytes)} | ${openText === undefined ? '—' : kb(openText)} |`);
  }
  const growth = halfway.resident && end.resident ? end.resident / halfway.resident - 1 : undefined;
  const early = mean(soak.editTimes.slice(0, sixth));
  const late = mean(soak.editTimes.slice(-sixth));
  const controlTime = mean(control.editTimes);
  const controlDiffers = control.documents.some((document, index) => document.getText() !== soak.documents[index].getText());
  console.log('\n| measure | value | target | |\n|---|---|---|---|');
  console.log(`| resident memory at the end | ${mb(end.resident)} | < ${targets.residentMb} MB | ${verdict((end.resident ?? 0) < targets.residentMb * 1024 * 1024)} |`);
  console.log(`| resident growth, halfway to end | ${growth === undefined ? 'n/a' : percent(growth)} | < ${targets.residentGrowth * 100}% | ${verdict((growth ?? 0) < targets.residentGrowth)} |`);
  console.log(`| open documents' size, start / halfway / end | ${kb(opened.openText ?? 0)} / ${kb(halfway.openText ?? 0)} / ${kb(end.openText ?? 0)} | stationary | |`);
  console.log(`| mean size of the edited document, first sixth / last sixth | ${kb(mean(soak.editedLengths.slice(0, sixth)))} / ${kb(mean(soak.editedLengths.slice(-sixth)))} | | |`);
  console.log(`| mean ms per edit (wall clock), first sixth / last sixth | ${early.toFixed(1)} / ${late.toFixed(1)} (x${(late / early).toFixed(2)}) | x${targets.lateToEarly} at most | ${verdict(late / early <= targets.lateToEarly)} |`);
  const cpu = result.processorPerEdit;
  if (cpu) console.log(`| server processor ms per edit, first sixth / last sixth (the load of other processes does not stretch it) | ${cpu.early.toFixed(1)} / ${cpu.late.toFixed(1)} (x${(cpu.late / cpu.early).toFixed(2)}) | x${targets.lateToEarly} at most | ${verdict(cpu.late / cpu.early <= targets.lateToEarly)} |`);
  console.log(`| control: the last sixth's edits on the same texts, fresh server / this server | ${controlTime.toFixed(1)} / ${late.toFixed(1)} (x${(late / controlTime).toFixed(2)}) | | ${controlDiffers ? 'TEXTS DIFFER' : 'same final texts'} |`);
  console.log(`| documents whose diagnostics differ from a fresh open | ${differing.length} of ${documentCount} | 0 | ${verdict(differing.length === 0)} |`);
  // Start-up ends when the server has loaded what it loads once (the Markdown engine, the NLP library, the compiled
  // phrasebook): after the warm-up. The first document alone is a moving reference: which code V8 has compiled or
  // already flushed by then varies from run to run by several MB.
  const afterStartUp = closed.heap / warmedUp.heap - 1;
  console.log(`| heap with all closed vs start-up (warm-up documents edited and closed) | ${percent(afterStartUp)} | within ${targets.heapAfterClose * 100}% | ${verdict(Math.abs(afterStartUp) <= targets.heapAfterClose)} |`);
  console.log(`| heap with all closed vs right after initialize / vs the first document analysed and closed | ${percent(closed.heap / initialized.heap - 1)} / ${percent(closed.heap / firstDocument.heap - 1)} | | |`);
  console.log(`| documents with state left after closing | ${stateLeft} | 0 | ${verdict(stateLeft === 0)} |`);
  for (const uri of differing) console.log(`\ndiffers from a fresh open: ${uri}`);
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'pm-soak-'));
  mkdirSync(join(workspace, 'postmortems'));
  try {
    const generated = generateDocuments(workspace, documentCount, seed);
    // On disk too, as in a real workspace: the index reads them.
    for (const document of generated) writeFileSync(join(workspace, 'postmortems', basename(URI.parse(document.uri).fsPath)), document.text);
    const sixth = Math.max(1, Math.floor(editCount / 6));
    const server = await startServer({ workspace, pull: true, debug: true, nodeOptions });
    let result: SoakResult;
    try {
      await server.indexed;
      result = await runSoak(server, workspace, generated, sixth);
    } finally {
      // Stopped before the control starts, so the two do not share the processor.
      await server.stop();
    }
    const control = await replayInFreshServer(workspace, result.lastSixthTexts, result.soak.edits.slice(-sixth));
    report(result, control, sixth, generated.map((document) => document.text.length));
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
