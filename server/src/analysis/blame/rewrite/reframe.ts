// When no rewrite can be trusted: the questions a blameless review asks, in place of the sentence, as a snippet the writer fills in.

export interface Reframe {
  title: string;
  /** Plain text, for editors without snippets. */
  text: string;
  /** VS Code snippet syntax: each question is a tab stop the writer replaces with the answer. */
  snippet: string;
}

const questions = {
  blame: ['What in the system allowed this action?', 'Which process gap made it possible?', 'Why was it not caught earlier: which signal or check was missing?'],
  hindsight: ['What would have prompted this step at the time?', 'Which signal or check was missing?'],
} as const;

export function reframeFor(kind: 'blame' | 'hindsight'): Reframe {
  const asked = questions[kind];
  return {
    title: 'Reframe as the questions a blameless review asks (why did the system allow this?)',
    text: asked.join(' '),
    snippet: asked.map((question, index) => `\${${index + 1}:${question.replace(/[$}\\]/g, '\\$&')}}`).join(' '),
  };
}
