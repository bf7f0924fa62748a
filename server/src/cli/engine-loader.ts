// Loads the analysis engine on first use (see engine.ts).
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function engine(): typeof Engine {
  // A require, not an import: the build keeps the engine in its own bundle, and an `import()` of it would be scanned for exports first.
  loaded ??= require('./engine') as typeof Engine;
  return loaded;
}
