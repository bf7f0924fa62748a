// Incident severity as teams write it: SEV-1, Sev 1, SEV1, S1.
const severityPattern = /^\s*(?:sev(?:erity)?|s)[\s_-]*([0-4])\b/i;

/** `SEV-n`, or undefined when the text is not a severity. */
export function normaliseSeverity(value: string): string | undefined {
  const match = severityPattern.exec(value.replace(/^[*_`]+/, ''));
  return match ? `SEV-${match[1]}` : undefined;
}
