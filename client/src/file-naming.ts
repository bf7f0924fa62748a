// Where a new postmortem goes and what it is called. Pure: no vscode import.

export interface PostmortemFields {
  title: string;
  severity: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

const maxSlugLength = 60;

/** "DB pool exhausted: API 500s!" -> "db-pool-exhausted-api-500s"; never empty. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    // Cut at a word boundary; a single overlong word is cut where it must be.
    if (next.length > maxSlugLength) return slug || word.slice(0, maxSlugLength);
    slug = next;
  }
  return slug || 'postmortem';
}

/** `YYYY-MM-DD` of a calendar date that exists. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The local calendar day, as the user sees it on their clock. */
export function localIsoDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The values `${name}` stands for in the folder and file name settings. */
export function patternVariables(fields: PostmortemFields): Record<string, string> {
  const [year = '', month = '', day = ''] = fields.date.split('-');
  return { year, month, day, date: fields.date, slug: slugify(fields.title), severity: slugify(fields.severity) };
}

/** Replaces every `${name}` with its value; an unknown name is an error, so a typo in a setting is reported, not written to disk. */
export function expandPattern(pattern: string, variables: Record<string, string>): string {
  return pattern.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    const value = variables[name.trim()];
    if (value === undefined) throw new Error(`Unknown variable \${${name}} in "${pattern}"; use one of ${Object.keys(variables).map((key) => `\${${key}}`).join(', ')}.`);
    return value;
  });
}

/** The workspace-relative path of a new postmortem, with `/` separators; throws for a path that would leave the workspace. */
export function postmortemPath(folderPattern: string, fileNamePattern: string, fields: PostmortemFields): string {
  const variables = patternVariables(fields);
  const folder = expandPattern(folderPattern, variables);
  const fileName = expandPattern(fileNamePattern, variables);
  const segments = `${folder}/${fileName}`.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (/^([\\/]|[a-z]:)/i.test(folder) || segments.includes('..')) throw new Error(`The postmortem folder "${folder}" must be inside the workspace.`);
  if (segments.length === 0 || !fileName.trim()) throw new Error(`The file name pattern "${fileNamePattern}" gives an empty name.`);
  return segments.join('/');
}

/** `path`, or `path` with `-2`, `-3`... before its extension: the first that `exists` says is free. */
export async function firstFreePath(path: string, exists: (candidate: string) => Promise<boolean>): Promise<string> {
  const dot = path.lastIndexOf('.');
  const slash = path.lastIndexOf('/');
  const [stem, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  let candidate = path;
  for (let counter = 2; await exists(candidate); counter++) candidate = `${stem}-${counter}${extension}`;
  return candidate;
}
