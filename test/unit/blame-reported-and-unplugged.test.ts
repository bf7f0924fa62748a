// Blame reported by someone else ("the report says the operator was to blame"), blame of a day's outage, and a plug
// pulled by a person: a figurative "pulled the plug on the project" is a decision, not an act that broke something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('a person reported, found or claimed to be at fault is blamed in the reported words', () => {
  assert.ok(flagged('The review says that a site technician was to blame for the outage.'));
  assert.ok(flagged('Investigators found the contractor was at fault.'));
  assert.ok(flagged('Local papers reported the night operator caused the blackout.'));
  assert.ok(flagged('I went down to the rack to see she had unplugged the core router.'));
  assert.ok(!flagged('The review says that the load balancer was the cause.'));
});

test('a verb between two determiners does not make a noun phrase: blaming a person is not the person acting', () => {
  assert.ok(!flagged('Analysts say that blaming an engineer ignores the gaps in the access policy.'));
});

test("an outage named by its day or its owner ('Friday's outage', 'the bank's failure') can be caused by a person", () => {
  assert.ok(flagged("A junior admin was to blame for Friday's outage."));
  assert.ok(flagged("The operator caused last week's outage."));
  assert.ok(flagged("The vendor's technician caused the bank's failure."));
});

test('a person pulling plugs, kicking out a cable or unplugging equipment is blamed; pulling the plug on a project is a decision', () => {
  assert.ok(flagged('A technician kicked out the power cable of the storage shelf.'));
  assert.ok(flagged('Someone on the night shift started pulling plugs in row four.'));
  assert.ok(flagged('The electrician unplugged the edge switch.'));
  assert.ok(!flagged('The sponsors pulled the plug on the grant.'));
  assert.ok(!flagged('We recommend unplugging the spare node before the move.'));
});

test('contract personnel, a contract worker and an officer are people; what a review determined is reported blame', () => {
  assert.ok(flagged('Contract personnel unintentionally deleted the schedule files.'));
  assert.ok(flagged('A contract worker accidentally wiped the spare disks.'));
  assert.ok(flagged('The duty officer accidentally switched off the backup feed.'));
  assert.ok(flagged('The audit determined that the night operator was at fault.'));
  assert.ok(!flagged('The worker failed to process the job.'));
});

test('hindsight about awareness or care, the mistake of doing something, and calling ourselves dismissive are judged at info', () => {
  assert.ok(flagged('The vendor should have been fully aware of the expiry date.'));
  assert.ok(flagged('We made the mistake of resizing the volume during peak hours.'));
  assert.ok(flagged('Looking back, I was dismissive of the first report.'));
  assert.ok(!flagged('The volume was resized during peak hours.'));
});

test('a measure a provider took on purpose is no fault named; a bad part from a party still is', () => {
  assert.ok(!flagged('The mirror went dark due to an unexpected account suspension by our hosting provider.'));
  assert.ok(!flagged('The mirror went dark due to a sudden server block by the provider.'));
  assert.ok(flagged('The sync stalled due to a malformed block from an outside validator.'));
});

test('hindsight that the team should have been ready, that it could have been solved sooner, or an apology for allowing it', () => {
  assert.ok(flagged('We should have been better prepared for the surge in sign-ups.'));
  assert.ok(flagged('Honestly, the whole outage could have been resolved much sooner.'));
  assert.ok(flagged('We are sorry for allowing this to happen.'));
  assert.ok(!flagged('We are sorry for the trouble this caused.'));
});

test('errors of judgement and a person\'s misstep are judged; talk of scapegoats, human error among general causes and a fix against "such an oversight" are not', () => {
  assert.ok(flagged('Two errors in judgement let the outage run for a day.'));
  assert.ok(flagged("The electrician's misstep took the rack offline."));
  assert.ok(!flagged('Junior staff are often the scapegoats for human error.'));
  assert.ok(!flagged('Power cuts, human error and disk failures can all cause data loss.'));
  assert.ok(!flagged('A regression test now guards against such an oversight.'));
  assert.ok(!flagged('We have refunded the missed payouts in full.'));
});
