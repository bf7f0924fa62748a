// Blame aimed at people in charge, blame pinned on someone, a mistake told by who made it, apologies for our own lapse;
// hindsight told as a choice that "ended up being" a mistake; and the near-misses that stay quiet: a standing practice told in the present, a denial that anyone was at fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blameInSummary } from './blame-support';

function reported(summary: string): string[] {
  return blameInSummary(summary).map(([words]) => words);
}

test('executives, founders and management are people who can be made the cause', () => {
  assert.deepEqual(reported('The executives failed to test the failover plan.'), ['The executives failed to test']);
  assert.deepEqual(reported('The CTO ignored the capacity warnings.'), ['The CTO ignored the capacity warnings']);
  assert.deepEqual(reported('Management failed to staff the second shift.'), ['Management failed to staff']);
  // "management" also names software: only a clearly human fault is read for it.
  assert.deepEqual(reported('Memory management failed to release the buffers.'), []);
});

test('blame pinned on a person is read, with the thing blamed between', () => {
  assert.deepEqual(reported('The vendor blamed the delay on a contractor.'), ['blamed the delay on a contractor']);
  assert.deepEqual(reported('The first write-up shifted the blame to the on-call engineer.'), ['shifted the blame to the on-call engineer']);
  assert.deepEqual(reported('The outage was blamed on the storage layer.'), []);
});

test('a mistake told by the person who made it is blame; one told by the system that made it is not', () => {
  assert.deepEqual(reported('The page came from an error that a new hire made in the config.'), ['error that a new hire made']);
  assert.deepEqual(reported('The page came from an error that the parser made on empty input.'), []);
});

test('an ill-judged call is a mistake; a call told plainly is not', () => {
  assert.deepEqual(reported('The director made an ill-judged call to skip the dry run.'), ['The director made an ill-judged call']);
  assert.deepEqual(reported('The director made the call to skip the dry run.'), []);
});

test('an apology or regret for our own lapse is self-criticism, at info', () => {
  assert.deepEqual(blameInSummary('We apologise for this oversight.'), [['We apologise for this oversight', 'info']]);
  assert.deepEqual(blameInSummary('We deeply regret that the restore was never rehearsed.'), [['We deeply regret that the restore was never', 'info']]);
  // An apology for the outage itself, or regret about something we did do, names no lapse.
  assert.deepEqual(reported('We apologise for the disruption this caused.'), []);
  assert.deepEqual(reported('We regret that the maintenance ran into business hours.'), []);
});

test('a standing practice told in the present is not a lapse; the same step not taken that day is', () => {
  assert.deepEqual(reported('The platform team does not run public snapshot mirrors.'), []);
  assert.deepEqual(reported('We don\'t keep debug logs past a week.'), []);
  assert.deepEqual(reported('The on-call engineer did not run the snapshot job.'), ['The on-call engineer did not run']);
  // Told in the present as the story goes on ("applies ..., and does not update"), a step not taken is read.
  assert.deepEqual(reported('Sam restarts the pod and does not check the logs.'), ['Sam restarts the pod and does not check']);
});

test('"none of which is the fault of" someone is a denial', () => {
  assert.deepEqual(reported('Several things went wrong, none of which were the fault of the reviewer.'), []);
  assert.deepEqual(reported('The broken migration was the fault of the reviewer.'), ['the fault of the reviewer']);
});

test('a choice that "ended up being" a mistake and a safeguard that "should have been in place" are hindsight, at info', () => {
  assert.deepEqual(blameInSummary('Skipping the load test ended up being a costly mistake.'), [['ended up being a costly mistake', 'info']]);
  assert.deepEqual(blameInSummary('A quota on the export job should have been in place before launch.'), [['should have been in place', 'info']]);
  // A safeguard that is in place, and a choice that ended up as the plan, judge nothing.
  assert.deepEqual(reported('The quota has been in place since the spring.'), []);
  assert.deepEqual(reported('The second region ended up being the one we kept.'), []);
});

test('blaming as the subject of a clause talks about blame as a practice; an oversight committee is a body, not a lapse', () => {
  assert.deepEqual(reported('Critics argued that blaming a contractor ignores the missing access controls.'), []);
  assert.deepEqual(reported('The vendor kept blaming the intern for the leak.'), ['blaming the intern']);
  assert.deepEqual(reported('The findings went to the state oversight committee.'), []);
  assert.deepEqual(reported('This small config oversight cost us the evening.'), ['This small config oversight']);
});

test('a decision not to act, told with its reason, is recorded as a decision; without one it is still hindsight', () => {
  assert.deepEqual(reported('Given how many other alerts were open, we decided not to rebuild the runner that night.'), []);
  assert.deepEqual(reported('We chose not to fail over, because the replica was a day behind.'), []);
  assert.deepEqual(blameInSummary('We decided not to rebuild the runner.'), [['We decided not to rebuild', 'info']]);
});
