// Blame detection through the real analysis: people told from systems, passive and team blame, and rewrites that keep markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/text';
import type { Finding } from '../../server/src/analysis/model';
import { conjugate } from '../../server/src/analysis/blame/phrasebook';

function postmortem(summary: string): string {
  return `# Incident: checkout errors\n\n## Summary\n\n${summary}\n\n## Timeline\n\n- 14:00 Alerts fire\n`;
}

function blameIn(text: string): Finding[] {
  return analyze(text, { force: true, today: '2024-06-01' }).findings.filter((finding) => finding.ruleId === 'blameful-language');
}

function reported(summary: string): string[] {
  const text = postmortem(summary);
  return blameIn(text).map((finding) => text.slice(finding.span.start, finding.span.end));
}

/** Each suggestion applied to the document: the changed paragraph, and a check that nothing else moved. */
function rewrittenParagraphs(summary: string): string[] {
  const text = postmortem(summary);
  const start = text.indexOf(summary);
  return blameIn(text).flatMap((finding) =>
    finding.suggestions.map((suggestion) => {
      const fixed = applyEdits(text, suggestion.edits);
      const end = start + summary.length;
      assert.equal(fixed.slice(0, start), text.slice(0, start));
      assert.equal(fixed.slice(fixed.length - (text.length - end)), text.slice(end));
      return fixed.slice(start, fixed.length - (text.length - end));
    }),
  );
}

test('names the tagger knows are people; CamelCase and known products are systems', () => {
  assert.deepEqual(reported('Alice failed to start the job.'), ['Alice failed to start']);
  assert.deepEqual(reported('Mehmet ignored the alert.'), ['Mehmet ignored the alert']);
  assert.deepEqual(reported('PgBouncer failed to check the pool.'), []);
  // An unknown capitalised word that did not filter or reject is software doing its job badly; a person the tagger knows still counts.
  assert.deepEqual(reported('The bad rows went out because Kestrel did not filter records with missing fields.'), []);
  assert.deepEqual(reported('Sam did not filter the logs before sharing them.'), ['Sam did not filter']);
  assert.deepEqual(reported('GitHub broke production.'), []);
  assert.deepEqual(reported('Checkout failed to check the inventory.'), []);
});

test('passive blame names the person after "by"', () => {
  assert.deepEqual(reported('The production table was deleted by the on-call.'), ['deleted by the on-call']);
  assert.deepEqual(reported('The alert was ignored by the DBA.'), ['ignored by the DBA']);
  assert.deepEqual(reported('The outage was caused by Bob.'), ['caused by Bob']);
  assert.deepEqual(reported('The canary was skipped by the engineer.'), ['skipped by the engineer']);
  assert.deepEqual(reported('The table was dropped by the migration script.'), []);
  assert.deepEqual(reported('The page was acknowledged by the on-call engineer.'), []);
  assert.deepEqual(reported('The outage was caused by the deployment pipeline.'), []);
});

test('blame aimed at a team is blame', () => {
  assert.deepEqual(reported('The team dropped the ball.'), ['The team dropped the ball']);
  assert.deepEqual(reported('The database team failed to notice the alert.'), ['The database team failed to notice']);
  assert.deepEqual(reported('The team rolled back the release within ten minutes.'), []);
});

test('a rewrite replaces the blaming words and keeps the markup around them', () => {
  assert.deepEqual(rewrittenParagraphs('We saw errors. **Bob** did not update `app.yaml` before the deploy. Then it broke.'), ['We saw errors. `app.yaml` was not updated before the deploy. Then it broke.']);
  assert.deepEqual(rewrittenParagraphs('**Alice failed to roll back the release because the script hung.**'), ['**The release was not rolled back because the script hung.**']);
  assert.deepEqual(rewrittenParagraphs('Bob deployed *broken* code.'), ['*Broken* code was deployed.']);
});

test('a rewrite keeps line breaks and the other sentences of its paragraph', () => {
  assert.deepEqual(rewrittenParagraphs('Errors rose at 14:00 and kept\nrising. Nobody was monitoring the `orders` migration.'), ['Errors rose at 14:00 and kept\nrising. The `orders` migration was not being monitored.']);
});

test('blame inside code spans, code blocks and quotations is not reported', () => {
  assert.deepEqual(reported('The log said `Bob forgot to update the config` at 14:02.'), []);
  assert.deepEqual(reported('```\nBob forgot to update the config.\n```'), []);
  assert.deepEqual(reported('"Bob forgot to update the config," the first report said.'), []);
});

test('the clause is read past relative clauses, coordination, fault adverbs and markers', () => {
  assert.deepEqual(reported('The developer who wrote the cleanup job should have realized it would match production buckets.'), [
    'The developer who wrote the cleanup job should have realized',
  ]);
  assert.deepEqual(reported('The platform engineer had silenced the expiry alerts and never turned them back on.'), [
    'The platform engineer had silenced the expiry alerts and never turned',
  ]);
  assert.deepEqual(reported('Lars accidentally ran the cleanup job against production.'), ['Lars accidentally ran']);
  assert.deepEqual(reported('The SRE restarted the primary instead of the replica.'), ['The SRE restarted the primary instead of the replica']);
  assert.deepEqual(reported('The outage started with Bob forgetting to renew the certificate.'), ['Bob forgetting to renew']);
  assert.deepEqual(reported('Bob, in a hurry to leave, restarted everything without checking the replicas.'), [
    'Bob, in a hurry to leave, restarted everything without checking',
  ]);
  assert.deepEqual(reported('The replica fell behind, and Bob rolled back the release within minutes.'), []);
});

test('a capitalised word the document introduces as software is not a person', () => {
  assert.deepEqual(reported('Atlas is our internal deployment service. Atlas skipped the canary stage.'), []);
  assert.deepEqual(reported('Atlas skipped the canary stage.'), ['Atlas skipped the canary stage']);
});

test('predicates whose alternatives start with different words, clefts and "the one who"', () => {
  assert.deepEqual(reported('Ingrid panicked and restarted every node.'), ['Ingrid panicked']);
  assert.deepEqual(reported('It was Ama who skipped the canary.'), ['Ama who skipped the canary']);
  assert.deepEqual(reported('I was the one who pushed the broken Helm values.'), ['I was the one who pushed the broken Helm values']);
});

test('roles with acronyms and possessives are people; role words after a system noun are software', () => {
  assert.deepEqual(reported('The QA lead ignored the failing tests.'), ['The QA lead ignored the failing tests']);
  assert.deepEqual(reported("The vendor's engineer forgot to renew the certificate."), ["The vendor's engineer forgot to renew"]);
  assert.deepEqual(reported('The certificate manager failed to renew the certificate.'), []);
  assert.deepEqual(reported('The QA cluster failed to drain connections.'), []);
});

test('questions, denials and talk about blaming are not accusations', () => {
  assert.deepEqual(reported('Why did nobody check the backups?'), []);
  assert.deepEqual(reported('Lucía broke nothing; the template came from a stale cache.'), []);
  assert.deepEqual(reported('Blaming the on-call for a missing alert teaches people to hide mistakes.'), []);
  assert.deepEqual(reported('They chose to blame the on-call for the missing alert.'), ['blame the on-call']);
});

test('fault verbs are listed as infinitives and matched in every conjugated form', () => {
  assert.deepEqual([conjugate('overwrite').past, conjugate('overwrite').present], ['overwrote', 'overwrites']);
  assert.deepEqual(conjugate('forget'), { base: 'forget', past: 'forgot', participle: 'forgotten', present: 'forgets', human: true });
  assert.equal(conjugate('skip/skipped').past, 'skipped');
  assert.equal(conjugate('hard-code').past, 'hard-coded');
  assert.deepEqual(reported('The developer hard-coded the API key into the app.'), ['The developer hard-coded']);
  assert.deepEqual(reported('Nadia misroutes the pager alerts.').length, 1);
  assert.deepEqual(reported('The DBA overwrote the billing table.').length, 1);
  assert.deepEqual(reported('The nightly job overwrote the billing table.'), []);
});

test('causal frames: harmful side effects, split particles, possessive changes, unguarded markers', () => {
  assert.equal(reported('Zainab copied the wildcard certificate into the public bucket, exposing the private key.').length, 1);
  assert.equal(reported('The reviewer waved the migration through.').length, 1);
  assert.equal(reported("Anders' rushed hotfix for the Kong plugin rejected every token.").length, 1);
  assert.equal(reported("Beatriz's refactor of the session middleware took down sign-in.").length, 1);
  assert.equal(reported('Tariq merged the pricing branch without a second approval.').length, 1);
  assert.equal(reported('Will dropped the column while the mobile API was still reading it.').length, 1);
  assert.equal(reported('The release manager approved a broken build.').length, 1);
  assert.equal(reported('If Sven had set a renewal reminder, the certificate would still be valid.').length, 1);
});

test('deliberate and sanctioned steps stay clean', () => {
  assert.deepEqual(reported('Ana switched traffic to the replica instead of the primary, as planned.'), []);
  assert.deepEqual(reported('Jules bypasses the broken SSO proxy with the break-glass account, as the runbook allows.'), []);
  assert.deepEqual(reported('Idris wiped the corrupted cache volume and let it rebuild.'), []);
  assert.deepEqual(reported('We skipped the Tuesday release train while the root cause was unknown.'), []);
});

test('states, novelty, to-do notes and imperatives are not accusations; the acts beside them still are', () => {
  // An error state of a thing, against an act done in error.
  assert.deepEqual(reported('The status page was also in error because the cache was cold.'), []);
  assert.deepEqual(reported('The invoice was sent in error to the old address.'), ['in error']);
  // Something nobody had met before, against a step someone had not taken.
  assert.deepEqual(reported('The parser crashed because we had never seen payloads this large before.'), []);
  assert.deepEqual(reported('Dana had never seen that failure mode before.'), []);
  assert.deepEqual(reported('We had never tested the restore path.'), ['We had never tested']);
  // A to-do note proposes what to do.
  assert.deepEqual(reported('**TODO**: Priya thinks we need a queue-depth alert so workers do not stall without noticing.'), []);
  // A capitalised verb opening a sentence before a determiner is an instruction, not a name.
  assert.deepEqual(reported('Redeploy all crashed pods on the spare node for stability.'), []);
  assert.deepEqual(reported('Dmitri restarted the wrong cluster.'), ['Dmitri restarted the wrong cluster']);
});
