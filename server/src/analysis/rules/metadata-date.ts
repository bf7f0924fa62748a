import type { Rule } from '../rule';
import { documentAnchor, metadataField } from '../anchors';
import { parseDate } from '../time';

export const rule: Rule = {
  id: 'metadata-date',
  severity: 'warning',
  description: 'The incident date is missing or cannot be read.',
  explanation:
    'The incident date anchors the timeline (times without a date fall on it) and the due windows of the action items. Write it in front matter (`date: 2024-01-15`) or as a label line (`**Date**: 2024-01-15`).',
  example: '**Date**: last Tuesday',
  fixable: false,
  check: ({ model }) => {
    const field = metadataField(model, 'date');
    if (!field) return [{ message: 'Incident date is missing; add `**Date**: YYYY-MM-DD`.', span: documentAnchor(model) }];
    if (parseDate(field.value)) return [];
    return [{ message: `Incident date '${field.value}' cannot be read; write it as YYYY-MM-DD.`, span: field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.span }];
  },
};
