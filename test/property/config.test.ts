// Properties of config loading: any text, and random damage to a valid config, loads without
// throwing; every problem names the file and a position inside it; whatever is refused falls back to the defaults.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ruleIds } from '../../server/src/analysis';
import { defaultConfig } from '../../server/src/analysis/config';
import { loadConfigFile } from '../../server/src/analysis/config-file/load';
import type { ConfigProblem } from '../../server/src/analysis/config-file/problems';
import { numRuns, printSeed, seed } from './documents';

const validYaml = [
  'rules:',
  '  section-order: off',
  '  action-item-due-window: [warning, { P0: 3 }]',
  '  placeholder: { severity: error }',
  'sections:',
  '  required: [summary, impact, timeline, root-cause, action-items]',
  '  bySeverity:',
  '    SEV-1: { required: [contributing-factors] }',
  '  aliases:',
  '    timeline: ["Play by play"]',
  'globs: ["docs/incidents/**/*.md"]',
  'ignore: ["**/drafts/**"]',
  'timezone: Europe/Berlin',
  'dueWindows: { P0: 7, P1: 30, P2: 90 }',
  'placeholders: ["XXX-FILL-IN"]',
  '',
].join('\n');

const validJson = JSON.stringify({ rules: { 'timeline-order': 'error' }, globs: ['**/*.md'], dueWindows: { P0: 3 }, timezone: 'UTC+02:00' }, null, 2);

const configPieces = ['rules', 'sections', 'globs', 'timezone', 'extends', 'blame', ':', ': ', '\n', '  ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '&a', '*a', '!!str', '<<: *a', 'off', 'error', 'SEV-1', '-1', '1e999', 'null', '\t', '\uFEFF', '\u0000', '日本'];

/** Text that is a config file, nearly one, or nothing like one. */
const configText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...configPieces), { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc.tuple(fc.constantFrom(validYaml, validJson), fc.nat(), fc.nat({ max: 20 }), fc.array(fc.constantFrom(...configPieces), { maxLength: 4 })).map(
    ([text, at, length, pieces]) => {
      const from = at % (text.length + 1);
      return text.slice(0, from) + pieces.join('') + text.slice(from + length);
    },
  ),
);

function checkProblem(problem: ConfigProblem, file: string, text: string): void {
  assert.equal(problem.file, file);
  assert.ok(problem.message.trim().length > 0);
  const lines = text.split(/\r\n|\r|\n/).length;
  assert.ok(problem.line >= 1 && problem.line <= lines, `line ${problem.line} of ${lines}: ${problem.message}`);
  assert.ok(problem.column >= 1 && problem.endLine >= problem.line, `${problem.line}:${problem.column}-${problem.endLine}:${problem.endColumn}: ${problem.message}`);
  assert.ok(problem.endLine > problem.line || problem.endColumn >= problem.column, `${problem.line}:${problem.column}-${problem.endLine}:${problem.endColumn}: ${problem.message}`);
}

printSeed();

describe('config properties', () => {
  for (const name of ['.postmortemrc.yaml', '.postmortemrc.json']) {
    it(`any ${name} loads without throwing, with every problem placed in the file`, () => {
      fc.assert(
        fc.property(configText, (text) => {
          const file = `/repo/${name}`;
          const loaded = loadConfigFile(file, { readFile: (path) => (path === file ? text : undefined) }, ruleIds);
          for (const problem of loaded.problems) checkProblem(problem, file, text);
          // The result is always a whole config: every part the defaults have is there.
          assert.deepEqual(Object.keys(loaded.config).sort(), Object.keys(defaultConfig()).sort());
          assert.ok(Array.isArray(loaded.config.globs) && Array.isArray(loaded.config.sections.required));
        }),
        { numRuns, seed },
      );
    });
  }
});
