// What the analysis shares between documents is let go on request and built again on the next use, with the same findings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, defaultConfig, releaseSharedCaches, type PostmortemConfig } from '../../server/src/analysis';
import { defaultPhrasebook, phrasebookFor } from '../../server/src/analysis/blame/phrasebook';

function teamConfig(): PostmortemConfig {
  const config = defaultConfig();
  return { ...config, blame: { ...config.blame, phrases: [{ match: 'yolo merge', explanation: 'Calling a merge reckless judges the person.' }] } };
}

const text = [
  '# Incident: stale cache served old prices',
  '',
  '## Summary',
  '',
  'On 12 March 2024 the pricing cache kept serving old prices after Dana forgot to flush it following a yolo merge.',
  '',
  '## Action items',
  '',
  '- [ ] Flush the cache on every price import (@ravi)',
  '',
].join('\n');

function blameFindings(config: PostmortemConfig) {
  return analyze(text, { force: true, today: '2024-06-01', config })
    .findings.filter((finding) => finding.ruleId === 'blameful-language')
    .map((finding) => ({ start: finding.span.start, end: finding.span.end, message: finding.message }));
}

describe('releasing the shared caches', () => {
  it('keeps one compiled phrasebook per config until released, then compiles a new one', () => {
    const config = teamConfig();
    const before = phrasebookFor(config.blame);
    const builtIn = defaultPhrasebook();
    assert.equal(phrasebookFor(config.blame), before, 'the same config reuses its compiled phrasebook');
    assert.equal(defaultPhrasebook(), builtIn);

    releaseSharedCaches();

    assert.notEqual(phrasebookFor(config.blame), before, 'a released phrasebook is not handed out again');
    assert.notEqual(defaultPhrasebook(), builtIn);
  });

  it('finds the same blame, team phrases included, after a release as before it', () => {
    const config = teamConfig();
    const before = blameFindings(config);
    assert.ok(before.length >= 2, `expected the forgot-to and the team phrase, got ${JSON.stringify(before)}`);
    releaseSharedCaches();
    assert.deepEqual(blameFindings(config), before);
  });
});
