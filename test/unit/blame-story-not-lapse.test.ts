// Near-misses read from text nobody had tuned on: software doing the wrong thing, what was not known yet, fixes tried, asides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('a fault adverb before what a thing was doing is its behaviour, not a slip in the passive', () => {
  assert.ok(!flagged('After the config change, the proxy was erroneously rejecting valid tokens.'));
  assert.ok(flagged('The invoices were erroneously sent twice.'));
});

test('software that assumed wrongly has a bug; a person who assumed wrongly is judged', () => {
  assert.ok(!flagged('The retry logic wrongly assumed the queue was empty.'));
  assert.ok(flagged('The operator wrongly assumed the queue was empty.'));
});

test('what was not known yet is part of the story; not realizing a mistake at the time still judges', () => {
  assert.ok(!flagged('We rebuilt the node, which avoided the bug, although we did not know about it yet.'));
  assert.ok(flagged('We did not know about the expiry date.'));
  assert.ok(flagged('Sadly, the on-call did not realize her error at the time.'));
});

test('a fix we thought would work, tried during the response, is no belief that did harm', () => {
  assert.ok(!flagged('The first change we thought would help was to raise the client timeout.'));
  assert.ok(!flagged('We assumed a restart would fix it, so we restarted the primary.'));
  assert.ok(flagged('We thought the cache would hold, and it did not.'));
});

test('an aside in parentheses is not the source a "due to" names, and "in case you missed it" addresses no one', () => {
  assert.ok(!flagged('The restore failed due to a disk fault (no more details given by the hosting provider).'));
  assert.ok(flagged('The release failed due to a bad package from an outside contractor.'));
  assert.ok(!flagged('In case you missed it, the status page has moved to a new address.'));
});

test('a template prompt asked as a question before a line break accuses no one; mistakes everyone makes and a failure called collective are not blame', () => {
  assert.ok(!flaggedInSummary("What happened that we didn't anticipate?<br>\nTerraform recreated the API key and a new index with it."));
  assert.ok(!flaggedInSummary('My teammates tell me that everyone breaks production at some point.'));
  assert.ok(!flaggedInSummary('That slip was the whole team’s failure, not an individual one.'));
  assert.ok(flaggedInSummary('Everybody broke the build last week by pushing straight to main.'));
});

test('"should have" before a determiner is having, not hindsight; a name given a version or counted in nodes is software', () => {
  assert.ok(!flaggedInSummary('Follow-ups come in three kinds, so we should have at least two tickets per kind.'));
  assert.ok(!flaggedInSummary('We should have a runbook page for this alarm.'));
  assert.ok(flaggedInSummary('We should have caught the schema drift in review.'));
  const text = '# Node outage\n\nHalyard nodes stopped at block 9120 until Halyard v0.6.1 shipped.\n\n## Root cause\n\nHalyard failed to sync block 9120 on the main network.\n\nBob failed to sync the mirror before the cutover.\n\n## Action items\n\n- Halyard will cut its release build time (due 2026-12-30)\n';
  const found = analyze(text, { force: true }).findings.filter((finding) => finding.ruleId === 'blameful-language').map((finding) => text.slice(finding.span.start, finding.span.end));
  assert.deepEqual(found, ['Bob failed to sync']);
});

test('a first guess of the response, or a guess at who was upset, is no finding about what people did', () => {
  assert.ok(!flagged('Our first theory was that we had missed a step of the upgrade.'));
  assert.ok(!flagged('It is too early to speculate about who we may have angered.'));
  assert.ok(flagged('We had missed a step of the upgrade.'));
});

test('not receiving an alert is what the alerting did; not answering one is still judged', () => {
  assert.ok(!flagged('The support team did not receive a single alert that weekend.'));
  assert.ok(flagged('The support team did not answer a single alert that weekend.'));
});
