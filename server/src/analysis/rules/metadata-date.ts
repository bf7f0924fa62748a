import type { Rule } from '../rule';
import { documentAnchor, metadataField } from '../anchors';
import { isPlaceholderValue } from '../placeholders';
import { findDateIn } from '../metadata';

export const rule: Rule = {
  id: 'metadata-date',
  severity: 'warning',
  description: 'The incident date is missing or cannot be read.',
  explanation:
    'The incident date anchors the timeline (times without a date fall on it) and the due windows of the action items. It is read from front matter (`date: 2024-01-15`), a label line (`**Date**: 2024-01-15`), a `## Date` section, the title (`# 2024-01-15: Checkout outage`, `# March 3rd, 2024 ...`), the first dated timeline entry, or else the first date written with its year in a paragraph or a heading; the rule reports only a postmortem where none of these gives a date, or a date field that cannot be read.',
  example: '**Date**: last Tuesday',
  fixable: false,
  check: ({ model, today }) => {
    const field = metadataField(model, 'date');
    // A placeholder value (`YYYY-MM-DD`) is template text, which the placeholder rule reports.
    if (field && isPlaceholderValue(field.value)) return [];
    if (field && !findDateIn(field.value, today)) {
      return [{ message: `Incident date '${field.value}' cannot be read; write it as YYYY-MM-DD.`, span: field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.span }];
    }
    if (model.date) return [];
    return [{ message: 'Incident date is missing; add `**Date**: YYYY-MM-DD` under the title, or write the date in the title.', span: documentAnchor(model) }];
  },
};
