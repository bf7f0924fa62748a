// Shapes of a further set of real postmortems: a bold name over each owner's items, plans headed "Looking forward",
// causes headed by the bug itself, and prompts or logs that keep fix-all from inserting a section the document has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';
import { ownerOfGroupLabel } from '../../server/src/analysis/action-item-shapes';
import { opensOnTime } from '../../server/src/analysis/timeline';
import { nameVerdict } from '../../server/src/analysis/blame/names';
import { AnalysisCache } from '../../server/src/analysis/cache';

const analysed = (text: string) => analyze(text, { force: true, today: '2026-12-01' });
const findingsOf = (text: string, ruleId: string) => analysed(text).findings.filter((finding) => finding.ruleId === ruleId);
const fixedText = (text: string) => fixAll(text, { force: true, today: '2026-12-01' }).text;
const missingTimeline = (text: string) => findingsOf(text, 'missing-section').find((finding) => /Timeline/.test(finding.message));

test('a bold name, initials or a team over a list gives its items their owner; a topic does not', () => {
  const text = [
    '# Checkout outage',
    '',
    '## Actions',
    '',
    '**Maria**',
    '- Split the payment worker from the web tier',
    '- Add a dashboard for queue depth',
    '',
    '**JK**',
    '- Document the manual failover',
    '',
    '**Monitoring**',
    '- Page on a growing backlog',
    '',
  ].join('\n');
  const items = analysed(text).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.owner?.value), ['Maria', 'Maria', 'JK', undefined]);
  assert.equal(findingsOf(text, 'action-item-owner').length, 1, 'only the item under the topic has no owner');
  assert.equal(ownerOfGroupLabel('@sana'), '@sana');
  assert.equal(ownerOfGroupLabel('Storage team:'), 'Storage team');
  assert.equal(ownerOfGroupLabel('DNS'), undefined, 'a technical acronym is a topic');
  assert.equal(ownerOfGroupLabel('Build System'), undefined);
});

test('a capitalised label owns its items exactly when the blame check would judge it a person, and its tags are kept in the analysis cache', () => {
  const cache = new AnalysisCache();
  for (const label of ['Maria', 'Priya Shah', 'Monitoring', 'Build System', 'Rollout']) {
    const owner = nameVerdict(label, label) === 'person' ? label : undefined;
    assert.equal(ownerOfGroupLabel(label), owner, label);
    assert.equal(ownerOfGroupLabel(label, cache), owner, label);
  }
  assert.ok(cache.bytes > 0);
});

test('plans headed "Looking forward", "Future" or "How will we mitigate ...?", and steps towards mitigation, are action items, loosely', () => {
  for (const heading of ['Looking Forward:', 'Future', 'How will we mitigate these issues?', 'Steps taken towards mitigation']) {
    assert.deepEqual(recogniseHeading(heading), { kind: 'action-items', uncertain: true }, heading);
  }
});

test('a cause headed by the bug itself, a technical explanation or the details of an intrusion is the root cause, loosely; quick facts are the summary', () => {
  for (const heading of ['A bug in the session cache', 'Technical explanations', 'Details of intrusion']) {
    assert.deepEqual(recogniseHeading(heading), { kind: 'root-cause', uncertain: true }, heading);
  }
  assert.deepEqual(recogniseHeading('Quick facts'), { kind: 'summary', uncertain: true });
  assert.equal(recogniseHeading('A bug bounty for the new API and its scope and rules'), undefined, 'a long heading is no bug title');
});

test('a question under a section that was read may be a section of its own, so fix-all inserts nothing beside it', () => {
  const text = [
    '# Login outage',
    '',
    '## Summary',
    '',
    'Sign-ins failed for two hours after the identity provider rotated its keys.',
    '',
    '## Impact',
    '',
    'Every user who was signed out could not sign in.',
    '',
    '## Timeline',
    '',
    '- 10:02 keys rotated',
    '- 10:05 first failed sign-in',
    '',
    '## Analysis of causes',
    '',
    'The key cache kept the old keys for a day.',
    '',
    "### Why didn't our alarms fire?",
    '',
    'The sign-in failure metric was not alarmed.',
    '',
    '## Actions',
    '',
    '- Alarm on sign-in failures (owner: @kim, due 2026-12-20)',
    '',
  ].join('\n');
  const fixed = fixedText(text);
  assert.ok(!/^## What went poorly/m.test(fixed), 'the question may be what went poorly');
  const missing = findingsOf(text, 'missing-recommended-section').find((finding) => /What went poorly/.test(finding.message));
  assert.ok(missing, 'the finding still stands, with a fix to choose');
  assert.equal(missing.fix?.safe, false);
});

test('a log of stamped lines under another heading may be the timeline: fix-all does not insert one', () => {
  const text = [
    '# Planned shutdown, storm warning',
    '',
    '## Summary',
    '',
    '2026-05-07 3:36 PM - We are shutting down the region ahead of the storm.',
    '',
    '2026-05-07 6:10 PM - All servers are off.',
    '',
    '2026-05-08 9:02 AM - Power is back; servers are starting.',
    '',
  ].join('\n');
  const timeline = missingTimeline(text);
  assert.ok(timeline);
  assert.equal(timeline.fix?.safe, false);
  assert.ok(!/^## Timeline/m.test(fixedText(text)));
});

test('a line of a log is one the timeline reads a time at the start of: the timeline and fix-all decide it alike', () => {
  const lines = ['- 14:05 UTC paging starts', 'Mar 3, 09:12 - rollback begins', '**10:02** the cache is cold', '| 10:40 | traffic is back |', '7) 10:45 queues drain', '- 3.5 GB freed', '08.47 someone asks', '2026-05-07 - the change merges'];
  const text = `# Disk full\n\n## Timeline\n\n${lines.join('\n\n')}\n`;
  const read = (analysed(text).model?.timeline ?? []).filter((entry) => !entry.dayOnly).map((entry) => text.slice(entry.span.start, entry.span.end).trim());
  assert.deepEqual(lines.filter(opensOnTime), read);
  // A clock written with a dot is a time when words follow it; '3.5 GB' is a size.
  assert.deepEqual(read, ['- 14:05 UTC paging starts', 'Mar 3, 09:12 - rollback begins', '**10:02** the cache is cold', '| 10:40 | traffic is back |', '7) 10:45 queues drain', '08.47 someone asks']);
  // Under another heading, three such lines may be the timeline: fix-all leaves the insertion to the writer.
  const elsewhere = `# Disk full\n\n## Summary\n\n${lines.slice(0, 3).join('\n\n')}\n`;
  assert.equal(missingTimeline(elsewhere)?.fix?.safe, false);
});

test('a callout that opens on a summary label is the summary; other labels in a quote are not sections', () => {
  const sectionsOf = (text: string) => analysed(text).model?.sections.map((section) => section.kind) ?? [];
  assert.ok(sectionsOf('# Package alert\n\n> **TL;DR**: the editor is not affected, and the bad extensions were pulled.\n').includes('summary'));
  assert.ok(!sectionsOf('# Package alert\n\n> **Impact**: our users saw nothing, the vendor wrote.\n').includes('impact'));
});

test('"Play by play" is the timeline; "Who did it affect and how?" the impact; challenges met the poorly; a retrospective or best practices the lessons', () => {
  assert.deepEqual(recogniseHeading('Play by Play'), { kind: 'timeline', uncertain: false });
  assert.deepEqual(recogniseHeading('Who did it affect and how?'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('Any specific challenges / delays in resolving?'), { kind: 'what-went-poorly', uncertain: true });
  assert.deepEqual(recogniseHeading('Retrospective'), { kind: 'lessons-learned', uncertain: true });
  assert.deepEqual(recogniseHeading('Best practices'), { kind: 'lessons-learned', uncertain: true });
  assert.equal(recogniseHeading('Who did it?'), undefined);
});
