// Does analysis time grow in proportion to the size of hostile documents? Each shape is analysed
// cold at 1x, 2x, 4x and 8x its base size; the time per KB should stay flat, not grow with the size.
// Run: `npm run bench -- --entry scaling.ts` (prints a Markdown table).
// `--sweep` instead repeats many short units into one line or one paragraph of 8 KB and 32 KB
// inside a fixture postmortem and lists those whose time grew more than 7x (4x is linear).
import { analyze } from '../server/src/analysis';
import { fixtures } from '../test/property/documents';

const header = '# Postmortem: Scaling\n\n**Date**: 2024-03-01\n**Severity**: SEV-2\n\n';

/** Hostile shapes, each built to roughly `kb` kilobytes. */
const shapes: Record<string, (kb: number) => string> = {
  'timeline list (one entry a line)': (kb) => header + '## Timeline\n\n' + lines(kb, (i) => `- ${clock(i)} Step ${i} of the recovery`),
  'timeline as one paragraph, with a stray [': (kb) => header + '## Timeline\n\n[ ' + lines(kb, (i) => `${clock(i)} Step ${i}`),
  'one long line, with a stray [': (kb) => header + '## Summary\n\n[' + 'Bob pushed a config and the cache fell over. '.repeat(Math.ceil((kb * 1024) / 46)) + '\n',
  'action-item table': (kb) => header + '## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n' + lines(kb, (i) => `| Fix part ${i} [P1] | @owner${i % 50} | 2024-04-0${(i % 9) + 1} |`),
  'lists nested 30 deep, repeated': (kb) => header + '## Timeline\n\n' + lines(kb, (i) => `${'- '.repeat(30)}${clock(i)} Deep ${i}`),
  'many sections': (kb) => header + lines(kb, (i) => `## Section ${i}\n\nSomething happened at ${clock(i)}.\n`),
  // Each of these once took time quadratic in its length.
  'one long word ending in a digit': (kb) => header + '## Summary\n\n' + 'é'.repeat(kb * 512) + '1\n',
  'a metadata line padded with spaces': (kb) => header + `**Status**: ${' '.repeat(kb * 1024)}resolved\n`,
  'an action item of colons': (kb) => header + '## Action items\n\n- [ ] ' + ':'.repeat(kb * 1024) + '1 @ana\n',
  'paragraphs of 1,000 emphasis markers each': (kb) => header + '## Summary\n\n' + lines(kb, () => '*a'.repeat(1000) + '\n'),
  'paragraphs of 1,000 [P0] brackets each': (kb) => header + '## Summary\n\n' + lines(kb, () => '[P0] '.repeat(1000) + '\n'),
};

function clock(i: number): string {
  return `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
}

function lines(kb: number, line: (i: number) => string): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    out.push(line(i));
    size += out[i].length + 1;
  }
  return out.join('\n') + '\n';
}

function timeMs(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    analyze(text, { force: true, today: '2024-06-01' });
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[1];
}

/** Short units that make parsers and regular expressions backtrack, and what may end their run. */
const sweepUnits = ['x', 'word ', '14:05 ', '- ', '|a', '**', '[', '`', 'é', 'Bob ', 'a.', '. ', 'Bob forgot to ', '# ', '> ', '*a', '_a', 'a_', '~a', '<', '](', '\\', ':', '@a ',
  ' x', '日本', '[a](b) ', '![', '<a>', '&amp;', 'http://a.b ', 'www.a.b ', 'a@b.c ', '1. ', '(', ')', '"', ',', '—', '$', '{{', '[^1]', 'Owner: @a ', 'due 2024-01-01 ',
  'SEV-1 ', '[P0] ', 'TODO ', 'should have ', 'the engineer ', 'by ', '\t', '  ', '\u200b', 'I ', 'e.g. ', '?', '...', '-', '|'];
const sweepEndings = ['', '1', '.', ' x'];

function sweep(): void {
  const base = fixtures[0];
  const baseLines = base.split('\n');
  const at = Math.floor(baseLines.length * 0.9);
  const quickest = (text: string) => Math.min(...[0, 1].map(() => timeOnce(text)));
  timeOnce(base);
  let flagged = 0;
  for (const form of ['line', 'paragraph']) {
    for (const unit of sweepUnits) {
      for (const ending of sweepEndings) {
        const body = (chars: number) => {
          const run = unit.repeat(Math.ceil(chars / unit.length)) + ending;
          return form === 'line' ? run : run.replace(/(.{80})/gs, '$1\n');
        };
        const document = (chars: number) => [...baseLines.slice(0, at), '', body(chars), '', ...baseLines.slice(at)].join('\n');
        const small = quickest(document(8_000));
        const large = quickest(document(32_000));
        if (large / small > 7 && large > 100) {
          flagged++;
          console.log(`${form} of ${JSON.stringify(unit)} ending ${JSON.stringify(ending)}: ${small.toFixed(0)} ms at 8 KB, ${large.toFixed(0)} ms at 32 KB (${(large / small).toFixed(1)}x)`);
        }
      }
    }
  }
  console.log(`${flagged} of ${2 * sweepUnits.length * sweepEndings.length} shapes grew more than 7x from 8 KB to 32 KB.`);
}

function timeOnce(text: string): number {
  const start = performance.now();
  analyze(text, { force: true, today: '2024-06-01' });
  return performance.now() - start;
}

if (process.argv.includes('--sweep')) {
  sweep();
  process.exit(0);
}

const baseKb = Number(process.argv[2]) || 64;
const factors = [1, 2, 4, 8];
console.log(`| Shape | ${factors.map((f) => `${baseKb * f} KB`).join(' | ')} | ms per KB at ${baseKb}→${baseKb * 8} KB |`);
console.log(`|---|${factors.map(() => '---|').join('')}---|`);
for (const [name, build] of Object.entries(shapes)) {
  analyze(build(8), { force: true, today: '2024-06-01' });
  const times = factors.map((factor) => timeMs(build(baseKb * factor)));
  const perKb = times.map((ms, i) => ms / (baseKb * factors[i]));
  console.log(`| ${name} | ${times.map((ms) => `${ms.toFixed(0)} ms`).join(' | ')} | ${perKb[0].toFixed(2)} → ${perKb[perKb.length - 1].toFixed(2)} |`);
}
