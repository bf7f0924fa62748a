// Picks the lint formatter named by --format.
import type { LintFormat } from '../options';
import { formatGithub } from './github';
import { formatJson } from './json';
import type { FormatContext, LintResult } from './result';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export function formatResults(format: LintFormat, results: readonly LintResult[], context: FormatContext): string {
  switch (format) {
    case 'stylish':
      return formatStylish(results, context);
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, context);
    case 'github':
      return formatGithub(results);
  }
}
