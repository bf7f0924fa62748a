// A measured fraction kept with its counts, so every figure can be printed as `0.83 (45/54)`.
export interface Ratio {
  hits: number;
  total: number;
}

export function ratio(hits: number, total: number): Ratio {
  return { hits, total };
}

export function formatRatio(value: Ratio): string {
  return value.total === 0 ? `- (0/0)` : `${(value.hits / value.total).toFixed(2)} (${value.hits}/${value.total})`;
}
