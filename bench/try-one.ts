// Probe: prints the sections, items and findings of one file (not committed).
import { readFileSync } from 'node:fs';
import { analyze } from '../server/src/analysis';
const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
const { model, findings } = analyze(text, { force: true, today: '2026-12-01', path: file });
for (const s of model?.sections ?? []) console.log(`S ${lineOf(s.heading.start)} d${s.depth} ${s.form} ${s.kind ?? '-'}${s.uncertain ? '?' : ''} | ${s.title}`);
for (const i of model?.actionItems ?? []) console.log(`I ${lineOf(i.span.start)} ${i.status} o=${i.owner?.value ?? '-'} d=${i.due?.value ?? '-'} g=${i.group ?? '-'} | ${i.description.slice(0, 80)}`);
if (process.argv.includes('-f')) for (const f of findings) console.log(`F ${lineOf(f.span.start)} ${f.severity} ${f.ruleId} | ${f.message.slice(0, 120)}`);
