// Template presets: selected with one `extends` line, they set required sections, aliases and order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { loadConfigFile, type ConfigFileReader } from '../../server/src/analysis/config-file/load';
import schema from '../../schemas/postmortemrc.schema.json';
import { sectionPresets } from '../../server/src/analysis/section-presets';

const ruleIds = ['missing-section', 'section-order'];

function load(text: string, name = '/team/.postmortemrc.yaml') {
  const reader: ConfigFileReader = { readFile: (path) => (path === name ? text : undefined) };
  return loadConfigFile(name, reader, ruleIds);
}

describe('section presets', () => {
  it('selects a preset with one extends line, in YAML and in JSON', () => {
    const yaml = load('extends: postmortem:pagerduty\n');
    const json = load('{ "extends": ["postmortem:pagerduty"] }', '/team/.postmortemrc.json');
    for (const loaded of [yaml, json]) {
      assert.deepEqual(loaded.problems, []);
      assert.equal(loaded.config.sections.preset, 'pagerduty');
      assert.ok(loaded.config.sections.required.includes('contributing-factors'));
      assert.ok(!loaded.config.sections.required.includes('root-cause'));
    }
  });

  it('lets the file override what the preset sets', () => {
    const loaded = load('extends: postmortem:google-sre\nsections:\n  required: [summary, timeline]\n');
    assert.deepEqual(loaded.config.sections.required, ['summary', 'timeline']);
    assert.equal(loaded.config.sections.preset, 'google-sre');
    assert.deepEqual(loaded.config.sections.order, sectionPresets.find((preset) => preset.name === 'google-sre')?.order);
  });

  it('reports an unknown preset with the known ones and a suggestion, and keeps the defaults', () => {
    const loaded = load('extends: postmortem:google-sr\n');
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /^extends: unknown preset "postmortem:google-sr", expected one of postmortem:default, postmortem:google-sre, .* \(did you mean "postmortem:google-sre"\?\)$/);
    assert.equal(loaded.config.sections.preset, undefined);
  });

  it('the config schema offers exactly the built-in presets', () => {
    assert.deepEqual(schema.properties.sections.properties.preset.enum, sectionPresets.map((preset) => preset.name));
  });

  it('every preset names each kind once in its order and requires only kinds it orders', () => {
    for (const preset of sectionPresets) {
      assert.equal(new Set(preset.order).size, preset.order.length, preset.name);
      for (const kind of [...preset.required, ...preset.recommended]) assert.ok(preset.order.includes(kind), `${preset.name}: ${kind}`);
    }
  });

  it("checks the order of the preset's template, not the default one", () => {
    const text = ['# Postmortem', '## Summary', 'x', '## Impact', 'x', '## Timeline', 'x', '## Root cause', 'x', '## Action items', 'x'].join('\n\n');
    const orderFindings = (config = load('').config) => analyze(text, { force: true, config }).findings.filter((f) => f.ruleId === 'section-order');
    assert.deepEqual(orderFindings(), []);
    const google = orderFindings(load('extends: postmortem:google-sre\n').config);
    assert.deepEqual(
      google.map((f) => text.slice(f.span.start, f.span.end)),
      ['## Timeline'],
    );
  });

  it('a preset alias names a section and the insert fix uses the preset order', () => {
    const config = load('extends: postmortem:google-sre\n').config;
    const text = '# Postmortem\n\n## Issue Summary\n\nx\n\n## Severity and Impact\n\nx\n\n## Root Causes\n\nx\n\n## Timeline\n\n- 10:00 x\n';
    const missing = analyze(text, { force: true, config }).findings.filter((f) => f.ruleId === 'missing-section');
    assert.deepEqual(missing.map((f) => f.message), ["Required section 'Action items' is missing."]);
    const edit = missing[0].fix?.edits[0];
    assert.ok(edit);
    // Action items come after the root causes and before the timeline in this template.
    assert.equal(edit.span.start, text.indexOf('## Timeline'));
    assert.match(edit.newText, /^## Corrective and Preventative Measures\n/, "the preset's own heading for the section");
  });

  it('inserts the built-in heading without a preset', () => {
    const text = '# Postmortem\n\n## Summary\n\nx\n';
    const missing = analyze(text, { force: true, config: load('').config }).findings.find((f) => f.message.includes("'Action items'"));
    assert.match(missing?.fix?.edits[0].newText ?? '', /## Action items\n/);
  });
});

describe('a preset named in sections', () => {
  it('selects the preset from a file or editor settings, and rejects an unknown name with a suggestion', () => {
    const loaded = load('sections:\n  preset: atlassian\n  order: [summary, timeline, impact]\n');
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.config.sections.preset, 'atlassian');
    assert.deepEqual(loaded.config.sections.order, ['summary', 'timeline', 'impact']);
    const unknown = load('sections:\n  preset: pagerduti\n');
    assert.equal(unknown.problems.length, 1);
    assert.match(unknown.problems[0].message, /sections\.preset: expected one of default, google-sre, pagerduty, atlassian, got "pagerduti" \(did you mean "pagerduty"\?\)/);
  });
});
