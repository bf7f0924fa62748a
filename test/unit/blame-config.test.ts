// A team's phrasebook additions: extra roles, persons, phrases and try-harder phrases, entries turned off, and patterns refused at load time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, ruleIds } from '../../server/src/analysis';
import { defaultConfig, type PostmortemConfig } from '../../server/src/analysis/config';
import { loadConfigFile } from '../../server/src/analysis/config-file/load';
import type { ConfigProblem } from '../../server/src/analysis/config-file/problems';
import { applyEdits } from '../../server/src/analysis/text';
import { defaultPhrasebook, extendPhrasebook, phrasebookEntryIds } from '../../server/src/analysis/blame/phrasebook';

function configWith(blame: Partial<PostmortemConfig['blame']>): PostmortemConfig {
  const config = defaultConfig();
  return { ...config, blame: { ...config.blame, ...blame } };
}

function postmortem(summary: string, actionItem = 'Add an alert on queue depth (@mei)'): string {
  return `# Incident: queue backlog\n\n## Summary\n\n${summary}\n\n## Action items\n\n- [ ] ${actionItem}\n`;
}

function findings(text: string, config: PostmortemConfig, ruleId: string) {
  return analyze(text, { force: true, today: '2024-06-01', config }).findings.filter((finding) => finding.ruleId === ruleId);
}

function load(yaml: string) {
  const file = '/repo/.postmortemrc.yaml';
  return loadConfigFile(file, { readFile: (path) => (path === file ? yaml : undefined) }, ruleIds);
}

function brief(problems: readonly ConfigProblem[]): string[] {
  return problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
}

describe('team phrases', () => {
  it('a literal phrase is reported with its explanation and rewrites, keeping the rest of the sentence', () => {
    const config = configWith({ phrases: [{ match: 'cowboy deploy', rewrites: ['unreviewed deploy'], explanation: 'Calling a deploy a cowboy deploy judges the person.' }] });
    const text = postmortem('The outage followed a cowboy deploy on Friday.');
    const [finding, ...rest] = findings(text, config, 'blameful-language');
    assert.equal(rest.length, 0);
    assert.equal(text.slice(finding.span.start, finding.span.end), 'cowboy deploy');
    assert.deepEqual(
      finding.suggestions.map((fix) => applyEdits(text, fix.edits)),
      [postmortem('The outage followed an unreviewed deploy on Friday.'.replace('an unreviewed', 'a unreviewed'))],
    );
  });

  it('a regular expression can use named groups in its rewrites, and hindsight is milder', () => {
    const config = configWith({
      phrases: [{ match: 'should have (?<what>paged|escalated) sooner', regex: true, kind: 'hindsight', rewrites: ['{what} late because nothing prompted it sooner'], explanation: 'Hindsight about timing.' }],
    });
    const text = postmortem('Monitoring lagged, and the pager should have paged sooner.');
    const [finding, ...rest] = findings(text, config, 'blameful-language');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.deepEqual(
      finding.suggestions.map((fix) => applyEdits(text, fix.edits)),
      [postmortem('Monitoring lagged, and the pager paged late because nothing prompted it sooner.')],
    );
  });

  it('an extra role and an extra person are people', () => {
    const config = configWith({ roles: ['duty wrangler'], persons: ['Zephyrine'] });
    assert.equal(findings(postmortem('The duty wrangler forgot to page the vendor.'), defaultConfig(), 'blameful-language').length, 0);
    assert.equal(findings(postmortem('The duty wrangler forgot to page the vendor.'), config, 'blameful-language').length, 1);
    assert.equal(findings(postmortem('Zephyrine failed to start the job.'), config, 'blameful-language').length, 1);
  });

  it('allowed phrases and disabled entries are not reported', () => {
    const text = postmortem('Bob forgot to update the config.');
    assert.equal(findings(text, defaultConfig(), 'blameful-language').length, 1);
    assert.equal(findings(text, configWith({ allow: ['forgot to update'] }), 'blameful-language').length, 0);
    assert.equal(findings(text, configWith({ disable: ['forgot-to'] }), 'blameful-language').length, 0);
  });

  it('extra try-harder phrases and disabled try-harder entries', () => {
    const extra = postmortem('The queue backed up.', 'Host a trivia night about queues (@mei)');
    assert.equal(findings(extra, defaultConfig(), 'action-item-try-harder').length, 0);
    const config = configWith({ tryHarder: [{ match: 'trivia night', explanation: 'A quiz changes no system.', suggestion: 'add the check the quiz would explain.' }] });
    const [finding] = findings(extra, config, 'action-item-try-harder');
    assert.match(finding.message, /^'trivia night' asks people to try harder; add the check the quiz would explain\. A quiz changes no system\.$/);
    const careful = postmortem('The queue backed up.', 'Be more careful with queue settings (@mei)');
    assert.equal(findings(careful, defaultConfig(), 'action-item-try-harder').length, 1);
    assert.equal(findings(careful, configWith({ disable: ['be-careful'] }), 'action-item-try-harder').length, 0);
  });

  it('every phrasebook entry id is unique, so `disable` means one entry', () => {
    const ids = phrasebookEntryIds();
    assert.equal(new Set(ids).size, ids.length);
  });

  it('extending with nothing returns the same phrasebook', () => {
    assert.equal(extendPhrasebook(defaultPhrasebook(), { phrases: [], tryHarder: [], disable: [] }), defaultPhrasebook());
  });
});

describe('phrasebook additions in a config file', () => {
  it('a catastrophically backtracking pattern is refused where it is written, and the rest applies', () => {
    const loaded = load(
      [
        'blame:',
        '  roles: [duty manager]',
        '  phrases:',
        '    - match: "(a+)+ forgot"',
        '      regex: true',
        '      explanation: Nested repetition.',
        '    - match: cowboy deploy',
        '      explanation: Judges the person.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(brief(loaded.problems), [
      '4:14 blame.phrases[0].match: refused: this regular expression can backtrack catastrophically (a repeated group that itself repeats, such as (a+)+); write it without nested repetition',
    ]);
    assert.deepEqual(loaded.config.blame.phrases, [{ match: 'cowboy deploy', explanation: 'Judges the person.' }]);
    assert.deepEqual(loaded.config.blame.roles, ['duty manager']);
  });

  it('an invalid regular expression and an unknown entry id are problems; a try-harder pattern is checked too', () => {
    const loaded = load(
      [
        'blame:',
        '  phrases:',
        '    - { match: "forgot (to", regex: true, explanation: Broken. }',
        '  tryHarder:',
        '    - { match: "(?:be\\\\s*)*careful", regex: true, explanation: Nested. }',
        '  disable: [forgot-too]',
        '',
      ].join('\n'),
    );
    const messages = brief(loaded.problems);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0], /^3:\d+ blame\.phrases\[0\]\.match: not a valid regular expression: /);
    assert.match(messages[1], /^5:\d+ blame\.tryHarder\[0\]\.match: refused: /);
    assert.match(messages[2], /^6:\d+ blame\.disable\[0\]: unknown phrasebook entry "forgot-too"; did you mean "forgot-to"/);
    assert.deepEqual(loaded.config.blame.phrases, []);
    assert.deepEqual(loaded.config.blame.disable, []);
  });

  it('the schema requires an explanation for every added phrase', () => {
    const loaded = load(['blame:', '  phrases:', '    - match: cowboy deploy', ''].join('\n'));
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /explanation/);
  });
});
