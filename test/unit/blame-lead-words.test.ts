// The predicates' lead-word index only saves work: detection finds the same with it as without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPhrasebook, type Phrasebook } from '../../server/src/analysis/blame/phrasebook';
import { findBlame } from '../../server/src/analysis/blame/detect';
import type { ProseBlock } from '../../server/src/analysis/model';
import { blameSplits, readSentences } from './blame-support';

/** The default phrasebook with every predicate tried at every start. */
function withoutLeadWords(phrasebook: Phrasebook): Phrasebook {
  const compiled = phrasebook.compiled;
  return { data: phrasebook.data, compiled: { ...compiled, predicates: compiled.predicates.map((predicate) => ({ ...predicate, leadWords: undefined })) } };
}

function found(text: string, where: ProseBlock['where'], phrasebook: Phrasebook): string[] {
  const block: ProseBlock = { span: { start: 0, end: text.length }, text, where };
  return findBlame(block, { people: [], systems: [], phrasebook }).map((match) => `${match.span.start}-${match.span.end} ${match.kind} ${match.explanation}`);
}

test('predicates read from a verb list or a group of gerunds have lead words', () => {
  const leads = new Map(defaultPhrasebook().compiled.predicates.map((predicate) => [predicate.entry.id, predicate.leadWords]));
  assert.ok(leads.get('fault-verb')?.has('fat-fingered'));
  assert.ok(leads.get('damage-verb')?.has('overwrote'));
  assert.ok(leads.get('gerund-ignoring')?.has('pushing'));
});

test('the lead-word index drops no match on the labelled tuning sentences', () => {
  const indexed = defaultPhrasebook();
  const unindexed = withoutLeadWords(indexed);
  const sentences = [blameSplits.tune, blameSplits.tune2, blameSplits.tune3].flatMap(readSentences);
  let matched = 0;
  for (const { text, section } of sentences) {
    const where = section === 'timeline' ? 'timeline' : 'body';
    const expected = found(text, where, unindexed);
    if (expected.length > 0) matched++;
    assert.deepEqual(found(text, where, indexed), expected, text);
  }
  assert.ok(matched > 100, `the sentences exercise the predicates (${matched} with findings)`);
});
