// Incident reports written to a form: an "Assessment" that explains the cause, improvements grouped by area with
// "N/A" where there is none, "Remediation measures", a status page's heading on becoming more resilient, the updates
// a status page prints below its postmortem, and a table that walks through events step by step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

function read(text: string) {
  const analysis = analyze(text, { force: true, today: '2026-12-01' });
  const items = (analysis.model?.actionItems ?? []).map((item) => ({ text: item.description, status: item.status }));
  return { model: analysis.model, items, findings: analysis.findings };
}

test('the headings of a form: an assessment explains the cause, improvements by area are actions, both loosely', () => {
  assert.deepEqual(recogniseHeading('Assessment'), { kind: 'root-cause', uncertain: true });
  assert.deepEqual(recogniseHeading('Incident assessment'), { kind: 'root-cause', uncertain: true });
  assert.deepEqual(recogniseHeading('Impact assessment'), { kind: 'impact', uncertain: false });
  assert.deepEqual(recogniseHeading('Technical improvements'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('Documentation improvements'), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('Performance improvements in the new release')?.kind, undefined);
});

test('"Remediation measures" and "How we\'re becoming more resilient" name the actions', () => {
  assert.deepEqual(recogniseHeading('Remediation Measures'), { kind: 'action-items', uncertain: false });
  assert.deepEqual(recogniseHeading('Remediation steps'), { kind: 'action-items', uncertain: false });
  assert.deepEqual(recogniseHeading('How we’re becoming more resilient after this'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('How we are making the queue more robust'), { kind: 'action-items', uncertain: true });
});

test('what the team has already done, and what it takes from the incident', () => {
  assert.deepEqual(recogniseHeading("What we've already done"), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading("What we're taking from this"), { kind: 'lessons-learned', uncertain: true });
  assert.deepEqual(recogniseHeading('What we took away from the outage'), { kind: 'lessons-learned', uncertain: true });
  assert.equal(recogniseHeading('What we took from the shelf'), undefined);
});

test('a form\'s improvements list "N/A" where there is nothing to do: that entry is no item', () => {
  const { items, findings } = read(
    [
      '# Incident 0007: stale price feed',
      '',
      '## Assessment',
      '',
      'The feed configuration was generated once and never refreshed.',
      '',
      '## Technical improvements',
      '',
      '1. Regenerate the feed configuration every hour.',
      '',
      '## Documentation improvements',
      '',
      '1. N/A.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(items.map((item) => item.text), ['Regenerate the feed configuration every hour.']);
  assert.ok(!findings.some((finding) => finding.ruleId === 'missing-section' && /Root cause|Action items/.test(finding.message)));
});

test('the updates a status page prints below its postmortem are not the actions', () => {
  const { items } = read(
    [
      'Incident Report for Example',
      '',
      'What happened',
      '',
      'The primary database failed over and the connection pooler did not reconnect.',
      '',
      'How we’re becoming more robust',
      '',
      'We have shortened the keepalive timeouts so that the pooler reconnects within a minute.',
      '',
      'Resolved',
      'This incident has been resolved. We will keep watching the error rates.',
      'Posted Jun 30, 2022 - 16:12 UTC',
      '',
    ].join('\n'),
  );
  assert.deepEqual(items, [{ text: 'We have shortened the keepalive timeouts so that the pooler reconnects within a minute.', status: 'done' }]);
});

test('a table that walks through events step by step, under a heading read as the actions, holds no items', () => {
  const { items } = read(
    [
      '# Double submission',
      '',
      '## Action items',
      '',
      '| Timestep | Server 1 | Server 2 |',
      '| --- | --- | --- |',
      '| 1 | Read the record | |',
      '| 2 | | Read the record |',
      '',
      '| Action | Owner |',
      '| --- | --- |',
      '| Wrap the submission in one transaction | @lee |',
      '',
    ].join('\n'),
  );
  assert.deepEqual(items.map((item) => item.text), ['Wrap the submission in one transaction']);
});

test('"Plans for the Future" heads the actions, and a forecast under it is no item', () => {
  assert.deepEqual(recogniseHeading('Plans for the Future'), { kind: 'action-items', uncertain: true });
  const { items } = read(
    [
      '# Our first outage',
      '',
      '## Plans for the Future',
      '',
      'We plan to write a reference mirror so that mirror maintainers can deploy one easily.',
      '',
      'The project is still small, but there will be a point where no free service can carry its traffic.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(items.map((item) => item.text), ['We plan to write a reference mirror so that mirror maintainers can deploy one easily.']);
});

test('a lead-in that walks the reader through options suggested to the writers opens no actions', () => {
  const { model, items } = read(
    [
      '# Our first outage',
      '',
      'The download server ran out of bandwidth.',
      '',
      "Here I'll walk through a few fixes readers proposed to keep the server up:",
      '',
      '- Use a CDN: we would pay for traffic we do not want.',
      '- Host the releases elsewhere: we would depend on one more provider.',
      '',
    ].join('\n'),
  );
  assert.ok(!model?.sections.some((section) => section.kind === 'action-items'));
  assert.deepEqual(items, []);
});

test('an FAQ whose entries open on bold questions: each question heads its answer, and the steps taken are done items', () => {
  const { model, items } = read(
    [
      '# Member data leak',
      '',
      'An old wiki server listed its files to anyone.',
      '',
      '- **Who is affected?** Members who joined from 2006 to 2014.',
      '- **What steps have we taken to fix the leak?** We have disabled directory listings and removed the files.',
      '',
      'We will review our data retention policies.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    model?.sections.filter((section) => section.kind !== undefined).map((section) => [section.kind, section.title]),
    [
      ['impact', 'Who is affected?'],
      ['action-items', 'What steps have we taken to fix the leak?'],
    ],
  );
  // The section tells what was done; the promise below it is the open follow-up.
  assert.deepEqual(items, [
    { text: 'We have disabled directory listings and removed the files.', status: 'done' },
    { text: 'We will review our data retention policies.', status: 'open' },
  ]);
});

test('"Future measures" heads the actions', () => {
  assert.deepEqual(recogniseHeading('Future measures'), { kind: 'action-items', uncertain: true });
});

test('a bold label with a qualifier in inline HTML after it still opens its section; "Effected service" is the impact', () => {
  const { model } = read(
    ['# Data centre outage', '', '**Timeline of Events** <small>(Central Time)</small>', '', '- 9:10PM Power lost at the data centre', '- 11:55PM Services coming back', '', '**Effected Service**', '', 'Web hosting and mail.', ''].join('\n'),
  );
  assert.deepEqual(
    model?.sections.filter((section) => section.kind !== undefined).map((section) => [section.kind, section.title]),
    [
      ['timeline', 'Timeline of Events'],
      ['impact', 'Effected Service'],
    ],
  );
});

test('a status page\'s question headings: customers impacted, what the company will do or has done, highlights of the response', () => {
  assert.deepEqual(recogniseHeading('How were customers impacted?'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('What will Acme do to stop a repeat?'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('What has the infrastructure team done about this?'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading("Some of what we're doing next:"), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('What has happened?')?.kind, 'summary');
});

test('next steps named for the users are theirs, not the team\'s actions', () => {
  assert.equal(recogniseHeading('User Next Steps'), undefined);
  assert.equal(recogniseHeading('Customer actions'), undefined);
  assert.deepEqual(recogniseHeading('Next Steps'), { kind: 'action-items', uncertain: false });
});

test('a plain-text status page whose header lines run into its first heading still opens that section', () => {
  const { model } = read(['Queue stalled', 'Incident Report for Acme', 'Resolved', 'Overview', '', 'For ten minutes no message left the queue.', ''].join('\n'));
  assert.deepEqual(
    model?.sections.filter((section) => section.kind !== undefined).map((section) => [section.kind, section.title]),
    [['summary', 'Overview']],
  );
  // A last line that only loosely names a section stays part of the paragraph.
  const loose = read(['Queue stalled', 'Incident Report for Acme', 'Details', '', 'For ten minutes no message left the queue.', ''].join('\n'));
  assert.ok(!loose.model?.sections.some((section) => section.kind !== undefined));
});
