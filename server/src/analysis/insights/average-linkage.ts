// Groups by average linkage: two groups merge while the mean similarity over all their cross pairs reaches the
// threshold. Unlike linking every similar pair, one chance resemblance cannot chain two causes into one group.
import type { FoldedPairs } from './terms';

interface Candidate {
  average: number;
  a: number;
  b: number;
  /** The groups' versions when the candidate was made: a merge since then makes it stale. */
  versionA: number;
  versionB: number;
}

/**
 * The groups of two or more items, starting from the folds of near-duplicates. `pairs` needs every pair of folds
 * whose similarity could matter, above some floor under the threshold; a missing pair counts as no similarity.
 */
export function averageLinkageGroups({ folds, pairs }: FoldedPairs, threshold: number): number[][] {
  const count = folds.length;
  const members: number[][] = folds.map((fold) => [...fold]);
  const version = new Array<number>(count).fill(0);
  // Summed similarity between two live groups, by group.
  const links: Map<number, number>[] = Array.from({ length: count }, () => new Map<number, number>());
  for (const { a, b, similarity } of pairs) {
    links[a].set(b, similarity);
    links[b].set(a, similarity);
  }
  const heap = new CandidateHeap();
  const offer = (a: number, b: number, sum: number) => {
    const average = sum / (members[a].length * members[b].length);
    if (average >= threshold) heap.push({ average, a, b, versionA: version[a], versionB: version[b] });
  };
  for (const { a, b, similarity } of pairs) offer(a, b, similarity);
  for (let next = heap.pop(); next; next = heap.pop()) {
    const { a, b } = next;
    if (next.versionA !== version[a] || next.versionB !== version[b]) continue;
    // Merge b into a: a's links to every other group add b's.
    members[a].push(...members[b]);
    members[b] = [];
    version[a]++;
    version[b] = -1;
    links[a].delete(b);
    for (const [other, sum] of links[b]) {
      if (other === a) continue;
      const total = (links[a].get(other) ?? 0) + sum;
      links[a].set(other, total);
      links[other].delete(b);
      links[other].set(a, total);
    }
    links[b].clear();
    for (const [other, sum] of links[a]) offer(a, other, sum);
  }
  return members.filter((group) => group.length > 1).map((group) => group.sort((x, y) => x - y));
}

/** A binary max-heap of merge candidates by average similarity. */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  push(candidate: Candidate): void {
    const items = this.items;
    items.push(candidate);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (items[parent].average >= items[index].average) break;
      [items[parent], items[index]] = [items[index], items[parent]];
      index = parent;
    }
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let largest = index;
        if (left < items.length && items[left].average > items[largest].average) largest = left;
        if (right < items.length && items[right].average > items[largest].average) largest = right;
        if (largest === index) break;
        [items[largest], items[index]] = [items[index], items[largest]];
        index = largest;
      }
    }
    return top;
  }
}
