// Expressions compiled without the `u` flag when their property escapes can be spelt as ranges, with the same matches.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileRegExp, withoutUnicodeFlag } from '../../server/src/analysis/regexp';
import { analyze } from '../../server/src/analysis';

describe('compileRegExp', () => {
  it('spells \\p{L} and friends as ranges, in a class and alone', () => {
    assert.equal(withoutUnicodeFlag(String.raw`[\p{L}\p{N}_]+`)?.startsWith('[A-Za-z'), true);
    assert.equal(withoutUnicodeFlag(String.raw`\p{Lu}\p{Ll}+`)?.startsWith('[A-Z'), true);
    assert.equal(compileRegExp(String.raw`(?<![\p{L}\p{N}_])\p{Lu}\p{Ll}+`, 'gu').flags, 'g');
  });

  it('keeps the u flag for what only it can read', () => {
    for (const source of [String.raw`\p{Script=Greek}`, String.raw`\P{L}`, String.raw`\u{1F600}`, '[😀]']) {
      assert.equal(withoutUnicodeFlag(source), undefined, source);
      assert.equal(compileRegExp(source, 'u').flags, 'u', source);
    }
  });

  it('leaves escapes that are not property escapes as they are', () => {
    assert.equal(withoutUnicodeFlag(String.raw`\bwas\s+\[done\]\\p`), String.raw`\bwas\s+\[done\]\\p`);
  });

  it('matches as the Unicode expression does on English prose, accented names and case', () => {
    const source = String.raw`(?<![\p{L}\p{N}_])(?<name>\p{Lu}[\p{L}-]+)\s+(?:forgot|deleted)(?![\p{L}\p{N}_])`;
    const texts = ['Then José forgot the flag.', 'ÉMILE deleted it', 'xJosé forgot', 'the Ops-Team deleted 3 rows', 'Zoë forgot2', 'Straße forgot', 'Dmitry Ivanov deleted'];
    for (const flags of ['gu', 'giu']) {
      const unicode = new RegExp(source, flags);
      const plain = compileRegExp(source, flags);
      assert.equal(plain.flags.includes('u'), false);
      for (const text of texts) assert.deepEqual([...text.matchAll(plain)].map((m) => [m.index, m[0]]), [...text.matchAll(unicode)].map((m) => [m.index, m[0]]), `${flags}: ${text}`);
    }
  });

  it('never cuts an emoji in two: blame beside one is found, and its fixes keep it whole', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const sentence of ['Dana accidentally deleted the staging table 🔥 during the cleanup.', 'An engineer ran the destroy command 🔥 in the wrong workspace 🚀.']) {
      const text = ['# Postmortem: stale prices', '', '## Summary', '', sentence, ''].join('\n');
      const blame = analyze(text, { force: true, today: '2024-06-01' }).findings.filter((finding) => finding.ruleId === 'blameful-language');
      assert.equal(blame.length, 1, sentence);
      const rewrites = blame[0].suggestions.filter((fix) => fix.title.startsWith('Rewrite:'));
      assert.ok(rewrites.length > 0, sentence);
      for (const fix of rewrites) {
        const edited = fix.edits.reduceRight((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
        assert.doesNotMatch(edited, lone, fix.title);
        assert.equal((edited.match(/🔥/gu) ?? []).length, 1, fix.title);
      }
    }
  });
});
