// The corpus evaluation itself (bench/eval), on a tiny labelled corpus written for it: every count is checked by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus, type LabelledDocument } from '../../bench/eval/corpus';
import { evaluateDocument, labelledDone, sentencePlace } from '../../bench/eval/document';
import { evaluateCorpus } from '../../bench/eval/evaluate';
import { runEval } from '../../bench/eval/run';
import { normaliseHeadingText } from '../../bench/eval/sections';
import { splitOf, stableHash } from '../../bench/eval/split';
import { fixturePath } from '../helpers';

const folder = fixturePath('eval-corpus');
const corpus = readCorpus(folder);
const [all] = evaluateCorpus(corpus, { show: ['all'] }).results;
const figures = all.figures;

function document(file: string): LabelledDocument {
  const found = corpus.documents.find((candidate) => candidate.file === file);
  assert.ok(found, file);
  return found;
}

describe('corpus evaluation on its own fixture corpus', () => {
  it('reads every labelled document and both sentence files', () => {
    assert.deepEqual(corpus.documents.map((doc) => doc.file), ['a-checkout-errors.md', 'b-renamed-sections.md', 'c-chronological.md']);
    assert.equal(corpus.sentenceFiles.get('sentences.tsv')?.length, 4);
    assert.equal(corpus.sentenceFiles.get('sentences-extra.tsv')?.filter((sentence) => sentence.borderline).length, 1);
    assert.equal(document('b-renamed-sections.md').labels.sections.get('summary'), 'In one paragraph');
  });

  it('judges "missing" findings: right when the labels have none, wrong when the section is there under another name', () => {
    const renamed = evaluateDocument(document('b-renamed-sections.md'), []);
    const verdicts = renamed.findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.verdict);
    assert.deepEqual([...verdicts].sort(), ['correct', 'wrong', 'wrong'], 'impact is really missing; summary and action items are under other headings');
    assert.equal(renamed.missingButPresent, 2);
    assert.equal(renamed.sections.get('summary'), 'missed');
    assert.equal(renamed.sections.get('impact'), 'absent');
    // Two headings are not read ("In one paragraph", "Our promises"): fix-all leaves the insertion to the writer.
    assert.equal(renamed.fix.insertsPresentSection, false, 'fix-all adds no Summary while headings are left unread');
    assert.deepEqual(figures.sections.requiredFindings, { hits: 1, total: 3 });
    assert.equal(figures.sections.missingButPresent, 2);
    const summary = figures.sections.kinds.find((kind) => kind.kind === 'summary');
    assert.deepEqual(summary && [summary.labelled, summary.correct, summary.wrong, summary.missed], [3, 2, 0, 1]);
  });

  it('finds the planted out-of-order timeline line and raises no false alarm', () => {
    const checkout = evaluateDocument(document('a-checkout-errors.md'), []);
    assert.deepEqual(checkout.timeline, { labelled: 1, foundAtLine: 1, findings: 1, falseAlarms: 0 });
    assert.deepEqual(figures.timeline.recall, { hits: 1, total: 1 });
    assert.equal(figures.timeline.falseAlarms, 0);
    assert.equal(figures.fix.reordersChronologicalTimeline, 0);
  });

  it('counts action items and owner and due findings against the labelled counts', () => {
    assert.deepEqual(figures.actionItems.items, { hits: 5, total: 5 }, 'the two task boxes under "Our promises" are found though no heading names the section');
    assert.deepEqual(figures.actionItems.ownerRecall, { hits: 1, total: 1 });
    assert.deepEqual(figures.actionItems.duePrecision, { hits: 1, total: 1 });
  });

  it('compares owner and due findings with the open items: done items the labels count are left out', () => {
    const text = ['# Postmortem: queue backlog on 2024-04-02', '', '## Action items', '', '- [x] Roll back the consumer', '- [ ] Add a backlog alert', ''].join('\n');
    const labels = { sections: new Map(), actionItems: { count: 2, withoutOwner: 2, withoutDue: 2 }, timelineChronological: null, outOfOrderLines: [] };
    const result = evaluateDocument({ file: 'inline.md', text, labels }, []);
    assert.deepEqual([result.actionItems.doneWithoutOwner, result.actionItems.ownerFindings, result.actionItems.doneWithoutDue, result.actionItems.dueFindings], [1, 1, 1, 1]);
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'action-item-owner').map((finding) => finding.verdict), ['correct']);
  });

  it('leaves done items on the labelled count when the count has no room for them: that labeller did not count them', () => {
    const text = ['# Postmortem: relay outage on 2024-04-02', '', '## Action items', '', '- [x] Roll back the relay', '- [x] Refund the missed slots', '- [ ] Add a simulation timeout alert', ''].join('\n');
    const labels = { sections: new Map(), actionItems: { count: 1, withoutOwner: 1, withoutDue: 1 }, timelineChronological: null, outOfOrderLines: [] };
    const result = evaluateDocument({ file: 'inline.md', text, labels }, []);
    assert.deepEqual([result.actionItems.doneWithoutOwner, result.actionItems.doneWithoutDue], [0, 0]);
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'action-item-owner').map((finding) => finding.verdict), ['correct']);
    assert.equal(labelledDone(3, 1, 2), 2);
    assert.equal(labelledDone(2, 2, 1), 0);
    assert.equal(labelledDone(2, 1, 3), 1);
  });

  it('judges an empty-section finding by what stands under the heading', () => {
    const text = ['# Postmortem: queue backlog on 2024-04-02', '', '## Lessons learned', '', '### What went well', '', '<!-- fill in -->', '', '## Timeline', '', '- 09:10 deploy', ''].join('\n');
    const labels = { sections: new Map([['lessons-learned', 'Lessons learned'] as const]), actionItems: { count: 0, withoutOwner: 0, withoutDue: 0 }, timelineChronological: true, outOfOrderLines: [] };
    const result = evaluateDocument({ file: 'inline.md', text, labels }, []);
    const empty = result.findings.filter((finding) => finding.ruleId === 'empty-section');
    assert.ok(empty.length > 0);
    assert.ok(empty.every((finding) => finding.verdict === 'correct'));
  });

  it('judges blame by line in context and per sentence in isolation', () => {
    assert.deepEqual(figures.blame.inContext.recall, { hits: 1, total: 1 });
    assert.deepEqual(figures.blame.inContext.precision, { hits: 1, total: 1 });
    const checkout = evaluateDocument(document('a-checkout-errors.md'), []);
    assert.equal(checkout.findings.find((finding) => finding.ruleId === 'blameful-language')?.verdict, 'wrong', 'with no blame labelled, a blame finding is wrong');
    const extra = figures.blame.isolation.find((file) => file.file === 'sentences-extra.tsv');
    assert.deepEqual(extra?.recallClear, { hits: 1, total: 1 });
    assert.equal(extra?.recallBorderline.total, 1);
    assert.equal(figures.fix.removesCharacters, 0);
  });

  it('places a labelled sentence on its characters, over the lines it is hard-wrapped across', () => {
    const text = ['# Notes', '', 'The cache was full. Nobody on the rota could reach', 'the [admin console](https://example.test/console) that night,', 'so the restart waited.', '', 'Next paragraph.'].join('\n');
    const first = sentencePlace(text, 3, 'The cache was full.');
    assert.equal(text.slice(first.start, first.end), 'The cache was full.');
    assert.deepEqual(first.lines, { first: 3, last: 3 });
    const wrapped = sentencePlace(text, 3, 'Nobody on the rota could reach the admin console that night, so the restart waited.');
    assert.ok(text.slice(wrapped.start, wrapped.end).startsWith('Nobody on the rota') && text.slice(wrapped.start, wrapped.end).endsWith('restart waited.'));
    assert.deepEqual(wrapped.lines, { first: 3, last: 5 });
    const unmatched = sentencePlace(text, 3, 'A sentence that is not in the text.');
    assert.equal(text.slice(unmatched.start, unmatched.end), 'The cache was full. Nobody on the rota could reach', 'an unmatched sentence keeps its whole start line');
  });

  it('credits a blame finding to the labelled sentence it falls in, not to another on the same line', () => {
    const text = ['# Cache incident', '', '## Summary', '', 'The cache filled up overnight. Then the intern carelessly deleted the backup volume.', ''].join('\n');
    const labelled = { file: 'same-line.md', text, labels: { sections: new Map(), actionItems: { count: 0, withoutOwner: 0, withoutDue: 0 }, timelineChronological: null, outOfOrderLines: [] } };
    const onBlame = evaluateDocument(labelled, [sentencePlace(text, 5, 'Then the intern carelessly deleted the backup volume.')]);
    assert.equal(onBlame.findings.find((finding) => finding.ruleId === 'blameful-language')?.verdict, 'correct');
    assert.deepEqual(onBlame.blameInContext, { labelled: 1, found: 1 });
    const onOther = evaluateDocument(labelled, [sentencePlace(text, 5, 'The cache filled up overnight.')]);
    assert.equal(onOther.findings.find((finding) => finding.ruleId === 'blameful-language')?.verdict, 'wrong', 'the finding is on the neighbouring sentence');
    assert.deepEqual(onOther.blameInContext, { labelled: 1, found: 0 });
  });

  it('splits documents and sentences by a stable FNV-1a hash', () => {
    assert.equal(stableHash('a'), 0xe40c292c);
    assert.equal(splitOf('a'), stableHash('a') % 100 < 30 ? 'held-out' : 'tune');
    const [tune, heldOut] = evaluateCorpus(corpus, { show: ['tune', 'held-out'] }).results;
    assert.equal(tune.figures.documents + heldOut.figures.documents, 3);
  });

  it('matches labelled headings by their visible text', () => {
    assert.equal(normaliseHeadingText('**Root Cause**: <a name="rc"></a>'), 'root cause');
    assert.equal(normaliseHeadingText('Timeline (UTC) {#timeline}'), 'timeline (utc)');
  });
});

describe('the eval command', () => {
  it('skips with one line and exit 0 when the corpus folder is absent', () => {
    const absent = fixturePath('no-such-corpus');
    assert.deepEqual(runEval([absent]), { exitCode: 0, output: `eval: skipped, there is no labelled corpus at ${absent}\n` });
  });

  it('prints Markdown by default and JSON with --json, for the split asked for', () => {
    const markdown = runEval([folder, '--split', 'all']);
    assert.equal(markdown.exitCode, 0);
    assert.match(markdown.output, /\| Required-section findings correct \| 0\.33 \(1\/3\) \| >= 0\.97 \|/);
    const json = JSON.parse(runEval(['--json', folder, '--split', 'tune']).output) as { corpus: string; results: { split: string }[] };
    assert.equal(json.corpus, folder);
    assert.deepEqual(json.results.map((result) => result.split), ['tune']);
  });

  it('lists the tune split\'s mistakes when asked', () => {
    const tuneMistakes = evaluateCorpus(corpus, { show: ['tune'], listMistakes: 'tune' }).mistakes?.lines;
    assert.ok(tuneMistakes?.includes('b-renamed-sections.md: section summary missed'));
    assert.ok(tuneMistakes?.includes("b-renamed-sections.md:1: missing-section judged wrong: Required section 'Summary' is missing."));
    assert.equal(evaluateCorpus(corpus, { show: ['tune'] }).mistakes, undefined);
  });

  it('lists held-out mistakes too only when the corpus is opened whole for tuning', () => {
    // A sentence labelled blame that no detector would flag, with a text the hash puts in the held-out split.
    const heldOutText = Array.from({ length: 50 }, (_, day) => `The queue drained on day ${day}.`).find((text) => splitOf(text) === 'held-out');
    assert.ok(heldOutText);
    const extra = [{ blame: true, borderline: false, text: heldOutText, file: undefined, line: undefined }];
    const opened = { ...corpus, sentenceFiles: new Map([...corpus.sentenceFiles, ['sentences-probe.tsv', extra]]) };
    const line = `sentences-probe.tsv: missed blame: ${heldOutText}`;
    assert.ok(evaluateCorpus(opened, { show: ['all'], listMistakes: 'all' }).mistakes?.lines.includes(line));
    assert.ok(!evaluateCorpus(opened, { show: ['all'], listMistakes: 'tune' }).mistakes?.lines.includes(line));
    assert.match(runEval([folder, '--list-all-mistakes']).output, /## Mistakes on the whole corpus \(opened for tuning\)\n\n- b-renamed-sections\.md: section summary missed/);
  });

  it('refuses an unknown split', () => {
    assert.equal(runEval([folder, '--split', 'everything']).exitCode, 2);
  });
});
