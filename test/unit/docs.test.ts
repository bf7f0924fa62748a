import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/analysis';
import { renderRuleDoc, withRuleSchema, withRuleTable } from '../../server/src/rule-docs';
import { repoRoot } from '../helpers';

test('every rule has an id, severity, description, explanation and example', () => {
  const ids = new Set<string>();
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
    ids.add(rule.id);
    assert.ok(rule.description.endsWith('.'), rule.id);
    assert.ok(rule.explanation.length > 80, `${rule.id} explanation is too short`);
    assert.ok(rule.example.length > 0, rule.id);
  }
});

test('the README rule table, docs/rules and the rules in the schema are up to date (run `npm run docs`)', () => {
  const schema = readFileSync(join(repoRoot, 'schemas', 'postmortemrc.schema.json'), 'utf8');
  assert.equal(schema, withRuleSchema(schema));
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  assert.equal(readme, withRuleTable(readme));
  for (const rule of rules) {
    assert.equal(readFileSync(join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8'), renderRuleDoc(rule), rule.id);
  }
});
