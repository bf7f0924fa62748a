// Every real labelled sentence the blame rule flags, with each rewrite it offers, as a TSV a reviewer can judge blind.
// Run with `node bench/run.mjs --entry rewrites-for-review.ts [corpus folder] [output.tsv] [--split tune|held-out]`;
// without an output path it prints to stdout. The output never goes into the repository.
import { writeFileSync } from 'node:fs';
import { readCorpus, sentenceFileNames } from './eval/corpus';
import { defaultCorpusFolder } from './eval/run';
import { rewritesFor } from './eval/rewrites';
import { splitOf, stableHash } from './eval/split';

const args = process.argv.slice(2);
const splitAt = args.indexOf('--split');
const split = splitAt >= 0 ? args.splice(splitAt, 2)[1] : undefined;
const [folder = defaultCorpusFolder, output] = args;

/** Tabs and line breaks would break the TSV's columns. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const corpus = readCorpus(folder);
const rows = ['id\tkind\toriginal\trewrite'];
for (const file of sentenceFileNames) {
  for (const sentence of corpus.sentenceFiles.get(file) ?? []) {
    if (split !== undefined && splitOf(sentence.text) !== split) continue;
    const flagged = rewritesFor(sentence.text);
    if (!flagged) continue;
    const id = stableHash(sentence.text).toString(16).padStart(8, '0');
    if (flagged.rewrites.length === 0) rows.push([id, 'none', cell(sentence.text), ''].join('\t'));
    flagged.rewrites.forEach((rewrite, index) => rows.push([`${id}-${index + 1}`, rewrite.reframe ? 'reframe' : 'rewrite', cell(sentence.text), cell(rewrite.text)].join('\t')));
  }
}
const tsv = rows.join('\n') + '\n';
if (output === undefined) process.stdout.write(tsv);
else writeFileSync(output, tsv);
