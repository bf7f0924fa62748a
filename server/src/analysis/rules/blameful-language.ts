import type { Rule, RuleFinding } from '../rule';
import type { PostmortemConfig } from '../config';
import { defaultPhrasebook, extendPhrasebook, type Phrasebook } from '../blame/phrasebook';
import { findBlame, systemNames, type BlameContext, type BlameMatch } from '../blame/detect';
import type { ProseBlock } from '../model';
import { shiftSpan } from '../text';

// Compiling a team's phrasebook takes about a millisecond: once per config, not per keystroke (shared with action-item-try-harder).
const phrasebooks = new WeakMap<PostmortemConfig['blame'], Phrasebook>();

export function phrasebookFor(blame: PostmortemConfig['blame']): Phrasebook {
  let phrasebook = phrasebooks.get(blame);
  if (!phrasebook) {
    phrasebook = extendPhrasebook(defaultPhrasebook, blame);
    phrasebooks.set(blame, phrasebook);
  }
  return phrasebook;
}

export const rule: Rule = {
  id: 'blameful-language',
  severity: 'warning',
  description: 'A sentence makes a person, not the system, the cause of the failure.',
  explanation:
    'A blameless postmortem asks what in the system allowed the failure, because people act on what their tools, alerts and processes show them, and the same conditions will mislead the next person too. A sentence that names someone as the cause ("Bob deployed broken code", "human error") ends the inquiry where it should start, and teaches people to hide mistakes. People can appear as owners of action items and as actors in the timeline ("14:05 Alice acknowledges the page"); what is reported is a person made the cause. Each finding offers rewrites with the system as the subject.',
  example: 'Bob deployed broken code to production, and nobody was monitoring the rollout.',
  fixable: true,
  check: ({ model, config }) => {
    const phrasebook = phrasebookFor(config.blame);
    const context = { people: [...model.people, ...config.blame.persons], systems: systemNames(model.prose.map((block) => block.text), phrasebook), phrasebook };
    const findings: RuleFinding[] = [];
    for (const block of model.prose) {
      for (const match of cachedBlame(block, model.text.slice(block.span.start, block.span.end), context)) {
        findings.push({
          message: match.message,
          span: match.span,
          severity: match.kind === 'hindsight' ? 'info' : undefined,
          detail: match.explanation,
          suggestions: match.rewrites.map((rewrite) => ({ title: `Rewrite: ${rewrite.newText.replace(/\s+/g, ' ')}`, edits: [rewrite.edit], safe: false })),
        });
      }
    }
    return findings;
  },
};

// An edit changes a few blocks; the others keep their text, so their matches are reused (shifted).
const blameCache = new WeakMap<Phrasebook, { people: string; matches: Map<string, BlameMatch[]> }>();
const maxCachedBlocks = 20_000;

function cachedBlame(block: ProseBlock, source: string, context: BlameContext): BlameMatch[] {
  const people = [...context.people, '', ...(context.systems ?? [])].join('\u0000');
  let cache = blameCache.get(context.phrasebook);
  if (!cache || cache.people !== people || cache.matches.size > maxCachedBlocks) {
    cache = { people, matches: new Map() };
    blameCache.set(context.phrasebook, cache);
  }
  // The source decides the masked text, and rewrites are cut from it.
  const key = `${block.where}\u0000${source}`;
  let relative = cache.matches.get(key);
  if (!relative) {
    relative = findBlame({ ...block, span: { start: 0, end: block.text.length } }, context, source);
    cache.matches.set(key, relative);
  }
  return relative.map((match) => ({
    ...match,
    span: shiftSpan(match.span, block.span.start),
    sentence: shiftSpan(match.sentence, block.span.start),
    rewrites: match.rewrites.map((rewrite) => ({ ...rewrite, edit: { ...rewrite.edit, span: shiftSpan(rewrite.edit.span, block.span.start) } })),
  }));
}
