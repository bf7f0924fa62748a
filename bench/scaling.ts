// Does analysis time grow in proportion to the size of hostile documents? Each shape is analysed
// cold at 1x, 2x, 4x and 8x its base size; the time per KB should stay flat, not grow with the size.
// Run: `npm run bench -- --entry scaling.ts` (prints a Markdown table).
import { analyze } from '../server/src/analysis';

const header = '# Postmortem: Scaling\n\n**Date**: 2024-03-01\n**Severity**: SEV-2\n\n';

/** Hostile shapes, each built to roughly `kb` kilobytes. */
const shapes: Record<string, (kb: number) => string> = {
  'timeline list (one entry a line)': (kb) => header + '## Timeline\n\n' + lines(kb, (i) => `- ${clock(i)} Step ${i} of the recovery`),
  'timeline as one paragraph, with a stray [': (kb) => header + '## Timeline\n\n[ ' + lines(kb, (i) => `${clock(i)} Step ${i}`),
  'one long line': (kb) => header + '## Summary\n\n' + 'Bob pushed a [config and the cache fell over. '.repeat(Math.ceil((kb * 1024) / 47)) + '\n',
  'action-item table': (kb) => header + '## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n' + lines(kb, (i) => `| Fix part ${i} [P1] | @owner${i % 50} | 2024-04-0${(i % 9) + 1} |`),
  'lists nested 30 deep, repeated': (kb) => header + '## Timeline\n\n' + lines(kb, (i) => `${'- '.repeat(30)}${clock(i)} Deep ${i}`),
  'many sections': (kb) => header + lines(kb, (i) => `## Section ${i}\n\nSomething happened at ${clock(i)}.\n`),
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
