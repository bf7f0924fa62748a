// Metadata from YAML front matter and from bold label lines (`**Severity**: SEV-1`).
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { MetadataField, Span } from './model';
import { trimEndMatching } from './text';

const keyAliases: Record<string, string> = {
  severity: 'severity',
  sev: 'severity',
  'incident severity': 'severity',
  'severity level': 'severity',
  date: 'date',
  'incident date': 'date',
  'date of incident': 'date',
  duration: 'duration',
  'total duration': 'duration',
  'incident duration': 'duration',
  'outage duration': 'duration',
  status: 'status',
  'incident status': 'status',
  'postmortem status': 'status',
  authors: 'authors',
  author: 'authors',
  'written by': 'authors',
  owner: 'authors',
  timezone: 'timezone',
  'time zone': 'timezone',
  tz: 'timezone',
  'incident commander': 'commander',
  ic: 'commander',
  title: 'title',
  type: 'type',
};

/** The normalised key of a metadata label, or undefined when it is not metadata we read. */
export function metadataKey(label: string): string | undefined {
  return keyAliases[label.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export interface FrontMatter {
  span: Span;
  data: Record<string, unknown> | undefined;
  error: string | undefined;
  fields: MetadataField[];
}

/** Reads front matter; `value` is the YAML source between the fences, starting at `valueStart`. */
export function readFrontMatter(value: string, valueStart: number, span: Span): FrontMatter {
  const document = parseDocument(value, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) {
    const error = document.errors[0]?.message ?? 'front matter is not a mapping of keys to values';
    return { span, data: undefined, error, fields: [] };
  }
  const fields: MetadataField[] = [];
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = metadataKey(String(pair.key.value)) ?? String(pair.key.value).toLowerCase();
    const node = pair.value;
    const keyRange = pair.key.range ?? [0, 0, 0];
    let valueText = '';
    let range: [number, number] = [keyRange[1], keyRange[1]];
    if (isScalar(node)) {
      valueText = scalarText(node.value);
      if (node.range) range = [node.range[0], node.range[1]];
    } else if (isSeq(node)) {
      valueText = node.items.map((item) => (isScalar(item) ? scalarText(item.value) : '')).join(', ');
      if (node.range) range = [node.range[0], node.range[1]];
    }
    fields.push({
      key,
      value: valueText.trim(),
      valueSpan: { start: valueStart + range[0], end: valueStart + range[1] },
      span: { start: valueStart + keyRange[0], end: valueStart + range[1] },
      source: 'front-matter',
    });
  }
  return { span, data: document.toJS() as Record<string, unknown>, error: undefined, fields };
}

// `**Severity**: SEV-1`, `**Severity:** SEV-1`, `- **Date**: 2024-01-15`, `__Status__ - Resolved`
const labelLine = /^([ \t]*(?:[-*+][ \t]+)?)(\*\*|__)([^*_\n:]{1,40}?)[ \t]*(:?)\2[ \t]*(:|-|–|—)?[ \t]*(.*)$/;

/** A line without the trailing backslash or two spaces that make a Markdown hard line break. */
function withoutHardBreak(line: string): string {
  if (line.endsWith('\\')) return line.slice(0, -1);
  return line.endsWith('  ') ? trimEndMatching(line, / /) : line;
}

/** Reads bold label lines from a block's source text starting at `offset`. */
export function readLabelLines(source: string, offset: number): MetadataField[] {
  const fields: MetadataField[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    const clean = withoutHardBreak(line.endsWith('\r') ? line.slice(0, -1) : line);
    const match = labelLine.exec(clean);
    if (match && (match[4] || match[5])) {
      const key = metadataKey(match[3]);
      if (key) {
        const value = trimEndMatching(match[6], /[ \t]/);
        const valueStart = offset + lineStart + clean.trimEnd().length - value.length;
        fields.push({
          key,
          value,
          valueSpan: { start: valueStart, end: valueStart + value.length },
          span: { start: offset + lineStart + match[1].length, end: offset + lineStart + clean.trimEnd().length },
          source: 'label',
        });
      }
    }
    lineStart += line.length + 1;
  }
  return fields;
}

/** A YAML scalar as the text a writer would see; a date keeps only its day. */
function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
