// Config is data: no file of the workspace is ever run. Only the JSON and YAML names are read, YAML
// tags cannot construct code, and `extends` reads its target as text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleIds } from '../../server/src/analysis';
import { defaultConfig } from '../../server/src/analysis/config';
import { ConfigLoader, loadConfigFile } from '../../server/src/analysis/config-file/load';
import { nodeConfigFileReader } from '../../server/src/node-files';

let root: string;
let marker: string;

/** A script that would leave a marker file behind if anything ran it. */
const script = () => `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { rules: { 'timeline-order': 'off' } };\n`;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-config-safety-'));
  marker = join(root, 'ran.txt');
  mkdirSync(join(root, 'postmortems'));
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('config safety', () => {
  it('ignores .postmortemrc.js and .cjs files: they are never loaded or run', () => {
    const folder = join(root, 'js');
    mkdirSync(folder);
    writeFileSync(join(folder, '.postmortemrc.js'), script());
    writeFileSync(join(folder, '.postmortemrc.cjs'), script());
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ postmortem: { rules: { 'timeline-order': 'off' } } }));
    const loaded = new ConfigLoader(nodeConfigFileReader, ruleIds).forDocument(join(folder, 'a.md'), folder);
    assert.equal(loaded.file, undefined);
    assert.deepEqual(loaded.config, defaultConfig());
    assert.equal(existsSync(marker), false);
  });

  it('reads an extends target that is a script as text, reports it and runs nothing', () => {
    const folder = join(root, 'extends');
    mkdirSync(folder);
    writeFileSync(join(folder, 'base.js'), script());
    writeFileSync(join(folder, '.postmortemrc.yaml'), 'extends: ./base.js\nrules:\n  placeholder: off\n');
    const loaded = loadConfigFile(join(folder, '.postmortemrc.yaml'), nodeConfigFileReader, ruleIds);
    assert.equal(existsSync(marker), false);
    assert.equal(loaded.config.rules['timeline-order'], undefined);
    assert.equal(loaded.config.rules.placeholder?.severity, 'off');
    assert.ok(loaded.problems.length > 0 && loaded.problems.every((problem) => problem.file === join(folder, 'base.js')));
  });

  it('constructs no functions or classes from YAML tags', () => {
    const folder = join(root, 'tags');
    mkdirSync(folder);
    const file = join(folder, '.postmortemrc.yaml');
    writeFileSync(file, `globs: !!js/function "function () { require('node:fs').writeFileSync('${marker}', 'ran') }"\ntimezone: !!js/undefined ''\nplaceholders: [!!binary aGk=]\n`);
    const loaded = loadConfigFile(file, nodeConfigFileReader, ruleIds);
    assert.equal(existsSync(marker), false);
    assert.deepEqual(loaded.config.globs, defaultConfig().globs);
    assert.equal(typeof loaded.config.timezone === 'string' || loaded.config.timezone === undefined, true);
    assert.ok(loaded.problems.some((problem) => problem.line === 1));
  });

  it('survives a YAML alias bomb with a problem and the defaults', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'globs: *j', ''].join('\n');
    const file = join(root, 'bomb.yaml');
    writeFileSync(file, bomb);
    const loaded = loadConfigFile(file, nodeConfigFileReader, ruleIds);
    assert.ok(loaded.problems.length > 0);
    assert.deepEqual(loaded.config.globs, defaultConfig().globs);
  });

  it('refuses a phrasebook regular expression that can backtrack catastrophically, at its value', () => {
    const file = join(root, 'regex.yaml');
    writeFileSync(file, 'blame:\n  phrases:\n    - match: "(a+)+$"\n      regex: true\n      explanation: Nested repetition.\n');
    const loaded = loadConfigFile(file, nodeConfigFileReader, ruleIds);
    assert.deepEqual(loaded.config.blame.phrases, []);
    assert.equal(loaded.problems.length, 1);
    assert.equal(`${loaded.problems[0].line}:${loaded.problems[0].column}`, '3:14');
    assert.match(loaded.problems[0].message, /backtrack catastrophically/);
  });
});
