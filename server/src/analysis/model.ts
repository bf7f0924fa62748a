// The postmortem document model: what the parser produces and every rule reads.
// Positions are UTF-16 offsets into the document text, as JavaScript strings count them.

/** A half-open range of the document text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'contributing-factors'
  | 'what-went-well'
  | 'what-went-poorly'
  | 'action-items'
  | 'lessons-learned';

export interface Section {
  /** The canonical kind, or undefined for a heading that is not a known section. */
  kind: SectionKind | undefined;
  /** The heading text as written, without `#` marks. */
  title: string;
  /** Heading level, 1 to 6. */
  depth: number;
  /** The heading line, without its line break. */
  heading: Span;
  /** From the heading to the next heading of the same or a higher level (or the end). */
  span: Span;
  /** Index of the enclosing section in `Postmortem.sections`, if any. */
  parent: number | undefined;
  /** True when the section has no content other than whitespace, comments and sub-headings. */
  empty: boolean;
  /** True when only loose wording names the kind ("Background" read as the summary): the editor says so. */
  uncertain: boolean;
  /**
   * A Markdown heading, or a label line that opens a section without being one (`**Impact**:`, `- **Action items:**`,
   * a plain `Lessons learned:` line). A label section has depth 7, below any heading, and ends at the next label or heading.
   */
  form: 'heading' | 'label';
  /** What the kind was read from: the heading or label's words, or what the section holds when its heading names no kind. */
  kindFrom: 'title' | 'content';
}

export interface MetadataField {
  /** Normalised key: lower case, e.g. `severity`, `date`, `duration`, `status`, `authors`. */
  key: string;
  /** The value as written, trimmed. */
  value: string;
  /** Where the value is written (for front matter, the value's scalar). */
  valueSpan: Span;
  /** The whole field line. */
  span: Span;
  /** `section`: a heading named after the field (`## Date`) and the first line under it. */
  source: 'front-matter' | 'label' | 'section';
}

export interface TimelineEntry {
  /** The whole entry: list item, paragraph line, table row or heading. */
  span: Span;
  /** The timestamp as written. */
  timeSpan: Span;
  timeText: string;
  /** What happened, after the timestamp. */
  description: string;
  /** Milliseconds since the epoch, or undefined when the time cannot be read. */
  instant: number | undefined;
  /** Why the time cannot be read (set only when instant is undefined). */
  timeError: string | undefined;
  /** The entries of one list or table share a group; sorting happens within a group. */
  group: number;
  /** Which Timeline section the entry is in: a page holding several incident reports has one timeline each, read apart. */
  timeline: number;
  container: 'list' | 'table' | 'paragraph' | 'heading';
  /** True when only a date was written: the entry stands for that whole day. */
  dayOnly: boolean;
  /** True when a time was written without seconds ('17:55'): the entry stands for that whole minute. */
  wholeMinute: boolean;
  /** True when the timestamp named a zone or offset. */
  hasZone: boolean;
  /** True when the instant rests on a guess (no date, a midnight rollover, a wrapped year): a sort is then not safe. */
  guessed: boolean;
  /** The day a table row's own Date or Day cell names, set before its time is read. */
  rowDay?: string;
  /** The day carried forward and the previous instant when this entry was read, so that a reordering can be read again. */
  readAfter: { lastDate: string | undefined; previous: number | undefined; twelveHour?: boolean; twentyFourHour?: boolean; compactClock?: boolean };
}

export interface ValueAt<T> {
  value: T;
  span: Span;
}

export type ActionStatus = 'open' | 'done';

export interface ActionItem {
  /** The whole item: list item or table row. */
  span: Span;
  /** The item's text without its owner/due/priority annotations where they can be told apart. */
  description: string;
  /** Where the description is written (used for blame of action items). */
  descriptionSpan: Span;
  owner: ValueAt<string> | undefined;
  /** Due date as `YYYY-MM-DD`. */
  due: ValueAt<string> | undefined;
  /** A due date was written but cannot be read. */
  dueUnreadable: ValueAt<string> | undefined;
  priority: ValueAt<0 | 1 | 2> | undefined;
  status: ActionStatus;
  ticket: ValueAt<string> | undefined;
  /** Title of the sub-section it sits in (Immediate, Short-term, ...), if any. */
  group: string | undefined;
  /** `heading`: an item written as a heading (`### 1) Rotate the keys @ana`); `paragraph`: an `Action point:` line. */
  container: 'task-list' | 'list' | 'table' | 'heading' | 'paragraph';
  /** An owner or due slot holds a template placeholder (`Owner: [Owner]`): the placeholder rule reports it. */
  ownerPlaceholder: boolean;
  duePlaceholder: boolean;
  /** Where that placeholder is written (in the text or its cell), for a fix that replaces it. */
  ownerPlaceholderSpan: Span | undefined;
  duePlaceholderSpan: Span | undefined;
  /** The window the item's heading gives it ("Short term: this week", "Target: Q3"), in place of a date. */
  dueWindow: string | undefined;
  /** Where an owner or due annotation can be inserted (end of the item's first line, or the cell). */
  insertAt: number;
  /** Table items: the spans of the owner and due cells, for fixes that fill them. */
  ownerCell: Span | undefined;
  dueCell: Span | undefined;
}

export interface Placeholder {
  span: Span;
  text: string;
}

/** A run of prose (paragraph, list item text, table cell, heading) that blame detection reads. */
export interface ProseBlock {
  span: Span;
  /** The source text of `span` with code, links' targets, HTML and markup masked by spaces, so offsets match. */
  text: string;
  where: 'timeline' | 'action-item' | 'heading' | 'body';
}

export interface IncidentMetrics {
  start: number | undefined;
  detected: number | undefined;
  acknowledged: number | undefined;
  mitigated: number | undefined;
  resolved: number | undefined;
  /** Milliseconds. */
  timeToDetect: number | undefined;
  timeToAcknowledge: number | undefined;
  timeToMitigate: number | undefined;
  timeToResolve: number | undefined;
}

export interface Postmortem {
  text: string;
  title: ValueAt<string> | undefined;
  frontMatter: { span: Span; data: Record<string, unknown> | undefined; error: string | undefined } | undefined;
  metadata: MetadataField[];
  sections: Section[];
  timeline: TimelineEntry[];
  actionItems: ActionItem[];
  placeholders: Placeholder[];
  prose: ProseBlock[];
  /** HTML comments, for inline directives. */
  comments: ValueAt<string>[];
  /** IANA zone or UTC offset the document's times default to. */
  timezone: string;
  /**
   * The incident date, `YYYY-MM-DD`: from a date field (front matter, label line, `## Date` section), else a
   * date written in the title with its year, else the first dated timeline entry, else a title date without a year,
   * else the first date with its year written in a paragraph.
   */
  date: string | undefined;
  /** Where `date` was read. */
  dateFrom: MetadataField['source'] | 'title' | 'timeline' | 'text' | undefined;
  /** True when the date field reads as `03/10/2021` and nothing in the document settles which number is the month. */
  dateOrderGuessed?: boolean;
  metrics: IncidentMetrics;
  /** Names used as owners or timeline actors, for telling people from systems. */
  people: string[];
  /**
   * The line that closes a code fence or HTML block (a comment, `<pre>`) left open at the end of
   * the text: anything appended there would belong to it.
   */
  openBlockCloser: string | undefined;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  span: Span;
  newText: string;
  /**
   * The same text in VS Code snippet syntax (`${1:Owner}` tab stops), for an editor that can place the cursor
   * on what the writer must fill in; `newText` is what gets written where snippets are not supported.
   */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and fix-all; others are offered one at a time. */
  safe: boolean;
}

/** A place in another postmortem, as the caller named its file. */
export interface Elsewhere {
  path: string;
  /** 0-based. */
  line: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  related: { span: Span; message: string }[];
  /** Related places in other postmortems (recurring causes, repeated action items); absent when there are none. */
  elsewhere?: Elsewhere[];
  /** The one obvious fix, if any. */
  fix: Fix | undefined;
  /**
   * Alternatives the user chooses from. Some are built on first read (blame rewrites): read them only to offer
   * them, as code actions for a range or output that prints them, never for every finding of every analysis.
   */
  readonly suggestions: Fix[];
  /** LSP-style tags: `unnecessary` renders faded. */
  tags: 'unnecessary'[];
  /** Why this wording in particular (a phrasebook entry's explanation); the hover shows it before the rule's. */
  detail: string | undefined;
}
