// `.postmortemrc` files: found, loaded, validated and merged without throwing; each problem points at its text and the valid parts still apply.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import schema from '../../../schemas/postmortemrc.schema.json';
import { defaultConfig, type PostmortemConfig, type RuleSetting, type RuleSeverity, type SectionRequirements } from './config';
import type { SectionKind, Span } from './model';
import { normaliseSeverity } from './severity';
import { checkBlameAdditions } from './blame/config-check';
import { LineIndex } from './text';

export interface ConfigFileSystem {
  /** The file's text, or undefined when it does not exist. May throw for other failures (reported as problems). */
  readFile(path: string): string | undefined;
}

export interface ConfigProblem {
  file: string;
  /** 1-based start of the offending text; 1:1 when there is no text (editor settings). */
  line: number;
  column: number;
  /** 1-based end (exclusive column) of the offending text, for underlining it. */
  endLine: number;
  endColumn: number;
  message: string;
}

export interface LoadedConfig {
  config: PostmortemConfig;
  problems: ConfigProblem[];
  /** Every file read or looked for through `extends`, including missing ones, so callers can watch them. */
  files: string[];
  /** The config file that applies (its folder is the base of relative globs), or undefined. */
  file: string | undefined;
}

/** Looked for in this order; the first one present in a folder wins. */
export const configFileNames: readonly string[] = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'];

export const nodeConfigFileSystem: ConfigFileSystem = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
};

/** `file:line:column: message`, as compilers print it. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Nearest config file for a document path, searching its folder then the ancestors up to and including `stopAt`. */
export function findConfigFile(documentPath: string, fs: ConfigFileSystem, stopAt?: string): string | undefined {
  let folder = dirname(resolve(documentPath));
  // A document outside `stopAt` (a file outside the workspace) searches all its ancestors.
  const stop = stopAt !== undefined && contains(resolve(stopAt), folder) ? resolve(stopAt) : undefined;
  for (;;) {
    for (const name of configFileNames) {
      const candidate = join(folder, name);
      if (readText(fs, candidate).kind !== 'missing') return candidate;
    }
    const parent = dirname(folder);
    if (folder === stop || parent === folder) return undefined;
    folder = parent;
  }
}

/** Loads a config file and its `extends` chain over the defaults. */
export function loadConfigFile(path: string, fs: ConfigFileSystem, knownRuleIds: readonly string[]): LoadedConfig {
  const file = resolve(path);
  const context: LoadContext = { fs, knownRuleIds: new Set(knownRuleIds), problems: [], files: [] };
  const read = readText(fs, file);
  context.files.push(file);
  if (read.kind !== 'text') {
    const reason = read.kind === 'missing' ? 'the file does not exist' : read.reason;
    context.problems.push(problemAt(file, undefined, undefined, `cannot read the config file: ${reason}`));
    return { config: defaultConfig(), problems: context.problems, files: context.files, file };
  }
  const config = applyFile(file, read.text, defaultConfig(), [file], context);
  return { config, problems: dedupe(context.problems), files: [...new Set(context.files)], file };
}

/** Loads the nearest config file of a document; the defaults when there is none. */
export function loadConfigForDocument(documentPath: string, fs: ConfigFileSystem, knownRuleIds: readonly string[], stopAt?: string): LoadedConfig {
  const file = findConfigFile(documentPath, fs, stopAt);
  return file === undefined ? { config: defaultConfig(), problems: [], files: [], file: undefined } : loadConfigFile(file, fs, knownRuleIds);
}

/** Overlays a partial config in config-file shape (e.g. editor settings) onto a config, validated like a file. */
export function mergeConfig(base: PostmortemConfig, overlay: unknown, source: string, knownRuleIds: readonly string[]): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const report = (issue: Issue) => problems.push(problemAt(source, undefined, undefined, messageOf(issue)));
  // Validation drops invalid parts in place, and the caller's object must stay intact.
  const data: unknown = overlay === undefined || overlay === null ? {} : structuredClone(overlay);
  if (isRecord(data) && data.extends !== undefined) {
    report({ path: ['extends'], atKey: false, text: 'only config files can extend other files; ignored' });
    delete data.extends;
  }
  const valid = validData(data, new Set(knownRuleIds), report);
  return { config: applyData(base, valid), problems, files: [], file: undefined };
}

// ---------------------------------------------------------------------------------------------
// Loading

interface LoadContext {
  fs: ConfigFileSystem;
  knownRuleIds: ReadonlySet<string>;
  problems: ConfigProblem[];
  files: string[];
}

type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

function readText(fs: ConfigFileSystem, path: string): ReadResult {
  try {
    const text = fs.readFile(path);
    return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Applies one file (after its bases) onto `base`; `chain` is the extends path that led here, ending with `file`. */
function applyFile(file: string, text: string, base: PostmortemConfig, chain: readonly string[], context: LoadContext): PostmortemConfig {
  const parsed = parseConfigText(file, text);
  if (parsed.kind === 'broken') {
    context.problems.push(...parsed.problems);
    return base;
  }
  const own = [...parsed.problems];
  const report = (issue: Issue) => own.push(problemAt(file, parsed.index, parsed.locate(issue.path, issue.atKey), messageOf(issue)));

  let config = base;
  for (const { target, path } of extendsOf(parsed.data)) {
    const targetFile = resolve(dirname(file), target);
    context.files.push(targetFile);
    if (chain.includes(targetFile)) {
      const cycle = [...chain, targetFile].map((p) => relative(dirname(file), p) || p).join(' → ');
      report({ path, atKey: false, text: `expected a file that does not extend this one, got a cycle: ${cycle}` });
      continue;
    }
    const read = readText(context.fs, targetFile);
    if (read.kind === 'text') config = applyFile(targetFile, read.text, config, [...chain, targetFile], context);
    else if (read.kind === 'missing') report({ path, atKey: false, text: `expected an existing config file, got ${JSON.stringify(target)} (no file at ${targetFile})` });
    else report({ path, atKey: false, text: `cannot read ${JSON.stringify(target)}: ${read.reason}` });
  }

  const valid = validData(parsed.data, context.knownRuleIds, report);
  context.problems.push(...own.sort((a, b) => a.line - b.line || a.column - b.column));
  return applyData(config, valid);
}

function extendsOf(data: unknown): { target: string; path: ConfigPath }[] {
  if (!isRecord(data)) return [];
  const value = data.extends;
  if (typeof value === 'string') return value ? [{ target: value, path: ['extends'] }] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, i) => (typeof item === 'string' && item ? [{ target: item, path: ['extends', i] }] : []));
}

function contains(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatConfigProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing, with positions

/** A path into the config data: property names and array indices. */
type ConfigPath = (string | number)[];

type Parsed =
  | { kind: 'broken'; problems: ConfigProblem[] }
  | { kind: 'ok'; data: unknown; problems: ConfigProblem[]; index: LineIndex; locate(path: ConfigPath, atKey: boolean): Span | undefined };

function parseConfigText(file: string, raw: string): Parsed {
  const text = raw.replace(/^\uFEFF/, '');
  const index = new LineIndex(text);
  const broken = (span: Span, message: string): Parsed => ({ kind: 'broken', problems: [problemAt(file, index, span, message)] });

  // YAML reads some invalid JSON (`{"a": 1 "b": 2}`) as text, so JSON files get a strict check first.
  if (/\.json$/i.test(file)) {
    const error = jsonSyntaxError(text);
    if (error) return broken({ start: error.offset, end: error.offset + 1 }, `invalid JSON: ${error.message}`);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const fatal = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  if (fatal) return broken({ start: fatal.pos[0], end: fatal.pos[1] }, `invalid YAML: ${fatal.message}`);

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // Unresolvable aliases only fail here, not while parsing.
    const message = error instanceof Error ? error.message : String(error);
    return broken(unresolvedAliasSpan(doc) ?? { start: 0, end: 0 }, `invalid YAML: ${message}`);
  }

  const problems = doc.errors.map((error) => {
    const key = keyAt(doc, error.pos[0]);
    const span = spanOfNode(key) ?? { start: error.pos[0], end: error.pos[1] };
    const name = isScalar(key) ? ` ${JSON.stringify(key.value)}` : '';
    return problemAt(file, index, span, `duplicate key${name}: expected each key once; the last one applies`);
  });
  return { kind: 'ok', data: data ?? {}, problems, index, locate: (path, atKey) => locateIn(doc, path, atKey) };
}

function keyAt(doc: Document, offset: number): unknown {
  let found: unknown;
  visit(doc, {
    Pair(_, pair) {
      if (found === undefined && isNode(pair.key) && pair.key.range?.[0] === offset) found = pair.key;
    },
  });
  return found;
}

function unresolvedAliasSpan(doc: Document): Span | undefined {
  let span: Span | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (span === undefined && alias.resolve(doc) === undefined && alias.range) span = { start: alias.range[0], end: alias.range[1] };
    },
  });
  return span;
}

/** The text of the value (or key) at a path; the nearest enclosing node's text when the path goes further than the text. */
function locateIn(doc: Document, path: ConfigPath, atKey: boolean): Span | undefined {
  let node: unknown = doc.contents;
  let span = spanOfNode(node);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    let next: unknown;
    let keySpan: Span | undefined;
    if (isMap(node)) {
      // The last of duplicate keys is the one that applies.
      for (const pair of node.items) {
        if (isScalar(pair.key) && String(pair.key.value) === String(segment)) {
          next = pair.value;
          keySpan = spanOfNode(pair.key);
        }
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (atKey && i === path.length - 1 && keySpan) return keySpan;
    const nextSpan = spanOfNode(next);
    if (nextSpan && nextSpan.end > nextSpan.start) span = nextSpan;
    else return keySpan ?? span;
    node = next;
  }
  return span;
}

function spanOfNode(node: unknown): Span | undefined {
  return isNode(node) && node.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

function problemAt(file: string, index: LineIndex | undefined, span: Span | undefined, message: string): ConfigProblem {
  if (!index || !span) return { file, line: 1, column: 1, endLine: 1, endColumn: 1, message };
  const start = index.positionAt(span.start);
  const end = index.positionAt(Math.max(span.start, span.end));
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, message };
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first JSON syntax error with its offset, or undefined for valid JSON. */
function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(at, `expected ${expected}, got ${describeTextAt(text, at)}`);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const take = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) at += match[0].length;
    return match !== null;
  };
  const readString = () => {
    at++;
    while (text[at] !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail('a closing quote');
      if (text[at] === '\\') {
        at++;
        if (!take(/["\\/bfnrt]|u[0-9a-fA-F]{4}/y)) fail('an escape sequence');
      } else at++;
    }
    at++;
  };
  const readList = (close: string, readItem: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      readItem();
      skipSpace();
      if (text[at] === close) break;
      if (text[at] !== ',') fail(`"," or "${close}"`);
      at++;
    }
    at++;
  };
  const readValue = (): void => {
    skipSpace();
    if (text[at] === '{') {
      readList('}', () => {
        skipSpace();
        if (text[at] !== '"') fail('a property name in double quotes');
        readString();
        skipSpace();
        if (text[at] !== ':') fail('":"');
        at++;
        readValue();
      });
    } else if (text[at] === '[') readList(']', readValue);
    else if (text[at] === '"') readString();
    else if (!take(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true\b|false\b|null\b/y)) fail('a value');
  };
  try {
    readValue();
    skipSpace();
    if (at < text.length) fail('the end of the file');
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message };
    // Only a stack overflow on absurd nesting gets here.
    return { offset: at, message: 'the file nests too deeply' };
  }
}

function describeTextAt(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  if (text[at] === '"') return 'a string';
  if (text[at] === '\n' || text[at] === '\r') return 'a line break';
  const word = /[\w$-]+/y;
  word.lastIndex = at;
  return JSON.stringify(word.exec(text)?.[0] ?? text[at]);
}

// ---------------------------------------------------------------------------------------------
// Validation

type RuleValue = RuleSeverity | [RuleSeverity, Record<string, unknown>?] | { severity?: RuleSeverity; [option: string]: unknown };

/** The config file shape, as the schema describes it. */
interface ConfigFileData {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleValue>;
  sections?: Partial<SectionRequirements> & {
    bySeverity?: Record<string, Partial<SectionRequirements>>;
    aliases?: Partial<Record<SectionKind, string[]>>;
  };
  globs?: string[];
  ignore?: string[];
  timezone?: string;
  dueWindows?: Partial<PostmortemConfig['dueWindows']>;
  placeholders?: string[];
  blame?: Partial<PostmortemConfig['blame']>;
}

/** A problem with the data at a path; `atKey` when it is the property name that is wrong. */
interface Issue {
  path: ConfigPath;
  atKey: boolean;
  text: string;
}

let compiled: ValidateFunction<ConfigFileData> | undefined;

function validator(): ValidateFunction<ConfigFileData> {
  if (!compiled) {
    // Strict, so a sloppy schema fails loudly; the `[severity]` short form is a tuple with an optional tail.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTuples: false });
    // Annotations the VS Code JSON service reads.
    ajv.addVocabulary(['markdownDescription', 'enumDescriptions']);
    compiled = ajv.compile<ConfigFileData>(schema);
  }
  return compiled;
}

/** Reports every problem in `data` and returns the valid rest. */
function validData(data: unknown, knownRuleIds: ReadonlySet<string>, report: (issue: Issue) => void): ConfigFileData {
  let current = data;
  // Dropping a part can expose another (a list losing its only item); later passes only drop, never report twice.
  for (let pass = 0; pass < 5; pass++) {
    const validate = validator();
    if (validate(current)) {
      checkMeaning(current, knownRuleIds, report);
      return current;
    }
    const issues = explain(groupErrors(validate.errors ?? []), current);
    if (pass === 0) issues.forEach(report);
    current = withoutPaths(current, issues.map((issue) => droppedPart(issue.path)));
  }
  return {};
}

/** What the schema cannot say: known rule ids, severities as keys, real time zones. */
function checkMeaning(data: ConfigFileData, knownRuleIds: ReadonlySet<string>, report: (issue: Issue) => void): void {
  const rules = data.rules ?? {};
  for (const id of Object.keys(rules)) {
    if (knownRuleIds.has(id)) continue;
    report({ path: ['rules', id], atKey: true, text: `unknown rule ${JSON.stringify(id)}${didYouMean(id, knownRuleIds)}` });
    delete rules[id];
  }
  const bySeverity = data.sections?.bySeverity;
  if (data.sections && bySeverity) {
    const normalised: Record<string, Partial<SectionRequirements>> = {};
    for (const [key, value] of Object.entries(bySeverity)) {
      const severity = normaliseSeverity(key);
      if (severity) normalised[severity] = { ...normalised[severity], ...value };
      else report({ path: ['sections', 'bySeverity', key], atKey: true, text: `expected a severity such as SEV-1, got ${JSON.stringify(key)}` });
    }
    data.sections.bySeverity = normalised;
  }
  if (data.timezone !== undefined && !isTimezone(data.timezone)) {
    const zones = Intl.supportedValuesOf('timeZone');
    report({
      path: ['timezone'],
      atKey: false,
      text: `expected an IANA time zone such as Europe/Berlin or a UTC offset such as UTC+02:00, got ${JSON.stringify(data.timezone)}${didYouMean(data.timezone, zones)}`,
    });
    delete data.timezone;
  }
  if (data.blame) {
    const checked = checkBlameAdditions(data.blame);
    for (const problem of checked.problems) report({ path: ['blame', ...problem.path], atKey: false, text: problem.text });
    data.blame = checked.valid;
  }
}

function isTimezone(zone: string): boolean {
  if (/^(?:Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)$/i.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
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

function messageOf(issue: Issue): string {
  const shown = issue.atKey ? issue.path.slice(0, -1) : issue.path;
  return shown.length > 0 ? `${formatPath(shown)}: ${issue.text}` : issue.text;
}

function formatPath(path: ConfigPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** A rule setting is one unit: without its severity, a `[severity, options]` list would mean something else. */
function droppedPart(path: ConfigPath): ConfigPath {
  return path[0] === 'rules' && path.length > 2 ? path.slice(0, 2) : path;
}

function withoutPaths(data: unknown, paths: ConfigPath[]): unknown {
  if (paths.some((path) => path.length === 0)) return {};
  const unique = [...new Map(paths.map((path) => [JSON.stringify(path), path])).values()];
  // Last index first, so removing an array item does not shift the others still to remove.
  unique.sort((a, b) => comparePaths(b, a));
  for (const path of unique) {
    const parent = valueAt(data, path.slice(0, -1));
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (isRecord(parent)) delete parent[String(last)];
  }
  return data;
}

function comparePaths(a: ConfigPath, b: ConfigPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' && typeof b[i] === 'number' ? Number(a[i]) - Number(b[i]) : String(a[i]).localeCompare(String(b[i]));
  }
  return a.length - b.length;
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

function valueAt(data: unknown, path: ConfigPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
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
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return items.join(', or ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function schemaField(schemaObject: unknown, field: string): unknown {
  return isRecord(schemaObject) ? schemaObject[field] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** ` (did you mean "x"?)` for the closest candidate within a third of the word's length in edits, else nothing. */
function didYouMean(word: string, candidates: Iterable<string>): string {
  const budget = Math.floor(word.length / 3);
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}

/** Levenshtein distance counting a swap of neighbours as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

// ---------------------------------------------------------------------------------------------
// Merging

/** Overlays valid file data: rules merge per id (options per name), maps per key, arrays replace. */
function applyData(base: PostmortemConfig, data: ConfigFileData): PostmortemConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, value] of Object.entries(data.rules ?? {})) {
    const setting = ruleSettingOf(value);
    const previous = rules[id];
    rules[id] = { severity: setting.severity ?? previous?.severity, options: { ...previous?.options, ...setting.options } };
  }
  const bySeverity = { ...base.sections.bySeverity };
  for (const [severity, sets] of Object.entries(data.sections?.bySeverity ?? {})) bySeverity[severity] = { ...bySeverity[severity], ...sets };
  return {
    rules,
    sections: {
      required: [...(data.sections?.required ?? base.sections.required)],
      recommended: [...(data.sections?.recommended ?? base.sections.recommended)],
      bySeverity,
      aliases: { ...base.sections.aliases, ...data.sections?.aliases },
    },
    globs: [...(data.globs ?? base.globs)],
    ignore: [...(data.ignore ?? base.ignore)],
    timezone: data.timezone ?? base.timezone,
    dueWindows: { ...base.dueWindows, ...data.dueWindows },
    placeholders: [...(data.placeholders ?? base.placeholders)],
    blame: { ...base.blame, ...data.blame },
  };
}

function ruleSettingOf(value: RuleValue): RuleSetting {
  if (typeof value === 'string') return { severity: value, options: {} };
  if (Array.isArray(value)) return { severity: value[0], options: { ...value[1] } };
  const { severity, ...options } = value;
  return { severity, options };
}
