// Shapes read in further real postmortems: plain-text pages whose section text runs on under its heading line, and
// follow-up work told in the passive or by a team at work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

test('a plain-text page: the text under a heading line that runs into its paragraph is read in that section', () => {
  const page = [
    'Incident Summary',
    'On May 2nd between 14:05 and 15:40 UTC exports were delayed for all accounts.',
    'Root Cause',
    'A reindex job held a lock on the exports table for most of an hour.',
    'Timeline',
    '14:05 UTC - exports start to queue',
    '15:40 UTC - the reindex finishes and the queue drains',
    'Corrective and Preventative Measures',
    'To prevent a repeat, the platform team is splitting the reindex into batches. Lock timeouts will be added to the job, and alerts on queue age are being implemented.',
    '',
  ];
  const result = analysed(page);
  assert.deepEqual(result.model?.sections.map((section) => [section.kind, section.title]), [
    ['summary', 'Incident Summary'],
    ['root-cause', 'Root Cause'],
    ['timeline', 'Timeline'],
    ['action-items', 'Corrective and Preventative Measures'],
  ]);
  // The timeline's lines are entries now that they sit in the timeline.
  assert.deepEqual(result.model?.timeline.map((entry) => entry.description), ['exports start to queue', 'the reindex finishes and the queue drains']);
  // Three pieces of follow-up work: the team at work, a passive promise, work being done.
  const items = result.model?.actionItems ?? [];
  assert.equal(items.length, 3, JSON.stringify(items.map((item) => result.model?.text.slice(item.span.start, item.span.end))));
  assert.ok(items.every((item) => item.status === 'open'));
  // Nothing of the page is lost: the pieces together span the text they were cut from.
  const summary = result.model?.prose.find((block) => result.model?.text.slice(block.span.start, block.span.end).startsWith('On May 2nd'));
  assert.ok(summary, 'the summary sentence is read as prose of its own');
});

test('a paragraph with an indented line is kept whole: the line would read as code once cut off', () => {
  const page = ['Incident Summary', 'Exports were delayed.', 'Root Cause', '    a lock held too long', ''];
  const result = analysed(page);
  assert.deepEqual(result.model?.sections.map((section) => section.kind), ['summary', 'root-cause']);
  assert.equal(result.model?.prose.length, 1);
});

test('"How can we stop this from recurring?" heads the action items', () => {
  const result = analysed([
    '# Blog down after a backup',
    '',
    '## How can we stop this from recurring?',
    '',
    '- Alert when the vault is sealed',
    '- Check the vault before each deploy',
    '',
  ]);
  assert.equal(result.model?.sections.find((section) => section.kind === 'action-items')?.title, 'How can we stop this from recurring?');
  assert.equal(result.model?.actionItems.length, 2);
});

test('"Breakdown of events" and "Order of events" head the timeline', () => {
  for (const title of ['Breakdown of Events', 'Order of events']) {
    const result = analysed(['# Blog down after a backup', '', `## ${title}`, '', '- 02:00 the backup stops the VM', '- 02:10 the VM starts with the vault sealed', '']);
    assert.equal(result.model?.sections.find((section) => section.kind === 'timeline')?.title, title);
    assert.equal(result.model?.timeline.length, 2);
  }
});

test('a plain-text page: a heading line in sentence case between two sentences opens its section', () => {
  const page = [
    'Our sync API failed for part of the morning.',
    'Time-line of the outage',
    'At 06:29 the monitors reported failed calls.',
    'At 09:14 the storage node was restarted and calls recovered.',
    '',
  ];
  const result = analysed(page);
  assert.equal(result.model?.sections.find((section) => section.kind === 'timeline')?.title, 'Time-line of the outage');
  // A short line in the middle of a sentence that wraps is no heading.
  const wrapped = analysed(['# Outage', '', '## Summary', '', 'We looked at the', 'Time-line of the outage', 'again later.', '']);
  assert.equal(wrapped.model?.sections.filter((section) => section.kind === 'timeline').length, 0);
});

test('headings in other words: "Impact is as follows:", "What exactly happened?", "Improvements for next time", "What we are doing"', () => {
  const kinds = (heading: string) => analysed(['# Login outage', '', `## ${heading}`, '', 'Text.', '']).model?.sections.map((section) => section.kind);
  assert.deepEqual(kinds('Impact is as follows:'), [undefined, 'impact']);
  assert.deepEqual(kinds('What exactly happened?'), [undefined, 'summary']);
  assert.deepEqual(kinds('Improvements for next time'), [undefined, 'action-items']);
  assert.deepEqual(kinds('What we are doing'), [undefined, 'action-items']);
});

test('a lead-in that tells of measures under way heads the list of actions after it', () => {
  const result = analysed([
    '# Chat outage',
    '',
    '## Resolution',
    '',
    'Service came back at 12:42 UTC.',
    'We are putting changes in place to stop a repeat, including:',
    '',
    '- Adding a health check on the cache host',
    '- Failing over to a replica when the cache is unreachable',
    '',
  ]);
  assert.equal(result.model?.actionItems.length, 2);
});

test('work done or under way told by the writers in an action section: "we have frozen", "in the process of"', () => {
  const items = (sentence: string) => analysed(['# Credential stuffing', '', '## What we are doing', '', sentence, '']).model?.actionItems ?? [];
  assert.equal(items('We have frozen the accounts that logged in from the listed addresses.').length, 1);
  assert.equal(items('We are in the process of resetting the passwords of those accounts.').length, 1);
});

test('a page of one-line headings: a loose name in heading case opens its section, said to be uncertain', () => {
  const page = ['Sign-in errors for EU accounts', '', 'What Happened', '', 'Sign-ins failed for a third of EU accounts.', '', 'Scope', '', 'Only accounts on the EU cluster were affected.', '', "What We've Done", '', '- Added an alert on the sign-in error rate', ''];
  const sections = analysed(page).model?.sections ?? [];
  assert.deepEqual(sections.map((section) => [section.kind, section.title, section.uncertain]), [
    ['summary', 'What Happened', true],
    ['impact', 'Scope', true],
    ['action-items', "What We've Done", true],
  ]);
  // "The Event" names the summary loosely, but as a bare line it is no heading: the vaguest names head other text as often.
  assert.deepEqual(analysed(['Sign-in errors', '', 'The Event', '', 'Sign-ins failed.', '']).model?.sections.map((section) => section.kind), []);
  // A one-line paragraph in sentence case is prose, not a heading.
  const prose = analysed(['# Outage', '', '## Summary', '', 'Scope of the work is in the ticket.', '']).model?.sections ?? [];
  assert.equal(prose.filter((section) => section.kind === 'impact').length, 0);
});

test('a status page whose headings are a question\'s words alone on a line, in sentence case', () => {
  const page = ['API unreachable', '', 'What happened', '', 'The API refused connections for three minutes.', '', 'Why this happened', '', 'A certificate swap left the balancer without a key.', '', 'How to keep this from happening again', '', 'We will stage certificate swaps on one balancer first.', ''];
  const sections = analysed(page).model?.sections ?? [];
  assert.deepEqual(sections.map((section) => [section.kind, section.title]), [
    ['summary', 'What happened'],
    ['root-cause', 'Why this happened'],
    ['action-items', 'How to keep this from happening again'],
  ]);
  // A question's words that run long are a sentence, not a heading.
  const long = analysed(['# Outage', '', '## Summary', '', 'How we found the cause of the outage is told in the next part of this page', '']).model?.sections ?? [];
  assert.equal(long.length, 2);
});

test('a lead-in that says the actions keep the mistake from repeating heads them', () => {
  const result = analysed([
    '# Gateway outage',
    '',
    '## Summary',
    '',
    'A deploy removed the gateway service for twenty minutes.',
    "To make sure a deploy won't remove a service again, these actions have been taken:",
    '1. Deploys can no longer delete services.',
    '2. Staging now mirrors the production settings.',
    '',
  ]);
  assert.equal(result.model?.actionItems.length, 2);
});

test('"Measures taken" heads the action items, done', () => {
  const result = analysed(['# Validator jailed', '', '## Measures Taken', '', '- Turned off the restart robot on the other validators', '- Reviewed the signing setup', '']);
  assert.equal(result.model?.sections.find((section) => section.kind === 'action-items')?.title, 'Measures Taken');
  assert.deepEqual(result.model?.actionItems.map((item) => item.status), ['done', 'done']);
});

test('a one-person project\'s postmortem: its author owns every item; a team\'s items keep no owner', () => {
  const doc = (footer: string) => ['# Homelab lockout', '', '## Action items', '', '- [ ] Keep a second SSH session open during network changes', '- [ ] Script the bridge setup', '', '## Lessons learned', '', 'Test the bridge on a spare VM first.', '', '---', '', '**Prepared by:** Dana Ortiz  ', footer, ''];
  const solo = analysed(doc('**Reviewed by:** Self (solo project)'));
  assert.deepEqual(solo.model?.actionItems.map((item) => item.owner?.value), ['Dana Ortiz', 'Dana Ortiz']);
  assert.equal(solo.findings.filter((finding) => finding.ruleId === 'action-item-owner').length, 0);
  const team = analysed(doc('**Reviewed by:** the platform team'));
  assert.deepEqual(team.model?.actionItems.map((item) => item.owner?.value), [undefined, undefined]);
});

test('a plain-text page: a heading line after a field line that ends on its time zone', () => {
  const page = ['Sign-in outage', '', 'Timeline', 'Incident started: 2024-03-02 00:00 UTC', 'Services restored: 2024-03-02 07:01 UTC', 'Impact', 'Nobody could sign in for seven hours.', ''];
  assert.equal(analysed(page).model?.sections.find((section) => section.kind === 'impact')?.title, 'Impact');
});

test('a plain-text page: a heading line right after a list ends the list instead of running on inside its last entry', () => {
  const page = ['Incident Summary', 'A certificate expired for 15 minutes.', 'Timeline', '- 11:56 first reports of the expired certificate', '- 12:13 a renewed certificate is deployed.', 'Root Cause', 'The rotation job skipped the wildcard certificate.', ''];
  const result = analysed(page);
  assert.deepEqual(result.model?.sections.map((section) => [section.kind, section.title]), [
    ['summary', 'Incident Summary'],
    ['timeline', 'Timeline'],
    ['root-cause', 'Root Cause'],
  ]);
  assert.equal(result.model?.timeline.length, 2);
  // An entry that wraps onto a capitalised line and on into lower case stays one entry.
  const wrapped = analysed(['# Outage', '', '## Timeline', '', '- 10:00 we looked into the', 'Root Cause', 'of the crash again', '']);
  assert.equal(wrapped.model?.sections.filter((section) => section.kind === 'root-cause').length, 0);
});
