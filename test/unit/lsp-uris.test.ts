import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { ruleDocsUrl } from '../../server/src/analysis';
import { ruleDocsLink } from '../../server/src/lsp/rule-docs-link';
import { defaultConfig } from '../../server/src/analysis/config';
import { indexFile } from '../../server/src/lsp/index-file';
import { documentKey, filePath, fileUri, sameDocument } from '../../server/src/lsp/uris';

const postmortem = '# Postmortem: Cache outage\n\n## Action items\n\n- [ ] [P1] Add an alert (Owner: @ana, Due: 2030-01-10)\n';

test('a Windows path becomes the URI VS Code writes: lower-case drive letter, escaped colon, forward slashes', () => {
  assert.equal(fileUri('C:\\Users\\Ana Lee\\postmortems\\2024\\#12 cache.md', 'win32'), 'file:///c%3A/Users/Ana%20Lee/postmortems/2024/%2312%20cache.md');
  assert.equal(fileUri('c:\\incidents\\db.md', 'win32'), 'file:///c%3A/incidents/db.md');
  assert.equal(fileUri('\\\\fileserver\\team share\\postmortems\\a.md', 'win32'), 'file://fileserver/team%20share/postmortems/a.md');
});

test('a VS Code URI gives back the Windows path, whichever way the drive letter was written', () => {
  assert.equal(filePath('file:///c%3A/Users/Ana%20Lee/postmortems/%2312%20cache.md', 'win32'), 'c:\\Users\\Ana Lee\\postmortems\\#12 cache.md');
  assert.equal(filePath('file:///C:/Users/ana/a.md', 'win32'), 'c:\\Users\\ana\\a.md');
  assert.equal(filePath('file://fileserver/team%20share/a.md', 'win32'), '\\\\fileserver\\team share\\a.md');
  for (const path of ['d:\\postmortems\\2024\\q1 #3\\outage.md', 'c:\\a\\b.md']) {
    assert.equal(win32.normalize(filePath(fileUri(path, 'win32'), 'win32') ?? ''), win32.normalize(path), path);
  }
});

test('posix paths with spaces and # go to a URI and back unchanged', () => {
  const path = '/home/ana/post mortems/#4 queue (retry).md';
  const uri = fileUri(path, 'posix');
  assert.equal(uri, 'file:///home/ana/post%20mortems/%234%20queue%20%28retry%29.md');
  assert.equal(filePath(uri, 'posix'), path);
  assert.equal(posix.basename(filePath(uri, 'posix') ?? ''), '#4 queue (retry).md');
});

test('untitled and virtual documents have no path', () => {
  assert.equal(filePath('untitled:Untitled-1', 'posix'), undefined);
  assert.equal(filePath('vscode-vfs://github/org/repo/postmortems/a.md', 'win32'), undefined);
});

test('documents are the same by URI: encoding of the drive letter always, case only on Windows', () => {
  assert.ok(sameDocument('file:///C:/Users/Ana/a.md', 'file:///c%3A/Users/Ana/a.md', 'win32'));
  assert.ok(sameDocument('file:///c%3A/USERS/ana/A.md', 'file:///c%3A/Users/Ana/a.md', 'win32'));
  assert.ok(sameDocument('file:///w/a%20b.md', 'file:///w/a b.md', 'posix'));
  assert.equal(sameDocument('file:///w/A.md', 'file:///w/a.md', 'posix'), false);
  assert.equal(sameDocument('file:///c%3A/a.md', 'file:///d%3A/a.md', 'win32'), false);
  assert.equal(sameDocument('untitled:Untitled-1', 'untitled:untitled-1', 'win32'), false);
  assert.equal(documentKey('file:///C:/x.md', 'posix'), 'file:///c%3A/x.md');
});

test('the index names a file by the URI VS Code uses for it, also with spaces and #', () => {
  const path = '/w/postmortems/2024 Q1/#7 cache outage.md';
  const indexed = indexFile(path, postmortem, defaultConfig(), '/w');
  assert.equal(indexed?.uri, 'file:///w/postmortems/2024%20Q1/%237%20cache%20outage.md');
  assert.deepEqual(indexed?.items.map((item) => item.uri), [indexed?.uri]);
});

test('a rule page shipped with the extension opens locally; without the pages, the published address is the link', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm docs #'));
  try {
    writeFileSync(join(folder, 'timeline-order.md'), '# timeline-order\n');
    assert.equal(ruleDocsLink('timeline-order', folder), fileUri(join(folder, 'timeline-order.md')));
    assert.equal(ruleDocsLink('placeholder', folder), ruleDocsUrl('placeholder'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
