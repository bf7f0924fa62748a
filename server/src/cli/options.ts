// Parses and validates the command line into typed options; running them is someone else's job.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

export const lintFormats = ['stylish', 'json', 'sarif', 'github'] as const;
export const actionFormats = ['table', 'json', 'csv', 'markdown'] as const;
export const insightsFormats = ['markdown', 'json', 'html'] as const;
export type LintFormat = (typeof lintFormats)[number];
export type ActionFormat = (typeof actionFormats)[number];
export type InsightsFormat = (typeof insightsFormats)[number];

interface CommonOptions {
  paths: string[];
  config: string | undefined;
  /** `YYYY-MM-DD` from `--today`; without it, each document's today (in its config's time zone, else the local one). */
  today: string | undefined;
  /** Undefined: decide from the terminal and NO_COLOR. */
  color: boolean | undefined;
}

export interface LintOptions extends CommonOptions {
  command: 'lint';
  format: LintFormat;
  fix: boolean;
  maxWarnings: number | undefined;
  quiet: boolean;
}

export interface ActionsOptions extends CommonOptions {
  command: 'actions';
  format: ActionFormat;
  all: boolean;
  owner: string | undefined;
  overdue: boolean;
}

export interface InsightsOptions extends CommonOptions {
  command: 'insights';
  format: InsightsFormat;
  /** `YYYY-MM-DD`: only postmortems dated on or after it. */
  since: string | undefined;
}

export type CliOptions =
  | LintOptions
  | ActionsOptions
  | InsightsOptions
  | { command: 'help'; topic: 'lint' | 'actions' | 'insights' }
  | { command: 'version' };

const commonConfig = {
  format: { type: 'string' },
  config: { type: 'string' },
  today: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

const lintConfig = {
  ...commonConfig,
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

const actionsConfig = {
  ...commonConfig,
  all: { type: 'boolean' },
  owner: { type: 'string' },
  overdue: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

const insightsConfig = {
  ...commonConfig,
  since: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export function parseCommandLine(argv: readonly string[]): CliOptions {
  if (argv[0] === 'actions') return parseActions(argv.slice(1));
  if (argv[0] === 'insights') return parseInsights(argv.slice(1));
  const { values, positionals } = parse(argv, lintConfig);
  if (values.help) return { command: 'help', topic: 'lint' };
  if (values.version) return { command: 'version' };
  return {
    command: 'lint',
    ...common(values, positionals),
    format: oneOf('--format', values.format ?? 'stylish', lintFormats),
    fix: values.fix ?? false,
    maxWarnings: values['max-warnings'] === undefined ? undefined : count(values['max-warnings']),
    quiet: values.quiet ?? false,
  };
}

function parseActions(argv: readonly string[]): CliOptions {
  const { values, positionals } = parse(argv, actionsConfig);
  if (values.help) return { command: 'help', topic: 'actions' };
  if (values.version) return { command: 'version' };
  const owner = values.owner?.trim();
  if (owner !== undefined && owner.replace(/^@/, '') === '') throw new UsageError('--owner needs a name');
  return {
    command: 'actions',
    ...common(values, positionals),
    format: oneOf('--format', values.format ?? 'table', actionFormats),
    all: values.all ?? false,
    owner,
    overdue: values.overdue ?? false,
  };
}

function parseInsights(argv: readonly string[]): CliOptions {
  const { values, positionals } = parse(argv, insightsConfig);
  if (values.help) return { command: 'help', topic: 'insights' };
  if (values.version) return { command: 'version' };
  return {
    command: 'insights',
    ...common(values, positionals),
    format: oneOf('--format', values.format ?? 'markdown', insightsFormats),
    since: values.since === undefined ? undefined : date(values.since, '--since'),
  };
}

function parse<T extends ParseArgsConfig['options']>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs throws TypeErrors with a readable message for unknown or malformed options.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

interface CommonValues {
  config?: string;
  today?: string;
  color?: boolean;
  'no-color'?: boolean;
}

function common(values: CommonValues, positionals: string[]): CommonOptions {
  if (values.config === '') throw new UsageError('--config needs a file name');
  return {
    paths: positionals,
    config: values.config,
    today: values.today === undefined ? undefined : date(values.today, '--today'),
    color: values['no-color'] ? false : values.color,
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return found;
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number (got "${value}")`);
  return Number(value);
}

function date(value: string, option: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  // Round-tripping rejects dates like 2024-02-30 that Date would silently roll over.
  if (!parsed || parsed.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} must be a date as YYYY-MM-DD (got "${value}")`);
  }
  return value;
}
