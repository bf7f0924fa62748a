import type { Rule, RuleFinding } from '../rule';
import { phrasebookFor } from '../blame/phrasebook';
import { findBlame, isQuotedLine, systemNames, type BlameContext, type BlameMatch } from '../blame/detect';
import type { ProseBlock } from '../model';
import { shiftSpan } from '../text';
import { stringBytes, type CacheTable, type RecentCache } from '../cache';

export const rule: Rule = {
  id: 'blameful-language',
  severity: 'warning',
  description: 'A sentence makes a person, not the system, the cause of the failure.',
  explanation:
    'A blameless postmortem asks what in the system allowed the failure, because people act on what their tools, alerts and processes show them, and the same conditions will mislead the next person too. A sentence that names someone as the cause ("Bob deployed broken code", "human error") ends the inquiry where it should start, and teaches people to hide mistakes. People can appear as owners of action items and as actors in the timeline ("14:05 Alice acknowledges the page"); what is reported is a sentence that makes a person the cause. Each finding offers rewrites that keep every fact but who is to blame ("Sam deleted the table" becomes "The table was deleted"), or, where no rewrite can be trusted, the questions a blameless review asks in place of the sentence.',
  example: 'Bob deployed broken code to production, and nobody was monitoring the rollout.',
  fixable: true,
  check: ({ model, config, cache }) => {
    const phrasebook = phrasebookFor(config.blame);
    const context = { people: [...model.people, ...chatNicks(model.prose), ...config.blame.persons], systems: systemNames(model.prose.map((block) => block.text), phrasebook, cache), phrasebook, cache };
    const findings: RuleFinding[] = [];
    // The document's people and systems change the matches: when they change, the blocks are read again.
    const blocks = cache.table(blameByBlock, phrasebook, [...context.people, '', ...context.systems].join('\u0000'));
    let praiseSection = false;
    for (const block of model.prose) {
      if (block.where === 'heading' || isLabel(block.text)) praiseSection = praiseHeading.test(block.text);
      // What went well, and where we got lucky: people there are not the cause.
      if (praiseSection || isQuotedLine(model.text, block.span.start) || isUntickedOption(model.text, block.span.start)) continue;
      const offset = block.span.start;
      for (const match of cachedBlame(blocks, block, model.text, context)) {
        findings.push({
          message: match.message,
          span: shiftSpan(match.span, offset),
          severity: match.kind === 'hindsight' ? 'info' : undefined,
          detail: match.explanation,
          // Built when fixes are asked for; the match keeps them, so a cached block builds them once.
          suggestions: () => match.rewrites.map((rewrite) => ({ title: rewrite.title, edits: [{ ...rewrite.edit, span: shiftSpan(rewrite.edit.span, offset) }], safe: false })),
        });
      }
    }
    return findings;
  },
};

/**
 * Chat-style timelines name people by a lower-case nick ("14:02 kvaz restarts the workers"):
 * a word that opens two or more entries, each time before a verb, is someone's name.
 */
function chatNicks(prose: readonly ProseBlock[]): string[] {
  const counts = new Map<string, number>();
  for (const block of prose) {
    if (block.where !== 'timeline') continue;
    const actor = /^[\s\d:.\-–—[\]()|~]*(?:[AaPp]\.?[Mm]\.?\s+|[A-Z]{2,4}T?\s+)?([a-z][\w.-]{2,})\s+[a-z]+(?:s|ed)\b/.exec(block.text);
    if (actor) counts.set(actor[1], (counts.get(actor[1]) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= 2).map(([nick]) => nick);
}

/** A bold or colon-ended line that heads what follows ("**What went well:**"), as real reports write section labels. */
function isLabel(text: string): boolean {
  const line = text.trim();
  return line.length < 60 && !line.includes('\n') && /:$/.test(line);
}

/** "- [ ] Human errors" in a checklist of causes: a box left unticked is an option not chosen, and states nothing. */
function isUntickedOption(text: string, at: number): boolean {
  return /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s+$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
}

const praiseHeading = /\b(?:lucky|luck|went (?:well|right)|what worked|kudos|thanks|acknowledg\w*)\b/i;

// An edit changes a few blocks; the others keep their text, so their matches are reused (shifted).
// Keyed by the masked text, which an unchanged block shares with the last parse (no copy, no re-hash);
// the source is compared in place, because rewrites are cut from it.
interface CachedBlock {
  where: ProseBlock['where'];
  source: string;
  matches: BlameMatch[];
}
/** A match, its rewrites and their spans: a few hundred bytes besides the text. */
const matchBytes = 512;
const blameByBlock: CacheTable<CachedBlock[]> = {
  maxBytes: 2 * 1024 * 1024,
  sizeOf: (text, blocks) => stringBytes(text) + blocks.reduce((sum, block) => sum + stringBytes(block.source) + block.matches.length * matchBytes, 0),
};

/** The block's matches, in offsets from the block's start. */
function cachedBlame(cache: RecentCache<CachedBlock[]>, block: ProseBlock, text: string, context: BlameContext): BlameMatch[] {
  const candidates = cache.get(block.text) ?? [];
  let relative = candidates.find((candidate) => candidate.where === block.where && text.startsWith(candidate.source, block.span.start))?.matches;
  if (!relative) {
    const source = text.slice(block.span.start, block.span.end);
    relative = findBlame({ ...block, span: { start: 0, end: block.text.length } }, context, source);
    cache.set(block.text, [...candidates, { where: block.where, source, matches: relative }]);
  }
  return relative;
}
