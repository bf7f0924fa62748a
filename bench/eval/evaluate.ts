// The whole evaluation of a corpus: every document and sentence once, then the figures of each split.
import { evaluateSentences, type SentenceResult } from './blame';
import type { Corpus } from './corpus';
import { evaluateDocument, evaluationDay, sentencePlace, type DocumentResult } from './document';
import { figuresOf, type Figures } from './figures';
import { documentMistakes, sentenceMistakes } from './mistakes';
import { rewriteFigures, type RewriteFigures } from './rewrites';
import { splitDescription, splitOf, type SplitName } from './split';

export type SplitChoice = SplitName | 'all';
export const splitChoices: readonly SplitChoice[] = ['tune', 'held-out', 'all'];

export interface Evaluation {
  evaluationDay: string;
  split: { method: string; documents: Record<SplitName, string[]>; sentences: Record<SplitName, number> };
  /** One entry per split shown, in the order asked for. */
  results: { split: SplitChoice; figures: Figures; rewrites: RewriteFigures }[];
  /** Asked for with `listMistakes`: what went wrong, on the tune split only unless the whole corpus is opened for tuning. */
  mistakes: { split: 'tune' | 'all'; lines: string[] } | undefined;
}

export interface EvaluationOptions {
  show?: readonly SplitChoice[];
  /** 'all' is for a corpus opened whole for tuning: held-out mistakes are listed too. */
  listMistakes?: 'tune' | 'all';
}

interface InSplit<T> {
  split: SplitName;
  result: T;
}

export function evaluateCorpus(corpus: Corpus, options: EvaluationOptions = {}): Evaluation {
  const show = options.show ?? splitChoices;
  const documentSentences = corpus.sentenceFiles.get('sentences.tsv') ?? [];
  const documents: InSplit<DocumentResult>[] = corpus.documents.map((document) => {
    const blamePlaces = documentSentences.flatMap((sentence) =>
      sentence.blame && sentence.file === document.file && sentence.line !== undefined ? [sentencePlace(document.text, sentence.line, sentence.text)] : [],
    );
    return { split: splitOf(document.file), result: evaluateDocument(document, blamePlaces) };
  });
  const sentenceFiles = new Map(
    [...corpus.sentenceFiles].map(([file, sentences]) => [file, evaluateSentences(sentences).map((result) => ({ split: splitOf(result.sentence.text), result }))] as const),
  );
  const inChoice = <T>(items: readonly InSplit<T>[], choice: SplitChoice) => items.filter((item) => choice === 'all' || item.split === choice).map((item) => item.result);
  const results = show.map((choice) => {
    const sentences = new Map<string, SentenceResult[]>([...sentenceFiles].map(([file, inFile]) => [file, inChoice(inFile, choice)]));
    return { split: choice, figures: figuresOf(inChoice(documents, choice), sentences), rewrites: rewriteFigures([...sentences.values()].flat()) };
  });
  const mistakesIn = (choice: SplitChoice) => [...inChoice(documents, choice).flatMap(documentMistakes), ...[...sentenceFiles].flatMap(([file, inFile]) => sentenceMistakes(file, inChoice(inFile, choice)))];
  const allSentences = [...sentenceFiles.values()].flat();
  const filesIn = (split: SplitName) => documents.filter((document) => document.split === split).map((document) => document.result.file);
  const sentencesIn = (split: SplitName) => allSentences.filter((sentence) => sentence.split === split).length;
  return {
    evaluationDay,
    split: { method: splitDescription, documents: { tune: filesIn('tune'), 'held-out': filesIn('held-out') }, sentences: { tune: sentencesIn('tune'), 'held-out': sentencesIn('held-out') } },
    results,
    mistakes: options.listMistakes
      ? { split: options.listMistakes, lines: mistakesIn(options.listMistakes) }
      : undefined,
  };
}
