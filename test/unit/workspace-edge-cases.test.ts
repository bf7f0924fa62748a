// The workspace index on a changing, hostile disk: files deleted or renamed while it scans, unreadable
// files, symlink loops, and tens of thousands of Markdown files that are not postmortems.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/analysis/config';
import { WorkspaceIndex } from '../../server/src/lsp/workspace-index';

const postmortem = (n: number) => `# Postmortem: Outage ${n}\n\n## Action items\n\n- [ ] [P1] Fix thing ${n} (Owner: @owner${n}, Due: 2099-01-01)\n`;

let root: string;

function put(path: string, content: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** An index over the real file system, reading files as the server does. */
function createIndex(folder: string): WorkspaceIndex {
  return new WorkspaceIndex({
    folders: [folder],
    configFor: () => ({ config: defaultConfig(), root: folder }),
    readFile: (path) => readFile(path, 'utf8').then((text) => text, () => undefined),
    maxFileSize: () => 2 * 1024 * 1024,
    today: () => '2024-03-01',
  });
}

const titles = (index: WorkspaceIndex) => [...new Set(index.actionItems({ includeDone: true }).map((item) => item.documentTitle))].sort();

before(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-workspace-'));
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('workspace index edge cases', () => {
  it('stays correct when files are deleted or renamed while it scans', async () => {
    const folder = join(root, 'changing');
    for (let n = 0; n < 30; n++) put(`changing/postmortems/p${String(n).padStart(2, '0')}.md`, postmortem(n));
    const index = createIndex(folder);
    await index.scan((done) => {
      // After listing, before these are read (reads run a few files ahead).
      if (done !== 1) return;
      unlinkSync(join(folder, 'postmortems', 'p20.md'));
      renameSync(join(folder, 'postmortems', 'p21.md'), join(folder, 'postmortems', 'p21-renamed.md'));
      rmSync(join(folder, 'postmortems', 'p22.md'));
      mkdirSync(join(folder, 'postmortems', 'p22.md'));
    });
    const expected = Array.from({ length: 30 }, (_, n) => n).filter((n) => n < 20 || n > 22);
    assert.deepEqual(titles(index), expected.map((n) => `Postmortem: Outage ${n}`).sort());
    await index.scan();
    assert.deepEqual(titles(index), [...expected, 21].map((n) => `Postmortem: Outage ${n}`).sort());
  });

  it('skips unreadable files and symlink loops, and indexes the rest', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
    const folder = join(root, 'locked');
    put('locked/postmortems/open.md', postmortem(1));
    const locked = put('locked/postmortems/locked.md', postmortem(2));
    chmodSync(locked, 0o000);
    mkdirSync(join(folder, 'postmortems', 'closed'));
    put('locked/postmortems/closed/inside.md', postmortem(3));
    chmodSync(join(folder, 'postmortems', 'closed'), 0o000);
    symlinkSync(folder, join(folder, 'postmortems', 'loop'), 'dir');
    try {
      const index = createIndex(folder);
      await index.scan();
      assert.deepEqual(titles(index), ['Postmortem: Outage 1']);
    } finally {
      chmodSync(locked, 0o644);
      chmodSync(join(folder, 'postmortems', 'closed'), 0o755);
    }
  });

  it('follows no symlink loop, even one that points at its own folder', async () => {
    const folder = join(root, 'loops');
    put('loops/postmortems/real.md', postmortem(4));
    symlinkSync(folder, join(folder, 'postmortems', 'up'), 'dir');
    symlinkSync(join(folder, 'postmortems', 'self'), join(folder, 'postmortems', 'self'));
    const index = createIndex(folder);
    await index.scan();
    assert.deepEqual(titles(index), ['Postmortem: Outage 4']);
  });

  it('ignores 50,000 Markdown files that are not postmortems and lets the event loop run meanwhile', async () => {
    const folder = join(root, 'many');
    for (let dir = 0; dir < 100; dir++) {
      mkdirSync(join(folder, 'docs', `d${dir}`), { recursive: true });
      for (let file = 0; file < 500; file++) writeFileSync(join(folder, 'docs', `d${dir}`, `note-${file}.md`), `# Note ${file}\n\nSome text about the service.\n`);
    }
    put('many/postmortems/the-one.md', postmortem(5));
    const index = createIndex(folder);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let total = 0;
    try {
      await index.scan((_, listed) => (total = listed));
    } finally {
      clearInterval(timer);
    }
    assert.equal(total, 50_001);
    assert.equal(index.size, 1);
    assert.deepEqual(titles(index), ['Postmortem: Outage 5']);
    // Timers ran during the scan: the thread was never held for the whole of it.
    assert.ok(ticks > 0);
  });
});
