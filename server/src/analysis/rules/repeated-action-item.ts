import type { Rule } from '../rule';
import { stringBytes, type CacheTable } from '../cache';
import { causeTextOf } from '../insights/documents';
import { describePostmortem, type RepeatedItem } from '../insights/workspace';

/** The repeats for a document's cause and items, per document, until the workspace changes. */
const repeats: CacheTable<RepeatedItem[]> = { maxBytes: 256 * 1024, sizeOf: (key, value) => stringBytes(key) + 256 * (1 + value.length) };
/** Postmortems named in the message; the related information lists them all. */
const namedInMessage = 3;

export const rule: Rule = {
  id: 'repeated-action-item',
  severity: 'info',
  description: 'An action item repeats one proposed in an earlier postmortem of the workspace.',
  explanation:
    'An action item proposed again after an earlier incident is a sign that the first one was never done, or was done and did not work. If the earlier item is still open, finish it rather than filing it again; if it is done, say why it did not prevent this incident and propose what would. Items are compared by meaning, not exact words, and only postmortems dated on or before this one count; a file alone reports nothing.',
  example: '- [ ] Alert when the connection pool is 80% used @dana  <!-- proposed before in an earlier postmortem -->',
  fixable: false,
  check: ({ model, workspace, path, today, cache }) => {
    if (!workspace || model.actionItems.length === 0) return [];
    const document = {
      ...causeTextOf({ path: path ?? '', model }),
      // A draft without a date is being written now.
      date: model.date ?? today,
      actionItems: model.actionItems.map((item) => ({ description: item.description.replace(/\s+/g, ' ').trim() })),
    };
    const key = JSON.stringify([document.path, document.date, document.rootCause, document.actionItems.map((item) => item.description)]);
    const table = cache.table(repeats, workspace);
    let found = table.get(key);
    if (found === undefined) table.set(key, (found = workspace.repeatedActionItems(document)));
    return found.map(({ item, earlier }) => {
      // One name per postmortem, with the status of its first such item.
      const postmortems = [...new Map(earlier.map((occurrence) => [occurrence.postmortem.path, occurrence])).values()];
      const named = postmortems.slice(0, namedInMessage).map((occurrence) => describePostmortem(occurrence.postmortem, occurrence.item.status));
      const more = postmortems.length > namedInMessage ? ` and ${postmortems.length - namedInMessage} more` : '';
      const where = postmortems.length === 1 ? named[0] : `${postmortems.length} postmortems: ${named.join('; ')}${more}`;
      return {
        message: `Proposed before in ${where}.`,
        span: model.actionItems[item].span,
        elsewhere: earlier.map((occurrence) => ({ path: occurrence.postmortem.path, line: occurrence.item.line, message: describePostmortem(occurrence.postmortem, occurrence.item.status) })),
      };
    });
  },
};
