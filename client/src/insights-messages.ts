// What the Insights panel and its webview say to each other, defined once for both sides. Types only.
import type { InsightsResult } from '../../server/src/protocol';

/** From the extension to the webview. `labels`: each postmortem's path as the workspace names it, by absolute path. */
export type ToInsightsWebview =
  /** The insights to show; the webview keeps them as its state, so a reload shows them at once. */
  | { type: 'insights'; insights: InsightsResult; labels: Record<string, string> }
  /** The insights could not be built: the message says why. */
  | { type: 'error'; message: string }
  /** For the in-editor tests: click the link to this postmortem, as a user would. */
  | { type: 'clickPostmortem'; path: string; line?: number };

/** From the webview to the extension. */
export type FromInsightsWebview =
  /** The script runs and listens: the extension sends the insights. */
  | { type: 'ready' }
  /** A postmortem's link was clicked: open it, at the 1-based line if given. */
  | { type: 'open'; path: string; line?: number }
  /** The webview drew the insights: what it shows, for the in-editor tests. */
  | { type: 'rendered'; content: RenderedInsights };

/** What the webview drew, read back from its page. */
export interface RenderedInsights {
  /** The charts' titles, in the order shown. */
  charts: string[];
  /** The number of `<svg>` elements and of data tables on the page. */
  svgs: number;
  tables: number;
  /** The postmortems the page links to, at a 1-based line when the link names one. */
  links: { path: string; line?: number }[];
}
