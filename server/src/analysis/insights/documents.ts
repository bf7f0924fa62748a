// What insights read from each postmortem's model: where it is, its date, severity, cause text and components.
import type { Postmortem } from '../model';
import { normaliseSeverity } from '../severity';

/** One postmortem of the collection: its path (as the caller names files) and its parsed model. */
export interface InsightsDocument {
  path: string;
  model: Postmortem;
}

/** What a postmortem says about its cause: all that recurring causes compare, kept for every file of a workspace. */
export interface CauseText {
  /** As the caller names the file. */
  path: string;
  /** `YYYY-MM-DD`, when the postmortem states one. */
  date: string | undefined;
  title: string;
  rootCause: string;
  factors: string;
  components: string[];
}

/** The cause text of a postmortem's model. */
export function causeTextOf({ path, model }: InsightsDocument): CauseText {
  return {
    path,
    date: model.date,
    title: model.title?.value ?? '',
    rootCause: sectionText(model, 'root-cause'),
    factors: sectionText(model, 'contributing-factors'),
    components: componentsOf(model),
  };
}

/** Front matter keys whose values name the systems an incident involved. */
const componentKeys = ['services', 'service', 'components', 'component', 'systems', 'tags'];

/** The text of every section of a kind, without its headings' own lines. */
export function sectionText(model: Postmortem, kind: 'root-cause' | 'contributing-factors'): string {
  return model.sections
    .filter((section) => section.kind === kind)
    .map((section) => model.text.slice(section.heading.end, section.span.end))
    .join('\n');
}

/** Names of the services, components and tags in the front matter, lower case. */
export function componentsOf(model: Postmortem): string[] {
  const data = model.frontMatter?.data;
  if (!data) return [];
  const names: string[] = [];
  for (const key of componentKeys) {
    const value = data[key];
    const values: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    for (const item of values) if (typeof item === 'string' && item.trim() !== '') names.push(item.trim().toLowerCase());
  }
  return names;
}

/** `SEV-n`, or `unknown` when the postmortem states none the scale knows. */
export function severityOf(model: Postmortem): string {
  const field = model.metadata.find((candidate) => candidate.key === 'severity');
  return (field && normaliseSeverity(field.value)) ?? 'unknown';
}
