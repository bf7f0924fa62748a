// The peer of bench/cli-start.ts: one cold process that lints the files named on its command line with markdownlint's default rules.
import { lint } from 'markdownlint/sync';

const results = lint({ files: process.argv.slice(2) });
const errors = Object.values(results).reduce((count, list) => count + list.length, 0);
process.stdout.write(`${errors} markdownlint errors\n`);
