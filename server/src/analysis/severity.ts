// Incident severity: the scale teams use (SEV-1 the most severe), and reading it as they write it: SEV-1, Sev 1, SEV1, S1.

export interface SeverityLevel {
  /** `SEV-n`. */
  label: string;
  /** One line on what makes an incident this severe. */
  meaning: string;
}

/** The scale, most severe first: what completion, New Postmortem and the severity rule offer and accept. */
export const severityLevels: readonly SeverityLevel[] = [
  { label: 'SEV-1', meaning: 'Critical: complete outage or data loss, most customers affected' },
  { label: 'SEV-2', meaning: 'Major: a key feature down or badly degraded for many customers' },
  { label: 'SEV-3', meaning: 'Minor: limited impact, a workaround exists' },
];

/** `SEV-1 to SEV-3`, for messages. */
export const severityRange = `${severityLevels[0].label} to ${severityLevels[severityLevels.length - 1].label}`;

const severityPattern = /^\s*(?:sev(?:erity)?|s)[\s_-]*(\d+)\b/i;

// Many teams grade by word ("Severity: High"); each word reads as the level whose meaning it names.
const severityWordPattern = /^\s*(critical|high|major|medium|moderate|minor|low)\b/i;
const levelOfWord: Readonly<Record<string, string>> = { critical: 'SEV-1', high: 'SEV-2', major: 'SEV-2', medium: 'SEV-3', moderate: 'SEV-3', minor: 'SEV-3', low: 'SEV-3' };

/** `SEV-n`, or undefined when the text is not a level of the scale nor one of the words teams grade with. */
export function normaliseSeverity(value: string): string | undefined {
  const text = value.replace(/^[*_`]+/, '');
  const word = severityWordPattern.exec(text);
  if (word) return levelOfWord[word[1].toLowerCase()];
  const match = severityPattern.exec(text);
  const label = match ? `SEV-${Number(match[1])}` : undefined;
  return severityLevels.some((level) => level.label === label) ? label : undefined;
}
