// End to end: the built CLI on real folders — inputs, formats, exit codes, config and --fix.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { incompletePostmortem, readme, runCli, tempFolder } from './cli-e2e-support';
import type { SarifLog } from './cli-format-support';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number }[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
}

const pmPath = 'postmortems/2024-01-15-db.md';
const folder = tempFolder();

before(() => {
  folder.put(pmPath, incompletePostmortem);
  folder.put('README.md', readme);
  folder.put('node_modules/pkg/postmortems/x.md', incompletePostmortem);
  folder.put('postmortems/logo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]));
  folder.put('postmortems/huge.md', Buffer.alloc(2 * 1024 * 1024 + 1, 'a'));
});

after(() => folder.remove());

function json(args: string[], cwd = folder.root): JsonResult[] {
  const run = runCli(cwd, ['--format', 'json', ...args]);
  assert.equal(run.stdout.trim().startsWith('['), true, run.stderr);
  return JSON.parse(run.stdout) as JsonResult[];
}

describe('cli: information and usage', () => {
  it('prints help and version', () => {
    const help = runCli(folder.root, ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: postmortem-lint/);
    assert.match(help.stdout, /2 MB/);
    assert.deepEqual(runCli(folder.root, ['--version']), { status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('exits 2 on usage errors, with a message and no stack', () => {
    const run = runCli(folder.root, ['--format', 'xml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^postmortem-lint: --format must be one of stylish, json, sarif, github/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.equal(runCli(folder.root, ['--no-such-option']).status, 2);
  });

  it('exits 2 for a missing explicit path', () => {
    assert.deepEqual(runCli(folder.root, ['nope.md']), {
      status: 2,
      stdout: '',
      stderr: 'postmortem-lint: no such file or directory: nope.md\n',
    });
  });

  it('prints the stack of an error only with DEBUG set', () => {
    const run = runCli(folder.root, ['--config', 'missing.json'], { DEBUG: '1' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^postmortem-lint: no such config file: .*missing\.json\n/);
    assert.match(run.stderr, /\n\s+at /);
  });
});

describe('cli: linting a folder', () => {
  it('lints postmortems only, skips binary and huge files, exits 1 on errors', () => {
    const run = runCli(folder.root, []);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^\npostmortems\/2024-01-15-db\.md\n/);
    assert.match(run.stdout, /\s+\d+:\d+\s+error\s+Required section 'Impact' is missing\.?\s+missing-section\n/);
    assert.match(run.stdout, /\n✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\)\n/);
    assert.match(run.stdout, /\n {2}\d+ fixable with --fix\n/);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.doesNotMatch(run.stdout, /README|node_modules|\u001b/);
    assert.match(run.stderr, /^postmortems\/logo\.md: skipped: binary file \(contains NUL bytes\)$/m);
    assert.match(run.stderr, /^postmortems\/huge\.md: skipped: file is larger than 2 MB$/m);
  });

  it('reports ESLint-shaped JSON for postmortems only', () => {
    const results = json([]);
    assert.deepEqual(
      results.map((result) => result.filePath),
      [join(folder.root, pmPath)],
    );
    const [result] = results;
    assert.ok(result.errorCount >= 3);
    assert.ok(result.fixableErrorCount >= 3);
    const missing = result.messages.filter((message) => message.ruleId === 'missing-section');
    assert.deepEqual(
      missing.map((message) => message.message.match(/'(.+)'/)?.[1]),
      ['Impact', 'Timeline', 'Root cause'],
    );
    for (const message of result.messages) assert.ok(message.line >= 1 && message.column >= 1);
  });

  it('accepts globs, directories and files; a named file is linted even if not a postmortem', () => {
    assert.deepEqual(json(['postmortems/*.md']).map((r) => r.filePath), [join(folder.root, pmPath)]);
    assert.deepEqual(json(['postmortems']).map((r) => r.filePath), [join(folder.root, pmPath)]);
    assert.deepEqual(json(['README.md']).map((r) => r.filePath), [join(folder.root, 'README.md')]);
  });

  it('shows errors only with --quiet', () => {
    const [result] = json(['--quiet']);
    assert.ok(result.messages.length > 0);
    assert.ok(result.messages.every((message) => message.severity === 2));
  });

  it('writes SARIF and GitHub annotations', () => {
    const sarif = JSON.parse(runCli(folder.root, ['--format', 'sarif']).stdout) as SarifLog;
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'missing-section'));
    assert.ok(run.results.length >= 3);
    for (const result of run.results) {
      assert.ok(result.ruleIndex !== undefined, result.ruleId);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, pmPath);
    }
    const github = runCli(folder.root, ['--format', 'github']);
    assert.equal(github.status, 1);
    for (const line of github.stdout.trimEnd().split('\n')) {
      assert.match(line, /^::(error|warning|notice) file=postmortems\/2024-01-15-db\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w-]+::/);
    }
  });

  it('colours only when forced, on a pipe', () => {
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.match(runCli(folder.root, ['--color']).stdout, /\u001b\[31m/);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    assert.doesNotMatch(runCli(folder.root, ['--color', '--no-color']).stdout, /\u001b/);
  });

  it('is silent and exits 0 when there is nothing to lint', () => {
    const empty = tempFolder();
    try {
      empty.put('README.md', readme);
      assert.deepEqual(runCli(empty.root, []), { status: 0, stdout: '', stderr: '' });
    } finally {
      empty.remove();
    }
  });
});

describe('cli: configuration', () => {
  it('uses the nearest config file, or the one given with --config', () => {
    const configured = tempFolder();
    try {
      configured.put(pmPath, incompletePostmortem);
      configured.put('postmortems/.postmortemrc.json', '{ "rules": { "missing-section": "off" } }\n');
      configured.put('strict.json', '{ "rules": { "missing-section": "warning" } }\n');
      const nearest = json([], configured.root);
      assert.ok(nearest[0].messages.every((message) => message.ruleId !== 'missing-section'));
      const given = json(['--config', 'strict.json'], configured.root);
      const missing = given[0].messages.filter((message) => message.ruleId === 'missing-section');
      assert.equal(missing.length, 3);
      assert.ok(missing.every((message) => message.severity === 1));
    } finally {
      configured.remove();
    }
  });

  it('prints config problems as file:line:column and exits 2, still linting', () => {
    const broken = tempFolder();
    try {
      broken.put(pmPath, incompletePostmortem);
      broken.put('.postmortemrc.json', '{\n  "rules": { "no-such-rule": "error" }\n}\n');
      const run = runCli(broken.root, []);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^\.postmortemrc\.json:2:\d+: .*no-such-rule/m);
      assert.match(run.stdout, /missing-section/);
      broken.put('bad.json', '{ "rules": ');
      const given = runCli(broken.root, ['--config', 'bad.json']);
      assert.equal(given.status, 2);
      assert.match(given.stderr, /^bad\.json:\d+:\d+: /m);
    } finally {
      broken.remove();
    }
  });
});

describe('cli: --max-warnings', () => {
  it('fails only when the warnings exceed the maximum', () => {
    const warned = tempFolder();
    try {
      warned.put(pmPath, incompletePostmortem);
      warned.put('.postmortemrc.json', '{ "rules": { "missing-section": "warning" } }\n');
      const [result] = json([], warned.root);
      assert.equal(result.errorCount, 0, JSON.stringify(result.messages));
      assert.equal(runCli(warned.root, ['--max-warnings', String(result.warningCount)]).status, 0);
      const over = runCli(warned.root, ['--max-warnings', String(result.warningCount - 1), '--quiet']);
      assert.equal(over.status, 1);
      assert.equal(over.stdout, '');
      assert.match(over.stderr, /too many warnings/);
    } finally {
      warned.remove();
    }
  });
});

describe('cli: --fix', () => {
  it('applies safe fixes atomically, keeps the BOM, the mode and the text outside the fixes', () => {
    const fixing = tempFolder();
    try {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const file = fixing.put(pmPath, Buffer.concat([bom, Buffer.from(incompletePostmortem)]));
      chmodSync(file, 0o600);
      const run = runCli(fixing.root, ['--fix']);
      assert.match(run.stderr, /^postmortems\/2024-01-15-db\.md: \d+ fix(es)? applied$/m);
      const written = readFileSync(file);
      assert.deepEqual(written.subarray(0, 3), bom);
      const text = written.subarray(3).toString('utf8');
      for (const heading of ['## Impact', '## Timeline', '## Root cause']) assert.ok(text.includes(heading), heading);
      for (const line of incompletePostmortem.split('\n')) assert.ok(text.includes(line), line);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(join(fixing.root, 'postmortems')), ['2024-01-15-db.md']);
      const after = JSON.parse(runCli(fixing.root, ['--format', 'json']).stdout) as JsonResult[];
      assert.ok(after[0].messages.every((message) => message.ruleId !== 'missing-section'));
      assert.doesNotMatch(run.stdout, /missing-section/);
    } finally {
      fixing.remove();
    }
  });
});
