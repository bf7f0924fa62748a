import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'empty-section',
  severity: 'warning',
  description: 'A section has a heading but no content.',
  explanation:
    'An empty section looks complete in an outline but tells the reader nothing. Write what is known, or say explicitly that nothing applies ("No customer impact: the failure was caught in staging").',
  example: '## Impact\n\n## Timeline',
  fixable: false,
  check: ({ model }) =>
    model.sections
      .filter((section) => section.kind !== undefined && section.form === 'heading' && section.empty)
      .map((section) => ({ message: `Section '${section.title}' is empty.`, span: section.heading })),
};
