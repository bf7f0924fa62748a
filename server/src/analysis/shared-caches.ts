// What the analysis compiles once for every document (the blame phrasebook), and how to let it go.
import { releasePhrasebooks } from './blame/phrasebook';

/**
 * Releases what the analysis shares between documents; the next analysis builds it again. A long-lived
 * caller (the language server) calls this when its last document closes, so an idle process does not keep
 * the phrasebook's compiled regular expressions, whose native code V8 holds while they live.
 */
export function releaseSharedCaches(): void {
  releasePhrasebooks();
}
