import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'placeholder',
  severity: 'warning',
  description: 'Template text is left in the document.',
  explanation:
    'Placeholders such as `[Owner]`, `[Date]`, `TBD`, `TODO` or `{{TITLE}}` mark what the template expected and nobody filled in. A postmortem published with them reads as unfinished and its action items cannot be tracked. Team-specific placeholders can be added with `placeholders` in the config.',
  example: '- [ ] Add a canary stage (Owner: [Owner], Due: TBD)',
  fixable: false,
  check: ({ model }) => model.placeholders.map((placeholder) => ({ message: `Placeholder '${placeholder.text}' is left in.`, span: placeholder.span })),
};
