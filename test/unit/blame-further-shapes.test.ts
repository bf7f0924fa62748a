// Further blame shapes, each with the near-misses that must stay quiet: recovery steps in a timeline, an interrupted
// "did not", a kind of failure spoken of in general, a safeguard's conditional refusal, data structures only code moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blameInSummary, flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('wiping a node and starting it again is a recovery step; wiping production alone is still read', () => {
  assert.ok(!flagged('- 02:10 Mara wipes the volume of node-3 and restarts the node.'));
  assert.ok(!flagged('Mara wiped the replica volumes and then resynced them from the primary.'));
  assert.ok(flagged('Mara wiped the billing database.'));
});

test('"did not" interrupted by "however" goes on to its verb; the elliptical "did not." is still read', () => {
  assert.ok(!flagged('We did not, at that point, touch the load balancer.'));
  assert.ok(flagged('The on-call was asked to page the vendor, but did not.'));
});

test('a kind of failure said to be frequent and preventable is a general claim; this outage called preventable is hindsight', () => {
  assert.ok(!flagged('Expired certificates are a frequent, preventable outage.'));
  assert.ok(!flagged('Full disks are a familiar and preventable failure.'));
  assert.deepEqual(blameInSummary('It was an easily preventable outage.').map(([, severity]) => severity), ['info']);
});

test('a script that refuses to act under a condition is a safeguard; a person who refused is read', () => {
  assert.ok(!flagged('The release job now checks the build and keeps refusing to publish unless the tests pass.'));
  assert.ok(flagged('The outage dragged on because of Sam refusing to roll back the release.'));
});

test('"we won\'t have to" is relief to come; a promise not to repeat an act is still read', () => {
  assert.ok(!flagged('We will move the jobs to the shared runners, so we won\'t have to maintain the old hosts anymore.'));
  assert.ok(flagged('We won\'t skip the canary again.'));
});

test('pointing at a person who made a mistake, said of anyone, is blame talked about in general', () => {
  assert.ok(!flagged('Nothing chills a review like a director pointing at the person who made the error.'));
  assert.ok(flagged('An engineer made a mistake and rotated the wrong keys.'));
});

test('a data structure set wrongly is what code did; a record set wrongly by hand is still read', () => {
  assert.ok(!flagged('After the rebalance, one leaf node got mistakenly recorded as its own parent, and reads failed.'));
  assert.ok(flagged('The refund was mistakenly sent to a closed account.'));
});

test('an act of ours that "turned out to be a mistake" is hindsight; a cause that turned out to be a change is not', () => {
  assert.deepEqual(blameInSummary('Rebuilding the index by hand proved a costly mistake.').map(([, severity]) => severity), ['info']);
  assert.ok(!flagged('The trigger turned out to be a schema change in the billing service.'));
});

test('"we" judging how much we let in, a decision we regret, a mistake we ask pardon for are read; plain apologies are not', () => {
  assert.ok(flagged('We accepted too many beta users before the quota work landed.'));
  assert.ok(flagged('We moved the queue to a single shard, a choice we now regret.'));
  assert.ok(flagged('I regret skipping the staging run.'));
  assert.ok(flagged('We ask you to excuse us for the errors in the first draft.'));
  assert.ok(flagged('Then came my own silly screw-up with the DNS zone.'));
  assert.ok(!flagged('We regret the inconvenience this caused.'));
  assert.ok(!flagged('We received too many alerts to read them all.'));
});

test('people judged as too hasty or careless are read; machines too slow are not', () => {
  assert.ok(flagged('The engineers were too hasty with the rollout.'));
  assert.ok(flagged('The contractors were careless with the spare keys.'));
  assert.ok(!flagged('The disks were too slow for the new index.'));
});

test('people who would not budge are read like people who refused; a stuck valve is not', () => {
  assert.ok(flagged('I asked the vendor to move the window, but they wouldn\'t budge, so we went ahead.'));
  assert.ok(!flagged('The rusted valve would not budge, so the pump stayed off.'));
});

test('a step left undone in the passive is a lapse at info; the same verbs done by code or done well are not', () => {
  for (const sentence of [
    'A restore drill was not performed after the storage migration.',
    'The feature flag was turned on for the import but never disabled.',
    'The stock log limit was not overridden in our golden image.',
    'The billing role didn\'t get updated when the export moved.',
    'The new parser wasn\'t tested against the old payloads.',
    'The patch was rolled out to every region without a canary.',
    'The volume label was assumed rather than verified.',
  ]) assert.deepEqual(blameInSummary(sentence).map(([, severity]) => severity), ['info'], sentence);
  assert.ok(!flagged('A restore drill was performed after the storage migration.'));
  assert.ok(!flagged('The patch was rolled out to every region behind a canary.'));
  assert.ok(!flagged('The certificate was renewed and the old one disabled.'));
});

test('people who misdiagnosed are read; hindsight that something "should have never" been is read', () => {
  assert.ok(flagged('The engineers misdiagnosed the spike as a traffic surge.'));
  assert.ok(flagged('The test fixture should never have contained a live API key.'));
  assert.ok(!flagged('The test fixture never contained a live API key.'));
});

test('what a person knew, judged as too little, is read; a log that gave little context is not', () => {
  assert.ok(flagged('The on-call engineer had limited context on the old queue.'));
  assert.ok(!flagged('The error message gave little context on the failing host.'));
});

test('acts done without care or without waiting for the checks are read; waiting for a lock is the job\'s', () => {
  assert.ok(flagged('Because I ran the sync without care, the mirror deleted the archive.'));
  assert.ok(flagged('The developers merged the branch without waiting for the CI results.'));
  assert.ok(!flagged('The worker restarted without waiting for the lock.'));
});

test('the one "to blame" named is read; "not to blame" is a denial', () => {
  assert.ok(flagged('The person to blame is the release manager.'));
  assert.ok(!flagged('The release manager is not to blame.'));
});

test('an omission or a named oversight is hindsight; oversight as supervision is not', () => {
  assert.ok(flagged('The cache expiry oversight cost us the whole evening.'));
  assert.ok(flagged('The rollout would have gone fine but for this small omission.'));
  assert.ok(!flagged('We will not give up that oversight to hit a date.'));
});

test('"in hindsight" opening what we or I did is hindsight; "in hindsight we were lucky" is not', () => {
  assert.deepEqual(blameInSummary('In hindsight, we did not need the second cluster at all.').map(([, severity]) => severity), ['info']);
  assert.ok(!flagged('In hindsight, we were lucky the backup ran that night.'));
});

test('a fault left undetected for a time is a passive lapse; "not detected by CI" says what the tool covers', () => {
  assert.ok(flagged('The leak was not detected for two days.'));
  assert.ok(!flagged('This warning is not detected by the linter.'));
});

test('"most of the engineers" names people as the subject; "a message from the engineers" does not', () => {
  assert.ok(flagged('Most of the engineers were too hasty with the rollout.'));
  assert.ok(!flagged('A note from the engineers was too hasty to read.'));
});
