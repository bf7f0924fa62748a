// Command-line parsing: defaults, validation and usage errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../server/src/cli/errors';
import { parseCommandLine } from '../../server/src/cli/options';
import { shouldUseColor } from '../../server/src/cli/color';

function usageError(argv: string[], message: RegExp): void {
  assert.throws(() => parseCommandLine(argv), (error: unknown) => {
    assert.ok(error instanceof UsageError, String(error));
    assert.match(error.message, message);
    return true;
  });
}

describe('lint options', () => {
  it('has defaults', () => {
    assert.deepEqual(parseCommandLine([]), {
      command: 'lint',
      paths: [],
      config: undefined,
      // Without --today each document is judged on today where its config says the team is.
      today: undefined,
      color: undefined,
      format: 'stylish',
      fix: false,
      maxWarnings: undefined,
      quiet: false,
    });
  });

  it('reads every option', () => {
    const argv = ['--format', 'sarif', '--fix', '--config', 'pm.json', '--max-warnings', '3', '--today', '2024-02-29'];
    assert.deepEqual(parseCommandLine([...argv, '--quiet', '--no-color', 'a.md', 'docs/**/*.md']), {
      command: 'lint',
      paths: ['a.md', 'docs/**/*.md'],
      config: 'pm.json',
      today: '2024-02-29',
      color: false,
      format: 'sarif',
      fix: true,
      maxWarnings: 3,
      quiet: true,
    });
    assert.equal((parseCommandLine(['--color']) as { color: boolean }).color, true);
    assert.equal((parseCommandLine(['--format=json']) as { format: string }).format, 'json');
  });

  it('answers --help and --version', () => {
    assert.deepEqual(parseCommandLine(['--help']), { command: 'help', topic: 'lint' });
    assert.deepEqual(parseCommandLine(['-h', 'x.md']), { command: 'help', topic: 'lint' });
    assert.deepEqual(parseCommandLine(['--version']), { command: 'version' });
    assert.deepEqual(parseCommandLine(['actions', '--help']), { command: 'help', topic: 'actions' });
  });

  it('rejects bad values and unknown options', () => {
    usageError(['--format', 'xml'], /--format must be one of stylish, json, sarif, github \(got "xml"\)/);
    usageError(['--max-warnings', 'many'], /--max-warnings must be a whole number/);
    usageError(['--max-warnings', '1.5'], /--max-warnings must be a whole number/);
    usageError(['--today', '2024-02-30'], /--today must be a date as YYYY-MM-DD/);
    usageError(['--today', 'tomorrow'], /--today must be a date/);
    usageError(['--frobnicate'], /frobnicate/);
    usageError(['--format'], /format/);
    usageError(['--config='], /--config needs a file name/);
    usageError(['--all'], /all/);
  });
});

describe('actions options', () => {
  it('has defaults', () => {
    assert.deepEqual(parseCommandLine(['actions']), {
      command: 'actions',
      paths: [],
      config: undefined,
      // Without --today each document is judged on today where its config says the team is.
      today: undefined,
      color: undefined,
      format: 'table',
      all: false,
      owner: undefined,
      overdue: false,
    });
  });

  it('reads every option', () => {
    const options = parseCommandLine(
      ['actions', '--all', '--owner', '@Ana', '--overdue', '--format', 'csv', '--today', '2025-01-01', 'pm'],
    );
    assert.deepEqual(options, {
      command: 'actions',
      paths: ['pm'],
      config: undefined,
      today: '2025-01-01',
      color: undefined,
      format: 'csv',
      all: true,
      owner: '@Ana',
      overdue: true,
    });
  });

  it('rejects lint-only options and bad values', () => {
    usageError(['actions', '--fix'], /fix/);
    usageError(['actions', '--format', 'stylish'], /--format must be one of table, json, csv, markdown/);
    usageError(['actions', '--owner', '@'], /--owner needs a name/);
  });
});

describe('helpers', () => {
  it('colours only on a terminal without NO_COLOR, unless forced', () => {
    assert.equal(shouldUseColor(undefined, true, {}), true);
    assert.equal(shouldUseColor(undefined, false, {}), false);
    assert.equal(shouldUseColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(shouldUseColor(undefined, true, { NO_COLOR: '' }), true);
    assert.equal(shouldUseColor(true, false, { NO_COLOR: '1' }), true);
    assert.equal(shouldUseColor(false, true, {}), false);
  });
});
