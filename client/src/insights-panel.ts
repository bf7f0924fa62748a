// The Insights panel: a webview showing what the server finds across the indexed postmortems (trends, recurring
// causes, follow-ups), drawn as the server's SVG charts in the theme's colours. Strict CSP with a nonce, one local
// script, state kept by the page across reloads, and restored with the window by a serializer.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { insightsRequest, type InsightsResult } from '../../server/src/protocol';
import { themePalette } from './insights-palette';
import type { ActionItemsProvider } from './action-items/tree';
import type { PostmortemLanguageClient } from './client';
import type { FromInsightsWebview, RenderedInsights, ToInsightsWebview } from './insights-messages';

export const insightsViewType = 'postmortem.insights';

/** Waits this long after the index changed, so a burst of saves makes one request. */
const refreshDelayMs = 500;

export class InsightsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private latest: InsightsResult | undefined;
  private lastRendered: RenderedInsights | undefined;
  private requested = 0;
  private applied = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly didRender = new vscode.EventEmitter<RenderedInsights>();
  /** Fires each time the page has drawn insights, with what it shows. */
  readonly onDidRender = this.didRender.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly lsp: PostmortemLanguageClient,
    actionItems: ActionItemsProvider,
  ) {
    this.disposables.push(
      this.didRender,
      actionItems.onDidChangeIndex(() => this.scheduleRefresh()),
      vscode.window.registerWebviewPanelSerializer(insightsViewType, {
        deserializeWebviewPanel: (panel) => {
          this.adopt(panel);
          return Promise.resolve();
        },
      }),
    );
  }

  /** Opens the panel, or brings it forward with fresh insights. */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      this.scheduleRefresh(0);
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(insightsViewType, 'Postmortem Insights', vscode.ViewColumn.Active));
  }

  /** What the page drew last, for the in-editor tests. */
  rendered(): RenderedInsights | undefined {
    return this.lastRendered;
  }

  /** The page's HTML as the extension wrote it (its CSP, its script), for the in-editor tests. */
  html(): string | undefined {
    return this.panel?.webview.html;
  }

  /** Clicks the page's link to a postmortem (at a line), as a user would; false when the panel is not open. */
  clickPostmortem(path: string, line?: number): Promise<boolean> {
    return this.post({ type: 'clickPostmortem', path, line });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    // What an earlier page drew is not on this one.
    this.lastRendered = undefined;
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [scripts] };
    panel.webview.html = pageHtml(panel.webview, vscode.Uri.joinPath(scripts, 'insights.js'));
    const listening = panel.webview.onDidReceiveMessage((message: FromInsightsWebview) => void this.received(message));
    panel.onDidDispose(() => {
      listening.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private async received(message: FromInsightsWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A page shown again (its webview reloaded) gets what was last read at once, then what the server reads now.
        if (this.latest) await this.post(this.insightsMessage(this.latest));
        return this.refresh();
      case 'open':
        return this.open(message.path, message.line);
      case 'rendered':
        this.lastRendered = message.content;
        this.didRender.fire(message.content);
        return;
    }
  }

  /** Only a postmortem the insights name is opened: the page asks, the extension decides. */
  private async open(path: string, line: number | undefined): Promise<void> {
    if (!this.latest || !namedPaths(this.latest).has(path)) return;
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.file(path), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
  }

  private scheduleRefresh(delay = refreshDelayMs): void {
    if (!this.panel) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const sequence = ++this.requested;
    try {
      const client = await this.lsp.ready();
      const insights = await client.sendRequest(insightsRequest, { palette: themePalette });
      if (sequence < this.applied) return;
      this.applied = sequence;
      this.latest = insights;
      await this.post(this.insightsMessage(insights));
    } catch (error) {
      this.lsp.output.error(`Reading the insights failed: ${String(error)}`);
      await this.post({ type: 'error', message: `The insights could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private insightsMessage(insights: InsightsResult): ToInsightsWebview {
    const labels = Object.fromEntries([...namedPaths(insights)].map((path) => [path, vscode.workspace.asRelativePath(vscode.Uri.file(path))]));
    return { type: 'insights', insights, labels };
  }

  private async post(message: ToInsightsWebview): Promise<boolean> {
    return (await this.panel?.webview.postMessage(message)) ?? false;
  }
}

/** Every postmortem the report links to. */
function namedPaths({ report }: InsightsResult): Set<string> {
  return new Set([
    ...report.recurring.flatMap((group) => group.postmortems),
    ...report.followUps.map((item) => item.filePath),
    ...report.repeatedActionItems.flatMap((repeated) => repeated.occurrences.map((occurrence) => occurrence.filePath)),
  ]);
}

function pageHtml(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Postmortem Insights</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 0 1.5rem 2rem; }
h1 { font-size: 1.5em; font-weight: 600; }
h2 { font-size: 1.15em; font-weight: 600; margin-top: 2rem; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.25rem; }
.chart-row { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
figure { margin: 0; flex: 1 1 30rem; max-width: 720px; }
svg { width: 100%; height: auto; color: var(--vscode-descriptionForeground); font-size: 11px; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid var(--vscode-panel-border); padding: 0.2rem 0.5rem; text-align: left; }
th { background: var(--vscode-editorWidget-background); }
a { color: var(--vscode-textLink-foreground); cursor: pointer; }
a:hover { color: var(--vscode-textLink-activeForeground); }
.summary, .empty { color: var(--vscode-descriptionForeground); }
.error { color: var(--vscode-errorForeground); }
li { margin: 0.2rem 0; }
</style>
</head>
<body>
<h1>Postmortem insights</h1>
<main id="insights"><p class="summary">Reading the postmortems…</p></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}
