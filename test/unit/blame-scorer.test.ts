// The learned scorer's groundwork: what the detector reports it read in a sentence, the features made of it, and the trainer's determinism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPhrasebook, traceBlame, type SentenceTrace } from '../../server/src/analysis';
import { sentenceFeatures } from '../../bench/scorer/features';
import { phrasebookEntryIds } from '../../server/src/analysis/blame/phrasebook';
import { generalVocabulary, probability, trainLogistic } from '../../bench/scorer/logistic';

function traced(text: string): SentenceTrace[] {
  return traceBlame({ span: { start: 0, end: text.length }, text, where: 'body' }, { people: [], phrasebook: defaultPhrasebook() });
}

test('the trace reports each sentence with its offsets, a kept match with its phrasebook entry, and a skipped question', () => {
  const text = 'Marta forgot to renew the certificate. Why did the renewal job not run?';
  const [blamed, question] = traced(text);
  assert.equal(text.slice(blamed.start, blamed.end), 'Marta forgot to renew the certificate.');
  const kept = blamed.candidates.filter((candidate) => candidate.suppressedBy === undefined);
  assert.ok(kept.length > 0 && kept.every((candidate) => phrasebookEntryIds().includes(candidate.entry)), JSON.stringify(blamed.candidates));
  assert.deepEqual(blamed.mentions.map((mention) => mention.kind), ['name']);
  assert.equal(question.skippedAs, 'question');
  assert.deepEqual(question.candidates, []);
});

test('the trace names the check that removed a match the findings leave out', () => {
  const [trace] = traced('We should have monitoring on the replication lag.');
  assert.ok(trace.candidates.length > 0, 'a hindsight match is read');
  assert.ok(trace.candidates.every((candidate) => candidate.suppressedBy === 'proposal-or-status'), JSON.stringify(trace.candidates));
  assert.ok(sentenceFeatures(trace).has('suppressed:proposal-or-status'));
  assert.ok(!sentenceFeatures(trace).has('rule:flagged'));
});

test('features keep lower-case words and cues, never a capitalised name', () => {
  const [trace] = traced('Marta should have checked the "pending" queue before she restarted it.');
  const features = sentenceFeatures(trace);
  for (const expected of ['word:checked', 'word:queue', 'cue:modal-have-participle', 'cue:quote', 'pronoun:she', 'rule:flagged']) assert.ok(features.has(expected), `${expected} in ${[...features].join(' ')}`);
  assert.ok(![...features].some((feature) => /marta/i.test(feature)));
  assert.ok(!features.has('cue:negation') && !features.has('cue:question'));
});

/** A tiny set of our own: "forgot" only in blame, "timed" only in neutral sentences. */
const tinySet = [
  { set: 'a', blame: true, features: new Set(['word:forgot', 'word:the']) },
  { set: 'a', blame: false, features: new Set(['word:timed', 'word:the']) },
  { set: 'b', blame: true, features: new Set(['word:forgot', 'word:backup']) },
  { set: 'b', blame: false, features: new Set(['word:timed', 'word:backup']) },
  { set: 'b', blame: true, features: new Set(['word:forgot', 'cue:negation']) },
  { set: 'a', blame: false, features: new Set(['word:timed', 'word:once']) },
];

test('the vocabulary keeps words seen in 3 sentences of 2 sets, and detector cues seen twice', () => {
  assert.deepEqual(generalVocabulary(tinySet), ['word:forgot', 'word:timed']);
  assert.deepEqual(generalVocabulary([...tinySet, { set: 'a', blame: true, features: new Set(['cue:negation']) }]), ['cue:negation', 'word:forgot', 'word:timed']);
});

test('training is deterministic: the same examples give the same weights, and they separate the two words', () => {
  const vocabulary = generalVocabulary(tinySet);
  const options = { l2: 0.01, iterations: 300, learningRate: 1 };
  const first = trainLogistic(tinySet, vocabulary, options);
  const second = trainLogistic(tinySet.map((example) => ({ ...example, features: new Set(example.features) })), [...vocabulary], options);
  assert.deepEqual([...second.weights], [...first.weights]);
  assert.equal(second.bias, first.bias);
  assert.ok(probability(first, new Set(['word:forgot'])) > 0.8);
  assert.ok(probability(first, new Set(['word:timed'])) < 0.2);
});
