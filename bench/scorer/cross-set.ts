// Leave-one-set-out: for each labelled set, train on the others, choose thresholds by cross-validation inside them, measure on it.
import { formatRatio, ratio, type Ratio } from '../eval/ratio';
import type { LabelledExample, LabelledSet } from './dataset';
import { generalVocabulary, probability, trainLogistic, type LinearModel } from './logistic';

/** The scorer alone flags at `alone`; with the rules it vetoes a rule finding below `veto` and adds one at or above `add`. */
export interface Thresholds {
  alone: number;
  veto: number;
  add: number;
}

/** Precision the thresholds must keep on the training sets' held-out folds; recall is raised as far as that allows. */
export const precisionFloor = 0.95;
const grid = Array.from({ length: 19 }, (_, step) => Math.round((step + 1) * 5) / 100);
/** Above every probability: never add. */
const never = 2;

export interface SentenceFigures {
  precision: Ratio;
  recallClear: Ratio;
  recallBorderline: Ratio;
}

export interface HeldOutFigures {
  set: string;
  thresholds: Thresholds;
  rules: SentenceFigures;
  scorer: SentenceFigures;
  combined: SentenceFigures;
  inContext: { rules: { precision: Ratio; recall: Ratio }; scorer: { precision: Ratio; recall: Ratio }; combined: { precision: Ratio; recall: Ratio } };
}

export function trainOn(sets: readonly LabelledSet[]): LinearModel {
  const examples = sets.flatMap((set) => set.examples);
  return trainLogistic(examples, generalVocabulary(examples));
}

function combinedFlags(ruleFlags: boolean, score: number, thresholds: Thresholds): boolean {
  return ruleFlags ? score >= thresholds.veto : score >= thresholds.add;
}

function figures(examples: readonly LabelledExample[], flags: (example: LabelledExample, at: number) => boolean): SentenceFigures {
  const flagged = examples.map(flags);
  const count = (keep: (example: LabelledExample) => boolean) => ratio(examples.filter((example, at) => keep(example) && flagged[at]).length, examples.filter(keep).length);
  return {
    precision: ratio(examples.filter((example, at) => example.blame && flagged[at]).length, flagged.filter(Boolean).length),
    recallClear: count((example) => example.blame && !example.borderline),
    recallBorderline: count((example) => example.blame && example.borderline),
  };
}

const fraction = (value: Ratio) => (value.total === 0 ? 0 : value.hits / value.total);

/** Each set's probabilities from a model trained on the other sets; then the thresholds that keep precision over the floor with the most recall. */
export function chooseThresholds(sets: readonly LabelledSet[]): Thresholds {
  const examples: LabelledExample[] = [];
  const scores: number[] = [];
  for (const held of sets) {
    const model = trainOn(sets.filter((set) => set !== held));
    for (const example of held.examples) {
      examples.push(example);
      scores.push(probability(model, example.features));
    }
  }
  const recallOf = (result: SentenceFigures) => fraction(ratio(result.recallClear.hits + result.recallBorderline.hits, result.recallClear.total + result.recallBorderline.total));
  const best = <T>(options: readonly T[], measure: (option: T) => SentenceFigures): T | undefined => {
    let chosen: { option: T; recall: number } | undefined;
    for (const option of options) {
      const result = measure(option);
      if (result.precision.total === 0 || fraction(result.precision) < precisionFloor) continue;
      // Ties keep the first option, the one that changes least.
      if (!chosen || recallOf(result) > chosen.recall) chosen = { option, recall: recallOf(result) };
    }
    return chosen?.option;
  };
  const alone = best([...grid].reverse(), (threshold) => figures(examples, (_, at) => scores[at] >= threshold)) ?? never;
  const pairs = [0, ...grid].flatMap((veto) => [never, ...[...grid].reverse()].filter((add) => add >= veto).map((add) => ({ veto, add })));
  const combined = best(pairs, (pair) => figures(examples, (example, at) => combinedFlags(example.ruleFlags, scores[at], { alone, ...pair }))) ?? { veto: 0, add: never };
  return { alone, ...combined };
}

export function heldOutFigures(sets: readonly LabelledSet[], held: LabelledSet): HeldOutFigures {
  const training = sets.filter((set) => set !== held);
  const thresholds = chooseThresholds(training);
  const model = trainOn(training);
  const scores = held.examples.map((example) => probability(model, example.features));
  const sentences = held.documents.flatMap((document) => document.sentences.map((sentence) => ({ sentence, spans: document.blameSpans })));
  const documentSpans = held.documents.flatMap((document) => document.blameSpans.map((span) => ({ span, sentences: document.sentences })));
  const inContext = (flags: (sentence: (typeof sentences)[number]['sentence']) => boolean) => {
    const flagged = sentences.filter(({ sentence }) => flags(sentence));
    const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }) => a.first <= b.last && b.first <= a.last;
    return {
      precision: ratio(flagged.filter(({ sentence, spans }) => spans.some((span) => overlaps(span, sentence.lines))).length, flagged.length),
      recall: ratio(documentSpans.filter(({ span, sentences: of }) => of.some((sentence) => flags(sentence) && overlaps(span, sentence.lines))).length, documentSpans.length),
    };
  };
  const scoreOf = (sentence: { features: ReadonlySet<string> }) => probability(model, sentence.features);
  return {
    set: held.name,
    thresholds,
    rules: figures(held.examples, (example) => example.ruleFlags),
    scorer: figures(held.examples, (_, at) => scores[at] >= thresholds.alone),
    combined: figures(held.examples, (example, at) => combinedFlags(example.ruleFlags, scores[at], thresholds)),
    inContext: {
      rules: inContext((sentence) => sentence.ruleFlags),
      scorer: inContext((sentence) => sentence.open && scoreOf(sentence) >= thresholds.alone),
      combined: inContext((sentence) => (sentence.ruleFlags ? scoreOf(sentence) >= thresholds.veto : sentence.open && scoreOf(sentence) >= thresholds.add)),
    },
  };
}

/** One table: a row per held-out set and variant, then the mean of each column over the sets. */
export function renderTable(results: readonly HeldOutFigures[]): string {
  const variants = ['rules', 'scorer', 'combined'] as const;
  const rows = ['| held-out set | variant | precision | recall, clear | recall, borderline | in context: precision | in context: recall |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const result of results) {
    for (const variant of variants) {
      const sentence = result[variant];
      const context = result.inContext[variant];
      rows.push(`| ${result.set} | ${variant} | ${formatRatio(sentence.precision)} | ${formatRatio(sentence.recallClear)} | ${formatRatio(sentence.recallBorderline)} | ${formatRatio(context.precision)} | ${formatRatio(context.recall)} |`);
    }
  }
  const mean = (values: readonly Ratio[]) => (values.reduce((sum, value) => sum + fraction(value), 0) / values.length).toFixed(3);
  for (const variant of variants) {
    const of = (pick: (result: HeldOutFigures) => Ratio) => mean(results.map(pick));
    rows.push(
      `| mean | ${variant} | ${of((result) => result[variant].precision)} | ${of((result) => result[variant].recallClear)} | ${of((result) => result[variant].recallBorderline)} | ${of((result) => result.inContext[variant].precision)} | ${of((result) => result.inContext[variant].recall)} |`,
    );
  }
  const thresholds = results.map((result) => `${result.set}: alone ${result.thresholds.alone}, veto ${result.thresholds.veto}, add ${result.thresholds.add === never ? 'never' : result.thresholds.add}`);
  return `${rows.join('\n')}\n\nThresholds chosen inside the training sets (precision floor ${precisionFloor}): ${thresholds.join('; ')}\n`;
}
