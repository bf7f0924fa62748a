// Schema errors turned into readable messages: what was expected, what was there, and the likely intended word.
import type { ErrorObject } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { asRecord, isRecord, schemaField, valueAt, type ConfigPath } from './data';

/** A problem with the data at a path; `atKey` when it is the property name that is wrong. */
export interface Issue {
  path: ConfigPath;
  atKey: boolean;
  text: string;
}

/** Every schema error of `data` as an issue at its path, the branches of an `anyOf` folded into the one that applies. */
export function explainErrors(errors: readonly ErrorObject[], data: unknown): Issue[] {
  return explain(groupErrors(errors), data);
}

interface ErrorTree {
  error: ErrorObject;
  /** For `anyOf`: the errors of its branches. */
  branches: ErrorTree[];
}

function groupErrors(errors: readonly ErrorObject[]): ErrorTree[] {
  const roots: ErrorTree[] = [];
  for (const error of errors) {
    const tree: ErrorTree = { error, branches: [] };
    // ajv reports the errors of an anyOf's branches just before the anyOf error, at or under its path.
    for (let last = roots.at(-1); error.keyword === 'anyOf' && last && isWithin(last.error.instancePath, error.instancePath); last = roots.at(-1)) {
      tree.branches.unshift(last);
      roots.pop();
    }
    roots.push(tree);
  }
  return roots;
}

function isWithin(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(`${parent}/`);
}

function explain(trees: readonly ErrorTree[], data: unknown): Issue[] {
  // A value of the wrong type also fails its enum; the enum says more.
  const hasEnum = (tree: ErrorTree) => trees.some((other) => other.error.keyword === 'enum' && other.error.instancePath === tree.error.instancePath && other.error.parentSchema === tree.error.parentSchema);
  return trees.flatMap(({ error, branches }, i) => {
    if (error.keyword === 'type' && hasEnum(trees[i])) return [];
    const path = pathOf(error.instancePath, data);
    if (error.keyword !== 'anyOf') return [issueOf(error, path, data)];
    const value = valueAt(data, path);
    // The schema's anyOf branches differ by type: only the branch of the value's type has something to say.
    const relevant = branches.filter((branch) => branch.error.instancePath !== error.instancePath || typeMatches(schemaField(branch.error.parentSchema, 'type'), value));
    if (relevant.length > 0) return explain(relevant, data);
    const expected = branches.filter((branch) => branch.error.keyword === 'type').map((branch) => expectationOf(branch.error.parentSchema));
    return [{ path, atKey: false, text: `expected ${orList([...new Set(expected)])}, got ${show(value)}` }];
  });
}

function issueOf(error: ErrorObject, path: ConfigPath, data: unknown): Issue {
  const params: Record<string, unknown> = error.params;
  const value = valueAt(data, path);
  const got = show(value);
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'type':
      return { path, atKey: false, text: `expected ${typePhrase(params.type)}, got ${got}` };
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String) : [];
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return { path, atKey: false, text: `expected one of ${allowed.join(', ')}, got ${got}${hint}` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const properties = Object.keys(asRecord(schemaField(error.parentSchema, 'properties')));
      return { path: [...path, name], atKey: true, text: `unknown property ${JSON.stringify(name)}, expected one of ${properties.join(', ')}${didYouMean(name, properties)}` };
    }
    case 'minimum':
    case 'maximum':
      return { path, atKey: false, text: `expected a number ${String(params.comparison)} ${limit}, got ${got}` };
    case 'minItems':
    case 'maxItems': {
      const length = Array.isArray(value) ? value.length : 0;
      return { path, atKey: false, text: `expected ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${plural(limit, 'item')}, got ${length}` };
    }
    case 'minLength':
      return { path, atKey: false, text: `expected ${limit === 1 ? 'a non-empty string' : `at least ${plural(limit, 'character')}`}, got ${got}` };
    case 'uniqueItems': {
      const duplicate = [...path, Number(params.i)];
      return { path: duplicate, atKey: false, text: `expected each item once, got ${show(valueAt(data, duplicate))} twice` };
    }
    default:
      return { path, atKey: false, text: error.message ?? `fails ${error.keyword}` };
  }
}

export function messageOf(issue: Issue): string {
  const shown = issue.atKey ? issue.path.slice(0, -1) : issue.path;
  return shown.length > 0 ? `${formatPath(shown)}: ${issue.text}` : issue.text;
}

function formatPath(path: ConfigPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** A JSON pointer as a path, with array indices as numbers. */
function pathOf(pointer: string, data: unknown): ConfigPath {
  const path: ConfigPath = [];
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(value) ? Number(segment) : segment;
    path.push(step);
    value = valueAt(value, [step]);
  }
  return path;
}

function typeMatches(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === type;
    default:
      return true;
  }
}

function expectationOf(schemaObject: unknown): string {
  const title = schemaField(schemaObject, 'title');
  if (typeof title === 'string') return title;
  const values = schemaField(schemaObject, 'enum');
  if (Array.isArray(values)) return `one of ${values.map(String).join(', ')}`;
  return typePhrase(schemaField(schemaObject, 'type'));
}

function typePhrase(type: unknown): string {
  const phrases: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return phrases[String(type)] ?? String(type);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'number' || typeof value === 'boolean' || value === null ? String(value) : typeof value;
}

function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return items.join(', or ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** ` (did you mean "x"?)` for the closest candidate (ignoring case) within a third of the word's length in Levenshtein edits, else nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const budget = Math.floor(word.length / 3);
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const edits = distance(word.toLowerCase(), candidate.toLowerCase());
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}
