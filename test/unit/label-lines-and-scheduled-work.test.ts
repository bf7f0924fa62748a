// Shapes of status pages and short posts: a section label at the start of a line inside a paragraph, or run into the
// list above it, is the section the document has; "Are <things> affected?" asks the impact; work scheduled or set in
// motion in prose is an action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { recogniseHeading } from '../../server/src/analysis/sections';

const today = '2026-12-01';

function analysed(text: string) {
  const analysis = analyze(text, { force: true, today });
  assert.ok(analysis.model);
  return { model: analysis.model, missing: analysis.findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.message) };
}

test('a label opening a line inside a paragraph, or run into a list, names a section the document has', () => {
  const { missing } = analysed(
    [
      'Service outage: May 2, 8.10 pm to 9.40 pm EST.',
      'Root cause: the certificate expired while its renewal waited for validation.',
      'Mitigation steps: we now call the authority as soon as a renewal is ordered.',
      '',
    ].join('\n'),
  );
  assert.ok(!missing.some((message) => message.includes("'Action items'")), missing.join(' | '));
  const ran = analysed(['The outage had two causes:', '* a lock that never released', '* a scan of the whole user table', 'Remediation:', '* Replace the lock', '* Index the lookup columns', ''].join('\n'));
  assert.ok(!ran.missing.some((message) => message.includes("'Action items'")), ran.missing.join(' | '));
});

test('a label inside a list entry or in front matter tells part of that entry, not a section', () => {
  const { missing } = analysed(
    ['---', 'description: Queue backlog on the web workers', '---', '', '## 2024-03-02 02:20 UTC', '', '- Update 1 at 02:35', '  - Mitigations: restarted the web workers by hand.', ''].join('\n'),
  );
  assert.ok(missing.some((message) => message.includes("'Summary'")), missing.join(' | '));
  assert.ok(missing.some((message) => message.includes("'Action items'")), missing.join(' | '));
});

test('"Are <things> affected?" asks the impact', () => {
  assert.equal(recogniseHeading('Are self-hosted installations affected?')?.kind, 'impact');
  assert.equal(recogniseHeading('Is my data affected?')?.kind, 'impact');
  assert.equal(recogniseHeading('Was the fix deployed?')?.kind, undefined);
});

test('work scheduled or set in motion in prose is an action', () => {
  const { model } = analysed(
    [
      '# Payment page errors',
      '',
      'For an hour the payment page returned errors because an internal certificate had expired.',
      'It was the one certificate our inventory did not track. Its renewal check has been scheduled to be added.',
      '',
      'Like last spring, we have scheduled time to go over the failover design with the hosting provider.',
      '',
    ].join('\n'),
  );
  assert.equal(model.actionItems.length, 2);
});
