// Shapes of status-update logs and of pages whose markup was lost: promises of the next update, entries marked done
// after a dash, a lead-in line over "•" bullets in one paragraph, and headings worded as a briefing, an assessment or findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const today = '2026-12-01';

function model(text: string): Postmortem {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return analysis.model;
}

const items = (text: string) => model(text).actionItems.map((item) => [item.description, item.status]);

test('an update log\'s promises of the next update are no action items', () => {
  const log = [
    '# Power loss in the east hall',
    '',
    '2026-03-04 09:40 UTC',
    '',
    'Power is back and every volume has mounted again.',
    '',
    '---',
    '',
    '07:15 UTC',
    '',
    'The site operator is still replacing the failed breaker. We will next update here at 08:30 UTC.',
    '',
    '---',
    '',
    '06:02 UTC',
    '',
    'We will update hear as soon as the operator confirms the cause.',
    '',
    '---',
    '',
    'We will follow up with status updates every hour, and will send out further information on access to the hall.',
    '',
    'It may be the breaker again, but I will know more later. We will update our status page when the operator replies.',
    '',
  ].join('\n');
  assert.deepEqual(items(log), []);
  // A change promised in the same log is still one.
  assert.deepEqual(items(log.replace('Power is back and every volume has mounted again.', 'Power is back. We will add a second feed to the storage racks.')), [['We will add a second feed to the storage racks.', 'open']]);
});

test('an entry that ends "- COMPLETED <date>" or "- Done" is done', () => {
  const text = [
    '# Payments API outage',
    '',
    'Action Plan',
    '',
    '  • Add an integrity check to every backup. - COMPLETED 20/08/2026',
    '  • Automate the framework deploys. - Done',
    '  • Review the on-call escalation path.',
    '',
  ].join('\n');
  assert.deepEqual(items(text), [
    ['Add an integrity check to every backup. - COMPLETED 20/08/2026', 'done'],
    ['Automate the framework deploys. - Done', 'done'],
    ['Review the on-call escalation path.', 'open'],
  ]);
});

test('a lead-in line over "•" bullets of the same paragraph heads them; bullets that tell steps taken are done', () => {
  const text = [
    '# ID checks failing',
    '',
    'A provider renamed a response header without notice and every check against it failed.',
    '',
    'To address this issue, we have:',
    '• Implemented a second provider for the same call.',
    '• Added alerts on unexpected response headers.',
    '',
    'We apologise for the disruption.',
    '',
  ].join('\n');
  const read = model(text);
  assert.deepEqual(read.sections.filter((section) => section.kind === 'action-items').map((section) => section.title), ['To address this issue, we have']);
  assert.deepEqual(items(text), [
    ['Implemented a second provider for the same call.', 'done'],
    ['Added alerts on unexpected response headers.', 'done'],
  ]);
});

test('a lead-in that promises more writing is no action section: "I\'ll write it up in a separate post, but in brief:"', () => {
  const text = [
    '# Blog outage',
    '',
    "There is a lot to tell, and I'll write it up in a separate post, but in brief:",
    '',
    "- The host's backups had been failing for months.",
    '- Nobody restored from them until the disk died.',
    '',
  ].join('\n');
  assert.deepEqual(model(text).sections.filter((section) => section.kind === 'action-items'), []);
  assert.deepEqual(items(text), []);
});

test('headings worded as a briefing, an assessment, findings, what worked, take aways or how we are fixing it', () => {
  assert.deepEqual(recogniseHeading('Bottom Line Up Front'), { kind: 'summary', uncertain: false });
  assert.deepEqual(recogniseHeading('BLUF'), { kind: 'summary', uncertain: false });
  assert.deepEqual(recogniseHeading('Damage Assessment'), { kind: 'impact', uncertain: false });
  assert.deepEqual(recogniseHeading('Investigation and Findings'), { kind: 'root-cause', uncertain: true });
  assert.deepEqual(recogniseHeading('Conclusions and recommendations'), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('Damage'), undefined);
  assert.deepEqual(recogniseHeading('What worked well'), { kind: 'what-went-well', uncertain: false });
  assert.deepEqual(recogniseHeading('What needs improvement'), { kind: 'what-went-poorly', uncertain: false });
  assert.deepEqual(recogniseHeading('Take aways:'), { kind: 'lessons-learned', uncertain: false });
  assert.deepEqual(recogniseHeading('How we’re fixing it'), { kind: 'action-items', uncertain: true });
});

test('in one sentence, the work promised stays an item and the promise of news beside it does not', () => {
  const text = ['# Export bug', '', 'The export tool left out rooms the user had already left.', '', "We will add a test for left rooms to the export tool, and we'll update here when it ships.", ''].join('\n');
  assert.deepEqual(items(text), [['We will add a test for left rooms to the export tool', 'open']]);
  // A condition that opens the sentence holds for all of it.
  const offer = ['# Signup outage', '', 'Signups failed for an hour.', '', 'If something still fails for you, write to support and we will get in touch shortly.', ''].join('\n');
  assert.deepEqual(items(offer), []);
});

test('a promise in an HTML paragraph is read as in a Markdown one', () => {
  const html = ['# Login breach', '', '<p>Someone reached the session store this morning; no passwords were read.</p>', '<p>We will rotate every session key by Friday.</p>', ''].join('\n');
  const markdown = ['# Login breach', '', 'Someone reached the session store this morning; no passwords were read.', '', 'We will rotate every session key by Friday.', ''].join('\n');
  assert.deepEqual(items(html), [['We will rotate every session key by Friday.', 'open']]);
  assert.deepEqual(items(html), items(markdown));
});

test('a lead-in naming the improvements a change brings heads them; "we will keep everyone updated" is news', () => {
  const text = ['# Colo outage', '', 'A UPS failed at our old facility.', '', 'We have moved the sites. The new facility includes the following improvements so that a single failure cannot take us down:', '', '- Two power feeds from independent UPSes.', '- Redundant routers and switches.', '', 'We will keep everyone updated.', ''].join('\n');
  assert.deepEqual(items(text).map(([description]) => description), ['Two power feeds from independent UPSes.', 'Redundant routers and switches.']);
});

test('"we are preparing to implement ..." is work under way', () => {
  const text = ['# DDoS recap', '', 'The site was slow for four hours while the attack ran.', '', 'No data was lost. We are preparing to roll out rate limits at the edge on Sunday.', ''].join('\n');
  assert.deepEqual(items(text).map(([description]) => description), ['We are preparing to roll out rate limits at the edge on Sunday.']);
});

test('a log of incidents under one "Incident Log" title reads each incident\'s review actions', () => {
  const log = ['# Incident Log', '', 'Incidents of the platform team, newest first.', '', '## Q4 2025', '', '### Incident on 2025-11-02 - Release failure', '', '- **Impact**: releases failed for two hours.', '- **Review Actions**:', '  - Add a canary stage to the release job.', '  - Write a rollback runbook.', ''].join('\n');
  assert.equal(model(log).sections[0].kind, undefined);
  assert.deepEqual(items(log).map(([description]) => description), ['Add a canary stage to the release job.', 'Write a rollback runbook.']);
});

test('a table of data and a list of identifiers under Action items are no items', () => {
  const text = ['# API exposure', '', '## Action items', '', '- Wrap every resolver in the login check.', '', 'These operations were readable without a login:', '', '| Resolver | Query | Mutation |', '| --- | --- | --- |', '| Team | team | createTeam |', '| Tag | tags | updateTag |', '', 'The client still needs these queries:', '', '- `COUNTRY_QUERY`', '- `LANGUAGE_QUERY`', ''].join('\n');
  assert.deepEqual(items(text).map(([description]) => description), ['Wrap every resolver in the login check.']);
});
