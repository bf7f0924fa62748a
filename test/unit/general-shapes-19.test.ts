// Shapes read in further real postmortems: numbered headings of one kind ("Contributing factor 1", "Contributing factor 2").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

const analysed = (lines: string[]) => analyze(lines.join('\n'), { force: true, today: '2026-12-01' });

test('numbered contributing factors are the contributing factors, in parts, not duplicates of each other', () => {
  const report = (second: string) => [
    '# Silent publish failure',
    '',
    '## Root cause analysis',
    '',
    'The publish step exited with code 0 when the registry refused the upload.',
    '',
    '### Contributing factor 1: no output check',
    '',
    'Nothing read what the publish command printed.',
    '',
    `### ${second}`,
    '',
    'The release was marked done before the registry showed it.',
    '',
  ];
  const result = (second: string) => analysed(report(second));
  const numbered = result('Contributing factor 2: no check after publishing');
  assert.deepEqual(numbered.model?.sections.filter((section) => section.kind === 'contributing-factors').map((section) => section.title), [
    'Contributing factor 1: no output check',
    'Contributing factor 2: no check after publishing',
  ]);
  assert.equal(numbered.findings.filter((finding) => finding.ruleId === 'duplicate-section').length, 0);
  assert.equal(numbered.findings.filter((finding) => finding.message.includes("'Contributing factors' is missing")).length, 0);
  // Two headings of one kind with no count are still duplicates.
  assert.equal(result('Contributing factors').findings.filter((finding) => finding.ruleId === 'duplicate-section').length, 1);
});
