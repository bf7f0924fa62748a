import type { Rule } from '../rule';
import { documentAnchor, metadataField } from '../anchors';
import { isPlaceholderValue } from '../placeholders';
import { dateInFileName, findDateIn } from '../metadata';

export const rule: Rule = {
  id: 'metadata-date',
  severity: 'warning',
  description: 'The incident date is missing or cannot be read.',
  explanation:
    'The incident date anchors the timeline (times without a date fall on it) and the due windows of the action items. It is read from front matter (`date: 2024-01-15`), a label line (`**Date**: 2024-01-15`), a `## Date` section, the title (`# 2024-01-15: Checkout outage`, `# March 3rd, 2024 ...`), the first dated timeline entry, or else the first date written with its year in a paragraph or a heading, and last the date a post was last changed (`updated:` in front matter); the rule is also quiet when the file name holds a date (`2024-01-15-db-outage.md`); it reports only a postmortem where none of these gives a date, a date field that cannot be read, or one such as `03/10/2021` whose day and month could be either way round (slashes are read month/day, dashes and dots day-month; unless the other numeric dates of the document, such as `29-09-2021`, settle the order; the finding says which reading was taken). A relative phrase ("last Tuesday") is never read as a date.',
  example: '**Date**: last Tuesday',
  fixable: false,
  check: ({ model, today, cache, path }) => {
    const field = metadataField(model, 'date');
    // A placeholder value (`YYYY-MM-DD`) is template text, which the placeholder rule reports.
    if (field && isPlaceholderValue(field.value)) return [];
    const read = field && findDateIn(field.value, today, cache);
    const span = field && (field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.span);
    if (field && span && !read) return [{ message: `Incident date '${field.value}' cannot be read; write it as YYYY-MM-DD.`, span }];
    // `03/10/2021` is March 10 in the US and 3 October elsewhere: say which reading was taken instead of being silently wrong.
    if (field && span && read && model.dateOrderGuessed) {
      const written = field.value.slice(read.start, read.end);
      const order = written.includes('/') ? 'month/day' : 'day-month';
      return [{ message: `Incident date '${written}' is read as ${model.date ?? read.date} (${order}), a guess; write it as YYYY-MM-DD to be sure.`, span }];
    }
    if (model.date || (path !== undefined && dateInFileName(path))) return [];
    return [{ message: 'Incident date is missing; add `**Date**: YYYY-MM-DD` under the title, or write the date in the title.', span: documentAnchor(model) }];
  },
};
