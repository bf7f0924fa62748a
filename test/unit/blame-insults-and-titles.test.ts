// Insults said of people and their judgement, questions asked inside a sentence, and capitalised words that belong to a title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('stupidity or foolishness given as the cause judges people, ours included', () => {
  assert.ok(flagged('In the end it came down to our own stupidity with the staging keys.'));
  assert.ok(flagged('The outage was pure foolishness on the operator side.'));
  assert.ok(!flagged('The retry loop amplified the load on the primary.'));
});

test('an insulting word before a person is a judgement of them', () => {
  assert.ok(flagged('Some idiot engineer unplugged the core switch.'));
  assert.ok(flagged('A clumsy technician knocked out the patch panel.'));
  assert.ok(flagged('The stupid sysadmin rebooted the wrong rack.'));
  assert.ok(!flagged('A clumsy workaround kept the queue alive until morning.'));
});

test('what a review will ask, told inside the sentence, blames no one yet', () => {
  assert.ok(!flagged('We will find out why we missed the disk alert during the weekend.'));
  assert.ok(!flagged('The team is investigating how the operator skipped the dry run.'));
  assert.ok(flagged('The operator skipped the dry run, and the team is investigating.'));
  assert.ok(flagged('We missed the disk alert during the weekend.'));
});

test('a capitalised word before an acronym or inside a long title is no name', () => {
  assert.ok(!flagged('Replication stalled due to Skewed WAL Segment Sizes.'));
  assert.ok(!flagged('The job failed due to Stale Cache Entry Handling.'));
  assert.ok(flagged('The job failed due to Kvaz forgetting the flag.'));
});

test('shaming people, "they suck at", a deed done "not realising", and our own "did it wrong" or "waited too long" are read', () => {
  assert.ok(flaggedInSummary('Shame on whoever pushed this to the public bucket!'));
  assert.ok(flaggedInSummary('They suck at release management.'));
  assert.ok(flaggedInSummary('The admin restarted the primary, not realising the replica was still syncing.'));
  assert.ok(flaggedInSummary('Honestly, we did it wrong the first time.'));
  assert.ok(flaggedInSummary('We waited far too long before calling the storage vendor.'));
  assert.ok(flaggedInSummary('I did a very silly thing to the prod database.'));
  assert.ok(!flaggedInSummary('The poller waited too long for the lock.'));
  assert.ok(!flaggedInSummary('The parser did it wrong for years.'));
  assert.ok(!flaggedInSummary('We waited for the replica to catch up.'));
});
