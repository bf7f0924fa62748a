// Blame read in news reports and confessions: staff, IT workers and newbies as people, slang for botching, corners cut
// by the lot, the writer calling themselves a fool or their decision stupid, and a misunderstanding given as the cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('staff, an IT worker and a newbie are people; a worker process and a package installer are not', () => {
  assert.ok(flagged('The support staff did not escalate the complaints.'));
  assert.ok(flagged('An IT worker deleted the job schedule by mistake.'));
  assert.ok(flagged('A newbie on the desk chose the wrong backup target.'));
  assert.ok(!flagged('The worker failed to process the job.'));
  assert.ok(!flagged('The package installer failed to install the update.'));
  assert.ok(!flagged('The staff meeting ran long.'));
});

test('a person who stuffed up the work is judged, as one who botched it', () => {
  assert.ok(flagged('The admin stuffed up the upgrade.'));
});

test('the writer calling themselves a fool, their decision stupid, or cutting lots of corners judges their own conduct', () => {
  assert.ok(flagged('After the rollback I felt like a complete fool.'));
  assert.ok(flagged('Like a fool, I pasted the live password into the ticket.'));
  assert.ok(flagged('Our stupid decision cost us a weekend.'));
  assert.ok(flagged('I cut lots of corners on the restore script.'));
  assert.ok(!flagged('The installer looked like an idiot-proof setup.'));
});

test('a misunderstanding of the docs given as the cause is hindsight; a misunderstanding between teams as a plain event is not flagged', () => {
  assert.ok(flagged('We turned the retries off, based on a misunderstanding of the client manual.'));
  assert.ok(!flagged('A misunderstanding between teams delayed the fix.'));
});

test('a person who turns off a safeguard on their own is blamed; a step with its purpose, or done by a script, is not', () => {
  assert.ok(flaggedInSummary('The site technician disabled both breaker interlocks.'));
  assert.ok(flaggedInSummary('She switched off the alarms and the tank overflowed.'));
  assert.ok(!flaggedInSummary('Ana disabled the alarms to stop the paging storm.'));
  assert.ok(!flaggedInSummary('We disabled the noisy alarms during the maintenance window.'));
  assert.ok(!flaggedInSummary('The cleanup script disabled the safety checks.'));
});

test('"we were not ready" judges the team at info; readiness for a step still to come does not', () => {
  assert.ok(flaggedInSummary('We were not ready, plain and simple.'));
  assert.ok(flaggedInSummary('Honestly, we were not prepared for this.'));
  assert.ok(!flaggedInSummary('We were not ready to release until the tests passed.'));
  assert.ok(!flaggedInSummary('The replicas were not ready.'));
});

test('the writers owning the fault in so many words, or releasing a bug, judge themselves', () => {
  assert.ok(flaggedInSummary('Mea culpa!'));
  assert.ok(flaggedInSummary('We take the blame for not telling users what the change would do.'));
  assert.ok(flaggedInSummary('The whole outage came from a fault of our own.'));
  assert.ok(flaggedInSummary('We released a bug.'));
  assert.ok(!flaggedInSummary('The report takes the blame away from the operators.'));
});
