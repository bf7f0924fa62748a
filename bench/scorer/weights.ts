// The weights file: the model and its thresholds as data, rounded so that the file is small and diffs stay readable.
import type { Thresholds } from './cross-set';
import type { LinearModel } from './logistic';

export function weightsFile(model: LinearModel, thresholds: Thresholds): string {
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  const weights = Object.fromEntries([...model.weights].filter(([, weight]) => round(weight) !== 0).sort(([a], [b]) => a.localeCompare(b)).map(([feature, weight]) => [feature, round(weight)]));
  return `${JSON.stringify({ bias: round(model.bias), veto: thresholds.veto, add: thresholds.add, weights }, null, 1)}\n`;
}
