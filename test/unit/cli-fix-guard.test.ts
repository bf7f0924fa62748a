// `--fix` never loses text: fixed text that would remove any character is refused, and files the
// analysis cannot take (invalid UTF-8, NUL bytes, absurd nesting) are left byte for byte as they were.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixRefusal } from '../../server/src/cli/lint';
import { incompletePostmortem, runCli, tempFolder } from './cli-e2e-support';

describe('cli: the --fix guard', () => {
  it('accepts fixed text that only adds and moves text', () => {
    assert.equal(fixRefusal('- 14:10 b\n- 14:00 a\n', '- 14:00 a\n- 14:10 b\n'), undefined);
    assert.equal(fixRefusal('# T\n', '# T\n\n## Impact\n\nTODO\n'), undefined);
    assert.equal(fixRefusal('a b', 'a\r\n\tb'), undefined);
  });

  it('refuses fixed text that removes anything, naming what would be lost', () => {
    assert.match(fixRefusal('Owner: @ana\n', 'Owner: @an\n') ?? '', /would remove text \("a"\); the file is left as it was/);
    assert.match(fixRefusal('日本 👩‍💻', '日本') ?? '', /"👩"/);
  });

  it('writes a CRLF document ending in an unclosed code fence so that the sections it adds are sections', () => {
    const folder = tempFolder();
    try {
      const original = `${incompletePostmortem.replace(/\n/g, '\r\n')}\r\n~~~\r\nlog output`;
      const file = folder.put('postmortems/fence.md', original);
      const run = runCli(folder.root, ['--fix']);
      assert.match(run.stderr, /fence\.md: \d+ fix(es)? applied/);
      const written = readFileSync(file, 'utf8');
      // Sections are only inserted: the original lines are all there, in their order.
      const lines = written.split('\r\n');
      let next = 0;
      for (const line of original.split('\r\n')) {
        next = lines.indexOf(line, next) + 1;
        assert.ok(next > 0, `kept: ${line}`);
      }
      assert.ok(!/(^|[^\r])\n/.test(written), 'every inserted line break is CRLF');
      assert.match(written, /log output\r\n~~~\r\n\r\n## /);
      const again = JSON.parse(runCli(folder.root, ['--format', 'json']).stdout) as { messages: { ruleId: string; fix?: unknown }[] }[];
      assert.deepEqual(again[0].messages.filter((message) => message.fix !== undefined), []);
    } finally {
      folder.remove();
    }
  });

  it('leaves invalid UTF-8, binary and too deeply nested files untouched', () => {
    const folder = tempFolder();
    try {
      const invalid = Buffer.concat([Buffer.from(incompletePostmortem), Buffer.from([0xc3, 0x28, 0xff])]);
      const binary = Buffer.concat([Buffer.from(incompletePostmortem), Buffer.from([0])]);
      const nested = `${incompletePostmortem}\n${'> '.repeat(5000)}deep\n`;
      const files = {
        invalid: folder.put('postmortems/invalid.md', invalid),
        binary: folder.put('postmortems/binary.md', binary),
        nested: folder.put('postmortems/nested.md', nested),
      };
      const run = runCli(folder.root, ['--fix', '--format', 'json']);
      assert.match(run.stderr, /invalid\.md: skipped: binary file \(not valid UTF-8\)/);
      assert.match(run.stderr, /binary\.md: skipped: binary file \(contains NUL bytes\)/);
      assert.deepEqual(readFileSync(files.invalid), invalid);
      assert.deepEqual(readFileSync(files.binary), binary);
      assert.equal(readFileSync(files.nested, 'utf8'), nested);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
      const deep = results.find((result) => result.filePath.endsWith('nested.md'));
      assert.deepEqual(deep?.messages.map((message) => message.message), ['This document could not be analysed: it has lists or block quotes nested more than 32 levels deep.']);
      assert.deepEqual(readdirSync(join(folder.root, 'postmortems')).sort(), ['binary.md', 'invalid.md', 'nested.md']);
    } finally {
      folder.remove();
    }
  });
});
