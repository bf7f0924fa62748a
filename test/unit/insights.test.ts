// Insights across postmortems: recurring causes, repeated action items, follow-up reviews and monthly trends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, buildInsights, insightsReport, type InsightsDocument } from '../../server/src/analysis';
import { causeTextOf } from '../../server/src/analysis/insights/documents';
import { causeTerms } from '../../server/src/analysis/insights/recurring-causes';
import { causeReading, itemReading, TermReader } from '../../server/src/analysis/insights/terms';
import { percentile } from '../../server/src/analysis/insights/trends';
import { repoRoot } from './cli-e2e-support';

interface Draft {
  name: string;
  date: string;
  severity?: string;
  rootCause: string;
  actions?: string[];
  timeline?: string[];
  services?: string;
}

function postmortem(draft: Draft): InsightsDocument {
  const text = [
    `# Postmortem: ${draft.name}`,
    '',
    `**Date**: ${draft.date}`,
    `**Severity**: ${draft.severity ?? 'SEV-2'}`,
    ...(draft.services === undefined ? [] : [`**Services**: ${draft.services}`]),
    '',
    '## Timeline',
    '',
    ...(draft.timeline ?? []),
    '',
    '## Root cause',
    '',
    draft.rootCause,
    '',
    '## Action items',
    '',
    ...(draft.actions ?? []),
    '',
  ].join('\n');
  const path = `/team/postmortems/${draft.name}.md`;
  const { model } = analyze(text, { path, force: true, today: '2026-01-01' });
  assert.ok(model);
  return { path, model };
}

const collection = [
  postmortem({ name: 'pool-a', date: '2025-01-10', rootCause: 'The connection pool of the billing service was exhausted by a batch job that held its connections.' }),
  postmortem({ name: 'pool-b', date: '2025-02-10', rootCause: 'All connections in the database pool were in use, so requests waited for a free connection and timed out.' }),
  postmortem({ name: 'pool-c', date: '2025-03-10', rootCause: 'The workers ran out of available database connections because a slow query kept them open; the pool was empty.' }),
  postmortem({ name: 'cert-a', date: '2025-01-20', rootCause: 'The TLS certificate of the login page expired because its renewal was done by hand.' }),
  postmortem({ name: 'cert-b', date: '2025-04-20', rootCause: 'Browsers rejected the shop because its certificate had expired; renewal was a manual step nobody owned.' }),
  postmortem({ name: 'key', date: '2025-05-20', rootCause: 'The API key for the geocoding vendor expired after one year and was not rotated.' }),
  postmortem({ name: 'cron', date: '2025-06-20', rootCause: 'A scheduled job ran twice after the clocks changed, charging customers twice.' }),
  postmortem({ name: 'deploy', date: '2025-07-20', rootCause: 'A release removed a column that the mobile app still read, and the app crashed on launch.' }),
];

function groupNames(documents: readonly InsightsDocument[]): string[][] {
  return buildInsights(documents, { today: '2026-01-01' }).recurring.map((group) => group.members.map((index) => basename(documents[index].path, '.md')));
}

describe('recurring causes', () => {
  it('groups postmortems that state one cause in different words', () => {
    const groups = groupNames(collection);
    assert.ok(groups.some((group) => ['pool-a', 'pool-b', 'pool-c'].every((name) => group.includes(name)) && group.length === 3), JSON.stringify(groups));
  });

  it('keeps an expired API key apart from expired certificates', () => {
    const groups = groupNames(collection);
    assert.ok(!groups.some((group) => group.includes('key')), JSON.stringify(groups));
    assert.ok(groups.some((group) => group.includes('cert-a') && group.includes('cert-b')), JSON.stringify(groups));
  });

  it('labels a group with words its members share', () => {
    const insights = buildInsights(collection, { today: '2026-01-01' });
    const pool = insights.recurring.find((group) => group.members.some((index) => insights.documents[index].path.endsWith('pool-a.md')));
    assert.ok(pool);
    assert.match(pool.theme, /\b(pool|connections?)\b/);
  });

  it('leaves two postmortems alone apart when they share a word or two by chance', () => {
    const providers = [
      postmortem({ name: 'payments', date: '2025-01-08', rootCause: 'Our payment provider refused connections from our egress addresses after it rotated its firewall allowlist.' }),
      postmortem({ name: 'emails', date: '2025-10-21', rootCause: 'The email provider suspended our sending domain after a spike of bounces from a bad import of addresses.' }),
    ];
    assert.deepEqual(groupNames([...collection, ...providers]).filter((group) => group.includes('payments') || group.includes('emails')), []);
  });

  it('reads the words of the postmortem\'s own service name as where it happened, not as its cause', () => {
    const document = postmortem({ name: 'tokens', date: '2025-12-16', services: 'token-store, auth', rootCause: 'The token store evicted active login tokens when it reached its memory setting.' });
    const cause = causeTextOf(document);
    assert.deepEqual(cause.places, ['token-store', 'auth']);
    const terms = [...causeTerms(cause, new TermReader(causeReading)).keys()];
    assert.ok(!terms.includes('token') && !terms.includes('store'), terms.join(' '));
    assert.ok(terms.includes('evict') && terms.includes('memori'), terms.join(' '));
  });

  it('reads causes without words for spans of time and numbers, and action items with them', () => {
    const text = 'Retention was raised to one year on a volume sized for ninety days';
    assert.deepEqual(new TermReader(causeReading).terms(text), ['retent', 'rais', '~storage', 'size']);
    // "one" stems to "on".
    assert.deepEqual(new TermReader(itemReading).terms(text), ['retent', 'rais', 'on', 'year', '~storage', 'size', 'nineti', 'dai']);
  });

  it('a reader bounded to a number of words forgets them all past it, and reads on', () => {
    const reader = new TermReader(causeReading, 2);
    assert.deepEqual(reader.terms('Replicas lagged'), ['replica', 'lag']);
    assert.equal(reader.wordFor('replica'), 'replicas');
    reader.terms('alpha beta gamma');
    assert.deepEqual(reader.terms('delta'), ['delta']);
    assert.equal(reader.wordFor('replica'), 'replica');
  });

  it('reads the words and phrases of one infrastructure concept as one term', () => {
    const reader = new TermReader(causeReading);
    const termsOf = (text: string) => new Set(reader.terms(text));
    for (const text of ['The data volume reached 100% usage', 'The log disk was full', 'Builds ran out of space on the root filesystem', 'Writes failed with no space left on the partition']) {
      const terms = termsOf(text);
      assert.ok(terms.has('~storage') && terms.has('~full'), `${text}: ${[...terms].join(' ')}`);
    }
    // A share of requests is no fill level.
    assert.ok(!termsOf('100% of requests failed').has('~full'));
  });

  it('weighs what went wrong above where, in a cause', () => {
    const document = postmortem({ name: 'outage', date: '2025-02-01', rootCause: 'The disk was full.' });
    const terms = causeTerms(causeTextOf(document), new TermReader(causeReading));
    assert.equal(terms.get('~full'), 2 * (terms.get('~storage') ?? 0));
  });

  it('groups full disks worded differently and leaves a failing disk apart', () => {
    const disks = [
      postmortem({ name: 'disk-a', date: '2025-02-01', rootCause: 'Debug logging filled the log disk on every web host; writes failed with no space left on device.' }),
      postmortem({ name: 'disk-b', date: '2025-05-01', rootCause: 'The replica data volume reached 100% usage because old log segments were never removed.' }),
      postmortem({ name: 'disk-c', date: '2025-08-01', rootCause: 'The build machines ran out of disk space: cached images were never pruned and the filesystem was full.' }),
      postmortem({ name: 'disk-failing', date: '2025-09-01', rootCause: 'A failing disk in the storage array slowed every read; the array kept reading from the degraded disk.' }),
    ];
    const groups = groupNames([...collection, ...disks]);
    assert.ok(
      groups.some((group) => group.length === 3 && ['disk-a', 'disk-b', 'disk-c'].every((name) => group.includes(name))),
      JSON.stringify(groups),
    );
    assert.ok(!groups.some((group) => group.includes('disk-failing')), JSON.stringify(groups));
  });

  it('finds the planted groups of the labelled workspace', () => {
    const folder = join(repoRoot, 'test', 'fixtures', 'insights-workspace');
    const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as { groups: { id: string; postmortems: string[] }[] };
    const documents = readdirSync(join(folder, 'postmortems', '2025')).map((name) => {
      const path = join(folder, 'postmortems', '2025', name);
      const { model } = analyze(readFileSync(path, 'utf8'), { path, force: true, today: '2026-01-01' });
      assert.ok(model);
      return { path, model };
    });
    const groups = groupNames(documents).map((group) => group.map((name) => `${name}.md`));
    // Every planted cause is found whole and alone (see npm run eval:insights for the figures).
    const exact = labels.groups.filter((label) => groups.some((group) => group.length === label.postmortems.length && label.postmortems.every((name) => group.includes(name))));
    assert.deepEqual(exact.map((label) => label.id).sort(), ['certificate-expiry', 'connection-pool-exhaustion', 'disk-full', 'memory-leak', 'unreviewed-dns-change', 'unvalidated-config-push']);
  });
});

describe('repeated action items', () => {
  const documents = [
    postmortem({ name: 'one', date: '2025-01-05', rootCause: 'A disk filled up.', actions: ['- [x] [P1] Alert when disk usage passes 80% — @ana', '- [ ] [P2] Write the on-call handbook — @bo'] }),
    postmortem({ name: 'two', date: '2025-03-05', rootCause: 'A disk filled up again.', actions: ['- [ ] [P1] Add an alert when disk usage is above 80 percent — @ana'] }),
    postmortem({ name: 'three', date: '2025-05-05', rootCause: 'A queue backed up.', actions: ['- [ ] [P2] Review the queue consumer settings — @cy'] }),
  ];

  it('reports an item proposed again in a later postmortem, done or open, oldest first', () => {
    const report = insightsReport(buildInsights(documents, { today: '2026-01-01' }));
    assert.equal(report.repeatedActionItems.length, 1);
    const [repeated] = report.repeatedActionItems;
    assert.equal(repeated.text, 'Alert when disk usage passes 80%');
    assert.deepEqual(repeated.occurrences.map((occurrence) => [basename(occurrence.filePath), occurrence.status]), [['one.md', 'done'], ['two.md', 'open']]);
  });

  it('gives 1-based lines that hold the item', () => {
    const report = insightsReport(buildInsights(documents, { today: '2026-01-01' }));
    for (const occurrence of report.repeatedActionItems[0].occurrences) {
      const document = documents.find((candidate) => candidate.path === occurrence.filePath);
      assert.ok(document);
      assert.match(document.model.text.split('\n')[occurrence.line - 1], /disk usage/);
    }
  });
});

describe('repeated action items in other words', () => {
  const poolCause = 'Every connection in the database pool was in use and requests timed out.';
  const diskCause = 'The data disk was full and writes failed.';

  it('reports a pool alert proposed again as a page or a saturation alert, and keeps a disk alert apart', () => {
    const documents = [
      postmortem({ name: 'pool-1', date: '2025-01-05', rootCause: poolCause, actions: ['- [ ] [P1] Alert when connection pool usage stays above 80% — @ana', '- [ ] [P2] Give the batch job its own pool — @bo'] }),
      postmortem({ name: 'pool-2', date: '2025-03-05', rootCause: poolCause, actions: ['- [ ] [P0] Page the on-call engineer when the database pool is more than 80 percent busy — @ana'] }),
      postmortem({ name: 'pool-3', date: '2025-05-05', rootCause: poolCause, actions: ['- [ ] [P1] Add a saturation alert for the orders connection pool at 80% in use — @cy'] }),
      postmortem({ name: 'disk-1', date: '2025-07-05', rootCause: diskCause, actions: ['- [ ] [P1] Alert when disk usage passes 80% — @dee'] }),
    ];
    const repeated = buildInsights(documents, { today: '2026-01-01' }).repeatedActionItems;
    const occurrences = repeated.map((group) => group.occurrences.map((ref) => basename(documents[ref.document].path, '.md')));
    assert.deepEqual(occurrences, [['pool-1', 'pool-2', 'pool-3']]);
    assert.equal(repeated[0].text, 'Alert when connection pool usage stays above 80%');
  });

  it('reads checking and validating as one action in an item, and as words in a cause', () => {
    const text = 'Check the configuration against its schema; validate it before deploying';
    assert.deepEqual(new TermReader(itemReading).terms(text).filter((term) => term.startsWith('~')), ['~check', '~check']);
    assert.deepEqual(new TermReader(causeReading).terms(text).filter((term) => term.startsWith('~')), []);
  });

  it('reads paging the on-call as an alert, and a status page as a page', () => {
    const reader = new TermReader(itemReading);
    assert.ok(reader.terms('Page the on-call engineer when the queue lags').includes('~alert'));
    assert.ok(!reader.terms('Move the status page to another provider').includes('~alert'));
  });
});

describe('follow-up reviews', () => {
  const documents = [
    postmortem({ name: 'old', date: '2025-11-01', actions: ['- [ ] [P0] Fence the old primary — @ana', '- [ ] [P2] Tidy dashboards — @bo', '- [x] [P1] Add a runbook — @cy', '- [ ] [P1] Add a replica — @dee'], rootCause: 'Split brain.' }),
    postmortem({ name: 'recent', date: '2025-12-20', actions: ['- [ ] [P0] Patch the parser — @ana'], rootCause: 'A parser bug.' }),
  ];

  it('lists open P0 and P1 items of postmortems dated 30 or more days ago, with the days open', () => {
    const { followUps } = insightsReport(buildInsights(documents, { today: '2025-12-01' }));
    assert.deepEqual(followUps.map((item) => [item.text, item.priority, item.daysOpen, item.owner]), [['Fence the old primary', 'P0', 30, '@ana'], ['Add a replica', 'P1', 30, '@dee']]);
  });

  it('waits until the configured number of days has passed', () => {
    assert.equal(buildInsights(documents, { today: '2025-11-30' }).followUps.length, 0);
    assert.equal(buildInsights(documents, { today: '2025-12-21', followUpDays: 1 }).followUps.length, 3);
  });
});

describe('trends by month', () => {
  const timeline = (detect: string, mitigate: string) => ['- 10:00 Deploy starts', `- ${detect} Alert fires`, `- ${mitigate} Rolled back`, '- 11:30 Incident resolved'];
  const documents = [
    postmortem({ name: 'a', date: '2025-03-02', severity: 'SEV-1', rootCause: 'x', timeline: timeline('10:10', '10:30') }),
    postmortem({ name: 'b', date: '2025-03-20', severity: 'SEV-2', rootCause: 'y', timeline: timeline('10:20', '11:00') }),
    postmortem({ name: 'c', date: '2025-05-01', severity: 'SEV-2', rootCause: 'z', timeline: timeline('10:05', '10:15') }),
  ];

  it('counts postmortems by month and severity, with median and p90 minutes', () => {
    const { metrics } = insightsReport(buildInsights(documents, { today: '2026-01-01' }));
    assert.deepEqual(
      metrics.byMonth.map((month) => [month.month, month.count, month.bySeverity, month.ttdMedianMinutes, month.ttdP90Minutes, month.ttmMedianMinutes, month.ttrMedianMinutes]),
      [
        ['2025-03', 2, { 'SEV-1': 1, 'SEV-2': 1 }, 10, 20, 30, 90],
        ['2025-05', 1, { 'SEV-2': 1 }, 5, 5, 15, 90],
      ],
    );
  });

  it('leaves out postmortems dated before --since', () => {
    const insights = buildInsights(documents, { today: '2026-01-01', since: '2025-04-01' });
    assert.deepEqual(insights.documents.map((document) => basename(document.path)), ['c.md']);
  });

  it('takes the nearest-rank percentile, a value that occurred', () => {
    assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([], 90), undefined);
  });
});
