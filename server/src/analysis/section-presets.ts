// Well-known postmortem templates, selectable in a config file with `extends: postmortem:<name>`.
// Section lists written from the templates as their publishers describe them.
import type { SectionKind } from './model';

export interface SectionPreset {
  /** What follows `postmortem:` in `extends`. */
  name: string;
  description: string;
  required: SectionKind[];
  recommended: SectionKind[];
  /** The template's headings that name each kind, besides the built-in wording; the first is the one a fix inserts. */
  aliases: Partial<Record<SectionKind, string[]>>;
  /** The order of the template's sections; `section-order` checks it. */
  order: SectionKind[];
  /** The template records a severity level: the metadata rules may then ask for one. */
  usesSeverity: boolean;
}

export const presetPrefix = 'postmortem:';

export const sectionPresets: readonly SectionPreset[] = [
  {
    name: 'default',
    description: "This project's template: summary, impact, timeline, root cause, contributing factors, what went well and poorly, action items, lessons learned.",
    required: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
    recommended: ['contributing-factors', 'what-went-well', 'what-went-poorly', 'lessons-learned'],
    aliases: {},
    order: ['summary', 'impact', 'timeline', 'root-cause', 'contributing-factors', 'what-went-well', 'what-went-poorly', 'action-items', 'lessons-learned'],
    usesSeverity: true,
  },
  {
    name: 'google-sre',
    description:
      'The Google SRE postmortem: Summary (or Issue Summary), Impact (Severity & Impact), Root Causes, Trigger, Resolution, Detection, Action Items (Corrective and Preventative Measures), Lessons Learned with what went well, what went wrong and where we got lucky, then the Timeline.',
    required: ['summary', 'impact', 'root-cause', 'action-items', 'timeline'],
    recommended: ['lessons-learned', 'what-went-well', 'what-went-poorly'],
    aliases: {
      summary: ['Issue Summary'],
      impact: ['Severity & Impact', 'Severity and Impact'],
      'root-cause': ['Root Causes and Trigger'],
      'action-items': ['Corrective and Preventative Measures', 'Corrective and Preventive Measures'],
      'what-went-poorly': ['What went wrong'],
    },
    order: ['summary', 'impact', 'root-cause', 'action-items', 'lessons-learned', 'what-went-well', 'what-went-poorly', 'timeline'],
    usesSeverity: false,
  },
  {
    name: 'pagerduty',
    description:
      "PagerDuty's postmortem: Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline, How'd We Do? (what went well, what didn't go so well), Action Items, Messaging. It names contributing factors, not a root cause.",
    required: ['summary', 'contributing-factors', 'impact', 'timeline', 'action-items'],
    recommended: ['what-went-well', 'what-went-poorly'],
    aliases: { summary: ['Overview'], 'contributing-factors': ['Contributing Factors'] },
    order: ['summary', 'contributing-factors', 'impact', 'timeline', 'what-went-well', 'what-went-poorly', 'action-items'],
    usesSeverity: true,
  },
  {
    name: 'atlassian',
    description:
      "Atlassian's incident postmortem: Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Five whys, Root cause, Backlog check, Recurrence, Lessons learned, Corrective actions.",
    required: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
    recommended: ['lessons-learned'],
    aliases: { summary: ['Incident summary'], 'action-items': ['Corrective actions'] },
    order: ['summary', 'impact', 'timeline', 'root-cause', 'lessons-learned', 'action-items'],
    usesSeverity: true,
  },
];

/** The preset an `extends` entry names (`postmortem:google-sre`), or undefined when it names a file. */
export function presetNameOf(target: string): string | undefined {
  return target.startsWith(presetPrefix) ? target.slice(presetPrefix.length) : undefined;
}

export function sectionPreset(name: string | undefined): SectionPreset | undefined {
  return sectionPresets.find((preset) => preset.name === name);
}

/** The heading a preset's template gives a kind ("Issue Summary" in google-sre), if it has its own. */
export function presetTitle(presetName: string | undefined, kind: SectionKind): string | undefined {
  return sectionPresets.find((preset) => preset.name === presetName)?.aliases[kind]?.[0];
}
