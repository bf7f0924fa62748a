// What the client and the server say to each other beyond LSP: settings and custom requests.
// Defined once here and imported by both sides.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
// Types only: a value from the core would bundle all of it into the client.
import type { ChartPalette, DueWindow, InsightsChart, InsightsReport, SeverityLevel } from './analysis';

export type { ChartPalette, DueWindow, InsightsChart, InsightsReport, SeverityLevel };

/** `postmortem.*` settings, as the client sends them through workspace/configuration. */
export interface PostmortemSettings {
  /** Rule severities, in config-file shape (`{ "timeline-order": "error" }`); merged over the config file. */
  rules: Record<string, unknown>;
  /** Show elapsed time next to timeline entries. */
  inlayHints: boolean;
  /** Show the incident metrics and open action items above the document. */
  codeLens: boolean;
  /** Documents larger than this many bytes are not analysed. */
  maxFileSize: number;
}

export type ActionItemStatus = 'open' | 'done';

/** One action item of the workspace, with the facts the client's tree shows, judged by the server on `ActionItemsResult.today`. */
export interface WorkspaceActionItem {
  /** Stable within a document version: `<uri>#<line>`. */
  id: string;
  uri: string;
  /** The postmortem's title, or its file name. */
  documentTitle: string;
  range: Range;
  description: string;
  /** The owner as written, which may name several people. */
  owner: string | undefined;
  /** The people `owner` names, each as written (`@ana`). */
  owners: string[];
  /** `YYYY-MM-DD`. */
  due: string | undefined;
  priority: 0 | 1 | 2 | undefined;
  status: ActionItemStatus;
  overdue: boolean;
  /** Days from today to the due date, negative when past; undefined without a date. */
  daysUntilDue: number | undefined;
  /** `daysUntilDue` as every view words it ("due in 3 days", "1 day overdue"); undefined without a date. */
  dueInWords: string | undefined;
  dueWindow: DueWindow;
  ticket: string | undefined;
  /** The sub-section (Immediate, Short-term, ...), if any. */
  group: string | undefined;
  /** `YYYY-MM-DD`, the date of the item's postmortem, if it states one. */
  postmortemDate: string | undefined;
  /** An open P0 or P1 item whose postmortem is `insights.followUpDays` (default 30) days old or more. */
  dueForFollowUp: boolean;
}

export interface ActionItemsParams {
  /** Include done items (default false). */
  includeDone?: boolean;
  /** Only the items this person (`ana` or `@ana`) owns, alone or with others. */
  owner?: string;
}

export interface ActionItemsResult {
  items: WorkspaceActionItem[];
  /**
   * `YYYY-MM-DD`, the server machine's date. Each item's facts are judged on its postmortem's day: in the time zone
   * its config sets (`timezone`), else this one.
   */
  today: string;
}

export const actionItemsRequest = new RequestType<ActionItemsParams, ActionItemsResult, void>('postmortem/actionItems');

/** The severity scale, most severe first, with what each level means: for pickers outside the editor's text. */
export const severityLevelsRequest = new RequestType0<SeverityLevel[], void>('postmortem/severityLevels');

export interface MarkDoneParams {
  uri: string;
  /** 0-based line of the action item (its first line). */
  line: number;
  /** Reopen a done item instead: untick it, set its Status cell to `Open` or remove its strikethrough. */
  reopen?: boolean;
}

/** An edit that ticks the checkbox (making a plain list item a task), sets the Status cell or strikes the row through; null when there is no item there. */
export const markActionItemDoneRequest = new RequestType<MarkDoneParams, WorkspaceEdit | null, void>('postmortem/markActionItemDone');

export interface WorkspaceMetrics {
  postmortems: number;
  openActionItems: number;
  overdueActionItems: number;
  /** Milliseconds; medians over the postmortems that state them. */
  medianTimeToDetect: number | undefined;
  medianTimeToMitigate: number | undefined;
  medianTimeToResolve: number | undefined;
}

export const workspaceMetricsRequest = new RequestType0<WorkspaceMetrics, void>('postmortem/workspaceMetrics');

export interface InsightsParams {
  /** The colours the charts are drawn in, as the client's page names them (its theme's CSS variables). */
  palette: ChartPalette;
}

export interface InsightsResult {
  /** The insights of the indexed postmortems; file paths are absolute. */
  report: InsightsReport;
  /** The report's charts as SVG, each with the table of its figures. */
  charts: InsightsChart[];
  /** `YYYY-MM-DD`, the day follow-ups and overdue items were counted to. */
  today: string;
}

/** Insights across the indexed postmortems: recurring causes, repeated action items, follow-ups, trends. */
export const insightsRequest = new RequestType<InsightsParams, InsightsResult, void>('postmortem/insights');

/** Lists and indexes every workspace folder again from disk; resolves once the index holds what the disk holds. */
/** How far an open postmortem is from done, as the core judges it; null for a document that is not a postmortem. */
export interface DraftProgressResult {
  /** The status or title says draft, or most of its text is still template text. */
  draft: boolean;
  /** The known sections the document has, and how many of them hold text the writer wrote. */
  sections: number;
  sectionsWritten: number;
  /** Lines still holding template text, of the lines of text. */
  templateLines: number;
  textLines: number;
}

export const draftProgressRequest = new RequestType<{ textDocument: { uri: string } }, DraftProgressResult | null, void>('postmortem/draftProgress');

export const rebuildIndexRequest = new RequestType0<null, void>('postmortem/rebuildIndex');

/**
 * Sent by the server when the workspace's action items changed, so views can refresh. Its params
 * are an empty object: a notification sent without params reaches the client as `[null]`.
 */
export const actionItemsChangedNotification = new NotificationType<Record<string, never>>('postmortem/actionItemsChanged');

/** What the server holds, for the soak test and benchmark. */
export interface ServerState {
  /** V8 heap in use, in bytes, after a full collection when the server runs with `--expose-gc`. */
  heapUsed: number;
  /** V8 heap reserved, in bytes: what a collection freed but the process has not returned yet. */
  heapTotal: number;
  /** Documents, open or closed, for which the server still keeps state (analyses, caches, settings, timers). */
  documentsWithState: number;
  /** Estimated bytes held by the documents' analysis caches. */
  cachedBytes: number;
}

/** Debug only: answered when the server is started with `--debug-state`. */
export const serverStateRequest = new RequestType0<ServerState, void>('postmortem/serverState');

/** The kind of the code action that applies every safe fix of a document. */
export const fixAllKind = 'source.fixAll.postmortem';

/** Implemented by the client: applies the fix-all source action to the document whose URI is given. */
export const fixAllCommand = 'postmortem.fixAll';

/** Implemented by the client: shows the document whose URI is given with the given 0-based line at the top. */
export const revealLineCommand = 'postmortem.revealLine';

/** Implemented by the client: a quick pick of the postmortems that share the document's cause; the chosen one opens. */
export const showRecurringCauseCommand = 'postmortem.showRecurringCause';

/** The argument of `showRecurringCauseCommand`, from the recurring-cause finding. */
export interface RecurringCauseGroup {
  /** The finding's message, which names the cause. */
  title: string;
  /** Each with the 0-based line of its root cause. */
  postmortems: { uri: string; line: number; label: string }[];
}
