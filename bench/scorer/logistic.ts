// A logistic regression over binary features, trained by plain full-batch gradient descent: no randomness, so the same examples give the same weights.

export interface TrainingExample {
  features: ReadonlySet<string>;
  blame: boolean;
}

export interface LinearModel {
  bias: number;
  weights: Map<string, number>;
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  iterations: number;
  learningRate: number;
}

export const defaultTrainingOptions: TrainingOptions = { l2: 0.01, iterations: 1500, learningRate: 1 };

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** The probability of blame the model gives a feature set; features it has no weight for count for nothing. */
export function probability(model: LinearModel, features: ReadonlySet<string>): number {
  let sum = model.bias;
  for (const feature of features) sum += model.weights.get(feature) ?? 0;
  return sigmoid(sum);
}

/** `vocabulary` lists the features the model may weigh, in a fixed order; the others are ignored. */
export function trainLogistic(examples: readonly TrainingExample[], vocabulary: readonly string[], options: TrainingOptions = defaultTrainingOptions): LinearModel {
  const index = new Map(vocabulary.map((feature, at) => [feature, at]));
  const rows = examples.map((example) => ({ columns: [...example.features].flatMap((feature) => (index.has(feature) ? [index.get(feature) as number] : [])).sort((a, b) => a - b), target: example.blame ? 1 : 0 }));
  const weights = new Float64Array(vocabulary.length);
  const gradient = new Float64Array(vocabulary.length);
  let bias = 0;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (const row of rows) {
      let sum = bias;
      for (const column of row.columns) sum += weights[column];
      const error = sigmoid(sum) - row.target;
      biasGradient += error;
      for (const column of row.columns) gradient[column] += error;
    }
    const scale = options.learningRate / rows.length;
    bias -= scale * biasGradient;
    for (let column = 0; column < weights.length; column++) weights[column] -= scale * gradient[column] + options.learningRate * options.l2 * weights[column];
  }
  return { bias, weights: new Map(vocabulary.map((feature, at) => [feature, weights[at]] as [string, number]).filter(([, weight]) => Math.abs(weight) >= 1e-3)) };
}

/**
 * Features general enough to weigh: a word must occur in at least 3 sentences and in at least 2 different sets;
 * the detector's own cues in at least 2 sentences. Sorted, so the order never depends on the input's.
 */
export function generalVocabulary(examples: readonly (TrainingExample & { set: string })[]): string[] {
  const sentences = new Map<string, number>();
  const sets = new Map<string, Set<string>>();
  for (const example of examples) {
    for (const feature of example.features) {
      sentences.set(feature, (sentences.get(feature) ?? 0) + 1);
      const seenIn = sets.get(feature) ?? new Set<string>();
      seenIn.add(example.set);
      sets.set(feature, seenIn);
    }
  }
  return [...sentences]
    .filter(([feature, count]) => (feature.startsWith('word:') ? count >= 3 && (sets.get(feature)?.size ?? 0) >= 2 : count >= 2))
    .map(([feature]) => feature)
    .sort();
}
