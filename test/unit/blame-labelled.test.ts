// The labelled sentences through the real analysis: precision and recall on both splits, and every rewrite checked.
// Held-out entries are never named in a failure message: only aggregate figures and positions, so nobody tunes on them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/text';
import {
  blameSplits,
  confusion,
  findingsFor,
  placeSentence,
  precision,
  readActionItems,
  readSentences,
  recall,
  scoreActionItems,
  scoreSentences,
  mayStandWithoutFix,
  type LabelledSentence,
} from './blame-support';

const tune = readSentences(blameSplits.tune);
const tune2 = readSentences(blameSplits.tune2);
const tune3 = readSentences(blameSplits.tune3);
const heldOut = readSentences(blameSplits.heldOut);
const heldOut2 = readSentences(blameSplits.heldOut2);

function figures(entries: readonly LabelledSentence[]) {
  const counts = confusion(scoreSentences(entries));
  return { precision: precision(counts), recall: recall(counts), counts };
}

describe('labelled sentences', () => {
  it('are enough, about 40% blameful, with both splits present', () => {
    const all = [...tune, ...heldOut];
    assert.ok(all.length >= 300, `${all.length} sentences`);
    assert.ok(heldOut.length >= 100, `${heldOut.length} held-out sentences`);
    const blameful = all.filter((entry) => entry.label !== 'clean').length / all.length;
    assert.ok(blameful > 0.3 && blameful < 0.5, `${(blameful * 100).toFixed(0)}% blameful`);
  });

  // Both held-out sets meet the targets; the second was written after all tuning and measured once.
  for (const [split, entries] of [
    ['held-out', heldOut],
    ['held-out-2', heldOut2],
  ] as const) {
    it(`${split}: precision at least 0.95 and recall at least 0.85`, () => {
      const result = figures(entries);
      assert.ok(result.precision >= 0.95, `${split} precision ${result.precision.toFixed(3)} (${JSON.stringify(result.counts)})`);
      assert.ok(result.recall >= 0.85, `${split} recall ${result.recall.toFixed(3)} (${JSON.stringify(result.counts)})`);
    });
  }

  for (const [split, entries, floors] of [
    ['tune', tune, { precision: 0.95, recall: 0.9 }],
    ['tune-2', tune2, { precision: 0.95, recall: 0.85 }],
    // Measured before tuning on it: precision 0.929, recall 0.582.
    ['tune-3', tune3, { precision: 0.95, recall: 0.8 }],
  ] as const) {
    it(`${split}: precision at least ${floors.precision} and recall at least ${floors.recall}`, () => {
      const scored = scoreSentences(entries);
      const counts = confusion(scored);
      const wrong = scored.filter((item) => item.actual !== item.predicted).map((item) => `${item.predicted ? 'FP' : 'FN'}: ${item.entry.text}`);
      assert.ok(precision(counts) >= floors.precision, `${split} precision ${precision(counts).toFixed(3)}\n${wrong.join('\n')}`);
      assert.ok(recall(counts) >= floors.recall, `${split} recall ${recall(counts).toFixed(3)}\n${wrong.join('\n')}`);
    });
  }
});

describe('rewrites of every finding in the labelled sentences', () => {
  for (const [split, entries] of [
    ['tune', tune],
    ['tune-2', tune2],
    ['tune-3', tune3],
    ['held-out', heldOut],
    ['held-out-2', heldOut2],
  ] as const) {
    it(`${split}: one to three rewrites (none only where questions cannot replace the sentence), each changing only its sentence and no longer reported`, () => {
      entries.forEach((entry, index) => {
        const heldOutSplit = split === 'held-out' || split === 'held-out-2';
        const where = heldOutSplit ? `${split} entry #${index + 1}` : entry.text;
        const placed = placeSentence(entry);
        for (const finding of findingsFor(placed, 'blameful-language')) {
          const fewest = mayStandWithoutFix(entry.text, entry.section) ? 0 : 1;
          assert.ok(finding.suggestions.length >= fewest && finding.suggestions.length <= 3, `${finding.suggestions.length} rewrites for ${where}`);
          for (const suggestion of finding.suggestions) {
            assert.equal(suggestion.edits.length, 1, where);
            const [edit] = suggestion.edits;
            const fixed = applyEdits(placed.document, suggestion.edits);
            assert.ok(edit.span.start >= placed.span.start && edit.span.end <= placed.span.end, `the edit stays in the sentence: ${where}`);
            assert.equal(fixed.slice(0, edit.span.start), placed.document.slice(0, edit.span.start), where);
            assert.equal(fixed.slice(edit.span.start + edit.newText.length), placed.document.slice(edit.span.end), where);
            assert.notEqual(edit.newText, placed.document.slice(edit.span.start, edit.span.end), where);
            const rewritten = { start: edit.span.start, end: edit.span.start + edit.newText.length };
            const again = analyze(fixed, { force: true, today: '2024-06-01' }).findings.filter(
              (other) => other.ruleId === 'blameful-language' && other.span.start < rewritten.end && rewritten.start < other.span.end,
            );
            // Held-out findings are counted, never quoted.
            if (!heldOutSplit) assert.deepEqual(again.map((other) => other.message), [], `rewrite still reported: ${edit.newText}`);
            else assert.equal(again.length, 0, `a rewrite of ${where} is still reported`);
          }
        }
      });
    });
  }
});

describe('labelled action items', () => {
  it('tune: every try-harder item is found and no systemic one is', () => {
    const scored = scoreActionItems(readActionItems('tune'));
    const wrong = scored.filter((item) => item.actual !== item.predicted).map((item) => `${item.predicted ? 'FP' : 'FN'}: ${item.entry.text}`);
    assert.deepEqual(wrong, []);
  });

  it('held-out: precision at least 0.9 and recall at least 0.85', () => {
    const counts = confusion(scoreActionItems(readActionItems('held-out')));
    assert.ok(precision(counts) >= 0.9, `held-out try-harder precision ${precision(counts).toFixed(3)}`);
    assert.ok(recall(counts) >= 0.85, `held-out try-harder recall ${recall(counts).toFixed(3)}`);
  });
});
