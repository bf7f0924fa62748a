// Words that look like a lapse and are not one: a judgement of evidence, a necessity, the product's output told with "we",
// an idea had, a question left open, a change that recommends one thing instead of another, a decision to go on, a cache
// purged, human error named as what a safeguard keeps away. And two kinds of blame that read past the lexicon: another
// party called slow, and "I put my hands up".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary as flagged } from './blame-support';

test('judging evidence, a necessity, an idea, or not knowing which file is no lapse of the writers', () => {
  assert.ok(!flagged('The audit trail sat in a bucket the leaked token could write to, so we did not consider it as trustworthy as the provider\'s own log.'));
  assert.ok(!flagged('If I had to name two lessons for readers of this post, they would be these.'));
  assert.ok(!flagged('We also thought of a way to reach our users when the status page itself is down.'));
  assert.ok(!flagged('Since I didn\'t know which rows exactly had been removed, I restored the whole table from the snapshot.'));
  // The same verbs as a step left out still are.
  assert.ok(flagged('We did not consider the load of the nightly backfill.'));
  assert.ok(flagged('If I had read the warning, I would have stopped the script.'));
});

test('"we" wrongly showing or returning something is the product\'s bug, not a person\'s slip', () => {
  assert.ok(!flagged('Nobody could read them, we were just wrongly showing every pending invite to whoever was signed in.'));
  assert.ok(flagged('We wrongly deleted the pending invites of every team.'));
});

test('a group that changes a template to recommend one thing instead of another, or decides not to cancel, remedies nothing wrong', () => {
  assert.ok(!flagged('The maintainers group has changed the starter template to recommend signed tarballs instead of git archives.'));
  assert.ok(!flagged('The release team decided not to cancel the launch.'));
  assert.ok(flagged('The release manager decided not to run the smoke tests.'));
});

test('purging a cache is routine; wiping data is not', () => {
  assert.ok(!flagged('We purged the CDN and the link now points at the new bucket.'));
  assert.ok(flagged('I wiped the customer uploads bucket while tidying up.'));
});

test('human error named as what a safeguard keeps away is no cause named', () => {
  assert.ok(!flagged('Scripted releases free maintainers from hand-typed steps and human error.'));
  assert.ok(!flagged('The two-person rule lowers the chance of human error during failover.'));
  assert.ok(!flagged('The checklist exists to prevent operator error during a region move.'));
  assert.ok(!flagged('Design the tools to reduce the impact that human error has on the service.'));
  assert.ok(flagged('The root cause was human error.'));
  assert.ok(flagged('This was a clear case of operator error.'));
  assert.ok(flagged('The vendor tightened its access rules to prevent the developer error that caused the outage.'));
});

test('another party called slow is judged; a slow disk is not', () => {
  assert.ok(flagged('The colocation provider has been very slow to explain the second power loss.'));
  assert.ok(flagged('Their support response time was painfully slow.'));
  assert.ok(!flagged('The replica was slow to catch up after the restart.'));
});

test('"I put my hands up" owns the fault', () => {
  assert.ok(flagged('I put my hands up here: the plugin had not been updated in three years.'));
});

test('people who should have been clearer, and a mistake they made, are judged with hindsight; unclear docs are not', () => {
  assert.ok(flagged('We should have been clearer that the old endpoints stay.'));
  assert.ok(flagged('The biggest mistake they have made is assuming every client upgrades at once.'));
  assert.ok(!flagged('The upgrade guide should have been clearer about the default.'));
});

test('hindsight told as a risky bet, too much optimism, an item left until the outage, or after "we now realize"', () => {
  assert.ok(flagged('In the end it was a risky bet.'));
  assert.ok(flagged('Our plan of swapping both replicas at once was too optimistic.'));
  assert.ok(flagged('The follow-up ticket remained unassigned until this incident.'));
  assert.ok(flagged('We now realize we should have delayed the cut-over to Monday.'));
  assert.ok(flagged('In hind-sight it was the first of several mistakes that day.'));
  assert.ok(flagged('The side effects of the flag were not properly considered.'));
  // Left out for a reason, or a plain step of the story, is no hindsight.
  assert.ok(!flagged('Because the bug sat in a file outside the pull request, it was not considered.'));
  assert.ok(!flagged('The ticket remained open until the vendor replied.'));
});

test('the hypothesis the responders worked from is no belief that did harm', () => {
  assert.ok(!flagged('Having met this error before, we assumed the proxy was at fault and began tracing it.'));
  assert.ok(flagged('We assumed the flag was off and deployed.'));
});
