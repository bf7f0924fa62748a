// Further blame shapes, each with the near-misses that must stay quiet: recovery steps in a timeline, an interrupted
// "did not", a kind of failure spoken of in general, a safeguard's conditional refusal, data structures only code moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blameInSummary } from './blame-support';

function flagged(summary: string): boolean {
  return blameInSummary(summary).length > 0;
}

test('wiping a node and starting it again is a recovery step; wiping production alone is still read', () => {
  assert.ok(!flagged('- 02:10 Mara wipes the data dir of node-3 and restarts it.'));
  assert.ok(!flagged('Mara wiped the replica volumes and then resynced them from the primary.'));
  assert.ok(flagged('Mara wiped the production database.'));
});

test('"did not" interrupted by "however" goes on to its verb; the elliptical "did not." is still read', () => {
  assert.ok(!flagged('We did not, however, touch the load balancer settings.'));
  assert.ok(flagged('The on-call was asked to page the vendor, but did not.'));
});

test('a kind of failure called common and preventable is a general claim; this outage called preventable is hindsight', () => {
  assert.ok(!flagged('Certificate expiry is a common and preventable failure.'));
  assert.ok(!flagged('Full disks are a familiar, preventable outage.'));
  assert.deepEqual(blameInSummary('It was an easily preventable outage.').map(([, severity]) => severity), ['info']);
});

test('a script that refuses to act under a condition is a safeguard; a person who refused is read', () => {
  assert.ok(!flagged('I changed the release job by making it check the build status and refusing to publish if the tests fail.'));
  assert.ok(flagged('The outage dragged on because of Sam refusing to roll back the release.'));
});

test('"we won\'t have to" is relief to come; a promise not to repeat an act is still read', () => {
  assert.ok(!flagged('We will move the jobs to the shared runners, so we won\'t have to maintain the old hosts anymore.'));
  assert.ok(flagged('We won\'t skip the canary again.'));
});

test('pointing at a person who made a mistake, said of anyone, is blame talked about in general', () => {
  assert.ok(!flagged('The worst reply is a director pointing out an individual who made a mistake in front of everyone.'));
  assert.ok(flagged('An engineer made a mistake and rotated the wrong keys.'));
});

test('a data structure set wrongly is what code did; a record set wrongly by hand is still read', () => {
  assert.ok(!flagged('After the split, a leaf node was mistakenly marked as the parent node, and lookups failed.'));
  assert.ok(flagged('The customer balance was mistakenly transferred to the wrong account.'));
});
