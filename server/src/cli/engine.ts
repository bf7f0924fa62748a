// The analysis engine as the commands use it, bundled apart (dist/cli-engine.js) and loaded by `engine()` once a run
// meets a postmortem or a config file: a run over other Markdown files never compiles it.
// The engine may be loaded without the CLI's entry (by tests, by tools): it sets the regular-expression engine's flag itself.
import '../regexp-engine';

export { AnalysisCache, analyze, buildInsights, ConfigLoader, digestPostmortem, escapeHtml, fixAll, formatConfigProblem, insightsCharts, insightsReport, isOverdue, ownerMatches, parsePostmortem, removedCharacters, ruleDocsUrl, ruleIds, rules, severitiesOf, today, WorkspacePostmortems } from '../analysis';
