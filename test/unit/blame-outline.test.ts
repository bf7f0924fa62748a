// Outlines only save work: an outline matches wherever its entry's expression does, so no sentence is skipped that the expression would report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPhrasebook } from '../../server/src/analysis/blame/phrasebook';
import { outlineOf } from '../../server/src/analysis/blame/outline';
import { blameSplits, readSentences } from './blame-support';
import { repoRoot } from './cli-e2e-support';

test('property classes are widened: letters and numbers to any non-space character, anything else to any character', () => {
  assert.equal(outlineOf('\\p{L}+ly'), '[^\\s]+ly');
  assert.equal(outlineOf("[\\p{L}\\p{N}_'’-]+"), '[^\\s]+');
  assert.equal(outlineOf('[^\\p{L}]x'), '[\\s\\S]x');
  assert.equal(outlineOf('[\\p{L}\\s]x'), '[\\s\\S]x');
  // A range may span a space (U+00A0 lies between "~" and "¡").
  assert.equal(outlineOf('[\\p{L}~-¡]x'), '[\\s\\S]x');
  assert.equal(outlineOf('\\P{L}x'), '[\\s\\S]x');
  assert.equal(outlineOf('[a-z]+\\s+(?:by|for)'), '[a-z]+\\s+(?:by|for)');
});

test('negative lookarounds are dropped, positive ones and named groups kept', () => {
  assert.equal(outlineOf('(?<![\\p{L}])bob(?![\\p{L}-])'), 'bob');
  assert.equal(outlineOf('(?<who>bob)(?= forgot)'), '(?<who>bob)(?= forgot)');
  assert.equal(outlineOf('(?:(?!never)\\p{L}+|x)'), '(?:[^\\s]+|x)');
});

test('a backreference or an unbalanced source has no outline', () => {
  assert.equal(outlineOf('(?<w>\\p{L}+) \\k<w>'), undefined);
  assert.equal(outlineOf('(\\p{L}+) \\1'), undefined);
  assert.equal(outlineOf('(?:bob'), undefined);
  assert.equal(outlineOf('bob)'), undefined);
});

/** Lines of the project's fixture documents and the labelled tuning sentences. */
function sampleLines(): string[] {
  const lines = [blameSplits.tune, blameSplits.tune2, blameSplits.tune3].flatMap(readSentences).map((sentence) => sentence.text);
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) lines.push(...readFileSync(path, 'utf8').split('\n'));
    }
  };
  walk(join(repoRoot, 'test', 'fixtures'));
  return lines;
}

test('every built-in entry has an outline, and it matches wherever the entry does', () => {
  const compiled = defaultPhrasebook().compiled;
  const lines = sampleLines();
  let matched = 0;
  for (const predicate of compiled.predicates) {
    const outline = predicate.outline;
    assert.ok(outline, `${predicate.entry.id} has an outline`);
    const everywhere = new RegExp(predicate.regex.source, 'giu');
    for (const line of lines) {
      for (const match of line.matchAll(everywhere)) {
        matched++;
        outline.lastIndex = match.index;
        assert.ok(outline.test(line), `${predicate.entry.id} matches at ${match.index} but its outline does not: ${line}`);
      }
    }
  }
  for (const phrase of compiled.phrases) {
    const outline = phrase.outline;
    assert.ok(outline, `${phrase.entry.id} has an outline`);
    for (const line of lines) {
      phrase.regex.lastIndex = 0;
      if (!phrase.regex.test(line)) continue;
      matched++;
      assert.ok(outline.test(line), `${phrase.entry.id} matches but its outline does not: ${line}`);
    }
  }
  assert.ok(matched > 300, `the lines exercise the entries (${matched} matches)`);
});
