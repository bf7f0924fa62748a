// Config files: finding the nearest, loading YAML and JSON, extends chains, merging, and precise problems.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import schema from '../../schemas/postmortemrc.schema.json';
import { defaultConfig, type PostmortemConfig } from '../../server/src/analysis/config';
import { configFileNames, ConfigLoader, findConfigFile, loadConfigFile, type ConfigFileReader } from '../../server/src/analysis/config-file/load';
import { mergeConfig } from '../../server/src/analysis/config-file/merge';
import { formatConfigProblem, type ConfigProblem } from '../../server/src/analysis/config-file/problems';
import type { SectionKind } from '../../server/src/analysis/model';

const knownRuleIds = ['timeline-order', 'placeholder', 'action-item-due-window', 'action-item-owner', 'action-item-due', 'blameless-language'];

/** Config files in memory, by absolute path; reading a path in `unreadable` fails as a denied read would. */
function memoryReader(files: Record<string, string>, unreadable: readonly string[] = []): ConfigFileReader {
  const texts = new Map(Object.entries(files));
  return {
    readFile(path) {
      if (unreadable.includes(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
      return texts.get(path);
    },
  };
}

/** `line:column message`, so one assertion checks position and wording. */
function brief(problems: readonly ConfigProblem[]): string[] {
  return problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
}

function load(text: string, name = '/repo/.postmortemrc.yaml') {
  return loadConfigFile(name, memoryReader({ [name]: text }), knownRuleIds);
}

function withDefaults(change: (config: PostmortemConfig) => void): PostmortemConfig {
  const config = defaultConfig();
  change(config);
  return config;
}

const severityList = 'error, warning, info, hint, off';
const sectionList = 'summary, impact, timeline, root-cause, contributing-factors, what-went-well, what-went-poorly, action-items, lessons-learned';

describe('findConfigFile', () => {
  const reader = memoryReader({
    '/repo/.postmortemrc.yaml': '',
    '/repo/docs/incidents/.postmortemrc.json': '{}',
    '/repo/docs/.postmortemrc.yml': '',
    '/repo/both/.postmortemrc.yaml': '',
    '/repo/both/.postmortemrc.json': '{}',
  });

  it('looks for the JSON, YAML and YML names in that order', () => {
    assert.deepEqual(configFileNames, ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml']);
    assert.equal(findConfigFile('/repo/both/a.md', reader), '/repo/both/.postmortemrc.json');
  });

  it('takes the nearest file in the folder or an ancestor', () => {
    assert.equal(findConfigFile('/repo/docs/incidents/2024/a.md', reader), '/repo/docs/incidents/.postmortemrc.json');
    assert.equal(findConfigFile('/repo/docs/incidents/a.md', reader), '/repo/docs/incidents/.postmortemrc.json');
    assert.equal(findConfigFile('/repo/docs/other/a.md', reader), '/repo/docs/.postmortemrc.yml');
    assert.equal(findConfigFile('/repo/src/a.md', reader), '/repo/.postmortemrc.yaml');
    assert.equal(findConfigFile('/elsewhere/a.md', reader), undefined);
  });

  it('does not go above stopAt, but searches stopAt itself', () => {
    const nested = memoryReader({ '/repo/.postmortemrc.yaml': '', '/repo/ws/b/.postmortemrc.yaml': '' });
    assert.equal(findConfigFile('/repo/ws/a/x.md', nested, '/repo/ws'), undefined);
    assert.equal(findConfigFile('/repo/ws/a/x.md', nested, '/repo'), '/repo/.postmortemrc.yaml');
    assert.equal(findConfigFile('/repo/ws/b/x.md', nested, '/repo/ws/b'), '/repo/ws/b/.postmortemrc.yaml');
    // A document outside stopAt searches all its ancestors.
    assert.equal(findConfigFile('/repo/x.md', nested, '/repo/ws'), '/repo/.postmortemrc.yaml');
  });

  it('counts a file that exists but cannot be read, so loading reports it', () => {
    const reader = memoryReader({}, ['/repo/.postmortemrc.json']);
    assert.equal(findConfigFile('/repo/a.md', reader), '/repo/.postmortemrc.json');
    const loaded = new ConfigLoader(reader, knownRuleIds).forDocument('/repo/a.md');
    assert.deepEqual(brief(loaded.problems), ["1:1 cannot read the config file: EACCES: permission denied, open '/repo/.postmortemrc.json'"]);
    assert.deepEqual(loaded.config, defaultConfig());
  });
});

describe('ConfigLoader.forDocument', () => {
  it('gives the defaults when there is no config file', () => {
    assert.deepEqual(new ConfigLoader(memoryReader({}), knownRuleIds).forDocument('/repo/a.md'), { config: defaultConfig(), problems: [], files: [], file: undefined });
  });

  it('loads the nearest file only, without merging ancestors', () => {
    const reader = memoryReader({
      '/repo/.postmortemrc.yaml': 'placeholders: [TODO-ROOT]\ntimezone: UTC\n',
      '/repo/team/.postmortemrc.yaml': 'placeholders: [TODO-TEAM]\n',
    });
    const loaded = new ConfigLoader(reader, knownRuleIds).forDocument('/repo/team/pm/a.md');
    assert.equal(loaded.file, '/repo/team/.postmortemrc.yaml');
    assert.deepEqual(loaded.files, ['/repo/team/.postmortemrc.yaml']);
    assert.deepEqual(loaded.config.placeholders, ['TODO-TEAM']);
    assert.equal(loaded.config.timezone, undefined);
  });
});

describe('loadConfigFile', () => {
  const fullYaml = [
    'rules:',
    '  timeline-order: error',
    '  action-item-due-window: [warning, { P0: 3 }]',
    '  placeholder: { severity: info, extra: ["XXX"] }',
    'sections:',
    '  required: [summary, impact, timeline, root-cause, action-items]',
    '  recommended: [lessons-learned]',
    '  bySeverity: { SEV-1: { required: [lessons-learned] } }',
    '  aliases: { timeline: ["The long night"] }',
    'globs: ["docs/incidents/**/*.md"]',
    'ignore: ["**/drafts/**"]',
    'timezone: Europe/Berlin',
    'dueWindows: { P0: 7, P1: 30, P2: 60 }',
    'insights: { followUpDays: 45 }',
    'placeholders: ["XXX"]',
    'blame: { roles: ["the SRE on duty"], persons: ["Jordan"], allow: ["blame the cache"] }',
    '',
  ].join('\n');

  const fullConfig: PostmortemConfig = {
    rules: {
      'timeline-order': { severity: 'error', options: {} },
      'action-item-due-window': { severity: 'warning', options: { P0: 3 } },
      placeholder: { severity: 'info', options: { extra: ['XXX'] } },
    },
    sections: {
      required: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
      recommended: ['lessons-learned'],
      bySeverity: {
        'SEV-1': { required: ['lessons-learned'] },
        'SEV-2': { required: ['contributing-factors'] },
      },
      aliases: { timeline: ['The long night'] },
      preset: undefined,
      order: undefined,
    },
    globs: ['docs/incidents/**/*.md'],
    ignore: ['**/drafts/**'],
    timezone: 'Europe/Berlin',
    dueWindows: { P0: 7, P1: 30, P2: 60 },
    insights: { followUpDays: 45 },
    placeholders: ['XXX'],
    blame: { roles: ['the SRE on duty'], persons: ['Jordan'], allow: ['blame the cache'], phrases: [], tryHarder: [], disable: [] },
  };

  it('reads every setting from YAML over the defaults', () => {
    const loaded = load(fullYaml);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config, fullConfig);
    assert.deepEqual(loaded.files, ['/repo/.postmortemrc.yaml']);
    assert.equal(loaded.file, '/repo/.postmortemrc.yaml');
  });

  it('reads the same settings from JSON', () => {
    const json = JSON.stringify({
      $schema: '../schemas/postmortemrc.schema.json',
      rules: { 'timeline-order': 'error', 'action-item-due-window': ['warning', { P0: 3 }], placeholder: { severity: 'info', extra: ['XXX'] } },
      sections: {
        required: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
        recommended: ['lessons-learned'],
        bySeverity: { 'SEV-1': { required: ['lessons-learned'] } },
        aliases: { timeline: ['The long night'] },
      },
      globs: ['docs/incidents/**/*.md'],
      ignore: ['**/drafts/**'],
      timezone: 'Europe/Berlin',
      dueWindows: { P0: 7, P1: 30, P2: 60 },
      insights: { followUpDays: 45 },
      placeholders: ['XXX'],
      blame: { roles: ['the SRE on duty'], persons: ['Jordan'], allow: ['blame the cache'], phrases: [], tryHarder: [], disable: [] },
    }, null, '\t');
    const loaded = load(json, '/repo/.postmortemrc.json');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config, fullConfig);
  });

  it('takes an empty YAML file, or one with only comments, as no settings', () => {
    assert.deepEqual(load(''), { config: defaultConfig(), problems: [], files: ['/repo/.postmortemrc.yaml'], file: '/repo/.postmortemrc.yaml' });
    assert.deepEqual(load('# nothing yet\n').config, defaultConfig());
  });

  it('ignores a byte order mark', () => {
    const loaded = load('\uFEFFrules:\n  timeline-order: loud\n');
    assert.deepEqual(brief(loaded.problems), [`2:19 rules.timeline-order: expected one of ${severityList}, got "loud"`]);
  });

  it('accepts each form of a rule setting', () => {
    const loaded = load(
      [
        'rules:',
        '  timeline-order: off',
        '  placeholder: { severity: hint, extra: [XXX] }',
        '  action-item-due-window: [warning, { P0: 3 }]',
        '  action-item-owner: [error]',
        '  action-item-due: { P1: 10 }',
        '  blameless-language: info',
      ].join('\n'),
    );
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.rules, {
      'timeline-order': { severity: 'off', options: {} },
      placeholder: { severity: 'hint', options: { extra: ['XXX'] } },
      'action-item-due-window': { severity: 'warning', options: { P0: 3 } },
      'action-item-owner': { severity: 'error', options: {} },
      'action-item-due': { severity: undefined, options: { P1: 10 } },
      'blameless-language': { severity: 'info', options: {} },
    });
  });

  it('normalises severity keys of bySeverity, words as their levels, and merges a severity per list', () => {
    const loaded = load('sections:\n  bySeverity:\n    sev1: { recommended: [timeline] }\n    Low: { required: [impact] }\n');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.sections.bySeverity, {
      'SEV-1': { required: ['contributing-factors', 'what-went-poorly', 'lessons-learned'], recommended: ['timeline'] },
      'SEV-2': { required: ['contributing-factors'] },
      'SEV-3': { required: ['impact'] },
    });
  });

  it('accepts IANA zones and UTC offsets as time zones', () => {
    for (const zone of ['UTC', 'America/New_York', 'UTC+02:00', 'UTC-5', '+01:00']) {
      const loaded = load(`timezone: "${zone}"\n`);
      assert.deepEqual(loaded.problems, [], zone);
      assert.equal(loaded.config.timezone, zone);
    }
  });
});

describe('extends', () => {
  it('applies a base given relative to the file, overriding it per rule and per key', () => {
    const reader = memoryReader({
      '/repo/shared/base.yaml': [
        'rules:',
        '  placeholder: [info, { extra: [XXX], strict: true }]',
        '  timeline-order: warning',
        '  action-item-owner: error',
        'globs: ["docs/**/*.md"]',
        'ignore: ["**/old/**"]',
        'dueWindows: { P0: 3 }',
        'blame: { persons: [Jordan] }',
        'sections:',
        '  bySeverity:',
        '    SEV-1: { recommended: [what-went-well] }',
        '  aliases:',
        '    timeline: [The long night]',
      ].join('\n'),
      '/repo/team/.postmortemrc.yaml': [
        'extends: ../shared/base.yaml',
        'rules:',
        '  placeholder: warning',
        '  timeline-order: { custom: 1 }',
        'ignore: []',
        'dueWindows: { P1: 14 }',
        'blame: { roles: [the on-call] }',
        'sections:',
        '  aliases:',
        '    impact: [Blast radius]',
      ].join('\n'),
    });
    const loaded = new ConfigLoader(reader, knownRuleIds).forDocument('/repo/team/a.md');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.files, ['/repo/team/.postmortemrc.yaml', '/repo/shared/base.yaml']);
    assert.deepEqual(
      loaded.config,
      withDefaults((config) => {
        config.rules = {
          placeholder: { severity: 'warning', options: { extra: ['XXX'], strict: true } },
          'timeline-order': { severity: 'warning', options: { custom: 1 } },
          'action-item-owner': { severity: 'error', options: {} },
        };
        config.globs = ['docs/**/*.md'];
        config.ignore = [];
        config.dueWindows = { P0: 3, P1: 14, P2: 90 };
        config.blame = { roles: ['the on-call'], persons: ['Jordan'], allow: [], phrases: [], tryHarder: [], disable: [] };
        config.sections.bySeverity['SEV-1'] = { required: ['contributing-factors', 'what-went-poorly', 'lessons-learned'], recommended: ['what-went-well'] };
        config.sections.aliases = { timeline: ['The long night'], impact: ['Blast radius'] };
      }),
    );
  });

  it('follows chains and applies a list of bases in order', () => {
    const reader = memoryReader({
      '/r/.postmortemrc.yaml': 'extends: [b.yaml, sub/c.yaml]\nignore: [a]\n',
      '/r/b.yaml': 'extends: d.yaml\nplaceholders: [b]\n',
      '/r/sub/c.yaml': 'globs: [c]\n',
      '/r/d.yaml': 'placeholders: [d]\nglobs: [d]\nignore: [d]\ntimezone: UTC\n',
    });
    const loaded = loadConfigFile('/r/.postmortemrc.yaml', reader, knownRuleIds);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.files, ['/r/.postmortemrc.yaml', '/r/b.yaml', '/r/d.yaml', '/r/sub/c.yaml']);
    assert.deepEqual(loaded.config.placeholders, ['b']);
    assert.deepEqual(loaded.config.globs, ['c']);
    assert.deepEqual(loaded.config.ignore, ['a']);
    assert.equal(loaded.config.timezone, 'UTC');
  });

  it('reports a cycle at the extends value that closes it and keeps the rest', () => {
    const reader = memoryReader({
      '/r/.postmortemrc.yaml': 'extends: base.yaml\nplaceholders: [top]\n',
      '/r/base.yaml': 'globs: [base]\nextends: [./.postmortemrc.yaml]\n',
    });
    const loaded = loadConfigFile('/r/.postmortemrc.yaml', reader, knownRuleIds);
    assert.deepEqual(loaded.problems, [
      {
        file: '/r/base.yaml',
        line: 2,
        column: 11,
        endLine: 2,
        endColumn: 31,
        message: 'extends[0]: expected a file that does not extend this one, got a cycle: .postmortemrc.yaml → base.yaml → .postmortemrc.yaml',
      },
    ]);
    assert.deepEqual(loaded.config.globs, ['base']);
    assert.deepEqual(loaded.config.placeholders, ['top']);
  });

  it('reports a file that extends itself', () => {
    const loaded = load('extends: .postmortemrc.yaml\n');
    assert.deepEqual(brief(loaded.problems), ['1:10 extends: expected a file that does not extend this one, got a cycle: .postmortemrc.yaml → .postmortemrc.yaml']);
  });

  it('reports a missing target at its value, and lists it for watching', () => {
    const reader = memoryReader({ '/r/.postmortemrc.yaml': '# shared settings\nextends:\n  - ../nope.yaml\nplaceholders: [x]\n' });
    const loaded = loadConfigFile('/r/.postmortemrc.yaml', reader, knownRuleIds);
    assert.deepEqual(brief(loaded.problems), ['3:5 extends[0]: expected an existing config file, got "../nope.yaml" (no file at /nope.yaml)']);
    assert.deepEqual(loaded.files, ['/r/.postmortemrc.yaml', '/nope.yaml']);
    assert.deepEqual(loaded.config.placeholders, ['x']);
  });

  it('reports problems of a base in the base file, before those of the file', () => {
    const reader = memoryReader({
      '/r/.postmortemrc.json': '{\n  "extends": "base.yaml",\n  "globs": "x"\n}\n',
      '/r/base.yaml': 'placeholders: [ok]\ntimezone: Mars/Olympus\n',
    });
    const loaded = loadConfigFile('/r/.postmortemrc.json', reader, knownRuleIds);
    assert.deepEqual(
      loaded.problems.map(formatConfigProblem),
      [
        '/r/base.yaml:2:11: timezone: expected an IANA time zone such as Europe/Berlin or a UTC offset such as UTC+02:00, got "Mars/Olympus"',
        '/r/.postmortemrc.json:3:12: globs: expected a list, got "x"',
      ],
    );
    assert.deepEqual(loaded.config.placeholders, ['ok']);
  });
});

describe('problems', () => {
  it('formats a problem as file:line:column: path: expected, got', () => {
    const loaded = load('# Postmortem config\ntimezone: UTC\nrules:\n timeline-order: loud\n');
    assert.deepEqual(loaded.problems.map(formatConfigProblem), [`/repo/.postmortemrc.yaml:4:18: rules.timeline-order: expected one of ${severityList}, got "loud"`]);
    assert.deepEqual(loaded.problems[0], {
      file: '/repo/.postmortemrc.yaml',
      line: 4,
      column: 18,
      endLine: 4,
      endColumn: 22,
      message: `rules.timeline-order: expected one of ${severityList}, got "loud"`,
    });
  });

  it('reports each bad part at its value or key and keeps the good parts', () => {
    const loaded = load(
      [
        'rules:',
        ' timeline-order: loud',
        ' placeholder: [info, { extra: [XXX] }]',
        ' action-item-owner: 5',
        ' timline-ordr: error',
        'sections:',
        '  required: [summary, root-causes, summary]',
        '  requird: []',
        'dueWindows: { P0: -1, P1: 2.5, P2: 60 }',
        'globs: docs/**',
        'timezone: Europe/Berln',
        'ignore: [drafts/**]',
      ].join('\n'),
    );
    assert.deepEqual(brief(loaded.problems), [
      `2:18 rules.timeline-order: expected one of ${severityList}, got "loud"`,
      `4:21 rules.action-item-owner: expected one of ${severityList}, or a [severity, options] list, or a { severity, ...options } object, got 5`,
      '5:2 rules: unknown rule "timline-ordr" (did you mean "timeline-order"?)',
      `7:23 sections.required[1]: expected one of ${sectionList}, got "root-causes" (did you mean "root-cause"?)`,
      '7:36 sections.required[2]: expected each item once, got "summary" twice',
      '8:3 sections: unknown property "requird", expected one of required, recommended, bySeverity, preset, order, aliases (did you mean "required"?)',
      '9:19 dueWindows.P0: expected a number >= 0, got -1',
      '9:27 dueWindows.P1: expected a whole number, got 2.5',
      '10:8 globs: expected a list, got "docs/**"',
      '11:11 timezone: expected an IANA time zone such as Europe/Berlin or a UTC offset such as UTC+02:00, got "Europe/Berln" (did you mean "Europe/Berlin"?)',
    ]);
    assert.deepEqual(
      loaded.config,
      withDefaults((config) => {
        config.rules = { placeholder: { severity: 'info', options: { extra: ['XXX'] } } };
        config.sections.required = ['summary'];
        config.dueWindows = { P0: 7, P1: 30, P2: 60 };
        config.ignore = ['drafts/**'];
      }),
    );
  });

  it('explains bad rule settings of every form', () => {
    const loaded = load(
      [
        'rules:',
        '  timeline-order: [warning, {}, 3]',
        '  placeholder: [loud, { extra: [XXX] }]',
        '  action-item-owner: { severity: warnin }',
        '  action-item-due: true',
        '  blameless-language: [{ words: [] }]',
        '  action-item-due-window: error',
      ].join('\n'),
    );
    assert.deepEqual(brief(loaded.problems), [
      '2:19 rules.timeline-order: expected at most 2 items, got 3',
      `3:17 rules.placeholder[0]: expected one of ${severityList}, got "loud"`,
      `4:34 rules.action-item-owner.severity: expected one of ${severityList}, got "warnin" (did you mean "warning"?)`,
      `5:20 rules.action-item-due: expected one of ${severityList}, or a [severity, options] list, or a { severity, ...options } object, got true`,
      `6:24 rules.blameless-language[0]: expected one of ${severityList}, got an object`,
    ]);
    assert.deepEqual(loaded.config.rules, { 'action-item-due-window': { severity: 'error', options: {} } });
  });

  it('reports an unknown rule id at its key, with a suggestion only when one is close', () => {
    const loaded = load('rules:\n  Timeline-Order: error\n  no-such-rule: off\n  placeholder: warning\n');
    assert.deepEqual(brief(loaded.problems), ['2:3 rules: unknown rule "Timeline-Order" (did you mean "timeline-order"?)', '3:3 rules: unknown rule "no-such-rule"']);
    assert.deepEqual(loaded.config.rules, { placeholder: { severity: 'warning', options: {} } });
  });

  it('reports unknown properties, section kinds and severities at their keys', () => {
    const loaded = load(
      [
        'rule:',
        '  timeline-order: error',
        'sections:',
        '  aliases:',
        '    timline: [The long night]',
        '    impact: [Blast radius]',
        '  bySeverity:',
        '    urgent: { required: [impact] }',
        '    SEV-3: { required: [impact], optional: [] }',
        'dueWindows: { P3: 5 }',
      ].join('\n'),
    );
    assert.deepEqual(brief(loaded.problems), [
      '1:1 unknown property "rule", expected one of $schema, extends, rules, sections, globs, ignore, timezone, dueWindows, insights, placeholders, blame (did you mean "rules"?)',
      `5:5 sections.aliases: unknown property "timline", expected one of ${sectionList} (did you mean "timeline"?)`,
      '8:5 sections.bySeverity: expected a severity such as SEV-1, got "urgent"',
      '9:34 sections.bySeverity.SEV-3: unknown property "optional", expected one of required, recommended',
      '10:15 dueWindows: unknown property "P3", expected one of P0, P1, P2',
    ]);
    assert.deepEqual(loaded.config.sections.aliases, { impact: ['Blast radius'] });
    assert.deepEqual(loaded.config.sections.bySeverity['SEV-3'], { required: ['impact'] });
  });

  it('reports wrong types of extends, lists and the whole file', () => {
    assert.deepEqual(brief(load('extends: 5\n').problems), ['1:10 extends: expected a path or a list of paths, got 5']);
    assert.deepEqual(brief(load('extends: [a.yaml, 5]\n', '/r/.postmortemrc.yaml').problems), [
      '1:11 extends[0]: expected an existing config file, got "a.yaml" (no file at /r/a.yaml)',
      '1:19 extends[1]: expected a string, got 5',
    ]);
    assert.deepEqual(brief(load('globs: ["", "ok/**"]\nplaceholders: { a: 1 }\nblame: { roles: "the SRE" }\n').problems), [
      '1:9 globs[0]: expected a non-empty string, got ""',
      '2:15 placeholders: expected a list, got an object',
      '3:17 blame.roles: expected a list, got "the SRE"',
    ]);
    const list = load('- rules\n- globs\n');
    assert.deepEqual(brief(list.problems), ['1:1 expected an object, got a list']);
    assert.deepEqual(list.config, defaultConfig());
  });

  it('gives one problem and the defaults for broken YAML', () => {
    const loaded = load('rules:\n  timeline-order: [error\nglobs: [x]\n');
    assert.deepEqual(brief(loaded.problems), ['3:1 invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    assert.deepEqual(loaded.config, defaultConfig());
    const alias = load('globs: *nowhere\n');
    assert.deepEqual(brief(alias.problems), ['1:8 invalid YAML: Unresolved alias (the anchor must be set before the alias): nowhere']);
    assert.deepEqual(alias.config, defaultConfig());
  });

  it('gives one problem and the defaults for broken JSON, including what YAML would accept', () => {
    const cases: [string, string][] = [
      ['{\n  "rules": {\n    "a": "error"\n    "b": "off"\n  }\n}\n', '4:5 invalid JSON: expected "," or "}", got a string'],
      ['{"globs": ["a",]}', '1:16 invalid JSON: expected a value, got "]"'],
      ['{"timezone": tru}', '1:14 invalid JSON: expected a value, got "tru"'],
      ['{"globs": ["a"]} x', '1:18 invalid JSON: expected the end of the file, got "x"'],
      ['{"globs": ["a\n"]}', '1:14 invalid JSON: expected a closing quote, got a line break'],
      ['// comment\n{}', '1:1 invalid JSON: expected a value, got "/"'],
      ['', '1:1 invalid JSON: expected a value, got the end of the file'],
    ];
    for (const [text, expected] of cases) {
      const loaded = load(text, '/repo/.postmortemrc.json');
      assert.deepEqual(brief(loaded.problems), [expected], text);
      assert.deepEqual(loaded.config, defaultConfig(), text);
    }
  });

  it('reports a JSON schema error at the value inside the JSON text', () => {
    const loaded = load('{\n  "rules": {\n    "timeline-order": "loud"\n  }\n}\n', '/repo/.postmortemrc.json');
    assert.deepEqual(brief(loaded.problems), [`3:23 rules.timeline-order: expected one of ${severityList}, got "loud"`]);
  });

  it('reports a duplicate key and applies the last one', () => {
    const loaded = load('globs: [a]\nrules:\n  placeholder: info\nglobs: [b]\n');
    assert.deepEqual(brief(loaded.problems), ['4:1 duplicate key "globs": expected each key once; the last one applies']);
    assert.deepEqual(loaded.config.globs, ['b']);
    assert.deepEqual(loaded.config.rules, { placeholder: { severity: 'info', options: {} } });
  });

  it('reports a file that does not exist', () => {
    const loaded = loadConfigFile('/repo/.postmortemrc.yaml', memoryReader({}), knownRuleIds);
    assert.deepEqual(brief(loaded.problems), ['1:1 cannot read the config file: the file does not exist']);
    assert.deepEqual(loaded.config, defaultConfig());
  });
});

describe('mergeConfig', () => {
  it('overlays settings per rule and per key, and leaves its inputs alone', () => {
    const base = load('rules:\n  placeholder: [info, { extra: [XXX] }]\nglobs: [docs/**]\n').config;
    const baseCopy = structuredClone(base);
    const overlay = { rules: { placeholder: 'warning', 'timeline-order': 'loud' }, dueWindows: { P2: 120 }, extends: 'other.yaml' };
    const overlayCopy = structuredClone(overlay);
    const merged = mergeConfig(base, overlay, 'settings', knownRuleIds);
    assert.deepEqual(merged.problems, [
      { file: 'settings', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'extends: only config files can extend other files; ignored' },
      { file: 'settings', line: 1, column: 1, endLine: 1, endColumn: 1, message: `rules.timeline-order: expected one of ${severityList}, got "loud"` },
    ]);
    assert.deepEqual(merged.config.rules, { placeholder: { severity: 'warning', options: { extra: ['XXX'] } } });
    assert.deepEqual(merged.config.globs, ['docs/**']);
    assert.deepEqual(merged.config.dueWindows, { P0: 7, P1: 30, P2: 120 });
    assert.deepEqual(merged.files, []);
    assert.deepEqual(base, baseCopy);
    assert.deepEqual(overlay, overlayCopy);
  });

  it('treats no overlay as no change', () => {
    assert.deepEqual(mergeConfig(defaultConfig(), undefined, 'settings', knownRuleIds), { config: defaultConfig(), problems: [], files: [], file: undefined });
    assert.deepEqual(mergeConfig(defaultConfig(), null, 'settings', knownRuleIds).config, defaultConfig());
  });

  it('accepts the defaults themselves', () => {
    const merged = mergeConfig(defaultConfig(), defaultConfig(), 'defaults', knownRuleIds);
    assert.deepEqual(merged.problems, []);
    assert.deepEqual(merged.config, defaultConfig());
  });
});

describe('ConfigLoader', () => {
  /** A reader over a mutable map that counts how often each path is read. */
  function countingReader(texts: Map<string, string>) {
    const reads = new Map<string, number>();
    const reader: ConfigFileReader = {
      readFile(path) {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return texts.get(path);
      },
    };
    return { reader, reads };
  }

  it('finds the nearest config of each document and reads each file once, extends targets included', () => {
    const texts = new Map([
      ['/repo/.postmortemrc.yaml', 'extends: ./base.yaml\nplaceholders: [XXX]\n'],
      ['/repo/base.yaml', 'globs: ["notes/**"]\n'],
      ['/repo/team/.postmortemrc.json', '{ "timezone": "Europe/Berlin" }'],
    ]);
    const { reader, reads } = countingReader(texts);
    const loader = new ConfigLoader(reader, knownRuleIds);
    const first = loader.forDocument('/repo/docs/a.md');
    const second = loader.forDocument('/repo/docs/deep/b.md');
    const team = loader.forDocument('/repo/team/c.md');
    assert.equal(first.file, '/repo/.postmortemrc.yaml');
    assert.deepEqual(first.config.placeholders, ['XXX']);
    assert.deepEqual(first.config.globs, ['notes/**']);
    assert.equal(second, first);
    assert.equal(team.file, '/repo/team/.postmortemrc.json');
    assert.equal(team.config.timezone, 'Europe/Berlin');
    assert.deepEqual([...reads.values()].filter((count) => count > 1), []);
    assert.equal(reads.get('/repo/base.yaml'), 1);
  });

  it('keeps what it loaded until clear(), then reads the files again', () => {
    const texts = new Map([['/repo/.postmortemrc.yaml', 'placeholders: [OLD]\n']]);
    const loader = new ConfigLoader(countingReader(texts).reader, knownRuleIds);
    assert.deepEqual(loader.forDocument('/repo/a.md').config.placeholders, ['OLD']);
    texts.set('/repo/.postmortemrc.yaml', 'placeholders: [NEW]\n');
    texts.set('/repo/sub/.postmortemrc.yaml', 'placeholders: [SUB]\n');
    assert.deepEqual(loader.forDocument('/repo/a.md').config.placeholders, ['OLD']);
    loader.clear();
    assert.deepEqual(loader.forDocument('/repo/a.md').config.placeholders, ['NEW']);
    assert.deepEqual(loader.forDocument('/repo/sub/a.md').config.placeholders, ['SUB']);
  });

  it('loads a named file, and searches no higher than stopAt', () => {
    const loader = new ConfigLoader(memoryReader({ '/repo/.postmortemrc.yaml': 'placeholders: [XXX]\n', '/repo/ws/custom.yaml': 'ignore: []\n' }), knownRuleIds);
    assert.deepEqual(loader.load('/repo/ws/custom.yaml').config.ignore, []);
    assert.equal(loader.forDocument('/repo/ws/a/x.md', '/repo/ws').file, undefined);
    assert.deepEqual(loader.forDocument('/repo/ws/a/x.md', '/repo/ws').config, defaultConfig());
    assert.equal(loader.forDocument('/repo/ws/a/x.md').file, '/repo/.postmortemrc.yaml');
  });
});

describe('the schema', () => {
  it('compiles in strict mode and accepts the defaults', () => {
    const ajv = new Ajv({ strict: true, strictTuples: false, allErrors: true });
    ajv.addVocabulary(['markdownDescription', 'enumDescriptions']);
    const validate = ajv.compile(schema);
    assert.equal(validate(defaultConfig()), true, JSON.stringify(validate.errors));
  });

  it('states the defaults of defaultConfig()', () => {
    const defaults = defaultConfig();
    const properties = schema.properties;
    assert.deepEqual(properties.rules.default, defaults.rules);
    assert.deepEqual(properties.globs.default, defaults.globs);
    assert.deepEqual(properties.ignore.default, defaults.ignore);
    assert.deepEqual(properties.dueWindows.default, defaults.dueWindows);
    assert.deepEqual(properties.placeholders.default, defaults.placeholders);
    assert.deepEqual(properties.blame.default, defaults.blame);
    assert.equal(properties.timezone.default, defaults.timezone ?? 'UTC');
    const sections = properties.sections.properties;
    assert.deepEqual(sections.required.default, defaults.sections.required);
    assert.deepEqual(sections.recommended.default, defaults.sections.recommended);
    assert.deepEqual(sections.bySeverity.default, defaults.sections.bySeverity);
    assert.deepEqual(sections.aliases.default, defaults.sections.aliases);
    for (const [key, value] of Object.entries(properties.dueWindows.properties)) {
      assert.equal(value.default, defaults.dueWindows[key as keyof PostmortemConfig['dueWindows']]);
    }
  });

  it('lists exactly the section kinds of the model', () => {
    // A Record over the union fails to compile when a kind is added to the model and not here.
    const kinds: Record<SectionKind, true> = {
      summary: true,
      impact: true,
      timeline: true,
      'root-cause': true,
      'contributing-factors': true,
      'what-went-well': true,
      'what-went-poorly': true,
      'action-items': true,
      'lessons-learned': true,
    };
    assert.deepEqual(schema.definitions.sectionKind.enum, Object.keys(kinds));
    assert.deepEqual(Object.keys(schema.properties.sections.properties.aliases.properties), Object.keys(kinds));
  });

  it('describes every property', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'properties' && typeof value === 'object' && value !== null) {
          for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
            if (typeof property !== 'object' || property === null || typeof (property as { description?: unknown }).description !== 'string') undescribed.push(`${path}.${name}`);
          }
        }
        walk(value, `${path}.${key}`);
      }
    };
    walk(schema, '#');
    assert.deepEqual(undescribed, []);
  });
});
