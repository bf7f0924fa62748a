// The disk reader the CLI and the language server pass to the core's config loader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLoader } from '../../server/src/analysis';
import { nodeConfigFileReader } from '../../server/src/node-files';

const knownRuleIds = ['timeline-order', 'placeholder'];

describe('nodeConfigFileReader', () => {
  it('reads files and gives undefined for missing files and folders', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postmortemrc-'));
    try {
      writeFileSync(join(folder, '.postmortemrc.yaml'), 'placeholders: [XXX]\n');
      mkdirSync(join(folder, 'sub', '.postmortemrc.json'), { recursive: true });
      assert.equal(nodeConfigFileReader.readFile(join(folder, '.postmortemrc.yaml')), 'placeholders: [XXX]\n');
      assert.equal(nodeConfigFileReader.readFile(join(folder, 'missing.yaml')), undefined);
      assert.equal(nodeConfigFileReader.readFile(join(folder, 'sub', '.postmortemrc.json')), undefined);
      assert.equal(nodeConfigFileReader.readFile(join(folder, '.postmortemrc.yaml', 'x')), undefined);
      const loaded = new ConfigLoader(nodeConfigFileReader, knownRuleIds).forDocument(join(folder, 'sub', 'a.md'));
      assert.equal(loaded.file, join(folder, '.postmortemrc.yaml'));
      assert.deepEqual(loaded.config.placeholders, ['XXX']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
