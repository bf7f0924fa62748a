// @ts-check
// Bundles the CLI, the language server, the VS Code client and the tests.
// Type checking is separate: `tsc -b`.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeConfigValidator } from './config-validator.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * @param {string} dir
 * @returns {string[]}
 */
function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // fixtures are data; vscode/ holds the suite that runs inside VS Code, bundled on its own.
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'vscode' ? [] : findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** @satisfies {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // vscode-languageserver ships UMD modules; prefer their ESM builds.
  mainFields: ['module', 'main'],
  // ESM dependencies (fdir, under tinyglobby) read import.meta.url, which a CommonJS bundle lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// The CLI's entry loads its commands from their own bundle, the commands load the analysis engine from another once a
// run meets a postmortem (or a config file), and the engine loads the NLP library from a third: starting the CLI
// compiles a few kilobytes, and a run that meets no postmortem compiles neither remark, the rules nor compromise.
/** @type {import('esbuild').Plugin} */
const cliBundlesApart = {
  name: 'cli-bundles-apart',
  setup(build) {
    const apart = [
      { importer: join('server', 'src', 'cli.ts'), path: './cli/commands', bundle: './cli-commands.js' },
      { importer: join('server', 'src', 'cli', 'engine-loader.ts'), path: './engine', bundle: './cli-engine.js' },
      { importer: join('server', 'src', 'analysis', 'blame', 'nlp.ts'), path: './nlp-library', bundle: './cli-nlp.js' },
    ];
    build.onResolve({ filter: /^\.\/(?:cli\/commands|engine|nlp-library)$/ }, (args) => {
      const found = apart.find((entry) => args.path === entry.path && args.importer.endsWith(entry.importer));
      return found ? { path: found.bundle, external: true } : undefined;
    });
  },
};

// fdir (under tinyglobby) looks for picomatch on disk when it loads, for a glob option tinyglobby never uses: in the
// CLI that search reads package.json files and compiles a second picomatch on every run. The bundles leave it out.
const fdirPicomatchLookup = /\n\s*try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
/** @type {import('esbuild').Plugin} */
const fdirWithoutPicomatchLookup = {
  name: 'fdir-without-picomatch-lookup',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      // A new fdir that looks for it differently must be looked at again, not bundled unnoticed.
      if (!fdirPicomatchLookup.test(source)) throw new Error(`fdir's picomatch lookup has changed: update scripts/build.mjs (${args.path})`);
      return { contents: source.replace(fdirPicomatchLookup, ''), loader: 'js' };
    });
  },
};

// compromise builds its tagger's lexicon as it loads: unpacking the word lists and conjugating every word in them cost
// a sixth of a second of each CLI run that tags. The build runs that module once and bundles the words it built.
// The language server, started once per VS Code window, keeps compromise's own loading: the words would add 145 KB to the .vsix.
const compromiseModel = /[\\/]compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/]index\.js$/;
const compromiseModelEdits = [
  { from: "import { lexicon, switches, frozenLex } from './lexicon/index.js'", to: "import frozenLex from './lexicon/frozenLex.js'" },
  { from: "import expandLexicon from './_expand/index.js'", to: '' },
  { from: '_multiCache: {},', to: '_multiCache,' },
  { from: 'uncountable: {},', to: 'uncountable,' },
  { from: 'model = expandLexicon(model)', to: '' },
];
// compromise merges each plugin's model one key at a time through a new object with a computed key, which made the
// tagger's 25,000-word lexicon cost a few hundredths of a second more to merge than plain assignments, which do the same.
const compromiseExtend = /[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/;
const compromiseExtendEdits = [
  { from: 'if (!model[key]) Object.assign(model, { [key]: {} })', to: 'if (!model[key]) model[key] = {}' },
  { from: 'Object.assign(model, { [key]: plugin[key] })', to: 'model[key] = plugin[key]' },
];

/**
 * @param {string} path
 * @param {{ from: string, to: string }[]} edits
 */
function editSource(path, edits) {
  let source = readFileSync(path, 'utf8');
  for (const { from, to } of edits) {
    // A new compromise that reads differently must be looked at again, not bundled unnoticed.
    if (source.split(from).length !== 2) throw new Error(`compromise has changed: update scripts/build.mjs (${path} no longer holds ${JSON.stringify(from)} once)`);
    source = source.replace(from, to);
  }
  return source;
}

/** @type {import('esbuild').Plugin} */
const compromiseBuiltAhead = {
  name: 'compromise-built-ahead',
  setup(build) {
    build.onLoad({ filter: compromiseModel }, async (args) => {
      /** @type {unknown} */
      const loaded = await import(pathToFileURL(args.path).href);
      const { one, two } = /** @type {{ default: { one: { lexicon: object, _multiCache: object }, two: { switches: object, uncountable: object } } }} */ (loaded).default;
      const words = JSON.stringify({ lexicon: one.lexicon, switches: two.switches, _multiCache: one._multiCache, uncountable: two.uncountable });
      const prelude = `const { lexicon, switches, _multiCache, uncountable } = JSON.parse(${JSON.stringify(words)})\n`;
      return { contents: prelude + editSource(args.path, compromiseModelEdits), loader: 'js' };
    });
    build.onLoad({ filter: compromiseExtend }, (args) => ({ contents: editSource(args.path, compromiseExtendEdits), loader: 'js' }));
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const contexts = [
  {
    ...common,
    entryPoints: {
      cli: 'server/src/cli.ts',
      'cli-commands': 'server/src/cli/commands.ts',
      'cli-engine': 'server/src/cli/engine.ts',
      'cli-nlp': 'server/src/analysis/blame/nlp-library.ts',
    },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    plugins: [cliBundlesApart, fdirWithoutPicomatchLookup, compromiseBuiltAhead],
  },
  {
    ...common,
    entryPoints: { server: 'server/src/server.ts', 'index-worker': 'server/src/lsp/index-worker.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  },
  {
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    // The Insights panel's page: runs in the webview, a browser with no Node.
    entryPoints: { 'webview/insights': 'client/webview/insights.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  },
  {
    ...common,
    entryPoints: { 'rule-docs': 'server/src/rule-docs.ts' },
    outdir: 'out',
  },
  {
    ...common,
    sourcemap: 'linked',
    minify: false,
    entryPoints: Object.fromEntries(
      findTests('test').map((file) => [relative('test', file).replace(/\.ts$/, ''), file]),
    ),
    outdir: 'out/test',
  },
  {
    ...common,
    sourcemap: 'linked',
    minify: false,
    // The suite that runs inside VS Code: its entry and one bundle per test file, which mocha loads.
    entryPoints: Object.fromEntries(
      ['test/vscode/index.ts', ...findTests('test/vscode/suite')].map((file) => [relative('test/vscode', file).replace(/\.ts$/, ''), file]),
    ),
    outdir: 'out/test-vscode',
    // The extension host provides `vscode`; mocha is loaded from node_modules, as it loads the test files itself.
    external: ['vscode', 'mocha'],
  },
];

// The config validator is generated code the bundles include, so it is refreshed first.
writeConfigValidator();
rmSync('out/test', { recursive: true, force: true });
rmSync('out/test-vscode', { recursive: true, force: true });
if (watch) {
  for (const options of contexts) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(contexts.map((options) => esbuild.build(options)));
}
