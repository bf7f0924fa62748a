// One reader for a step left out with its reason: not needed, too costly to take, or a decision told with why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { omittedForAReason } from '../../server/src/analysis/blame/reasons';
import { flaggedInSummary } from './blame-support';

test('the three reasons a step may be left out for, each on the words around the omission', () => {
  assert.ok(omittedForAReason('', "We didn't page the vendor", ', since there was no user impact.'));
  assert.ok(omittedForAReason('', 'The deployer skipped the canary stage', ', as it would have held the hotfix for an hour.'));
  assert.ok(omittedForAReason('Given the storms upstream, ', 'we decided not to rebuild', ' the mirror.'));
  assert.ok(omittedForAReason('', 'we chose not to fail over', ' because the standby was behind.'));
});

test('an omission with no reason, or a reason that is no need or cost, stays a lapse', () => {
  assert.ok(!omittedForAReason('', "We didn't page the vendor", '.'));
  assert.ok(!omittedForAReason('', "We didn't page the vendor", ', since the runbook was old.'));
  assert.ok(!omittedForAReason('', 'we decided not to rebuild', ' the mirror.'));
});

test('the same reader serves the phrasebook and the clause reading', () => {
  assert.ok(!flaggedInSummary('The on-call engineer did not page the vendor, because it was not needed.'));
  assert.ok(!flaggedInSummary('We skipped the soak test, as it would have delayed the security fix.'));
  assert.ok(flaggedInSummary('The on-call engineer did not page the vendor.'));
});

test('a step not taken because what it would do was already done is no lapse', () => {
  assert.ok(!flaggedInSummary('Since we had already merged the port into the main tree, we did not run a further check on the old tree.'));
  assert.ok(flaggedInSummary('We did not run a further check on the old tree.'));
});

test('a course not pursued, with its reason told, is a decision', () => {
  assert.ok(!flaggedInSummary('As the vendor agreed to build the blocklist for us, we did not pursue the migration at this time.'));
  assert.ok(flaggedInSummary('We did not pursue the lead.'));
});
