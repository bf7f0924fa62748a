import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, mergeConfig } from '../../server/src/analysis';
import { defaultConfig } from '../../server/src/analysis/config';
import { ruleIds } from '../../server/src/analysis/rules';

const doc = [
  '# Postmortem: Cache outage',
  '',
  '**Date**: 2024-01-10',
  '**Severity**: SEV-3',
  '',
  '## Summary',
  '',
  'The cache cluster lost quorum; the outage lasted 3 hours.',
  '',
  '## The long night',
  '',
  '- 10:00 Cache errors rise',
  '- 10:30 Cluster restarted',
  '',
  '## Action items',
  '',
  '- [ ] [P0] Add a quorum alert (Owner: @kim, Due: 2024-01-30)',
  '',
].join('\n');

const ids = (text: string, config = defaultConfig()) => analyze(text, { force: true, today: '2024-01-12', config }).findings.map((f) => `${f.ruleId}:${f.severity}`);

test('defaults report what the document lacks, with each rule at its default severity', () => {
  // "The long night" is no timeline by default, so the timeline is missing and no duration is checked.
  assert.deepEqual(ids(doc), [
    'missing-recommended-section:info',
    'missing-recommended-section:info',
    'missing-recommended-section:info',
    'missing-recommended-section:info',
    'missing-section:error',
    'missing-section:error',
    'missing-section:error',
    'action-item-due-window:warning',
  ]);
});

test('config turns rules off, changes severities, adds aliases and widens due windows', () => {
  const { config, problems } = mergeConfig(
    defaultConfig(),
    {
      rules: { 'missing-recommended-section': 'off', 'duration-mismatch': 'error', 'action-item-due-window': ['warning', { P0: 30 }] },
      sections: { aliases: { timeline: ['The long night'] }, required: ['summary', 'timeline', 'action-items'] },
    },
    'settings',
    ruleIds,
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(ids(doc, config), ['duration-mismatch:error']);
});

test('a stated duration in the summary is checked against the timeline', () => {
  const { config } = mergeConfig(defaultConfig(), { sections: { aliases: { timeline: ['The long night'] } } }, 'settings', ruleIds);
  const finding = analyze(doc, { force: true, today: '2024-01-12', config }).findings.find((f) => f.ruleId === 'duration-mismatch');
  assert.equal(finding?.message, 'Stated duration 3h disagrees with the timeline, which spans 30m.');
  assert.equal(doc.slice(finding.span.start, finding.span.end), 'lasted 3 hours');
});

test('documents that are not postmortems get no findings, and say why', () => {
  const result = analyze('# Team notes\n\nTODO: lunch\n', { path: '/repo/notes.md', root: '/repo' });
  assert.deepEqual([result.postmortem, result.findings, result.reason], [false, [], 'no postmortem front matter, path or first heading']);
});

test('an empty or odd document does not throw', () => {
  for (const text of ['', '\uFEFF', '---\n', '---\n: [\n---\n# Postmortem', '# Postmortem\n\n## Timeline\n\n| Time |\n|--|\n| |\n', '\u0000\u0000']) {
    assert.doesNotThrow(() => analyze(text, { force: true }));
  }
});
