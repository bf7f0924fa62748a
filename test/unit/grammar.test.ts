// Tokenizes the fixtures in test/fixtures/grammar with the Markdown grammar VS Code ships and our
// injection grammar. A fixture carries its assertions as comment lines under the line they test:
//   <!-- scope "14:05" constant.numeric.time.postmortem -->   every character of the text has the scope(s)
//   <!-- scope "14:05" none -->                               no character of it has a `.postmortem` scope
// The quoted text must occur exactly once in the tested line. Assertion lines are removed before
// tokenizing, so they may sit inside code fences and between table rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { fixturePath, readFixture, repoRoot } from '../helpers';

const injectionScope = 'markdown.postmortem.injection';
const injectionPath = join(repoRoot, 'syntaxes', 'postmortem-injection.tmLanguage.json');
const grammarFiles: Record<string, string> = {
  'text.html.markdown': join(repoRoot, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'),
  // Front matter embeds YAML, as it does in VS Code.
  'source.yaml': join(repoRoot, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json'),
  [injectionScope]: injectionPath,
};

interface Assertion {
  /** 1-based line of the assertion in the fixture, for messages. */
  fixtureLine: number;
  /** 0-based line of the tested line in the document without assertion lines. */
  line: number;
  text: string;
  /** Empty for `none`. */
  scopes: string[];
}

interface Fixture {
  source: string[];
  assertions: Assertion[];
}

const assertionLine = /^<!--\s*scope\s+"(.+)"\s+([^"]+?)\s*-->\s*$/;

function readAssertions(text: string): Fixture {
  const source: string[] = [];
  const assertions: Assertion[] = [];
  text.split('\n').forEach((line, index) => {
    const match = assertionLine.exec(line);
    if (!match) {
      source.push(line);
      return;
    }
    assert.ok(source.length > 0, `line ${index + 1}: an assertion needs a line above it`);
    const scopes = match[2] === 'none' ? [] : match[2].split(/\s+/);
    assertions.push({ fixtureLine: index + 1, line: source.length - 1, text: match[1], scopes });
  });
  return { source, assertions };
}

let grammar: Promise<IGrammar> | undefined;

function markdownWithInjection(): Promise<IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: (scopeName: string): Promise<IRawGrammar | null> => {
        const path = grammarFiles[scopeName];
        return Promise.resolve(path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null);
      },
      // What `injectTo: ["text.html.markdown"]` in package.json does in VS Code.
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injectionScope] : undefined),
    });
    const loaded = await registry.loadGrammar('text.html.markdown');
    if (!loaded) throw new Error('The Markdown grammar did not load');
    return loaded;
  })();
  return grammar;
}

/** The scopes of every character of each line. */
async function tokenize(lines: readonly string[]): Promise<string[][][]> {
  const markdown = await markdownWithInjection();
  let state = INITIAL;
  return lines.map((line) => {
    const result = markdown.tokenizeLine(line, state);
    state = result.ruleStack;
    const perCharacter: string[][] = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) perCharacter[i] = token.scopes;
    }
    return perCharacter;
  });
}

function check(fixture: Fixture, scopes: string[][][], name: string): string[] {
  const failures: string[] = [];
  for (const assertion of fixture.assertions) {
    const line = fixture.source[assertion.line];
    const where = `${name}:${assertion.fixtureLine} "${assertion.text}"`;
    const start = line.indexOf(assertion.text);
    if (start < 0 || line.indexOf(assertion.text, start + 1) >= 0) {
      failures.push(`${where} must occur exactly once in: ${line}`);
      continue;
    }
    for (let i = start; i < start + assertion.text.length; i++) {
      const actual = scopes[assertion.line][i] ?? [];
      const missing = assertion.scopes.filter((scope) => !actual.includes(scope));
      const unwanted = assertion.scopes.length === 0 ? actual.filter((scope) => scope.endsWith('.postmortem')) : [];
      if (missing.length > 0 || unwanted.length > 0) {
        failures.push(`${where} at '${line[i]}' (column ${i + 1}) has [${actual.join(' ')}]; ${missing.length > 0 ? `missing ${missing.join(' ')}` : `unexpected ${unwanted.join(' ')}`}`);
        break;
      }
    }
  }
  return failures;
}

const fixtureNames = readdirSync(fixturePath('grammar')).filter((file) => file.endsWith('.md'));

for (const name of fixtureNames) {
  test(`grammar fixture ${name}`, async () => {
    const fixture = readAssertions(readFixture('grammar', name));
    assert.ok(fixture.assertions.length > 0, `${name} has no assertions`);
    assert.deepEqual(check(fixture, await tokenize(fixture.source), name), []);
  });
}

test('the grammar is the injection package.json contributes, with a postmortem scope on every rule', () => {
  const raw = JSON.parse(readFileSync(injectionPath, 'utf8')) as { scopeName: string; injectionSelector: string };
  assert.equal(raw.scopeName, injectionScope);
  assert.match(raw.injectionSelector, /^L:text\.html\.markdown /);
  const names = scopeNames(raw);
  assert.ok(names.length > 0);
  assert.deepEqual(names.filter((scope) => !scope.endsWith('.postmortem')), []);
});

test('every scope the grammar assigns is asserted by some fixture', () => {
  const asserted = new Set(fixtureNames.flatMap((name) => readAssertions(readFixture('grammar', name)).assertions.flatMap((a) => a.scopes)));
  const names = scopeNames(JSON.parse(readFileSync(injectionPath, 'utf8')) as unknown);
  assert.deepEqual(names.filter((scope) => !asserted.has(scope)), []);
});

test('an assertion that does not hold is reported', async () => {
  const fixture = readAssertions(['- 14:05 Alert fires', '<!-- scope "Alert" constant.numeric.time.postmortem -->', '<!-- scope "14:05" none -->'].join('\n'));
  const failures = check(fixture, await tokenize(fixture.source), 'inline');
  assert.equal(failures.length, 2);
  assert.match(failures[0], /"Alert".*missing constant\.numeric\.time\.postmortem/);
  assert.match(failures[1], /"14:05".*unexpected constant\.numeric\.time\.postmortem/);
});

/** Every scope name a rule of the grammar assigns (`name` and capture names), each of a space-separated list. */
function scopeNames(grammarJson: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown, key: string | undefined) => {
    if (typeof node === 'string') {
      if (key === 'name') for (const scope of node.split(/\s+/)) names.add(scope);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [childKey, child] of Object.entries(node)) visit(child, childKey);
  };
  const repository = (grammarJson as { repository?: unknown }).repository;
  visit(repository, undefined);
  return [...names].sort();
}
