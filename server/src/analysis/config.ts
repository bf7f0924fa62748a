import type { SectionKind, Severity } from './model';
import type { TeamPhrase, TeamTryHarderPhrase } from './blame/phrasebook';

export type RuleSeverity = Severity | 'off';

export interface RuleSetting {
  severity: RuleSeverity | undefined;
  options: Record<string, unknown>;
}

export interface SectionRequirements {
  required: SectionKind[];
  recommended: SectionKind[];
}

/** The configuration a document is analysed with: defaults merged with config files and settings. */
export interface PostmortemConfig {
  rules: Record<string, RuleSetting>;
  sections: SectionRequirements & {
    /** Keyed by normalised severity (`SEV-1`); adds to the base sets for that severity. */
    bySeverity: Record<string, Partial<SectionRequirements>>;
    /** Extra heading texts that mean a section, added to the built-in aliases. */
    aliases: Partial<Record<SectionKind, string[]>>;
    /** The built-in template the config extends (`postmortem:google-sre` gives `google-sre`), if any. */
    preset: string | undefined;
    /** The section order the team writes to (from a preset); without one, `section-order` infers it from the document. */
    order: SectionKind[] | undefined;
  };
  /** Path globs of postmortem files, relative to the config file's folder or the workspace. */
  globs: string[];
  /** Globs that are never postmortems. */
  ignore: string[];
  /** Zone for times written without one (IANA name or `UTC+02:00`); default UTC. */
  timezone: string | undefined;
  /** Due windows in days after the postmortem date, by priority. */
  dueWindows: { P0: number; P1: number; P2: number };
  /** Insights across postmortems: days after a postmortem's date when its open P0 and P1 items are due for review. */
  insights: { followUpDays: number };
  /** Extra placeholder texts, matched literally. */
  placeholders: string[];
  blame: {
    /** Extra role nouns that denote a person ("the SRE on duty"). */
    roles: string[];
    /** Names to treat as persons. */
    persons: string[];
    /** Phrases never reported as blame. */
    allow: string[];
    /** Extra blaming phrases; regular expressions among them were checked when the config was loaded. */
    phrases: TeamPhrase[];
    /** Extra action-item phrases that ask people to try harder. */
    tryHarder: TeamTryHarderPhrase[];
    /** Ids of built-in phrasebook entries turned off. */
    disable: string[];
  };
}

export const defaultGlobs = [
  '**/postmortems/**/*.md',
  '**/post-mortems/**/*.md',
  '**/incidents/**/*.md',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
];

/** READMEs and templates sit beside postmortems but are never postmortems themselves. */
export const defaultIgnore = ['**/node_modules/**', '**/README.md', '**/CHANGELOG.md', '**/CONTRIBUTING.md', '**/LICENSE.md', '**/*template*.md'];

export function defaultConfig(): PostmortemConfig {
  return {
    rules: {},
    sections: {
      required: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
      recommended: ['contributing-factors', 'what-went-well', 'what-went-poorly', 'lessons-learned'],
      bySeverity: {
        'SEV-1': { required: ['contributing-factors', 'what-went-poorly', 'lessons-learned'] },
        'SEV-2': { required: ['contributing-factors'] },
      },
      aliases: {},
      preset: undefined,
      order: undefined,
    },
    globs: [...defaultGlobs],
    ignore: [...defaultIgnore],
    timezone: undefined,
    dueWindows: { P0: 7, P1: 30, P2: 90 },
    insights: { followUpDays: 30 },
    placeholders: [],
    blame: { roles: [], persons: [], allow: [], phrases: [], tryHarder: [], disable: [] },
  };
}
