import type { Rule } from '../rule';
import { documentAnchor, metadataField } from '../anchors';
import { isPlaceholderValue } from '../placeholders';
import { usesSeverity } from '../metadata';
import { normaliseSeverity, severityLevels, severityRange } from '../severity';

const [mostSevere] = severityLevels;
const leastSevere = severityLevels[severityLevels.length - 1];

export const rule: Rule = {
  id: 'metadata-severity',
  severity: 'warning',
  description: 'The severity is missing or not a known level.',
  explanation:
    `The severity (${mostSevere.label} the most severe, to ${leastSevere.label}) decides who reviews the postmortem, which sections it needs and how fast its action items are due. Write it in front matter (\`severity: SEV-2\`) or as a label line (\`**Severity**: SEV-2\`). Teams that grade by word are read too: Critical is ${mostSevere.label}, High or Major ${severityLevels[1].label}, and Medium, Moderate, Minor or Low ${leastSevere.label}. Many teams grade no incidents, so a missing severity is reported only when the team's config sets this rule (\`metadata-severity: warning\`) or the postmortem itself speaks of severity (a Severity heading or label, or a level such as SEV-2 in the text).`,
  example: '**Severity**: Very bad',
  fixable: false,
  check: ({ model, config }) => {
    const field = metadataField(model, 'severity');
    if (!field) {
      if (!usesSeverity(model, config)) return [];
      return [{ message: `Severity is missing; add \`**Severity**: ${mostSevere.label}\` to \`${leastSevere.label}\`.`, span: documentAnchor(model) }];
    }
    if (normaliseSeverity(field.value) || isPlaceholderValue(field.value)) return [];
    return [{ message: `Severity '${field.value}' is not a known level; use ${severityRange}.`, span: field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.span }];
  },
};
