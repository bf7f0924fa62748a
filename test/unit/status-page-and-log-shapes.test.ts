// Shapes of status-page postmortems and chat-style incident logs: questions as headings over their answers, updates
// signed "Posted ...", a table of contents of day links, clock-led chat lines, and day notes inside the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Postmortem } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const today = '2026-12-01';

function analysed(text: string): { model: Postmortem; ruleIds: string[] } {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return { model: analysis.model, ruleIds: analysis.findings.map((finding) => finding.ruleId) };
}

const kinds = (model: Postmortem) => model.sections.map((section) => [section.title, section.kind ?? null]);

test('a question about how this issue or the outage came about names the root cause', () => {
  for (const title of ['Why did this issue occur?', 'How did the outage happen?', 'Why did the cache failure occur?']) {
    assert.equal(recogniseHeading(title)?.kind, 'root-cause', title);
  }
  assert.equal(recogniseHeading('Why did the team wait?'), undefined);
});

test('"The following services were impacted:" heads the impact', () => {
  assert.deepEqual(recogniseHeading('The following services were impacted'), { kind: 'impact', uncertain: false });
  assert.equal(recogniseHeading('The following services were restarted'), undefined);
});

const statusPage = [
  'Checkout errors',
  'Incident Report for Shopline',
  '',
  'Postmortem',
  '',
  'What happened?',
  'Between 10:02 and 10:40 UTC some payments failed at the checkout step.',
  '',
  'Why did this issue occur?',
  'A certificate on the payment gateway had expired.',
  '',
  'What are we changing now to keep this from ever recurring?',
  'We will add expiry alerts for every certificate the gateway uses.',
  '',
  'Posted Mar 12, 2025 - 09:15 UTC',
  '',
  'Resolved',
  '',
  'Payments are going through again and we will keep monitoring.',
  'Posted Mar 11, 2025 - 10:45 UTC',
  '',
  'Identified',
  '',
  'We will roll out a renewed certificate shortly.',
  'Posted Mar 11, 2025 - 10:20 UTC',
  '',
].join('\n');

test('a status page: the question lines over their answers open sections, however long the question', () => {
  const { model } = analysed(statusPage);
  assert.deepEqual(
    model.sections.map((section) => [section.title, section.kind]),
    [
      ['What happened?', 'summary'],
      ['Why did this issue occur?', 'root-cause'],
      ['What are we changing now to keep this from ever recurring?', 'action-items'],
    ],
  );
});

test('a status page: updates signed "Posted ..." are the response at the time, and the first update dates the incident', () => {
  const { model, ruleIds } = analysed(statusPage);
  assert.deepEqual(
    model.actionItems.map((item) => item.description),
    ['We will add expiry alerts for every certificate the gateway uses.'],
  );
  assert.equal(model.date, '2025-03-11');
  assert.ok(!ruleIds.includes('metadata-date'));
});

const chatLog = [
  '# Retro: search slow',
  '',
  '## Timeline',
  '',
  '[Monday 3 March](#monday-3-march-2025)<br>',
  '[Tuesday 4 March](#tuesday-4-march-2025)<br>',
  '[Friday 14 March](#friday-14-march-2025)<br>',
  '',
  '### Monday 3 March 2025',
  '',
  '09.10 KD search latency alerts firing',
  '',
  '11.05 RL Quick recap:',
  '- the index is healthy',
  '- the query nodes are saturated',
  '',
  '11.20 RL doubled the query nodes',
  '',
  'Monday summary:',
  '- latency is back to normal after the extra nodes',
  '',
  'Ideas for next steps:',
  '1. Ask the vendor how to cache the slow aggregation',
  '',
  '### Tuesday 4 March 2025',
  '',
  '08.40 KD latency climbing again',
  '',
  '### Friday 14 March 2025',
  '',
  '16.00 RL aggregation cache released',
  '',
  '## Root cause',
  '',
  'One aggregation ran on every search.',
  '',
  '## Actions',
  '',
  '**Devs**',
  '- Cache the aggregation results',
  '',
].join('\n');

test('a chat log: day links are no entries, a clock-led line is no label, and day notes stay in the log', () => {
  const { model, ruleIds } = analysed(chatLog);
  assert.deepEqual(
    model.timeline.map((entry) => entry.timeText),
    ['09.10', '11.05', '11.20', '08.40', '16.00'],
  );
  assert.ok(!ruleIds.includes('timeline-order'));
  assert.deepEqual(kinds(model).filter(([, kind]) => kind !== null), [
    ['Timeline', 'timeline'],
    ['Root cause', 'root-cause'],
    ['Actions', 'action-items'],
  ]);
  assert.deepEqual(
    model.actionItems.map((item) => [item.description, item.owner?.value]),
    [['Cache the aggregation results', 'Devs']],
  );
});

test('a promise to answer the reader is the writing, not work', () => {
  const text = [
    '# The week the login broke',
    '',
    'Logins failed for two hours on Tuesday.',
    '',
    'Many of you asked why we cannot simply block the bad traffic; though I will try to answer that here, the vendor docs explain it better.',
    '',
  ].join('\n');
  assert.deepEqual(analysed(text).model.actionItems, []);
});

test('promises told as work under way are follow-up items: steps being taken, analysis continued to prevent a repeat, checks to be reviewed', () => {
  // A page kept as plain text, one long sentence a line: the date that opens it does not make the lines a status update.
  const text = [
    '# Login errors',
    '',
    'On March 4, 2025, some users could not log in for forty minutes because the session store ran out of memory after a traffic spike from a partner integration.',
    'We are taking steps to add memory alerts on every session store node so that the next spike pages someone before users notice.',
    'We are continuing our analysis of the partner traffic and of the store sizing to prevent this from happening again next quarter.',
    'We turned off the experimental session compaction on every node; it will be reviewed before it is enabled again anywhere at all.',
    '',
  ].join('\n');
  const items = analysed(text).model.actionItems.filter((item) => item.status === 'open').map((item) => item.description);
  assert.deepEqual(items, [
    'We are taking steps to add memory alerts on every session store node so that the next spike pages someone before users notice.',
    'We are continuing our analysis of the partner traffic and of the store sizing to prevent this from happening again next quarter.',
    'it will be reviewed before it is enabled again anywhere at all.',
  ]);
});

test('a log of many incidents under "Recent events" is read as no incident\'s root cause', () => {
  const text = [
    '# Search status',
    '',
    '## Current status',
    '',
    'All systems are working.',
    '',
    '## Recent events',
    '',
    'Date: May 2, 2024',
    '',
    'Details: Search was slow for an hour. The slowness was caused by a reindex job that ran during peak traffic.',
    '',
    'Date: April 9, 2024',
    '',
    'Details: Results were stale for a day. The problem was a stuck queue consumer, which was restarted.',
    '',
  ].join('\n');
  assert.ok(!analysed(text).model.sections.some((section) => section.kind === 'root-cause'));
});

test('a post exported from a blog editor: inline <b> labels, actions "taken by" the team, and its "Updates" log', () => {
  const text = [
    '---',
    'title: Node sync alert',
    '---',
    'This alert concerns a sync fault seen on 2024-05-03.',
    '',
    '<strong>Impact: </strong>Medium',
    '',
    '<b>Issue description:</b><span> Nodes on version 2.1 stopped syncing after block 9,001.</span>',
    '',
    '<b>Remedial action taken by Nodeworks</b><span>: a patched release, as below.</span>',
    '<ul>',
    '<li>Release 2.1.1 is published with the fix</li>',
    '</ul>',
    '',
    '<b>Updates:</b>',
    '<ul>',
    '<li>03/05/24 10:15 fault identified</li>',
    '<li>03/05/24 12:40 release 2.1.1 published</li>',
    '</ul>',
    '',
  ].join('\n');
  assert.deepEqual(
    analysed(text).model.sections.map((section) => [section.title, section.kind, section.uncertain]),
    [
      ['Impact', 'impact', false],
      ['Issue description', 'summary', false],
      ['Remedial action taken by Nodeworks', 'action-items', false],
      ['Updates', 'timeline', true],
    ],
  );
  assert.equal(recogniseHeading('Postmortem by Alex'), undefined);
});

test('a lead-in telling the measures under way heads the actions; "The reason for the outage was the following" heads the cause', () => {
  const text = [
    '# Checkout outage',
    '',
    'The checkout was down for an hour on 2024-02-01.',
    '',
    'The reason for the outage was as follows:',
    '',
    'A cache node ran out of memory and took the session store with it.',
    '',
    'We have learned a lot and are making several changes to how we run the cache:',
    '',
    '1. Alert on cache memory above 80%',
    '2. Split the session store from the cache',
    '',
  ].join('\n');
  const { model } = analysed(text);
  assert.deepEqual(kinds(model).filter(([, kind]) => kind !== null).map(([, kind]) => kind), ['root-cause', 'action-items']);
  assert.deepEqual(model.actionItems.map((item) => item.description), ['Alert on cache memory above 80%', 'Split the session store from the cache']);
});

test('a lead-in with an abbreviation in it, telling fixes under way, heads the HTML list after it', () => {
  const text = [
    '# Slow blocks',
    '',
    'Blocks took up to a minute to process on 2024-06-01.',
    '',
    'Before the next release (ie. by Friday), our team and I are busily working on some fixes for the node to stop a repeat:',
    '<ul>',
    '<li>Caching account lookups</li>',
    '<li>Lowering the default gas target</li>',
    '</ul>',
    '',
  ].join('\n');
  assert.deepEqual(analysed(text).model.actionItems.map((item) => item.description), ['Caching account lookups', 'Lowering the default gas target']);
});
