// Headings in words the synonym tables did not know, read by general means: a heading in two halves, a complement
// before a second part, more question and plan wordings, and HTML exports whose sub-headings are bold paragraphs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { namedKinds, recogniseHeading } from '../../server/src/analysis/sections';

const findingsOf = (text: string, ruleId: string) => analyze(text, { force: true, today: '2026-12-01' }).findings.filter((finding) => finding.ruleId === ruleId);
const sectionsOf = (text: string) => analyze(text, { force: true, today: '2026-12-01' }).model?.sections ?? [];

test('a heading in two halves is read by its second half when the first names nothing, and said to be uncertain', () => {
  assert.deepEqual(recogniseHeading('Friday night: our big mistake'), { kind: 'root-cause', uncertain: true });
  assert.deepEqual(recogniseHeading('Looking ahead - lessons learned and new guard rails'), { kind: 'lessons-learned', uncertain: true });
  // A first half that names a kind keeps it; one that says what the section is ("Appendix") is not read past.
  assert.deepEqual(recogniseHeading('Root cause: a stale lock file'), { kind: 'root-cause', uncertain: false });
  assert.equal(recogniseHeading('Appendix: scope of the review'), undefined);
  assert.equal(recogniseHeading('Phase 2: restoring the replicas'), undefined);
  // Both halves count as present: a plan written under a lessons heading is not reported missing.
  assert.deepEqual(namedKinds('Going forward: takeaways and new safeguards').sort(), ['action-items', 'lessons-learned']);
});

test('a complement before a second part joined by "and" keeps the heading its kind', () => {
  assert.deepEqual(recogniseHeading('Impact on customers and how to recover your data'), { kind: 'impact', uncertain: false });
  assert.deepEqual(recogniseHeading('Tracking down the cause of the stall and its reach'), { kind: 'root-cause', uncertain: false });
  assert.equal(recogniseHeading('Notes on the vendor call and the invoice'), undefined);
});

test('more wordings other teams give their sections', () => {
  const cases: [string, string, boolean][] = [
    ['Why this matters', 'impact', true],
    ['Exploit method', 'root-cause', true],
    ['Failure mechanism', 'root-cause', true],
    ['Key success factors', 'what-went-well', false],
    ['What helped', 'what-went-well', true],
    ['The fail', 'what-went-poorly', true],
    ['Where we failed', 'what-went-poorly', true],
    ['What have we learned?', 'lessons-learned', false],
    ['Future plans', 'action-items', true],
    ['Follow-up tickets', 'action-items', false],
    ["Why this hadn't shown up sooner", 'contributing-factors', true],
  ];
  for (const [heading, kind, uncertain] of cases) assert.deepEqual(recogniseHeading(heading), { kind, uncertain }, heading);
  // Open problems are not follow-up work, and what a change means for readers is left to the writer's words.
  assert.equal(recogniseHeading('Outstanding issues'), undefined);
  assert.equal(recogniseHeading('What this means for you'), undefined);
});

test('"to do" followed by its object is a verb, not a to-do list', () => {
  assert.equal(recogniseHeading('Silly things to do to a live server'), undefined);
  assert.equal(recogniseHeading('Things to do with the old backups'), undefined);
  assert.equal(recogniseHeading('Things to do')?.kind, 'action-items');
  assert.equal(recogniseHeading('Still to do')?.kind, 'action-items');
  const text = ['# Feed outage', '', 'Filed under "silly things to do to a live server":', '', '- we shipped without a test', '- we turned off the cache', ''].join('\n');
  assert.equal(sectionsOf(text).some((section) => section.kind === 'action-items'), false);
});

test('an HTML export: paragraphs are content, a bold paragraph opens a section, entities are read', () => {
  const text = [
    '<h2>Overview</h2>',
    '',
    '<p>The mail relay stopped for forty minutes.</p>',
    '',
    '<h2>How we responded</h2>',
    '',
    '<p><strong>3 &#8211; Finding the cause of the stall</strong></p>',
    '',
    '<p>A certificate had expired on the relay.</p>',
    '',
    '<h2>Impact</h2>',
    '',
    '<p></p>',
    '',
  ].join('\n');
  const sections = sectionsOf(text);
  const cause = sections.find((section) => section.kind === 'root-cause');
  assert.equal(cause?.title, '3 – Finding the cause of the stall');
  assert.equal(cause?.form, 'label');
  // Words in a paragraph fill a section; an empty paragraph does not.
  assert.deepEqual(findingsOf(text, 'empty-section').map((finding) => text.slice(finding.span.start, finding.span.end)), ['<h2>Impact</h2>']);
  assert.equal(findingsOf(text, 'missing-section').some((finding) => finding.message.includes("'Root cause'")), false);
});
