import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPostmortem } from '../../server/src/analysis/detect';
import { defaultConfig } from '../../server/src/analysis/config';

const config = defaultConfig();

test('front matter type makes any file a postmortem', () => {
  const result = detectPostmortem('---\ntype: postmortem\n---\n# Search latency\n', '/repo/notes/search.md', config, '/repo');
  assert.deepEqual(result, { postmortem: true, reason: 'front matter says `type: postmortem`' });
});

test('path globs detect postmortems in the usual folders', () => {
  for (const path of ['/repo/postmortems/2024/a.md', '/repo/docs/incidents/b.md', '/repo/x/2024-db-postmortem.md', '/repo/post-mortems/c.md']) {
    assert.equal(detectPostmortem('# Something\n', path, config, '/repo').postmortem, true, path);
  }
  assert.equal(detectPostmortem('# Something\n', '/repo/docs/guide.md', config, '/repo').postmortem, false);
});

test('the first heading detects a postmortem anywhere', () => {
  assert.equal(detectPostmortem('# Incident Review: Disk full\n', '/repo/notes/a.md', config, '/repo').postmortem, true);
  assert.equal(detectPostmortem('# Post-mortem — cache\n', undefined, config).postmortem, true);
  assert.equal(detectPostmortem('Intro\n\n# Guide\n\n## Postmortem tips\n', undefined, config).postmortem, false);
});

test('READMEs and templates are never postmortems, unless front matter says so', () => {
  assert.equal(detectPostmortem('# Postmortem index\n', '/repo/postmortems/README.md', config, '/repo').postmortem, false);
  assert.equal(detectPostmortem('# Postmortem: {{TITLE}}\n', '/repo/postmortems/template.md', config, '/repo').postmortem, false);
  assert.equal(detectPostmortem('---\ntype: postmortem\n---\n', '/repo/postmortems/README.md', config, '/repo').postmortem, true);
  assert.equal(detectPostmortem('---\npostmortem: false\n---\n# Postmortem\n', '/repo/postmortems/a.md', config, '/repo').postmortem, false);
});

test('TOML front matter between +++ fences says so as YAML does', () => {
  assert.equal(detectPostmortem('+++\ntitle = "Search latency"\ntype = "postmortem"\n+++\n\nText.\n', '/repo/blog/search.md', config, '/repo').postmortem, true);
  assert.equal(detectPostmortem('+++\ntype = "postmortem"\npostmortem = false\n+++\n', '/repo/postmortems/a.md', config, '/repo').postmortem, false);
});
