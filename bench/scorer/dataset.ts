// The labelled sentences and documents of one corpus folder, with the detector's verdict and the scorer's features for each sentence.
import { basename } from 'node:path';
import { analyze, defaultPhrasebook, LineIndex, systemNames, traceBlame, type BlameContext, type Postmortem, type SentenceTrace } from '../../server/src/analysis';
import { sentenceFeatures, type FeatureSet } from './features';
import { flagsSentence } from '../eval/blame';
import { readCorpus } from '../eval/corpus';
import { evaluationDay, sentencePlace, type LineSpan } from '../eval/document';

export interface LabelledExample {
  /** The corpus folder's name. */
  set: string;
  features: FeatureSet;
  blame: boolean;
  borderline: boolean;
  /** The rules flag the sentence alone in a Summary, as `npm run eval` measures it. */
  ruleFlags: boolean;
}

/** A sentence of a document, as the rules and the scorer see it in context. */
export interface DocumentSentence {
  lines: LineSpan;
  features: FeatureSet;
  /** The rules report a finding on it in the whole document. */
  ruleFlags: boolean;
  /** Prose where a scorer may add a finding: body text, not a heading, timeline entry, action item or quote. */
  open: boolean;
}

export interface LabelledDocumentSentences {
  file: string;
  /** The lines each sentence labelled blame covers. */
  blameSpans: LineSpan[];
  sentences: DocumentSentence[];
}

export interface LabelledSet {
  name: string;
  examples: LabelledExample[];
  documents: LabelledDocumentSentences[];
}

export function readLabelledSet(folder: string): LabelledSet {
  const corpus = readCorpus(folder);
  const name = basename(folder);
  const phrasebook = defaultPhrasebook();
  const examples = [...corpus.sentenceFiles.values()].flat().map((sentence) => {
    const block = { span: { start: 0, end: sentence.text.length }, text: sentence.text, where: 'body' as const };
    const traces = traceBlame(block, { people: [], systems: systemNames([sentence.text], phrasebook), phrasebook });
    return { set: name, features: unionOf(traces), blame: sentence.blame, borderline: sentence.borderline, ruleFlags: flagsSentence(sentence.text) };
  });
  const labelled = corpus.sentenceFiles.get('sentences.tsv') ?? [];
  const documents = corpus.documents.map((document) => ({
    file: document.file,
    blameSpans: labelled.flatMap((sentence) => (sentence.blame && sentence.file === document.file && sentence.line !== undefined ? [sentencePlace(document.text, sentence.line, sentence.text).lines] : [])),
    sentences: documentSentences(document.text),
  }));
  return { name, examples, documents };
}

function unionOf(traces: readonly SentenceTrace[]): FeatureSet {
  return new Set(traces.flatMap((trace) => [...sentenceFeatures(trace)]));
}

function documentSentences(text: string): DocumentSentence[] {
  const analysis = analyze(text, { force: true, today: evaluationDay });
  const model = analysis.model;
  if (!model) return [];
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  const findings = analysis.findings.filter((finding) => finding.ruleId === 'blameful-language');
  const context = documentContext(model);
  return model.prose.flatMap((block) => {
    if (block.where === 'heading') return [];
    const source = text.slice(block.span.start, block.span.end);
    const quoted = /^\s*>/.test(text.slice(text.lastIndexOf('\n', block.span.start - 1) + 1, block.span.start + 1));
    return traceBlame({ ...block, span: { start: 0, end: block.text.length } }, context, source).map((trace) => {
      const start = block.span.start + trace.start;
      const end = block.span.start + trace.end;
      return {
        lines: { first: lineOf(start), last: lineOf(Math.max(start, end - 1)) },
        features: sentenceFeatures(trace),
        ruleFlags: findings.some((finding) => finding.span.start < end && start < finding.span.end),
        open: block.where === 'body' && !quoted,
      };
    });
  });
}

function documentContext(model: Postmortem): BlameContext {
  const phrasebook = defaultPhrasebook();
  return { people: model.people, systems: systemNames(model.prose.map((block) => block.text), phrasebook), phrasebook };
}
