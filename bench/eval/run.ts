// The command line of the evaluation: `eval [folder] [--split tune|held-out|all] [--json] [--list-tune-mistakes | --list-all-mistakes]`, as text out and an exit code.
import { existsSync } from 'node:fs';
import { readCorpus } from './corpus';
import { evaluateCorpus, splitChoices, type SplitChoice } from './evaluate';
import { renderReport } from './report';

export const defaultCorpusFolder = '../shared/corpus';

export interface EvalRun {
  exitCode: number;
  output: string;
}

const usage = 'usage: npm run eval -- [corpus folder] [--split tune|held-out|all] [--json] [--list-tune-mistakes | --list-all-mistakes]';

export function runEval(args: readonly string[]): EvalRun {
  const splitAt = args.indexOf('--split');
  const split = splitAt >= 0 ? args[splitAt + 1] : undefined;
  if (splitAt >= 0 && !isSplitChoice(split)) return { exitCode: 2, output: `eval: unknown split '${split ?? ''}'\n${usage}\n` };
  const positional = args.filter((arg, i) => !arg.startsWith('--') && (splitAt < 0 || i !== splitAt + 1));
  if (positional.length > 1) return { exitCode: 2, output: `eval: one corpus folder at most\n${usage}\n` };
  const folder = positional[0] ?? defaultCorpusFolder;
  if (!existsSync(folder)) return { exitCode: 0, output: `eval: skipped, there is no labelled corpus at ${folder}\n` };
  const evaluation = evaluateCorpus(readCorpus(folder), { show: isSplitChoice(split) ? [split] : splitChoices, listMistakes: args.includes('--list-all-mistakes') ? 'all' : args.includes('--list-tune-mistakes') ? 'tune' : undefined });
  const output = args.includes('--json') ? `${JSON.stringify({ corpus: folder, ...evaluation }, null, 2)}\n` : renderReport(evaluation, folder);
  return { exitCode: 0, output };
}

function isSplitChoice(value: string | undefined): value is SplitChoice {
  return splitChoices.some((choice) => choice === value);
}
