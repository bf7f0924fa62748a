// Words of fault used where no one's conduct is judged: time off owed, a system that did not come up, a counterfactual
// that clears the team, an instruction to the reader, a goal, prudence, haste to help, and mistakes spoken of in general.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('what someone was supposed to be doing off duty is no duty missed', () => {
  assert.ok(!flagged('We spent the team day on the restore when we were supposed to be relaxing.'));
  assert.ok(!flagged('She was supposed to be on vacation that week.'));
  assert.ok(flagged('The operator was supposed to be watching the queue.'));
});

test('a named service that did not come online is a system, not a person who did not act', () => {
  assert.ok(!flagged('Plausible did not come online at once because of a bad container setting.'));
  assert.ok(flagged('The on-call engineer did not come.'));
});

test('a counterfactual that says acting earlier would not have helped clears the team', () => {
  assert.ok(!flagged('The teams work apart, so if we had tagged it on Monday it would not have helped.'));
  assert.ok(!flagged('It would not have made a difference even if we had waited.'));
  assert.ok(flagged('If we had tested the change, we would have caught it.'));
});

test('an instruction that sets people a task, and a goal for what people should be able to do, judge no one', () => {
  assert.ok(!flagged('Have people who have never run the steps practise them once a quarter.'));
  assert.ok(!flagged('The guide should be plain enough that two new, inexperienced people should be able to cut a release.'));
  assert.ok(flagged('Inexperienced people cut the release, so they should be able to fix it.'));
});

test('deciding to disable a service out of caution is a response; deciding to disable a safeguard is judged', () => {
  assert.ok(!flagged('We decided to disable the signup service for a day as a precaution.'));
  assert.ok(flagged('The on-call engineer decided to disable the disk alerts.'));
});

test('rushing over to help is no haste that did harm', () => {
  assert.ok(!flagged('We rushed over to the data centre and started on the racks.'));
  assert.ok(flagged('The engineer rushed the migration.'));
});

test('human error spoken of in general, in a condition, or as a criticism of blaming is no one blamed', () => {
  assert.ok(!flagged('Occasionally, operator error spreads to other systems.'));
  assert.ok(!flagged('No downtime is planned, unless an operator error creeps in.'));
  assert.ok(!flagged('The union said that blaming the outage solely on human error missed the real issues.'));
  assert.ok(flagged('The outage was caused by human error.'));
});

test('words quoted after a colon stay quoted when the closing mark falls in a later sentence', () => {
  assert.ok(!flagged('A packager replied: “We hadn’t noticed the option change before the notice.'));
  assert.ok(flagged('We hadn’t noticed the option change before the notice.'));
});

test('a cause left unticked in a form\'s checklist is an option not chosen; a ticked one is still read', () => {
  const form = (box: string) =>
    analyze(`# Incident 0004: validator stall\n\n## Trigger\n\n- [ ] Suspected malware\n- ${box} Operator error by the on-call engineer\n\n## Summary\n\nThe validator stalled for six hours.\n`, { force: true, today: '2026-12-01' }).findings.filter(
      (finding) => finding.ruleId === 'blameful-language',
    );
  assert.equal(form('[ ]').length, 0);
  assert.equal(form('[x]').length, 1);
});

test('a team unable to find the fix until a given hour tells how long it took, not who failed', () => {
  assert.ok(!flagged('The ops team stepped in at once, yet was not able to pin down a lasting fix until 19:20.'));
  assert.ok(flagged('The on-call engineer was not able to find the runbook.'));
});

test('"even if someone had ..., it would not have ..." clears whoever it names', () => {
  assert.ok(!flagged('Even if someone had seized the admin key, the vault would not have let them drain it.'));
  assert.ok(flagged('If someone had checked the logs, the job would have stopped.'));
});

test('a habit, a status, a decision that it was time, and a risk weighed are no lapse', () => {
  assert.ok(!flagged("It's a short post, and I hadn't written one in a while."));
  assert.ok(flagged("I hadn't taken prod down for months until last Friday."));
  assert.ok(!flagged('We have not released a new version yet, but a snapshot build has the fix.'));
  assert.ok(!flagged('I thought it was time to write an update on how the servers fit together.'));
  assert.ok(!flagged('We worried that an admin could accidentally purge packages other teams rely on.'));
  assert.ok(flagged('The on-call thought it was a smart idea to ship untested code.'));
  assert.ok(flagged('The operator accidentally removed the packages.'));
});

test('a need or proposal, what someone saw fail, and a wrong denied are no lapse', () => {
  assert.ok(!flagged('We need to check the rendered page instead of only the status code.'));
  assert.ok(!flagged('We should alert on the queue depth instead of the error count.'));
  assert.ok(flagged('We checked the status code instead of the rendered page.'));
  assert.ok(!flagged('In the logs we saw the exporter failed to reach the bucket.'));
  assert.ok(flagged('We noticed the reviewer failed to run the migration check.'));
  assert.ok(!flagged('We never misled our users about the outage; every update went out within the hour.'));
  assert.ok(flagged('We never tested the restore path.'));
});

test('"in error logs", a step not yet taken, one held back until safe, a capability and a "how we" clause are no lapse', () => {
  assert.ok(!flagged('The same timeout showed up in error logs all week, a few times a day.'));
  assert.ok(flagged('The row was deleted in error.'));
  assert.ok(!flagged('Because we did not yet deploy the new contract, we had time to study the bug.'));
  assert.ok(!flagged('The funds were safe since we did not swap the contract without a fix.'));
  assert.ok(!flagged('Nightly snapshots mean we could have restored the table within minutes in the event of a failure.'));
  assert.ok(flagged('We could have restored the table sooner.'));
  assert.ok(!flagged('The library upgrade changed how we handle duplicate keys and introduced a bug that dropped rows.'));
  assert.ok(flagged('We introduced a bug that dropped rows.'));
});
