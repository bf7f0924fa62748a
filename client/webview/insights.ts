// The Insights panel's page: draws the insights the extension sends (charts as the server drew them, each beside its
// table), keeps them as the webview's state so a reload shows them at once, and asks the extension to open a
// postmortem when its link is clicked. Runs in the webview, with no access to the workspace.
import type { InsightsResult } from '../../server/src/protocol';
import type { FromInsightsWebview, RenderedInsights, ToInsightsWebview } from '../src/insights-messages';

interface WebviewApi {
  postMessage(message: FromInsightsWebview): void;
  getState(): unknown;
  setState(state: ShownInsights): void;
}

declare function acquireVsCodeApi(): WebviewApi;

/** What the page shows, kept as the webview's state. */
interface ShownInsights {
  insights: InsightsResult;
  /** Each postmortem's path as the workspace names it, by absolute path. */
  labels: Record<string, string>;
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('insights') as HTMLElement;

function isShownInsights(value: unknown): value is ShownInsights {
  if (typeof value !== 'object' || value === null || !('insights' in value) || !('labels' in value)) return false;
  const { insights } = value;
  return typeof insights === 'object' && insights !== null && 'report' in insights && 'charts' in insights && Array.isArray(insights.charts);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className !== undefined) created.className = className;
  return created;
}

function table(headers: readonly string[], rows: readonly (readonly (string | Node)[])[]): HTMLTableElement {
  const created = element('table');
  const head = created.createTHead().insertRow();
  for (const header of headers) head.append(element('th', header));
  const body = created.createTBody();
  for (const row of rows) {
    const tableRow = body.insertRow();
    for (const cell of row) tableRow.insertCell().append(cell);
  }
  return created;
}

/** The server's SVG, parsed as SVG: no markup of it is read as HTML. */
function svgOf(markup: string): Node {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  return document.importNode(parsed, true);
}

function link(shown: ShownInsights, path: string, line?: number): HTMLAnchorElement {
  const label = shown.labels[path] ?? path;
  const anchor = element('a', line === undefined ? label : `${label}:${line}`);
  anchor.href = '#';
  anchor.title = path;
  anchor.dataset.path = path;
  if (line !== undefined) anchor.dataset.line = String(line);
  return anchor;
}

function section(title: string, ...content: Node[]): HTMLElement {
  const created = element('section');
  created.append(element('h2', title), ...content);
  return created;
}

function list<T>(items: readonly T[], empty: string, render: (item: T) => Node[]): Node {
  if (items.length === 0) return element('p', empty, 'empty');
  const created = element('ul');
  for (const item of items) {
    const entry = element('li');
    entry.append(...render(item));
    created.append(entry);
  }
  return created;
}

function render(shown: ShownInsights): void {
  const { report, charts, today } = shown.insights;
  const parts: Node[] = [element('p', `${report.postmortems} postmortem${report.postmortems === 1 ? '' : 's'} in the workspace, counted to ${today}.`, 'summary')];
  for (const chart of charts) {
    const row = element('div', undefined, 'chart-row');
    const figure = element('figure');
    figure.append(svgOf(chart.svg));
    row.append(figure, table(chart.table.headers, chart.table.rows));
    parts.push(section(chart.title, row));
  }
  parts.push(
    section(
      'Recurring causes',
      list(report.recurring, 'No cause recurs.', (group) => [element('strong', group.theme || 'Shared cause'), document.createTextNode(` (${group.postmortems.length} postmortems)`), list(group.postmortems, '', (path) => [link(shown, path)])]),
    ),
    section(
      'Due for follow-up review',
      report.followUps.length === 0
        ? element('p', 'No P0 or P1 item is due for review.', 'empty')
        : table(['Priority', 'Days open', 'Owner', 'Action item', 'Postmortem'], report.followUps.map((item) => [item.priority, String(item.daysOpen), item.owner ?? '', item.text, link(shown, item.filePath, item.line)])),
    ),
    section(
      'Repeated action items',
      list(report.repeatedActionItems, 'No action item repeats.', (repeated) => [document.createTextNode(repeated.text), list(repeated.occurrences, '', (occurrence) => [link(shown, occurrence.filePath, occurrence.line), document.createTextNode(` (${occurrence.status})`)])]),
    ),
  );
  root.replaceChildren(...parts);
  vscode.postMessage({ type: 'rendered', content: renderedContent() });
}

function renderedContent(): RenderedInsights {
  return {
    charts: [...root.querySelectorAll('.chart-row')].map((row) => row.parentElement?.querySelector('h2')?.textContent ?? ''),
    svgs: root.querySelectorAll('svg').length,
    tables: root.querySelectorAll('.chart-row table').length,
    links: [...root.querySelectorAll<HTMLAnchorElement>('a[data-path]')].map((anchor) => ({ path: anchor.dataset.path ?? '', line: lineOf(anchor) })),
  };
}

root.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-path]') : null;
  if (!anchor?.dataset.path) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', path: anchor.dataset.path, line: lineOf(anchor) });
});

function lineOf(anchor: HTMLAnchorElement): number | undefined {
  const line = Number(anchor.dataset.line);
  return Number.isInteger(line) && line > 0 ? line : undefined;
}

window.addEventListener('message', (event: MessageEvent<ToInsightsWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'insights': {
      const shown = { insights: message.insights, labels: message.labels };
      vscode.setState(shown);
      render(shown);
      break;
    }
    case 'error':
      root.replaceChildren(element('p', message.message, 'error'));
      break;
    case 'clickPostmortem':
      [...root.querySelectorAll<HTMLAnchorElement>('a[data-path]')].find((anchor) => anchor.dataset.path === message.path && lineOf(anchor) === message.line)?.click();
      break;
  }
});

// After a reload the last insights show at once; the extension sends fresh ones when it hears the page is ready.
const state = vscode.getState();
if (isShownInsights(state)) render(state);
vscode.postMessage({ type: 'ready' });
