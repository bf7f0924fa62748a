// Reads a labelled corpus folder: labels.json, docs/*.md, sentences.tsv and (if present) sentences-extra.tsv.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionKind } from '../../server/src/analysis';

/** The labels' section keys, in canonical order, with the model's kind for each. */
export const labelledKinds: readonly { key: string; kind: SectionKind }[] = [
  { key: 'summary', kind: 'summary' },
  { key: 'impact', kind: 'impact' },
  { key: 'timeline', kind: 'timeline' },
  { key: 'root_cause', kind: 'root-cause' },
  { key: 'contributing_factors', kind: 'contributing-factors' },
  { key: 'what_went_well', kind: 'what-went-well' },
  { key: 'what_went_poorly', kind: 'what-went-poorly' },
  { key: 'action_items', kind: 'action-items' },
  { key: 'lessons_learned', kind: 'lessons-learned' },
];

export interface DocumentLabels {
  /** The heading that serves each kind, as written, or null when none does. */
  sections: Map<SectionKind, string | null>;
  actionItems: { count: number; withoutOwner: number; withoutDue: number };
  /** Null when the document has no timeline. */
  timelineChronological: boolean | null;
  outOfOrderLines: number[];
}

export interface LabelledDocument {
  file: string;
  text: string;
  labels: DocumentLabels;
}

export interface LabelledSentence {
  blame: boolean;
  /** The label's reason starts with `borderline:`. */
  borderline: boolean;
  text: string;
  /** For sentences.tsv: the document and 1-based line the sentence starts on. */
  file: string | undefined;
  line: number | undefined;
}

export interface Corpus {
  documents: LabelledDocument[];
  /** Sentence files by name (`sentences.tsv`, `sentences-extra.tsv`). */
  sentenceFiles: Map<string, LabelledSentence[]>;
}

interface RawLabels {
  sections: Record<string, string | null>;
  action_items: { count: number; without_owner: number; without_due: number };
  timeline_chronological: boolean | null;
  out_of_order_lines: number[];
}

export const sentenceFileNames = ['sentences.tsv', 'sentences-extra.tsv'] as const;

export function readCorpus(folder: string): Corpus {
  const raw = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as { docs?: Record<string, RawLabels> };
  if (!raw.docs) throw new Error(`${join(folder, 'labels.json')} has no "docs" object`);
  const documents = Object.entries(raw.docs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, labels]) => ({ file, text: readFileSync(join(folder, 'docs', file), 'utf8'), labels: documentLabels(file, labels) }));
  const sentenceFiles = new Map<string, LabelledSentence[]>();
  for (const name of sentenceFileNames) {
    const path = join(folder, name);
    if (existsSync(path)) sentenceFiles.set(name, readSentences(readFileSync(path, 'utf8')));
  }
  return { documents, sentenceFiles };
}

function documentLabels(file: string, raw: RawLabels): DocumentLabels {
  if (!raw.sections || !raw.action_items || !Array.isArray(raw.out_of_order_lines)) throw new Error(`labels of ${file} lack sections, action_items or out_of_order_lines`);
  return {
    sections: new Map(labelledKinds.map(({ key, kind }) => [kind, raw.sections[key] ?? null])),
    actionItems: { count: raw.action_items.count, withoutOwner: raw.action_items.without_owner, withoutDue: raw.action_items.without_due },
    timelineChronological: raw.timeline_chronological,
    outOfOrderLines: raw.out_of_order_lines,
  };
}

/** Tab-separated with a header row and no quoting: `label, sentence, ..., why`, with `file, line` in sentences.tsv. */
function readSentences(tsv: string): LabelledSentence[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((row) => row.trim() !== '');
  const columns = header.split('\t');
  const column = (name: string) => columns.indexOf(name);
  return rows.map((row) => {
    const cells = row.split('\t');
    const line = column('line') >= 0 ? Number(cells[column('line')]) : undefined;
    return {
      blame: cells[column('label')] === 'blame',
      borderline: cells[column('why')]?.startsWith('borderline:') ?? false,
      text: cells[column('sentence')],
      file: column('file') >= 0 ? cells[column('file')] : undefined,
      line: line !== undefined && Number.isInteger(line) ? line : undefined,
    };
  });
}
