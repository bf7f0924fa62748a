// Overlaying valid config data onto a config: from a file, or from the editor's settings.
import type { PostmortemConfig, RuleSetting } from '../config';
import type { SectionKind } from '../model';
import { sectionPreset, type SectionPreset } from '../section-presets';
import { isRecord, type ConfigFileData, type RuleValue } from './data';
import type { LoadedConfig } from './load';
import { messageOf, type Issue } from './messages';
import { problemAt, type ConfigProblem } from './problems';
import { validData } from './validate';

/** Overlays a partial config in config-file shape (e.g. editor settings) onto a config, validated like a file. */
export function mergeConfig(base: PostmortemConfig, overlay: unknown, source: string, knownRuleIds: readonly string[]): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const report = (issue: Issue) => problems.push(problemAt(source, undefined, undefined, messageOf(issue)));
  // Validation drops invalid parts in place, and the caller's object must stay intact.
  const data: unknown = overlay === undefined || overlay === null ? {} : structuredClone(overlay);
  if (isRecord(data) && data.extends !== undefined) {
    report({ path: ['extends'], atKey: false, text: 'only config files can extend other files; ignored' });
    delete data.extends;
  }
  const valid = validData(data, new Set(knownRuleIds), report);
  return { config: applyData(base, valid), problems, files: [], file: undefined };
}

/** Overlays valid file data: rules merge per id (options per name), maps per key, arrays replace. */
export function applyData(baseConfig: PostmortemConfig, data: ConfigFileData): PostmortemConfig {
  // A preset named beside the sets is applied first, so that the sets written with it override it.
  const preset = sectionPreset(data.sections?.preset);
  const base = preset ? applyPreset(baseConfig, preset) : baseConfig;
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, value] of Object.entries(data.rules ?? {})) {
    const setting = ruleSettingOf(value);
    const previous = rules[id];
    rules[id] = { severity: setting.severity ?? previous?.severity, options: { ...previous?.options, ...setting.options } };
  }
  const bySeverity = { ...base.sections.bySeverity };
  for (const [severity, sets] of Object.entries(data.sections?.bySeverity ?? {})) bySeverity[severity] = { ...bySeverity[severity], ...sets };
  return {
    rules,
    sections: {
      required: [...(data.sections?.required ?? base.sections.required)],
      recommended: [...(data.sections?.recommended ?? base.sections.recommended)],
      bySeverity,
      aliases: { ...base.sections.aliases, ...data.sections?.aliases },
      preset: base.sections.preset,
      order: data.sections?.order ? [...data.sections.order] : base.sections.order && [...base.sections.order],
    },
    globs: [...(data.globs ?? base.globs)],
    ignore: [...(data.ignore ?? base.ignore)],
    timezone: data.timezone ?? base.timezone,
    dueWindows: { ...base.dueWindows, ...data.dueWindows },
    insights: { ...base.insights, ...data.insights },
    placeholders: [...(data.placeholders ?? base.placeholders)],
    blame: { ...base.blame, ...data.blame },
  };
}

/** Overlays a built-in template: its required, recommended and ordered sections, and its aliases beside the config's. */
export function applyPreset(base: PostmortemConfig, preset: SectionPreset): PostmortemConfig {
  const aliases = { ...base.sections.aliases };
  for (const [kind, names] of Object.entries(preset.aliases) as [SectionKind, string[]][]) aliases[kind] = [...(aliases[kind] ?? []), ...names];
  return {
    ...base,
    sections: { ...base.sections, required: [...preset.required], recommended: [...preset.recommended], aliases, preset: preset.name, order: [...preset.order] },
  };
}

function ruleSettingOf(value: RuleValue): RuleSetting {
  if (typeof value === 'string') return { severity: value, options: {} };
  if (Array.isArray(value)) return { severity: value[0], options: { ...value[1] } };
  const { severity, ...options } = value;
  return { severity, options };
}
