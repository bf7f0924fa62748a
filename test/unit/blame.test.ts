import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBlame, type BlameMatch } from '../../server/src/analysis/blame/detect';
import { createPhrasebook, defaultPhrasebook, defaultPhrasebookData, extendPhrasebook, readPhrasebookData, type Phrasebook } from '../../server/src/analysis/blame/phrasebook';
import phrasebookJson from '../../server/src/analysis/blame/phrasebook.json';
import type { ProseBlock } from '../../server/src/analysis/model';

/** Blocks start at this offset so every span proves it was shifted to document offsets. */
const base = 100;

function block(text: string, where: ProseBlock['where'] = 'body'): ProseBlock {
  return { span: { start: base, end: base + text.length }, text, where };
}

function blame(text: string, where: ProseBlock['where'] = 'body', people: string[] = [], phrasebook: Phrasebook = defaultPhrasebook()): BlameMatch[] {
  return findBlame(block(text, where), { people, phrasebook });
}

function words(text: string, match: BlameMatch): string {
  return text.slice(match.span.start - base, match.span.end - base);
}

/** A rewrite that is itself reported would send the user in circles. */
function assertRewritesClean(matches: BlameMatch[], where: ProseBlock['where']): void {
  for (const match of matches) {
    // Questions replace neither a timeline entry nor a plan ("Bob to document ..."), which tell no event to ask about.
    const fewest = where === 'timeline' || where === 'action-item' ? 0 : 1;
    assert.ok(match.rewrites.length >= fewest && match.rewrites.length <= 3, `1 to 3 rewrites for ${match.message}`);
    for (const rewrite of match.rewrites) {
      assert.deepEqual(blame(rewrite.newText, where).map((found) => found.message), [], `rewrite is clean: ${rewrite.newText}`);
    }
  }
}

const positives: { text: string; words: string; kind?: 'blame' | 'hindsight'; where?: ProseBlock['where'] }[] = [
  { text: 'Bob deployed broken code.', words: 'Bob deployed broken code' },
  { text: 'Bob pushed bad config.', words: 'Bob pushed bad config' },
  { text: 'Alice failed to roll back the release.', words: 'Alice failed to roll back' },
  { text: 'Alice forgot to update the config.', words: 'Alice forgot to update' },
  { text: "We've dropped the ball on the renewal.", words: "We've dropped the ball", kind: 'hindsight' },
  { text: 'We have forgotten to rotate the keys twice now.', words: 'We have forgotten to rotate', kind: 'hindsight' },
  { text: "Dana'd forgotten to drain the node first.", words: "Dana'd forgotten to drain" },
  { text: 'I blithely approved the purge prompt.', words: 'I blithely approved', kind: 'hindsight' },
  { text: 'Honestly, the whole mistake was mine.', words: 'whole mistake was mine', kind: 'hindsight' },
  { text: 'That part is on us.', words: 'That part is on us', kind: 'hindsight' },
  { text: 'The blame rests with Priyanka.', words: 'The blame rests with Priyanka' },
  { text: "We didn't page the vendor because the runbook was unclear.", words: "We didn't page", kind: 'hindsight' },
  { text: 'The engineer neglected the alert.', words: 'The engineer neglected the alert' },
  { text: 'The DBA ignored the warning.', words: 'The DBA ignored the warning' },
  { text: 'Carol made a mistake.', words: 'Carol made a mistake' },
  { text: 'Dave messed up the migration.', words: 'Dave messed up' },
  { text: '@erin broke production.', words: '@erin broke production' },
  { text: 'Frank caused the outage.', words: 'Frank caused the outage' },
  { text: "The on-call didn't bother to check the dashboard.", words: "The on-call didn't bother to check" },
  { text: 'Bob was careless.', words: 'Bob was careless' },
  { text: 'Bob was negligent with the credentials.', words: 'Bob was negligent' },
  { text: 'The intern was sloppy.', words: 'The intern was sloppy' },
  { text: 'Alice dropped the ball.', words: 'Alice dropped the ball' },
  { text: "The operator wasn't paying attention.", words: "The operator wasn't paying attention" },
  { text: 'The DBA did not follow the runbook.', words: 'The DBA did not follow the runbook' },
  { text: 'The on-call engineer failed to escalate.', words: 'The on-call engineer failed to escalate' },
  { text: 'Someone deployed untested code to production.', words: 'Someone deployed untested code to production' },
  { text: 'The SRE skipped the canary.', words: 'The SRE skipped the canary' },
  { text: 'The developer introduced a bug in the parser.', words: 'The developer introduced a bug' },
  { text: 'An engineer ran the wrong command on the primary.', words: 'An engineer ran the wrong command' },
  { text: 'The intern deleted the production database.', words: 'The intern deleted the production database' },
  { text: 'Dave fat-fingered the hostname.', words: 'Dave fat-fingered' },
  { text: 'Bob pushed the change without review.', words: 'Bob pushed the change without review' },
  { text: 'Bob was the root cause.', words: 'Bob was the root cause' },
  { text: 'Ops ignored the warnings.', words: 'Ops ignored the warnings' },
  { text: 'Alice and Bob forgot to rotate the certificate.', words: 'Alice and Bob forgot to rotate' },
  { text: 'Bob, who was on call, forgot to update the config.', words: 'Bob, who was on call, forgot to update' },
  { text: 'The outage began because Bob deployed broken code.', words: 'Bob deployed broken code' },
  { text: 'Root cause: the engineer forgot to run the migration.', words: 'the engineer forgot to run' },
  { text: 'Grace accidentally deployed a broken build.', words: 'Grace accidentally deployed a broken build' },
  { text: 'The outage was caused by human error.', words: 'human error' },
  { text: 'Human error caused the outage.', words: 'Human error' },
  { text: 'This was operator error.', words: 'operator error' },
  { text: 'It was a user error, plain and simple.', words: 'user error' },
  { text: 'Pilot error, as usual.', words: 'Pilot error' },
  { text: 'Nobody was monitoring the migration.', words: 'Nobody was monitoring' },
  { text: 'No one checked the backups.', words: 'No one checked' },
  { text: 'Nobody noticed for 20 minutes.', words: 'Nobody noticed' },
  { text: 'No one owned the cleanup job.', words: 'No one owned' },
  { text: "The outage was caused by an operator's mistake.", words: "caused by an operator's mistake" },
  { text: "The outage was caused by Bob's change.", words: "caused by Bob's change" },
  { text: "It was Bob's fault.", words: "Bob's fault" },
  { text: 'Bob should have known better.', words: 'Bob should have known better', kind: 'hindsight' },
  { text: 'Bob should have caught the error in review.', words: 'Bob should have caught', kind: 'hindsight' },
  { text: 'Alice should have checked the logs.', words: 'Alice should have checked', kind: 'hindsight' },
  { text: 'The on-call engineer could have prevented the outage.', words: 'The on-call engineer could have prevented', kind: 'hindsight' },
  { text: 'If only Bob had checked the logs, we would have caught it sooner.', words: 'If only Bob had', kind: 'hindsight' },
  { text: 'Bob should have known the migration would lock the table.', words: 'Bob should have known', kind: 'hindsight' },
  { text: 'Bob should have been more careful.', words: 'Bob should have been more careful', kind: 'hindsight' },
  { text: '14:05 Alice forgets to page the DBA.', words: 'Alice forgets to page', where: 'timeline' },
  { text: '14:02 Bob deploys a bad config to the edge.', words: 'Bob deploys a bad config', where: 'timeline' },
  { text: 'We forgot to renew the certificate.', words: 'We forgot to renew', kind: 'hindsight' },
  { text: '14:07 Bob fails to roll back the release.', words: 'Bob fails to roll back', where: 'timeline' },
  { text: '  14:10   Bob made a mistake in the migration script.', words: 'Bob made a mistake', where: 'timeline' },
  { text: '14:12 Carol was careless with the flags.', words: 'Carol was careless', where: 'timeline' },
  { text: '14:20 The on-call notes human error in the deploy.', words: 'human error', where: 'timeline' },
  { text: 'Bob to document the human error in the wiki.', words: 'human error', where: 'action-item' },
  { text: 'Alice forgot to update the runbook; Bob to fix it.', words: 'Alice forgot to update', where: 'action-item' },
  { text: 'The engineer forgot to renew the certificate', words: 'The engineer forgot to renew', where: 'heading' },
];

test('each blaming sentence is reported once, with the blaming words as the span', () => {
  for (const { text, words: expected, kind = 'blame', where = 'body' } of positives) {
    const matches = blame(text, where);
    assert.equal(matches.length, 1, `one match in: ${text}`);
    const [match] = matches;
    assert.equal(words(text, match), expected, text);
    assert.equal(match.kind, kind, text);
    assert.ok(match.message.includes(`'${expected}'`), match.message);
    assert.ok(match.explanation.length > 0, text);
    assertRewritesClean(matches, where);
  }
});

test('hindsight is worded for whoever it judges: the writers themselves, or no one named', () => {
  for (const [text, wording] of [
    ['We were not watching the queue depth closely enough.', /judges our own conduct with hindsight/],
    ['I was too hasty with the failover.', /judges our own conduct with hindsight/],
    ['This should have been caught in review.', /judges with hindsight; describe what the system showed/],
    ['Bob should have caught the error in review.', /judges with hindsight; describe what the system showed/],
  ] as const) {
    const [match] = blame(text, 'body');
    assert.equal(match?.kind, 'hindsight', text);
    assert.match(match.message, wording, text);
    assert.doesNotMatch(match.message, /a person/, text);
  }
  const [blamed] = blame('Dana forgot to rotate the key.', 'body');
  assert.match(blamed.message, /makes a person the cause/);
});

test('the sentence span covers the trimmed sentence in document offsets', () => {
  const text = '  14:10   Bob made a mistake in the migration script.';
  const [match] = blame(text, 'timeline');
  assert.deepEqual(match.sentence, { start: base + 2, end: base + text.length });
  assert.deepEqual(match.span, { start: base + 10, end: base + 28 });
});

test('offsets are shifted to the document in a block of several sentences with masked markup', () => {
  // `The deploy failed. **Bob** broke production. We rolled back.` as the parser masks it.
  const text = 'The deploy failed.   Bob   broke production. We rolled back.';
  const [match, ...rest] = blame(text);
  assert.equal(rest.length, 0);
  const bob = text.indexOf('Bob');
  assert.deepEqual(match.span, { start: base + bob, end: base + text.indexOf('. We') });
  assert.deepEqual(match.sentence, { start: base + bob, end: base + text.indexOf(' We') });
  assert.equal(match.message, "'Bob broke production' makes a person the cause; describe what in the system allowed it.");
  assert.equal(match.rewrites[0].newText, reframeText);
  assert.deepEqual(match.rewrites[0].edit.span, match.sentence, 'the reframe replaces the whole sentence');
});

/** The guided reframes offered when no rewrite passes the gate: questions that fit what the sentence says was done. */
const reframeText = 'What in the system allowed this action? Which safeguard or check could have stopped it?';
const omissionReframe = 'What would have prompted this step at the time? Which signal or check was missing?';
const judgementReframe = 'What did the people involved know at the time, and where did it come from? What would have shown them otherwise?';
const failureReframe = 'Which conditions in the system made this failure possible? What change would stop it happening again?';

test('rewrites put the clause in the passive without its agent; where none can be trusted, the questions a review asks', () => {
  const rewrites = (text: string) => blame(text)[0].rewrites.map((rewrite) => rewrite.newText);
  assert.deepEqual(rewrites('Bob deployed broken code.'), ['Broken code was deployed.']);
  assert.deepEqual(rewrites('Alice failed to roll back the release.'), ['The release was not rolled back.']);
  assert.deepEqual(rewrites('Nobody was monitoring the migration.'), ['The migration was not being monitored.']);
  // A step forgotten is told as not done, the plain account writers asked for in blind reviews.
  assert.deepEqual(rewrites('Carol forgot to update the config.'), ['The config was inadvertently not updated.']);
  // That the act was unintended is a fact the passive keeps; "by mistake" there would still read as someone's error.
  assert.deepEqual(rewrites('The on-call engineer accidentally deleted the production table.'), ['The production table was accidentally deleted.']);
  assert.deepEqual(rewrites('Sam had wiped the staging bucket by mistake.'), ['The staging bucket had been wiped by accident.']);
  assert.deepEqual(rewrites('Bob did not update his config.'), ['The config was not updated.']);
  // A template that adds a cause the sentence never stated ("a gap in our tooling") does not pass: the questions take its place.
  assert.deepEqual(rewrites('The outage was caused by human error.'), [failureReframe]);
  assert.deepEqual(rewrites('Carol made a mistake.'), [failureReframe]);
  assert.deepEqual(rewrites("The outage was caused by Bob's change."), [reframeText]);
  assert.deepEqual(rewrites('If only Bob had checked the logs, we would have caught it sooner.'), [omissionReframe]);
  assert.deepEqual(rewrites('Bob underestimated the load on the new cluster.'), [judgementReframe]);
});

test('a reframe carries a snippet whose tab stops are the questions', () => {
  const [match] = blame('Bob broke production!');
  assert.equal(match.rewrites.length, 1);
  assert.equal(
    match.rewrites[0].edit.snippet,
    '${1:What in the system allowed this action?} ${2:Which safeguard or check could have stopped it?}',
  );
  assert.equal(match.rewrites[0].edit.newText, reframeText);
  assert.match(match.rewrites[0].title, /^Reframe as the questions a blameless review asks/);
});

test('rewrites keep the rest of the sentence, its capitalisation and its final punctuation', () => {
  const cases: [string, ProseBlock['where'], string][] = [
    ['At 14:05, Alice failed to roll back the release because the script hung.', 'body', 'At 14:05, the release was not rolled back because the script hung.'],
    ['The outage began because Bob deployed broken code.', 'body', 'The outage began because broken code was deployed.'],
    ['Bob deleted the production indexes!', 'body', 'The production indexes were deleted!'],
    ['Lars accidentally ran the cleanup job against production.', 'body', 'The cleanup job was accidentally run against production.'],
    ['the engineer did not update the config', 'body', 'the config was not updated'],
    ['14:05 Alice fails to page the DBA.', 'timeline', '14:05 The DBA is not paged.'],
    ['Alice did not update it.', 'body', 'It was not updated.'],
    ['@dana failed to renew the certificate, so it expired.', 'body', 'The certificate was not renewed, so it expired.'],
    ['Unfortunately, the developer did not rotate the `api` key.', 'body', 'Unfortunately, the `api` key was not rotated.'],
  ];
  for (const [text, where, expected] of cases) {
    const matches = blame(text, where);
    assert.equal(matches[0]?.rewrites[0]?.newText, expected, text);
    assertRewritesClean(matches, where);
  }
});

test('a clause the passive cannot carry gets the questions, not a broken sentence', () => {
  for (const [text, questions] of [
    // A second verb of the same person would lose its subject.
    ['Bob forgot to update the config and restart the service.', omissionReframe],
    ['Carol made a mistake and rolled back the deploy.', failureReframe],
    // No object to make the subject.
    ['Bob failed to roll back in time.', omissionReframe],
    ['Nobody noticed for 20 minutes.', 'Which signal would have shown the problem sooner? What made it hard to see at the time?'],
    // "Missed" or "broke" in the passive still reads as a lapse, or as a state.
    ['Bob broke production!', reframeText],
  ]) {
    const matches = blame(text);
    assert.equal(matches.length, 1, text);
    assert.deepEqual(matches[0].rewrites.map((rewrite) => rewrite.newText), [questions], text);
  }
});

const negatives: { text: string; where?: ProseBlock['where'] }[] = [
  { text: '14:05 Alice acknowledges the page.', where: 'timeline' },
  { text: 'Bob rolled back the deploy, restoring service.', where: 'timeline' },
  { text: 'Carol escalates to the database team.', where: 'timeline' },
  { text: '14:20 Alice restarts the wrong pod and then the right one.', where: 'timeline' },
  { text: '14:25 Bob should have been paged but the rotation was empty.', where: 'timeline' },
  { text: 'Bob to add a canary stage.', where: 'action-item' },
  { text: 'The deploy failed.' },
  { text: 'The migration failed to complete.' },
  { text: 'The cache broke under load.' },
  { text: 'The load balancer ignored the health check.' },
  { text: 'A failed attempt to fail over left the replica stale.' },
  { text: 'Kubernetes killed the pod.' },
  { text: 'Redis failed to start after the upgrade.' },
  { text: "We've forgotten nothing from the last review." },
  { text: 'The retry loop naively resent every request.' },
  { text: 'It is on us to publish the fix this week.' },
  { text: 'The error is on line 12 of the manifest.' },
  { text: 'The fault lies with the load balancer.' },
  { text: "We didn't page the vendor, since there was no user impact on their side." },
  { text: 'Sam did not notify support since there was no customer impact.' },
  { text: 'Hermes does not support nested folders, so the import dropped them.' },
  { text: "Mattermost didn't allow a second webhook on the channel." },
  { text: 'Deploy failed to complete within the window.' },
  { text: 'Migration failed to roll back.' },
  { text: 'Monitoring failed to alert on the spike.' },
  { text: 'Retries caused the outage.' },
  { text: 'The Postgres operator failed to reconcile the cluster.' },
  { text: 'We had to kill the query.' },
  { text: 'Alice decided to abort the migration.' },
  { text: 'Bob executed the runbook.' },
  { text: 'The job was terminated by the scheduler.' },
  { text: 'There was a fatal error in the log.' },
  { text: 'We broke the work into phases.' },
  { text: 'Bob broke the build into three stages.' },
  { text: 'We burned through the error budget.' },
  { text: 'User errors spiked to 5%.' },
  { text: 'The user error rate doubled.' },
  { text: 'Operator error counts rose after the change.' },
  { text: 'The alert said "operator error" but the cause was a bad disk.' },
  { text: "The dashboard label 'human error' is misleading." },
  { text: '"Bob forgot to update the config," the first draft said.' },
  { text: 'Systems should be designed to handle human error.' },
  { text: 'This was not human error.' },
  { text: 'Human error is inevitable; system design must accommodate this reality.' },
  { text: "Bob's change was rolled back at 14:30." },
  { text: 'Alice started the incident channel.' },
  { text: 'Bob triggered the incident response.' },
  { text: 'Alice was responsible for the rollout.' },
  { text: 'The on-call engineer acknowledged the page within two minutes.' },
  { text: 'Nobody was harmed.' },
  { text: 'No one was paged because the alert was misrouted.' },
  { text: 'Someone should add a canary stage.' },
  { text: 'Bob should have been paged.' },
  { text: "It was nobody's fault." },
  { text: 'The pods restarted. They failed to come up.' },
  { text: 'They forgot to check the dashboard.' },
  { text: 'Oluwaseun failed to start the job.' },
  { text: 'PgBouncer failed to check the pool.' },
  { text: 'GitHub broke production.' },
  { text: 'Alice forgot her laptop at home, so Bob took the page.' },
  { text: 'Kafka dropped the ball on consumer lag.' },
  { text: 'Terraform broke production.' },
  { text: 'The change broke production.' },
  { text: "The migration's error handling was missing." },
  { text: 'Customers failed to log in.' },
  { text: 'If only the cache had been warmed.' },
  { text: 'Why did Bob forget to rotate the key?' },
  { text: 'Errors spiked to 5% after v1.2. Bob rolled back at 14:05.' },
  // `Bob forgot to check` inside a code span arrives masked.
  { text: 'The script printed                      and exited.' },
];

test('people as actors, systems as subjects, operations vocabulary and quotes are not blame', () => {
  for (const { text, where = 'body' } of negatives) {
    assert.deepEqual(
      blame(text, where).map((match) => match.message),
      [],
      `${where}: ${text}`,
    );
  }
});

test('there are at least forty sentences of each kind', () => {
  assert.ok(positives.length >= 40 && negatives.length >= 40);
});

test('"they" is a person only after a person was named in the same block', () => {
  const text = 'Bob was on call. They forgot to check the dashboard.';
  const [match, ...rest] = blame(text);
  assert.equal(rest.length, 0);
  assert.equal(words(text, match), 'They forgot to check');
  assert.deepEqual(match.sentence, { start: base + text.indexOf('They'), end: base + text.length });
  assert.deepEqual(blame('Bob restarted the pods. They failed to come up.'), []);
});

test('names the document uses for people are strong evidence', () => {
  assert.deepEqual(blame('Oluwaseun failed to start the job.'), [], 'a name the tagger does not know is weak evidence');
  const matches = blame('Oluwaseun failed to start the job.', 'body', ['Oluwaseun', '@bob']);
  assert.equal(matches.length, 1);
  assert.deepEqual(matches[0].rewrites.map((rewrite) => rewrite.newText), ['The job was not started.']);
  assert.deepEqual(blame('Platform failed to scale.', 'body', ['Platform']), [], 'an owner named like a system stays a system');
});

test('sentences split on end punctuation and entry lines, not on abbreviations, decimals or versions', () => {
  const afterVersion = 'We upgraded to v1.2. Bob forgot to update the config.';
  assert.deepEqual(blame(afterVersion)[0].sentence, { start: base + afterVersion.indexOf('Bob'), end: base + afterVersion.length });
  const abbreviation = 'We saw errors (e.g. Timeouts) vs. Retries and the engineer forgot to update the config.';
  assert.deepEqual(blame(abbreviation)[0].sentence, { start: base, end: base + abbreviation.length });
  const decimal = 'Latency rose 2.5x and the engineer forgot to update the config.';
  assert.deepEqual(blame(decimal)[0].sentence, { start: base, end: base + decimal.length });
  const lines = '14:00 Alice pages Bob\n14:05 Bob forgets to update the config';
  assert.deepEqual(blame(lines, 'timeline')[0].sentence, { start: base + lines.indexOf('14:05'), end: base + lines.length });
  const label = 'Root cause\nBob deployed buggy code without testing.';
  const [labelled] = blame(label);
  assert.deepEqual(labelled.sentence, { start: base + label.indexOf('Bob'), end: base + label.length });
  assert.equal(labelled.rewrites[0].newText, reframeText, '"without testing" in the passive would still blame; shipping a bug gets the questions about what allowed it');
  const wrapped = 'The outage began because Bob\ndeployed broken code.';
  assert.deepEqual(blame(wrapped)[0].sentence, { start: base, end: base + wrapped.length });
  assert.equal(blame('Bob failed to load the config.', 'body', ['Bob']).length, 1);
  assert.deepEqual(blame('The config that was handed to\nBob failed to load.', 'body', ['Bob']), [], 'a name that continues a wrapped line is not a subject');
  assert.equal(blame(wrapped)[0].rewrites[0].newText, 'The outage began because broken code was deployed.');
});

test('several findings in one block each carry their own sentence', () => {
  const text = 'Bob pushed bad config. Nobody noticed. Human error, in short.';
  const matches = blame(text);
  assert.deepEqual(
    matches.map((match) => words(text, match)),
    ['Bob pushed bad config', 'Nobody noticed', 'Human error'],
  );
  assert.deepEqual(
    matches.map((match) => text.slice(match.sentence.start - base, match.sentence.end - base)),
    ['Bob pushed bad config.', 'Nobody noticed.', 'Human error, in short.'],
  );
});

test('extendPhrasebook: an allowed phrase suppresses a match', () => {
  const extended = extendPhrasebook(defaultPhrasebook(), { allow: ['forgot to update'] });
  assert.deepEqual(blame('Carol forgot to update the config.', 'body', [], extended), []);
  assert.equal(blame('Carol forgot to rotate the key.', 'body', [], extended).length, 1);
  assert.equal(blame('Carol forgot to update the config.').length, 1, 'the base phrasebook is unchanged');
});

test('extendPhrasebook: an extra role and an extra person are detected', () => {
  const extended = extendPhrasebook(defaultPhrasebook(), { roles: ['the release wrangler'], persons: ['@Zed'] });
  const text = 'The release wrangler forgot to tag the build.';
  assert.deepEqual(blame(text), []);
  const [match] = blame(text, 'body', [], extended);
  assert.equal(words(text, match), 'The release wrangler forgot to tag');
  assertRewritesClean([match], 'body');
  assert.deepEqual(blame('Zed failed to start the job.'), []);
  assert.equal(blame('Zed failed to start the job.', 'body', [], extended).length, 1);
});

test('extendPhrasebook returns the base phrasebook when there is nothing to add', () => {
  assert.equal(extendPhrasebook(defaultPhrasebook(), {}), defaultPhrasebook());
  assert.equal(extendPhrasebook(defaultPhrasebook(), { roles: [' '], persons: [], allow: [''] }), defaultPhrasebook());
});

test('every phrasebook entry explains itself', () => {
  const data = defaultPhrasebookData;
  const explained = [
    ...data.predicates,
    ...data.phrases,
    ...data.operations,
    ...Object.values(data.fragments),
    ...Object.values(data.rewriteTemplates),
    ...data.persons.roles,
    ...data.persons.bare,
    ...data.persons.notNames,
    data.persons.nobody,
    data.persons.determiners,
    data.persons.modifiers,
    data.persons.postModifiers,
    data.persons.notNameEndings,
    ...Object.values(data.grammar),
  ];
  for (const entry of explained) assert.match(entry.explanation, /\S.*\.$/, JSON.stringify(entry).slice(0, 80));
});

test('every template set ends with a rewrite that needs no captured words', () => {
  for (const [name, set] of Object.entries(defaultPhrasebookData.rewriteTemplates)) {
    const last = set.tiers[set.tiers.length - 1];
    assert.ok(
      last.some((template) => !/\{(?!tail\}|notail\})[^}]*\}/.test(template)),
      name,
    );
  }
});

test('a phrasebook with a broken reference fails when it is loaded, not while typing', () => {
  const [first, ...rest] = defaultPhrasebookData.predicates;
  assert.throws(() => createPhrasebook({ ...defaultPhrasebookData, predicates: [{ ...first, rewrites: 'missing' }, ...rest] }), /unknown rewrite templates/);
  assert.throws(() => createPhrasebook({ ...defaultPhrasebookData, predicates: [{ ...first, pattern: '{nowhere}' }, ...rest] }), /unknown placeholder/);
});

test('the phrasebook JSON is checked as it is read: a value outside an enumeration names its entry and field', () => {
  const [predicate, ...predicates] = phrasebookJson.predicates;
  const [phrase, ...phrases] = phrasebookJson.phrases;
  const [bare, ...bares] = phrasebookJson.persons.bare;
  const broken = (changes: Partial<typeof phrasebookJson>) => () => readPhrasebookData({ ...phrasebookJson, ...changes });
  assert.throws(broken({ predicates: [{ ...predicate, kind: 'shame' }, ...predicates] }), new RegExp(`entry ${predicate.id}: kind must be 'blame' or 'hindsight', not 'shame'`));
  assert.throws(broken({ predicates: [{ ...predicate, subject: 'someone' }, ...predicates] }), new RegExp(`entry ${predicate.id}: subject must be 'person' or 'nobody'`));
  assert.throws(broken({ predicates: [{ ...predicate, weakSubjects: 'some' }, ...predicates] }), new RegExp(`entry ${predicate.id}: weakSubjects must be 'any'`));
  assert.throws(broken({ phrases: [{ ...phrase, kind: 'Blame' }, ...phrases] }), new RegExp(`entry ${phrase.id}: kind must be`));
  assert.throws(broken({ persons: { ...phrasebookJson.persons, bare: [{ ...bare, strength: 'medium' }, ...bares] } }), /persons\.bare\[0\]: strength must be 'strong' or 'weak', not 'medium'/);
  assert.deepEqual(readPhrasebookData(phrasebookJson), defaultPhrasebookData);
});

test('the built-in phrasebook is compiled once, on first use', () => {
  assert.equal(defaultPhrasebook(), defaultPhrasebook());
});

test('questions never replace a timeline entry, a sentence that introduces a list, or a quote: the finding stands without a fix', () => {
  const entry = blame('14:05 Bob forgets to update the config and restart the service', 'timeline');
  assert.equal(entry.length, 1);
  assert.deepEqual(entry[0].rewrites, []);
  const intro = blame('Bob made two mistakes that led to the outage:');
  assert.equal(intro.length, 1);
  assert.deepEqual(intro[0].rewrites, []);
  // The same words as a sentence of their own still get the questions.
  assert.deepEqual(blame('Bob made two mistakes that led to the outage.')[0].rewrites.map((rewrite) => rewrite.newText), [failureReframe]);
});
