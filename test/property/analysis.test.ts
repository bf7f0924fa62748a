// Properties of the analysis for any document: it never throws, its ranges are inside the text,
// every fix edits only its ranges and keeps the author's words, a fix is not offered again once
// applied, and fix-all converges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, fixAll, AnalysisCache, type Analysis } from '../../server/src/analysis';
import type { Finding, Fix, Span } from '../../server/src/analysis/model';
import { applyEdits, removedCharacters } from '../../server/src/analysis/text';
import { anyText, mutatedFixture, numRuns, printSeed, seed } from './documents';

const today = '2024-06-01';

/** What `analyze` reports when a rule or the parser threw: never acceptable, except refusing absurd nesting or emphasis. */
const internalFailure = /^Rule '.*' failed on this document|^This document could not be analysed: (?!it has lists or block quotes nested|the paragraph at line \d+ has more than [\d,]+ emphasis markers and brackets)/;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkSpan(span: Span, text: string, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: ${JSON.stringify(span)} is not integral`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: ${JSON.stringify(span)} is outside 0..${text.length}`);
}

function fixesOf(finding: Finding): Fix[] {
  return [finding.fix, ...finding.suggestions].filter((fix) => fix !== undefined);
}

/** Applies one fix and checks that only its ranges changed. */
function checkFix(text: string, fix: Fix, ruleId: string): string {
  for (const edit of fix.edits) checkSpan(edit.span, text, `${ruleId} fix '${fix.title}'`);
  const fixed = applyEdits(text, fix.edits);
  const sorted = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  // Walk the result: every stretch between two edits is the original text, byte for byte.
  let cursor = 0;
  let position = 0;
  for (const edit of sorted) {
    const between = text.slice(cursor, edit.span.start);
    assert.equal(fixed.slice(position, position + between.length), between, `${ruleId} fix '${fix.title}' changed text outside its ranges`);
    position += between.length + edit.newText.length;
    cursor = edit.span.end;
  }
  assert.equal(fixed.slice(position), text.slice(cursor), `${ruleId} fix '${fix.title}' changed text after its ranges`);
  if (fix.safe) assert.deepEqual(removedCharacters(text, fixed), [], `${ruleId} safe fix '${fix.title}' removed text`);
  // An emoji or any character beyond the first plane is two code units: a fix never cuts one in two.
  if (!loneSurrogate.test(text)) assert.doesNotMatch(fixed, loneSurrogate, `${ruleId} fix '${fix.title}' cut a character in two`);
  return fixed;
}

function checkAnalysis(text: string, analysis: Analysis): void {
  for (const finding of analysis.findings) {
    assert.doesNotMatch(finding.message, internalFailure);
    checkSpan(finding.span, text, finding.ruleId);
    for (const related of finding.related) checkSpan(related.span, text, `${finding.ruleId} related`);
  }
}

/** The whole contract for one document. */
function checkDocument(text: string): void {
  const cache = new AnalysisCache();
  const analysis = analyze(text, { force: true, today, cache });
  checkAnalysis(text, analysis);
  for (const finding of analysis.findings) {
    for (const fix of fixesOf(finding)) {
      const fixed = checkFix(text, fix, finding.ruleId);
      const again = analyze(fixed, { force: true, today, cache });
      checkAnalysis(fixed, again);
      const offered = again.findings.flatMap(fixesOf).find((other) => other.title === fix.title && JSON.stringify(other.edits) === JSON.stringify(fix.edits));
      assert.equal(offered, undefined, `${finding.ruleId} offers '${fix.title}' again at the same place after it was applied`);
    }
  }
  const all = fixAll(text, { force: true, today, cache });
  checkAnalysis(all.text, all.analysis);
  assert.deepEqual(removedCharacters(text, all.text), [], 'fix-all removed text');
  assert.deepEqual(all.analysis.findings.filter((f) => f.fix?.safe).map((f) => `${f.ruleId}: ${f.fix?.title}`), [], 'fix-all left safe fixes behind');
  assert.equal(fixAll(all.text, { force: true, today, cache }).applied, 0, 'fix-all is not idempotent');
}

printSeed();

describe('analysis properties', () => {
  it('any string: analysis, fixes and fix-all keep the contract', () => {
    fc.assert(fc.property(anyText, checkDocument), { numRuns, seed });
  });

  it('mutated fixture postmortems: analysis, fixes and fix-all keep the contract', () => {
    fc.assert(fc.property(mutatedFixture, checkDocument), { numRuns, seed });
  });

  it('a document edited in steps with one long-lived analysis cache is analysed as a fresh one would be', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constant(''), anyText));
    fc.assert(
      fc.property(mutatedFixture, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
        const cache = new AnalysisCache();
        let text = start;
        analyze(text, { force: true, today, cache });
        for (const [at, length, inserted] of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + inserted + text.slice(Math.min(text.length, from + length));
          const warm = analyze(text, { force: true, today, cache });
          const cold = analyze(text, { force: true, today });
          assert.deepEqual(warm.findings, cold.findings);
          assert.deepEqual(warm.model, cold.model);
        }
      }),
      // Each step parses the whole document cold as well: fewer runs keep this one as quick as the others.
      { numRuns: Math.ceil(numRuns / 3), seed },
    );
  });

  it('a byte order mark shifts every section, timeline entry and action item by one character, no more', () => {
    const spans = (text: string) => {
      const model = analyze(text, { force: true, today }).model;
      return [...(model?.sections ?? []).map((s) => s.heading), ...(model?.timeline ?? []).map((e) => e.span), ...(model?.actionItems ?? []).map((a) => a.span)];
    };
    fc.assert(
      fc.property(mutatedFixture.filter((text) => !text.startsWith('\uFEFF')), (text) => {
        assert.deepEqual(spans(`\uFEFF${text}`), spans(text).map((span) => ({ start: span.start + 1, end: span.end + 1 })));
      }),
      { numRuns, seed },
    );
  });

  it('detection alone (not forced) never throws and says why', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutatedFixture), fc.constantFrom(undefined, '/w/postmortems/a.md', '/w/notes/b.md'), (text, path) => {
        const analysis = analyze(text, { today, path, root: '/w' });
        assert.ok(analysis.reason.length > 0);
        if (analysis.postmortem) checkAnalysis(text, analysis);
        else assert.deepEqual(analysis.findings, []);
      }),
      { numRuns, seed },
    );
  });
});
