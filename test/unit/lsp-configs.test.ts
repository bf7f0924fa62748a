// The language server's config of each document: its nearest config file, the editor's rules over it, and its root.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../../server/src/lsp/configs';
import { defaultSettings } from '../../server/src/lsp/settings';

let root: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-lsp-configs-'));
  mkdirSync(join(root, 'ws', 'docs'), { recursive: true });
  mkdirSync(join(root, 'ws-old'));
  mkdirSync(join(root, 'team'));
  writeFileSync(join(root, 'team', '.postmortemrc.yaml'), 'placeholders: [XXX]\n');
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('ConfigResolver', () => {
  it('takes the workspace folder a document is inside as its root, not a folder sharing its prefix', () => {
    const resolver = new ConfigResolver(() => [join(root, 'ws')]);
    assert.equal(resolver.forDocument(join(root, 'ws', 'docs', 'a.md'), defaultSettings).root, join(root, 'ws'));
    assert.equal(resolver.forDocument(join(root, 'ws-old', 'a.md'), defaultSettings).root, undefined);
  });

  it('takes the config file folder as the root, and reads the file again after clear()', () => {
    const resolver = new ConfigResolver(() => [root]);
    const document = join(root, 'team', 'a.md');
    const first = resolver.forDocument(document, defaultSettings);
    assert.equal(first.root, join(root, 'team'));
    assert.deepEqual(first.config.placeholders, ['XXX']);
    writeFileSync(join(root, 'team', '.postmortemrc.yaml'), 'placeholders: [YYY]\n');
    assert.deepEqual(resolver.forDocument(document, defaultSettings).config.placeholders, ['XXX']);
    resolver.clear();
    assert.deepEqual(resolver.forDocument(document, defaultSettings).config.placeholders, ['YYY']);
  });

  it('puts the editor rules over the file and reports their problems under settings', () => {
    const resolver = new ConfigResolver(() => [root]);
    const resolved = resolver.forDocument(join(root, 'team', 'b.md'), { ...defaultSettings, rules: { 'timeline-order': 'loud' } });
    assert.deepEqual(resolved.config.rules['timeline-order'], undefined);
    assert.equal(resolved.problems.get('settings')?.length, 1);
  });
});
