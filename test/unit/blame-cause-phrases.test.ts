// Blame in the shapes the latest real sets showed: a person made the cause by a phrase ("it boiled down to an engineer
// ...", "it was because someone on the network team ..."), the writers judging their own pace, time and decisions,
// account hygiene, and what is not blame there (a fault denied, a service taken down on purpose, people described).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('"boiled down to", "came down to" and "it was because" make the person after them the cause', () => {
  assert.ok(flagged('The whole outage boiled down to an engineer pushing a patch to every region at once.'));
  assert.ok(flagged('In the end it came down to the operator on the night shift.'));
  assert.ok(flagged('It was because someone on the network team added a deny rule to the core router.'));
  assert.ok(!flagged('It was because the disk on the primary filled up overnight.'));
  assert.ok(!flagged('In the end it came down to the retry settings of the client library.'));
});

test('a cause phrase and the act of the same person make one finding, on the act', () => {
  const text = '# Incident\n\n## Summary\n\nThis was because the engineer on call did not see the page.\n';
  const findings = analyze(text, { force: true }).findings.filter((finding) => finding.ruleId === 'blameful-language');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /did not see/);
});

test('a mistake owned with "did" is judged, errors "we did see" are not', () => {
  assert.ok(flagged('Looking back, this is the biggest mistake I did.'));
  assert.ok(flagged('The mistakes we did in the first hour cost us the most.'));
  assert.ok(!flagged('The errors we did see in the logs were transient.'));
});

test('people "with the wrong" thing are described, not blamed; acting with the wrong thing is a slip', () => {
  assert.ok(!flagged('Nodes with the wrong genesis file were asked to resync from a snapshot.'));
  assert.ok(flagged('The operator restarted the node with the wrong genesis file.'));
});

test('taking a service down on purpose, to upgrade or move it, is an operation; taking it down by a slip is not', () => {
  assert.ok(!flagged('We deliberately took down the search API during the window.'));
  assert.ok(!flagged('We took the search API down to upgrade its database.'));
  assert.ok(!flagged('Last night I took down the search API, created a larger replica, and promoted it.'));
  assert.ok(flagged('I took down the search API by running the wrong playbook.'));
  assert.ok(flagged('An engineer took the search API down to save time.'));
});

test('the writers judging their own pace, their wasted time, their misunderstanding or a decision are judged', () => {
  assert.ok(flagged('We rolled out the new cache to every region too quickly.'));
  assert.ok(flagged('We spotted the leak at once, but wasted an hour restarting the wrong pods.'));
  assert.ok(flagged('The long restore came from our misunderstanding of how the snapshots were chained.'));
  assert.ok(flagged('In the end that decision was not the right one.'));
  assert.ok(!flagged('We wasted no time rolling back the release.'));
  assert.ok(!flagged('The new cache filled up too quickly.'));
  assert.ok(!flagged('The decision was made to roll back at 10:40.'));
});

test('a subject before an aside that opens on a participle is the one who acted after it', () => {
  assert.ok(flagged('Late on Friday a technician, rerouting a noisy uplink, patched the wrong port on the core switch.'));
  assert.ok(!flagged('The load balancer, holding stale routes, sent traffic to the wrong pool.'));
  assert.ok(!flagged('The technician, following the runbook, rerouted the uplink.'));
});

test('a person who reused a password or went without two-factor authentication is blamed; the account or a policy is not', () => {
  assert.ok(flagged('The contributor whose account was taken over had reused the same password on a forum.'));
  assert.ok(flagged('The release manager did not have 2FA enabled on the registry.'));
  assert.ok(!flagged('The registry account did not have 2FA enabled.'));
  assert.ok(!flagged('Every maintainer now needs two-factor authentication to publish.'));
});

test('a fault denied ("it wasn\u2019t my fault") and human error as something to avoid are not blame', () => {
  assert.ok(!flagged('I knew it was not my fault, and nobody said it was.'));
  assert.ok(!flagged('In the end it comes down to avoiding human error in schema changes.'));
  assert.ok(flagged('Honestly, it was my fault for skipping the dry run.'));
  assert.ok(flagged('The corruption was caused by human error during the schema change.'));
});

test('time taken longer than needed, an outage the writers caused, a skimmed step, "had I bothered to" and engineer-driven errors are judged', () => {
  assert.ok(flagged('It took us far longer than needed to notice the replica had stopped.'));
  assert.ok(flagged('I watched the team clean up the outage I had caused.'));
  assert.ok(flagged('I skimmed over the migration checklist.'));
  assert.ok(flagged('Had we bothered to read the release notes, we would have pinned the version.'));
  assert.ok(flagged('The trigger was an operator-induced configuration error on the edge routers.'));
  assert.ok(!flagged('It took us longer than expected to restore the snapshot.'));
});

test('the writers calling themselves silly or impatient, and a destructive statement run on production, are judged', () => {
  assert.ok(flagged('Looking back, we were so publicly silly about the rename.'));
  assert.ok(flagged('The cache had been healthy the whole time; i was just being impatient.'));
  assert.ok(flagged('Someone ran TRUNCATE against the production ledger.'));
  assert.ok(!flagged('We ran TRUNCATE against the staging copy on purpose.'));
  assert.ok(!flagged('I was just being careful with the rollback.'));
});

test('not missing anything is good news, not a lapse', () => {
  assert.ok(!flagged('We did not miss a single order while the queue was draining.'));
  assert.ok(!flagged("We didn't miss any events, and the dashboards kept updating."));
  assert.ok(flagged('We missed the disk alert that evening.'));
});

test('hindsight in the passive with no one named: underestimated, not thought through, could have been more careful, there could have been checks', () => {
  assert.ok(flagged('The blast radius of the flag was underestimated at first.'));
  assert.ok(flagged('The rollback plan had not been thought through.'));
  assert.ok(flagged('The handover could have been more coordinated.'));
  assert.ok(flagged('There could have been load tests before the launch.'));
  assert.ok(!flagged('Peak traffic was underestimated by the capacity model.'));
  assert.ok(!flagged('There should have been no checks left to run.'));
});

test('the writers owning an act done wrong, a mess made worse, a forgotten step after "had", and a shared password in hindsight are judged', () => {
  assert.ok(flagged('We rotated the keys on Friday, but did it wrong.'));
  assert.ok(flagged('Honestly, we completely messed this one up.'));
  assert.ok(flagged('I regret the oversight of leaving the flag on.'));
  assert.ok(flagged('I am sorry for all the disruption we caused this week.'));
  assert.ok(flagged("Later it turned out I'd forgotten to renew the staging certificate."));
  assert.ok(flagged('The contractor then made matters worse by rebooting the switch.'));
  assert.ok(flagged('The admin password should not have been reused for the build server.'));
  assert.ok(flagged('Somehow we managed to wipe the staging bucket twice.'));
  assert.ok(!flagged('We managed to restore the bucket within the hour.'));
  assert.ok(!flagged('The storm made matters worse for the whole region.'));
});

test('an apology for the lack of communication and someone who had not bothered to tell are judged; a tool that saved the day in a counterfactual is not', () => {
  assert.ok(flagged('We would like to offer our apologies for the lack of communication on Tuesday.'));
  assert.ok(flagged('The old admin got the expiry notices, but he had not bothered to forward them.'));
  assert.ok(!flagged('If we had not had tracing on the queue, we might still be looking for the cause.'));
  assert.ok(flagged('If Omar had renewed the certificate, the site would still be up.'));
});
