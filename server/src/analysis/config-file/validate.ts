// Validation against the shipped JSON schema, plus what the schema cannot say; invalid parts are reported and dropped.
import type { SectionRequirements } from '../config';
import { checkBlameAdditions } from '../blame/config-check';
import { normaliseSeverity } from '../severity';
import { isRecord, valueAt, type ConfigFileData, type ConfigPath } from './data';
import { didYouMean, explainErrors, type Issue } from './messages';
// Precompiled from the shipped schema at build time; each call's errors are read right after it.
import validate from './schema-validator';

/** Reports every problem in `data` and returns the valid rest. */
export function validData(data: unknown, knownRuleIds: ReadonlySet<string>, report: (issue: Issue) => void): ConfigFileData {
  let current = data;
  // Dropping a part can expose another (a list losing its only item); later passes only drop, never report twice.
  for (let pass = 0; pass < 5; pass++) {
    if (validate(current)) {
      checkMeaning(current, knownRuleIds, report);
      return current;
    }
    const issues = explainErrors(validate.errors ?? [], current);
    if (pass === 0) issues.forEach(report);
    current = withoutPaths(current, issues.map((issue) => droppedPart(issue.path)));
  }
  return {};
}

/** What the schema cannot say: known rule ids, severities as keys, real time zones. */
function checkMeaning(data: ConfigFileData, knownRuleIds: ReadonlySet<string>, report: (issue: Issue) => void): void {
  const rules = data.rules ?? {};
  for (const id of Object.keys(rules)) {
    if (knownRuleIds.has(id)) continue;
    report({ path: ['rules', id], atKey: true, text: `unknown rule ${JSON.stringify(id)}${didYouMean(id, knownRuleIds)}` });
    delete rules[id];
  }
  const bySeverity = data.sections?.bySeverity;
  if (data.sections && bySeverity) {
    const normalised: Record<string, Partial<SectionRequirements>> = {};
    for (const [key, value] of Object.entries(bySeverity)) {
      const severity = normaliseSeverity(key);
      if (severity) normalised[severity] = { ...normalised[severity], ...value };
      else report({ path: ['sections', 'bySeverity', key], atKey: true, text: `expected a severity such as SEV-1, got ${JSON.stringify(key)}` });
    }
    data.sections.bySeverity = normalised;
  }
  if (data.timezone !== undefined && !isTimezone(data.timezone)) {
    const zones = Intl.supportedValuesOf('timeZone');
    report({
      path: ['timezone'],
      atKey: false,
      text: `expected an IANA time zone such as Europe/Berlin or a UTC offset such as UTC+02:00, got ${JSON.stringify(data.timezone)}${didYouMean(data.timezone, zones)}`,
    });
    delete data.timezone;
  }
  if (data.blame) {
    const checked = checkBlameAdditions(data.blame);
    for (const problem of checked.problems) report({ path: ['blame', ...problem.path], atKey: false, text: problem.text });
    data.blame = checked.valid;
  }
}

function isTimezone(zone: string): boolean {
  if (/^(?:Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)$/i.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A rule setting is one unit: without its severity, a `[severity, options]` list would mean something else. */
function droppedPart(path: ConfigPath): ConfigPath {
  return path[0] === 'rules' && path.length > 2 ? path.slice(0, 2) : path;
}

function withoutPaths(data: unknown, paths: ConfigPath[]): unknown {
  if (paths.some((path) => path.length === 0)) return {};
  const unique = [...new Map(paths.map((path) => [JSON.stringify(path), path])).values()];
  // Last index first, so removing an array item does not shift the others still to remove.
  unique.sort((a, b) => comparePaths(b, a));
  for (const path of unique) {
    const parent = valueAt(data, path.slice(0, -1));
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (isRecord(parent)) delete parent[String(last)];
  }
  return data;
}

function comparePaths(a: ConfigPath, b: ConfigPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' && typeof b[i] === 'number' ? Number(a[i]) - Number(b[i]) : String(a[i]).localeCompare(String(b[i]));
  }
  return a.length - b.length;
}
