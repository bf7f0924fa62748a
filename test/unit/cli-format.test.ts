// The stylish, JSON and GitHub formatters on synthetic findings with hand-computed positions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { formatJson, type EslintResult } from '../../server/src/cli/formatters/json';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';
import { formatResults } from '../../server/src/cli/formatters/index';
import type { LintResult } from '../../server/src/cli/formatters/result';
import { clean, context, main, spanOf, text, unknown } from './cli-format-support';

describe('stylish formatter', () => {
  it('groups by file with aligned columns and a summary', () => {
    assert.equal(
      formatStylish([main, clean], context),
      [
        '',
        'docs/post mortems/db outage.md',
        '  1:1   info     Title could name the service    title-hint',
        '  3:11  error    Blames a person: "bob"          no-blame',
        '  4:1   warning  Odd line with 100%, and: colon  percent-rule',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '  2 fixable with --fix',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean run', () => {
    assert.equal(formatStylish([clean], context), '');
    assert.equal(formatStylish([], context), '');
  });

  it('uses singular words and omits the fixable line when nothing is fixable', () => {
    const output = formatStylish([{ ...main, findings: [unknown] }], context);
    assert.match(output, /\n✖ 1 problem \(1 error, 0 warnings\)\n\n$/);
    assert.doesNotMatch(output, /fixable/);
  });

  it('colours only when asked, without breaking the alignment of plain text', () => {
    const coloured = formatStylish([main], { ...context, color: true });
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.match(coloured, /\u001b\[31merror {2}\u001b\[39m/);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.match(coloured, /\u001b\[4mdocs\/post mortems\/db outage\.md\u001b\[24m/);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), formatStylish([main], context));
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.doesNotMatch(formatStylish([main], context), /\u001b/);
  });
});

describe('json formatter', () => {
  const [parsed, parsedClean] = JSON.parse(formatJson([main, clean])) as EslintResult[];

  it('has ESLint result fields and counts (info counts as a warning)', () => {
    assert.equal(parsed.filePath, '/repo/docs/post mortems/db outage.md');
    assert.equal(parsed.errorCount, 1);
    assert.equal(parsed.warningCount, 2);
    assert.equal(parsed.fixableErrorCount, 1);
    assert.equal(parsed.fixableWarningCount, 1);
    assert.equal(parsed.source, text);
    assert.deepEqual(
      parsed.messages.map((m) => [m.ruleId, m.severity]),
      [
        ['title-hint', 1],
        ['no-blame', 2],
        ['percent-rule', 1],
      ],
    );
  });

  it('reports 1-based lines and UTF-16 columns with an exclusive end', () => {
    const [titleMessage, bobMessage, percentMessage] = parsed.messages;
    assert.deepEqual(
      [titleMessage.line, titleMessage.column, titleMessage.endLine, titleMessage.endColumn],
      [1, 1, 1, 22],
    );
    assert.deepEqual([bobMessage.line, bobMessage.column, bobMessage.endLine, bobMessage.endColumn], [3, 11, 3, 14]);
    assert.deepEqual(
      [percentMessage.line, percentMessage.column, percentMessage.endLine, percentMessage.endColumn],
      [4, 1, 4, 26],
    );
    assert.equal(percentMessage.message, 'Odd line\nwith 100%, and: colon');
  });

  it('gives a single-edit safe fix as ESLint fix, with offsets into the text', () => {
    const bobMessage = parsed.messages[1];
    assert.deepEqual(bobMessage.fix, { range: [text.indexOf('bob'), text.indexOf('bob') + 3], text: 'the on-call engineer' });
    assert.equal(bobMessage.suggestions, undefined);
  });

  it('leaves out fixes of several edits, and turns unsafe fixes into suggestions', () => {
    const [titleMessage, , percentMessage] = parsed.messages;
    assert.equal('fix' in titleMessage, false);
    assert.equal('fix' in percentMessage, false);
    const line = spanOf('The 100% fix, sadly: none');
    assert.deepEqual(percentMessage.suggestions, [
      { desc: 'Delete the line', fix: { range: [line.start, line.end], text: '' } },
      { desc: 'Say none', fix: { range: [spanOf('sadly').start, spanOf('sadly').end], text: 'so far' } },
    ]);
  });

  it('lists clean postmortems without a source', () => {
    assert.deepEqual(parsedClean, {
      filePath: '/repo/clean.md',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
  });

  it('prints an empty array when there is nothing', () => {
    assert.equal(formatJson([]), '[]\n');
  });
});

describe('github formatter', () => {
  it('writes one workflow command per finding, escaped', () => {
    const weird: LintResult = { ...main, displayPath: 'a,b:c%.md' };
    assert.equal(
      formatGithub([weird, clean]),
      [
        '::notice file=a%2Cb%3Ac%25.md,line=1,col=1,endLine=1,endColumn=22,title=title-hint::Title could name the service',
        '::error file=a%2Cb%3Ac%25.md,line=3,col=11,endLine=3,endColumn=14,title=no-blame::Blames a person: "bob"',
        '::warning file=a%2Cb%3Ac%25.md,line=4,col=1,endLine=4,endColumn=26,title=percent-rule::Odd line%0Awith 100%25, and: colon',
        '',
      ].join('\n'),
    );
  });

  it('escapes like @actions/core', () => {
    assert.equal(escapeData('50%\r\nx: y, z'), '50%25%0D%0Ax: y, z');
    assert.equal(escapeProperty('50%\r\nx: y, z'), '50%25%0D%0Ax%3A y%2C z');
  });

  it('prints nothing without findings', () => {
    assert.equal(formatGithub([clean]), '');
  });
});

describe('format selection', () => {
  it('dispatches on the format name', () => {
    assert.equal(formatResults('stylish', [main], context), formatStylish([main], context));
    assert.equal(formatResults('json', [main], context), formatJson([main]));
    assert.equal(formatResults('sarif', [main], context), formatSarif([main], context));
    assert.equal(formatResults('github', [main], context), formatGithub([main]));
  });
});
