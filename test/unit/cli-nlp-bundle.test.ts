// The CLI's NLP bundle carries compromise's tagger lexicon as the build made it: the model it loads must be compromise's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import compromise from 'compromise/two';
import { repoRoot } from './cli-e2e-support';

type Compromise = typeof compromise;

function bundledCompromise(): Compromise {
  const bundle = join(repoRoot, 'dist', 'cli-nlp.js');
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
  // Loaded as the CLI loads it, in this process, so the two models can be compared.
  return (createRequire(__filename)(bundle) as { compromise: Compromise }).compromise;
}

/** compromise types its world as a bare object; its model is plain data. */
function modelOf(library: Compromise): unknown {
  return (library.world() as { model: unknown }).model;
}

test('the CLI bundle loads the same compromise model, word for word and in the same order, as compromise builds when it loads', () => {
  const bundled = modelOf(bundledCompromise());
  const own = modelOf(compromise);
  assert.deepStrictEqual(bundled, own);
  // The lexicon's order decides nothing known, but the bundled one must not differ even there.
  assert.equal(JSON.stringify(bundled), JSON.stringify(own));
});

test('the CLI bundle tags a sentence as compromise does', () => {
  const sentence = 'The on-call engineer forgot to restart the workers, and Dana rolled back the deploy hours later.';
  // Each term also carries a random id, which is left out.
  const tags = (library: Compromise) =>
    (library(sentence).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: unknown }[] }[]).flatMap((found) =>
      found.terms.map(({ text, tags: termTags, offset }) => ({ text, tags: termTags, offset })),
    );
  const bundled = tags(bundledCompromise());
  assert.ok(bundled.some((term) => term.tags.includes('PastTense')), JSON.stringify(bundled));
  assert.deepStrictEqual(bundled, tags(compromise));
});
