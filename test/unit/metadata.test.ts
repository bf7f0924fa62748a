// Metadata where writers put it: the incident date in front matter, label lines, a Date section or the title,
// and a severity asked for only from teams that grade their incidents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, defaultConfig, findDateIn, type Finding } from '../../server/src/analysis';

const today = '2025-06-01';
const model = (text: string) => {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return analysis.model;
};
const findingsOf = (text: string, ruleId: string, config = defaultConfig()): Finding[] => analyze(text, { force: true, today, config }).findings.filter((finding) => finding.ruleId === ruleId);
const body = '\n\n## Summary\n\nA queue consumer stalled and orders waited for forty minutes.\n';

test('the incident date is read from a title in the common shapes', () => {
  const titles: [string, string][] = [
    ['# March 3rd, 2022 Build Farm Outage', '2022-03-03'],
    ['# 14-02-2024 - Queue backlog', '2024-02-14'],
    ['# 2023-09-12: Token Rotation', '2023-09-12'],
    ['# Checkout outage on 2024-11-02', '2024-11-02'],
    ['# Outage of the search cluster, 9 Jan 2024', '2024-01-09'],
    ['# Postmortem: 21st of August 2023 payment retries', '2023-08-21'],
    ['# 03-10-2021 (Europe) DNS failure', '2021-10-03'],
    ['# Release train stuck 1.4.2025', '2025-04-01'],
    ['# Incident report – Jul 7, 2022', '2022-07-07'],
  ];
  for (const [title, date] of titles) {
    const read = model(title + body);
    assert.equal(read.date, date, title);
    assert.equal(read.dateFrom, 'title', title);
  }
});

test('a title date without a year falls on the latest such day on or before today', () => {
  assert.equal(model('# Post incident review March 16' + body).date, '2025-03-16');
  assert.equal(model('# Ingest stall 11/20' + body).date, '2024-11-20');
});

test('a title without a date, or with version numbers and spans of time, dates nothing', () => {
  for (const title of ['# Cache stampede after deploy', '# Release 2.3.4 broke the build', '# Outage for approximately 2 weeks', '# SEV-2: v1.12 rollout', '# January 2024 storage migration']) {
    const read = model(title + body);
    assert.equal(read.date, undefined, title);
    assert.equal(read.dateFrom, undefined, title);
  }
});

test('a date field wins over the title, and a dated title wins over the timeline', () => {
  const labelled = model('# 2024-05-01 Checkout outage\n\n**Date of incident**: 7th September, 2023.\n' + body);
  assert.deepEqual([labelled.date, labelled.dateFrom], ['2023-09-07', 'label']);
  const withTimeline = model('# 2024-05-01: Checkout outage\n' + body + '\n## Timeline\n\n- 2024-04-30 23:50 Alert fires\n- 2024-05-01 00:20 Rollback\n');
  assert.deepEqual([withTimeline.date, withTimeline.dateFrom], ['2024-05-01', 'title']);
  const fromTimeline = model('# Checkout outage\n' + body + '\n## Timeline\n\n- 2024-04-30 23:50 Alert fires\n');
  assert.deepEqual([fromTimeline.date, fromTimeline.dateFrom], ['2024-04-30', 'timeline']);
});

test('the incident date is read from a Date section and from a plain Date line under the title', () => {
  const section = model('# Payment retries\n\n## Date\n\n2022-06-14\n\n## Author\n\nRiya\n' + body);
  assert.deepEqual([section.date, section.dateFrom], ['2022-06-14', 'section']);
  assert.equal(section.metadata.find((field) => field.key === 'authors')?.value, 'Riya');
  const plain = model('# Map tiles missing\n\nDate: 09/25/2021\n' + body);
  assert.deepEqual([plain.date, plain.dateFrom], ['2021-09-25', 'label']);
  // In the body of a section, "Date: ..." is prose, not a field.
  const inBody = model('# Map tiles missing\n\n## Summary\n\nDate: 2021-09-25 is when the tiles went missing.\n');
  assert.equal(inBody.metadata.find((field) => field.key === 'date'), undefined);
});

test('time-only timeline entries fall on the date in the title', () => {
  const read = model('# 2024-02-10: Queue backlog\n' + body + '\n## Timeline\n\n- 09:40 Consumer lag alert\n- 10:05 Consumers restarted\n');
  assert.equal(new Date(read.timeline[0].instant ?? 0).toISOString(), '2024-02-10T09:40:00.000Z');
});

test('metadata-date reports only a postmortem that nothing dates, and a date field that cannot be read', () => {
  assert.deepEqual(findingsOf('# 2024-02-10: Queue backlog' + body, 'metadata-date'), []);
  assert.equal(findingsOf('# Queue backlog' + body, 'metadata-date').length, 1);
  const unreadable = findingsOf('# Queue backlog\n\n**Date**: the week after the launch\n' + body, 'metadata-date');
  assert.match(unreadable[0].message, /cannot be read/);
  // A template placeholder is the placeholder rule's to report.
  assert.deepEqual(findingsOf('# Queue backlog\n\n**Date**: YYYY-MM-DD\n' + body, 'metadata-date'), []);
});

test('metadata-severity stays quiet for a team that grades no incidents', () => {
  assert.deepEqual(findingsOf('# 2024-02-10: Queue backlog' + body, 'metadata-severity'), []);
});

test('metadata-severity reports a missing severity when the document speaks of severity', () => {
  const mentioned = '# 2024-02-10: Queue backlog\n\n## Summary\n\nDeclared a SEV-2 after ten minutes of stalled orders.\n';
  assert.equal(findingsOf(mentioned, 'metadata-severity').length, 1);
  const heading = '# 2024-02-10: Queue backlog\n\n## Severity and impact\n\nOrders waited for forty minutes.\n';
  assert.equal(findingsOf(heading, 'metadata-severity').length, 1);
  assert.match(findingsOf('# Queue backlog\n\n**Severity**: pretty bad\n' + body, 'metadata-severity')[0].message, /not a known level/);
  assert.deepEqual(findingsOf('# Queue backlog\n\n**Severity**: Sev 2\n' + body, 'metadata-severity'), []);
  assert.deepEqual(findingsOf('# Queue backlog\n\n**Severity**: Medium\n' + body, 'metadata-severity'), [], 'a team grading by word uses a known level');
});

test('a severity written as a word asks for the sections its level needs', () => {
  const config = defaultConfig();
  config.sections.bySeverity['SEV-1'] = { required: ['lessons-learned'] };
  const missingLessons = (level: string) =>
    findingsOf(`# 2024-02-10: Queue backlog\n\n**Severity**: ${level}\n` + body, 'missing-section', config).filter((finding) => /Lessons learned/.test(finding.message)).length;
  assert.equal(missingLessons('Critical'), 1);
  assert.equal(missingLessons('Low'), 0);
});

test('metadata-severity reports a missing severity when the team config sets the rule', () => {
  const config = defaultConfig();
  config.rules['metadata-severity'] = { severity: 'warning', options: {} };
  assert.equal(findingsOf('# 2024-02-10: Queue backlog' + body, 'metadata-severity', config).length, 1);
});

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (day: number) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;
const pad = (value: number) => String(value).padStart(2, '0');
const shapes: ((year: number, month: number, day: number) => string)[] = [
  (year, month, day) => `${year}-${pad(month)}-${pad(day)}`,
  (year, month, day) => `${pad(day)}-${pad(month)}-${year}`,
  (year, month, day) => `${months[month - 1]} ${ordinal(day)}, ${year}`,
  (year, month, day) => `${day} ${months[month - 1].slice(0, 3)} ${year}`,
];
const words = fc.constantFrom('Outage', 'Queue backlog', 'Postmortem:', 'DNS failure', 'Build farm down', 'Token rotation', '-', '–', 'of the API');

test('property: a date written in any supported shape anywhere in a title is read back exactly', () => {
  const day = fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
  fc.assert(
    fc.property(day, fc.nat({ max: shapes.length - 1 }), fc.array(words, { maxLength: 3 }), fc.array(words, { maxLength: 3 }), (date, shape, before, after) => {
      const iso = date.toISOString().slice(0, 10);
      const written = shapes[shape](date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      const title = [...before, written + (after.length > 0 ? ':' : ''), ...after].join(' ');
      const found = findDateIn(title, today);
      assert.equal(found?.date, iso, title);
      assert.equal(title.slice(found.start, found.end).includes(String(date.getUTCFullYear())), true, title);
      assert.equal(found.yearWritten, true);
    }),
    { numRuns: 400 },
  );
});

test('property: a title without digits names no date', () => {
  const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz :-–'.split('')), maxLength: 40 });
  fc.assert(fc.property(letters, (title) => assert.equal(findDateIn(title, today), undefined)), { numRuns: 500 });
});

test('when nothing else dates the incident, the first date written with its year in a paragraph does', () => {
  const read = model('# Ingest stall\n\n## Summary\n\nOn 12 May 2024 the ingest workers stopped after a schema change.\n');
  assert.deepEqual([read.date, read.dateFrom], ['2024-05-12', 'text']);
  assert.deepEqual(findingsOf('# Ingest stall\n\n## Summary\n\nOn 12 May 2024 the ingest workers stopped.\n', 'metadata-date'), []);
  // A due date in the action items does not date the incident.
  assert.equal(model('# Ingest stall\n' + body + '\n## Action items\n\n- [ ] Add a schema check, due 2024-06-01\n').date, undefined);
});

test('a timeline told under day headings dates the incident by its first day', () => {
  const text = '# Wiki deleted by the vendor\n\n## Summary\n\nThe vendor removed an idle wiki.\n\n## Rough timeline of what happened\n\n### April 2, 2025 (day 0)\n\nThe last edit.\n\n### May 20, 2025 (day 48)\n\nThe wiki was gone.\n';
  assert.equal(model(text).date, '2025-04-02');
  assert.deepEqual(findingsOf(text, 'metadata-date'), []);
});
