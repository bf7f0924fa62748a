// Sections read by what they hold when their heading names no kind: a root cause named outright, and the near-misses
// that must stay unread (history told with "because", a cause named once, a kind some heading already names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';

function analysed(text: string): { model: Postmortem; missing: string[] } {
  const { model, findings } = analyze(text, { force: true, today: '2026-12-01' });
  assert.ok(model);
  return { model, missing: findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.message) };
}

const sectionTitled = (model: Postmortem, title: string) => model.sections.find((section) => section.title === title);

/** A postmortem with every required section but the root cause, and `middle` between the timeline and the actions. */
function postmortem(middle: string[]): string {
  return [
    '# Postmortem: Invoice exports stalled', '',
    '## Summary', '', 'Invoice exports stalled for two hours on Tuesday and were replayed once the queue drained.', '',
    '## Impact', '', 'About 300 invoices reached customers late.', '',
    '## Timeline', '', '- 09:10 The export queue stops draining.', '- 10:40 Workers restarted; the queue drains.', '',
    ...middle, '',
    '## Action items', '', '- [ ] Alert on queue age @mira due 2026-12-20', '',
  ].join('\n');
}

test('a section whose heading names no kind and that names the cause outright twice is the root cause, read by its content', () => {
  const { model, missing } = analysed(postmortem([
    '## The retry loop', '',
    'The stall was caused by a retry loop in the export worker: the root cause was a timeout shorter than the slowest export,',
    'so every slow export was retried forever and held its worker.',
  ]));
  const section = sectionTitled(model, 'The retry loop');
  assert.equal(section?.kind, 'root-cause');
  assert.equal(section?.uncertain, true);
  assert.equal(section?.kindFrom, 'content');
  assert.deepEqual(missing, []);
});

test('the cause named in a sub-section of a heading of no kind reads the whole section', () => {
  const { model } = analysed(postmortem([
    '## What broke', '', 'Two things went wrong at once.', '',
    '### In the worker', '', 'The bug was a retry loop. The stall happened because the loop never gave up its worker.',
  ]));
  assert.equal(sectionTitled(model, 'What broke')?.kind, 'root-cause');
  assert.equal(sectionTitled(model, 'In the worker')?.kind, undefined);
});

test('history told with "because" and "due to" is no root cause: the missing section is still reported', () => {
  const { model, missing } = analysed(postmortem([
    '## How the exporter came to be', '',
    'The exporter was written in 2019 because the billing team needed monthly files. It moved to the queue due to growth,',
    'and it has run there since.',
  ]));
  assert.equal(sectionTitled(model, 'How the exporter came to be')?.kind, undefined);
  assert.deepEqual(missing, ["Required section 'Root cause' is missing."]);
});

test('a cause named only once is not enough', () => {
  const { model } = analysed(postmortem(['## Odds and ends', '', 'The stall was caused by a retry loop, and finance reran the month-end report by hand.']));
  assert.equal(sectionTitled(model, 'Odds and ends')?.kind, undefined);
});

test('a kind some heading names is not read again from content, nor is a sub-section of a known kind', () => {
  const causes = ['The stall was caused by a retry loop.', 'The root cause was a timeout shorter than the slowest export.'];
  const named = analysed(postmortem(['## Root cause', '', 'A retry loop.', '', '## Where things stand', '', ...causes]));
  assert.equal(sectionTitled(named.model, 'Where things stand')?.kind, undefined);
  const nested = analysed(postmortem(['## Lessons learned', '', 'Retries need a limit.', '', '### Notes', '', ...causes]));
  assert.equal(sectionTitled(nested.model, 'Notes')?.kind, undefined);
  assert.deepEqual(nested.missing, ["Required section 'Root cause' is missing."]);
});

test('a well-known extra section that names its trigger stays what it is', () => {
  const { model } = analysed(postmortem(['## Trigger', '', 'The stall was caused by a deploy. The root cause was a timeout that was too short.']));
  assert.equal(sectionTitled(model, 'Trigger')?.kind, undefined);
});

test('the timeline and the actions read by their content are marked so', () => {
  const timeline = analysed([
    '# Postmortem: X', '', '## Technical details', '',
    '- 09:10 The queue stops draining.', '- 09:30 An engineer is paged.', '- 10:40 Workers restarted.', '',
  ].join('\n'));
  assert.equal(sectionTitled(timeline.model, 'Technical details')?.kindFrom, 'content');
  const actions = analysed(['# Postmortem: X', '', '## Details of the fix', '', 'The team will cap the retries of the export worker.', ''].join('\n'));
  assert.equal(sectionTitled(actions.model, 'Details of the fix')?.kind, 'action-items');
  assert.equal(sectionTitled(actions.model, 'Details of the fix')?.kindFrom, 'content');
  assert.equal(actions.model.sections[0].kindFrom, 'title');
});

/** A postmortem with every required section but the action items, and `middle` after the root cause. */
function withoutActions(middle: string[]): string {
  return [
    '# Postmortem: Invoice exports stalled', '',
    '## Summary', '', 'Invoice exports stalled for two hours.', '',
    '## Impact', '', 'About 300 invoices reached customers late.', '',
    '## Timeline', '', '- 09:10 The export queue stops draining.', '- 10:40 Workers restarted.', '',
    '## Root cause', '', 'A retry loop without a limit.', '',
    ...middle, '',
  ].join('\n');
}

test('a list of tasks with checkboxes or owners, opening with imperatives, is the action items, read by its content', () => {
  const { model, missing } = analysed(withoutActions([
    '## Where things stand', '',
    '- [ ] Cap the export retries @mira',
    '- [ ] Alert on queue age, Owner: Jon',
    '- [x] Document the replay procedure',
  ]));
  const section = sectionTitled(model, 'Where things stand');
  assert.equal(section?.kind, 'action-items');
  assert.equal(section?.kindFrom, 'content');
  assert.deepEqual(missing, []);
  assert.equal(model.actionItems.length, 3);
});

test('a log whose entries name people, or steps taken, are no list of tasks', () => {
  const log = analysed(withoutActions([
    '## On the day', '',
    '- @mira pages @jon and they start looking.',
    '- @jon notices the queue age alarm was muted.',
    '- @mira restarts the workers.',
  ]));
  assert.equal(sectionTitled(log.model, 'On the day')?.kind, undefined);
  const steps = analysed(withoutActions(['## What we tried', '', '- [x] Restarted the workers', '- [x] Replayed the queue', '- [x] Checked the invoices']));
  assert.equal(sectionTitled(steps.model, 'What we tried')?.kind, undefined);
});

test('a list of tasks beside an Action items section, or under a date heading, is not read as action items', () => {
  const tasks = ['- [ ] Cap the export retries @mira', '- [ ] Alert on queue age @jon', '- [ ] Review the replay runbook @ana'];
  const beside = analysed(withoutActions(['## Next steps', '', '- Agree on an owner for the exporter.', '', '## Where things stand', '', ...tasks]));
  assert.equal(sectionTitled(beside.model, 'Next steps')?.kind, 'action-items');
  assert.equal(sectionTitled(beside.model, 'Where things stand')?.kind, undefined);
  const dated = analysed(withoutActions(['## October 2026', '', ...tasks]));
  assert.equal(sectionTitled(dated.model, 'October 2026')?.kind, undefined);
});

test('timed entries under day headings make the section around the days the timeline', () => {
  const { model } = analysed([
    '# Postmortem: X', '', '## What we saw', '',
    '### 2026-03-05', '', '- 09:10 The queue stops draining.', '- 09:30 An engineer is paged.', '- 10:40 Workers restarted.', '',
    '### 2026-03-06', '', '- 08:00 The backlog is cleared.', '',
  ].join('\n'));
  assert.equal(sectionTitled(model, 'What we saw')?.kind, 'timeline');
  assert.equal(sectionTitled(model, '2026-03-05')?.kind, undefined);
  assert.equal(model.timeline.length, 4);
});

test('without an Action items section, a Solutions list of things to do holds the actions, also under an H1 in a document of H1s', () => {
  const text = [
    '# Ledger node halt', '',
    'The ledger nodes halted after the upgrade and were rolled back.', '',
    '# Root of the problem', '', 'The migration wrote the state in an order the new version rejects.', '',
    '# Solutions', '', '- Sort the state keys during the migration', '- Rebuild the genesis file', '- Reset the contract store.', '',
  ].join('\n');
  const { model } = analyze(text, { force: true, today: '2026-12-01' });
  assert.equal(sectionTitled(model!, 'Solutions')?.kind, 'action-items');
  assert.equal(model?.actionItems.length, 3);
  // Steps told as done are no plan: the section stays unread.
  const done = text.replace('- Sort the state keys during the migration', '- Sorted the state keys').replace('- Rebuild the genesis file', '- Rebuilt the genesis file').replace('- Reset the contract store.', '- The contract store was emptied.');
  assert.equal(sectionTitled(analyze(done, { force: true, today: '2026-12-01' }).model!, 'Solutions')?.kind, undefined);
});

test('without an Action items section, a Resolution or Conclusion that promises what will change holds the actions; one that tells the fix does not', () => {
  const base = ['# Mirror outage', '', '## Summary', '', 'The package mirror served stale files for a day.', '', '## Timeline', '', '- 09:00 Stale files reported', ''];
  const promising = [...base, '## Resolution', '', 'We will add a second upstream so one slow provider cannot stall the mirror.', ''].join('\n');
  assert.equal(sectionTitled(analyze(promising, { force: true, today: '2026-12-01' }).model!, 'Resolution')?.kind, 'action-items');
  const told = [...base, '## Resolution', '', 'The mirror was resynced from the second upstream and served fresh files by noon.', ''].join('\n');
  assert.equal(sectionTitled(analyze(told, { force: true, today: '2026-12-01' }).model!, 'Resolution')?.kind, undefined);
});

test('a notice whose entries open on field labels ("Issue:", "Update:", "Share notice:") holds no actions, though the labels are verbs', () => {
  const notice = (entries: string[]) => ['# Service notices', '', '## June 3rd storage outage resolution', '', ...entries, ''].join('\n');
  const fields = notice(['* **Issue**: The cluster is unavailable while the storage array is repaired.', '* **Update**: Staff found the failing controller.', '* **Share notice**: https://example.com/june3']);
  const { model } = analyze(fields, { force: true, today: '2026-12-01' });
  assert.equal(sectionTitled(model!, 'June 3rd storage outage resolution')?.kind, undefined);
  assert.equal(model?.actionItems.length, 0);
  const tasks = notice(['* Replace the failing controller', '* Update the storage runbook', '* Share the notice with every lab']);
  assert.equal(sectionTitled(analyze(tasks, { force: true, today: '2026-12-01' }).model!, 'June 3rd storage outage resolution')?.kind, 'action-items');
});
