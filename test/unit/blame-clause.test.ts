// Blame read from the clause: people as open-class nouns with fault predicates, hindsight, "we" judging ourselves, and the context that decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { findBlame, isQuotedLine } from '../../server/src/analysis/blame/detect';
import { defaultPhrasebook, extendPhrasebook } from '../../server/src/analysis/blame/phrasebook';
import type { Finding } from '../../server/src/analysis/model';

function postmortem(summary: string, extra = ''): string {
  return `# Incident: slow checkout\n\n## Summary\n\n${summary}\n\n## Timeline\n\n- 14:00 Alerts fire\n${extra}`;
}

function blameIn(text: string): Finding[] {
  return analyze(text, { force: true, today: '2024-06-01' }).findings.filter((finding) => finding.ruleId === 'blameful-language');
}

/** The reported words of each finding in a one-paragraph summary. */
function reported(summary: string): string[] {
  const text = postmortem(summary);
  return blameIn(text).map((finding) => text.slice(finding.span.start, finding.span.end));
}

test('roles and people as open-class nouns, with any determiner or none, are agents of a fault', () => {
  assert.deepEqual(reported('Two of the contractors wiped the staging bucket by mistake.'), ['Two of the contractors wiped']);
  assert.deepEqual(reported('Technicians unplugged the storage shelf by accident.'), ['Technicians unplugged']);
  assert.deepEqual(reported('A staffer made the costly error during the cutover.'), ['A staffer made the costly error']);
  assert.deepEqual(reported('The operator was supposed to pick the dry-run mode.'), ['The operator was supposed to']);
  assert.deepEqual(reported('Incident Commander failed to hand off the pager.'), ['Incident Commander failed to hand']);
  assert.deepEqual(reported('Someone in the data team inadvertently truncated the ledger table.'), ['Someone in the data team inadvertently truncated']);
  assert.deepEqual(reported('Some people who were cleaning the rack accidentally pulled the uplink cable.'), ['people who were cleaning the rack accidentally']);
});

test('fault predicates: slips, unawareness, shortcuts, missed checks', () => {
  assert.deepEqual(reported('The maintainer did not realize the mirror was stale.'), ['The maintainer did not realize']);
  assert.deepEqual(reported("The platform team wasn't fully aware of the quota."), ["The platform team wasn't fully aware"]);
  assert.deepEqual(reported('The release lead decided to shortcut the soak period.'), ['The release lead decided to shortcut']);
  assert.deepEqual(reported('We did not test the restore script before the upgrade.'), ['We did not test']);
  assert.deepEqual(reported('A developer shipped the patch, but they introduced a regression in the parser.'), ['they introduced a regression']);
  assert.deepEqual(reported('I wrote the cleanup job in a hurry.'), ['I wrote the cleanup job in a hurry']);
  assert.deepEqual(reported("The billing devs didn't run the integration tests before the release."), ["The billing devs didn't run"]);
  assert.deepEqual(reported('I tried to force a deployment past the failing checks.'), ['I tried to force']);
  assert.deepEqual(reported('The scheduler forced a restart of the pod.'), []);
  // A role that opens the clause before "and" stays the subject; the object of the first verb does not.
  assert.deepEqual(reported("Several people saw the warning and didn't think it mattered."), ["people saw the warning and didn't think"]);
  assert.deepEqual(reported("The alert paged two engineers and didn't notify the lead."), []);
  assert.deepEqual(reported('Our deploy tooling did not test the arm64 image.'), []);
});

test('hindsight with no one named, and counterfactuals about what we did, are reported at info', () => {
  const text = postmortem('This should have been spotted during code review. Had we pinned the image tag, this would not have happened.');
  const findings = blameIn(text);
  assert.deepEqual(
    findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.severity]),
    [
      ['should have been spotted', 'info'],
      ['we pinned the image tag, this would not have happened', 'info'],
    ],
  );
  assert.deepEqual(reported('Asking the storage owner first would have saved an hour.'), ['would have saved']);
  // A counterfactual about software is no judgement of people.
  assert.deepEqual(reported('A canary stage would have caught the bad build.'), []);
});

test('"we" judging ourselves is info; blaming a person is a warning, and the message quotes the blaming words', () => {
  const text = postmortem('We were too hasty with the rollback. It took us too long to page the vendor. A contractor relabelled the volume in error.');
  const findings = blameIn(text);
  assert.deepEqual(
    findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.severity]),
    [
      ['We were too hasty', 'info'],
      ['took us too long', 'info'],
      ['A contractor relabelled the volume in error', 'warning'],
    ],
  );
  assert.match(findings[2].message, /^'A contractor relabelled the volume in error' makes a person the cause/);
  assert.match(findings[0].message, /^'We were too hasty' /);
  assert.match(findings[2].detail ?? '', /what in the system made the slip easy/);
});

test('passive with a human agent names the person after "by"; passive with a system agent does not', () => {
  assert.deepEqual(reported('The routing table was altered by @jonas.'), ['was altered by @jonas']);
  assert.deepEqual(reported('The branch was merged by the on-call engineer without a review.'), ['by the on-call engineer without a review']);
  assert.deepEqual(reported('The routing table was altered by the sync job.'), []);
  assert.deepEqual(reported('The page was acknowledged by the on-call engineer.'), []);
});

test('the match carries the person and the predicate as document offsets', () => {
  const text = 'Uploads stalled. A contractor relabelled the volume in error.';
  const [match] = findBlame({ span: { start: 50, end: 50 + text.length }, text, where: 'body' }, { people: [], phrasebook: defaultPhrasebook() });
  assert.ok(match.person && match.predicate);
  assert.equal(text.slice(match.person.start - 50, match.person.end - 50), 'A contractor');
  assert.equal(text.slice(match.predicate.start - 50, match.predicate.end - 50), 'in error');
});

test('denials, exonerations and praise are not blame', () => {
  assert.deepEqual(reported('This is not incompetence.'), []);
  assert.deepEqual(reported('This was not an operator mistake; the form defaulted to production.'), []);
  assert.deepEqual(reported('The admin did not start the export; it came from a leaked token.'), []);
  assert.deepEqual(reported('The problem was not that the reviewer made a mistake.'), []);
  assert.deepEqual(reported('The engineer who shipped the change was the first to spot the spike.'), []);
  assert.deepEqual(reported('We found the leak by accident while profiling.'), []);
});

test('questions, quotes, block quotes and chat logs are others\u2019 words', () => {
  assert.deepEqual(reported('Did the reviewer overlook the flag?'), []);
  assert.deepEqual(reported('"The operator overlooked the flag," the first draft said.'), []);
  assert.deepEqual(reported('> The operator overlooked the flag.'), []);
  assert.deepEqual(reported('[14:02] <tomas> i accidentally restarted the wrong pod'), []);
});

test('proposals, status notes, general claims and non-persons are not blame', () => {
  assert.deepEqual(reported('We should have alerting on failed config reloads.'), []);
  assert.deepEqual(reported('I do not use the legacy endpoint any more.'), []);
  assert.deepEqual(reported('We did not see any errors in the proxy logs.'), []);
  assert.deepEqual(reported('Operators will misread a crowded dashboard, so the key number must stand out.'), []);
  assert.deepEqual(reported('Due to PRs failing to merge, the release slipped a day.'), []);
  assert.deepEqual(reported('The import failed due to AWS quota limits.'), []);
  assert.deepEqual(reported('The old snapshots were accidentally deleted during cleanup.'), []);
  assert.deepEqual(reported('The cron job accidentally removed the lock file.'), []);
  assert.deepEqual(reported('The replicas fell behind. They failed to catch up before noon.'), []);
  assert.deepEqual(reported('No alerts were overlooked during the window.'), []);
});

test('action items and "went well" sections are not searched for blame', () => {
  const actions = postmortem('Checkout slowed down.', '\n## Action items\n\n- We should have been paging on queue depth; add the alert (@ines, 2024-07-01)\n');
  assert.deepEqual(blameIn(actions), []);
  const lucky = postmortem('Checkout slowed down.', '\n## Where we got lucky\n\n- The engineer who caused the spike by mistake also noticed it first.\n');
  assert.deepEqual(blameIn(lucky), []);
  const label = postmortem('Checkout slowed down.\n\n**What went well:**\n\nOne of the engineers accidentally ran the cleanup twice, which cleared the backlog.');
  assert.deepEqual(blameIn(label), []);
});

test('in a timeline people act; only a slip is blame, also for lower-case chat nicks', () => {
  const timeline = '- 14:02 ines restarts the workers\n- 14:05 ines reverts the config but inadvertently deploys the old tag\n- 14:07 Bob checks the dashboards\n- 14:09 Bob restarts the wrong worker and then the right one\n';
  const text = `# Incident: slow checkout\n\n## Summary\n\nCheckout slowed down.\n\n## Timeline\n\n${timeline}`;
  assert.deepEqual(
    blameIn(text).map((finding) => text.slice(finding.span.start, finding.span.end)),
    ['ines reverts the config but inadvertently'],
  );
});

test('a team that disables a phrasebook entry also turns off the clause shape that reads it', () => {
  const text = 'A contractor relabelled the volume in error.';
  const block = { span: { start: 0, end: text.length }, text, where: 'body' as const };
  assert.equal(findBlame(block, { people: [], phrasebook: defaultPhrasebook() }).length, 1);
  const phrasebook = extendPhrasebook(defaultPhrasebook(), { disable: ['by-mistake', 'fault-adverb'] });
  assert.equal(findBlame(block, { people: [], phrasebook }).length, 0);
});

/** Each finding's reported words with its severity. */
function reportedWithSeverity(summary: string): [string, string][] {
  const text = postmortem(summary);
  return blameIn(text).map((finding) => [text.slice(finding.span.start, finding.span.end), finding.severity]);
}

test('organisations and teams named like products are agents of what only people do', () => {
  assert.deepEqual(reported("Northwind wasn't aware of the breaking change in the client library."), ["Northwind wasn't aware"]);
  assert.deepEqual(reported('Globex did not give the hosting provider enough notice before the launch.'), ['Globex did not give']);
  assert.deepEqual(reported('ACME & BLT refusal to share the logs slowed the investigation.'), ['ACME & BLT refusal to']);
  assert.deepEqual(reported('The QA vendor did not test the failover path.'), ['The QA vendor did not test']);
  // Software does these things too, so a product name before them is no person.
  assert.deepEqual(reported('Kubernetes did not restart the pod.'), []);
  assert.deepEqual(reported('Postgres did not check the constraint on the old rows.'), []);
  assert.deepEqual(reported('PagerDuty did not notify the secondary.'), []);
  assert.deepEqual(reported('CI did not test the arm64 build.'), []);
});

test('first-person omissions are "we" judging ourselves, at info; what we did not see or need is not', () => {
  assert.deepEqual(reportedWithSeverity('We did not test the restore script before the upgrade.'), [['We did not test', 'info']]);
  assert.deepEqual(reportedWithSeverity('We did not roll the patch out to the staging fleet when we merged it.'), [['We did not roll', 'info']]);
  assert.deepEqual(reportedWithSeverity("We hadn't told the partner team about the launch date."), [["We hadn't told", 'info']]);
  assert.deepEqual(reported('We did not need to fail over.'), []);
  assert.deepEqual(reported('We have not had a recurrence since the fix.'), []);
  assert.deepEqual(reported('We have not yet determined why the leader stepped down.'), []);
  assert.deepEqual(reported('We did not find any data loss in the audit.'), []);
  assert.deepEqual(reported('None, because we did not deploy the build.'), []);
});

test('a lapse in the passive with no one named is hindsight, at info; missed packets and hidden errors are not', () => {
  assert.deepEqual(reportedWithSeverity('A typo in the rollout script went unnoticed for a week.'), [['went unnoticed', 'info']]);
  assert.deepEqual(reportedWithSeverity('The expiry warning was missed.'), [['was missed', 'info']]);
  assert.deepEqual(reportedWithSeverity('The fix was never backported to the old branch.'), [['was never backported', 'info']]);
  assert.deepEqual(reported('Verbose logging caused the real errors to go unnoticed.'), []);
  assert.deepEqual(reported('Two heartbeats were missed during the failover.'), []);
  assert.deepEqual(reported('The nightly backup run was missed while the host rebooted.'), []);
  assert.deepEqual(reported('The checkout SLO (99.95% monthly) was missed for May.'), []);
  assert.deepEqual(reported('The queue growth went unnoticed for an hour; the first signal was a customer ticket.'), []);
  assert.deepEqual(reported('The disk alert was missed in the noise of the paging storm.'), []);
  assert.deepEqual(reported('The drift was not noticed or flagged for a month.'), []);
});

test('people a step needed who were not there, or ran the old version, are reported at info', () => {
  assert.deepEqual(reportedWithSeverity('Several validators were not online during the upgrade window.'), [['validators were not online', 'info']]);
  assert.deepEqual(reportedWithSeverity('Nobody with deploy rights was awake at the time.'), [['Nobody with deploy rights was awake', 'info']]);
  assert.deepEqual(reportedWithSeverity('Some node operators were still running 2.1 instead of 2.2.'), [['node operators were still running 2.1 instead of', 'info']]);
  assert.deepEqual(reported('The replica was not available during the upgrade.'), []);
});

test('hindsight and judging words about decisions are reported at info', () => {
  assert.deepEqual(reportedWithSeverity('The rollout could have been handled much better.'), [['could have been handled much better', 'info']]);
  assert.deepEqual(reportedWithSeverity('Merging the schema change on a Friday was a mistake.'), [['was a mistake', 'info']]);
  assert.deepEqual(reportedWithSeverity('Poor communication between the two teams slowed the response.'), [['Poor communication', 'info']]);
  assert.deepEqual(reportedWithSeverity('The capacity was wrongly estimated in the launch plan.'), [['was wrongly estimated', 'info']]);
  assert.deepEqual(reportedWithSeverity('The partner team should have been involved in the review.'), [['The partner team should have been involved', 'info']]);
});

test('in a timeline, an act aimed at the wrong thing is a slip; seeing the wrong thing is not', () => {
  const timeline = '- 13:58 kvaz deploys the new build\n- 14:02 kvaz reverts his change but clones the wrong branch\n- 14:06 Alice notices the wrong version on the canary\n';
  const text = `# Incident: slow checkout\n\n## Summary\n\nCheckout slowed down.\n\n## Timeline\n\n${timeline}`;
  assert.deepEqual(
    blameIn(text).map((finding) => text.slice(finding.span.start, finding.span.end)),
    ['kvaz reverts his change but clones the wrong branch'],
  );
});

test('in a timeline, what only people do and people absent are reported too', () => {
  const timeline = '- 09:00 Initech never notified the node operators about the halt\n- 09:30 Nobody with signing rights was awake\n- 09:40 Initech posts the patch\n';
  const text = `# Incident: chain halt\n\n## Summary\n\nThe chain halted.\n\n## Timeline\n\n${timeline}`;
  assert.deepEqual(
    blameIn(text).map((finding) => text.slice(finding.span.start, finding.span.end)),
    ['Initech never notified', 'Nobody with signing rights was awake'],
  );
});

test('not knowing yet, shipping the fix, leaked threads and a tool named before its problem are not blame', () => {
  assert.deepEqual(reported("We still don't know why the cache filled up."), []);
  assert.deepEqual(reported('The fix was reviewed and we deployed the patch directly to production.'), []);
  assert.deepEqual(reported('The load test showed that we leaked threads in the relay.'), []);
  assert.deepEqual(reported('The handover was delayed due to Slack permissions issues.'), []);
});

test('a wrong assumption, a skipped safeguard in the passive, a promise not to repeat and a script left behind are reported at info', () => {
  assert.deepEqual(reportedWithSeverity('Capacity was planned on an incorrect assumption about peak load.'), [['incorrect assumption', 'info']]);
  assert.deepEqual(reportedWithSeverity('The replica was promoted while wrongly assuming it was in sync.'), [['wrongly assuming', 'info']]);
  assert.deepEqual(reportedWithSeverity('The maintainers assumed that the old flag was still honoured.'), [['The maintainers assumed that', 'info']]);
  assert.deepEqual(reportedWithSeverity('The broker volume was resized without a backup.'), [['was resized without a backup', 'info']]);
  assert.deepEqual(reportedWithSeverity('We will not skip the canary again.'), [['We will not skip the canary again', 'info']]);
  assert.deepEqual(reportedWithSeverity('The export script was not updated to support the new schema.'), [['was not updated to support', 'info']]);
  assert.deepEqual(reportedWithSeverity('Our retry budget was wider than it needed to be.'), [['Our retry budget was wider than it needed to be', 'info']]);
  assert.deepEqual(reported('Latency rose more than it should under load.'), []);
  assert.deepEqual(reportedWithSeverity('The payout was frozen after what the board called black hat behaviour.'), [['black hat behaviour', 'info']]);
  // What code assumes, a state still to be reached, an outage that will not recur and a label naming someone are not blame.
  assert.deepEqual(reported('The importer assumes that every row has a header.'), []);
  assert.deepEqual(reported('We are not yet large enough to run a second region.'), []);
  assert.deepEqual(reported('With the new guard in place, this will not happen again.'), []);
  assert.deepEqual(reported('The blackhat moved the tokens.'), []);
});

test('a person who exposed something to all, or pushed a change unaware of its effect, is the cause', () => {
  assert.deepEqual(reported('A contractor exposed the staging database to the internet.'), ['A contractor exposed the staging database to the internet']);
  assert.deepEqual(reported('Two engineers merged the patch, unaware that the flag was on.'), ['engineers merged the patch, unaware']);
  assert.deepEqual(reported('We exposed the metrics endpoint on port 9100 for the new dashboard.'), []);
  assert.deepEqual(reported('The load balancer change exposed the debug page to the internet.'), []);
});

test('a proposal with "could have", a reported figure and an error the software made are not blame', () => {
  assert.deepEqual(reported('We could have a weekly game day for the billing team.'), []);
  assert.deepEqual(reported('Our status page said that 12 invoices were sent erroneously.'), []);
  assert.deepEqual(reported('A bug in the exporter copied the archive, and some drafts were mistakenly attached to it.'), []);
  assert.deepEqual(reported('The nightly report was mistakenly marked as sent, and our monitoring saw nothing.'), []);
  assert.deepEqual(reported('The payroll export was mistakenly sent to the wrong bucket.'), ['mistakenly']);
  assert.deepEqual(reported('We could have caught the expiry a week earlier.'), ['We could have caught']);
});

test('a role named before a thing is a modifier, also after "by"', () => {
  assert.deepEqual(reported('The page was triggered by the Operator alerts worker.'), []);
  assert.deepEqual(reported('The page was triggered by the admin during the drill.'), ['triggered by the admin']);
});

test('options introduced with "could have" and a safeguard that would stop an accident are not blame', () => {
  assert.deepEqual(reported('Here are the options we could have chosen:'), []);
  assert.deepEqual(reported('The new prompt keeps users from accidentally deleting a project.'), []);
  assert.deepEqual(reported('We could have taken the safer path.'), ['We could have taken']);
});

test('a researcher is a person, so "they" after one refers back to them', () => {
  assert.deepEqual(reported('A researcher copied the customer list. They then refused to delete it.'), ['They then refused to']);
});

test('a belief the subject acted on, what we own set up wrong, a lapse with the writers unstated and conduct seen again and again', () => {
  assert.deepEqual(reportedWithSeverity('The on-call engineer, believing the drain had finished, stopped the node.'), [['The on-call engineer, believing', 'info']]);
  assert.deepEqual(reportedWithSeverity('Our brokers were configured with the wrong quorum size.'), [['Our brokers were configured with the wrong', 'info']]);
  assert.deepEqual(reportedWithSeverity('Forgot to renew the certificate before the freeze.'), [['Forgot to', 'info']]);
  assert.deepEqual(reported('The contractors seemed to be messing up every migration.'), ['The contractors seemed to be messing up']);
  // A hypothesis of the response, a monitor with no owner named and a missed heartbeat are not blame.
  assert.deepEqual(reported('We rolled back at 14:10, thinking the deploy was the cause.'), []);
  assert.deepEqual(reported('The uptime probe is set up incorrectly and checks a retired host.'), []);
  assert.deepEqual(reported('Missed heartbeats triggered the failover.'), []);
});

test('gain taken from a failure, a sanction for an omission and a refusal are told of people', () => {
  assert.deepEqual(reported('The contractor resold the spare drives and profited.'), ['The contractor resold the spare drives and profited']);
  assert.deepEqual(reportedWithSeverity('The reseller was reported to the registry for failing to renew the domain.'), [['reported to the registry for failing to', 'info']]);
  assert.deepEqual(reported('Our contractor lost the keys, and they refuse.'), ['they refuse']);
  assert.deepEqual(reported('The build was rejected for failing to pass lint.'), []);
  assert.deepEqual(reported('The connection pool refused new clients.'), []);
  assert.deepEqual(reported('Ad revenue profits fell during the outage.'), []);
});

test('in a timeline, a lapse in the passive with no one named is reported too', () => {
  const timeline = '- 09:00 Maria deploys 4.2\n- 09:20 The fallback importer was not updated to support the new format\n';
  const text = `# Incident: import failures\n\n## Summary\n\nImports failed.\n\n## Timeline\n\n${timeline}`;
  assert.deepEqual(
    blameIn(text).map((finding) => text.slice(finding.span.start, finding.span.end)),
    ['was not updated to support'],
  );
});

test('no blame in shared uncertainty, missed blocks, what was known at the time, a point in time, or talk about mistakes in general', () => {
  assert.deepEqual(reported('Even after a day of digging, none of us knew why the disk kept filling.'), []);
  assert.deepEqual(reported('Node b3 missed a run of blocks while it resynced.'), []);
  assert.deepEqual(reported('We missed 120 blocks after the node restarted.'), []);
  assert.deepEqual(reported('When we planned the move, we were not aware of the new quota at the time.'), []);
  assert.deepEqual(reported('The snapshot we rolled back to was taken just before my mistake.'), []);
  assert.deepEqual(reported('Writing these notes is how we learn from our mistakes.'), []);
  assert.deepEqual(reported('Anyone thinking about human error in depth soon looks at the tools around it.'), []);
  assert.deepEqual(reported("I didn't really need the old host, but it still served."), []);
  assert.deepEqual(reported("The renewal had failed, and I didn't become aware of it until a reader wrote in."), []);
  assert.deepEqual(reported('Green dashboards do not mean healthy users.'), []);
  assert.deepEqual(reported('My manager did not shout at anyone in the review.'), []);
  assert.deepEqual(reported('The relay stayed paused due to limited human resources.'), []);
  // The same words still blame when a person is judged.
  assert.deepEqual(reported('Nobody knew the restore steps.'), ['Nobody knew']);
  assert.deepEqual(reported('The on-call engineer missed the page.'), ['The on-call engineer missed the page']);
});

test('a denial that puts the cause elsewhere, or of the writer\'s own fault, exonerates', () => {
  assert.deepEqual(reported('The logs point to a race in the scheduler rather than some sort of operator error.'), []);
  assert.deepEqual(reported('It was not my fault, as the vendor confirmed later.'), []);
});

test('a lapse in a list with the writers as the unstated subject, a judged understanding, and the writer calling themselves names are read (at info)', () => {
  assert.deepEqual(reportedWithSeverity("Didn't foresee that the flag renamed the volume"), [["Didn't foresee", 'info']]);
  assert.deepEqual(reportedWithSeverity('Should have rehearsed the cutover on a spare host'), [['Should have rehearsed', 'info']]);
  assert.deepEqual(reportedWithSeverity('- Pushed the firewall rules without staged testing'), [['Pushed the firewall rules without staged testing', 'info']]);
  assert.deepEqual(reportedWithSeverity('Rolled out untested schema changes to the primary'), [['Rolled out untested', 'info']]);
  assert.deepEqual(reportedWithSeverity('Underestimated how long the reindex would take'), [['Underestimated', 'info']]);
  assert.deepEqual(reportedWithSeverity('Limited understanding of how the queue retries'), [['Limited understanding', 'info']]);
  assert.deepEqual(reportedWithSeverity("Honestly, I'm a complete fool."), [["I'm a complete fool", 'info']]);
  assert.deepEqual(reportedWithSeverity('What an idiot I was.'), [['What an idiot I was', 'info']]);
  assert.deepEqual(reportedWithSeverity('We will see that the people responsible for this outage are held accountable.'), [['the people responsible for this outage are held accountable', 'info']]);
  // A choice with its reason, a step that did not happen to production, a proposal and a plain task are not lapses.
  assert.deepEqual(reported('Did not roll back, as a rollback would have lost the queued orders'), []);
  assert.deepEqual(reported('Did not take the site down, as the replicas kept serving'), []);
  assert.deepEqual(reported('Should have a second admin with access to the registrar'), []);
  assert.deepEqual(reported("I'm just a hobbyist writing about silly DNS outages."), []);
  assert.deepEqual(reported('Deployed the fix without downtime.'), []);
});

test('a slip told with the adverb first, a forgotten fact, and an act aimed wrong that caused the harm', () => {
  assert.deepEqual(reported('Unintentionally, I wiped the staging bucket.'), ['Unintentionally, I wiped']);
  assert.deepEqual(reported('I forgot I had the live cluster selected.'), ['I forgot']);
  assert.deepEqual(reported('Priya launched the billing job with the old config instead of the new one, which led to double charges.'), ['Priya launched the billing job with the old config instead of the new one']);
  assert.deepEqual(reported('The job retried with the old schema instead of the new one, which caused the fork.'), []);
});

test('a judged manner with a person after "by", a mistyped command by a person, knowing full well, and discontent with how a party acted', () => {
  assert.deepEqual(reportedWithSeverity('The disk layout, which was badly planned by Omar, split under load.'), [['was badly planned by Omar', 'info']]);
  assert.deepEqual(reportedWithSeverity('The outage came from a wrong command entered by an operator.'), [['wrong command entered by an operator', 'info']]);
  assert.deepEqual(reportedWithSeverity('The outage came from a mistakenly typed flag by a technician.'), [['mistakenly typed flag by a technician', 'info']]);
  assert.deepEqual(reportedWithSeverity('The contractor knew full well what the switch did.'), [['The contractor knew full well', 'info']]);
  assert.deepEqual(reportedWithSeverity('We are unhappy with how our registrar handled the transfer.'), [['We are unhappy with how our registrar handled', 'info']]);
  assert.deepEqual(reported('Then I headed to lunch without checking the queue.'), ['I headed to lunch without checking']);
  assert.deepEqual(reported('I had already broken production.'), ['I had already broken production']);
  // A design told with no judgement, a command typed by a script, and praise of how it was handled are not blame.
  assert.deepEqual(reported('The disk layout was designed by Omar in 2019.'), []);
  assert.deepEqual(reported('The outage came from a wrong command entered by the cron job.'), []);
  assert.deepEqual(reported('We are happy with how our registrar handled the transfer.'), []);
});

test('a slip with no one named, the writer owning a mistake or judged smug, and a crew as people (at info)', () => {
  assert.deepEqual(reportedWithSeverity('The host count was typed incorrectly and twelve nodes were drained.'), [['was typed incorrectly', 'info']]);
  assert.deepEqual(reportedWithSeverity('One mistyped flag took the cluster down.'), [['One mistyped flag', 'info']]);
  assert.deepEqual(reportedWithSeverity('Our review found the root cause was human.'), [['cause was human', 'info']]);
  assert.deepEqual(reportedWithSeverity('Some outages are self-inflicted.'), [['self-inflicted', 'info']]);
  assert.deepEqual(reportedWithSeverity('I was overconfident about the upgrade.'), [['I was overconfident', 'info']]);
  assert.deepEqual(reportedWithSeverity('I chose to own the mistake publicly.'), [['I chose to own the mistake', 'info']]);
  assert.deepEqual(reported('A paving crew misread the map of our conduit.'), ['A paving crew misread']);
  // A value typed correctly, a crew's schedule and a human reviewer in a process are not slips.
  assert.deepEqual(reported('The host count was typed correctly this time.'), []);
  assert.deepEqual(reported('The crew schedule moved to Tuesdays.'), []);
  assert.deepEqual(reported('Every change gets a human review before it ships.'), []);
});

test('a person\'s act told as the cause, a destructive act on everything, the person named as responsible, and a judged mistake', () => {
  assert.deepEqual(reported('A contractor pushed a DNS update which brought down the storefront for an hour.'), ['A contractor pushed a DNS update which brought down']);
  assert.deepEqual(reportedWithSeverity('During the cleanup we merged a schema change that caused failed logins.'), [['we merged a schema change that caused', 'info']]);
  assert.deepEqual(reported('Then I erased all the uploads from last week.'), ['I erased all']);
  assert.deepEqual(reported('The forum post described an intern who dropped the production ledger.'), ['an intern who dropped the production']);
  assert.deepEqual(reported("Before lunch I had nuked half the staging buckets."), ["I had nuked half"]);
  assert.deepEqual(reported('That was the week I truncated our main production table.'), ['I truncated our main production']);
  assert.deepEqual(reported('Frankly, the responsibility lies with the release manager.'), ['the responsibility lies with the release manager']);
  assert.deepEqual(reported('I incorrectly restarted the primary during the drill.'), ['I incorrectly restarted']);
  assert.deepEqual(reportedWithSeverity('Skipping the dry run was a costly mistake.'), [['was a costly mistake', 'info']]);
  assert.deepEqual(reportedWithSeverity('It shows your mistake reached the customers untested.'), [['your mistake', 'info']]);
  // A person acting on the culprit, a program's wrong act, a fault put on the systems and a fix that caused relief are not blame.
  assert.deepEqual(reported('Dana reverted the change that caused the outage.'), []);
  assert.deepEqual(reported('The importer incorrectly parsed 40 rows.'), []);
  assert.deepEqual(reported('The fault lies in the tooling, not in anyone who used it.'), []);
  assert.deepEqual(reported('The cron job wiped all the temporary files, as designed.'), []);
});

test('a lapse after a list item\'s label, telling people that failed, and work continued without noticing (at info)', () => {
  assert.deepEqual(reportedWithSeverity('**Rollout** - Should have staged the change on one region first'), [['Should have staged', 'info']]);
  assert.deepEqual(reportedWithSeverity('Comms: Failed to notify the partner teams before the cutover'), [['Failed to notify', 'info']]);
  assert.deepEqual(reportedWithSeverity('**Focus** - Kept merging for two days without noticing the red build'), [['Kept merging for two days without noticing', 'info']]);
  assert.deepEqual(reportedWithSeverity('DATA LOSS - Overwrote everything in the shared folder'), [['Overwrote everything', 'info']]);
  assert.deepEqual(reportedWithSeverity('The bigger gap was the failure to inform the support desk.'), [['failure to inform', 'info']]);
  // A label before a plan, a service that failed to notify, and what a system should have done are not lapses.
  assert.deepEqual(reported('**Rollout** - Should have a canary stage for every region'), []);
  assert.deepEqual(reported('The mailer failed to notify subscribers.'), []);
  assert.deepEqual(reported('The blame belongs to the scripts that should have done the check but did not.'), []);
});

test('what could happen is not what happened: a slip a setup permits or prevents, a threat, a fear, a guard against error', () => {
  assert.deepEqual(reported('Even if an engineer types the wrong host, the tool should stop them.'), []);
  assert.deepEqual(reported('If the sandbox is built so that a developer can accidentally reach billing, the sandbox is wrong.'), []);
  assert.deepEqual(reported('Cannot accidentally drop the staging schema anymore'), []);
  assert.deepEqual(reported('Open admin ports would allow a malicious operator to reset every key.'), []);
  assert.deepEqual(reported('For a moment I was afraid I had accidentally purged the archive.'), []);
  assert.deepEqual(reported('Every deploy pipeline needs checks to protect customers from human error.'), []);
  assert.deepEqual(reported('We had not intended for that fallback path to serve real traffic.'), []);
  assert.deepEqual(reported('Expired keys were fetched because of an oversight in the code path for renewals.'), []);
  // A past "even if" is still a fact told, and an oversight of people is still judged.
  assert.deepEqual(reported("Even if the admins didn't test the restore, they kept no backups either."), ["the admins didn't test"]);
  assert.deepEqual(reportedWithSeverity('An oversight by the reviewers let it through.'), [['oversight by the reviewers', 'warning']]);
});

test('an outside party named as the source of the fault, hindsight on discovery, safeguards we did not have, what a person kept doing, and what we cost others (at info)', () => {
  assert.deepEqual(reportedWithSeverity('The rollout stalled due to corrupt snapshots from outside operators.'), [['due to corrupt snapshots from outside operators', 'info']]);
  assert.deepEqual(reportedWithSeverity('The regression could have been discovered with one more canary.'), [['could have been discovered', 'info']]);
  assert.deepEqual(reportedWithSeverity("Sadly, we didn't have tested backups."), [["we didn't have tested backups", 'info']]);
  assert.deepEqual(reportedWithSeverity('The real cost is the time we have wasted for the volunteers.'), [['time we have wasted', 'info']]);
  assert.deepEqual(reportedWithSeverity('Honestly, we let our users down this week.'), [['we let our users down', 'info']]);
  assert.deepEqual(reportedWithSeverity("The on-call engineer shouldn't have been running the failover alone."), [["The on-call engineer shouldn't have been running", 'info']]);
  // A fault from a service, a system that should not have been doing something, and a plan we did not have to make are not people's.
  assert.deepEqual(reported('The deploy failed due to a timeout from the upstream registry.'), []);
  assert.deepEqual(reported("The cache shouldn't have been serving stale pages."), []);
  assert.deepEqual(reported("We didn't have to restart anything."), []);
  assert.deepEqual(reported('We let the cluster scale down overnight.'), []);
});

test('a counterfactual that hangs on others, and blame talked about in general, are not blame', () => {
  assert.deepEqual(reported('Had the peers all received the key, we could have finished the rotation.'), []);
  assert.deepEqual(reported('It is tempting to pin the outage onto the person who made the mistake.'), []);
});

test('a line is quoted when a quote mark or a chat nick, in a list entry too, comes before the words', () => {
  const chat = '- [14:05] <tomas> and then i deleted the old pod';
  assert.ok(isQuotedLine(chat, chat.indexOf('and')));
  assert.ok(isQuotedLine('> the operator deleted it', 2));
  const plain = '- tomas deleted the old pod';
  assert.ok(!isQuotedLine(plain, plain.indexOf('deleted')));
});
