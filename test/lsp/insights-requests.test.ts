// LSP protocol tests of the cross-postmortem requests: the follow-up review fact on each action item, and the
// insights report with its charts, both from the indexed workspace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionItemsRequest, insightsRequest } from '../../server/src/protocol';
import { themePalette } from '../../client/src/insights-palette';
import { startServer, type TestServer } from './harness';

/** A date some days before today, `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

function postmortem(title: string, date: string, severity: string, rootCause: string, actions: string[]): string {
  return [`# Postmortem: ${title}`, '', `**Date**: ${date}`, `**Severity**: ${severity}`, '', '## Timeline', '', '- 09:00 Traffic rises', '- 09:10 Alert fires', '- 09:30 Workers restarted', '- 10:00 Incident resolved', '', '## Root cause', '', rootCause, '', '## Action items', '', ...actions, ''].join('\n');
}

const palette = themePalette;

let workspace: string;
let paths: { first: string; second: string; recent: string };

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pm-insights-'));
  const folder = join(workspace, 'postmortems');
  mkdirSync(folder);
  paths = { first: join(folder, 'orders-pool.md'), second: join(folder, 'billing-pool.md'), recent: join(folder, 'dns.md') };
  writeFileSync(paths.first, postmortem('Orders pool', '2024-01-10', 'SEV-1', 'The database connection pool was exhausted by a nightly export that held every connection open.', ['- [ ] [P1] Alert when pool usage stays above 80% — @ana, due 2024-02-01', '- [ ] [P2] Document the export schedule — @bo']));
  writeFileSync(paths.second, postmortem('Billing pool', '2024-03-05', 'SEV-2', 'All connections in the database pool were held by a batch job, so requests waited and timed out.', ['- [x] [P0] Cap the batch job at ten connections — @bo, due 2024-03-10']));
  writeFileSync(paths.recent, postmortem('DNS record', daysAgo(5), 'SEV-3', 'A CNAME record was removed by hand while the zone was tidied.', ['- [ ] [P0] Keep the zone in code — @cy']));
});

after(() => rmSync(workspace, { recursive: true, force: true }));

async function withServer(body: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer({ workspace });
  try {
    await server.indexed;
    await body(server);
  } finally {
    await server.stop();
  }
}

test('each action item says whether its postmortem is due for the follow-up review: open P0 and P1 items, 30 days on', async () => {
  await withServer(async (server) => {
    const { items } = await server.connection.sendRequest(actionItemsRequest, { includeDone: true });
    const facts = items.map((item) => [item.description, item.postmortemDate, item.dueForFollowUp]).sort();
    assert.deepEqual(facts, [
      ['Alert when pool usage stays above 80%', '2024-01-10', true],
      ['Cap the batch job at ten connections', '2024-03-05', false],
      ['Document the export schedule', '2024-01-10', false],
      ['Keep the zone in code', daysAgo(5), false],
    ]);
  });
});

test('the follow-up review comes sooner when the config says so', async () => {
  const config = join(workspace, '.postmortemrc.json');
  writeFileSync(config, JSON.stringify({ insights: { followUpDays: 3 } }));
  try {
    await withServer(async (server) => {
      const { items } = await server.connection.sendRequest(actionItemsRequest, {});
      assert.deepEqual(items.filter((item) => item.dueForFollowUp).map((item) => item.description).sort(), ['Alert when pool usage stays above 80%', 'Keep the zone in code']);
      const { report } = await server.connection.sendRequest(insightsRequest, { palette });
      assert.deepEqual(report.followUps.map((item) => item.text).sort(), ['Alert when pool usage stays above 80%', 'Keep the zone in code']);
    });
  } finally {
    rmSync(config);
  }
});

test('the insights request reports the indexed postmortems, with charts drawn in the colours the client names', async () => {
  await withServer(async (server) => {
    const { report, charts, today } = await server.connection.sendRequest(insightsRequest, { palette });
    assert.equal(today, daysAgo(0));
    assert.equal(report.postmortems, 3);
    assert.deepEqual(report.recurring.map((group) => group.postmortems), [[paths.first, paths.second]]);
    assert.deepEqual(report.followUps.map((item) => [item.filePath, item.line, item.priority, item.owner]), [[paths.first, 19, 'P1', '@ana']]);
    assert.deepEqual(report.metrics.byMonth.slice(0, 2).map((month) => [month.month, month.bySeverity, month.ttdMedianMinutes, month.ttrMedianMinutes]), [
      ['2024-01', { 'SEV-1': 1 }, 10, 60],
      ['2024-03', { 'SEV-2': 1 }, 10, 60],
    ]);
    assert.deepEqual(report.actionItems.overdueByOwner, [{ owner: '@ana', overdue: 1 }]);
    assert.deepEqual(charts.map((chart) => chart.id), ['severity', 'timeToRecover', 'actionItems', 'overdueByOwner']);
    const severity = charts[0];
    assert.match(severity.svg, /^<svg [^>]*role="img"/);
    assert.match(severity.svg, /fill="var\(--vscode-charts-red\)"><title>2024-01 SEV-1: 1<\/title>/);
    assert.doesNotMatch(charts.map((chart) => chart.svg).join(''), /#[0-9a-f]{6}/i);
    assert.deepEqual(severity.table.headers, ['Month', 'Postmortems', 'SEV-1', 'SEV-2', 'SEV-3']);
    assert.deepEqual(severity.table.rows[0], ['2024-01', '1', '1', '0', '0']);
  });
});
