import type { Rule, RuleFinding } from '../rule';
import type { ActionItem } from '../model';
import { maxTeamPatternInput, phrasebookFor, type Phrasebook } from '../blame/phrasebook';
import { hasRequiredText, lowerForRequiredText } from '../blame/required-text';
import { blankCode, shiftSpan } from '../text';
import { remember, stringBytes, type CacheTable, type RecentCache } from '../cache';
import { startsWithActionVerb } from '../action-item-shapes';

export const rule: Rule = {
  id: 'action-item-try-harder',
  severity: 'warning',
  description: 'An action item asks people to try harder instead of changing the system.',
  explanation:
    'You cannot fix people; you can fix systems. "Be more careful", "pay more attention", "double-check before deploying", "remind the team" and "retrain the engineer" ask the next person to succeed where the last one failed, under the same pressure, with the same tools, so the incident comes back. An action item that prevents a repeat changes what the next person meets: a check that runs on every change, an alert that fires before anyone has to watch, an automation that removes the manual step, a guard rail that makes the dangerous action hard to take.',
  example: '- [ ] Be more careful when editing the production nginx config (@tomasz, due 2024-05-10)',
  fixable: false,
  check: ({ model, config, cache }) => {
    const phrasebook = phrasebookFor(config.blame);
    const findings = cache.table(findingsByText, phrasebook);
    return model.actionItems.flatMap((item) => {
      const finding = cachedTryHarder(item, model.text, phrasebook, findings);
      return finding ? [finding] : [];
    });
  },
};

// Priority tags and emphasis before the words: "[P1] **Be more careful**".
// Not withoutLeadingMarks: this gives the offset the finding's span counts from, so it skips only tags, never "TODO:" or numbering.
const leadingTags = /^(?:\s*(?:\[[^\]\n]*\]|\(P[0-2]\)|P[0-2]:?|[*_]+)\s*)*/;

/** The finding in one item's description, with its span relative to the description. */
function tryHarderIn(source: string, phrasebook: Phrasebook): RuleFinding | undefined {
  const compiled = phrasebook.compiled;
  // Code is never the advice ("`--force`"): blank it, keeping offsets.
  const description = blankCode(source);
  const lead = leadingTags.exec(description)?.[0].length ?? 0;
  const words = description.slice(lead);
  if (compiled.tryHarderSystemic.test(words)) return undefined;
  const systemChange = proposesSystemChange(words);
  const lowerWords = lowerForRequiredText(words);
  for (const phrase of compiled.tryHarder) {
    const entry = phrase.entry;
    if ((entry.team && words.length > maxTeamPatternInput) || !hasRequiredText(lowerWords, phrase.requiredText)) continue;
    const match = phrase.regex.exec(words);
    // Only the "we will" pattern itself is waived: the words after the lead are still checked.
    if (!match || (match.index < systemChange && !asksForEffort.test(match[0]))) continue;
    const start = lead + match.index;
    const message = phrasebook.data.tryHarder.message.replace('{words}', match[0].replace(/\s+/g, ' ')).replace('{suggestion}', entry.suggestion);
    return { message: `${message} ${entry.explanation}`, span: { start, end: start + match[0].length } };
  }
  return undefined;
}

// "We will expand the alerting checks", "We need to re-create the certificates": the subject is "we" but the action changes the system.
const weWill = /^\s*(?:we|the team|our team|i|they)[ \t]+(?:will|shall|should|must|need to|have to|are going to|plan to|want to)[ \t]+(?:also[ \t]+)?/i;
// Verbs that act on people, not on the system: "remind the team", "speak to the owner", "be more careful".
const peopleVerbs = new Set(['ask', 'be', 'communicate', 'coach', 'educate', 'encourage', 'follow', 'keep', 'look', 'pay', 'read', 'remind', 'share', 'speak', 'stay', 'talk', 'teach', 'tell', 'train', 'try', 'watch']);
// Words that ask people for more effort whatever the verb: these keep the finding.
const asksForEffort = /careful|cautious|vigilan|attenti|aware|remind|double|triple|harder|better|diligen|mindful|discipline|train|educat/i;

/** How long the "we will" lead is when what follows it changes a system rather than asks people for effort; 0 otherwise. */
function proposesSystemChange(words: string): number {
  const lead = weWill.exec(words)?.[0].length ?? 0;
  if (lead === 0) return 0;
  const action = words.slice(lead);
  const verb = /^[\p{L}-]+/u.exec(action)?.[0].toLowerCase() ?? '';
  return startsWithActionVerb(action) && !peopleVerbs.has(verb) ? lead + verb.length : 0;
}

// A large document has thousands of items and an edit changes few: findings are kept by the item's text, relative to it.
const findingsByText: CacheTable<RuleFinding | null> = { maxBytes: 512 * 1024, sizeOf: (text, finding) => stringBytes(text) + (finding ? stringBytes(finding.message) : 0) };

function cachedTryHarder(item: ActionItem, text: string, phrasebook: Phrasebook, findings: RecentCache<RuleFinding | null>): RuleFinding | undefined {
  const { start, end } = item.descriptionSpan;
  const key = text.slice(start, end);
  const relative = remember(findings, key, () => tryHarderIn(key, phrasebook) ?? null);
  return relative ? { ...relative, span: shiftSpan(relative.span, start) } : undefined;
}
