// Shapes read in further real postmortems: rich text pasted from an editor into a blog post, where bold lines between
// `<br />` tags are the headings and the whole body is one block of HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

/** Each action item as `status: first words`. */
const items = (lines: string[]) => (analysed(lines).model?.actionItems ?? []).map((item) => `${item.status}: ${item.description.replace(/\s+/g, ' ').slice(0, 30).trimEnd()}`);

const pastedPost = [
  '---',
  'title: Build farm outage',
  '---',
  '',
  '<p><span style="font-family: arial;"><b>Overview:</b></span><br /><span>On May 6th the build farm stopped taking jobs for a day.</span><br /><br />',
  '<span><b>What worked:</b></span><br />Our backups restored every worker.<br /><br /><b>What didn\'t work:</b><br />The disk alerts went to a muted channel.<br /><br />',
  '<b>Remediation plan:</b><br /><br />Our first steps:<br /></p>',
  '  <ul>',
  '    <li>Send disk alerts to the on-call pager.</li>',
  '    <li>Keep two spare disks at each site.</li>',
  '  </ul><br />Later:<br />',
  '  <ul>',
  '    <li>Move the farm to a redundant array.</li>',
  '  </ul>',
  '',
];

test('bold lines between line breaks in one HTML block open the sections they name', () => {
  const model = analysed(pastedPost).model;
  assert.deepEqual(model?.sections.map((section) => [section.kind, section.title]), [
    ['summary', 'Overview'],
    ['what-went-well', 'What worked'],
    ['what-went-poorly', "What didn't work"],
    ['action-items', 'Remediation plan'],
  ]);
  // Each section starts at its bold line.
  const text = pastedPost.join('\n');
  const poorly = model?.sections.find((section) => section.kind === 'what-went-poorly');
  assert.equal(text.slice(poorly?.span.start, (poorly?.span.start ?? 0) + 24), "<b>What didn't work:</b>");
});

test('the lists after a bold action label in pasted HTML are its items, and nothing is reported missing', () => {
  assert.deepEqual(items(pastedPost), ['open: Send disk alerts to the on-cal', 'open: Keep two spare disks at each s', 'open: Move the farm to a redundant a']);
  const missing = analysed(pastedPost).findings.filter((finding) => finding.ruleId === 'missing-section' && /Summary|Action items/.test(finding.message));
  assert.deepEqual(missing, []);
});

test('bold words in a sentence, a bold time and a bold lead in a list entry open no section', () => {
  const lines = [
    '# Queue stall',
    '',
    '<p>The queue stalled for <b>two hours</b>, and we were <b>lucky</b> it was a weekend.<br />',
    '<b>Timeline</b> of the first hour is below.<br />',
    '<strong>0401 UTC 2025-10-26 -</strong> the first alert fired<br /></p>',
    '<ul><li><b>Action items:</b> see the tracker.</li></ul>',
    '',
  ];
  assert.deepEqual(analysed(lines).model?.sections.map((section) => section.kind), [undefined]);
});

test('"Problems" alone may name what went poorly, said to be uncertain', () => {
  assert.deepEqual(recogniseHeading('Problems'), { kind: 'what-went-poorly', uncertain: true });
  assert.deepEqual(recogniseHeading('Known problems with the fix'), undefined);
});

test('a loosely named action section beside a certain one keeps its items, unless it sits under a section of another kind', () => {
  const lines = [
    '# Queue stall',
    '',
    '## Action items',
    '',
    '- Page the on-call when the queue stalls.',
    '',
    '## Next up',
    '',
    '- Split the queue by tenant.',
    '',
    '## Lessons learned',
    '',
    '### Improvements',
    '',
    '- We learned that the stall alert was too slow.',
    '',
  ];
  assert.deepEqual(items(lines), ['open: Page the on-call when the queu', 'open: Split the queue by tenant.']);
  assert.deepEqual(analysed(lines).model?.sections.map((section) => section.kind), [undefined, 'action-items', 'action-items', 'lessons-learned', undefined]);
});

test('a timeline written as lines of pasted HTML is read line by line, an entry out of order is reported, and no sort is offered', () => {
  const lines = [
    '# Repository outage',
    '',
    '<p><strong>Timeline</strong><br /><br />',
    '<strong>0401 UTC 2025-10-26 -</strong> the disk check reports a degraded mirror<br />',
    '<strong>2243 UTC 2025-12-02 -</strong> a disk is replaced<br />',
    '<strong>0208 UTC 2024-12-03 -</strong> commits start to hang<br />',
    '&nbsp; &nbsp;<span>0756 UTC 2025-12-03 - the first report arrives</span></p>',
    '',
  ];
  const result = analysed(lines);
  assert.deepEqual(result.model?.timeline.map((entry) => [entry.timeText, entry.description]), [
    ['0401 UTC 2025-10-26', 'the disk check reports a degraded mirror'],
    ['2243 UTC 2025-12-02', 'a disk is replaced'],
    ['0208 UTC 2024-12-03', 'commits start to hang'],
    ['0756 UTC 2025-12-03', 'the first report arrives'],
  ]);
  const text = lines.join('\n');
  const order = result.findings.filter((finding) => finding.ruleId === 'timeline-order');
  assert.deepEqual(order.map((finding) => text.slice(finding.span.start, finding.span.end).split(' -')[0]), ['0208 UTC 2024-12-03']);
  assert.equal(order[0].fix, undefined, 'sorting would move the tags between the entries');
});

test('a typo in "happened" or "remedial", other side effects and how we will do better name their sections, loosely', () => {
  assert.deepEqual(recogniseHeading('What happend?'), { kind: 'summary', uncertain: true });
  assert.deepEqual(recogniseHeading('Remidial action'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('Other side-effects'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('How are we going to do better next time?'), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('Side effects of the fix'), undefined);
  assert.equal(recogniseHeading('What happens next'), undefined);
});

test('sub-headings of an action section that each tell one change in prose are one item each', () => {
  const lines = [
    '# Deploy outage',
    '',
    '## How will we do better?',
    '',
    '### Faster rollback',
    'A rollback needs the old package, which was gone.',
    'We need to keep the last three packages on the mirror.',
    '',
    '### Log clean-up',
    'Old log files hid the one that mattered. We need to remove them.',
    '',
  ];
  assert.deepEqual(items(lines), ['open: Faster rollback', 'open: Log clean-up']);
  // Where one sub-heading holds a list, its entries are the items and the prose beside them is read as before.
  const listed = [...lines.slice(0, 8), '- Keep the last three packages on the mirror.', ...lines.slice(8)];
  assert.deepEqual(items(listed), ['open: Keep the last three packages o', 'open: Old log files hid the one that']);
});

test('a label in the detail of a list entry names its section; labels in the notes of an update one level deeper do not', () => {
  const entryDetail = ['# Build cluster outage', '', '- [ci] No builds can run on the cluster.', '  - Cause: the cluster cannot add nodes in its region.', '- [site] Previews are late.', ''];
  assert.deepEqual(analysed(entryDetail).model?.sections.map((section) => [section.kind, section.title]), [[undefined, 'Build cluster outage'], ['root-cause', 'Cause']]);
  const updateNotes = ['# Queue backlog', '', '- 22:20 to 00:05: the queue backed up.', '  - Update #1 at 23:15', '    - Summary: fetching one remote object hangs the workers.', ''];
  assert.deepEqual(analysed(updateNotes).model?.sections.map((section) => section.kind), [undefined]);
});

test('a dot clock pasted twice, a colon typed with a space mid-timeline, and a time twelve hours back read as the next day', () => {
  const timeline = (entries: string[]) => {
    const result = analysed(['# Search outage', '', '## Timeline', '', ...entries.flatMap((entry) => [entry, '']), '']);
    return { times: result.model?.timeline.map((entry) => entry.timeText), order: result.findings.filter((finding) => finding.ruleId === 'timeline-order').length };
  };
  assert.deepEqual(timeline(['11.30 CD raised a ticket', '11.28 11.28 AB asked about access', '11.59 the alerts cleared']), { times: ['11.30', '11.28', '11.59'], order: 1 });
  assert.deepEqual(timeline(['14.40 the script ran', '14: 45 the job ran again', '14.44 the alert cleared']), { times: ['14.40', '14: 45', '14.44'], order: 1 });
  // With no entry before it, "14: 45" is no time: a numbered remark may read so.
  assert.deepEqual(timeline(['14: 45 servers were moved']), { times: [], order: 0 });
  assert.deepEqual(timeline(['23:00 UTC the first failure is seen', '11:00 UTC more failures', '12:00 UTC isolated to one region']), { times: ['23:00 UTC', '11:00 UTC', '12:00 UTC'], order: 0 });
});
