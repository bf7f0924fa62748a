// Finding and reading input files, and writing fixes back atomically.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { applyEdits } from '../../server/src/analysis/text';
import { CliError } from '../../server/src/cli/errors';
import { maxFileSizeBytes } from '../../server/src/analysis/limits';
import { displayPath, encodeText, findInputFiles, readTextFile } from '../../server/src/cli/files';
import { writeFileAtomic } from '../../server/src/cli/write';

let root: string;

function put(path: string, content: string | Uint8Array): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function found(args: string[]): [string, boolean][] {
  return findInputFiles(args, root).map((file) => [relative(root, file.path), file.explicit]);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-cli-files-'));
  put('a.md', '# A\n');
  put('notes.markdown', '# Notes\n');
  put('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]));
  put('node_modules/pkg/readme.md', '# Readme\n');
  put('sub/node_modules/x.md', '# X\n');
  put('.git/info.md', '# Git\n');
  put('sub/b.md', '# B\n');
  put('sub/deeper/c.MD', '# C\n');
  put('[draft].md', '# Draft\n');
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('finding input files', () => {
  it('walks the working folder for Markdown files, never into node_modules or .git', () => {
    assert.deepEqual(found([]), [
      ['[draft].md', false],
      ['a.md', false],
      ['notes.markdown', false],
      ['sub/b.md', false],
      ['sub/deeper/c.MD', false],
    ]);
  });

  it('walks a directory given as an argument', () => {
    assert.deepEqual(found(['sub']), [
      ['sub/b.md', false],
      ['sub/deeper/c.MD', false],
    ]);
  });

  it('takes a named file as explicit, whatever its extension', () => {
    assert.deepEqual(found(['image.png', 'sub/b.md']), [
      ['image.png', true],
      ['sub/b.md', true],
    ]);
  });

  it('takes a file whose name looks like a glob literally', () => {
    assert.deepEqual(found(['[draft].md']), [['[draft].md', true]]);
  });

  it('expands globs to Markdown files, outside node_modules', () => {
    assert.deepEqual(found(['sub/**/*.md']), [['sub/b.md', false]]);
    assert.deepEqual(found(['sub/**']), [
      ['sub/b.md', false],
      ['sub/deeper/c.MD', false],
    ]);
    assert.throws(() => findInputFiles(['**/x.md'], root), /no files match the pattern/);
  });

  it('lists each file once, explicit if named anywhere', () => {
    assert.deepEqual(found(['*.md', 'a.md']), [
      ['[draft].md', false],
      ['a.md', true],
    ]);
  });

  it('follows symlinks but lists a file reached by several paths once', () => {
    const linked = join(root, 'linked-input');
    mkdirSync(linked);
    symlinkSync(join(root, 'sub'), join(linked, 'sub-link'));
    symlinkSync(root, join(linked, 'loop'));
    const files = findInputFiles(['linked-input'], root).map((file) => relative(root, file.path));
    assert.equal(files.length, 5, files.join());
    assert.equal(files.filter((file) => file.endsWith('/b.md')).length, 1, files.join());
    assert.deepEqual(findInputFiles(['linked-input/sub-link'], root).length, 2);
  });

  it('fails on a missing path or a glob that matches nothing', () => {
    assert.throws(() => findInputFiles(['missing.md'], root), (error: unknown) => {
      assert.ok(error instanceof CliError);
      assert.equal(error.message, 'no such file or directory: missing.md');
      return true;
    });
    assert.throws(() => findInputFiles(['nothing/**/*.md'], root), /no files match the pattern: nothing\/\*\*\/\*\.md/);
  });
});

describe('reading files', () => {
  it('reads UTF-8 text', () => {
    assert.deepEqual(readTextFile(put('ok.md', '# Ünïcode 😀\r\n')), { text: '# Ünïcode 😀\r\n', bom: false });
  });

  it('splits off a BOM and restores it when encoding', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\n')]);
    const read = readTextFile(put('bom.md', bytes));
    assert.deepEqual(read, { text: '# Title\n', bom: true });
    assert.deepEqual(encodeText('# Title\n', true), bytes);
    assert.deepEqual(encodeText('# Title\n', false), Buffer.from('# Title\n'));
  });

  it('skips binary files', () => {
    assert.deepEqual(readTextFile(join(root, 'image.png')), { skipped: 'binary file (contains NUL bytes)' });
    assert.deepEqual(readTextFile(put('latin1.md', Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9]))), {
      skipped: 'binary file (not valid UTF-8)',
    });
  });

  it('skips files over the size limit of 2 MB', () => {
    assert.equal(maxFileSizeBytes, 2 * 1024 * 1024);
    const limit = put('limit.md', Buffer.alloc(maxFileSizeBytes, 'a'));
    assert.ok('text' in readTextFile(limit));
    const huge = put('huge.md', Buffer.alloc(maxFileSizeBytes + 1, 'a'));
    assert.deepEqual(readTextFile(huge), { skipped: 'file is larger than 2 MB' });
  });

  it('skips unreadable files with the reason', () => {
    assert.deepEqual(readTextFile(join(root, 'sub')), { skipped: 'is a directory' });
    assert.deepEqual(readTextFile(join(root, 'gone.md')), { skipped: 'no such file or directory' });
  });

  it('skips files it has no permission to read', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, () => {
    const locked = put('locked.md', '# Locked\n');
    chmodSync(locked, 0o000);
    assert.deepEqual(readTextFile(locked), { skipped: 'permission denied' });
  });
});

describe('display paths', () => {
  it('is relative with forward slashes inside the working folder, absolute outside', () => {
    assert.equal(displayPath(join(root, 'sub', 'b.md'), root), 'sub/b.md');
    assert.equal(displayPath('/elsewhere/x.md', root), '/elsewhere/x.md');
    assert.equal(displayPath(join(root, '..foo.md'), join(root)), '..foo.md');
  });
});

describe('atomic writes', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', () => {
    const folder = join(root, 'atomic');
    const file = put('atomic/doc.md', 'old\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new\n');
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(folder), ['doc.md']);
  });

  it('writes through a symlink to its target', () => {
    const target = put('linked/target.md', 'old\n');
    const link = join(root, 'linked', 'link.md');
    symlinkSync(target, link);
    writeFileAtomic(link, 'new\n');
    assert.equal(readFileSync(target, 'utf8'), 'new\n');
    assert.ok(statSync(link).isFile());
    assert.deepEqual(readdirSync(join(root, 'linked')).sort(), ['link.md', 'target.md']);
  });

  it('removes the temporary file when the rename fails', () => {
    put('clash/target/inner.md', '# Inner\n');
    assert.throws(() => writeFileAtomic(join(root, 'clash', 'target'), 'new\n'));
    assert.deepEqual(readdirSync(join(root, 'clash')), ['target']);
  });

  it('cleans up and throws when the folder cannot be written', { skip: process.getuid?.() === 0 ? 'root writes everywhere' : false }, () => {
    const folder = join(root, 'readonly');
    const file = put('readonly/doc.md', 'old\n');
    chmodSync(folder, 0o555);
    try {
      assert.throws(() => writeFileAtomic(file, 'new\n'));
      assert.deepEqual(readdirSync(folder), ['doc.md']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('keeps every byte outside the edits, BOM and CRLF included', () => {
    const original = '# Title\r\n\r\nOwner: TBD\r\nKeep   this\ttext\r\n';
    const bytes = encodeText(original, true);
    const file = put('edit/doc.md', bytes);
    const read = readTextFile(file);
    assert.ok('text' in read);
    const start = read.text.indexOf('TBD');
    const fixed = applyEdits(read.text, [{ span: { start, end: start + 3 }, newText: '@ana' }]);
    writeFileAtomic(file, encodeText(fixed, read.bom));
    const written = readFileSync(file);
    const editAt = bytes.indexOf('TBD');
    assert.deepEqual(written.subarray(0, editAt), bytes.subarray(0, editAt));
    assert.equal(written.subarray(editAt, editAt + 4).toString(), '@ana');
    assert.deepEqual(written.subarray(editAt + 4), bytes.subarray(editAt + 3));
    assert.deepEqual(readdirSync(join(root, 'edit')), ['doc.md']);
  });
});
