// The chart colours the Insights panel asks the server for. Pure: no vscode import, so the protocol tests use the same.
import type { ChartPalette } from '../../server/src/protocol';

/** The theme's chart colours, as the webview knows them: the charts follow a theme change with no new request. */
export const themePalette: ChartPalette = {
  red: 'var(--vscode-charts-red)',
  orange: 'var(--vscode-charts-orange)',
  yellow: 'var(--vscode-charts-yellow)',
  green: 'var(--vscode-charts-green)',
  blue: 'var(--vscode-charts-blue)',
  purple: 'var(--vscode-charts-purple)',
  grey: 'var(--vscode-charts-lines)',
};
