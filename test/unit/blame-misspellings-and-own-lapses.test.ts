// A slip spelt "accidently", the writers owning a lack of planning, a plan that "isn't what it should be", their
// "wrongdoings" or a step they "had never" taken; and, quiet: blaming a thing, people an error was done to, a site
// taken down on purpose, and human error spoken of in general.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('a common misspelling of a fault adverb still marks the slip', () => {
  assert.ok(flagged('Twice that year I accidently pushed the staging config to production.'));
  assert.ok(flagged('The technician inadvertantly unplugged the storage shelf.'));
});

test('the writers owning a lack of planning, a plan not what it should be, their wrongdoings, a step never taken', () => {
  for (const text of [
    'The failover dragged on because of our lack of preparation.',
    'Our escalation policy is not what it should be.',
    'Then came the part where I had to undo my wrongdoings.',
    "I'm notorious for breaking the build on Fridays.",
    'The cron entry vanished because I had never added it to the image.',
  ]) {
    assert.ok(flagged(text), text);
  }
  // A lack of a system's thing, and what we had never seen, are no lapse.
  assert.ok(!flagged('Our lack of monitoring on the replicas hid the lag.'));
  assert.ok(!flagged('We had never seen this error before.'));
});

test('blaming a thing, people an error was done to, a site taken down on purpose, and human error in general stay quiet', () => {
  for (const text of [
    'With no other evidence, I am tempted to blame the RAID firmware.',
    'Users who were erroneously charged twice received refunds the same day.',
    'The team took the site down to stop further damage while the database was restored.',
    'Any system with people in it will eventually meet a human error.',
  ]) {
    assert.ok(!flagged(text), text);
  }
  assert.ok(flagged('The contractor is to blame for the lost data.'));
  assert.ok(flagged('The engineer took the site down by running the wrong script.'));
});

test('a person punished, and a faulty change the writers shipped, are read; an alert fired or a vendor\'s change is not', () => {
  assert.ok(flagged('The engineer who ran the migration was fired the next day.'));
  assert.ok(flagged('The contractor was let go after the outage.'));
  assert.ok(flagged('The checkout errors came from a faulty cache rule that we shipped on Tuesday.'));
  assert.ok(!flagged('The disk alert was fired twice during the night.'));
  assert.ok(!flagged('The checkout errors came from a faulty cache rule that the CDN vendor shipped on Tuesday.'));
});

test('"managed to" before the act keeps it the writers\' act; a recovery managed is no lapse', () => {
  assert.ok(flagged('Somehow we managed to delete the production database.'));
  assert.ok(!flagged('We managed to restore service within the hour.'));
});

test('"I just got cocky", a team not paying much attention, and sabotage are read; a job not paying out is not', () => {
  assert.ok(flagged('After a quiet year I just got complacent about the backups.'));
  assert.ok(flagged('The platform team were not paying much attention to the schema change.'));
  assert.ok(flagged('The departing admin sabotaged the build servers on his last day.'));
  assert.ok(!flagged('The rewards job was not paying out for two days.'));
  assert.ok(!flagged('The pods got complacent about memory limits.'));
});

test('"had not yet" and "have not yet" still own the step; "did not yet" tells what was still to come', () => {
  assert.ok(flagged('We had not yet prioritised setting up alerting on the queue.'));
  assert.ok(!flagged('Because we did not yet deploy the new contract, we had time to study the bug.'));
});

test('"I assumed we could get away with", "what we did wrong" and "boy, was I wrong" judge our own conduct; a plan to make do does not', () => {
  assert.ok(flagged('I assumed we could get away with one replica over the holiday.'));
  assert.ok(flagged('In the review we went through what I did wrong that night.'));
  assert.ok(flagged('Oh, was I wrong.'));
  assert.ok(!flagged('We could get away with a smaller cache node next quarter.'));
  assert.ok(!flagged('Was I wrong about the cache size?'));
});

test('owning the failure with an adverb between, taking accountability, and leaving everyone in the dark are read; a storm doing so is not', () => {
  assert.ok(flagged('We therefore take full responsibility for the lost orders.'));
  assert.ok(flagged('We take full accountability for keeping the service up, and this week we did not.'));
  assert.ok(flagged("Apologies: I've left all of you in the dark this week."));
  assert.ok(!flagged('The storm left everyone in the dark for six hours.'));
});

test('"for some reason I ..." and a doubled "instead" tell our own unexplained slip; a plain choice or a job\'s failure does not', () => {
  assert.ok(flagged('For some reason we computed the checksum over the wrong file.'));
  assert.ok(flagged('Instead of restoring the replica, I instead started wiping it.'));
  assert.ok(!flagged('Instead of rolling back, we restarted the pods.'));
  assert.ok(!flagged('For some reason the export job failed twice.'));
});

test('the writers owning their part ("guilty of", "we were responsible for the outage", "entirely on us", "due to my actions", "a bad idea", "coordinated badly") are read; a duty still ahead is not', () => {
  for (const text of [
    'I am guilty of neglecting our status page for months.',
    'In the end we found that we were responsible for the outage of the site.',
    'The lost day of work is entirely on us.',
    'Due to my actions, the whole office lost a morning of work.',
    'We turned off the replica to save money. That was a bad idea.',
    'We coordinated badly with the partner teams.',
  ]) {
    assert.ok(flagged(text), text);
  }
  assert.ok(!flagged('If your domain was registered with us then we are responsible for renewing it.'));
  assert.ok(!flagged('The job performed poorly under load.'));
});
