// A draft reads as a checklist: one placeholder finding per line, quiet while the postmortem is a draft or in
// sections that are only template text, and real findings stay loud.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, draftProgress, fixAll, type Finding } from '../../server/src/analysis';

const today = '2025-06-01';
const analysed = (text: string) => analyze(text, { force: true, today });
const placeholderFindings = (text: string): Finding[] => analysed(text).findings.filter((finding) => finding.ruleId === 'placeholder');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

const freshDraft = `# Postmortem: Search index rebuild stalls

- **Date**: 2025-05-20
- **Duration**: TBD
- **Status**: Draft

## Summary

TODO: what happened and how it ended.

## Timeline

- HH:MM TODO: first alert
- HH:MM TODO: incident declared

## Action items

- [ ] [P1] TODO (Owner: [Owner], Due: TBD)
`;

test('each line of template text is one finding, naming each placeholder once', () => {
  const lines = placeholderFindings(freshDraft).filter((finding) => !finding.message.startsWith('Draft'));
  assert.deepEqual(
    lines.map((finding) => [lineOf(freshDraft, finding.span.start), finding.message]),
    [
      [4, "Placeholder 'TBD' is left in."],
      [9, "Placeholder 'TODO' is left in."],
      [13, "Placeholders 'HH:MM', 'TODO' are left in."],
      [14, "Placeholders 'HH:MM', 'TODO' are left in."],
      [18, "Placeholders 'TODO', '[Owner]', 'TBD' are left in."],
    ],
  );
});

test('a line with the same placeholder twice reports it once', () => {
  const text = '# 2025-05-20: Disk full\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Rotate logs daily | TBD | TBD |\n';
  const findings = placeholderFindings(text);
  assert.deepEqual(findings.map((finding) => finding.message), ["Placeholder 'TBD' is left in."]);
});

test('while the status says draft, placeholders are information and the title line says how much is left', () => {
  const findings = placeholderFindings(freshDraft);
  assert.ok(findings.every((finding) => finding.severity === 'info'));
  assert.equal(findings[0].message, 'Draft (its status is draft): 0 of 3 sections written; 5 of 7 lines are still template text.');
  assert.equal(lineOf(freshDraft, findings[0].span.start), 1);
  assert.deepEqual(draftProgress(analysed(freshDraft).model!), { draft: true, reason: 'status', templateLines: 5, textLines: 7, stubSections: ['Summary', 'Timeline', 'Action items'], sections: 3, sectionsWritten: 0 });
});

test('a document that is mostly untouched template text is a draft without saying so', () => {
  const text = freshDraft.replace('- **Status**: Draft\n', '');
  const progress = draftProgress(analysed(text).model!);
  assert.equal(progress.reason, 'template');
  assert.ok(placeholderFindings(text).every((finding) => finding.severity === 'info'));
});

test('a title that says draft makes a draft', () => {
  const text = '# Cache eviction storm (draft)\n\n**Date**: 2025-05-02\n\n## Summary\n\nEvictions spiked after a config push and TODO add the graph.\n\nLatency doubled for twenty minutes.\n';
  assert.equal(draftProgress(analysed(text).model!).reason, 'title');
  assert.deepEqual(placeholderFindings(text).map((finding) => finding.severity), ['info', 'info']);
});

test('a finished postmortem with one placeholder left gets a warning on that line', () => {
  const text = `# 2025-05-02: Cache eviction storm

## Summary

Evictions spiked after a config push. TODO link the dashboard.

## Impact

Latency doubled for twenty minutes for every customer of the EU region.

## Root cause

The push lowered the memory limit of the cache by half.
`;
  const findings = placeholderFindings(text);
  assert.equal(draftProgress(analysed(text).model!).draft, false);
  assert.deepEqual(findings.map((finding) => [lineOf(text, finding.span.start), finding.severity]), [[5, 'warning']]);
});

test('inserting the missing sections turns their errors into information, not warnings', () => {
  const text = `# 2025-05-05: Checkout latency

## Summary

Checkout requests slowed down for forty minutes after a cache node restarted.

## Timeline

- 10:02 Latency alert fires
- 10:40 Cache warmed up, latency normal

## Action items

- [ ] [P1] Warm the cache before a node rejoins (Owner: @mara, Due: 2025-06-03)
`;
  const loud = (findings: readonly Finding[]) => findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => finding.ruleId);
  assert.deepEqual(loud(analysed(text).findings), ['missing-section', 'missing-section']);
  const fixed = fixAll(text, { force: true, today });
  assert.ok(fixed.text.includes('## Impact') && fixed.text.includes('## Root cause'));
  assert.deepEqual(loud(fixed.analysis.findings), []);
  const progress = draftProgress(fixed.analysis.model!);
  assert.ok(progress.stubSections.includes('Impact') && progress.stubSections.includes('Root cause'));
  assert.ok(fixed.analysis.findings.some((finding) => finding.ruleId === 'placeholder' && finding.severity === 'info'));
});

test('real findings stay loud in a draft', () => {
  const text = freshDraft.replace('- HH:MM TODO: first alert\n- HH:MM TODO: incident declared\n', '- 10:40 Index rebuild restarted\n- 10:05 Rebuild alert fires\n');
  const order = analysed(text).findings.filter((finding) => finding.ruleId === 'timeline-order');
  assert.equal(order.length, 1);
  assert.equal(order[0].severity, 'warning');
});

test('a section counts as written once it holds a line that is not untouched template text, its sub-sections included', () => {
  const text = freshDraft
    .replace('TODO: what happened and how it ended.', 'The rebuild stalled for an hour after a schema change. TODO: add the graph.')
    .replace('## Action items\n\n', '## Action items\n\n### Short-term\n\n- [ ] [P1] Alert when a rebuild stalls (Owner: @ines, Due: 2025-06-20)\n');
  const progress = draftProgress(analysed(text).model!);
  assert.deepEqual([progress.sectionsWritten, progress.sections], [2, 3]);
  const title = placeholderFindings(text)[0];
  assert.match(title.message, /^Draft \(its status is draft\): 2 of 3 sections written; /);
});

test('an empty section is not written, and a heading the template does not know is not counted', () => {
  const text = '# Postmortem: Queue backlog\n\n**Status**: draft\n\n## Summary\n\n## Notes\n\nThe consumers were paused.\n\n## Timeline\n\n- 09:00 Backlog alert fires\n';
  const progress = draftProgress(analysed(text).model!);
  assert.deepEqual([progress.sectionsWritten, progress.sections], [1, 2]);
});
