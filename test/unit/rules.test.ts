// Runs every rule fixture: each fixture says which rules it tests (`<!-- test-rules: a b -->`)
// and carries its expectations (`<!-- expect: rule-id -->` alone on the line before the line that is
// reported, or at the end of that line itself, as table rows need).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { analyze, fixAll } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/text';
import { fixturePath, lineOf, readFixture } from '../helpers';

const defaultToday = '2024-06-01';

interface Expectations {
  rules: Set<string>;
  expected: string[];
  /** `<!-- test-today: YYYY-MM-DD -->` sets the date "overdue" is judged on. */
  today: string;
}

function readExpectations(text: string): Expectations {
  const rules = new Set(/<!--\s*test-rules:([^>]*)-->/.exec(text)?.[1].trim().split(/[\s,]+/) ?? []);
  const lines = text.split('\n');
  const expected: string[] = [];
  lines.forEach((line, index) => {
    const match = /<!--\s*expect:([^>]*)-->/.exec(line);
    if (!match) return;
    let target = index;
    if (line.trim().startsWith('<!--')) {
      target = index + 1;
      while (target < lines.length && /^\s*<!--\s*expect:/.test(lines[target])) target++;
    }
    for (const id of match[1].trim().split(/[\s,]+/)) expected.push(`${target + 1} ${id}`);
  });
  const today = /<!--\s*test-today:\s*(\S+)\s*-->/.exec(text)?.[1] ?? defaultToday;
  return { rules, expected: expected.sort(), today };
}

function reported(text: string, rules: Set<string>, today: string): string[] {
  const { findings } = analyze(text, { force: true, today });
  return findings.filter((f) => rules.has(f.ruleId)).map((f) => `${lineOf(text, f.span.start)} ${f.ruleId}`).sort();
}

for (const name of readdirSync(fixturePath('rules')).filter((file) => file.endsWith('.md'))) {
  test(`rule fixture ${name}`, async (t) => {
    const text = readFixture('rules', name);
    const { rules, expected, today } = readExpectations(text);
    assert.ok(rules.size > 0, `${name} names no rules to test`);

    await t.test('reports exactly the expected findings', () => {
      assert.deepEqual(reported(text, rules, today), expected);
    });

    await t.test('each fix touches only its range and is not offered again there', () => {
      const { findings } = analyze(text, { force: true, today });
      for (const finding of findings.filter((f) => rules.has(f.ruleId))) {
        for (const fix of [finding.fix, ...finding.suggestions].filter((f) => f !== undefined)) {
          const fixed = applyEdits(text, fix.edits);
          const first = fix.edits.reduce((min, edit) => Math.min(min, edit.span.start), Infinity);
          const last = fix.edits.reduce((max, edit) => Math.max(max, edit.span.end), 0);
          assert.equal(fixed.slice(0, first), text.slice(0, first));
          assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last));
          const again = analyze(fixed, { force: true, today }).findings.filter((f) => f.ruleId === finding.ruleId && f.fix?.title === fix.title);
          assert.ok(
            !again.some((f) => JSON.stringify(f.fix?.edits) === JSON.stringify(fix.edits)),
            `${finding.ruleId} offers '${fix.title}' again after it was applied`,
          );
        }
      }
    });

    await t.test('fix-all leaves no safe fix behind', () => {
      const result = fixAll(text, { force: true, today });
      assert.deepEqual(result.analysis.findings.filter((f) => f.fix?.safe).map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  });
}
