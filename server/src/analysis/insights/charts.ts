// Charts as generated SVG: a stacked bar chart and a line chart over categories (months, owners), each with a legend
// and a title per mark, so a page needs no script and no charting library. Axes and labels are drawn in
// `currentColor`, so the page that shows a chart sets its text colour (a theme's foreground, or print black).

export interface ChartSeries {
  name: string;
  /** One value per category; null where there is none. */
  values: (number | null)[];
  /** Any SVG paint: `#c0392b`, or a theme's CSS variable such as `var(--vscode-charts-red)`. */
  colour: string;
  /** A dashed line, for a second figure of the same measure (a p90 beside its median). */
  dashed?: boolean;
}

export interface Chart {
  title: string;
  /** The x axis labels. */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Appended to each mark's value in its tooltip (` min`). */
  unit?: string;
}

const width = 720;
const height = 240;
const margin = { top: 16, right: 16, bottom: 40, left: 48 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
const legendSpacing = 110;

/** Bars per category, the series stacked on each other. */
export function barChart({ title, categories, series, unit = '' }: Chart): string {
  const totals = categories.map((_, index) => series.reduce((sum, one) => sum + (one.values[index] ?? 0), 0));
  const top = niceMaximum(Math.max(0, ...totals));
  const slot = plotWidth / Math.max(1, categories.length);
  const bars: string[] = [];
  categories.forEach((category, index) => {
    let base = 0;
    for (const one of series) {
      const value = one.values[index] ?? 0;
      if (value === 0) continue;
      const y = margin.top + plotHeight - ((base + value) / top) * plotHeight;
      const barHeight = (value / top) * plotHeight;
      bars.push(`<rect x="${(margin.left + index * slot + slot * 0.15).toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${one.colour}"><title>${escapeHtml(`${category} ${one.name}: ${value}${unit}`)}</title></rect>`);
      base += value;
    }
  });
  return svg(title, [...axes(categories, top), ...bars, ...legend(series)]);
}

/** A line per series across the categories, with a dot on each value. */
export function lineChart({ title, categories, series, unit = '' }: Chart): string {
  const top = niceMaximum(Math.max(0, ...series.flatMap((one) => one.values.filter((value): value is number => value !== null))));
  const slot = plotWidth / Math.max(1, categories.length);
  const x = (index: number) => margin.left + index * slot + slot / 2;
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const marks: string[] = [];
  for (const one of series) {
    const points = one.values.flatMap((value, index) => (value === null ? [] : [{ index, value }]));
    const dash = one.dashed ? ' stroke-dasharray="5 3"' : '';
    if (points.length > 1) marks.push(`<polyline fill="none" stroke="${one.colour}" stroke-width="2"${dash} points="${points.map((point) => `${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ')}"/>`);
    for (const point of points) marks.push(`<circle cx="${x(point.index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3" fill="${one.colour}"><title>${escapeHtml(`${categories[point.index]} ${one.name}: ${point.value}${unit}`)}</title></circle>`);
  }
  return svg(title, [...axes(categories, top), ...marks, ...legend(series)]);
}

function svg(title: string, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height + 24}" viewBox="0 0 ${width} ${height + 24}"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

function axes(categories: readonly string[], top: number): string[] {
  const slot = plotWidth / Math.max(1, categories.length);
  const baseline = margin.top + plotHeight;
  const parts = [`<line x1="${margin.left}" y1="${baseline}" x2="${width - margin.right}" y2="${baseline}" stroke="currentColor" stroke-opacity="0.5"/>`];
  for (const fraction of [0, 0.5, 1]) {
    const y = baseline - fraction * plotHeight;
    parts.push(`<text x="${margin.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="currentColor">${formatNumber(top * fraction)}</text>`);
  }
  categories.forEach((category, index) => parts.push(`<text x="${(margin.left + index * slot + slot / 2).toFixed(1)}" y="${baseline + 16}" text-anchor="middle" fill="currentColor">${escapeHtml(category)}</text>`));
  return parts;
}

function legend(series: readonly ChartSeries[]): string[] {
  return series.map((one, index) => {
    const x = margin.left + index * legendSpacing;
    const y = height + 8;
    return `<rect x="${x}" y="${y}" width="10" height="10" fill="${one.colour}"/><text x="${x + 14}" y="${y + 9}" fill="currentColor">${escapeHtml(one.name)}</text>`;
  });
}

/** The axis top: the maximum rounded up to 1, 2 or 5 times a power of ten, never zero. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
