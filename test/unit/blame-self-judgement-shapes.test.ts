// The writers judging their own conduct in words the first patterns missed: a contracted "weren't ... enough",
// "oblivious", an error owned with words before it, and a mishap owned; the same words about a system or a metric stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsFor, placeSentence } from './blame-support';

const flagged = (text: string) => findingsFor(placeSentence({ text, section: 'summary' }), 'blameful-language').length > 0;

test('we judging ourselves: not vigilant enough, oblivious, my own careless error, my worst mishap', () => {
  for (const text of [
    "We weren't attentive enough to catch the disk filling up.",
    'The queue backed up for a day while we were blissfully oblivious.',
    'In the end it was my own careless error.',
    'That week brought one of my worst mishaps in years.',
  ]) {
    assert.ok(flagged(text), text);
  }
});

test('the same words about a system, a metric or another subject stay quiet', () => {
  for (const text of ['The health check was not vigilant enough to notice the slow replica.', 'My own error budget for the quarter ran out on Tuesday.', 'The dashboard was oblivious to the second region.']) {
    assert.ok(!flagged(text), text);
  }
});

test('a clause that opens on its own noun phrase is not the writers\' act: "we lost two uplinks, the routing messed up"', () => {
  for (const text of ['We lost two uplinks during the window, the routing seemed messed up for an hour.', 'We restarted the pods, the scheduler messed up the placement.']) {
    assert.ok(!flagged(text), text);
  }
  // With no subject of its own, the clause is still the writers' act.
  assert.ok(flagged('We restarted the pods, then messed up the placement config.'));
});

test('a lapse told with the writers as the unstated subject: "Also forgot to ...", "Restarted the proxy and forgot to ..."', () => {
  assert.ok(flagged('Also forgot to update the failover runbook.'));
  assert.ok(flagged('Restarted the proxy and forgot to reload its certificates.'));
  // Another subject after the conjunction is no fragment of ours.
  assert.ok(!flagged('Updated the record, but the old resolver forgot to expire the cached address.'));
});
