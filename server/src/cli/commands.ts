// The commands that analyse documents, bundled apart from the entry point so `--help` and `--version` never load the analysis.
export { runActions } from './actions';
export { runLint } from './lint';
