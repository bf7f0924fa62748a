// The SARIF formatter: the structure code scanning services require, on synthetic findings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fenced, formatSarif, sarifSchema } from '../../server/src/cli/formatters/sarif';
import type { LintResult } from '../../server/src/cli/formatters/result';
import packageJson from '../../package.json';
import { bob, clean, context, main, text, unknown, type SarifLog } from './cli-format-support';

describe('sarif formatter', () => {
  const log = JSON.parse(formatSarif([main, { ...clean, findings: [unknown] }], context)) as SarifLog;
  const run = log.runs[0];

  it('declares the schema, version and tool', () => {
    assert.equal(log.$schema, sarifSchema);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'postmortem-lint');
    assert.equal(run.tool.driver.version, packageJson.version);
    assert.doesNotThrow(() => new URL(run.tool.driver.informationUri));
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
  });

  it('describes every rule of the core', () => {
    assert.deepEqual(run.tool.driver.rules[2], {
      id: 'title-hint',
      helpUri: 'https://example.test/rules/title-hint.md',
      shortDescription: { text: 'title-hint description.' },
      fullDescription: { text: 'title-hint explanation.' },
      help: {
        text: 'title-hint explanation.',
        markdown: 'title-hint explanation.\n\nExample:\n\n```markdown\n- title-hint example\n```',
      },
      defaultConfiguration: { level: 'note' },
      properties: { fixable: true },
    });
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.defaultConfiguration.level),
      ['error', 'warning', 'note'],
    );
  });

  it('fences rule examples so that fences inside them survive', () => {
    assert.equal(fenced('a `b`'), '```markdown\na `b`\n```');
    assert.equal(fenced('```js\nx\n```'), '````markdown\n```js\nx\n```\n````');
  });

  it('gives each result its rule, level, message and region', () => {
    assert.equal(run.results.length, 4);
    const bobResult = run.results[1];
    assert.equal(bobResult.ruleId, 'no-blame');
    assert.equal(bobResult.ruleIndex, 0);
    assert.equal(bobResult.level, 'error');
    assert.deepEqual(bobResult.message, { text: 'Blames a person: "bob"' });
    assert.deepEqual(bobResult.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'docs/post%20mortems/db%20outage.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 14 },
        },
      },
    ]);
    assert.deepEqual(
      run.results.map((r) => r.level),
      ['note', 'error', 'warning', 'error'],
    );
    for (const result of run.results) {
      if (result.ruleIndex !== undefined) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    }
  });

  it('leaves out ruleIndex for findings of no known rule', () => {
    const parseError = run.results[3];
    assert.equal(parseError.ruleId, 'parse-error');
    assert.equal('ruleIndex' in parseError, false);
    assert.deepEqual(parseError.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.equal(parseError.locations[0].physicalLocation.artifactLocation.uri, 'clean.md');
  });

  it('turns the fix and the suggestions into SARIF fixes', () => {
    const bobResult = run.results[1];
    assert.deepEqual(bobResult.fixes, [
      {
        description: { text: 'Name the role' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'docs/post%20mortems/db%20outage.md', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 14 },
                insertedContent: { text: 'the on-call engineer' },
              },
            ],
          },
        ],
      },
    ]);
    const percentResult = run.results[2];
    assert.deepEqual(
      percentResult.fixes?.map((f) => f.description.text),
      ['Delete the line', 'Say none', 'Two edits'],
    );
    assert.equal(percentResult.fixes?.[2].artifactChanges[0].replacements.length, 2);
    assert.equal('fixes' in run.results[3], false);
  });

  it('keeps related locations', () => {
    assert.deepEqual(run.results[2].relatedLocations, [
      {
        id: 0,
        message: { text: 'The title' },
        physicalLocation: {
          artifactLocation: { uri: 'docs/post%20mortems/db%20outage.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 22 },
        },
      },
    ]);
  });

  it('uses absolute file URIs for files outside the working folder', () => {
    const outside: LintResult = { filePath: '/elsewhere/a b.md', displayPath: '/elsewhere/a b.md', text, findings: [bob] };
    const location = (JSON.parse(formatSarif([outside], context)) as SarifLog).runs[0].results[0].locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'file:///elsewhere/a%20b.md' });
  });

  it('is a valid log with no results when there is nothing to report', () => {
    const empty = JSON.parse(formatSarif([], context)) as SarifLog;
    assert.deepEqual(empty.runs[0].results, []);
    assert.equal(empty.runs[0].tool.driver.rules.length, 3);
  });
});

