// The compromise NLP library, only ever required through `nlp()` in ./nlp, so the bundle loads it on first use (the CLI keeps it in a bundle of its own).
export { default as compromise } from 'compromise/two';
