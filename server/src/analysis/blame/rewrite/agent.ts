// A passive that names its agent loses the agent: "The table was dropped by the on-call during a cleanup" -> "The table was dropped during a cleanup".

export interface AgentRemoval {
  /** The space before "by" through the end of the agent, in sentence offsets; the edit deletes it. */
  from: number;
  to: number;
  /** The agent's words, which the rewrite drops and must not bring back. */
  blamed: { start: number; end: number };
}

// "was dropped by", "had been merged by", "was not noticed by"; "caused by" is left alone, since without its agent it says
// nothing, and so are lapses ("was ignored by"), which without their agent still read as one.
const passiveBy = /\b(?:was|were|been|being|is|are|got|gets)\s+(?:(?:not|never)\s+)?(?:\p{L}+ly\s+)?(?!(?:caused|ignored|missed|overlooked|skipped|neglected|forgotten|dismissed)\b)\p{L}+(?:ed|en|wn|t)\s+(by)\s+/giu;

/** After the agent: a relative clause about them, or where they work ("from Acme", "at the vendor", "of the platform team"). */
const agentContinues = /^\s*,?\s*(?:who|whom|whose)\b|^\s+(?:from|at|of|with)\s+(?:the\s+|our\s+|their\s+)?(?:\p{Lu}|@|[\p{L}-]+\s+(?:team|company|vendor|provider|partner|side)\b)/u;

/** What may follow a whole agent: the sentence's end, punctuation, a preposition or a time; any other word means the agent was cut short ("by the admin of the | platform team"). */
const agentEnds = /^\s*(?:$|[,;:.!?)\]]|(?:without|with|during|in|on|at|for|after|before|while|from|to|into|because|and|or|yesterday|today|earlier|later|again|then|once|twice|overnight|\d)(?![\p{L}-]))/iu;

/** The agent of a passive inside the blamed words, when it is a short noun phrase that ends them. */
export function withoutAgent(text: string, blamed: { start: number; end: number }): AgentRemoval | undefined {
  passiveBy.lastIndex = 0;
  for (let match = passiveBy.exec(text); match; match = passiveBy.exec(text)) {
    const by = match.index + match[0].length - match[0].slice(match[0].lastIndexOf('by')).length;
    if (by < blamed.start || by >= blamed.end) continue;
    // The agent ends at the blamed words' end or at a preposition ("by @dana without review" keeps "without review").
    const agent = /^\s*((?:(?!(?:without|with|during|in|on|at|for|after|before|while|from|to|into|because|and|or)(?![\p{L}-]))[^\s,;:]+\s*){1,4})/iu.exec(text.slice(by + 2, blamed.end))?.[1].trimEnd() ?? '';
    // A possessive ("by Bob's change") names a thing, which must stay; "not reviewed by another developer" says no second
    // person did it, which the passive alone would turn into no one at all.
    if (agent === '' || /['’]s\b/.test(agent) || (/\b(?:not|never)\s/i.test(match[0]) && /^(?:another|a\s+second|any\s+other|a\s+different|someone\s+else)\b/i.test(agent))) return undefined;
    const end = text.indexOf(agent, by + 2) + agent.length;
    // "by Sam, who had not ...", "by an engineer from Acme": what follows belongs to the agent and would be left dangling.
    if (agentContinues.test(text.slice(end)) || !agentEnds.test(text.slice(end))) return undefined;
    return { from: text.slice(0, by).trimEnd().length, to: end, blamed: { start: by, end } };
  }
  return undefined;
}

// "an operational misconfiguration (human error)": an aside that only says people erred, with the account complete without it.
const humanErrorAside = /\s*\((?:an?\s+)?(?:human|operator|manual|user)\s+errors?\)/giu;

/** An aside inside the blamed words that only names human error: the edit deletes it. */
export function withoutHumanErrorAside(text: string, blamed: { start: number; end: number }): AgentRemoval | undefined {
  humanErrorAside.lastIndex = 0;
  for (let match = humanErrorAside.exec(text); match; match = humanErrorAside.exec(text)) {
    const end = match.index + match[0].length;
    if (match.index < blamed.end && end > blamed.start) return { from: match.index, to: end, blamed: { start: match.index, end } };
  }
  return undefined;
}
