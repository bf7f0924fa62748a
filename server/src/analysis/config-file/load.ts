// Loading a `.postmortemrc` with its `extends` chain, through a reader the caller passes in (finding it is find.ts).
import { dirname, relative, resolve } from 'node:path';
import { defaultConfig, type PostmortemConfig } from '../config';
import { isRecord, type ConfigPath } from './data';
import { findConfigFile, readText, type ConfigFileReader } from './find';
import { applyData, applyPreset } from './merge';
import { didYouMean, messageOf, type Issue } from './messages';
import { presetNameOf, presetPrefix, sectionPreset, sectionPresets } from '../section-presets';
import { parseConfigText } from './parse';
import { dedupeProblems, problemAt, type ConfigProblem } from './problems';
import { validData } from './validate';

export { configFileNames, findConfigFile, type ConfigFileReader } from './find';

export interface LoadedConfig {
  config: PostmortemConfig;
  problems: ConfigProblem[];
  /** Every file read or looked for through `extends`, including missing ones, so callers can watch them. */
  files: string[];
  /** The config file that applies (its folder is the base of relative globs), or undefined. */
  file: string | undefined;
}

/** Loads a config file and its `extends` chain over the defaults. */
export function loadConfigFile(path: string, reader: ConfigFileReader, knownRuleIds: readonly string[]): LoadedConfig {
  const file = resolve(path);
  const context: LoadContext = { reader, knownRuleIds: new Set(knownRuleIds), problems: [], files: [] };
  const read = readText(reader, file);
  context.files.push(file);
  if (read.kind !== 'text') {
    const reason = read.kind === 'missing' ? 'the file does not exist' : read.reason;
    context.problems.push(problemAt(file, undefined, undefined, `cannot read the config file: ${reason}`));
    return { config: defaultConfig(), problems: context.problems, files: context.files, file };
  }
  const config = applyFile(file, read.text, defaultConfig(), [file], context);
  return { config, problems: dedupeProblems(context.problems), files: [...new Set(context.files)], file };
}

/** Loads configs through one reader and keeps what it read and loaded until `clear()`: one per workspace, or per command line run. */
export class ConfigLoader {
  /** Text by path, undefined for a missing file: documents of one folder tree look for the same files. */
  private readonly texts = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly cachedReader: ConfigFileReader = {
    readFile: (path) => {
      if (!this.texts.has(path)) this.texts.set(path, this.reader.readFile(path));
      return this.texts.get(path);
    },
  };

  constructor(
    private readonly reader: ConfigFileReader,
    private readonly knownRuleIds: readonly string[],
  ) {}

  /** The config file at `path` with its `extends` chain over the defaults. */
  load(path: string): LoadedConfig {
    const file = resolve(path);
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = loadConfigFile(file, this.cachedReader, this.knownRuleIds);
      this.byFile.set(file, loaded);
    }
    return loaded;
  }

  /** The nearest config file of a document, searching no higher than `stopAt`; the defaults when there is none. */
  forDocument(documentPath: string, stopAt?: string): LoadedConfig {
    const file = findConfigFile(documentPath, this.cachedReader, stopAt);
    return file === undefined ? noConfigFile() : this.load(file);
  }

  /** Forgets every file read and config loaded, for when config files may have changed. */
  clear(): void {
    this.texts.clear();
    this.byFile.clear();
  }
}

function noConfigFile(): LoadedConfig {
  return { config: defaultConfig(), problems: [], files: [], file: undefined };
}

interface LoadContext {
  reader: ConfigFileReader;
  knownRuleIds: ReadonlySet<string>;
  problems: ConfigProblem[];
  files: string[];
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
    const presetName = presetNameOf(target);
    if (presetName !== undefined) {
      config = applyNamedPreset(config, presetName, (text) => report({ path, atKey: false, text }));
      continue;
    }
    const targetFile = resolve(dirname(file), target);
    context.files.push(targetFile);
    if (chain.includes(targetFile)) {
      const cycle = [...chain, targetFile].map((p) => relative(dirname(file), p) || p).join(' → ');
      report({ path, atKey: false, text: `expected a file that does not extend this one, got a cycle: ${cycle}` });
      continue;
    }
    const read = readText(context.reader, targetFile);
    if (read.kind === 'text') config = applyFile(targetFile, read.text, config, [...chain, targetFile], context);
    else if (read.kind === 'missing') report({ path, atKey: false, text: `expected an existing config file, got ${JSON.stringify(target)} (no file at ${targetFile})` });
    else report({ path, atKey: false, text: `cannot read ${JSON.stringify(target)}: ${read.reason}` });
  }

  const valid = validData(parsed.data, context.knownRuleIds, report);
  context.problems.push(...own.sort((a, b) => a.line - b.line || a.column - b.column));
  return applyData(config, valid);
}

/** Applies a built-in template by name, or reports the unknown name with the known ones. */
function applyNamedPreset(config: PostmortemConfig, name: string, report: (text: string) => void): PostmortemConfig {
  const preset = sectionPreset(name);
  if (preset) return applyPreset(config, preset);
  const known = sectionPresets.map((candidate) => presetPrefix + candidate.name);
  report(`unknown preset ${JSON.stringify(presetPrefix + name)}, expected one of ${known.join(', ')}${didYouMean(presetPrefix + name, known)}`);
  return config;
}

function extendsOf(data: unknown): { target: string; path: ConfigPath }[] {
  if (!isRecord(data)) return [];
  const value = data.extends;
  if (typeof value === 'string') return value ? [{ target: value, path: ['extends'] }] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, i) => (typeof item === 'string' && item ? [{ target: item, path: ['extends', i] }] : []));
}
