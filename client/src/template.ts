// Fills the new postmortem's template with the title, severity and date the user gave. Pure: no vscode import.
import type { PostmortemFields } from './file-naming';

/** The built-in template is the body of this snippet in `snippets/postmortem.code-snippets`, so it is written once. */
export const templateSnippetName = 'Postmortem';

/** The body of the named snippet in a parsed `.code-snippets` file, lines joined. */
export function snippetBody(snippets: unknown, name: string): string | undefined {
  if (typeof snippets !== 'object' || snippets === null) return undefined;
  const snippet: unknown = (snippets as Record<string, unknown>)[name];
  if (typeof snippet !== 'object' || snippet === null) return undefined;
  const body: unknown = (snippet as Record<string, unknown>).body;
  if (typeof body === 'string') return body;
  if (Array.isArray(body) && body.every((line): line is string => typeof line === 'string')) return body.join('\n');
  return undefined;
}

/** Text that a snippet inserts as it is: `$`, `}` and `\` escaped. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

type Field = keyof PostmortemFields;

/** Today's date in snippet variables, `$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE` or with braces; a brace is only taken with its pair. */
const dateVariables = /(?:\$CURRENT_YEAR|\$\{CURRENT_YEAR\})-(?:\$CURRENT_MONTH|\$\{CURRENT_MONTH\})-(?:\$CURRENT_DATE|\$\{CURRENT_DATE\})/g;

/** Placeholder names (compared without case, spaces or punctuation) that stand for a field. */
const placeholderFields: Record<string, Field> = {
  title: 'title',
  incidenttitle: 'title',
  severity: 'severity',
  sev: 'severity',
  date: 'date',
  incidentdate: 'date',
  yyyymmdd: 'date',
};

/**
 * The first tab stop of each field gets the value as its placeholder, so the user still tabs
 * through it and its mirrors follow; a severity choice lists the chosen one first. The date
 * variables (`$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE`) become the incident's date.
 */
export function fillSnippet(body: string, fields: PostmortemFields): string {
  const filled = new Set<Field>();
  // Where the template dates itself with the date variables, those are the date's tab stop.
  if (body.search(dateVariables) >= 0) filled.add('date');
  let text = body.replace(dateVariables, escapeSnippetText(fields.date));
  text = text.replace(/\$\{(\d+):([^${}\\]*)\}/g, (match, stop: string, placeholder: string) => {
    const field = placeholderFields[placeholder.toLowerCase().replace(/[^a-z]/g, '')];
    if (!field || filled.has(field)) return match;
    filled.add(field);
    return `\${${stop}:${escapeSnippetText(fields[field])}}`;
  });
  return text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (match, stop: string, list: string) => {
    const choices = list.split(',');
    const chosen = choices.findIndex((choice) => choice.trim().toLowerCase() === fields.severity.trim().toLowerCase());
    if (filled.has('severity') || chosen < 0) return match;
    filled.add('severity');
    return `\${${stop}|${[choices[chosen], ...choices.filter((_choice, index) => index !== chosen)].join(',')}|}`;
  });
}

/** A team's template is plain Markdown; `{{title}}`, `{{severity}}` and `{{date}}` (any case) take the values. */
export function fillTeamTemplate(text: string, fields: PostmortemFields): string {
  return text.replace(/\{\{\s*(title|severity|date)\s*\}\}/gi, (_match, name: string) => fields[name.toLowerCase() as Field]);
}
