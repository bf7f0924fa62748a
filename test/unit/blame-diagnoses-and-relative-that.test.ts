// A diagnosis the writers tried while investigating is no belief acted on; a product's output shown wrongly is no
// person's slip; "that" after a role stands for the people, unless they were only told something; data wiped out by size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary as flagged } from './blame-support';

test('a cause guessed during the investigation stays quiet; a belief acted on is still read', () => {
  for (const text of [
    'At first we believed this was due to clients retrying their uploads.',
    'I assumed it was a network problem with the switch itself.',
    'We initially thought it was caused by the kernel upgrade.',
  ]) {
    assert.ok(!flagged(text), text);
  }
  assert.ok(flagged('I thought it was safe to drop the old partition.'));
  assert.ok(flagged('The operator assumed the drain had finished.'));
});

test('a thing shown or computed wrongly is a bug, not a slip', () => {
  assert.ok(!flagged('We are looking into an issue where invoices are displaying incorrectly for some accounts.'));
  assert.ok(!flagged('Totals were loading wrongly on the billing page.'));
  assert.ok(flagged('We set the retention flag incorrectly.'));
});

test('"the team that added it was not aware" is read like "who"; "we told the vendor that ..." is not', () => {
  assert.ok(flagged('The team that wrote the importer was not aware of the shared worker pool.'));
  assert.ok(flagged('We told the vendor that the contractor failed to renew the certificate.'));
  assert.ok(!flagged('We told the vendor that the certificate was close to expiry.'));
  assert.ok(!flagged('We kept a cleanup job that was not aware of the new bucket.'));
});

test('wiping out terabytes of production data is read; a job wiping staging data is not', () => {
  assert.ok(flagged('Years ago I wiped out 3TB of production data in one command.'));
  assert.ok(!flagged('The nightly job wiped out 2TB of production logs, as it was meant to.'));
  assert.ok(!flagged('We wiped out the staging data before the load test.'));
});

test('people "who could have helped" and were left unaware are no actors of the failure', () => {
  assert.ok(!flagged('As a result, the colleagues that could have helped were not aware of the alert before dawn.'));
  assert.ok(!flagged('As a result, the colleagues who could have helped were not aware of the alert before dawn.'));
  assert.ok(flagged('The reviewer could have caught the bug.'));
  assert.ok(flagged('The engineer who deployed the change was unaware of the flag.'));
});

test('where an investigation stands and an instruction that opens on "Never" are no lapse; an apology that takes responsibility and a mistake to learn from are', () => {
  assert.ok(!flagged('We have not independently confirmed those reports.'));
  assert.ok(flagged('We did not verify the restore before the upgrade.'));
  assert.ok(!flagged('Never run the uninstall script on a node without first confirming its role.'));
  assert.ok(flagged('We apologise for the lost orders and take complete responsibility for the outage.'));
  assert.ok(flagged('We intend to learn from this mistake by adding safeguards.'));
  assert.ok(!flagged('This is how we learn from our mistakes as a team.'));
});
