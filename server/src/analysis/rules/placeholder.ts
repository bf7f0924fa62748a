import type { Rule, RuleFinding } from '../rule';
import { documentAnchor } from '../anchors';
import { templateLayout } from '../placeholders';

export const rule: Rule = {
  id: 'placeholder',
  severity: 'warning',
  description: 'Template text is left in the document.',
  explanation:
    'Placeholders such as `[Owner]`, `[Date]`, `TBD`, `TODO`, `HH:MM` or `{{TITLE}}` mark what the template expected and nobody filled in. A postmortem published with them reads as unfinished and its action items cannot be tracked. Each line is reported once. While the postmortem is a draft (its status or title says draft, or at least half its lines are still template text), and in sections that hold nothing but template text, they are information: a checklist of what is left, not a wall of warnings. Team-specific placeholders can be added with `placeholders` in the config.',
  example: '- [ ] Add a canary stage (Owner: [Owner], Due: TBD)',
  fixable: false,
  check: ({ model }) => {
    const { lines, progress } = templateLayout(model);
    const findings: RuleFinding[] = lines.map((line) => ({
      message: line.texts.length === 1 ? `Placeholder '${line.texts[0]}' is left in.` : `Placeholders ${line.texts.map((text) => `'${text}'`).join(', ')} are left in.`,
      span: line.span,
      severity: progress.draft || line.inStub ? 'info' : undefined,
    }));
    if (progress.draft && progress.templateLines > 0) {
      const why = progress.reason === 'status' ? 'its status is draft' : progress.reason === 'title' ? 'its title says so' : 'most of it is template text';
      findings.unshift({
        message: `Draft (${why}): ${progress.sectionsWritten} of ${progress.sections} sections written; ${progress.templateLines} of ${progress.textLines} lines are still template text.`,
        span: documentAnchor(model),
        severity: 'info',
      });
    }
    return findings;
  },
};
