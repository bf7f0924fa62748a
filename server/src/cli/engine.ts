// The analysis engine as the commands use it, bundled apart (dist/cli-engine.js) and loaded by `engine()` once a run
// meets a postmortem or a config file: a run over other Markdown files never compiles it.
import { setFlagsFromString } from 'node:v8';

// A CLI run is short: compiling the phrasebook's large expressions to native code costs more than it saves
// (a third of the CPU time of a cold run over 40 postmortems). The flag changes speed only, never a match.
setFlagsFromString('--no-regexp-tier-up');

export { AnalysisCache, analyze, buildInsights, ConfigLoader, digestPostmortem, escapeHtml, fixAll, formatConfigProblem, insightsCharts, insightsReport, isOverdue, ownerMatches, parsePostmortem, removedCharacters, ruleDocsUrl, ruleIds, rules, severitiesOf, today, WorkspacePostmortems } from '../analysis';
