// Measures the analysis against a labelled corpus of real postmortems: `npm run eval -- [folder] [--split tune|held-out|all] [--json] [--list-tune-mistakes | --list-all-mistakes]`.
// Prints precision and recall per rule and per aspect; targets are printed beside the figures, never asserted.
import { runEval } from './eval/run';

try {
  const { exitCode, output } = runEval(process.argv.slice(2));
  process.stdout.write(output);
  process.exitCode = exitCode;
} catch (error) {
  console.error(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
