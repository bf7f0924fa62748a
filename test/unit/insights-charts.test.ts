// The report's action item figures and its charts: what the command line's HTML file and the editor's panel draw.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildInsights, insightsCharts, insightsReport, isDueForFollowUp, type ChartPalette, type InsightsDocument } from '../../server/src/analysis';
import { barChart, lineChart, niceMaximum } from '../../server/src/analysis/insights/charts';

function postmortem(name: string, date: string, severity: string, actions: string[]): InsightsDocument {
  const text = [`# Postmortem: ${name}`, '', `**Date**: ${date}`, `**Severity**: ${severity}`, '', '## Root cause', '', `The ${name} service ran out of memory.`, '', '## Action items', '', ...actions, ''].join('\n');
  const path = `/team/postmortems/${name}.md`;
  const { model } = analyze(text, { path, force: true, today: '2025-06-01' });
  assert.ok(model);
  return { path, model };
}

const documents = [
  postmortem('search', '2025-01-10', 'SEV-1', ['- [ ] [P1] Add a memory alert — @Ana, due 2025-02-01', '- [x] [P2] Raise the heap limit — @bo, due 2025-01-20', '- [ ] [P2] Write a runbook — due 2025-03-01']),
  postmortem('billing', '2025-01-25', 'SEV-3', ['| Action | Owner | Due | Priority | Status |', '|---|---|---|---|---|', '| Cap the cache size | @ana, @bo | 2025-02-10 | P0 | Open |']),
  postmortem('email', '2025-03-02', 'banana', ['- [x] [P1] Profile the worker — @cy, due 2025-03-20', '- [ ] [P1] Load test the worker — @cy, due 2099-01-01']),
];

const report = insightsReport(buildInsights(documents, { today: '2025-06-01' }));

const palette: ChartPalette = { red: 'RED', orange: 'ORANGE', yellow: 'YELLOW', green: 'GREEN', blue: 'BLUE', purple: 'PURPLE', grey: 'GREY' };

describe('action item figures', () => {
  it('counts the items each month\'s postmortems opened, and how many are done', () => {
    assert.deepEqual(report.actionItems.byMonth, [
      { month: '2025-01', opened: 4, done: 1 },
      { month: '2025-03', opened: 2, done: 1 },
    ]);
  });

  it('counts overdue items by owner, one person however written, an item with two owners for each, no owner last', () => {
    assert.deepEqual(report.actionItems.overdueByOwner, [
      { owner: '@Ana', overdue: 2 },
      { owner: '@bo', overdue: 1 },
      { owner: null, overdue: 1 },
    ]);
  });

  it('the follow-up review: open P0 and P1 items, from the configured number of days after the postmortem', () => {
    assert.equal(isDueForFollowUp({ status: 'open', priority: 1 }, '2025-01-10', '2025-02-09'), true);
    assert.equal(isDueForFollowUp({ status: 'open', priority: 1 }, '2025-01-10', '2025-02-08'), false);
    assert.equal(isDueForFollowUp({ status: 'open', priority: 1 }, '2025-01-10', '2025-01-15', 5), true);
    assert.equal(isDueForFollowUp({ status: 'open', priority: 2 }, '2025-01-10', '2025-06-01'), false);
    assert.equal(isDueForFollowUp({ status: 'done', priority: 0 }, '2025-01-10', '2025-06-01'), false);
    assert.equal(isDueForFollowUp({ status: 'open', priority: 0 }, undefined, '2025-06-01'), false);
  });
});

describe('report charts', () => {
  const charts = insightsCharts(report, palette);

  it('draws four charts in the page\'s colours, each with the table of its figures', () => {
    assert.deepEqual(charts.map((chart) => chart.id), ['severity', 'timeToRecover', 'actionItems', 'overdueByOwner']);
    const [severity, times, actionItems, overdue] = charts;
    // The scale's order, worst first, in its colours; a severity the scale does not know comes last, in grey.
    assert.deepEqual(severity.table.headers, ['Month', 'Postmortems', 'SEV-1', 'SEV-3', 'unknown']);
    assert.deepEqual(severity.table.rows, [['2025-01', '2', '1', '1', '0'], ['2025-03', '1', '0', '0', '1']]);
    assert.match(severity.svg, /fill="RED"><title>2025-01 SEV-1: 1<\/title>/);
    assert.match(severity.svg, /fill="GREY"><title>2025-03 unknown: 1<\/title>/);
    assert.deepEqual(times.table.headers, ['Month', 'TTD median', 'TTD p90', 'TTM median', 'TTM p90', 'TTR median', 'TTR p90']);
    assert.deepEqual(actionItems.table.rows, [['2025-01', '4', '1'], ['2025-03', '2', '1']]);
    assert.match(actionItems.svg, /fill="GREEN"><title>2025-01 Done: 1<\/title>/);
    assert.match(actionItems.svg, /fill="YELLOW"><title>2025-01 Still open: 3<\/title>/);
    assert.deepEqual(overdue.table.rows, [['@Ana', '2'], ['@bo', '1'], ['No owner', '1']]);
  });

  it('draws no colour of its own: axes and labels take the page\'s text colour', () => {
    const paints = charts.flatMap((chart) => [...chart.svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((match) => match[1]));
    assert.ok(paints.includes('currentColor'));
    assert.deepEqual(paints.filter((paint) => !Object.values(palette).includes(paint) && paint !== 'currentColor' && paint !== 'none'), []);
  });
});

describe('SVG charts', () => {
  it('stack bars to the nice maximum of the totals, and escape what they print', () => {
    const svg = barChart({ title: 'A <b> chart', categories: ['x & y', 'z'], series: [{ name: 'one', values: [1, 3], colour: 'C1' }, { name: 'two', values: [2, null], colour: 'C2' }] });
    assert.match(svg, /<title>A &lt;b&gt; chart<\/title>/);
    assert.match(svg, />x &amp; y<\/text>/);
    assert.equal((svg.match(/<rect [^>]*fill="C[12]"><title>/g) ?? []).length, 3);
    assert.match(svg, /text-anchor="end" fill="currentColor">5<\/text>/);
  });

  it('draw a dashed line for a second figure, and leave a gap where a month has none', () => {
    const svg = lineChart({ title: 'Times', categories: ['a', 'b', 'c'], series: [{ name: 'median', values: [1, null, 3], colour: 'C1' }, { name: 'p90', values: [2, 4, null], colour: 'C1', dashed: true }], unit: ' min' });
    assert.equal((svg.match(/stroke-dasharray/g) ?? []).length, 1);
    assert.equal((svg.match(/<circle /g) ?? []).length, 4);
    assert.match(svg, /<title>b p90: 4 min<\/title>/);
  });

  it('round the axis top up to 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual([0, 3, 7, 12, 250].map(niceMaximum), [1, 5, 10, 20, 500]);
  });
});
