import type { Elsewhere, Fix, Postmortem, Severity, Span } from './model';
import type { PostmortemConfig } from './config';
import type { AnalysisCache } from './cache';
import type { WorkspacePostmortems } from './insights/workspace';

/** What a rule sees: the parsed document, the configuration, and today's date. */
export interface RuleContext {
  model: Postmortem;
  config: PostmortemConfig;
  /** Options for this rule from the configuration (empty when none are set). */
  options: Record<string, unknown>;
  /** `YYYY-MM-DD`, so that "overdue" can be tested. */
  today: string;
  /** Where a rule keeps what it computed for text that an edit left unchanged (see `AnalysisCache.table`). */
  cache: AnalysisCache;
  /** The document's path as the caller names files; absent for an untitled document. */
  path?: string;
  /** The workspace's postmortems, when the caller has them (the server's index, the command line's files). */
  workspace?: WorkspacePostmortems;
}

/** A finding as a rule reports it; severity and suppression are applied by the engine. */
export interface RuleFinding {
  message: string;
  span: Span;
  related?: { span: Span; message: string }[];
  /** Related places in other postmortems. */
  elsewhere?: Elsewhere[];
  fix?: Fix;
  /** Alternatives the user chooses from; a function when they cost more to build than most analyses need (built on first read). */
  suggestions?: Fix[] | (() => Fix[]);
  /** Overrides the configured severity for this finding (e.g. hindsight blame is milder). */
  severity?: Severity;
  tags?: 'unnecessary'[];
  /** Why this wording in particular, beyond the rule's explanation. */
  detail?: string;
}

export interface Rule {
  /** Kebab-case id, used in config, inline comments and diagnostics. */
  id: string;
  severity: Severity;
  /** One line, for tables and the CLI. */
  description: string;
  /** One paragraph: why this matters. The hover and the docs show it. */
  explanation: string;
  /** A short Markdown example of what the rule reports. */
  example: string;
  fixable: boolean;
  check(context: RuleContext): RuleFinding[];
}
