// The compromise NLP library, only ever required through `nlp()` in ./nlp, so the bundle loads it on first use.
export { default as compromise } from 'compromise/two';
