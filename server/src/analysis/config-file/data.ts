// The config file's data as the schema describes it, and paths into that data.
import type { PostmortemConfig, RuleSeverity, SectionRequirements } from '../config';
import type { SectionKind } from '../model';

/** A path into the config data: property names and array indices. */
export type ConfigPath = (string | number)[];

export type RuleValue = RuleSeverity | [RuleSeverity, Record<string, unknown>?] | { severity?: RuleSeverity; [option: string]: unknown };

/** The config file shape, as the schema describes it. */
export interface ConfigFileData {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleValue>;
  sections?: Partial<SectionRequirements> & {
    bySeverity?: Record<string, Partial<SectionRequirements>>;
    aliases?: Partial<Record<SectionKind, string[]>>;
    preset?: string;
    order?: SectionKind[];
  };
  globs?: string[];
  ignore?: string[];
  timezone?: string;
  dueWindows?: Partial<PostmortemConfig['dueWindows']>;
  insights?: Partial<PostmortemConfig['insights']>;
  placeholders?: string[];
  blame?: Partial<PostmortemConfig['blame']>;
}

export function valueAt(data: unknown, path: ConfigPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

export function schemaField(schemaObject: unknown, field: string): unknown {
  return isRecord(schemaObject) ? schemaObject[field] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
