// Blame told in idioms of haste and lapse, a person's errand folded into the passive, and the readings that are not
// blame: the writer's hedge, what a sign would mean, an apology for "the error", talk about blaming, owning mistakes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/analysis/text';
import { findingsFor, flaggedInSummary, placeSentence } from './blame-support';

const flagged = flaggedInSummary;

test('idioms of haste or lapse in the writer\'s voice judge their own conduct', () => {
  assert.ok(flagged('Honestly, renewing the token slipped my mind.'));
  assert.ok(flagged('At that point I let my impatience get the better of me.'));
  assert.ok(flagged('Rather than take my time with the plan, I applied it straight away.'));
  assert.ok(flagged('Without reading the prompt, I typed yes.'));
  assert.ok(flagged('I hardly gave it a second thought before pressing enter.'));
  assert.ok(!flagged('Without retries, the job failed on the first timeout.'));
  assert.ok(!flagged('The migration took its time on the largest table.'));
});

test('how the work was done, judged with hindsight and no one named, is flagged at info; a risk named in a list of causes is not', () => {
  assert.ok(flagged('A rushed, unreviewed config change took the gateway down.'));
  assert.ok(flagged('A poorly tested release went out on Friday.'));
  assert.ok(flagged('It never occurred to any of us that the queue could fill.'));
  assert.ok(flagged('We thought we had soak-tested the build long enough.'));
  assert.ok(flagged('Looking at it now, we were doing it wrong.'));
  assert.ok(!flagged('Root cause: untested firewall changes.'));
  assert.ok(!flagged('We will script the steps so that none of them are forgotten.'));
});

test('the writers calling their own handling unacceptable or a clear miss judge their conduct; a limit called unacceptable does not', () => {
  assert.ok(flagged('The lack of status updates during the outage was unacceptable.'));
  assert.ok(flagged('Our status page stayed silent for three hours, and that is unacceptable.'));
  assert.ok(flagged('Leaving customers without news was a really big miss.'));
  assert.ok(!flagged('Queue delays above five minutes are unacceptable for payroll runs.'));
  assert.ok(!flagged('The canary turned a near miss into a non-event.'));
});

test('"incorrectly" after a role is a slip; after a program\'s name it tells of software', () => {
  assert.ok(flagged('A construction worker incorrectly cut the fibre line.'));
  assert.ok(!flagged('Loader 2.4 incorrectly parsed the timestamps of 80 rows.'));
  assert.ok(!flagged('The parser incorrectly read the header.'));
});

test('the writer\'s hedge names no agent, and neither does what a sign would mean', () => {
  assert.ok(!flagged('As far as I can tell, the host rebooted for updates and did not come back.'));
  assert.ok(flagged('As far as I can tell, Priya forgot to renew the domain.'));
  assert.ok(!flagged('If the old key still answers, it suggests we missed a server during the rotation.'));
  assert.ok(flagged('The logs show we missed a server during the rotation.'));
});

test('an apology for "the error" and owning mistakes are not blame; talk about blaming is not blaming', () => {
  assert.ok(!flagged('We are sorry for the error, and grateful for your patience.'));
  assert.ok(flagged('We apologise for our error in the rollout.'));
  assert.ok(!flagged('Our team is quick to own our mistakes and fix them.'));
  assert.ok(!flagged('I think blaming the testers is the wrong lesson.'));
});

/** The sentence, alone in a summary, as each fix offered for its one blame finding leaves it. */
function offersFor(text: string): string[] {
  const placed = placeSentence({ text, section: 'summary' });
  const findings = findingsFor(placed, 'blameful-language');
  assert.equal(findings.length, 1, text);
  return findings[0].suggestions.map((fix) => {
    const fixed = applyEdits(placed.document, fix.edits);
    return fixed.slice(placed.span.start, fixed.length - (placed.document.length - placed.span.end));
  });
}

test('a person\'s errand becomes a clause of its own when the act is put in the passive', () => {
  const offers = offersFor('A contractor digging a trench for the new car park accidentally cut the fibre line.');
  assert.ok(offers.includes('While a trench for the new car park was being dug, the fibre line was accidentally cut.'), JSON.stringify(offers));
});

test('"too many" belongs to the object the passive moves', () => {
  const offers = offersFor('The operator deleted too many rows by mistake.');
  assert.ok(offers.includes('Too many rows were deleted by accident.'), JSON.stringify(offers));
});

test('the writers judging themselves get the passive too, after "in that", after a clause ending on a particle, and with "early enough"', () => {
  assert.ok(offersFor('We did not enable the nightly snapshots.').includes('The nightly snapshots were not enabled.'));
  assert.ok(offersFor('Unfortunately, I didn\'t enable the backups early enough.').includes('Unfortunately, the backups were not enabled early enough.'));
  assert.ok(offersFor('Traffic poured in, and we didn\'t warm the page cache.').includes('Traffic poured in, and the page cache was not warmed.'));
  assert.ok(offersFor('It cost us a week, in that somebody merged a bug which broke the signup form.').includes('It cost us a week, in that a bug which broke the signup form was merged.'));
  // "and never turned it back on" keeps its subject: no passive that strands the second verb.
  assert.ok(!offersFor('Ana disabled the health check to get past a flapping alert and never turned it back on.').some((offer) => offer.startsWith('The health check was disabled')));
});

test('more idioms of the writers judging themselves: got it wrong, let you down, let the pressure push us', () => {
  assert.ok(flagged('Sadly we got the capacity estimate wrong, and the queue overflowed.'));
  assert.ok(flagged('We are sorry that our decisions let you down this week.'));
  assert.ok(flagged('We let deadline pressure push us into a rushed cut-over.'));
  assert.ok(!flagged('The parser got the date wrong.'));
  assert.ok(!flagged('We got it right on the second try.'));
});

test('a run without backups or enough headroom is a fault; a bug in the code called a mistake is not the people\'s', () => {
  assert.ok(flagged('The DBA ran the schema change without backups.'));
  assert.ok(flagged('We ran the reindex without setting aside enough memory for the replicas.'));
  assert.ok(!flagged('We rolled out the fix without backups being touched.'));
  assert.ok(!flagged('The cause proved to be a mistake in the retry logic.'));
  assert.ok(flagged('Skipping the dry run proved a mistake in our release process.'));
});

test('no blame in a thing we did not make, a course conceded and not taken, a statistic, anyone in general, or a mass noun', () => {
  assert.ok(!flagged('The export listed tables that we didn\'t create.'));
  assert.ok(!flagged('The upgrade brought in a bug that we had not hit before.'));
  assert.ok(flagged('The config that we didn\'t update still pointed at the old host.'));
  assert.ok(!flagged('While we could have shipped it on Friday, we waited for the soak test.'));
  assert.ok(!flagged('One survey found that 30 percent of outages are put down to human error.'));
  assert.ok(!flagged('When an engineer merges a change that breaks the build, they believed it was safe.'));
  assert.ok(!flagged('Money did not factor into the decision.'));
});
