// What `activate()` returns: the handles the in-editor tests (and other extensions) drive.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ActionItemGrouping } from './action-items/grouping';
import type { RenderedInsights } from './insights-messages';

export type { ActionItemGrouping, RenderedInsights };

export interface PostmortemExtensionApi {
  readonly actionItems: {
    /** The view's provider; group nodes at the root. */
    readonly provider: vscode.TreeDataProvider<unknown>;
    setGrouping(grouping: ActionItemGrouping): void;
    setShowDone(show: boolean): void;
    setOnlyMine(only: boolean): void;
    /** Fetches the items from the server again; resolves when the tree has them. */
    refresh(): Promise<void>;
    /** Fires after the tree's items changed. */
    readonly onDidChange: vscode.Event<void>;
  };
  /** The Insights panel (command `postmortem.showInsights`). */
  readonly insights: {
    /** What the panel's page drew last, read back from the page. */
    rendered(): RenderedInsights | undefined;
    /** Fires each time the page has drawn insights. */
    readonly onDidRender: vscode.Event<RenderedInsights>;
    /** The page's HTML as the extension wrote it, undefined while the panel is closed. */
    html(): string | undefined;
    /** Clicks the page's link to this postmortem (absolute path) at this 1-based line, as a user would; false when the panel is closed. */
    clickPostmortem(path: string, line?: number): Promise<boolean>;
  };
  /** The number on the Action Items view's badge, undefined when it shows none. */
  badge(): number | undefined;
  /** The status bar item's current text. */
  statusBarText(): string;
  /** The draft progress in the status bar while the active postmortem is a draft, else undefined. */
  draftStatusText(): string | undefined;
  /** The running language client (a new one after a restart). */
  languageClient(): LanguageClient;
}

/** The optional argument of `postmortem.newPostmortem`; given, it skips the prompts. */
export interface NewPostmortemArgs {
  title: string;
  severity: string;
  /** `YYYY-MM-DD`. */
  date: string;
}
