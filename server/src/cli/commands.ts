// The commands that analyse documents, and the help that states the core's limits, bundled apart from the entry point so
// `--version` and a bad command line never load the analysis.
export { runActions } from './actions';
export { runInsights } from './insights';
export { runLint } from './lint';
export { usage } from './usage';
