// Blame shapes that recur across writers, each read the same way whatever the tense, person or role noun, with the near-misses that must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blameInSummary, flaggedInSummary } from './blame-support';

const read = blameInSummary;

const flagged = flaggedInSummary;

test('a belief a person or "we" took for true, given as the cause, is hindsight at info', () => {
  assert.deepEqual(read('I assumed the migration had finished, which it had not.'), [['I assumed the migration had', 'info']]);
  assert.deepEqual(read('We assumed the old replica was already drained.'), [['We assumed the old replica was', 'info']]);
  assert.deepEqual(read('The on-call believed the page had already been handled.'), [['The on-call believed the page had', 'info']]);
  assert.deepEqual(read('Our admin assumed that nobody used the old endpoint.'), [['Our admin assumed that', 'info']]);
  assert.ok(flagged('The DBAs thought the index build would finish before the peak.'));
  // Taking on a role, good faith, or a hypothesis of the response judges no one.
  assert.ok(!flagged('The secondary team assumed command of the incident at 14:20.'));
  assert.ok(!flagged('Maria assumed the role of incident commander.'));
  assert.ok(!flagged('We assumed good faith from the reporter.'));
  assert.ok(!flagged('We thought the cache was the culprit and flushed it.'));
  assert.ok(!flagged('I thought about how to page the database team.'));
});

test('a headline passive names a person as the agent of a harmful act, at info; a system agent stays quiet', () => {
  assert.deepEqual(read('Production database dropped by contractor during a cleanup'), [['dropped by contractor', 'info']]);
  assert.deepEqual(read('Customer bucket wiped by an engineer'), [['wiped by an engineer', 'info']]);
  assert.deepEqual(read('Billing table deleted by @rosa'), [['deleted by @rosa', 'info']]);
  assert.ok(flagged('Staging config overwritten by one of the interns.'));
  assert.ok(flagged('The ledger, truncated by the on-call engineer, had to be restored.'));
  assert.ok(!flagged('Old indexes removed by the cleanup script'));
  assert.ok(!flagged('Production bucket deleted by the retention job'));
  assert.ok(!flagged('The table was deleted by the retention policy.'));
  assert.ok(!flagged('Stale branches deleted by the nightly bot'));
});

test('an AI assistant or coding agent is read as an actor that can be made the cause', () => {
  assert.deepEqual(read('An AI assistant deleted the production website.'), [['An AI assistant deleted the production website', 'warning']]);
  assert.ok(flagged('The coding agent wiped the config file while refactoring.'));
  assert.ok(flagged('The AI agent inadvertently removed the migrations folder.'));
  assert.ok(flagged('Our AI coding assistant overwrote the live settings.'));
  assert.ok(!flagged('The AI assistant summarised the logs for the responders.'));
  assert.ok(!flagged('The monitoring agent crashed on the node.'));
  assert.ok(!flagged('The AI assistant did not delete the files; it came from a cron job.'));
});

test('an outcome called avoidable or preventable is hindsight with no one named; unavoidable, denied or asked is not', () => {
  assert.deepEqual(read('This was avoidable.'), [['was avoidable', 'info']]);
  assert.deepEqual(read('The outage was completely avoidable.'), [['was completely avoidable', 'info']]);
  assert.deepEqual(read('Our apologies for an easily preventable incident.'), [['easily preventable incident', 'info']]);
  assert.ok(flagged('It was an entirely preventable incident.'));
  assert.ok(flagged('Both failures were easily preventable.'));
  assert.ok(!flagged('The failure was unavoidable given the hardware fault.'));
  assert.ok(!flagged('The outage was not avoidable with the tools we had.'));
  assert.ok(!flagged('Was this avoidable?'));
  assert.ok(!flagged('Type checks make this class of bug preventable.'));
});

test('a counterfactual about what people did or a human act as subject is hindsight; one about hardware is not', () => {
  assert.deepEqual(read('The crash would not have occurred if we had load-tested the release.'), [['would not have occurred', 'info']]);
  assert.ok(flagged('The outage would have been avoided if someone had checked the quota.'));
  assert.ok(flagged("This wouldn't have happened if there was proper review."));
  assert.deepEqual(read("Running the soak test first would've caught the leak."), [["would've caught", 'info']]);
  assert.ok(flagged('Checking the replica lag would have prevented the split brain.'));
  assert.ok(!flagged('This would not have occurred if the disk had not failed.'));
  assert.ok(!flagged('A larger disk would have helped, but it was not available.'));
  assert.ok(!flagged('This would not have been possible without the help of the vendor.'));
});

test('harm to those we serve, told of ourselves, is info; the same harm done by a system or a kind act is not blame', () => {
  assert.deepEqual(read('We disrupted checkout for most shoppers for an hour.'), [['We disrupted', 'info']]);
  assert.deepEqual(read('We annoyed our partners with a last-minute upgrade.'), [['We annoyed our partners', 'info']]);
  assert.deepEqual(read('I let our users down badly this week.'), [['I let our users down', 'info']]);
  assert.ok(flagged('We pushed a bad flag and began returning 500s to our users.'));
  assert.ok(flagged('we frustrated many of our users by changing the login flow'));
  assert.ok(!flagged('We notified our customers within ten minutes.'));
  assert.ok(!flagged('We thanked our users for their patience.'));
  assert.ok(!flagged('The upstream outage disrupted most of our customers.'));
  assert.ok(!flagged('The proxy began returning 500s to our users.'));
});

test('a person who severs a line, cable or pole is its cause; a router or a release cut is not', () => {
  assert.deepEqual(read('A contractor cut the fibre line behind the data centre.'), [['A contractor cut the fibre line', 'warning']]);
  assert.ok(flagged('Another trucker knocked down two utility poles on the highway.'));
  assert.ok(flagged('A construction crew severed the power cable feeding the building.'));
  assert.ok(flagged('Road workers dug through the conduit on Monday.'));
  assert.ok(flagged('Subcontractors had cut our fiber optic cable while trenching.'));
  assert.ok(!flagged('The router cut the traffic over to the standby link.'));
  assert.ok(!flagged('We cut the release at noon.'));
  assert.ok(!flagged('I took out two lines of dead config.'));
  assert.ok(!flagged('A storm knocked down the power lines.'));
});

test('a person deleting a counted number of user or customer records is the cause, a job deleting them is not', () => {
  assert.ok(flagged('In about 3 seconds, I deleted roughly 12,000 user records.'));
  assert.ok(flagged('The admin dropped 400 customer rows by running the wrong script.'));
  assert.ok(flagged('An engineer purged 3k production snapshots.'));
  assert.ok(!flagged('The cleanup job deleted 12,000 user records.'));
  assert.ok(!flagged('The retention policy purged 3k production snapshots.'));
});

test('a question that only judges ourselves is read; one that asks what happened, or about a system, stays quiet', () => {
  assert.deepEqual(read('How could we allow this to happen twice?'), [['we allow this to happen', 'info']]);
  assert.deepEqual(read('Should I have been more careful with the flag?'), [['Should I have been more careful', 'info']]);
  assert.ok(flagged('***How did we let this happen?***'));
  assert.ok(flagged('Should we have been more careful with the flag?'));
  assert.ok(flagged('We let this happen by ignoring the disk warnings for weeks.'));
  assert.ok(!flagged('How did the queue let this happen?'));
  assert.ok(!flagged('Could the alert have been louder?'));
  assert.ok(!flagged('What could have gone better?'));
  assert.ok(!flagged('Did the engineer skip the drain step?'));
  assert.ok(!flagged('How did we find the leak so quickly?'));
});

test('a promise that the outcome will not recur names no act and judges no one', () => {
  assert.ok(!flagged('We will not let this happen again.'));
  assert.ok(!flagged("We won't allow that to happen again."));
  // A promise not to repeat an act still says the act was a fault.
  assert.ok(flagged('We will not skip the canary again.'));
});

test('a step people never took, told in the passive or after "but never", is hindsight; what a system never did is not', () => {
  assert.deepEqual(read('The mapping for the new flag was never added.'), [['was never added', 'info']]);
  assert.deepEqual(read('The schema change was merged but never deployed to the replica cluster.'), [['but never deployed', 'info']]);
  assert.ok(flagged('hotfixes never deployed to the edge nodes'));
  assert.ok(flagged('The restore script had never been tested.'));
  assert.ok(flagged('We agreed the plan in the meeting but never wrote it down.'));
  assert.ok(!flagged('The job never completed.'));
  assert.ok(!flagged('The alert never fired during the outage.'));
  assert.ok(!flagged('We have never deployed on a Friday.'));
  assert.ok(!flagged('The patch was not deployed yet.'));
  // "Never run" and "never executed" are said of pipelines and scripts, and of general lessons.
  assert.ok(!flagged('Restore scripts are generated but never executed by the pipeline.'));
  assert.ok(!flagged('A failover that has never been run is only a hope.'));
});

test('an act done without a safeguard is read with the safeguard in any wording; without downtime or errors it is not', () => {
  assert.ok(flagged('Ran the network reload without prior testing'));
  assert.ok(flagged('The rate limit was raised without a proper sign-off.'));
  assert.ok(flagged('The volume was resized without prior verification.'));
  assert.deepEqual(read('We pushed the change without peer review.'), [['We pushed the change without peer review', 'info']]);
  assert.ok(!flagged('The fix was rolled out without downtime.'));
  assert.ok(!flagged('The node was restarted without errors.'));
});

test('variants in tense, contraction and role noun are read the same way', () => {
  assert.ok(flagged("I'd assumed the migration was finished."));
  assert.ok(flagged("We'd assumed that the replica was drained."));
  assert.ok(flagged('The team assumed the cache would warm up on its own.'));
  assert.ok(flagged("We've disrupted most of our customers twice this month."));
  assert.ok(flagged('Contractors had cut the fibre line on Monday.'));
  assert.ok(flagged('Two contractors have severed the main power cable.'));
  assert.ok(flagged('The AI assistant nearly deleted the production website.'));
  assert.ok(flagged('These outages were preventable.'));
  assert.ok(flagged('The runbook had never been reviewed.'));
  assert.ok(!flagged('The team assumed responsibility for the old cluster.'));
  assert.ok(!flagged('No backups were skipped.'));
});
