// postmortem-lint insights, end to end: the JSON shape, Markdown, self-contained HTML, --since and bad options.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsolute } from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli, tempFolder } from './cli-e2e-support';

const folder = tempFolder();
after(() => folder.remove());

function postmortem(title: string, date: string, rootCause: string, actions: string[]): string {
  return [`# Postmortem: ${title}`, '', `**Date**: ${date}`, '**Severity**: SEV-2', '', '## Timeline', '', '- 09:00 Deploy starts', '- 09:12 Alert fires', '- 09:40 Rolled back', '- 10:00 Incident resolved', '', '## Root cause', '', rootCause, '', '## Action items', '', ...actions, ''].join('\n');
}

const first = folder.put('postmortems/2025-02-03-pool.md', postmortem('Checkout pool', '2025-02-03', 'The database connection pool was exhausted by a report job that held every connection.', ['- [ ] [P1] Alert when pool usage stays above 80% — @ana, due 2025-03-01']));
const second = folder.put('postmortems/2025-04-09-pool-again.md', postmortem('Orders pool', '2025-04-09', 'All connections in the database pool were in use by a batch job, and requests timed out.', ['- [x] [P1] Add an alert when pool usage is above 80 percent — @bo, due 2025-05-01']));
folder.put('postmortems/2025-06-12-dns.md', postmortem('DNS', '2025-06-12', 'A CNAME record was deleted by hand during a cleanup of the zone.', ['- [ ] [P2] Keep DNS records in code — @cy, due 2025-09-01']));

interface Report {
  postmortems: number;
  recurring: { theme: string; postmortems: string[] }[];
  repeatedActionItems: { text: string; occurrences: { filePath: string; line: number }[] }[];
  followUps: { filePath: string; line: number; text: string; priority: string; daysOpen: number }[];
  metrics: { byMonth: { month: string; count: number; bySeverity: Record<string, number>; ttdMedianMinutes: number | null; ttmMedianMinutes: number | null; ttrMedianMinutes: number | null }[] };
  actionItems: { byMonth: { month: string; opened: number; done: number }[]; overdueByOwner: { owner: string | null; overdue: number }[] };
}

function json(args: string[]): Report {
  const run = runCli(folder.root, ['insights', '--format', 'json', '--today', '2025-07-01', ...args]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

describe('postmortem-lint insights', () => {
  it('prints the JSON shape: counts, groups and occurrences with absolute paths and 1-based lines', () => {
    const report = json([]);
    assert.equal(report.postmortems, 3);
    assert.deepEqual(report.recurring.map((group) => group.postmortems), [[first, second]]);
    assert.ok(report.recurring[0].theme.length > 0);
    assert.equal(report.repeatedActionItems.length, 1);
    for (const occurrence of report.repeatedActionItems[0].occurrences) {
      assert.ok(isAbsolute(occurrence.filePath));
      assert.match(readFileSync(occurrence.filePath, 'utf8').split('\n')[occurrence.line - 1], /pool usage/);
    }
    assert.deepEqual(report.followUps.map((item) => [item.filePath, item.text, item.priority, item.daysOpen]), [[first, 'Alert when pool usage stays above 80%', 'P1', 148]]);
    assert.deepEqual(report.metrics.byMonth.map((month) => [month.month, month.count, month.bySeverity, month.ttdMedianMinutes, month.ttmMedianMinutes, month.ttrMedianMinutes]), [
      ['2025-02', 1, { 'SEV-2': 1 }, 12, 40, 60],
      ['2025-04', 1, { 'SEV-2': 1 }, 12, 40, 60],
      ['2025-06', 1, { 'SEV-2': 1 }, 12, 40, 60],
    ]);
    assert.deepEqual(report.actionItems, {
      byMonth: [
        { month: '2025-02', opened: 1, done: 0 },
        { month: '2025-04', opened: 1, done: 1 },
        { month: '2025-06', opened: 1, done: 0 },
      ],
      overdueByOwner: [{ owner: '@ana', overdue: 1 }],
    });
  });

  it('reads only postmortems dated on or after --since', () => {
    const report = json(['--since', '2025-04-01']);
    assert.equal(report.postmortems, 2);
    assert.deepEqual(report.recurring, []);
  });

  it('writes Markdown with a section per insight', () => {
    const run = runCli(folder.root, ['insights', '--today', '2025-07-01']);
    assert.equal(run.status, 0, run.stderr);
    for (const heading of ['## Recurring causes', '## Repeated action items', '## Due for follow-up review', '## By month', '## Action items by month', '## Overdue action items by owner']) assert.ok(run.stdout.includes(heading), heading);
    assert.ok(run.stdout.includes(`${first}:`) || run.stdout.includes(first));
    assert.match(run.stdout, /\| 2025-02 \| 1 \| 1 \| 12 \/ 12 \| 40 \/ 40 \| 60 \/ 60 \|/);
  });

  it('writes one self-contained HTML page with SVG charts and no remote content', () => {
    const run = runCli(folder.root, ['insights', '--format', 'html', '--today', '2025-07-01']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    // Severity, times to recover, action items opened and done, overdue by owner: each with its table of figures.
    assert.equal((run.stdout.match(/<svg /g) ?? []).length, 4);
    assert.equal((run.stdout.match(/<\/svg><table>/g) ?? []).length, 4);
    assert.match(run.stdout, /<td>@ana<\/td><td>1<\/td>/);
    assert.match(run.stdout, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(run.stdout, /<script|\s(src|href)=["']?https?:/i);
    assert.ok(run.stdout.includes('2025-04-09-pool-again.md'));
  });

  it('rejects an unknown format and a malformed --since', () => {
    assert.equal(runCli(folder.root, ['insights', '--format', 'csv']).status, 2);
    const run = runCli(folder.root, ['insights', '--since', '2025-13-01']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--since must be a date/);
  });
});
