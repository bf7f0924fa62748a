// Shapes of blame read in further real postmortems: a slip adverb after the person ("incorrectly"), something sent to
// the wrong place, a person "at fault for" the incident, a checkout left in a bad state, and the writers judging
// their own habits ("we are bad at", "a rookie move", "could, and should have, done").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

/** The severities of the blame findings on a sentence alone in a Summary. */
const severities = (sentence: string) =>
  analyze(['# Site outage', '', '## Summary', '', sentence, ''].join('\n'), { force: true, today: '2026-12-01' })
    .findings.filter((finding) => finding.ruleId === 'blameful-language')
    .map((finding) => finding.severity);

test('"incorrectly" and "wrongly" before a person\'s act mark it as a slip; said of software or in the passive, they blame no one', () => {
  assert.deepEqual(severities('The contractor incorrectly answered the confirmation prompt.'), ['warning']);
  assert.deepEqual(severities('Priya wrongly assumed the freeze ended at noon.'), ['warning']);
  assert.deepEqual(severities('The parser incorrectly accepted the empty header.'), []);
  assert.deepEqual(severities('The quota was incorrectly calculated after the resize.'), []);
  assert.deepEqual(severities('The migration script wrongly assumed every row had an owner.'), []);
});

test('a person who sends or applies something to "the wrong" place slipped; a wrong value found by a check blames no one', () => {
  assert.deepEqual(severities('Dana mailed the export to the wrong customer.'), ['warning']);
  assert.deepEqual(severities('An analyst uploaded the report to the wrong bucket.'), ['warning']);
  assert.deepEqual(severities('The router sent the traffic to the wrong region.'), []);
  assert.deepEqual(severities('The health check flagged the wrong version in the pool.'), []);
});

test('a person "at fault for" the incident is blamed, as "at fault" alone was', () => {
  assert.deepEqual(severities('Marco was at fault for the outage.'), ['warning']);
  assert.deepEqual(severities('The storage layer was at fault for the outage.'), []);
});

test('a person who left a checkout or a node "in a bad state" is blamed; a machine that did so is not', () => {
  assert.deepEqual(severities('Lena left the deploy checkout in a broken state.'), ['warning']);
  assert.deepEqual(severities('The failed upgrade left the node in a bad state.'), []);
});

test('the writers judging their own habits or moves is hindsight, at info', () => {
  assert.deepEqual(severities('We are bad at retiring old services.'), ['info']);
  assert.deepEqual(severities('We were inconsistent in telling customers what had happened.'), ['info']);
  assert.deepEqual(severities('Restarting the whole fleet at once was a rookie move.'), ['info']);
  assert.deepEqual(severities('Our rollout plan was thin; we could, and should have, done more here.'), ['info']);
  assert.deepEqual(severities('The new cache is bad at handling large keys.'), []);
  assert.deepEqual(severities('Rookie accounts are rate limited.'), []);
});

test('"a mistake I made" is the writers judging themselves, at info; a mistake the software made is not', () => {
  assert.deepEqual(severities('The queue stalled overnight because of a mistake we made in the retry settings.'), ['info']);
  assert.deepEqual(severities('It was an error I had made weeks before, in the cleanup script.'), ['info']);
  assert.deepEqual(severities('The parser made a mistake on the empty header.'), []);
});

test('careless, negligent or sloppy said of staff or contractors judges the people, at info', () => {
  assert.deepEqual(severities('Negligent contractors were behind the cut cable.'), ['info']);
  assert.deepEqual(severities('A careless technician unplugged the rack.'), ['warning']);
  assert.deepEqual(severities('Careless defaults in the library exposed the port.'), []);
});

test('promising to share more, to mark the incident resolved, or what the text will explain next is no action item; promising a change is', () => {
  const text = [
    '# Relay outage',
    '',
    '## What happened',
    '',
    "The relay dropped mail for an hour. We'll share more once the vendor replies. We will be marking this incident as resolved tonight.",
    '',
    'We will hereafter explain how the queue filled up. We will add a queue depth alert to the relay.',
    '',
  ].join('\n');
  const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description), ['We will add a queue depth alert to the relay.']);
});

test('a status page\'s emphasised label before its text ("*Cause* - ...", "**Cause** - ...") opens the section it names; other labels open none', () => {
  const note = (line: string) => ['---', 'title: Packet loss', '---', '*Investigating* - We are looking into it.', '', line, '', '*Update* 1 - Mitigations are in place.', ''].join('\n');
  for (const line of ['*Cause* - An upstream router drops packets.', '**Cause** - An upstream router drops packets.', '*Cause*: An upstream router drops packets.']) {
    const model = analyze(note(line), { force: true, today: '2026-12-01' }).model;
    assert.deepEqual(model?.sections.map((section) => [section.title, section.kind]), [['Cause', 'root-cause']], line);
  }
  const other = analyze(note('*Note* - an upstream router drops packets.'), { force: true, today: '2026-12-01' }).model;
  assert.deepEqual(other?.sections.map((section) => section.kind), []);
});

test('"Steps taken:" heads the actions, done or not', () => {
  const text = ['# Disk full', '', 'The service stopped when the disk filled.', '', 'Steps taken:', '', '* Rotated the web server logs', '* Doubled the disk', '* Considering: disk space alerts', ''].join('\n');
  const model = analyze(text, { force: true, today: '2026-12-01' }).model;
  assert.equal(model?.sections.find((section) => section.title === 'Steps taken')?.kind, 'action-items');
  assert.equal(model?.actionItems.length, 3);
});

test('a promise inside a condition ("the point is that if the balancer is slow, we\'ll route around it") tells how the system behaves; it is no action item', () => {
  const text = ['# DNS attack', '', '## How routing works', '', "The point is that if the main balancer is slow, we'll simply route around it at the DNS level. We will add a second balancer pool.", ''].join('\n');
  const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description), ['We will add a second balancer pool.']);
});

test('"What you need to do" is for the readers, not the team\'s action items; "Things to do" and "Left to do" are', () => {
  const kindOf = (heading: string) => analyze(`# Outage\n\n## ${heading}\n\n- Check your lockfile\n`, { force: true, today: '2026-12-01' }).model?.sections.find((section) => section.title === heading)?.kind;
  assert.equal(kindOf('What you need to do'), undefined);
  assert.equal(kindOf('What users have to do'), undefined);
  assert.equal(kindOf('Things to do'), 'action-items');
  assert.equal(kindOf('Left to do'), 'action-items');
});

test('a group label of one name with a letter English does not use ("Anaïs") owns the items under it; an English topic word does not', () => {
  const text = ['# Replica lag', '', '## Actions', '', '**Anaïs**', '- Add a schema change note to the release checklist', '', '**Monitoring**', '- Alert on replica lag', ''].join('\n');
  const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.owner?.value), ['Anaïs', undefined]);
});

test('a numbered status update ("*Update* 2 - ...", "Update 3: ...") tells of the response at the time, its promises included', () => {
  const text = ['# Packet loss', '', '## Updates', '', '*Update* 2 - We continue to wait for the upstream fix; we will close this issue once it lands.', '', 'Update 3: We will close this issue tomorrow.', ''].join('\n');
  assert.deepEqual(analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [], []);
});

test('"that\'s on me" takes the blame as "that is on me" does; an error named after a role is a person\'s, unless said of errors in general', () => {
  assert.deepEqual(severities("We changed the schema twice yesterday, that one's on me."), ['info']);
  assert.deepEqual(severities("That's on us."), ['info']);
  assert.deepEqual(severities('The reindex was cancelled by contractor error.'), ['info']);
  assert.deepEqual(severities('"Operator error" is never a root cause in our reviews.'), []);
  assert.deepEqual(severities("That's on the roadmap for next quarter."), []);
});

test('what a setup lets a person do ("could be dropped by any admin") is no act that happened; the act itself is blamed', () => {
  assert.deepEqual(severities('The trouble is a cluster that can easily be wiped by a new hire.'), []);
  assert.deepEqual(severities('The archive could be deleted by any admin.'), []);
  assert.deepEqual(severities('The archive was deleted by an admin.'), ['warning']);
});

test('without an Action items section, follow-up work told without "we will" is an item: a passive promise or work under way; news is not', () => {
  const text = [
    '# Mirror outage',
    '',
    '## What happened',
    '',
    'The mirror served stale files for a day. Static checks will be added to the sync job. Work is ongoing to audit the other mirrors for the same flaw.',
    '',
    'The team is evaluating other designs for signing the index. This post will be updated once the vendor replies. Minutes will be published next week.',
    '',
  ].join('\n');
  const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description.split(' ').slice(0, 3).join(' ')), ['Static checks will', 'Work is ongoing', 'The team is']);
});

test('maintenance announced for a set hour, a promise to press on with the response, and a long condition before "we\'ll" are no action items', () => {
  const text = [
    '# Panel outage',
    '',
    '## What happened',
    '',
    'On Thursday evening we will be migrating the billing database to the new rack. We plan to swap the switches Sunday 3rd starting at 06:00 UTC.',
    '',
    "After some sleep, we'll press onward with the cleanup. The nice part is that if the health checks see the primary balancer stalling under a flood of requests for longer than a minute or two, we'll route around it.",
    '',
    'We will review the balancer alerts on Monday.',
    '',
  ].join('\n');
  const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.description), ['We will review the balancer alerts on Monday.']);
});

test('a team that takes others in ("The network team, including the vendor, will ...") still owns the promise', () => {
  const text = ['# Router disruption', '', '## Action items', '', '- The network team, including Platform Services and the vendor, will review the router failover.', ''].join('\n');
  const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
  assert.deepEqual(items.map((item) => item.owner?.value), ['network team']);
});

test('human error said of in general or in a condition, and a fault denied "not at all", blame no one; a human error named as the cause does', () => {
  assert.deepEqual(severities('Human error will always be a risk; what matters is how the tooling catches it.'), []);
  assert.deepEqual(severities('If this was a human error, then the process should make it hard to repeat.'), []);
  assert.deepEqual(severities('The ticket says the lost batch was not at all my fault.'), []);
  assert.deepEqual(severities('The lost batch was caused by human error.'), ['warning']);
});

test('a domain is no pronoun ("due to SHE.org")', () => {
  assert.deepEqual(severities('The fix waited on SHE.org shipping a spare line card.'), []);
  assert.deepEqual(severities('Recovery was slow due to SHE.org and its spare card.'), []);
  assert.deepEqual(severities('Ravi made a mistake and dropped the table.'), ['warning']);
});
