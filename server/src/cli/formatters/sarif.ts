// SARIF 2.1.0, the format code scanning services (GitHub, Azure DevOps) ingest.
import { pathToFileURL } from 'node:url';
import type { Finding, Fix, LineIndex, Rule, Severity } from '../../analysis';
import { toolInformationUri, toolName, toolVersion } from '../version';
import { indexer, regionOf, type FormatContext, type LintResult, type Region } from './result';

export const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';
const rootBase = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
type SarifContext = Pick<FormatContext, 'rules' | 'cwd' | 'ruleDocsUrl'>;

interface ArtifactLocation {
  uri: string;
  /** Only for relative URIs; absolute ones stand alone. */
  uriBaseId?: string;
}

export function formatSarif(results: readonly LintResult[], context: SarifContext): string {
  return `${JSON.stringify(toSarif(results, context), null, 2)}\n`;
}

export function toSarif(results: readonly LintResult[], context: SarifContext) {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const lineIndex = indexer();
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: toolInformationUri,
            rules: context.rules.map((rule) => describeRule(rule, context.ruleDocsUrl(rule.id))),
          },
        },
        // Relative URIs resolve against the folder the CLI ran in.
        originalUriBaseIds: { [rootBase]: { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.findings.map((finding) => toResult(finding, result, lineIndex(result), ruleIndex.get(finding.ruleId))),
        ),
      },
    ],
  };
}

function describeRule(rule: Rule, helpUri: string) {
  return {
    id: rule.id,
    helpUri,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.explanation },
    help: {
      text: rule.explanation,
      markdown: `${rule.explanation}\n\nExample:\n\n${fenced(rule.example)}`,
    },
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: { fixable: rule.fixable },
  };
}

/** The example is Markdown source: fenced (longer than any fence inside it), so viewers show it as written. */
export function fenced(markdown: string): string {
  const longest = Math.max(0, ...(markdown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}markdown\n${markdown}\n${fence}`;
}

function toResult(finding: Finding, result: LintResult, index: LineIndex, ruleIndex: number | undefined) {
  const artifactLocation = artifactOf(result);
  const fixes = [...(finding.fix ? [finding.fix] : []), ...finding.suggestions];
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: levelOf(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: sarifRegion(regionOf(index, finding.span)) } }],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            message: { text: related.message },
            physicalLocation: { artifactLocation, region: sarifRegion(regionOf(index, related.span)) },
          })),
        }
      : {}),
    ...(fixes.length > 0 ? { fixes: fixes.map((fix) => toFix(fix, artifactLocation, index)) } : {}),
  };
}

function toFix(fix: Fix, artifactLocation: ArtifactLocation, index: LineIndex) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: sarifRegion(regionOf(index, edit.span)),
          insertedContent: { text: edit.newText },
        })),
      },
    ],
  };
}

function sarifRegion(region: Region) {
  return { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn };
}

export function levelOf(severity: Severity): Level {
  if (severity === 'error') return 'error';
  return severity === 'warning' ? 'warning' : 'note';
}

function artifactOf(result: LintResult): ArtifactLocation {
  // Files outside the working folder are shown by absolute path and get an absolute file URI.
  if (/^(?:\/|[A-Za-z]:\/)/.test(result.displayPath)) return { uri: pathToFileURL(result.filePath).href };
  // Each segment still needs URI escaping (spaces, #, %).
  return { uri: result.displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: rootBase };
}

function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}
