import type { Rule } from '../rule';
import { stringBytes, type CacheTable } from '../cache';
import { causeTextOf } from '../insights/documents';
import { describePostmortem, type CauseMatch } from '../insights/workspace';

/** The match for a cause text, per document, until the workspace changes; null when there is none. */
const matches: CacheTable<CauseMatch | null> = { maxBytes: 256 * 1024, sizeOf: (key) => stringBytes(key) + 1024 };

export const rule: Rule = {
  id: 'recurring-cause',
  severity: 'info',
  description: 'The root cause or contributing factors match earlier postmortems of the workspace.',
  explanation:
    'Postmortems are written so the same failure does not happen again. When earlier postmortems of the workspace describe the same cause, even in other words, this one is part of a pattern: the earlier fixes did not hold or were never made. Read them (the links below the finding), say in this postmortem that the cause recurred, and plan action items for the pattern rather than the single incident. Only postmortems dated on or before this one count, and a file alone reports nothing.',
  example: '## Root cause\n\nThe connection pool was exhausted by slow queries.  <!-- and earlier postmortems say the same -->',
  fixable: false,
  check: ({ model, workspace, path, today, cache }) => {
    const section = model.sections.find((candidate) => candidate.kind === 'root-cause') ?? model.sections.find((candidate) => candidate.kind === 'contributing-factors');
    if (!workspace || !section) return [];
    // A draft without a date is being written now.
    const cause = { ...causeTextOf({ path: path ?? '', model }), date: model.date ?? today };
    if (cause.rootCause.trim() === '' && cause.factors.trim() === '') return [];
    const key = JSON.stringify([cause.path, cause.date, cause.title, cause.rootCause, cause.factors, cause.components, cause.places]);
    const table = cache.table(matches, workspace);
    let match = table.get(key);
    if (match === undefined) table.set(key, (match = workspace.recurringCause(cause) ?? null));
    if (!match) return [];
    const count = match.earlier.length;
    const since = match.earlier.find((postmortem) => postmortem.date !== undefined)?.date?.slice(0, 7);
    const what = match.theme === '' ? ', with a similar cause' : `: ${match.theme}`;
    return [
      {
        message: `Also in ${count} postmortem${count === 1 ? '' : 's'}${since ? ` since ${since}` : ''}${what}.`,
        span: section.heading,
        elsewhere: match.earlier.map((postmortem) => ({ path: postmortem.path, line: postmortem.causeLine ?? 0, message: describePostmortem(postmortem) })),
      },
    ];
  },
};
