// Trains the blame scorer and measures it honestly: `node bench/run.mjs --entry train-blame-scorer.ts <corpus folders...> [--write]`.
// Prints the leave-one-set-out table (each folder held out in turn); --write saves the weights trained on every folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers';
import { chooseThresholds, heldOutFigures, renderTable, trainOn } from './scorer/cross-set';
import { readLabelledSet } from './scorer/dataset';
import { weightsFile } from './scorer/weights';

const folders = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (folders.length < 3) {
  console.error('usage: node bench/run.mjs --entry train-blame-scorer.ts <corpus folder> <corpus folder> <corpus folder> [...] [--write]');
  process.exit(2);
}
const sets = folders.map(readLabelledSet);
console.log(`Sets: ${sets.map((set) => `${set.name} (${set.examples.length} sentences, ${set.documents.length} documents)`).join(', ')}\n`);
console.log(renderTable(sets.map((held) => heldOutFigures(sets, held))));
if (process.argv.includes('--write')) {
  const path = join(repoRoot, 'server', 'src', 'analysis', 'blame', 'scorer-weights.json');
  const text = weightsFile(trainOn(sets), chooseThresholds(sets));
  writeFileSync(path, text);
  console.log(`Wrote ${path} (${text.length} bytes).`);
}
