// Which column of an action-item table holds what, read from the key words of its header as teams name them.

export type ColumnRole = 'owner' | 'due' | 'priority' | 'status' | 'ticket' | 'action';

export type Columns = Record<ColumnRole, number>;

/**
 * Key words per role, in the order a header is tried ("Action owner" is an owner column, "Action status" a status one).
 * `weak` words name the role only when no header names it plainly: a "Team" column is the owner only without an "Owner".
 */
const roleWords: readonly { role: ColumnRole; strong: RegExp; weak?: RegExp }[] = [
  {
    role: 'owner',
    strong: /\b(?:owners?|owned by|assignees?|assigned(?: to)?|responsible(?: party| person| team)?|dri|who|accountable|point of contact|poc|lead|driver)\b/,
    weak: /^(?:teams?|person|people|contact|name)$/,
  },
  {
    role: 'due',
    strong: /\b(?:due|deadline|eta|when)\b|^(?:by|(?:target|expected|planned|estimated|completion|finish)(?: (?:date|by|completion|release|quarter|time))?)$/,
    weak: /^(?:date|dates|time ?frame|time ?line|milestone|release|quarter|sprint)$/,
  },
  // A header that is itself a done word ('Done', 'Completed') heads a column of ticks: it names the column, so it keeps its own list.
  { role: 'status', strong: /\b(?:status|state)\b|^(?:done|progress|complete|completed|resolved|closed)$/ },
  { role: 'priority', strong: /^(?:priority|prio|pri|p|importance|urgency)\b/ },
  { role: 'ticket', strong: /\b(?:tickets?|issues?|links?|jira|tracking|tracker|bugs?|prs?|pull requests?|references?|refs?|urls?)\b/ },
  {
    role: 'action',
    strong: /\b(?:actions?|items?|tasks?|descriptions?|what|titles?|follow ?ups?|remediations?|changes?|fix(?:es)?|improvements?|recommendations?|measures?|steps?|to ?dos?)\b/,
  },
];

/** A header cell in lower case, without markup, emoji, notes in brackets and punctuation. */
function normaliseHeader(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The column of each role (-1 when none): each header takes the first role whose key words it has, plain words before weak ones. */
export function classifyColumns(header: readonly string[]): Columns {
  const columns: Columns = { owner: -1, due: -1, priority: -1, status: -1, ticket: -1, action: -1 };
  const titles = header.map(normaliseHeader);
  const taken = new Set<number>();
  const claim = (role: ColumnRole, pattern: RegExp | undefined) => {
    if (columns[role] >= 0 || !pattern) return;
    const index = titles.findIndex((title, i) => !taken.has(i) && title !== '' && pattern.test(title));
    if (index < 0) return;
    columns[role] = index;
    taken.add(index);
  };
  for (const { role, strong } of roleWords) claim(role, strong);
  for (const { role, weak } of roleWords) claim(role, weak);
  // Without a header that names the action, the first column left holds it.
  if (columns.action < 0) columns.action = titles.findIndex((_, i) => !taken.has(i));
  return columns;
}

/** Whether some header cell names a role by its key words, strong or weak (not the first column taken for want of one). */
export function namesAnyRole(header: readonly string[]): boolean {
  const titles = header.map(normaliseHeader);
  return titles.some((title) => title !== '' && roleWords.some(({ strong, weak }) => strong.test(title) || (weak?.test(title) ?? false)));
}
