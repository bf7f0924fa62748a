// Hindsight written with a contracted helper ("should've"), a slip with two adjectives before "mistake", and hindsight
// about a role written with no determiner ("Engineers should have ..."); outcomes and conditions stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsFor, placeSentence } from './blame-support';

const findings = (text: string) => findingsFor(placeSentence({ text, section: 'summary' }), 'blameful-language');
const flagged = (text: string) => findings(text).length > 0;

test('a contracted "have" after the modal reads as the full form', () => {
  for (const text of ["We should've run the migration on a copy first.", "Dana should've paged the database team.", "He could've stopped the rollout at the first error."]) {
    assert.ok(flagged(text), text);
  }
  // The same words spelt out were already read; both forms agree.
  assert.equal(flagged("We should've run the migration on a copy first."), flagged('We should have run the migration on a copy first.'));
});

test('"made a small but costly mistake": two adjectives, joined or not, before the slip', () => {
  for (const text of ['Tired after the long shift, he made a small but costly mistake.', 'She made a quick, careless error in the firewall rule.']) {
    assert.ok(flagged(text), text);
  }
  // "and" joining two clauses is no adjective: the change is not the mistake.
  for (const text of ['We made an update and errors followed for ten minutes.', 'The team made a release and errors rose on two hosts.']) {
    assert.ok(!flagged(text), text);
  }
});

test('hindsight about a role with no determiner: "Engineers should have caught ...", "something senior staff should definitely have set up"', () => {
  for (const text of ['Engineers should have caught the typo in review.', 'Access reviews were something senior staff should definitely have set up years ago.']) {
    const found = findings(text);
    assert.equal(found.length, 1, text);
    assert.equal(found[0].severity, 'info', text);
  }
  // What people should have been given or had is no judgement of them.
  for (const text of ['Operators should have received the alert within a minute.', 'Customers should have had access to the status page.']) {
    assert.ok(!flagged(text), text);
  }
});

test('an outcome that could have been better, or what we could do under a condition that did not hold, stays quiet', () => {
  for (const text of [
    "We could've had much less downtime, but the revert needed a second deploy.",
    "If this had been a national bank's week-long outage, then I could've just blamed it on a typo and moved on!",
  ]) {
    assert.ok(!flagged(text), text);
  }
});
