// How one finding was judged against the labels.
export type Verdict = 'correct' | 'wrong' | 'not judged';

export interface JudgedFinding {
  ruleId: string;
  severity: string;
  /** 1-based line the finding starts on. */
  line: number;
  message: string;
  verdict: Verdict;
}
