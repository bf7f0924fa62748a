// A slip told in a gerund after the main clause, work judged as not done with care, and instructions set aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blameInSummary, flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('a slip in a gerund after "after", "while" or "by" is the act of the main clause subject', () => {
  assert.ok(flagged('A field technician cut power to three racks and the uplinks of the floor after accidentally pulling the wrong breaker.'));
  assert.ok(flagged('The contractor took the wiki offline while mistakenly pruning old volumes.'));
  assert.ok(!flagged('The build broke after accidentally pinning the old compiler.'));
});

test('work that was not carried out with care is judged, at info; what software did not do is not', () => {
  const [finding] = blameInSummary('The failover was not done in a structured, coordinated way.');
  assert.equal(finding?.[1], 'info');
  assert.ok(flagged('The customer notices were not handled properly.'));
  assert.ok(!flagged('The payload was not parsed properly.'));
  assert.ok(!flagged('The failover was done in a coordinated way.'));
});

test('an act done despite requests or warnings to stop is a person setting instructions aside', () => {
  assert.ok(flagged('Some node operators kept signing blocks despite repeated requests to halt.'));
  assert.ok(flagged('The admin rebooted the primary despite being told to wait for the backup.'));
  assert.ok(!flagged('The queue kept growing despite repeated calls to the drain endpoint.'));
});

test('acts only people do need no one named before "they"; what servers do does', () => {
  assert.ok(flagged('They made a typo in the zone file that dropped every record.'));
  assert.ok(flagged('They did make a careless mistake with the firewall rule.'));
  assert.ok(flagged('They messed up the cutover.'));
  assert.ok(!flagged('They failed over to the replica within a minute.'));
  assert.ok(!flagged('They made a lot of noise during the resync.'));
});

test('people judged as undertrained or unprepared are judged; a system that was unprepared for load is not', () => {
  assert.ok(flagged('The night-shift engineers were badly undertrained on the failover runbook.'));
  assert.ok(flagged('The contractor was inexperienced with our deploy tooling.'));
  assert.ok(flagged('Looking back, we were tired and unprepared.'));
  assert.ok(!flagged('The cluster was unprepared for the holiday traffic.'));
});

test('a thing made by a slip ("an incorrectly typed command") is a slip told without a person, at info', () => {
  const [finding] = blameInSummary('An incorrectly typed command removed the wrong volume group.');
  assert.equal(finding?.[1], 'info');
  assert.ok(flagged('A mistakenly pasted token ended up in the public log.'));
  assert.ok(!flagged('An incorrectly formatted header broke the parser.'));
});

test('an act done without authorisation or permission is a person bypassing a control; a system acting without it is not', () => {
  assert.ok(flagged('A substation contractor bypassed both relay interlocks without authorization.'));
  assert.ok(flagged('The intern reset the shared admin password without permission.'));
  assert.ok(!flagged('The webhook accepted the payload without authorization.'));
  assert.ok(!flagged('The contractor replaced the relay with authorization from the grid desk.'));
});

test('a second verb after "; and" with an adverb and a comma still belongs to the person of the first', () => {
  assert.ok(flagged('The DBA rebuilt the index by hand; and crucially, forgot to switch the read alias.'));
  assert.ok(flagged('The engineer rebuilt the index, and sadly forgot to switch the read alias.'));
  assert.ok(!flagged('The DBA rebuilt the index by hand; and crucially, the read alias switched on its own.'));
});

test('"we were not ... sufficiently" is the writers judging their own diligence, at info', () => {
  const [finding] = blameInSummary('We were not exercising the restore path sufficiently.');
  assert.equal(finding?.[1], 'info');
  assert.ok(flagged('We were not watching the queue depth closely enough.'));
  assert.ok(!flagged('The disks were not provisioned sufficiently for the load.'));
});
