// What an AnalysisCache keeps for its owner: the last model read, and the dates chrono read, with the same answers as without it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisCache, defaultConfig } from '../../server/src/analysis';
import { parsePostmortem } from '../../server/src/analysis/parse';
import { findDateIn } from '../../server/src/analysis/metadata';

const text = [
  '# March 3rd, 2024: search results went stale',
  '',
  '## Timeline',
  '',
  '- 10:02 the index job stopped',
  '- 10:40 the job was restarted',
  '',
].join('\n');

describe('AnalysisCache', () => {
  it('hands back the model it read last for the same text, config and day', () => {
    const cache = new AnalysisCache();
    const config = defaultConfig();
    const first = parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache });
    assert.equal(parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache }), first);
    assert.equal(first.date, '2024-03-03');
  });

  it('keeps the model when its parsed trees are let go, and counts it in its bytes', () => {
    const cache = new AnalysisCache();
    const config = defaultConfig();
    const first = parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache });
    cache.parser.clear();
    assert.equal(cache.parser.bytes, 0);
    assert.ok(cache.bytes >= text.length, `${cache.bytes} bytes for a model of ${text.length} characters`);
    assert.equal(parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache }), first);
  });

  it('reads the text again when the day, the config or the text changes', () => {
    const cache = new AnalysisCache();
    const config = defaultConfig();
    const first = parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache });
    assert.notEqual(parsePostmortem(text, config, cache.parser, { today: '2024-06-02', cache }), first);
    assert.notEqual(parsePostmortem(text, defaultConfig(), cache.parser, { today: '2024-06-02', cache }), first);
    const edited = parsePostmortem(`${text}- 11:00 results were fresh again\n`, config, cache.parser, { today: '2024-06-01', cache });
    assert.equal(edited.timeline.length, 3);
  });

  it('keeps no model when the parse only skims, or uses another parser', () => {
    const cache = new AnalysisCache();
    const config = defaultConfig();
    const skimmed = parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache, skim: true });
    assert.notEqual(parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache }), skimmed);
    const full = parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache });
    assert.notEqual(parsePostmortem(text, config, undefined, { today: '2024-06-01', cache }), full);
  });

  it('forgets the last model when disposed', () => {
    const cache = new AnalysisCache();
    const config = defaultConfig();
    const first = parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache });
    cache.dispose();
    assert.notEqual(parsePostmortem(text, config, cache.parser, { today: '2024-06-01', cache }), first);
  });

  it('reads dates the same with a cache as without, misses included', () => {
    const cache = new AnalysisCache();
    for (const written of ['March 3rd, 2022 outage', '14-02-2024 - queue backlog', 'no date here 42', 'last Tuesday at 3']) {
      const alone = findDateIn(written, '2024-06-01');
      assert.deepEqual(findDateIn(written, '2024-06-01', cache), alone, written);
      assert.deepEqual(findDateIn(written, '2024-06-01', cache), alone, `${written}, read again`);
    }
    assert.equal(findDateIn('March 3rd, 2022 outage', '2024-06-01', cache)?.date, '2022-03-03');
    assert.equal(findDateIn('last Tuesday at 3', '2024-06-01', cache), undefined);
  });
});
