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
  /** The services or components the incident happened in, as stated in its metadata: where, not why. */
  places: string[];
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
    places: placesOf(model),
  };
}

/** Front matter keys whose values name the systems an incident involved. */
const componentKeys = ['services', 'service', 'components', 'component', 'systems', 'tags'];

/**
 * The text of every section of a kind, without its headings' own lines and without lines that hold template text
 * (`TODO: ...`): two fresh drafts share their prompts, not their cause.
 */
export function sectionText(model: Postmortem, kind: 'root-cause' | 'contributing-factors'): string {
  return model.sections
    .filter((section) => section.kind === kind)
    .map((section) => writtenLines(model, section.heading.end, section.span.end))
    .join('\n');
}

function writtenLines(model: Postmortem, start: number, end: number): string {
  const placeholders = model.placeholders.filter((placeholder) => placeholder.span.start >= start && placeholder.span.start < end);
  if (placeholders.length === 0) return model.text.slice(start, end);
  const lines: string[] = [];
  let lineStart = start;
  for (const line of model.text.slice(start, end).split('\n')) {
    const lineEnd = lineStart + line.length;
    if (!placeholders.some((placeholder) => placeholder.span.start >= lineStart && placeholder.span.start <= lineEnd)) lines.push(line);
    lineStart = lineEnd + 1;
  }
  return lines.join('\n');
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

/** The names in the postmortem's services (or components, systems) metadata, front matter or label lines. */
export function placesOf(model: Postmortem): string[] {
  return model.metadata
    .filter((field) => field.key === 'services')
    .flatMap((field) => field.value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** `SEV-n`, or `unknown` when the postmortem states none the scale knows. */
export function severityOf(model: Postmortem): string {
  const field = model.metadata.find((candidate) => candidate.key === 'severity');
  return (field && normaliseSeverity(field.value)) ?? 'unknown';
}
