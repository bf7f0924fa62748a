// Section shapes of postmortems written to other templates: label lists, emoji, italic and bold lines, colons, MDX and TOML pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, fixAll, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const modelOf = (text: string): Postmortem => {
  const { model } = analyze(text, { force: true, today: '2026-12-01' });
  assert.ok(model);
  return model;
};
/** A heading's kind and whether it is read only loosely, or undefined. */
const read = (title: string) => {
  const recognised = recogniseHeading(title);
  return recognised && [recognised.kind, recognised.uncertain];
};
const kinds = (model: Postmortem) => model.sections.map((section) => [section.title, section.kind ?? null, section.uncertain]);
const missing = (text: string) => analyze(text, { force: true, today: '2026-12-01' }).findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.message);

test('plain `- Label: text` items of a field list open sections, and metadata items stay metadata', () => {
  const text = [
    '# Cache node upgrade',
    '',
    '- Date: 2026-03-04',
    '- Owners: storage team',
    '- Summary: the upgrade restarted every cache node at once.',
    '- Impact: reads were slow for twenty minutes.',
    '- Root cause: the rollout ignored the batch size.',
    '- Trigger: a config push',
    '',
  ].join('\n');
  const model = modelOf(text);
  assert.deepEqual(kinds(model).slice(1), [
    ['Summary', 'summary', false],
    ['Impact', 'impact', false],
    ['Root cause', 'root-cause', false],
  ]);
  assert.equal(model.date, '2026-03-04');
  assert.ok(!missing(text).some((message) => /Summary|Impact|Root cause/.test(message)));
});

test('plain item labels are not read inside a timeline or an action list', () => {
  const model = modelOf('# Outage\n\n## Action items\n\n- Impact: measure it per region @ana\n\n## Timeline\n\n- 10:00 Summary: alert fired\n');
  assert.deepEqual(kinds(model).slice(1), [
    ['Action items', 'action-items', false],
    ['Timeline', 'timeline', false],
  ]);
});

test('emoji before a list label, plain or bold, is no part of its name', () => {
  const model = modelOf('# Outage\n\n## Lessons learned\n\n- ✅ What went well:\n  - the pager fired\n- ❌ **What went wrong**:\n  - the runbook was stale\n');
  assert.deepEqual(kinds(model).slice(2), [
    ['✅ What went well', 'what-went-well', false],
    ['What went wrong', 'what-went-poorly', false],
  ]);
});

test('an italic line alone is a heading; italic words inside a sentence are not', () => {
  const model = modelOf('# Outage\n\n_What we learned_\n\n- snapshots need a restore test\n\nThe _timeline_ was short.\n');
  assert.deepEqual(kinds(model).slice(1), [['What we learned', 'lessons-learned', false]]);
});

test('wholly bold headings, trailing colons and narrative questions are read by their words', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['**So what happened?**', 'summary', true],
    ['Remedial Measures:', 'action-items', false],
    ['Risks and Hazards:', 'impact', true],
    ['Affected tenants', 'impact', true],
    ['Issue details', 'root-cause', true],
    ['Under the hood', 'root-cause', true],
    ['Technical description', 'root-cause', true],
    ['How did the replay attack work?', 'root-cause', true],
    ['How did the team work?', undefined, false],
    ['Steps taken', 'action-items', false],
    ['What you need to do', undefined, false],
    ["Why didn't our canaries catch this?", 'what-went-poorly', true],
    ["Why wasn't it noticed sooner?", 'what-went-poorly', true],
    ["Why didn't we roll back?", undefined, false],
    ['The next two weeks', 'action-items', true],
    ['Steps performed', 'timeline', true],
    ['Explored solutions', undefined, false],
    ['So far', undefined, false],
  ];
  for (const [title, kind, uncertain] of cases) {
    const recognised = recogniseHeading(title);
    assert.deepEqual([title, recognised?.kind, recognised?.uncertain ?? false], [title, kind, uncertain]);
  }
});

test('a first heading naming the report is its title, not a summary', () => {
  const model = modelOf('## Incident Report: payout delay\n\n## Date: 14th May 2026\n\n### Introduction:\n\nPayouts ran late.\n');
  assert.deepEqual(kinds(model)[0], ['Incident Report: payout delay', null, false]);
  assert.deepEqual(kinds(model)[2], ['Introduction:', 'summary', true]);
  assert.equal(model.date, '2026-05-14');
  assert.equal(model.dateFrom, 'section');
});

test('a report title after its date is the title; "The Issue" opening the report is loosely its summary', () => {
  const model = modelOf('# 2026-02-11 Incident report: uploads rejected\n\n## The Issue\n\nUploads to the archive were rejected for an hour.\n\n## Root cause\n\nThe bucket policy expired.\n');
  assert.deepEqual(kinds(model).slice(0, 2), [
    ['2026-02-11 Incident report: uploads rejected', null, false],
    ['The Issue', 'summary', true],
  ]);
  assert.ok(!missing(model.text).some((message) => message.includes('Summary')));
  for (const title of ['14/02/2026 Incident report: uploads rejected', 'March 3rd, 2026 Incident report: uploads rejected']) {
    assert.equal(modelOf(`## ${title}\n\nUploads failed.\n`).sections[0].kind, undefined, title);
  }
});

test('a block of field lines opens the sections its fields name; one field line in prose, or a field after a break mid-line, does not', () => {
  const block = modelOf(['# Queue stall', '', '## Summary', '', 'Description: the billing queue stalled<br>', 'Date/time: 2026-04-02 10:00<br>', 'User impact: refunds waited an hour.', '', '## Timeline', '', '- 10:00 Queue stalls', ''].join('\n'));
  assert.deepEqual(
    block.sections.filter((section) => section.form === 'label').map((section) => [section.title, section.kind, section.uncertain]),
    [['User impact', 'impact', false]],
  );
  assert.ok(!missing(block.text).some((message) => message.includes('Impact')));
  const prose = modelOf(['# Queue stall', '', '## Summary', '', 'The billing queue stalled at ten.', 'User impact: refunds waited an hour.', ''].join('\n'));
  assert.equal(prose.sections.filter((section) => section.form === 'label').length, 0);
  const wrapped = modelOf(['# Queue stall', '', '## Summary', '', 'Description: the billing queue stalled<br> Date: 2026-04-02<br> User impact:', 'refunds waited an hour.', ''].join('\n'));
  assert.equal(wrapped.sections.filter((section) => section.form === 'label').length, 0);
});

test('a heading with words before the key words beside the exact one is a topic of its own, not a duplicate', () => {
  const text = '# Outage\n\n## Vendor follow-up\n\nThe vendor was told.\n\n## Action items\n\n- [ ] Add an alert @ana\n';
  const model = modelOf(text);
  assert.deepEqual(kinds(model).slice(1), [
    ['Vendor follow-up', null, false],
    ['Action items', 'action-items', false],
  ]);
  assert.ok(!analyze(text, { force: true }).findings.some((finding) => finding.ruleId === 'duplicate-section'));
});

test('a label in a paragraph does not displace a loosely named heading of the same kind', () => {
  const model = modelOf('# Outage\n\n## Fixing it\n\n**Short-term fixes:**\n\n- raised the limit\n\n## In the coming weeks\n\n- shard the queue\n');
  assert.deepEqual(kinds(model).slice(1), [
    ['Fixing it', null, false],
    ['Short-term fixes', 'action-items', false],
    ['In the coming weeks', 'action-items', true],
  ]);
});

test('TOML front matter is read for its fields and never as Markdown', () => {
  const text = ['+++', 'title = "Disk full on the build host"', 'date = 2026-02-03', 'authors = ["Kim", "Lou"]', '', '[extra]', 'team = "infra"', '+++', '', 'The build host ran out of disk.', '', '## Timeline', '', '- 10:00 Alert fired', ''].join('\n');
  const model = modelOf(text);
  assert.deepEqual(
    model.metadata.map((field) => [field.key, field.value, text.slice(field.valueSpan.start, field.valueSpan.end)]),
    [
      ['title', 'Disk full on the build host', '"Disk full on the build host"'],
      ['date', '2026-02-03', '2026-02-03'],
      ['authors', 'Kim, Lou', '["Kim", "Lou"]'],
    ],
  );
  assert.equal(model.title?.value, 'Disk full on the build host');
  assert.ok(!model.prose.some((block) => block.text.includes('team')));
});

test('an MDX page: its import and export lines are no prose, and the fields they state are metadata', () => {
  const text = [
    "import { Layout } from '@/components/Layout'",
    '',
    'export const post = {',
    "  date: '2026-01-20',",
    "  title: 'Gateway outage',",
    '}',
    '',
    'export default (props) => <Layout {...props} />',
    '',
    '## Summary',
    '',
    'The gateway dropped requests.',
    '',
  ].join('\n');
  const model = modelOf(text);
  assert.equal(model.date, '2026-01-20');
  assert.deepEqual(model.prose.map((block) => block.text.trim()), ['Summary', 'The gateway dropped requests.']);
});

test('fix-all inserts a missing section only when every heading was read for certain', () => {
  const certain = '# Outage\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Timeline\n\n- 10:00 a\n\n## Root cause\n\nz\n\n## Appendix\n\nlogs\n';
  assert.match(fixAll(certain, { force: true }).text, /## Action items/);
  const unread = certain.replace('## Appendix', '## How it went from there');
  assert.equal(fixAll(unread, { force: true }).text, unread);
  const loose = certain.replace('## Summary', '## Background');
  assert.doesNotMatch(fixAll(loose, { force: true }).text, /## Summary/);
  const finding = analyze(unread, { force: true }).findings.find((candidate) => candidate.message.includes("'Action items'"));
  assert.equal(finding?.fix?.safe, false);
});

test('a docs site\'s admonition block, whose indented body is not read, leaves inserting sections to the writer', () => {
  const certain = '# Outage\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Timeline\n\n- 10:00 a\n\n## Root cause\n\nz\n';
  assert.match(fixAll(certain, { force: true }).text, /## Action items/);
  const admonished = `${certain}\n???+ note "March 8"\n\n\t* Fixes:\n\t* Add a test for daylight saving dates.\n`;
  assert.equal(fixAll(admonished, { force: true }).text, admonished);
});

test('a Resolution, Response or Conclusion section may hold the actions: fix-all leaves inserting Action items to the writer', () => {
  const certain = '# Outage\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Timeline\n\n- 10:00 a\n\n## Root cause\n\nz\n\n## Appendix\n\nlogs\n';
  for (const heading of ['## Resolution', '## Response', '## Conclusion']) {
    const text = certain.replace('## Appendix', heading);
    assert.doesNotMatch(fixAll(text, { force: true }).text, /## Action items/, heading);
    const finding = analyze(text, { force: true }).findings.find((candidate) => candidate.message.includes("'Action items'"));
    assert.equal(finding?.fix?.safe, false, heading);
  }
});

test('an untitled opening paragraph may be the summary: fix-all does not insert one above it', () => {
  const text = '# Outage\n\nOn Monday the export queue stalled for an hour and every report was late.\n\n## Impact\n\ny\n\n## Timeline\n\n- 10:00 a\n\n## Root cause\n\nz\n\n## Action items\n\n- [ ] Alert @ana due 2026-01-02\n';
  assert.doesNotMatch(fixAll(text, { force: true }).text, /## Summary/);
});

test('property: any text after TOML fences or module lines parses, and every field read lies inside the text', () => {
  const line = fc.oneof(fc.constantFrom('+++', 'import a from "b"', 'export const c = {', '}', 'date = 2026-01-02', "  date: '2026-01-02',", '- Impact: x', '_Lessons_', '## Date: 3 May 2026', ''), fc.string({ maxLength: 20 }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const text = lines.join('\n');
      const { model } = analyze(text, { force: true, today: '2026-12-01' });
      for (const field of model?.metadata ?? []) {
        assert.ok(field.valueSpan.start >= 0 && field.valueSpan.start <= field.valueSpan.end && field.valueSpan.end <= text.length);
      }
      for (const section of model?.sections ?? []) assert.ok(section.heading.start <= section.heading.end && section.heading.end <= text.length);
    }),
    { numRuns: 300 },
  );
});

test('inline HTML: an HTML heading is a heading, an anchor inside a Markdown heading is no part of its name', () => {
  const model = modelOf('# Outage\n\n<h2 id="impact">Customer&nbsp;impact</h2>\n\nExports were late.\n\n## <a name="why"></a>Root cause\n\nA lock.\n\n<img src="graph.png" alt="queue depth">\n');
  assert.deepEqual(kinds(model).slice(1), [
    ['Customer impact', 'impact', false],
    ['Root cause', 'root-cause', false],
  ]);
  assert.equal(model.sections[1].empty, false);
});

test('a bold question alone on its line opens the section it asks about', () => {
  const model = modelOf('# Outage\n\n**What could have gone better?**\n\n- paging took ten minutes\n');
  assert.deepEqual(kinds(model).slice(1), [['What could have gone better?', 'what-went-poorly', false]]);
});

test('headings other teams write for a section: a summary in a phrase, why-questions with other verbs or a filler, an origin, a data loss, a to-do list', () => {
  assert.deepEqual(read('In short:'), ['summary', false]);
  assert.deepEqual(read('In a nutshell'), ['summary', false]);
  assert.deepEqual(read('Why did it fail?'), ['root-cause', false]);
  assert.deepEqual(read('Why did this go down, though?'), ['root-cause', false]);
  assert.deepEqual(read('So how did this break, really?'), ['root-cause', false]);
  assert.deepEqual(read('Origin of the outage'), ['root-cause', false]);
  assert.deepEqual(read('Finding the culprit'), ['root-cause', true]);
  assert.deepEqual(read('A smoking gun'), ['root-cause', true]);
  assert.deepEqual(read('Data loss'), ['impact', true]);
  assert.deepEqual(read('What was lost'), ['impact', true]);
  assert.deepEqual(read('Cleanup TODO'), ['action-items', false]);
  assert.deepEqual(read('Open to-dos'), ['action-items', false]);
  assert.deepEqual(read('Corrective and preventive measures'), ['action-items', false]);
  assert.deepEqual(read('Preventive actions'), ['action-items', false]);
  assert.deepEqual(read('Resulting action'), ['action-items', false]);
  assert.deepEqual(read('Short timeline of events leading up to the page storm'), ['timeline', false]);
  assert.deepEqual(read('Our paging timeline looked roughly like this'), ['timeline', false]);
});

test('an action a sentence or heading describes is no plan: a bare placeholder word or an event named "action" opens no action items section', () => {
  assert.equal(recogniseHeading('Triggering action'), undefined);
  assert.equal(recogniseHeading('TODO'), undefined);
  assert.equal(recogniseHeading('Unsafe action taken by the script')?.kind, undefined);
});

test('"What went right" and "What went wrong" are the sections themselves, not topics displaced by a "What worked" further down', () => {
  const model = modelOf('# Outage\n\n## What went wrong\n\nPaging was slow.\n\n## What went right\n\nThe rollback was quick.\n\n## Lessons learned\n\n### What worked\n\nThe runbook.\n');
  assert.deepEqual(kinds(model).slice(1, 3), [
    ['What went wrong', 'what-went-poorly', false],
    ['What went right', 'what-went-well', false],
  ]);
});

test('a first heading "RCA: ..." or "Retrospective: ..." names the report; a later "Root cause analysis" is the section', () => {
  const model = modelOf('# RCA: Ledger export stalls (2026-03-02)\n\n## Summary\n\nExports stalled.\n\n## Root cause analysis\n\nA lock.\n');
  assert.deepEqual(kinds(model), [
    ['RCA: Ledger export stalls (2026-03-02)', null, false],
    ['Summary', 'summary', false],
    ['Root cause analysis', 'root-cause', false],
  ]);
  assert.equal(modelOf('# Retrospective: queue backlog\n\nText.\n').sections[0].kind, undefined);
});

test('headings that ask how the team let it happen, a diagnosis, a reconstructed timeline', () => {
  assert.deepEqual(read('How did we let this happen?'), ['root-cause', false]);
  assert.deepEqual(read('Why did they allow it to happen'), ['root-cause', false]);
  assert.deepEqual(read('How could this have happened?'), ['root-cause', false]);
  assert.deepEqual(read('Diagnosis'), ['root-cause', true]);
  assert.deepEqual(read('Timeline reconstruction'), ['timeline', false]);
  assert.deepEqual(read('Immediate actions needed:'), ['action-items', false]);
  assert.deepEqual(read('Prevention measures'), ['action-items', true]);
  assert.deepEqual(read("What we've done to prevent this"), ['action-items', true]);
  assert.deepEqual(read('Customer-facing effects'), ['impact', true]);
});

test('a bold label about a user is no impact section unless it names an effect', () => {
  assert.equal(recogniseHeading('User feedback'), undefined);
  assert.equal(recogniseHeading('User assumed'), undefined);
  assert.deepEqual(recogniseHeading('Affected services'), { kind: 'impact', uncertain: true });
});

test('a bold line of two sentences is emphasis, not a label opening a section', () => {
  const model = modelOf('# Outage\n\n## Conclusion\n\n**The review is over. Root cause found and fixes planned.**\n\nClosing words.\n');
  assert.deepEqual(kinds(model).slice(1), [['Conclusion', null, false]]);
});

test('an H1 that names the report last is the title, not a section', () => {
  const model = modelOf('# Cache cluster upgrade RCA\n\n## Summary\n\nText.\n');
  assert.deepEqual(kinds(model), [
    ['Cache cluster upgrade RCA', null, false],
    ['Summary', 'summary', false],
  ]);
  const postmortem = modelOf('# Queue backlog post-mortem\n\nText.\n');
  assert.equal(postmortem.sections[0].kind, undefined);
});

test('"Fallout" is the impact, read loosely; "Root of the issue" is the root cause', () => {
  assert.deepEqual(read('Fallout'), ['impact', true]);
  assert.deepEqual(read('The fallout'), ['impact', true]);
  assert.deepEqual(read('Root of Issue'), ['root-cause', false]);
  assert.deepEqual(read('Root of the problems'), ['root-cause', false]);
  assert.equal(read('Fallout shelter drills'), undefined);
});

test('on a page kept as plain text, a question that closes the header lines opens its section, and a long question about recommendations names the actions', () => {
  const page = [
    'Outage report 2019-07',
    '',
    'Campus Mail',
    '',
    'Ticket: INC0001234',
    'Change: CHG0005678',
    'What happened?',
    '',
    'Mail delivery stopped for two hours.',
    '',
    'What was the root cause of the mail stoppage?',
    '',
    'A relay certificate expired.',
    '',
    'What are the recommendations to prevent this from happening again?',
    '',
    'Track certificate expiry dates in the monitoring system.',
    '',
  ].join('\n');
  assert.deepEqual(
    modelOf(page).sections.filter((section) => section.kind !== undefined).map((section) => [section.title, section.kind]),
    [
      ['What happened?', 'summary'],
      ['What was the root cause of the mail stoppage?', 'root-cause'],
      ['What are the recommendations to prevent this from happening again?', 'action-items'],
    ],
  );
  assert.deepEqual(read('Recommendations to prevent a recurrence'), ['action-items', true]);
});

test('a log whose incidents are headings of the level of their sections compares each incident\'s sections only with each other', () => {
  const log = [
    '# Incident log',
    '',
    '## Search timeouts - 2024-10-08',
    '',
    'The search API timed out for an hour.',
    '',
    '## Actions to stop a repeat in the future',
    '',
    '- Add a timeout to the ranking call',
    '',
    '## Broken uploads - 2024-10-02',
    '',
    'Uploads failed for a morning.',
    '',
    '## Actions to stop a repeat in the future',
    '',
    '- Test uploads in the release pipeline',
    '',
  ].join('\n');
  const duplicates = (text: string) => analyze(text, { force: true, today: '2026-12-01' }).findings.filter((finding) => finding.ruleId === 'duplicate-section');
  assert.equal(duplicates(log).length, 0);
  assert.deepEqual(read('Actions to stop a repeat in the future'), ['action-items', false]);
  // Without a dated incident heading between them, the two are one section told twice.
  assert.equal(duplicates(log.replace('## Broken uploads - 2024-10-02', '## Notes')).length, 1);
});

test('"What we did" names the steps taken, loosely', () => {
  assert.deepEqual(read('What we did'), ['action-items', true]);
  assert.deepEqual(read('What we did well'), ['what-went-well', false]);
});

test('enhancements that prevent or come later are the actions, loosely; enhancements of an area are not', () => {
  assert.deepEqual(read('7. Preventive Enhancements'), ['action-items', true]);
  assert.deepEqual(read('Planned enhancements'), ['action-items', true]);
  assert.equal(read('Dashboard enhancements'), undefined);
});
