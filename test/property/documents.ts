// Arbitrary documents for the property tests: any string, Markdown-shaped noise, and the fixture
// postmortems with random mutations (lines deleted or duplicated, sections swapped, Unicode, CRLF, BOM, tabs, long lines).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../helpers';

/** Runs per property; `FC_NUM_RUNS=2000 npm test` for a deeper search. */
export const numRuns = Number(process.env.FC_NUM_RUNS) || 60;

/**
 * The seed of this run's random documents. Each run searches new ones; the seed is printed so
 * that a failed, slow or stopped run can be repeated with `FC_SEED=<seed>`.
 */
export const seed = Number(process.env.FC_SEED) || Math.floor(Math.random() * 2 ** 31);

export function printSeed(): void {
  console.log(`fast-check seed ${seed} (FC_SEED=${seed} repeats this run)`);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') && name !== 'README.md' ? [path] : [];
  });
}

/** The fixture postmortems: the corpus, the rule fixtures and the samples. */
export const fixtures: readonly string[] = [join(repoRoot, 'test', 'fixtures', 'corpus'), join(repoRoot, 'test', 'fixtures', 'rules'), join(repoRoot, 'samples')]
  .flatMap(markdownFiles)
  .sort()
  .map((path) => readFileSync(path, 'utf8'));

/** Pieces that make Markdown structure and what the parser reads, so random text reaches the deep paths. */
const markdownPieces = [
  '\n', '\n', '\n', '\r\n', ' ', '  ', '\t', '# ', '## ', '### ', '#', '- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] ', '> ', '>', '|', ' | ', '|---|---|', '---', '***',
  '```', '~~~', '<!-- ', ' -->', '<!-- postmortem-disable ', '<!-- postmortem-disable-next-line -->', '**', '~~', '`', '[', ']', '(', ')', '{{', '}}',
  'Summary', 'Impact', 'Timeline', 'Root cause', 'Action items', 'Lessons learned', 'What went poorly', 'Contributing factors',
  '**Date**: ', '**Severity**: ', 'SEV-1', 'SEV-2', 'date: ', 'severity: ', 'timezone: ', '2024-03-12', 'Mar 12, 2024', '14:05', '2:05 PM', '09:00 UTC', '23:59', '00:01',
  '2024-01-15T14:00:00Z', 'PST', '+02:00', 'Owner: ', '@ana', 'Due: ', '[P0]', '[P1]', 'TBD', '[Owner]', 'OPS-123', 'Bob', 'Alice', 'blamed', 'should have',
  'deployed broken code', 'forgot to', 'careless', 'Dana deleted the table ', 'an engineer ran ', 'é', '日本', '👩‍💻', '🔥', '🚀 ', '\u200b', '\u0301', '\uFEFF', '\u2028', 'x'.repeat(300),
];

const markdownNoise = fc.array(fc.constantFrom(...markdownPieces), { maxLength: 120 }).map((pieces) => pieces.join(''));

/** Any string at all, and Markdown-shaped strings, which reach far more of the parser. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('#', '-', '*', '>', ' ', '\n', '\r', '\t', '|', '`', '1', '.', ':', '[', ']', 'a'), maxLength: 400 }),
  markdownNoise,
);

type Mutation = (lines: string[]) => string[];

const at = (lines: readonly string[], index: number) => (lines.length === 0 ? 0 : index % lines.length);

/** One edit of a document's lines. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (lines) => lines.filter((_, j) => j !== at(lines, i))),
  fc.tuple(fc.nat(), fc.integer({ min: 2, max: 30 })).map(([i, n]): Mutation => (lines) => lines.filter((_, j) => j < at(lines, i) || j >= at(lines, i) + n)),
  fc.nat().map((i): Mutation => (lines) => lines.flatMap((line, j) => (j === at(lines, i) ? [line, line] : [line]))),
  fc.tuple(fc.nat(), fc.nat()).map(([i, k]): Mutation => (lines) => {
    const copy = [...lines];
    // With no lines left (all deleted), swapping would make a line out of nothing.
    if (copy.length === 0) return copy;
    const [a, b] = [at(lines, i), at(lines, k)];
    [copy[a], copy[b]] = [copy[b], copy[a]];
    return copy;
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, k]): Mutation => (lines) => swapSections(lines, i, k)),
  fc.tuple(fc.nat(), fc.nat(), anyText).map(([i, column, inserted]): Mutation => (lines) => {
    const copy = [...lines];
    const index = at(lines, i);
    const line = copy[index] ?? '';
    const c = column % (line.length + 1);
    copy[index] = line.slice(0, c) + inserted + line.slice(c);
    return copy;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1000, max: 60_000 }), fc.constantFrom('x', 'word ', '14:05 ', '- ', '|a', '**', '[', '`', 'é')).map(
    ([i, length, unit]): Mutation => (lines) => {
      const copy = [...lines];
      copy.splice(at(lines, i), 0, unit.repeat(Math.ceil(length / unit.length)));
      return copy;
    },
  ),
  fc.constantFrom<Mutation>(
    (lines) => lines.map((line) => line.replace(/^( {2})+/, (spaces) => '\t'.repeat(spaces.length / 2))),
    (lines) => lines.map((line) => line.replace(/ /g, '\t')),
    (lines) => lines.map((line) => line + '\r'),
    (lines) => ['\uFEFF' + (lines[0] ?? ''), ...lines.slice(1)],
    (lines) => [...lines].reverse(),
    (lines) => lines.map((line) => `> ${line}`),
    (lines) => lines.map((line) => `  ${line}`),
    (lines) => lines.map((line) => line.trimEnd()),
    (lines) => lines.filter((line) => line.trim() !== ''),
  ),
);

/** Swaps the i-th and k-th `##` sections, as an author reordering a document would. */
function swapSections(lines: readonly string[], i: number, k: number): string[] {
  const starts = lines.flatMap((line, j) => (/^##\s/.test(line) ? [j] : []));
  if (starts.length < 2) return [...lines];
  const sections = starts.map((start, j) => lines.slice(start, starts[j + 1] ?? lines.length));
  const [a, b] = [i % sections.length, k % sections.length];
  [sections[a], sections[b]] = [sections[b], sections[a]];
  return [...lines.slice(0, starts[0]), ...sections.flat()];
}

/** A fixture postmortem with a few random mutations; CRLF documents come from the line-ending mutation. */
export const mutatedFixture: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([text, mutations]) => mutations.reduce((lines, mutate) => mutate(lines), text.split('\n')).join('\n'));
