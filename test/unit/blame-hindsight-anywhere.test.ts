// "In hindsight" and "in retrospect" judge with hindsight wherever they stand in the sentence, unless what they say is luck.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary } from './blame-support';

const flagged = flaggedInSummary;

test('in hindsight or in retrospect, at the start, the middle or the end, is hindsight', () => {
  assert.ok(flagged('The gap in the plan was obvious in retrospect.'));
  assert.ok(flagged('(A clear miscommunication in hindsight)'));
  assert.ok(flagged('In hindsight, the shortcut was too tempting.'));
  assert.ok(flagged('With the benefit of hindsight, the second cluster was not needed.'));
});

test('hindsight about luck judges no one', () => {
  assert.ok(!flagged('In hindsight we were lucky that the backup existed.'));
  assert.ok(!flagged('In retrospect, it was fortunate that the job ran late.'));
});

test('hindsight followed by a proposal for a system is the proposal, not a judgement', () => {
  assert.ok(!flagged('In hindsight, the certificate job ought to warn a month before expiry.'));
  assert.ok(!flagged('In retrospect, the dashboard should show the queue age.'));
});
