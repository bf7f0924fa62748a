// What the parser refuses because remark would take too long, and what it must still accept;
// and the linear-time trimming that replaced `[...]+$` regexes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxInlineMarkers, unparsableReason } from '../../server/src/analysis/markdown';
import { analyze } from '../../server/src/analysis';
import { backtickCodeSpans, blankCode, trailingRunStart, trimEndMatching } from '../../server/src/analysis/text';

const header = '# Postmortem: Cache outage\n\n**Date**: 2024-03-01\n\n## Summary\n\n';
const crowded = /^the paragraph at line (\d+) has more than 1,000 emphasis markers and brackets \(\*, _, ~, \[\)/;

describe('crowded paragraphs', () => {
  it('refuses a paragraph with more than the limit of emphasis runs, naming its first line', () => {
    const text = `${header}Some prose.\n\n${'*a'.repeat(maxInlineMarkers + 1)}\n`;
    assert.match(unparsableReason(text) ?? '', crowded);
    assert.equal(crowded.exec(unparsableReason(text) ?? '')?.[1], '9');
  });

  it('counts strikethrough, underscores and link brackets too, over the lines of one paragraph', () => {
    for (const unit of ['~a', '_a ', '[P0] ', '[^1]']) {
      const lines = Array.from({ length: 20 }, () => unit.repeat(Math.ceil(maxInlineMarkers / 20) + 1));
      assert.match(unparsableReason(`${header}${lines.join('\n')}\n`) ?? '', crowded, unit);
    }
  });

  it('reads the first line without a byte order mark, as remark does', () => {
    assert.match(unparsableReason(`\uFEFF${'- '.repeat(40)}deep\n`) ?? '', /nested more than 32 levels/);
    assert.match(unparsableReason(`\uFEFF${'*a'.repeat(1001)}\n`) ?? '', crowded);
  });

  it('counts markers, not runs: two long runs of * would pair into as many nested nodes', () => {
    assert.match(unparsableReason(`${header}${'*'.repeat(600)}x${'*'.repeat(600)}\n`) ?? '', crowded);
  });

  it('counts a paragraph inside a block quote as one paragraph', () => {
    const lines = Array.from({ length: 10 }, () => `> ${'**b** '.repeat(60)}`);
    assert.match(unparsableReason(`${header}${lines.join('\n')}\n`) ?? '', crowded);
  });

  it('accepts the limit itself, and markers spread over paragraphs, list items, table rows and fenced code', () => {
    const atLimit = `${header}${'*a'.repeat(maxInlineMarkers)}\n`;
    const paragraphs = `${header}${Array.from({ length: 10 }, () => '**b** '.repeat(60)).join('\n\n')}\n`;
    const items = `${header}${Array.from({ length: 2000 }, (_, i) => `- [ ] **P1** fix [part ${i}](https://x.test/${i}) — @ana`).join('\n')}\n`;
    const rows = `${header}| Action | Owner |\n|---|---|\n${Array.from({ length: 2000 }, (_, i) => `| **Fix** ~~part~~ [${i}] | @ana |`).join('\n')}\n`;
    const code = `${header}\`\`\`\n${'*a'.repeat(5000)}\n\`\`\`\n\nAfter the code.\n`;
    // Underscores inside words (a pasted log of snake_case names) cannot be emphasis.
    const snakeCase = `${header}${'retry_budget_exceeded in queue_worker_pool; '.repeat(300)}\n`;
    const rule = `${header}Before.\n\n${'*'.repeat(5000)}\n\nAfter.\n`;
    const ruleAfterBom = `\uFEFF${'*'.repeat(5000)}\n${header}`;
    for (const [name, text] of Object.entries({ atLimit, paragraphs, items, rows, code, snakeCase, rule, ruleAfterBom })) {
      assert.equal(unparsableReason(text), undefined, name);
    }
  });

  it('is reported as the one finding of the document, and the text is left alone', () => {
    const text = `${header}${'~a'.repeat(3000)}\n`;
    const analysis = analyze(text, { force: true, today: '2024-06-01' });
    assert.equal(analysis.findings.length, 1);
    assert.match(analysis.findings[0].message, /^This document could not be analysed: the paragraph at line 7 has more than 1,000 emphasis markers/);
    assert.equal(analysis.findings[0].fix, undefined);
  });
});

describe('trimming from the end', () => {
  it('finds the run of matching characters at the end, whole characters outside the BMP included', () => {
    assert.equal(trailingRunStart('abc  ', /\s/), 3);
    assert.equal(trailingRunStart('abc', /\s/), 3);
    assert.equal(trailingRunStart('   ', /\s/), 0);
    assert.equal(trailingRunStart('', /\s/), 0);
    assert.equal(trailingRunStart('x 𝒜𝒜', /\p{L}/u), 2);
    assert.equal(trimEndMatching('Owner: @ana, ;-', /[\s,;:(—–-]/), 'Owner: @ana');
    assert.equal(trimEndMatching('**bold**', /[*_`]/), '**bold');
  });

  it('keeps a long run inside the text', () => {
    const text = `${' '.repeat(100_000)}1`;
    assert.equal(trimEndMatching(text, /\s/), text);
    assert.equal(trailingRunStart(`${'é'.repeat(100_000)}1`, /\p{L}/u), 100_001);
  });
});

describe('inline code spans', () => {
  const spans = (text: string) => backtickCodeSpans(text).map((span) => text.slice(span.start, span.end));

  it('pairs runs of backticks on one line, the longest pair first', () => {
    assert.deepEqual(spans('run `make` then ``a b`` and ```x``'), ['`make`', '``a b``', '``x``']);
    assert.deepEqual(spans('`a\nb` and `c`'), ['` and `']);
    assert.deepEqual(spans('no code here'), []);
    assert.deepEqual(spans('`unclosed'), []);
  });

  it('finds what the regex /(`+)[^`\\n]+?\\1/g finds, on any short text', () => {
    const regexSpans = (text: string) => [...text.matchAll(/(`+)[^`\n]+?\1/g)].map((match) => match[0]);
    const text = fc.string({ unit: fc.constantFrom('`', 'a', ' ', '\n'), maxLength: 40 });
    fc.assert(fc.property(text, (sample) => assert.deepEqual(spans(sample), regexSpans(sample))), { numRuns: 2000 });
  });

  it('blanks code and keeps offsets', () => {
    assert.equal(blankCode('use `--force` now'), 'use           now');
    assert.equal(blankCode('a `b` c', 'x'), 'a xxx c');
  });

  it('reads a long run of backticks in one pass', () => {
    assert.deepEqual(spans(`${'`'.repeat(60_000)}x${'`'.repeat(3)}`), [`\`\`\`x\`\`\``]);
  });
});
