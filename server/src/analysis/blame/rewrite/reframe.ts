// When no rewrite can be trusted: the questions a blameless review asks, in place of the sentence, as a snippet the writer fills in.
import { escapeSnippet } from '../../text';

export interface Reframe {
  title: string;
  /** Plain text, for editors without snippets. */
  text: string;
  /** VS Code snippet syntax: each question is a tab stop the writer replaces with the answer. */
  snippet: string;
}

/** What the sentence says the person did, which decides the questions that fit it. */
export type ReframeShape = 'judgement' | 'omission' | 'action';

// The questions follow the seeds' framing: what people knew at the time, which signal was missing, what made the action possible.
const questions: Record<ReframeShape, readonly string[]> = {
  judgement: ['What did the people involved know at the time, and where did it come from?', 'What would have shown them otherwise?'],
  omission: ['What would have prompted this step at the time?', 'Which signal or check was missing?'],
  action: ['What in the system allowed this action?', 'Which safeguard or check could have stopped it?'],
};

// Estimates, decisions and awareness ("underestimated", "the wrong call", "was not aware"): about what was known, not a step.
const judgementWords = /\b(?:underestimat|overestimat|misjudg|assum|aware|unaware|realis|realiz|knew|known|thought|believed|expected|call\b|decision|decided|judgement|judgment|hast|hurr|rush|careless|sloppy|overzealous|too\s)/i;
// Something not done ("did not check", "forgot to", "skipped", "without a review").
const omissionWords = /\b(?:nobody|no\s+one|did(?:n['’]t|\s+not)|forgot|fail(?:ed|s)?\s+to|neglect|miss(?:ed)?|overlook|skip(?:ped)?|without|never|was(?:n['’]t|\s+not)|were(?:n['’]t|\s+not)|should\s+have)\b/i;

/**
 * The shape of a blaming sentence: judgement words first, as "did not realise" is about knowing, then omissions
 * (hindsight, "should have", is about a step not taken), else an action.
 */
export function reframeShape(sentence: string, kind: 'blame' | 'hindsight'): ReframeShape {
  if (judgementWords.test(sentence)) return 'judgement';
  if (kind === 'hindsight' || omissionWords.test(sentence)) return 'omission';
  return 'action';
}

export function reframeFor(sentence: string, kind: 'blame' | 'hindsight'): Reframe {
  const asked = questions[reframeShape(sentence, kind)];
  return {
    title: `Reframe as the questions a blameless review asks: ${asked[0]}`,
    text: asked.join(' '),
    snippet: asked.map((question, index) => `\${${index + 1}:${escapeSnippet(question)}}`).join(' '),
  };
}
