// The words a phrasebook pattern cannot match without: read conservatively, and never a reason to skip a sentence the pattern matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPhrasebook } from '../../server/src/analysis/blame/phrasebook';
import { hasRequiredText, lowerForRequiredText, requiredTextOf } from '../../server/src/analysis/blame/required-text';
import { repoRoot } from './cli-e2e-support';

test('each run of letters a match must contain is a clause; alternatives share one clause', () => {
  assert.deepEqual(requiredTextOf('forgot to {object}'), [['forgot']]);
  assert.deepEqual(requiredTextOf('(?:was|were) (?:not |never )?(?<verb>noticed|spotted)'), [['was', 'were'], ['noticed', 'spotted']]);
  assert.deepEqual(requiredTextOf('dropped the ball|fumbled'), [['dropped', 'fumbled']]);
  assert.deepEqual(requiredTextOf('rubber[- ]?stamped'), [['rubber'], ['stamped']]);
});

test('optional parts, negative lookarounds, placeholders, classes and escapes require nothing', () => {
  assert.deepEqual(requiredTextOf('(?:carelessly )?{faultVerb}'), []);
  assert.deepEqual(requiredTextOf('(?!never )\\p{L}+'), []);
  assert.deepEqual(requiredTextOf('(?<!because )[a-z]+'), []);
  assert.deepEqual(requiredTextOf('(?:ignored)*|missed'), []);
  assert.deepEqual(requiredTextOf('(?:ignored){0,2} it'), []);
  // A letter made optional ends the run: "colou?r" requires "colo", and a final "r" too short to check.
  assert.deepEqual(requiredTextOf('colou?r'), [['colo']]);
  assert.deepEqual(requiredTextOf('\\bignored\\b'), [['ignored']]);
});

test('a positive lookaround requires its words: what it sees is in the text', () => {
  assert.deepEqual(requiredTextOf('(?<=because )[a-z]+'), [['because']]);
  assert.deepEqual(requiredTextOf('by {person}(?= (?:would|could) )'), [['would', 'could']]);
});

test('a pattern it cannot read requires nothing', () => {
  assert.deepEqual(requiredTextOf('(?:unclosed'), []);
  assert.deepEqual(requiredTextOf('closed) too early'), []);
  assert.deepEqual(requiredTextOf('{ not a placeholder'), []);
});

test('the text is compared in lower case, a long s as "s"', () => {
  assert.equal(hasRequiredText(lowerForRequiredText('Bob FORGOT to renew it'), [['forgot']]), true);
  assert.equal(hasRequiredText(lowerForRequiredText('Bob forgot to renew it'), [['forgot'], ['never']]), false);
  assert.equal(hasRequiredText(lowerForRequiredText('Bob ignoſed it'), [['ignosed']]), true);
  assert.equal(hasRequiredText('anything', []), true);
});

/** Lines of the project's own fixture documents. */
function fixtureLines(): string[] {
  const root = join(repoRoot, 'test', 'fixtures');
  const lines: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) lines.push(...readFileSync(path, 'utf8').split('\n'));
    }
  };
  walk(root);
  return lines;
}

test('no built-in entry is skipped on a line its expression matches', () => {
  const compiled = defaultPhrasebook().compiled;
  const entries = [
    ...compiled.predicates.map((predicate) => ({ id: predicate.entry.id, requiredText: predicate.requiredText, regex: predicate.regex })),
    ...compiled.phrases.map((phrase) => ({ id: phrase.entry.id, requiredText: phrase.requiredText, regex: phrase.regex })),
    ...compiled.tryHarder.map((phrase) => ({ id: phrase.entry.id, requiredText: phrase.requiredText, regex: phrase.regex })),
    ...compiled.operations.map((operations, index) => ({ id: `operations[${index}]`, requiredText: operations.requiredText, regex: operations.regex })),
  ];
  const lines = fixtureLines();
  let matched = 0;
  for (const { id, requiredText, regex } of entries) {
    // Anywhere in the line, not only where detection would try it: a wider net for the same promise.
    const anywhere = new RegExp(regex.source, 'iu');
    for (const line of lines) {
      if (!anywhere.test(line)) continue;
      matched++;
      assert.ok(hasRequiredText(lowerForRequiredText(line), requiredText), `${id} matches but its prefilter skips: ${line}`);
    }
  }
  assert.ok(matched > 100, `the fixtures exercise the entries (${matched} matches)`);
  assert.ok(entries.filter((entry) => entry.requiredText.length > 0).length > entries.length * 0.8, 'most entries get a prefilter');
});
