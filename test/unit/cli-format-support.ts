// Synthetic findings with hand-computed positions, shared by the formatter tests.
import assert from 'node:assert/strict';
import type { Finding, Severity, Span } from '../../server/src/analysis/model';
import type { Rule } from '../../server/src/analysis/rule';
import type { FormatContext, LintResult } from '../../server/src/cli/formatters/result';

// Line 3 holds an astral character (2 UTF-16 units) and ends with CRLF; line 4 starts after it.
export const text = '# Incident postmortem\n\nOwner: 😀 bob, was here\r\nThe 100% fix, sadly: none\n';

export function spanOf(needle: string): Span {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

function finding(ruleId: string, severity: Severity, message: string, span: Span, extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity, message, span, related: [], fix: undefined, suggestions: [], tags: [], detail: undefined, ...extra };
}

export const bob = finding('no-blame', 'error', 'Blames a person: "bob"', spanOf('bob'), {
  fix: { title: 'Name the role', safe: true, edits: [{ span: spanOf('bob'), newText: 'the on-call engineer' }] },
});
export const percent = finding('percent-rule', 'warning', 'Odd line\nwith 100%, and: colon', spanOf('The 100% fix, sadly: none'), {
  fix: { title: 'Delete the line', safe: false, edits: [{ span: spanOf('The 100% fix, sadly: none'), newText: '' }] },
  suggestions: [
    { title: 'Say none', safe: false, edits: [{ span: spanOf('sadly'), newText: 'so far' }] },
    {
      title: 'Two edits',
      safe: false,
      edits: [
        { span: spanOf('100%'), newText: 'all' },
        { span: spanOf('none'), newText: 'done' },
      ],
    },
  ],
  related: [{ span: spanOf('# Incident postmortem'), message: 'The title' }],
});
export const title = finding('title-hint', 'info', 'Title could name the service', spanOf('# Incident postmortem'), {
  fix: {
    title: 'Two safe edits',
    safe: true,
    edits: [
      { span: { start: 2, end: 2 }, newText: 'API ' },
      { span: { start: 21, end: 21 }, newText: '!' },
    ],
  },
});
export const unknown = finding('parse-error', 'error', 'Could not read', { start: 0, end: 0 });

export const main: LintResult = {
  filePath: '/repo/docs/post mortems/db outage.md',
  displayPath: 'docs/post mortems/db outage.md',
  text,
  findings: [title, bob, percent],
};
export const clean: LintResult = { filePath: '/repo/clean.md', displayPath: 'clean.md', text: '# Postmortem\n', findings: [] };

export const rules: Rule[] = [
  rule('no-blame', 'error', true),
  rule('percent-rule', 'warning', false),
  rule('title-hint', 'hint', true),
];

function rule(id: string, severity: Severity, fixable: boolean): Rule {
  return {
    id,
    severity,
    description: `${id} description.`,
    explanation: `${id} explanation.`,
    example: `- ${id} example`,
    fixable,
    check: () => [],
  };
}

export const context: FormatContext = {
  color: false,
  rules,
  cwd: '/repo',
  ruleDocsUrl: (id) => `https://example.test/rules/${id}.md`,
};

/** The parts of a SARIF log that the tests read back from the formatter's JSON. */
export interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
  columnKind: string;
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  relatedLocations?: unknown[];
  fixes?: { description: { text: string }; artifactChanges: { replacements: unknown[] }[] }[];
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
