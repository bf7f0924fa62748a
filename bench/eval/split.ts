// The tune / held-out split: a stable hash of a document's file name or a sentence's text, so the split never changes between runs.
export type SplitName = 'tune' | 'held-out';

export const heldOutPercent = 30;

/** 32-bit FNV-1a over the UTF-16 code units: small, stable and spread well enough for a split. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function splitOf(key: string): SplitName {
  return stableHash(key) % 100 < heldOutPercent ? 'held-out' : 'tune';
}

export const splitDescription = `documents by file name, sentences by their text: FNV-1a 32-bit hash mod 100 < ${heldOutPercent} is held out (about ${heldOutPercent}%), the rest is for tuning`;
