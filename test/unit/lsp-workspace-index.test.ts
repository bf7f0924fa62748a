// The workspace index over real temporary folders: what a scan finds, updates, owners, metrics and action items.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig } from '../../server/src/analysis/config';
import { WorkspaceIndex } from '../../server/src/lsp/workspace-index';

const minutes = 60_000;

const cache = [
  '# Postmortem: Cache outage',
  '',
  '**Date**: 2024-01-10',
  '',
  '## Timeline',
  '',
  '- 10:00 Deploy starts',
  '- 10:10 Alert fires for cache errors',
  '- 10:30 Rolled back the deploy',
  '- 11:00 Incident resolved',
  '',
  '## Action items',
  '',
  '- [ ] Add a quorum alert (Owner: @kim, Due: 2024-02-01)',
  '- [x] Roll back the config (Owner: @lee, Due: 2024-01-11)',
  '- [ ] [P1] Load test the cache (Owner: @kim)',
  '',
].join('\n');

const database = [
  '# Incident report: Database failover',
  '',
  '## Timeline',
  '',
  '- 2024-02-20 09:00 Primary fails',
  '- 09:20 Page sent to the on-call',
  '- 09:50 Failed over to the replica',
  '- 10:40 Stable again',
  '',
  '## Action items',
  '',
  '| Action | Owner | Due | Status |',
  '|---|---|---|---|',
  '| Automate failover | @ana, @kim | 2024-03-15 | Open |',
  '| Fix the runbook | Ana | 2024-02-25 | Open |',
  '',
].join('\n');

const login = ['# Post-mortem: Login errors', '', '## Action items', '', '- Rotate the signing key, owner @kim', ''].join('\n');

let root: string;
let paths: Record<'cache' | 'database' | 'login' | 'outside', string>;

function put(path: string, content: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function createIndex(folder = root): WorkspaceIndex {
  return new WorkspaceIndex({
    folders: [folder],
    configFor: () => ({ config: defaultConfig(), root: folder }),
    // Running as root makes chmod useless, so unreadable files are simulated here.
    readFile: async (path) => {
      if (path.endsWith('locked.md')) return undefined;
      if (path.endsWith('broken.md')) throw new Error('EIO');
      return readFile(path, 'utf8');
    },
    maxFileSize: () => 64 * 1024,
    today: () => '2024-03-01',
  });
}

async function scanned(): Promise<WorkspaceIndex> {
  const index = createIndex();
  await index.scan();
  return index;
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-index-'));
  paths = {
    cache: put('postmortems/2024-01-10-cache.md', cache),
    database: put('incidents/2024-02-20-db.md', database),
    login: put('notes/review.markdown', login),
    outside: join(tmpdir(), 'postmortem-outside.md'),
  };
  put('README.md', '# Postmortem: not really, a readme\n');
  put('postmortems/README.md', '# Postmortems\n');
  put('notes/plain.md', '# Meeting notes\n\n- [ ] Buy cake (Owner: @zed)\n');
  put('postmortems/huge-postmortem.md', `# Postmortem: Huge\n\n${'Lorem ipsum dolor sit amet. '.repeat(4000)}\n`);
  put('postmortems/locked.md', cache);
  put('postmortems/broken.md', cache);
  put('node_modules/pkg/postmortems/vendored.md', cache);
  put('.hidden/postmortems/draft.md', cache);
  symlinkSync(root, join(root, 'postmortems', 'loop'), 'dir');
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('WorkspaceIndex.scan', () => {
  it('indexes the postmortems only, skipping node_modules, hidden folders, symlink loops, huge and unreadable files', async () => {
    const index = await scanned();
    assert.equal(index.size, 3);
    assert.deepEqual([...new Set(index.actionItems({ includeDone: true }).map((item) => item.documentTitle))], ['Incident report: Database failover', 'Post-mortem: Login errors', 'Postmortem: Cache outage']);
  });

  it('reports progress from 0 to the number of Markdown files listed', async () => {
    const calls: [number, number][] = [];
    await createIndex().scan((done, total) => calls.push([done, total]));
    // Listed: 3 postmortems, 2 READMEs, the plain note, the huge, locked and broken files.
    assert.deepEqual(calls, Array.from({ length: 10 }, (_, done) => [done, 9]));
  });

  it('stops when cancelled, without announcing a change', async () => {
    const index = createIndex();
    let changes = 0;
    index.onDidChange(() => changes++);
    const token = { isCancellationRequested: false };
    await index.scan((done) => (token.isCancellationRequested = done >= 1), token);
    assert.ok(index.size <= 1);
    assert.equal(changes, 0);
  });

  it('announces the change once at the end', async () => {
    const index = createIndex();
    let changes = 0;
    index.onDidChange(() => changes++);
    await index.scan();
    assert.equal(changes, 1);
  });

  it('keeps text given to update during a scan over the older file on disk', async () => {
    const index = createIndex();
    const scanning = index.scan();
    index.update(paths.cache, cache.replace('- [ ] Add a quorum alert', '- [x] Add a quorum alert'));
    await scanning;
    const quorum = index.actionItems({ includeDone: true }).find((item) => item.description.startsWith('Add a quorum alert'));
    assert.equal(quorum?.status, 'done');
  });

  it('drops files deleted since the last scan', async () => {
    const index = await scanned();
    const gone = put('postmortems/2024-02-02-gone.md', login);
    await index.scan();
    assert.equal(index.size, 4);
    unlinkSync(gone);
    await index.scan();
    assert.equal(index.size, 3);
  });
});

describe('WorkspaceIndex queries', () => {
  it('lists open action items with everything the tree needs, overdue judged on today()', async () => {
    const index = await scanned();
    const uri = pathToFileURL(paths.database).href;
    const items = index.actionItems({ includeDone: false });
    assert.deepEqual(
      items.map((item) => [item.description, item.owner ?? null, item.due ?? null, item.overdue]),
      [
        ['Automate failover', '@ana, @kim', '2024-03-15', false],
        ['Fix the runbook', 'Ana', '2024-02-25', true],
        ['Rotate the signing key', '@kim', null, false],
        ['Add a quorum alert', '@kim', '2024-02-01', true],
        ['Load test the cache', '@kim', null, false],
      ],
    );
    assert.deepEqual(items[0], {
      id: `${uri}#13`,
      uri,
      documentTitle: 'Incident report: Database failover',
      range: { start: { line: 13, character: 0 }, end: { line: 13, character: 54 } },
      description: 'Automate failover',
      owner: '@ana, @kim',
      owners: ['@ana', '@kim'],
      due: '2024-03-15',
      priority: undefined,
      status: 'open',
      overdue: false,
      daysUntilDue: 14,
      dueInWords: 'due in 14 days',
      dueWindow: 'later',
      ticket: undefined,
      group: undefined,
      postmortemDate: '2024-02-20',
      dueForFollowUp: false,
    });
    assert.deepEqual(
      index.actionItems({ includeDone: true, owner: 'ANA' }).map((item) => item.description),
      ['Automate failover', 'Fix the runbook'],
      'one of several owners, in any case, with or without @',
    );
    assert.equal(items[4].priority, 1);
    assert.equal(index.actionItems({ includeDone: true }).length, 6);
  });

  it('lists owners, most used first, each person once across spellings and shared cells', async () => {
    assert.deepEqual((await scanned()).owners(), ['@kim', '@ana', '@lee']);
  });

  it('gives workspace metrics with medians over the postmortems that state them', async () => {
    assert.deepEqual((await scanned()).metrics(), {
      postmortems: 3,
      openActionItems: 5,
      overdueActionItems: 2,
      medianTimeToDetect: 15 * minutes,
      medianTimeToMitigate: 40 * minutes,
      medianTimeToResolve: 80 * minutes,
    });
  });
});

describe('WorkspaceIndex.update', () => {
  it('re-indexes a changed file quickly and announces it', async () => {
    const index = await scanned();
    let changes = 0;
    index.onDidChange(() => changes++);
    const started = performance.now();
    index.update(paths.cache, cache.replace('- [ ] [P1] Load test', '- [x] [P1] Load test'));
    assert.ok(performance.now() - started < 250);
    assert.equal(changes, 1);
    assert.equal(index.metrics().openActionItems, 4);
  });

  it('does not announce an update that changes nothing the index keeps', async () => {
    const index = await scanned();
    let changes = 0;
    index.onDidChange(() => changes++);
    index.update(paths.cache, cache.replace('Deploy starts', 'Deploy begins'));
    index.update(paths.login, login);
    assert.equal(changes, 0);
  });

  it('removes deleted files, files that stop being postmortems and files grown too large', async () => {
    const index = await scanned();
    index.update(paths.cache, undefined);
    assert.equal(index.size, 2);
    index.update(paths.login, '# Meeting notes\n');
    assert.equal(index.size, 1);
    index.update(paths.database, database + 'x'.repeat(64 * 1024));
    assert.equal(index.size, 0);
    assert.deepEqual(index.metrics().medianTimeToDetect, undefined);
  });

  it('adds new postmortems and ignores files outside the folders, in node_modules or not Markdown', async () => {
    const index = await scanned();
    index.update(join(root, 'incidents', '2024-03-01-new.md'), login);
    assert.equal(index.size, 4);
    index.update(paths.outside, login);
    index.update(join(root, 'node_modules', 'x', 'postmortem.md'), login);
    index.update(join(root, 'incidents', 'notes.txt'), login);
    assert.equal(index.size, 4);
  });

  it('stops calling a disposed listener', async () => {
    const index = await scanned();
    let changes = 0;
    const listener = index.onDidChange(() => changes++);
    listener.dispose();
    index.update(paths.cache, undefined);
    assert.equal(changes, 0);
  });
});

describe('WorkspaceIndex.filesChanged', () => {
  /** A workspace of its own, so these tests can move folders around without touching the others'. */
  function folderWorkspace(onRead?: (path: string) => void): { folder: string; index: WorkspaceIndex } {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-folders-'));
    const index = new WorkspaceIndex({
      folders: [folder],
      configFor: () => ({ config: defaultConfig(), root: folder }),
      readFile: async (path) => {
        onRead?.(path);
        return readFile(path, 'utf8');
      },
      maxFileSize: () => 64 * 1024,
      today: () => '2024-03-01',
    });
    return { folder, index };
  }

  function countChanges(index: WorkspaceIndex): () => number {
    let count = 0;
    index.onDidChange(() => count++);
    return () => count;
  }

  function writeIn(folder: string, path: string, content: string): string {
    const full = join(folder, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
    return full;
  }

  const documentsOf = (index: WorkspaceIndex) => [...new Set(index.actionItems({ includeDone: true }).map((item) => item.uri))].sort();
  const uriOf = (path: string) => pathToFileURL(path).toString();

  it('drops every postmortem of a deleted folder, and only those', async () => {
    const { folder, index } = folderWorkspace();
    try {
      writeIn(folder, 'postmortems/2023/cache.md', cache);
      writeIn(folder, 'postmortems/2023/deep/db.md', database);
      const kept = writeIn(folder, 'postmortems/2023-old/login.md', login);
      await index.scan();
      assert.equal(index.size, 3);
      const changes = countChanges(index);
      rmSync(join(folder, 'postmortems', '2023'), { recursive: true });
      await index.filesChanged([{ path: join(folder, 'postmortems', '2023'), deleted: true }]);
      assert.deepEqual(documentsOf(index), [uriOf(kept)]);
      assert.equal(changes(), 1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('follows a renamed folder: the old paths are gone and the new ones indexed', async () => {
    const { folder, index } = folderWorkspace();
    try {
      writeIn(folder, 'postmortems/cache.md', cache);
      writeIn(folder, 'postmortems/db/failover.md', database);
      await index.scan();
      renameSync(join(folder, 'postmortems'), join(folder, 'incidents'));
      await index.filesChanged([
        { path: join(folder, 'postmortems'), deleted: true },
        { path: join(folder, 'incidents'), deleted: false },
      ]);
      assert.deepEqual(documentsOf(index), [uriOf(join(folder, 'incidents', 'cache.md')), uriOf(join(folder, 'incidents', 'db', 'failover.md'))]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('indexes the postmortems of a created folder, skipping what a scan skips', async () => {
    const { folder, index } = folderWorkspace();
    try {
      await index.scan();
      const changes = countChanges(index);
      const created = writeIn(folder, 'postmortems/2024/cache.md', cache);
      writeIn(folder, 'postmortems/2024/README.md', '# Postmortems of 2024\n');
      writeIn(folder, 'postmortems/2024/node_modules/pkg/vendored.md', cache);
      writeIn(folder, '.hidden/draft.md', cache);
      await index.filesChanged([
        { path: join(folder, 'postmortems'), deleted: false },
        { path: join(folder, 'postmortems', '2024'), deleted: false },
        { path: join(folder, '.hidden'), deleted: false },
      ]);
      assert.deepEqual(documentsOf(index), [uriOf(created)]);
      assert.equal(changes(), 1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a changed Markdown file again and drops a deleted one', async () => {
    const { folder, index } = folderWorkspace();
    try {
      const path = writeIn(folder, 'postmortems/cache.md', cache);
      await index.scan();
      writeFileSync(path, cache.replace('- [ ] Add a quorum alert', '- [x] Add a quorum alert'));
      await index.filesChanged([{ path, deleted: false }]);
      assert.equal(index.metrics().openActionItems, 1);
      rmSync(path);
      await index.filesChanged([{ path, deleted: true }]);
      assert.equal(index.size, 0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('applies a burst of 2,000 events, some arriving while the first are applied, with one read per postmortem and one change notice', async () => {
    const reads: string[] = [];
    let onFirstRead: (() => void) | undefined;
    const { folder, index } = folderWorkspace((path) => {
      reads.push(path);
      onFirstRead?.();
      onFirstRead = undefined;
    });
    try {
      const old = Array.from({ length: 20 }, (_, i) => writeIn(folder, `postmortems/2023/incident-${i}.md`, login));
      await index.scan();
      reads.length = 0;
      const changes = countChanges(index);
      // A checkout: 2023 goes, 2024 comes with 20 postmortems and many other files, each reported one by one.
      rmSync(join(folder, 'postmortems', '2023'), { recursive: true });
      const created = Array.from({ length: 20 }, (_, i) => writeIn(folder, `postmortems/2024/incident-${i}.md`, cache));
      const others = Array.from({ length: 1_937 }, (_, i) => writeIn(folder, `src/module-${i}.ts`, 'export {};\n'));
      const events = [
        { path: join(folder, 'postmortems', '2024'), deleted: false },
        // Both watchers report each new postmortem.
        ...created.flatMap((path) => [{ path, deleted: false }, { path, deleted: false }]),
        { path: join(folder, 'src'), deleted: false },
        ...others.map((path) => ({ path, deleted: false })),
        ...old.map((path) => ({ path, deleted: true })),
        { path: join(folder, 'postmortems', '2023'), deleted: true },
      ];
      assert.equal(events.length, 2_000);
      const early = events.slice(0, 1_000).map((event) => index.filesChanged([event]));
      // The rest arrives once the index has started reading the new postmortems.
      const late = new Promise<void>((resolve) => (onFirstRead = () => void index.filesChanged(events.slice(1_000)).then(resolve)));
      await Promise.all([...early, late]);
      assert.deepEqual(documentsOf(index), created.map(uriOf).sort());
      assert.equal(reads.length, 20);
      assert.equal(changes(), 1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a scan drops a folder removed without any event, as the Refresh command asks', async () => {
    const { folder, index } = folderWorkspace();
    try {
      writeIn(folder, 'postmortems/2023/cache.md', cache);
      const kept = writeIn(folder, 'incidents/db.md', database);
      await index.scan();
      rmSync(join(folder, 'postmortems'), { recursive: true });
      await index.scan();
      assert.deepEqual(documentsOf(index), [uriOf(kept)]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
