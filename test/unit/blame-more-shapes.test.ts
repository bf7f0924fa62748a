// More blame shapes read in general, each with near-misses that must stay quiet: status notes, conditionals about users,
// instructions, relative clauses on things, elided subjects, trade-offs judged afterwards and mistakes owned by the writers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blameInSummary, flaggedInSummary } from './blame-support';

const read = blameInSummary;

const flagged = flaggedInSummary;

test('what someone knows of now reports that nothing was found; what they did not know then is still read', () => {
  assert.ok(!flagged('The vendor contact is not aware of any other reports.'));
  assert.ok(!flagged('We are not aware of any other affected accounts.'));
  assert.ok(!flagged('Support is unaware of further reports.'));
  assert.ok(flagged('The release engineer was not aware of the second cluster.'));
  assert.ok(flagged('The operators were unaware that the flag was still on.'));
});

test('a first-person status note is no judgement; the same words about what was done are', () => {
  assert.ok(!flagged("I'm too busy to look into the billing graphs right now."));
  assert.ok(!flagged('We are too short-staffed to run the drill at the moment.'));
  assert.ok(flagged('We were too slow to page the storage team.'));
  assert.ok(flagged("I'm too careless with production credentials."));
});

test('a conditional about what any user would hit is no hindsight; "if they had ..., it would have ..." is', () => {
  assert.ok(!flagged('If a shopper had an old cart cached, the checkout page would fail to load.'));
  assert.ok(!flagged('If someone had an expired token cached, the app would show a blank screen.'));
  assert.deepEqual(read('If Priya had checked the dashboard, the outage would have been shorter.').length, 1);
  assert.ok(flagged("If the on-call had read the runbook, we wouldn't have lost the queue."));
});

test('a limit someone should have had is an expectation, not hindsight about an act', () => {
  assert.ok(!flagged('The trial plan should have had a maximum of 250 GB of transfer.'));
  assert.ok(!flagged('The account should have had at most 10 seats.'));
  assert.ok(flagged('We should have had a second reviewer on the change.'));
  assert.ok(flagged('Sam should have tested the script first.'));
});

test('a sentence that opens on a bare verb is an instruction, its first word no name', () => {
  assert.ok(!flagged('Add missing translations for the invoice page'));
  assert.ok(!flagged('Get confused by the record types, then reread the docs.'));
  assert.ok(!flagged('Fix missing translations in the checkout page'));
  assert.ok(flagged('Rob accidentally dropped the sessions table.'));
  assert.ok(flagged('Mark forgot to renew the certificate.'));
});

test('an instruction the tagger reads as a noun is no name before a word that is no past verb', () => {
  assert.ok(!flagged('Log warnings for this case instead of dropping them silently.'));
  assert.ok(!flagged('Throw errors on an empty batch instead of returning zero rows.'));
  assert.ok(flagged('Kvaz cloned the wrong branch by accident.'));
  assert.ok(flagged('Zoltan shipped the build in a hurry.'));
});

test('a capitalised pronoun is no organisation, and a generic "you" judges no one', () => {
  assert.ok(!flagged('You never realise how slow restores are until the disk dies.'));
  assert.ok(!flagged('It never realised the lease had expired.'));
  assert.ok(flagged('Initech never realised the lease had expired.'));
});

test('a relative clause after "that" or "which" is about the thing before it, not the writers', () => {
  assert.ok(!flagged('Last week we inherited a nightly task that failed to rotate the logs.'));
  assert.ok(!flagged('We ran a backfill which failed to finish overnight.'));
  assert.ok(flagged('We failed to notify the payments team.'));
});

test('a coordinated predicate with no subject of its own is told of the subject before the comma', () => {
  assert.deepEqual(read('We drained the first region, but did not check the queue depth before moving on.').length, 1);
  assert.ok(flagged('The on-call engineer restarted the primary, and did not check the replica lag.'));
  assert.ok(!flagged('The exporter restarted twice, but did not lose any samples.'));
  assert.ok(!flagged('We have monitoring for failed jobs, but that time the job was mistakenly marked as done.'));
});

test('a step left out on purpose, for a reason given, is a decision, not a lapse', () => {
  assert.ok(!flagged('Did not apply the vendor hotfix, as it would have restarted every node at once.'));
  assert.ok(!flagged('We did not fail over, because doing so would have split the cluster.'));
  assert.ok(flagged('Did not verify that the backup could be restored.'));
});

test('a trade-off judged afterwards, a careful act passed over, and the writers taking responsibility are read at info or warning', () => {
  assert.deepEqual(read('Prioritised speed over safety'), [['Prioritised speed over safety', 'info']]);
  assert.ok(flagged('The release team favoured the deadline over testing.'));
  assert.ok(flagged('Chose a quick restart over testing'));
  assert.ok(!flagged('We chose Postgres over MySQL for its replication.'));
  assert.ok(!flagged('The load balancer prioritises healthy nodes over new ones.'));
  assert.deepEqual(read('The contractor reverted the whole release instead of investigating the one failing check.').map(([, severity]) => severity), ['warning']);
  assert.ok(!flagged('The pipeline removed the stale cache instead of rebuilding it.'));
  assert.ok(flagged('We are taking total responsibility for the lost orders.'));
  assert.ok(flagged('We take full responsibility for the broken release.'));
  assert.ok(flagged('Didn\'t ask the owner before resizing the disk'));
  assert.ok(flagged('Assumed the flag only applied to staging'));
});

test('an act called a mistake of ours, whatever the words before "mistake", is read; a denial or a lesson is not', () => {
  assert.ok(flagged('Our status page blamed the network, but it was a DNS forwarding mistake on our side.'));
  assert.ok(flagged('The trigger was a vendor-side routing mistake.'));
  assert.ok(flagged('Turning on the integration was our mistake.'));
  assert.ok(!flagged('The outage was not a configuration mistake; the disk failed.'));
  assert.ok(!flagged('That mistake took the search cluster down for an hour.'));
  assert.ok(flagged('I let those customers down last night.'));
  assert.ok(!flagged('The firmware let the fans spin down.'));
});

test('hindsight opened by "in hindsight" with an act as subject is read at info', () => {
  assert.deepEqual(read('In hindsight, rehearsing the failover would have mitigated the impact.'), [['would have mitigated', 'info']]);
  assert.ok(!flagged('The new cache would have mitigated nothing, as the fault was upstream.'));
});

test('a quotation that runs over a line break of hard-wrapped prose is still reported speech', () => {
  assert.ok(!flagged('The reply came within minutes. "The audit log is clear. Our\ncontractor deleted the bucket by mistake," the vendor wrote.'));
  assert.ok(flagged('The reply came within minutes. The audit log is clear. Our\ncontractor deleted the bucket by mistake.'));
});

test('a person who missed the right thing, and an addressed reader who skipped a step, are read; generic "you" is not', () => {
  assert.ok(flagged('I was not using the correct profile when I ran the import.'));
  assert.ok(flagged("The admin didn't select the right cluster before applying the manifest."));
  assert.ok(!flagged('We did not have the right permissions to read the audit log.'));
  assert.ok(!flagged('The job did not load the correct config after the restart.'));
  assert.ok(flagged('You skipped the dry run and went straight to the migration.'));
  assert.ok(!flagged('If you skipped the dry run, the migration refuses to start.'));
  assert.ok(!flagged('Cleanup removes files you did not think of as temporary.'));
});

test('a change run without a backup, a step never remembered, a procedure not followed and a plural owner of a mistake are read', () => {
  assert.ok(flagged('I ran the schema change without taking a backup first.'));
  assert.ok(!flagged('The migration can now run without backing up the cache.'));
  assert.ok(flagged('The admin never remembered to rotate the key.'));
  assert.ok(flagged('Three contractors had not followed the restore procedure.'));
  assert.ok(!flagged('The restore procedure had not been followed since the move, the audit found.'));
  assert.ok(flagged('The refunds covered the cost of the technicians’ mistake.'));
  assert.ok(!flagged('The technicians’ notes list every mistake the installer reported.'));
});

test('"I was wrong" with a move judges our own conduct; what was wrong with a disk does not', () => {
  assert.deepEqual(read('Looking back, I was wrong with the late-night deploy.'), [['I was wrong', 'info']]);
  assert.ok(!flagged('Nothing was wrong with the disk.'));
});

test('"we did not use version control then" describes the setup; "we did not test the migration" is still an omission', () => {
  assert.ok(!flagged('We also did not use any version control back then, so nothing could be rolled back.'));
  assert.ok(flagged('We did not test the migration on a copy of production.'));
});
