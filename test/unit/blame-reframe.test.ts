// The questions offered in place of a blaming sentence fit what the sentence says happened, and the gate turns away
// a rewrite that still judges how someone acted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fittingShape, reframeFor, reframeShape } from '../../server/src/analysis/blame/rewrite/reframe';
import { tagTerms } from '../../server/src/analysis/blame/rewrite/tagged';
import { analyze } from '../../server/src/analysis';
import { AnalysisCache } from '../../server/src/analysis/cache';
import { rewriteProblems } from '../../server/src/analysis/blame/rewrite/gate';

test('an unintended act gets the questions about what allowed it, even with omission words in it', () => {
  for (const sentence of [
    'The operator accidentally overwrote the routing table and did not notice.',
    'Priya removed the wrong replica set by mistake, without a second look.',
    'A misconfigured flag was pushed by the on-call engineer, who never saw the warning.',
    'An erroneous DNS change from the platform team was not rolled back for an hour.',
    'Our developers shipped a bug in the session cache that was never tested.',
    'Someone inadvertently skipped the migration lock.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'slip', sentence);
  }
  assert.match(reframeFor('Tom accidentally dropped the queue and did not say so.', 'blame')?.text ?? '', /^What in the system allowed this action\?/);
});

test('a missed detection with no step in it gets the signal questions', () => {
  for (const sentence of [
    'Nobody noticed the failing health checks for six hours.',
    'The disk filling up was not detected by the team until customers wrote in.',
    'The bad rollout went unnoticed by the operators overnight.',
    'We did not catch the expired token until Monday.',
    "I didn't notice the errors until a customer wrote to me.",
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'detection', sentence);
  }
  assert.equal(reframeFor('Nobody spotted the error spike.', 'blame')?.text, 'Which signal would have shown the problem sooner? What made it hard to see at the time?');
  // A notice given is not a detection.
  assert.equal(reframeShape("Our account manager didn't give us advance notice of the change.", 'blame'), 'omission');
  // A step that could have shown it keeps the step questions.
  assert.equal(reframeShape("Ben didn't check the queue, so the backlog went unnoticed.", 'blame'), 'omission');
  assert.equal(reframeShape('If only Bob had checked the dashboard, we would have caught it sooner.', 'hindsight'), 'omission');
  assert.equal(reframeShape('Nobody reviewed the alert rules, so the spike was not noticed.', 'blame'), 'omission');
});

test('a confession, an apology or a later fix gets questions that point at no step', () => {
  for (const sentence of [
    'This outage was entirely our fault.',
    'We are sorry for the mistakes our team made.',
    'I am responsible for the bad deploy.',
    'The engineers take full responsibility for the error.',
    'We apologise to every customer our operators let down.',
    'Our platform team is solely responsible for this.',
    'We found our own mistake two days later.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'failure', sentence);
    assert.doesNotMatch(reframeFor(sentence, 'blame')?.text ?? '', /this (?:action|step)/, sentence);
  }
  // "Responsible" as who owned a task is not a confession.
  assert.equal(reframeShape('The engineer responsible for the rollout forgot to update the config.', 'blame'), 'omission');
});

test('rushing and too little review get the pressure questions', () => {
  for (const sentence of [
    'The engineer rushed the schema change into production.',
    'Under deadline pressure, the team pushed the release with only a cursory review.',
    'Dev hastily approved the pull request.',
    'The change got too little review before it was merged.',
    'Some corners were cut in the migration plan.',
    'During the outage the on-call was so focused on restoring service that the backups were skipped.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'pressure', sentence);
  }
  assert.equal(reframeFor('Mia hurried the failover.', 'blame')?.text, 'What pressure or deadline shaped the work at the time? Which review or check would have slowed it down?');
});

test('the earlier shapes still hold: knowing, a skipped step, a plain act', () => {
  assert.equal(reframeShape('Bob underestimated the load on the new cluster.', 'blame'), 'judgement');
  // What people knew or foresaw is a judgement, not a step skipped.
  assert.equal(reframeShape('We did not anticipate that the cache would fill overnight.', 'hindsight'), 'judgement');
  assert.equal(reframeShape('The operator had a limited understanding of how failover worked.', 'blame'), 'judgement');
  assert.equal(reframeShape('I forgot I was still logged in to the production cluster.', 'hindsight'), 'judgement');
  // Calling ourselves names with no act named: no question fits, while an act beside it keeps its questions.
  assert.equal(reframeShape("I'm such an idiot.", 'hindsight'), 'none');
  assert.equal(reframeShape('We were so smug about it!', 'hindsight'), 'none');
  assert.notEqual(reframeShape('I was smug and skipped the canary.', 'hindsight'), 'none');
  assert.equal(reframeShape('The admin made the wrong call on the failover.', 'blame'), 'judgement');
  assert.equal(reframeShape('Carol forgot to renew the certificate.', 'blame'), 'omission');
  assert.equal(reframeShape('Bob should have paged the database team.', 'hindsight'), 'omission');
  assert.equal(reframeShape('Bob broke production!', 'blame'), 'action');
  const reframe = reframeFor('Ana skipped the canary.', 'blame');
  assert.ok(reframe);
  assert.equal(reframe.snippet, '${1:What would have prompted this step at the time?} ${2:Which signal or check was missing?}');
  assert.equal(reframe.title, 'Reframe as the questions a blameless review asks: What would have prompted this step at the time?');
});

test('the gate turns away a rewrite that keeps a judging word, and lets one that drops it through', () => {
  const problems = (original: string, rewritten: string, blamed: string) => {
    const start = original.indexOf(blamed);
    return rewriteProblems({ original, rewritten, editStart: Math.min(start, rewritten.length), blamed: { start, end: start + blamed.length }, subject: true, teamWording: false });
  };
  assert.ok(problems('Obviously, Lee deleted the index.', 'Obviously, the index was deleted.', 'Lee').some((problem) => problem.includes('Obviously')));
  assert.ok(problems('Lee hurriedly restarted the broker.', 'The broker was hurriedly restarted.', 'Lee').some((problem) => problem.includes('hurriedly')));
  assert.ok(problems('Lee made a misguided change to the proxy.', 'A misguided change was made to the proxy.', 'Lee').some((problem) => problem.includes('misguided')));
  assert.deepEqual(problems('Lee hurriedly restarted the broker.', 'The broker was restarted.', 'Lee'), []);
});

test('no questions fit a cause not yet known, a fix made or planned, or an outside party as the actor', () => {
  for (const sentence of [
    "We still don't know why the operator's script stopped halfway.",
    'The root cause remains unclear, though an engineer may have restarted the wrong node.',
    'Most likely caused by a partner team retrying every request at once.',
    'The provider has since modified its access controls to prevent the operator error that triggered the event.',
    'This would also reduce the impact of a human error on the rollout.',
    'Going forward, engineers will not deploy on Fridays.',
    "The vendor's technician unplugged the wrong power strip.",
    'A third-party scanner mistakenly flagged our installer as malware.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'none', sentence);
    assert.equal(reframeFor(sentence, 'blame'), undefined, sentence);
  }
  // "The unknown" as a place is no unknown cause.
  assert.notEqual(reframeShape('Instead of asking for help, I forged ahead into the unknown.', 'blame'), 'none');
});

test('a mistake or an outage with no act named is a confession; "supposed to" is a step; overlooking and slowness are about signals', () => {
  for (const sentence of ['I made a mistake.', 'The engineer made a critical error in the firewall rule.', 'A mistake was made during the migration.', 'Dana caused the outage.']) {
    assert.equal(reframeShape(sentence, 'blame'), 'failure', sentence);
  }
  assert.equal(reframeShape('The operator was supposed to select the drill option.', 'blame'), 'omission');
  assert.equal(reframeShape('The reviewer overlooked the expired certificate.', 'blame'), 'detection');
  assert.equal(reframeShape('We spent way too much time on the wrong service.', 'blame'), 'detection');
  assert.equal(reframeShape('The team decided to shortcut the review process.', 'blame'), 'pressure');
});

test('no questions where the sentence names no human act, or where questions would lose what it already says', () => {
  for (const sentence of [
    'Nobody can blame the interns for this, and we will not shift the blame onto the weather.',
    'Careless leadership and greedy investors pushed the launch.',
    'Do not let a single engineer hold the only production key.',
    'The graphs were there, but with no alert set up nobody noticed the queue growing.',
    'The cleanup job existed but was never configured to cover the cache volume.',
    "The weekend on-call didn't have the database access needed to resize the volume.",
    'The outage came from a small bug in the parser that went unnoticed for weeks.',
    'The drop in sign-ups was due to a subtle bug in the form validation.',
    'Perhaps we should have failed over, but that would not have helped with a corrupt index.',
    'This was a serious miss, and for that we apologize.',
    'We had stopped patching the old hosts, partly because every team was busy with the migration.',
    'Two of the nodes were still running v3.1.4 instead of v3.2.0.',
    'kubectl was then rerun as we had overshot the limit.',
    'The backfill was run by one of the three engineers who hold the production role.',
    `${'Over the following weeks the backlog grew, '.repeat(8)}and we never reviewed it.`,
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'none', sentence);
  }
});

test('"we" judging ourselves asks about the act when the sentence tells one done, about the step when it tells one skipped', () => {
  assert.equal(reframeShape('While rolling back, we wiped the staging bucket.', 'hindsight'), 'action');
  assert.equal(reframeShape('I pushed the release through even though the canary was red.', 'hindsight'), 'action');
  assert.equal(reframeShape('We had not yet set up paging for the batch cluster.', 'hindsight'), 'omission');
  assert.equal(reframeShape('Instead of pausing the rollout, I kept going.', 'hindsight'), 'omission');
  assert.equal(reframeShape('Turning on the debug flag in production was a mistake, though the logs were not exposed.', 'blame'), 'action');
  assert.equal(reframeShape('The regression should have been caught in staging.', 'hindsight'), 'detection');
  assert.equal(reframeShape('The failure came from operator errors during the failover, which no runbook covered.', 'blame'), 'slip');
});

test('a signal that was there but missed, seen and not acted on, or written off asks how the signal looked', () => {
  for (const sentence of [
    'Though monitoring and alerting worked, the page was not noticed by the on-call staff.',
    'The expiry alert was missed, and the certificate lapsed overnight.',
    'Nobody acted on the page from the queue monitor.',
    'Two reviewers saw the deprecation warning and did not think it mattered.',
    'There were warnings in the build log a week earlier, yet the team did not look into them.',
    'We should have opened an incident as soon as the first alarms fired.',
    'Ravi wrote the timeout off as a flaky test.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'signal', sentence);
    assert.doesNotMatch(reframeFor(sentence, 'blame')?.text ?? '', /this (?:action|step)/, sentence);
  }
  assert.equal(reframeFor('The disk alert was missed by the on-call.', 'blame')?.text, 'How did this signal look at the time, among the others people saw? What would have made it stand out?');
  // A signal that was never there is a step not taken, and alert rules are no signal.
  assert.equal(reframeShape('We did not add an alert for the queue depth.', 'hindsight'), 'omission');
  assert.equal(reframeShape("The team didn't have any alerts on the replica lag.", 'blame'), 'omission');
});

test('a fix never carried over asks what would carry fixes over, not about a step or an act', () => {
  for (const sentence of ['The patch was never backported to the 4.x release line.', 'Nobody cherry-picked the fix onto the release branch.', 'The maintainers did not port back the fix to the old kernel.']) {
    assert.equal(reframeShape(sentence, 'blame'), 'carryover', sentence);
  }
  assert.equal(reframeFor('The patch was never backported by the maintainers.', 'blame')?.text, 'What would have carried the fix over to every version still in use? Which check would have shown that it was missing?');
});

test('no questions for a reasoned trade-off, a corrected report, or a bug as the actor', () => {
  for (const sentence of [
    'This was a deliberate trade-off: we accepted slower deploys to keep the pipeline simple.',
    'In our first report we stated that 40 accounts were exposed by mistake.',
    'After a recount we missed 3 more jobs - the correct number is 12.',
    'So far it looks like the bug caused the duplicate invoices we sent.',
    'The records were erroneously deleted by a bug in the retention job.',
    'We are still analysing the logs, but the retry storm was mistakenly triggered.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'none', sentence);
  }
});

test('a state or an avoidable outcome with no act named gets the general questions', () => {
  for (const sentence of ['The standby operators were not online during the failover.', 'The data loss could have been avoided entirely, but the attacker moved first.']) {
    assert.equal(reframeShape(sentence, 'blame'), 'general', sentence);
    assert.equal(reframeFor(sentence, 'blame')?.text, 'What in the system made this possible? What would have shown it sooner?');
  }
  // A step named keeps the step questions.
  assert.equal(reframeShape('The data loss could have been avoided by pausing the sync.', 'hindsight'), 'omission');
  assert.equal(reframeShape('Not all operators were online to apply the patch.', 'blame'), 'omission');
});

test('a choice of the wrong means, an estimate, a priority or a risk not thought through is about what people knew', () => {
  for (const sentence of [
    'We used the wrong hashing scheme for the session keys.',
    'The capacity was wrongly estimated in the launch plan.',
    'We did not take the retry storms into account.',
    'The teams prioritised a fast release over the rollback plan.',
    'The team shipped the feature without thinking through the rollback.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'judgement', sentence);
  }
  // "Too many" counts things; it judges no one, so hindsight about the step keeps the step questions.
  assert.equal(reframeShape('Too many nodes were drained at once - should have drained one at a time.', 'hindsight'), 'omission');
  assert.equal(reframeShape('We were too confident in the staging results.', 'hindsight'), 'judgement');
});

test('more shapes: watching too little, a fix not merged into the release line, not being familiar, a gap, "on call" as no call', () => {
  assert.equal(reframeShape('We were not watching the error rate closely enough.', 'hindsight'), 'detection');
  assert.equal(reframeShape('The patch went into main but was never merged into the stable branch.', 'blame'), 'carryover');
  // A change merged into a release is no fix left behind.
  assert.notEqual(reframeShape('The release manager merged the change into the release branch without review.', 'blame'), 'carryover');
  assert.equal(reframeShape('The new hire was not familiar with the restore procedure.', 'blame'), 'judgement');
  assert.equal(reframeShape('We lacked a runbook for a full region failover.', 'hindsight'), 'general');
  assert.equal(reframeShape('The engineer on call did not escalate to the storage team.', 'blame'), 'omission');
  assert.equal(reframeShape('Three disk warnings were overlooked by the storage team.', 'blame'), 'signal');
});

test('human error named as the cause is a failure; being paged is a signal; a fix made in one place only is not carried over; trusting is about what people knew', () => {
  assert.equal(reframeShape('The root cause was operator error by the night shift.', 'blame'), 'failure');
  // An act named after the error keeps the questions about that act.
  assert.equal(reframeShape('The failure came from operator errors during the failover, which no runbook covered.', 'blame'), 'slip');
  assert.equal(reframeShape('The on-call was paged twice but did not respond.', 'blame'), 'signal');
  assert.equal(reframeShape('We had fixed the leak on the 5.x branch but not on 4.x.', 'hindsight'), 'carryover');
  assert.equal(reframeShape('We trusted the provider status page over our own probes.', 'hindsight'), 'judgement');
});

test('no questions where the sentence already tells what was believed, clears people, or names no act of the team', () => {
  for (const sentence of [
    // What people believed or expected at the time is already the account.
    'We skipped the extra replicas because we thought the cluster had room to spare.',
    'The operators, believing the drain had finished, then removed the old nodes.',
    "Since we hadn't expected the surge, we had not warned the payment partner.",
    // A sentence that clears people.
    'I worried that I had broken it, but it turned out not to be my fault.',
    'The record came from a sync job, which looks like a defect in the tool rather than any kind of user error.',
    // A general lesson for the reader.
    'If you study human error, you find that workplaces can breed it.',
    // An outside party's conduct, told as fact.
    'The attacker drained the pool and kept the proceeds.',
    'We asked the sender to return the funds, but they refused.',
    // Software or a node down, not a person.
    'Our validator missed a few hundred blocks during the upgrade.',
    "We missed at least two days' worth of blocks while the node resynced.",
    'The bridge daemon fails to relay.',
    // A miss the sentence already explains by a signal that was not there, or by a tool it then bought.
    'Nobody noticed, since no alerts fire for an expired key.',
    'We could have caught this sooner with a cheap uptime checker, so we subscribed to one.',
    // Demeanour, resources, the state of an investigation, a system left set up wrongly.
    'The lead who took over did not shout.',
    'Because of a lack of staff and hardware capacity, the indexers were paused for a week.',
    'After two days of emails with the vendor, none of us knew what was going on.',
    'The deploy script was not updated to support the new regions.',
    'Our gateways were configured with the wrong upstream port.',
    // The mistake named only in passing while the sentence tells the response, or a message quoted.
    'We rolled the cache back to an hour before my mistake.',
    'I posted in the incident channel to tell everyone about my error.',
    'I wrote a quick note to the team: I had wiped the staging bucket by accident.',
    // A review that found what the writer missed.
    'The second reviewer came back with a finding I had missed.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'none', sentence);
  }
  // A loss called avoidable keeps its questions even with an outside party in it.
  assert.equal(reframeShape('The outage could have been avoided but was exploited by the attacker who found the hole.', 'hindsight'), 'general');
  // The same shapes where a person is still at fault keep their questions.
  assert.equal(reframeShape('The outage happened because of my mistake.', 'blame'), 'failure');
  assert.equal(reframeShape('The resolver was configured with the wrong zone by the night operator.', 'blame'), 'slip');
  assert.equal(reframeShape('The on-call muted the page, and no alarm escalated it.', 'blame'), 'signal');
  assert.notEqual(reframeShape('Nobody knew how to restore the snapshot.', 'blame'), 'none');
  // "An individual customer" is no outside party's conduct.
  assert.equal(reframeShape('The rule was applied in error to an individual customer account.', 'blame'), 'slip');
});

test('questions that fit: priorities for a known risk not acted on, the signal for messages not read, the act for a promise not to repeat it', () => {
  for (const sentence of ['We had not yet prioritised writing the restore runbook.', 'We kept the rollout going even though we were aware of the error spike.']) {
    assert.equal(reframeShape(sentence, 'blame'), 'priorities', sentence);
  }
  assert.equal(reframeFor('The team had never prioritised the cleanup work.', 'blame')?.text, 'What else had priority at the time, and why? What would have made acting on this the easier choice?');
  // Being aware of a risk while something else was left out is about what was known.
  assert.equal(reframeShape('While we were well aware of the token risk in logs, the crash dumps were not considered.', 'blame'), 'judgement');
  for (const sentence of ['I did receive two reminders about the expiry, but did not read them in time.', 'We missed them.']) {
    assert.equal(reframeShape(sentence, 'blame'), 'signal', sentence);
  }
  assert.equal(reframeShape('Dana said she will not purge the archive again.', 'blame'), 'action');
  assert.equal(reframeShape("Honestly, I shouldn't be trusted with the production keys.", 'blame'), 'failure');
  assert.equal(reframeShape('Our retry limit was higher than it needed to be.', 'blame'), 'general');
});

test('someone tired, confused or overwhelmed gets questions about the situation, not about a safeguard for an act', () => {
  for (const sentence of [
    'Priya got confused by the two dashboards for most of an hour.',
    'By the third page the on-call was exhausted and missed the second alert.',
    'I was too tired to read the diff properly.',
    'The responder was overwhelmed by forty alerts at once.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'state', sentence);
  }
  const reframe = reframeFor('Priya got confused by the two dashboards for most of an hour.', 'blame');
  assert.ok(reframe?.text.startsWith('What about the situation made this hard at the time?'), reframe?.text);
  // Without such a state, an unintended act keeps the questions about what allowed it.
  assert.equal(reframeShape('Sam accidentally deleted the bucket.', 'blame'), 'slip');
});

test('questions that point at an act, a step or a signal stay when the sentence names it', () => {
  for (const [sentence, shape] of [
    ['The on-call engineer did not run the migration before the deploy.', 'omission'],
    ['Sam skipped the review of the failover script.', 'omission'],
    ['Priya should have double checked the target cluster.', 'omission'],
    ['The operator was supposed to select the drill option.', 'omission'],
    ['Deleted the user tables without asking first', 'omission'],
    ['Our SRE ignored the disk alert.', 'signal'],
    ['Nobody saw the alerts that fired overnight.', 'signal'],
    ['Nadia wasn’t aware of the new quota.', 'judgement'],
    ['We let the signing key expire twice this year.', 'action'],
  ] as const) {
    assert.equal(reframeShape(sentence, 'blame'), shape, sentence);
    assert.equal(fittingShape(sentence, 'blame'), shape, sentence);
  }
});

test('with nothing in the sentence for "this action", "this step", "this signal" or "the people" to point at, the general questions', () => {
  for (const sentence of [
    // A state or a practice, not an act: "was an oversight", "had been rotating", "were to blame".
    'Our weak point was an oversight in the way we had been pruning old snapshots.',
    'After a first look, a mix of tooling and human error were to blame.',
    "Your new hire shouldn't have been holding the restore steps in their head.",
    // The act told is only a consequence, in a relative clause.
    'This was an unforgivable blunder that could have wiped every customer record.',
    // Rules set aside are no signal, nor are warnings named only in what a test would have covered.
    'It was a night of good intentions, but also of escalation rules we ignored.',
    'Never looked into what happens when staff click past the warnings',
    // A thing, not a person, assumed.
    'It wrongly assumed the old tables were unused.',
  ]) {
    assert.notEqual(reframeShape(sentence, 'blame'), 'general', sentence);
    assert.equal(fittingShape(sentence, 'blame'), 'general', sentence);
    assert.equal(reframeFor(sentence, 'blame')?.text, 'What in the system made this possible? What would have shown it sooner?', sentence);
  }
});

test('no questions for a sentence that tells no event of this incident, though a confession in the present keeps them', () => {
  for (const sentence of [
    // A roadmap, a state now, a general aside: only the present tense, or past verbs inside "what ..." and "who ...".
    'Below is what we got wrong and what we plan to change.',
    "I'm far too tired to debug this tonight.",
    'Often enough it is the person who designed a service who grows careless with it.',
    'I am not pleased with how the hosting company handled the outage.',
    'Get lost in the dashboards for an hour.',
    // "what a ..." exclaims and opens no clause: the present "am" is all the sentence tells.
    'Wow, what a letdown I am.',
  ]) {
    assert.notEqual(reframeShape(sentence, 'blame'), 'none', sentence);
    assert.equal(reframeFor(sentence, 'blame'), undefined, sentence);
  }
  assert.equal(fittingShape('I take full responsibility for the outage.', 'blame'), 'failure');
  // A heading with no verb tells nothing against the questions.
  assert.equal(fittingShape('**Rushed rollout**', 'blame'), reframeShape('**Rushed rollout**', 'blame'));
});

test('the questions read the tags the rewrites already cached for the sentence', () => {
  const cache = new AnalysisCache();
  const sentence = "I'm far too tired to debug this tonight.";
  assert.equal(reframeFor(sentence, 'blame', cache), undefined);
  // Emptied in place, the cached tags show no verb: were they read again from the library, the answer would not change.
  const cached = tagTerms(sentence, cache);
  cached.splice(0, cached.length);
  assert.match(reframeFor(sentence, 'blame', cache)?.text ?? '', /^What about the situation made this hard at the time\?/);
});

test('a gap in understanding or a belief that proved wrong asks what was known, not what would have prompted a step', () => {
  for (const sentence of [
    'I never really understood how the backup tool pruned old copies.',
    'She made the mistake of assuming the replica was in sync.',
    'We forgot about the detail that the mount point had moved.',
    'The on-call engineer never really grasped how the failover picked a leader.',
  ]) {
    assert.equal(reframeShape(sentence, 'hindsight'), 'judgement', sentence);
  }
});

test('a course regretted or another passed over asks why the choice looked right, while a step not taken still asks what would have prompted it', () => {
  for (const sentence of [
    'I could have used the managed queue, but I did not.',
    'We should not have enabled the flag on a Friday evening.',
    "I shouldn't have volunteered to run the migration alone.",
    'If the team had used the signed bundle directly, no override would have been needed.',
  ]) {
    assert.equal(fittingShape(sentence, 'hindsight'), 'choice', sentence);
  }
  assert.equal(reframeShape('Bob should have paged the database team.', 'hindsight'), 'omission');
  assert.equal(reframeShape('The build should not have been promoted without a canary.', 'hindsight'), 'omission');
});

test('a problem seen and not acted on asks what had priority, and a timeline entry in the present tense still gets questions', () => {
  assert.equal(reframeShape('The operator saw the disk warnings but did not act on them until noon.', 'blame'), 'priorities');
  assert.equal(reframeShape('Lee knew the certificate was expiring but never followed up.', 'blame'), 'priorities');
  assert.equal(fittingShape('09:40 Sam reverts his change but clones the wrong branch.', 'blame'), 'slip');
  // Without a clock time, a present tense tells a habit, not an event of this incident.
  assert.equal(fittingShape('Sam reverts his change but clones the wrong branch.', 'blame'), 'none');
});

test('a writer who types "i" in lower case still gets questions; another lower-case opening continues a log line and gets none', () => {
  assert.equal(reframeShape('i fat fingered the hostname in the inventory file.', 'hindsight'), 'slip');
  assert.equal(reframeShape('puma forgot to drain the workers before the restart.', 'blame'), 'none');
});

test('an act done past a gate asks about safeguards, a forgotten fact about what was known, and a slip told in the present is an event', () => {
  assert.equal(reframeShape('A contractor switched off both relay interlocks without authorization.', 'blame'), 'action');
  assert.equal(reframeShape('Bob merged the schema change without review.', 'blame'), 'action');
  assert.equal(reframeShape('I forgot that the package manager rewrites its mirror file on every update.', 'hindsight'), 'judgement');
  assert.notEqual(fittingShape('@lee carelessly adds a temporary exception in his browser.', 'blame'), 'none');
});

test('a person named as the one to blame, and a human error with a word before it, get the questions that fit any failure', () => {
  assert.equal(fittingShape('The one to blame is the release manager.', 'blame'), 'failure');
  assert.equal(fittingShape('This is a regrettable human error.', 'blame'), 'failure');
  assert.equal(fittingShape('This is a known design flaw.', 'blame'), 'none');
});

test('after blind review 17: a report of who blamed whom, a pointer to the story, a slip caught, a question asked and a general remark get no questions; a regretted or foolish choice gets the choice questions', () => {
  for (const sentence of [
    'The hosting firm blamed it all on its upstream carrier.',
    'You can read the full story of her error on the forum.',
    'Luckily a teammate saw my mistake and pinged me.',
    'Seconds later he realized his error and reverted the flag.',
    'I walk over to the other team, asking if they re-enabled the old job by mistake.',
    'In our experience people often panic during a breach and wipe the evidence.',
  ]) {
    assert.equal(fittingShape(sentence, 'blame'), 'none', sentence);
  }
  // A headline that puts the blame on someone still gets questions.
  assert.notEqual(fittingShape('Region-wide outage blamed on careless technician', 'blame'), 'none');
  assert.equal(reframeShape('I regret shipping the update on a Friday.', 'hindsight'), 'choice');
  assert.equal(reframeShape('Turning the cache off was a foolish move on my part.', 'hindsight'), 'choice');
  assert.equal(reframeShape('Not long after the shift began, I made a small, silly mistake.', 'hindsight'), 'failure');
  // Hindsight that someone should have caught the error still gets the detection questions.
  assert.equal(reframeShape('Dana should have caught the error in review.', 'hindsight'), 'detection');
});

test('a reassurance that it was not just one person’s fault gets no questions; what someone should have suspected gets the knowing questions', () => {
  assert.equal(reframeShape('She told me it wasn’t just my fault, since two others had approved the change.', 'hindsight'), 'none');
  assert.equal(reframeShape('It wasn’t their fault that the restore failed.', 'blame'), 'none');
  assert.equal(reframeShape('I should have suspected a problem when the queue stopped draining.', 'hindsight'), 'judgement');
});

test('a slip typed fast in lower case, or after a tl;dr label, gets questions that open with a capital', () => {
  for (const sentence of ['today, during a routine config change, i fat fingered the yaml.', 'tl;dr: I forgot to tell the CDN to pass the Origin header, and the UI broke.']) {
    const document = `# Config slip\n\n## Summary\n\n${sentence}\n`;
    const finding = analyze(document, { force: true, today: '2026-12-01' }).findings.find((item) => item.ruleId === 'blameful-language');
    assert.ok(finding, sentence);
    const reframe = finding.suggestions.find((fix) => fix.edits.some((edit) => edit.snippet !== undefined));
    assert.match(reframe?.edits[0].newText ?? '', /^\p{Lu}/u, sentence);
  }
  // A lower-case line that continues a log keeps its finding and gets no questions.
  assert.equal(reframeShape('puma was then reverted by mistake.', 'blame'), 'none');
});

test('the questions replace the whole sentence across a written-out abbreviation, and only that sentence after a time', () => {
  const replaced = (sentence: string) => {
    const document = `# Fiber cut\n\n## Summary\n\n${sentence}\n`;
    const finding = analyze(document, { force: true, today: '2026-12-01' }).findings.find((item) => item.ruleId === 'blameful-language');
    const edit = finding?.suggestions.find((fix) => fix.edits.some((candidate) => candidate.snippet !== undefined))?.edits[0];
    return edit ? document.slice(edit.span.start, edit.span.end) : undefined;
  };
  const fiber = 'A careless contractor cut the trunk line, which took all of n.w. Ohio off the network.';
  assert.equal(replaced(fiber), fiber);
  assert.equal(replaced('The on-call engineer was careless with the cert at 9 a.m. The site went down.'), 'The on-call engineer was careless with the cert at 9 a.m.');
});

test('an insult with no act in it gets no questions; someone said to be to blame gets the questions that fit any failure', () => {
  assert.equal(reframeShape('Nothing breaks a help desk faster than the stupidity of the people it serves.', 'blame'), 'none');
  assert.equal(reframeShape('The review says the night operator was to blame.', 'blame'), 'failure');
  assert.equal(reframeShape('The contractor was at fault.', 'blame'), 'failure');
});

test('questions that fit what the sentence tells: time lost recovering, a change seen and set aside, acting without understanding, thin training', () => {
  assert.equal(reframeShape('The replacement database took us far too long to restore.', 'hindsight'), 'recovery');
  assert.equal(reframeShape('It took us far too long to notice the queue growing.', 'hindsight'), 'detection');
  assert.equal(reframeShape('Even though we noticed the breaking change, we patched our own sites instead of the library.', 'hindsight'), 'priorities');
  assert.equal(reframeShape('We ran the cleanup script without fully understanding what it removed.', 'hindsight'), 'judgement');
  assert.equal(reframeShape('Under-trained staff ran the failover.', 'blame'), 'state');
  // "Hurricane" is no hurry: the untested generator is a step not taken.
  assert.notEqual(reframeShape('The owner had not tested the generator before the hurricane arrived.', 'blame'), 'pressure');
});

test('no questions where the sentence owns a mistake, compensates for it or speculates', () => {
  assert.equal(reframeShape('I decided to own that mistake and see the fix through.', 'hindsight'), 'none');
  assert.equal(reframeShape('Both customers were compensated for the technician’s mistake.', 'blame'), 'none');
  assert.equal(reframeShape('It is tempting to speculate that one intern caused all of it.', 'blame'), 'none');
});

test('people counted before the role ("10 employees") keep the sentence from a passive that would leave the count behind', () => {
  const offers = analyze('# Postmortem\n\n## Summary\n\nThe footage showed that 10 employees had not followed the backup procedure.\n', { force: true, today: '2026-12-01' })
    .findings.filter((finding) => finding.ruleId === 'blameful-language')
    .flatMap((finding) => finding.suggestions.map((fix) => fix.edits[0]?.newText ?? ''));
  assert.ok(offers.length > 0);
  assert.ok(offers.every((text) => !/\b10 the\b/.test(text) && !/\b10 Apple|procedure had not been followed/.test(text)), offers.join(' | '));
});

test('a long account keeps its facts: past 19 words no questions replace it, and the finding stays', () => {
  const short = 'During the cutover an engineer accidentally truncated the billing ledger table.';
  const long = 'During the Thursday cutover to the new cluster in Frankfurt, an engineer carelessly truncated the billing ledger table that held 40,000 open invoices.';
  assert.equal(reframeShape(short, 'blame'), 'slip');
  assert.equal(reframeShape(long, 'blame'), 'none');
  assert.equal(reframeFor(long, 'blame'), undefined);
  const finding = analyze(`# Ledger\n\n## Summary\n\n${long}\n`, { force: true, today: '2026-12-01' }).findings.find((item) => item.ruleId === 'blameful-language');
  assert.ok(finding);
  assert.ok(finding.suggestions.every((fix) => fix.edits.every((edit) => edit.snippet === undefined)));
});

test('communication that fell short asks how information flowed, not what hid the problem', () => {
  for (const sentence of [
    'There was poor communication between the platform team and support that night.',
    'Our communication with customers was not timely, which we count as a failure.',
    'Nobody was given the job of keeping customers up to date during the outage.',
  ]) {
    assert.equal(reframeShape(sentence, 'blame'), 'communication', sentence);
  }
  assert.equal(reframeFor('There was poor communication between the platform team and support that night.', 'blame')?.text, 'What made it hard to keep everyone informed at the time? Which routine or role would have kept the updates flowing?');
  // Telling someone about a change is no communication lapse of the kind.
  assert.notEqual(reframeShape('The engineer deleted the queue without telling anyone.', 'blame'), 'communication');
});

test('corners cut for a date get the pressure questions, complacency the state ones, a closing feeling none, and a bug that could have been discovered the detection ones', () => {
  assert.equal(reframeShape('To hit the launch date we cut a lot of corners on the schema work.', 'blame'), 'pressure');
  assert.equal(reframeShape('Complacency had set in on the release team by then.', 'blame'), 'state');
  assert.equal(reframeShape('The page went off at dawn and I felt like a complete fool.', 'blame'), 'none');
  assert.equal(reframeShape('In hindsight, the leak could have been discovered if the heap graphs had been read.', 'hindsight'), 'detection');
});

test('the writers judging their own character get questions: laziness those of a choice, the rest those of a failure; others judged get none', () => {
  assert.equal(reframeShape('I had been too lazy to move the backups off the old host.', 'blame'), 'choice');
  assert.equal(reframeShape('The restore failed and I could not believe my own stupidity.', 'blame'), 'failure');
  assert.equal(reframeShape('The inexperienced managers signed it off anyway.', 'blame'), 'none');
});
