// The compromise NLP library on demand: loading it takes about a third of a second, which a run that never tags or conjugates should not pay.
type Compromise = typeof import('./nlp-library').compromise;

let loaded: Compromise | undefined;

export function nlp(): Compromise {
  if (!loaded) {
    // A require, not an import: the bundle then initialises compromise only when this line first runs.
    const library: typeof import('./nlp-library') = require('./nlp-library');
    loaded = library.compromise;
  }
  return loaded;
}
