// Sayings that mock how people acted, crews on a site named as site workers or builders, the writers' own habits, promises
// and asides, and the shapes that only look like blame: an option weighed and dropped, a rule of thumb about people,
// a wish to own up, and a mistake that was bound to happen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flaggedInSummary as flagged } from './blame-support';

test('a site worker or a builder who slips is a person; a queue worker or a build machine is not', () => {
  for (const text of [
    'The power company says a utility worker messed up the breaker settings.',
    'Builders accidentally cut through the fibre duct behind the library.',
    'A site worker unplugged the wrong rack during the move.',
    'The brownout was caused by one utility worker’s error at the substation.',
  ]) {
    assert.ok(flagged(text), text);
  }
  for (const text of ['The worker crashed and dropped the queue.', 'Workers restarted the pods after the deploy.', 'The builders failed on the new base image.']) {
    assert.ok(!flagged(text), text);
  }
});

test('sayings that mock how someone acted are read', () => {
  for (const text of [
    'Honestly, you had one job.',
    'Who in their right mind restarts the primary at noon on a Monday??',
    'I have no idea what the contractors were doing in that cabinet.',
    'The registrar did not think this through before suspending the accounts.',
    'For two hours people ran around like headless chickens.',
    'Most of our worst outages come down to a fat-fingered admin.',
    'You cannot stop sysadmins from doing dumb things.',
  ]) {
    assert.ok(flagged(text), text);
  }
  assert.ok(!flagged('We had no idea what the cause was until the logs came back.'));
});

test('the writers judging their own habits, choices and promises are read', () => {
  for (const text of [
    'Why didn’t we automate the renewal earlier?',
    'We tend to chase new features and completely overlook the boring upkeep.',
    'In hindsight the outage lasted an hour, which made my decision look pretty foolish.',
    'The first mistake was a schema change I pushed on Friday evening.',
    'To make it worse, I added the release tag to the wrong commit.',
    'Keeping the billing contacts current is not my strong suit.',
    'I’ll be more careful with force pushes from now on.',
    'Since it was all done by hand, maybe I failed in restoring a few of the branches.',
    'Because of the new forwarding, I had not been checking the old inbox for weeks.',
    'I accidentally deleted the release branch with a forced push (via the web UI!?)',
  ]) {
    assert.ok(flagged(text), text);
  }
});

test('shapes that only look like blame stay quiet', () => {
  for (const text of [
    'Not that I never broke production myself, I was just lucky enough not to be the cause that week.',
    'People tend to forget that recovery is a process as much as a tool.',
    'When we get it wrong, we want to be candid and own up to our mistakes.',
    'Sacking the new hire would help nobody: the outage was a mistake waiting to happen.',
    'Not, their fault, they were doing what the work order told them to do.',
    'I could have moved the domain to the new host, but that poses two problems: cost and downtime.',
    'Why did the replica stop applying the log?',
  ]) {
    assert.ok(!flagged(text), text);
  }
});

test('the writer\'s own lapses told with no subject, failures owned and changes that did harm are read', () => {
  for (const text of [
    'Messed up badly yesterday and took down the shop for an hour.',
    'While shipping the export feature, missed a few of the acceptance checks.',
    'Never sent out the release notes.',
    'I failed.',
    'I let the customers and my team down.',
    'I deleted data from a production database.',
    'Halfway through the call I realised I had the units wrong.',
    'A fix I pushed to the site on Friday was now causing connections to leak.',
    'A road crew accidentally cut the fibre behind the station.',
  ]) {
    assert.ok(flagged(text), text);
  }
  for (const text of ['We had a fresh backup, so we took down the forum and began restoring it.', 'We failed over to the standby.', 'The nightly job failed.']) {
    assert.ok(!flagged(text), text);
  }
});
