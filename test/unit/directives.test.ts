// Inline disable comments: each directive form, ids versus all rules, and the line each one reaches.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDirective, readDirectives } from '../../server/src/analysis/directives';
import type { ValueAt } from '../../server/src/analysis/model';

/** The comments as the parser hands them over: whole `<!-- ... -->` source with its span. */
function commentsOf(text: string): ValueAt<string>[] {
  return [...text.matchAll(/<!--[\s\S]*?-->/g)].map((match) => ({ value: match[0], span: { start: match.index, end: match.index + match[0].length } }));
}

/** 1-based numbers of the lines where a finding of `ruleId` at the line's start is suppressed. */
function suppressedLines(lines: readonly string[], ruleId: string): number[] {
  const text = lines.join('\n');
  const suppressions = readDirectives(text, commentsOf(text));
  const result: number[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    if (suppressions.isSuppressed(ruleId, offset)) result.push(i + 1);
    offset += line.length + 1;
  });
  return result;
}

describe('parseDirective', () => {
  it('reads the kind and the ids', () => {
    assert.deepEqual(parseDirective('<!-- postmortem-disable -->'), { kind: 'disable', ruleIds: [] });
    assert.deepEqual(parseDirective('<!-- postmortem-enable rule-a rule-b -->'), { kind: 'enable', ruleIds: ['rule-a', 'rule-b'] });
    assert.deepEqual(parseDirective('<!--postmortem-disable-next-line rule-a,rule-b-->'), { kind: 'disable-next-line', ruleIds: ['rule-a', 'rule-b'] });
    assert.deepEqual(parseDirective('<!-- postmortem-disable-line Rule-A -->'), { kind: 'disable-line', ruleIds: ['rule-a'] });
    assert.deepEqual(parseDirective('<!--\n  postmortem-disable-file\n  rule-a\n-->'), { kind: 'disable-file', ruleIds: ['rule-a'] });
  });

  it('takes text after -- as a reason, not ids', () => {
    assert.deepEqual(parseDirective('<!-- postmortem-disable rule-a -- quoting the vendor report -->'), { kind: 'disable', ruleIds: ['rule-a'] });
    assert.deepEqual(parseDirective('<!-- postmortem-disable -- all of it -->'), { kind: 'disable', ruleIds: [] });
  });

  it('ignores other comments and misspelt directives', () => {
    for (const comment of ['<!-- postmortem-disabel rule-a -->', '<!-- postmortem-disabled -->', '<!-- postmortem-disable-nextline -->', '<!-- markdownlint-disable -->', '<!-- TODO: postmortem-disable -->']) {
      assert.equal(parseDirective(comment), undefined, comment);
    }
  });
});

describe('readDirectives', () => {
  it('suppresses nothing without directives', () => {
    assert.deepEqual(suppressedLines(['a', '<!-- just a note -->', 'b', '<!-- postmortem-disabel -->', 'c'], 'rule-a'), []);
  });

  it('disables every rule from the comment line until an enable', () => {
    const lines = ['a', '<!-- postmortem-disable -->', 'b', '<!-- postmortem-enable -->', 'c'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [2, 3]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), [2, 3]);
  });

  it('disables only the named rules', () => {
    const lines = ['a', '<!-- postmortem-disable rule-a rule-b -->', 'b', '<!-- postmortem-enable rule-b -->', 'c'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [2, 3, 4, 5]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), [2, 3]);
    assert.deepEqual(suppressedLines(lines, 'rule-c'), []);
  });

  it('re-enables named rules after a bare disable, and disables them again', () => {
    const lines = ['<!-- postmortem-disable -->', 'x', '<!-- postmortem-enable rule-a -->', 'y', '<!-- postmortem-disable rule-a -->', 'z'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [1, 2, 5, 6]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), [1, 2, 3, 4, 5, 6]);
  });

  it('keeps nested disables and enables of different rules apart; a bare enable ends them all', () => {
    const lines = [
      '<!-- postmortem-disable rule-a -->',
      'a',
      '<!-- postmortem-disable rule-b -->',
      'b',
      '<!-- postmortem-enable rule-a -->',
      'c',
      '<!-- postmortem-disable rule-a -->',
      '<!-- postmortem-enable -->',
      'd',
    ];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [1, 2, 3, 4, 7]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), [3, 4, 5, 6, 7]);
    assert.deepEqual(suppressedLines(lines, 'rule-c'), []);
  });

  it('applies to the whole line of the comment, before and after it; the last directive on a line decides it', () => {
    const text = 'before <!-- postmortem-disable rule-a --> after\nnext\nx <!-- postmortem-disable rule-b --> y <!-- postmortem-enable rule-b --> z\n';
    const suppressions = readDirectives(text, commentsOf(text));
    assert.equal(suppressions.isSuppressed('rule-a', 0), true);
    assert.equal(suppressions.isSuppressed('rule-a', text.indexOf('after')), true);
    assert.equal(suppressions.isSuppressed('rule-a', text.indexOf('next')), true);
    assert.equal(suppressions.isSuppressed('rule-b', text.indexOf(' y ') + 1), false);
  });

  it('disables the next line that is not blank', () => {
    const lines = ['<!-- postmortem-disable-next-line rule-a -->', '', '   ', 'target', 'after'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [4]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), []);
    assert.deepEqual(suppressedLines(['text <!-- postmortem-disable-next-line -->', 'target', 'after'], 'rule-b'), [2]);
    assert.deepEqual(suppressedLines(['a', '<!-- postmortem-disable-next-line -->', '', ''], 'rule-a'), []);
  });

  it('disables the comment line only', () => {
    const lines = ['a', 'bad text <!-- postmortem-disable-line rule-a -->', 'c', '<!-- postmortem-disable-line -->'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [2, 4]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), [4]);
  });

  it('reads comments over several lines', () => {
    const nextLine = ['intro', '<!-- postmortem-disable-next-line', '     rule-a rule-b -->', '', 'target', 'after'];
    assert.deepEqual(suppressedLines(nextLine, 'rule-a'), [5]);
    assert.deepEqual(suppressedLines(nextLine, 'rule-b'), [5]);
    assert.deepEqual(suppressedLines(nextLine, 'rule-c'), []);
    const block = ['a', '<!--', 'postmortem-disable rule-a', '-->', 'b', '<!-- postmortem-enable', 'rule-a -->', 'c'];
    assert.deepEqual(suppressedLines(block, 'rule-a'), [2, 3, 4, 5]);
    const line = ['a', 'text <!-- postmortem-disable-line', 'rule-a --> more', 'b'];
    assert.deepEqual(suppressedLines(line, 'rule-a'), [2, 3]);
  });

  it('disables rules for the whole file, wherever the comment sits', () => {
    const lines = ['a', 'b', '<!-- postmortem-enable -->', '<!-- postmortem-disable-file rule-a -->'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [1, 2, 3, 4]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), []);
    assert.deepEqual(suppressedLines(['a', '<!-- postmortem-disable-file -->'], 'rule-b'), [1, 2]);
  });

  it('turns a file-level disable back off from an enable below it that names the rule, and only from there', () => {
    const named = ['a', '<!-- postmortem-disable-file rule-a -->', 'b', '<!-- postmortem-enable rule-a -->', 'c'];
    assert.deepEqual(suppressedLines(named, 'rule-a'), [1, 2, 3]);
    const all = ['a', '<!-- postmortem-disable-file -->', 'b', '<!-- postmortem-enable rule-b -->', 'c'];
    assert.deepEqual(suppressedLines(all, 'rule-a'), [1, 2, 3, 4, 5]);
    assert.deepEqual(suppressedLines(all, 'rule-b'), [1, 2, 3]);
  });

  it('keeps a file-level disable past a bare enable, which only closes the range a bare disable opened', () => {
    const lines = ['<!-- postmortem-disable-file rule-a -->', 'a', '<!-- postmortem-disable -->', 'b', '<!-- postmortem-enable -->', 'c'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(suppressedLines(lines, 'rule-b'), [3, 4]);
  });

  it('keeps a file-level disable whole when an enable stands only above it', () => {
    const lines = ['<!-- postmortem-enable rule-a -->', 'a', '<!-- postmortem-disable-file rule-a -->', 'b'];
    assert.deepEqual(suppressedLines(lines, 'rule-a'), [1, 2, 3, 4]);
  });

  it('counts lines of CRLF text', () => {
    const text = 'a\r\n<!-- postmortem-disable-next-line rule-a -->\r\n\r\ntarget\r\nafter\r\n';
    const suppressions = readDirectives(text, commentsOf(text));
    assert.equal(suppressions.isSuppressed('rule-a', text.indexOf('target') + 3), true);
    assert.equal(suppressions.isSuppressed('rule-a', text.indexOf('after')), false);
    assert.equal(suppressions.isSuppressed('rule-a', 0), false);
  });

  it('works with comments given out of order', () => {
    const text = '<!-- postmortem-disable rule-a -->\na\n<!-- postmortem-enable rule-a -->\nb\n';
    const suppressions = readDirectives(text, commentsOf(text).reverse());
    assert.equal(suppressions.isSuppressed('rule-a', text.indexOf('\na\n') + 1), true);
    assert.equal(suppressions.isSuppressed('rule-a', text.indexOf('\nb\n') + 1), false);
  });
});
