// When no rewrite can be trusted: the questions a blameless review asks, in place of the sentence, as a snippet the writer fills in.
import { escapeSnippet } from '../../text';

export interface Reframe {
  title: string;
  /** Plain text, for editors without snippets. */
  text: string;
  /** VS Code snippet syntax: each question is a tab stop the writer replaces with the answer. */
  snippet: string;
}

/** What the sentence says happened, which decides the questions that fit it. */
export type ReframeShape = 'failure' | 'pressure' | 'judgement' | 'slip' | 'detection' | 'omission' | 'action';

// The questions follow the seeds' framing: what people knew at the time, which signal was missing, what made the action possible.
const questions: Record<ReframeShape, readonly string[]> = {
  // No step or action to point at ("this was our fault"): questions that fit any failure.
  failure: ['Which conditions in the system made this failure possible?', 'What change would stop it happening again?'],
  pressure: ['What pressure or deadline shaped the work at the time?', 'Which review or check would have slowed it down?'],
  judgement: ['What did the people involved know at the time, and where did it come from?', 'What would have shown them otherwise?'],
  slip: ['What in the system allowed this action?', 'Which safeguard or check could have stopped it?'],
  detection: ['Which signal would have shown the problem sooner?', 'What made it hard to see at the time?'],
  omission: ['What would have prompted this step at the time?', 'Which signal or check was missing?'],
  action: ['What in the system allowed this action?', 'Which safeguard or check could have stopped it?'],
};

// Confessions, apologies, statements of responsibility, a later fix ("this was our fault", "we are sorry", "we have since fixed it").
const failureWords = /\b(?:sorry|apologi[sz]e|apologies|regret|(?:our|my|his|her|their)\s+(?:own\s+)?(?:fault|mistake|error|blunder)|(?:am|is|are|was|were|be|been|take[sn]?|took|bear|accept(?:ed)?)\s+(?:(?:full|the|all|solely|fully|entirely|ultimately)\s+)?(?:responsib|accountab|ownership|blame)|since\s+(?:been\s+)?fixed|have\s+(?:since\s+)?(?:fixed|corrected|resolved)|going\s+forward|moving\s+forward|in\s+(?:the\s+)?future)/i;
// Time pressure and too little review ("rushed", "under a deadline", "a cursory review").
const pressureWords = /\b(?:rush|hurr|hast|deadline|pressure|pressed\s+for\s+time|cut(?:ting)?\s+corners|corners\s+(?:were|was|had\s+been)\s+cut|rubber[-\s]?stamp|cursory|too\s+(?:quick|fast|little|soon|early)|(?:little|insufficient|light|brief)\s+review)/i;
// Estimates, decisions and awareness ("underestimated", "the wrong call", "was not aware"): about what was known, not a step.
const judgementWords = /\b(?:underestimat|overestimat|misjudg|assum|aware|unaware|realis|realiz|knew|known|thought|believed|expected|(?<!-)call\b|decision|decided|judgement|judgment|careless|sloppy|overzealous|too\s)/i;
// An act that went wrong unintended ("accidentally", "by mistake", "a wrong config", "shipped a bug"): what allowed it, not what prompted it.
const slipWords = /\b(?:accident|inadvertent|unintention|mistaken|erroneous|by\s+mistake|in\s+error|wrong|incorrect|faulty|misconfigur|mistyp|typo|bug(?:gy|s)?\b)/i;
// A problem that went unseen ("was not noticed for hours", "went undetected").
const detectionWords = /\b(?:notic(?:ed|ing)|detect|caught|catch|spott?|unnoticed|undetected|unseen)|(?:\bnot|n['’]t|\bnobody|\bno\s+one|\bto)\s+notice\b/i;
// A step that could have shown it ("did not check the logs"): then the questions are about that step.
const stepWords = /\b(?:check|test|review|monitor|inspect|look|watch)ed|\bverified|(?:\b(?:to|not|had|have|without)|n['’]t)\s+(?:check|test|review|verif|monitor|inspect|look|watch|read)\w*/i;
// Something not done ("did not check", "forgot to", "skipped", "without a review").
const omissionWords = /\b(?:nobody|no\s+one|did(?:n['’]t|\s+not)|forgot|fail(?:ed|s)?\s+to|neglect|miss(?:ed)?|overlook|skip(?:ped)?|without|never|was(?:n['’]t|\s+not)|were(?:n['’]t|\s+not)|should\s+have)\b/i;

/**
 * The shape of a blaming sentence, most specific first: a confession has no act to ask about; pressure and knowing
 * come before the act ("rushed", "did not realise"); an unintended act before an omission, as "accidentally
 * skipped" is a slip; a missed detection with no step in it asks about signals; hindsight ("should have") is about
 * a step not taken; else an action.
 */
export function reframeShape(sentence: string, kind: 'blame' | 'hindsight'): ReframeShape {
  if (failureWords.test(sentence)) return 'failure';
  if (pressureWords.test(sentence)) return 'pressure';
  if (judgementWords.test(sentence)) return 'judgement';
  if (slipWords.test(sentence)) return 'slip';
  if (detectionWords.test(sentence) && !stepWords.test(sentence)) return 'detection';
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
