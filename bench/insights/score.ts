// Scores found groups against labelled ones: per labelled group, the found group that holds most of it, its
// recall and purity; found groups that are no labelled group's best match are invented.

export interface GroupScore {
  id: string;
  size: number;
  /** Share of the labelled members in the best found group. */
  recall: number;
  /** Share of the best found group that is labelled members. */
  purity: number;
}

export interface GroupingScore {
  groups: GroupScore[];
  invented: string[][];
  /** Over every pair of members: pairs put together that the labels put together. */
  pairPrecision: number;
  pairRecall: number;
}

export function scoreGrouping(labelled: ReadonlyMap<string, readonly string[]>, found: readonly (readonly string[])[]): GroupingScore {
  const matched = new Set<number>();
  const groups: GroupScore[] = [];
  for (const [id, members] of labelled) {
    let best = -1;
    let bestOverlap = 0;
    found.forEach((group, index) => {
      const overlap = group.filter((member) => members.includes(member)).length;
      if (overlap > bestOverlap) [best, bestOverlap] = [index, overlap];
    });
    if (best >= 0) matched.add(best);
    groups.push({ id, size: members.length, recall: bestOverlap / members.length, purity: best >= 0 ? bestOverlap / found[best].length : 0 });
  }
  const invented = found.filter((_, index) => !matched.has(index)).map((group) => [...group]);
  const labelledPairs = pairsOf([...labelled.values()]);
  const foundPairs = pairsOf(found);
  const together = [...foundPairs].filter((pair) => labelledPairs.has(pair)).length;
  return {
    groups,
    invented,
    pairPrecision: foundPairs.size === 0 ? 1 : together / foundPairs.size,
    pairRecall: labelledPairs.size === 0 ? 1 : together / labelledPairs.size,
  };
}

function pairsOf(groups: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    const sorted = [...group].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}\n${sorted[j]}`);
  }
  return pairs;
}

/** Every labelled group found with recall and purity of at least `floor`, and at most `maxInvented` invented groups. */
export function meetsTargets(score: GroupingScore, floor = 0.8, maxInvented = 1): boolean {
  return score.groups.every((group) => group.recall >= floor && group.purity >= floor) && score.invented.length <= maxInvented;
}
