import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PostmortemSettings } from '../../server/src/protocol';
import { defaultSettings, SettingsStore, WorkspaceFolders } from '../../server/src/lsp/settings';

const folders = new WorkspaceFolders({ workspaceFolders: [{ uri: 'file:///w/app', name: 'app' }, { uri: 'file:///w/app/docs', name: 'docs' }, { uri: 'file:///w/api', name: 'api' }], rootUri: null });

test('a path belongs to the innermost workspace folder holding it, not to one that only shares its prefix', () => {
  assert.equal(folders.folderOf('/w/app/postmortems/a.md'), '/w/app');
  assert.equal(folders.folderOf('/w/app/docs/postmortems/a.md'), '/w/app/docs');
  assert.equal(folders.folderOf('/w/api/a.md'), '/w/api');
  assert.equal(folders.folderOf('/w/application/a.md'), undefined);
  assert.equal(folders.folderOf('/w/app'), '/w/app', 'a folder holds itself, as the core decides');
  assert.equal(folders.folderOf(undefined), undefined);
  assert.deepEqual(new WorkspaceFolders({ workspaceFolders: null, rootUri: 'file:///root' }).paths, ['/root']);
});

test('settings are asked once per resource, per workspace folder for files, and again after a change', async () => {
  const asked: string[] = [];
  const limits: Record<string, number> = { 'file:///w/app': 1000, 'file:///w/app/docs': 2000 };
  const settings = new SettingsStore((scopeUri) => {
    asked.push(scopeUri);
    return Promise.resolve(scopeUri in limits ? { maxFileSize: limits[scopeUri] } : null);
  }, folders);

  assert.equal((await settings.forFolderOf('/w/app/docs/postmortems/a.md')).maxFileSize, 2000);
  assert.equal((await settings.forFolderOf('/w/app/postmortems/b.md')).maxFileSize, 1000);
  assert.equal((await settings.forFolderOf('/w/app/postmortems/c.md')).maxFileSize, 1000);
  assert.deepEqual(await settings.forFolderOf('/elsewhere/d.md'), defaultSettings);
  assert.deepEqual(await settings.forResource('file:///w/api/x.md'), defaultSettings);
  assert.deepEqual(asked, ['file:///w/app/docs', 'file:///w/app', 'file:///w/api/x.md']);

  limits['file:///w/app'] = 3000;
  assert.equal((await settings.forFolderOf('/w/app/postmortems/b.md')).maxFileSize, 1000, 'cached until cleared');
  settings.clear();
  const changed: PostmortemSettings = await settings.forFolderOf('/w/app/postmortems/b.md');
  assert.equal(changed.maxFileSize, 3000);
  assert.deepEqual(changed.rules, {}, 'unset keys keep their defaults');
});

test('without workspace/configuration, or when the client fails to answer, the defaults apply', async () => {
  assert.deepEqual(await new SettingsStore(undefined, folders).forResource('file:///w/app/a.md'), defaultSettings);
  const failing = new SettingsStore(() => Promise.reject(new Error('no answer')), folders);
  assert.deepEqual(await failing.forResource('file:///w/app/a.md'), defaultSettings);
});
