// The compromise NLP library on demand: loading it takes about a third of a second, which a run that never tags or conjugates should not pay.
import type * as NlpLibrary from './nlp-library';

type Compromise = typeof NlpLibrary.compromise;

let loaded: Compromise | undefined;

export function nlp(): Compromise {
  if (!loaded) {
    // A require, not an import: the bundle then initialises compromise only when this line first runs.
    const library = require('./nlp-library') as typeof NlpLibrary;
    loaded = library.compromise;
  }
  return loaded;
}
