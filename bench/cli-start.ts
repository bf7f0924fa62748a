// Start-up of `postmortem-lint` as whole processes, as CI and pre-commit hooks run it: `--version`, a folder with no
// postmortem, and cold runs over postmortems against markdownlint linting the same files in its own cold process.
// Run with `npm run bench:cli` (it builds dist/ first) or `node bench/run.mjs --entry cli-start.ts [--runs 10] [--corpus DIR]`.
// DIR is a folder of real postmortems to measure on (never copied into the project); by default `../shared/corpus/docs`
// beside the repository, and that part is skipped when the folder is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../test/helpers';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 10);
const corpusDir = resolve(repoRoot, option('--corpus') ?? join('..', 'shared', 'corpus', 'docs'));
const targets = { startMs: 200, corpusRatio: 2 };

const cli = join(repoRoot, 'dist', 'cli.js');
const markdownlintPeer = join(repoRoot, 'bench', 'markdownlint-cold.mjs');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');

interface Command {
  name: string;
  args: string[];
  /** Exit codes of a run that did its work; anything else means the measurement is void. */
  okCodes: number[];
}

interface Case {
  label: string;
  ours: Command;
  peer: Command;
  /** Absolute target for our median, or a ratio target against the peer. */
  target: { ms: number } | { ratio: number } | undefined;
  /** Checks the output of one of our runs, so a run that skipped its work cannot pass as fast. */
  check?: (stdout: string) => void;
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listMarkdown(path);
      return name.endsWith('.md') ? [path] : [];
    })
    .sort();
}

function runOnce(command: Command): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, command.args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (result.status === null || !command.okCodes.includes(result.status)) {
    throw new Error(`${command.name} exited with ${result.status ?? result.signal}: ${result.stderr.slice(0, 500)}`);
  }
  return { ms, stdout: result.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Ours and the peer alternate, so a change in the machine's load falls on both. */
function measure(entry: Case): { ours: number; peer: number } {
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = runOnce(entry.ours);
    entry.check?.(run.stdout);
    ours.push(run.ms);
    peer.push(runOnce(entry.peer).ms);
  }
  return { ours: median(ours), peer: median(peer) };
}

const bareNode: Command = { name: 'node -e ""', args: ['-e', ''], okCodes: [0] };
const lintFiles = (files: string[]): Command => ({ name: 'postmortem-lint', args: [cli, '--format', 'json', ...files], okCodes: [0, 1] });
const markdownlintFiles = (files: string[]): Command => ({ name: 'markdownlint', args: [markdownlintPeer, ...files], okCodes: [0] });
/** Every file was analysed: JSON output lists one result per postmortem. */
const analysedAll = (count: number) => (stdout: string) => {
  const results: unknown = JSON.parse(stdout);
  if (!Array.isArray(results) || results.length !== count) throw new Error(`expected ${count} analysed files, got ${Array.isArray(results) ? results.length : 'no list'}`);
};

const notPostmortems = join(repoRoot, 'docs');
const fixtures = listMarkdown(join(repoRoot, 'test', 'fixtures', 'corpus', 'postmortems'));
const cases: Case[] = [
  { label: '`--version`', ours: { name: 'postmortem-lint --version', args: [cli, '--version'], okCodes: [0] }, peer: bareNode, target: { ms: targets.startMs } },
  {
    label: `\`docs/\`: ${listMarkdown(notPostmortems).length} Markdown files, none a postmortem`,
    ours: { name: 'postmortem-lint docs', args: [cli, '--format', 'json', relative(repoRoot, notPostmortems)], okCodes: [0] },
    peer: bareNode,
    target: { ms: targets.startMs },
    check: analysedAll(0),
  },
  { label: `${fixtures.length} fixture postmortems (test/fixtures/corpus), cold`, ours: lintFiles(fixtures), peer: markdownlintFiles(fixtures), target: undefined, check: analysedAll(fixtures.length) },
];
const corpus = existsSync(corpusDir) ? listMarkdown(corpusDir) : [];
if (corpus.length > 0) {
  cases.push({ label: `${corpus.length} real postmortems (--corpus), cold`, ours: lintFiles(corpus), peer: markdownlintFiles(corpus), target: { ratio: targets.corpusRatio }, check: analysedAll(corpus.length) });
}

const loadBefore = loadavg()[0];
console.log('# CLI start-up benchmark\n');
console.log(`Each row: ${runs} runs of each command as a new process, alternating with its peer; medians.\n`);
console.log('| Measurement | postmortem-lint | Peer | Peer (median) | Ratio | Target | Met |');
console.log('|---|---:|---|---:|---:|---|---|');
let allMet = true;
for (const entry of cases) {
  const { ours, peer } = measure(entry);
  const ratio = ours / peer;
  const met = entry.target === undefined ? undefined : 'ms' in entry.target ? ours < entry.target.ms : ratio <= entry.target.ratio;
  const target = entry.target === undefined ? '—' : 'ms' in entry.target ? `< ${entry.target.ms} ms` : `≤ ${entry.target.ratio}× peer`;
  if (met === false) allMet = false;
  console.log(`| ${entry.label} | ${ours.toFixed(0)} ms | ${entry.peer.name} | ${peer.toFixed(0)} ms | ${ratio.toFixed(2)}× | ${target} | ${met === undefined ? '—' : met ? 'yes' : '**NO**'} |`);
}
if (corpus.length === 0) console.log(`\nNo real postmortems at ${relative(repoRoot, corpusDir)}: that row is skipped (pass --corpus DIR).`);
console.log(`\nThe peer of the start-up rows is a bare \`node\` start; of the postmortem rows, markdownlint's default rules over the same files (\`lint({ files })\` in bench/markdownlint-cold.mjs), each in its own cold process.`);
console.log(`Load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; the machine may be shared, so the ratios say more than the times.`);
console.log(allMet ? '\nAll targets met.' : '\nSome targets are not met.');
