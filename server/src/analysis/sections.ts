import type { SectionKind } from './model';
import { normaliseHeading, qualifierTail } from './section-heading';
import { correctKeyWordTypos } from './section-typos';
import { isBesideTemplate } from './section-certainty';
import { addressesReaderWords } from './action-item-shapes';

export { normaliseHeading } from './section-heading';

export interface SectionDefinition {
  kind: SectionKind;
  /** The heading the fixes insert. */
  title: string;
  /** Headings that name the section exactly, once normalised. */
  aliases: string[];
  /** Key words and synonyms that name the section wherever they head the heading ("Things that went well"). */
  keywords: RegExp;
  /** Looser wording that usually means the section ("Background", "What happened"): read, but said to be uncertain. */
  looseKeywords: RegExp | undefined;
  /**
   * The section's prompt in the New Postmortem template, line by line: what a fix or a completion inserts under the
   * heading, and what `npm run docs` writes into the snippets (the template), so the two read alike. Its placeholders
   * are flagged until filled in.
   */
  template: readonly string[];
}

/** In canonical order: the order of this project's default template. */
export const sectionDefinitions: readonly SectionDefinition[] = [
  {
    kind: 'summary',
    title: 'Summary',
    aliases: ['executive summary', 'incident summary', 'issue summary', 'overview', 'tl dr', 'tldr', 'abstract', 'in short', 'in brief', 'in a nutshell', 'short version', 'bottom line up front', 'bluf', 'the bottom line'],
    // "Overview of the network setup" is background; an overview of the incident, or of nothing named, is the summary.
    keywords: /\b(?:summary|overview(?! of (?!(?:(?:the|our|this|that) )?(?:incidents?|outages?|issues?|problems?|events?|failures?|disruptions?|downtime|breach|attack|exploit)\b))|recap|tl ?dr|abstract|synopsis|(?:issue|incident|problem|brief|short) description)\b/,
    // "Description" and "Details" also head the technical account of the cause: read, but said to be uncertain.
    looseKeywords: /^(?:what (?:exactly )?(?:has )?(?:happened|is happening)(?: exactly| in detail)?|(?:quick|key) facts|issue|what (?:is|was) the (?:issue|problem)|background|description|details|introduction|incident|event|incident (?:details|report)|about the incident)$/,
    template: ['TODO: what happened, in two or three sentences, and how it was resolved.'],
  },
  {
    kind: 'impact',
    title: 'Impact',
    aliases: ['impact assessment', 'customer impact', 'business impact', 'user impact', 'impact analysis', 'damage assessment', 'assessment of damage', 'assessment of the damage'],
    // "The following services were impacted:" over the list of them.
    keywords: /\b(?:impact|blast radius)\b|^(?:the )?following (?:[\p{L}-]+ )?(?:services|systems|products|features|components|regions|customers|users|sites|apps|applications|endpoints) (?:were|was|are|have been) (?:affected|impacted)$/u,
    looseKeywords:
      /^(?:symptoms(?: of (?:the )?\S+(?: \S+)?)?|scope(?: of (?:the )?(?:impact|incident|outage|issue|problem))?|(?:affected|impacted|effected) [\p{L}-]+(?: [\p{L}-]+)?|(?:user|customer)[ -](?:facing|visible|experience|effects?)(?: [\p{L}-]+)?|(?:consequences|effects|(?:the )?fallout)(?: (?:of|on|for) (?:the )?[\p{L}-]+(?: [\p{L}-]+)?)?|(?:other |further |additional )?side[- ]?effects|(?:security |privacy |business |customer |user )?implications|outcomes?|(?:data|information) loss|(?:data|information|what) (?:was )?lost|risks?|hazards|risks? (?:and|&) hazards|scope|exposure|(?:data|information) exposed|what data was (?:exposed|accessed)|why (?:this|it) (?:matters|is important)|(?:am i|are you|were you|(?:are|is|were|was) (?:my |your |our |the )?[\p{L}-]+(?: [\p{L}-]+){0,2}) (?:affected|impacted)|how (?:were|was|are|is|have|has) (?:our |the )?(?:customers|users|clients|you|people|members|players)(?: been)? (?:impacted|affected)|who (?:is|are|was|were|has been) (?:currently |still |now )?(?:affected|impacted)|what does (?:this|it|that) mean for (?:you|me|us|users|customers|\S+ users)|how (?:(?:does|did|will) (?:this|it|that) affect|(?:this|it|that) (?:affects|affected|will affect)) (?:you|me|us|users|customers)|worst[ -]case(?: scenarios?)?|(?:who|what) (?:did|does) (?:it|this|the \S+) (?:affect|impact)(?: .*)?|(?:(?:who|what|which \S+) (?:was|were|is|are|got) |[\p{L}-]+ (?:[\p{L}-]+ )?)?(?:affected|impacted))$/u,
    template: ['TODO: who was affected, for how long and how much: users, failed requests, revenue, error budget consumed.'],
  },
  {
    kind: 'timeline',
    title: 'Timeline',
    aliases: ['incident timeline', 'chronology', 'sequence of events', 'timeline of events', 'detailed timeline'],
    keywords: /\b(?:time ?line|chronology|(?:sequence|breakdown|order) of events|play[ -]by[ -]play)\b/,
    // "Incident History", "Updates": a status page's updates in order.
    looseKeywords: /^(?:(?:key |incident |detailed )?events|incident log|event log|(?:tasks|steps) (?:performed|carried out)|(?:the )?incident(?:s|'s|’s)? history|(?:status |incident )?updates)$/,
    template: [
      '- HH:MM TODO: the first signal, such as an alert, a customer report or a deploy',
      '- HH:MM TODO: the incident is declared and responders engage',
      '- HH:MM TODO: the mitigation that ends the impact',
      '- HH:MM TODO: the incident is resolved',
    ],
  },
  {
    kind: 'root-cause',
    title: 'Root cause',
    aliases: ['root cause analysis', 'rca', 'root causes', 'five whys', '5 whys', 'whys', 'cause', 'causes'],
    // "Reason for the outage", "The reason for last night's errors was as follows".
    keywords: /^reasons? (?:for|behind) (?:the |this |our |\w+['’]s )?(?:[\w-]+ )?(?:problems?|outages?|issues?|incidents?|failures?|downtime|disruptions?|errors?)(?: (?:was|were|is|are) (?:as follows|the following))?$|\b(?:root ?causes?|rca|(?:five|5) whys|cause analysis|(?<!technical |immediate |proximate )causes?|(?:how|why) did (?:all )?(?:this|it|that|(?:these|those|this|that|the) (?:issue|problem|incident|outage|failure|error|bug|disruption|interruption|breakage|degradation|\S+ (?:issue|problem|incident|outage|failure|error|bug))) (?:happen|occur|break(?: (?:[a-z0-9]+ ?){1,3}$)?|fail|go (?:down|wrong))|(?:how|why) (?:this|it|that) (?:happened|broke|failed)|(?:how|why) did (?:we|they|you|i) (?:let|allow) (?:this|it|that) (?:to )?happen|how (?:could|can|did) (?:this|it|that) (?:have )?happen(?:ed)?|what (?:allowed|enabled|led to|let) (?:this|it|that)(?: (?:to )?happen)?|(?:origins?|root) of (?:the |this |our )?(?:incident|outage|issues?|problems?|failure|bug|error))\b/,
    looseKeywords:
      /^(?:fault|the fault|(?:investigation (?:and|&) )?findings|details of (?:the )?(?:exploit|vulnerability|issue|bug|attack|incident|problem|failure|outage|intrusion|breach|compromise)|(?:what|which) (?:was|were|is) the (?:bugs?|problem|issue|culprit|fault|trigger|vulnerability|flaw)|(?:remote |initial )?exploitation|technical explanations?|(?:an? |the )?bugs? in (?:the |our |a )?\S+(?: \S+){0,3}|(?:issue|bug|problem|failure|outage) details|nitty gritty|under the hood|(?:technical )?deep dive|vulnerability|bug|flaw|exploit|problem|(?:technical|immediate|proximate) causes?|technical (?:details|analysis|description)|analysis|(?:(?:incident|technical|initial) )?assessment|cve(?: \d+)*|what caused (?:it|this|the \S+)|diagnosis|smoking gun|(?:finding )?the culprit|(?:attack|exploit|exploitation|intrusion|compromise|failure) (?:vectors?|methods?|mechanisms?|paths?|modes?|chain)|(?:method|mechanism) of (?:the )?(?:attack|exploit|exploitation|intrusion|compromise|failure)|how the \S+ (?:worked|happened)|how did the (?:\S+ )?(?:attack|exploit|hack|bug|vulnerability|exploitation) (?:work|happen)|(?:(?:my|our|one|costly|big|simple) )*mistake)$/,
    template: ['TODO: the conditions in the system that made this failure possible. Ask why until the answer is a condition the team can change.'],
  },
  {
    kind: 'contributing-factors',
    title: 'Contributing factors',
    aliases: ['contributing causes', 'contributing factor', 'contributors'],
    keywords: /\b(?:contributing (?:factors?|causes?|conditions)|contributors)\b/,
    // "Why we didn't have backups", "Why the alert never fired", "Why restores took so long": what let the failure grow.
    looseKeywords: /^(?:why (?:the|this|our) \S+(?: \S+)? (?:passed|slipped|got|went|made it) (?:through|past|by|our|undetected|unnoticed)(?: .*)?|why (?:(?:we|it|they|i|the \S+|\S+) )(?:didn't|did not|wasn't|was not|weren't|were not|couldn't|could not|hadn't|had not|hasn't|has not|failed to|never) .+|why (?:(?:the|our|it|this|\S+) )?(?:\S+ )?(?:took|takes|lasted|was|were) (?:so|this|that) long|why (?:was|were|did) (?:the|our|this|it) ?(?:\S+ )?(?:\S+ )?(?:so long|take so long|last so long)|complications|complicating factors|aggravating factors|what made (?:it|this|things|matters) worse)$/,
    template: ['- TODO: what made the impact larger or the response slower: gaps in monitoring, runbooks, tests or capacity.'],
  },
  {
    kind: 'what-went-well',
    title: 'What went well',
    aliases: ['went well', 'what worked', 'what went right', 'things that went well'],
    // "The Good" names the section as a topic, alone or joined to its opposite ("The good and the bad"), never as an adjective ("Good to know").
    keywords: /\b(?:went (?:well|right)|(?:go|gone) (?:well|right)|what worked(?: (?:well|out))?|things that worked(?: well)?|(?:what|things) (?:we|i) (?:did|got|handled) (?:right|well)|successes|success factors?|(?<!\b(?:not|no|less|too|so|very|as) )(?:good|positives?)(?: (?:things|parts?|stuff|bits|points))?(?=$| (?:and|&) ))\b/,
    looseKeywords: /^(?:what helped|(?:key )?wins|what saved us)$/,
    template: ['- TODO: what worked: alerts, runbooks, tools, how responders worked together.'],
  },
  {
    kind: 'what-went-poorly',
    title: 'What went poorly',
    aliases: ['areas for improvement', 'went poorly', 'what went wrong', "what didn't go well", 'what could have gone better', 'what could be improved'],
    keywords:
      /\b(?:(?:didn't|did not|didnt|not) (?:go|went) (?:so |as |too |very )?well|went (?:wrong|poorly|badly|less well|not so well)|(?:what|things) (?:we|i) (?:did|got|handled) (?:wrong|badly|poorly)|(?:what|things) (?:we|i) (?:should|could) have done better|(?:could|should) (?:have )?(?:gone|go|been|be) better|(?:could|should) (?:have been|be) done better|could be improved|needs? improvement|areas? (?:for|of) improvement|opportunities for improvement|(?:didn't|did not) work|(?<!\b(?:not|no|too|so|very|as) )(?:bad|negatives?)(?: (?:things|parts?|stuff|bits|points))?(?=$| (?:and|&) ))\b/,
    // "The Ugly" follows "The Bad" as its worst part, so it is the section only when nothing names it for certain.
    looseKeywords: /^(?:(?:the )?ugly(?: (?:things|parts?|stuff|bits))?|problems|(?:any (?:specific |particular )?)?(?:challenges|difficulties|obstacles)(?: (?:encountered|faced|in resolving.*))?|(?:problems|issues|challenges|difficulties) (?:encountered|faced|we (?:faced|hit|encountered|ran into)|(?:during|in) (?:the )?(?:recovery|response|restoration|mitigation|migration|incident))|what hurt|pain points|fails?|(?:some |the |other )?failures|(?:where|how) (?:we|it) failed|our failures|why (?:didn't|did not|wasn't|was not|weren't|were not) (?:(?:our|the|any) )?(?:[\p{L}-]+ ){0,2}(?:catch|caught|detect|detected|notice|noticed|spot|spotted|prevent|prevented|stop|stopped)(?: (?:this|it|that|the \S+))?(?: (?:earlier|sooner|in time|before release))?)$/u,
    template: ['- TODO: what made detection, diagnosis or recovery harder.'],
  },
  {
    kind: 'action-items',
    title: 'Action items',
    aliases: ['follow ups', 'followups', 'corrective actions', 'remediation', 'remediations', 'next steps', 'action plan', 'actions', 'to do', 'to dos', 'to do list', 'making good', 'making amends', 'making it right'],
    keywords:
      /\b(?:(?<!call to |mitigation )actions|^action|(?<!call to |mitigation )action(?= (?:items?|plan|points?|list|taken|required|needed|planned)\b)|(?<!\bno )(?:corrective|remedial|resulting|follow ?up|next|further|planned|proposed|suggested|recommended|required|prevent(?:at)?ive) action|(?<=\S )(?<!\b(?:what|how|need|needs|have|has|had|want|wants|got|going|able|ought|should|must) )to ?dos?(?! (?:to|with|about|on|in|at|for|a|an|the|it|this|that)\b)|todos|follow ?up (?:issues|tickets|work)|follow ?ups?|corrective (?:and prevent(?:at)?ive )?(?:actions?|measures)|prevent(?:at)?ive (?:actions?|measures)|remedial (?:actions?|measures|steps)|steps (?:we (?:have )?)?taken|remediations?(?: (?:measures|steps|actions|plans?|work|efforts|tasks))?|(?:next|future) steps|work items|(?:open|remaining|outstanding|pending|follow ?up) (?:tasks|items|actions)|(?:long|short|medium|near)[ -]term (?:solutions?|remediations?|fix(?:es)?|plans?|items?|work|improvements))\b/,
    looseKeywords:
      /^(?:how (?:we're|we are|we ll|we will|i'm|i am) (?:fixing|addressing|preventing|fix|address|prevent) (?:it|this|that|the (?:issue|problem|bug|outage))|(?:what (?:i|we)(?: (?:have|are|will|re|ve|ll|should|can|could|must|need to|plan to))?|(?:what )?(?:did|do|will|have|are|should|can|could) (?:i|we)) (?:did|done|doing|do|changed|changing|change) to (?:prevent|avoid|stop|fix|address|reduce|mitigate|improve)(?: .*)?|(?:steps|measures|actions) (?:(?:we|i)(?: (?:are|have|re|ve))?(?: or have)?(?: already)? )?(?:taking|taken|take) to (?:prevent|avoid|stop|reduce) .+|preventing (?:this|that|these|such|similar|future|recurrences?|a repeat|repeats)(?: .*)?|follow ?ups?(?: [\w-]+){1,4}|mitigation (?:steps(?: taken)?|actions)|(?:steps|actions|measures) taken (?:towards?|for) (?:mitigation|remediation)|(?:(?:remedial|corrective|preventive|preventative|further) )?(?:measures|steps) taken|mitigations|(?:future|further) mitigations?|mitigations? (?:in|for) the future|looking (?:forward|ahead)|future|how (?:will|can|do|should|are) we (?:going to )?(?:mitigate|prevent|avoid|stop|fix|address) .+|how (?:will|can|do|should|are) we (?:going to )?(?:do|be) better(?: .*)?|(?:we|i)(?:'ll| will| are going to|'re going to|'m going to) do better(?: .*)?|(?:(?:future|planned|further|technical|process|documentation|operational|infrastructure|monitoring|tooling|security|system|reliability|preventive|preventative) )?improvements(?: to make| (?:for|in) (?:the )?future(?: [\w-]+)?| for next time)?|(?:preventive|preventative|future|planned|further|proposed) enhancements|(?:efforts?|steps|work|plans?) to (?:mitigate|prevent|avoid) .+ (?:in the future|next time)|tasks|(?:in )?(?:the )?(?:following|next|coming) (?:\S+ )?(?:days|weeks|months)|(?:future|further) (?:works?|plans?|measures)|(?:our )?plans? (?:for|in) the (?:near |coming )?future|(?:(?:mitigation and|additional|further|future) )?prevention(?: (?:measures|steps|actions|plan))?|(?:\S+ (?:(?:and|&) )?)?(?:recommendations?|suggestions)|(?:recommendations|suggestions) (?:to|for) (?:prevent|avoid|reduc|improv|the future)\S*(?: .*)?|what (?:are|were) (?:the |any |our |some )?(?:recommendations|suggestions)(?: .*)?|what's next|what is next|next up|up next|(?:will|could|can) (?:this|it) happen again|fixes|going forward|moving forward|(?:steps|measures) to prevent .*|what (?:steps|measures|actions) (?:has|have|had|did|will|is|are) (?:\S+ ){1,3}(?:taken|take|taking)(?: .*)?|how we (?:will )?(?:prevent|avoid|stop) .*|how (?:we(?: are|re|'re| will|ll|'ll)?|we're) (?:becoming|making(?: \S+){0,3}|getting|going to (?:be|become)|will be) (?:more )?(?:resilient|robust|reliable|better|safer|stronger)(?: .*)?|how (?:will|are|do|should) (?:we|(?:the |our )?\S+) (?:going to )?respond(?: .*)?|how to keep (?:this|it|that) from (?:happening|recurring|occurring)(?: again)?|how to (?:prevent|avoid) (?:this|it|that|a recurrence|recurrence|(?:the|this|an?|such) \S+(?: \S+)?)(?: (?:from )?(?:happening|occurring)(?: again)?| in the future| again)?|what (?:could|can|should|would|will) (?:be done|we do|we have done|have been done) (?:differently )?to (?:prevent|avoid|stop) .+|preventing (?:this|recurrence|a recurrence)|preventing (?:this|these|such|similar|future)(?: (?:type|kind|sort|class)s? of)? (?:[\w-]+ )?(?:issues?|incidents?|outages?|problems?|failures?|errors?)(?: in (?:the )?future| from (?:happening|occurring|recurring)(?: again)?| again)?|preventing (?:the|this|an?) (?:issue|incident|outage|problem|failure) from (?:happening|occurring) again|(?:(?:highlights|a summary|some|details) of )?what (?:we're|we are|we will be|we'll be) doing(?: .*)?|what (?:will|is|are|can|has|have) (?!we\b)\S+(?: \S+){0,2} (?:do|doing|done) (?:to (?:prevent|avoid|stop|fix|address|reduce|mitigate)|about) .+|what (?:is|are|will be) (?:being )?(?:done|doing|changing) .*|what(?: i|')s being done .*|what (?:we've|we have) (?:already )?(?:done|changed)(?: .*)?|what we (?:changed|fixed)(?: .*)?|what we did(?: (?:to|about) .+)?|what (?:we|are we|will we) (?:will )?(?:do|change) .*|what (?:do|can|should|will) we do(?: now| next| about (?:it|this|that))?|what (?:are we|we are|we're|is the team) (?:doing|changing|fixing|working on)(?: .*)?|what (?:we'll|i'll|we will|i will) (?:do|change)(?: .*)?|(?:what )?changes (?:we are|we're|we will be|we'll be|are we) making(?: .*)?)$/,
    template: [
      'TODO: one task per change to a system or a process, each with a priority ([P0] due within a week, [P1] within a month, [P2] within a quarter), one owner and a due date.',
    ],
  },
  {
    kind: 'lessons-learned',
    title: 'Lessons learned',
    aliases: ['key takeaways', 'learnings', 'takeaways', 'lessons', 'what we learned'],
    keywords: /\b(?:lessons?(?: learn(?:ed|t))?|learnings|take ?aways|(?:what|things) (?:we|i) (?:have )?learn(?:ed|t)|what (?:did|have) (?:we|i) learn(?:ed|t)?)\b/,
    // "Retrospective" under the title, "Best practices": what the team takes from it, in other words.
    looseKeywords: /^(?:retrospective|reflections?|best practices|(?:the )?morals?(?: of (?:the|this) story)?|what (?:we're|we are|we|i'm|i am|i) (?:taking|take|took) (?:away )?from (?:this|it|the (?:incident|outage))(?: .*)?)$/,
    template: ['- TODO: what the team learned that applies beyond this incident.'],
  },
];

export function sectionDefinition(kind: SectionKind): SectionDefinition {
  const definition = sectionDefinitions.find((d) => d.kind === kind);
  if (!definition) throw new Error(`Unknown section kind ${kind}`);
  return definition;
}

/** Position of a kind in this project's default template. */
export function canonicalIndex(kind: SectionKind): number {
  return sectionDefinitions.findIndex((d) => d.kind === kind);
}

/** The kinds in this project's default template's order. */
export function defaultSectionOrder(): SectionKind[] {
  return sectionDefinitions.map((d) => d.kind);
}

export interface HeadingKind {
  kind: SectionKind;
  /** True when only loose wording names the kind: the editor says so instead of passing it off as certain. */
  uncertain: boolean;
}

/**
 * What follows the key words when they head the heading: nothing, a conjunction and more ("Root causes and
 * trigger"), a generic noun ("Impact analysis", "Timeline of events related to the outage"), a short complement
 * ("Impact on users"), a question's filler ("Why did this happen, really?"), or a list's lead-in ("The timeline went like this").
 */
const headTail =
  /^(?:$|(?:(?:and|or|plus)\b|&|\/).*|(?:analysis|assessment|details|report|review|reconstruction|overview|section|notes|summary|statement|list|log|items?|tasks|plans?|planned|taken|implemented|applied|completed|deployed|identified|found|determined|confirmed|established|required|needed|so far|of events)(?: (?:(?:and|or)\b|&).*| (?:related to|leading (?:up )?to|regarding|about|on|for|in|during) (?:\S+ ?){1,5})?$|(?:on|to|for|of|in|so|with|after|during|from) (?:\S+ ?){1,4}(?:(?:and|or)\b.*|&.*)?$|(?:though|really|exactly|anyway|then)(?: (?:though|really|exactly|anyway|then))?$|(?:looked|looks|went|was|is) (?:something |roughly )?like (?:this|so)$)/;
/** A time ahead after the key words and their tail ("Action items moving forward", "Lessons for the future", "Actions to stop a repeat in the future"). */
const forwardTail = /(?:^| )(?:(?:moving|going) forward|from (?:here|now) on|(?:for|in) the future)$/;
/** At most this many words may come before the key words ("Things that went well", "Severity & Impact"). */
const maxWordsBefore = 4;

/** A heading that names a coming period ("In the coming weeks"): an Action items section only loosely, as its loose keywords say. */
export const comingPeriod = /\b(?:following|next|coming) (?:\S+ )?(?:days|weeks|months)\b/i;

/** The section kind a heading names and how sure that is, or undefined. Extra aliases come from the config or a preset. */
export function recogniseHeading(title: string, extraAliases: Partial<Record<SectionKind, string[]>> = {}): HeadingKind | undefined {
  const recognised = recogniseOneKind(title, extraAliases) ?? actionsByWhom(title, extraAliases);
  // "Lessons learned and actions taken", "Learnings / Next steps": the items are what the team tracks, so the section holds
  // the actions; the lessons it also names count as present all the same (see namedKinds).
  if (recognised?.kind !== 'lessons-learned') return recognised;
  const parts = headingParts(title);
  const namesActions = (part: string) => {
    const kind = recogniseOneKind(part, extraAliases);
    return kind?.kind === 'action-items' && !kind.uncertain;
  };
  // Only words that name the actions for certain count: "Looking ahead - lessons learned" is about lessons.
  return parts.length > 1 && parts.some(namesActions) ? { kind: 'action-items', uncertain: recognised.uncertain } : recognised;
}

/** "Remedial action taken by Ethereum", "Follow-ups by the platform team": actions named with who takes them. */
function actionsByWhom(title: string, extraAliases: Partial<Record<SectionKind, string[]>>): HeadingKind | undefined {
  // Who: a name ("Ethereum", "@ana") or a team ("the platform team"), not a thing ("by the script").
  const actions = /^(.*\S)\s+by\s+(?:@[\w.-]+|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?|(?:the\s+)?[\p{L}-]+\s+team)\s*:?\s*$/u.exec(title)?.[1];
  const recognised = actions === undefined ? undefined : recogniseOneKind(actions, extraAliases);
  return recognised?.kind === 'action-items' ? recognised : undefined;
}

/** The parts of a heading joined by "and", "&" or "/", in either half of a heading in two halves ("Moving forward: lessons learned"). */
function headingParts(title: string): string[] {
  const tail = secondHalf(title);
  const halves = tail === undefined ? [normaliseHeading(title)] : [normaliseHeading(title), tail];
  return halves.flatMap((half) => half.split(/ (?:and|&) |\/|, /));
}

function recogniseOneKind(title: string, extraAliases: Partial<Record<SectionKind, string[]>>): HeadingKind | undefined {
  const normalised = withoutCount(normaliseHeading(title), title);
  if (!normalised) return undefined;
  const recognised = recogniseNormalised(normalised, extraAliases);
  if (recognised && !recognised.uncertain) return recognised;
  // A heading in two halves may name its section in the second ("The outage: a costly mistake"): read, but said to be uncertain.
  // A second half that names a kind plainly outweighs loose wording in the first ("Looking ahead - lessons learned");
  // halves joined by " / " name two sections, and the first opens.
  const tail = secondHalf(title);
  const fromTail = tail === undefined ? undefined : recogniseNormalised(tail, extraAliases);
  if (fromTail && (!recognised || (!fromTail.uncertain && !/\s\/\s/.test(title)))) return { kind: fromTail.kind, uncertain: true };
  if (recognised) return recognised;
  // A misspelt key word ("Root Casue") still names the section, but not plainly: the hover says so.
  const corrected = correctKeyWordTypos(normalised);
  const nearly = corrected === undefined ? undefined : recogniseNormalised(corrected, extraAliases);
  if (nearly) return { kind: nearly.kind, uncertain: true };
  // "Future prevention & automated failover": the first of two joined topics may name the section, loosely.
  const [first, ...rest] = normalised.split(/ (?:and|&) /);
  const fromFirst = rest.length > 0 ? recogniseNormalised(first, extraAliases) : undefined;
  return fromFirst && { kind: fromFirst.kind, uncertain: true };
}

// A number after a heading's name, once normalised ("contributing factor 2").
const countAfterName = /(?<=\p{L}) \d{1,2}$/u;

/** "Contributing factor 2: ...": a number after the name counts the section, like numbering before it; "Mistake #2" is an entry of a list, not a count. */
export function isCountedHeading(title: string): boolean {
  return !/#\s*\d/.test(title) && countAfterName.test(normaliseHeading(title));
}

function withoutCount(normalised: string, title: string): string {
  return isCountedHeading(title) ? normalised.replace(countAfterName, '') : normalised;
}

function recogniseNormalised(normalised: string, extraAliases: Partial<Record<SectionKind, string[]>>): HeadingKind | undefined {
  for (const [kind, aliases] of Object.entries(extraAliases) as [SectionKind, string[]][]) {
    if (aliases.some((alias) => normaliseHeading(alias) === normalised)) return { kind, uncertain: false };
  }
  const recognised = recogniseBuiltIn(normalised);
  // "Next steps for users", "What you should do": steps for the readers to take, not the team's follow-up work.
  return recognised?.kind === 'action-items' && addressesReaders.test(normalised) ? undefined : recognised;
}

// A heading may also name the readers in the third person ("Next steps for users"); it is already lower case.
// "User next steps", "Customer actions": the steps of those the heading names first, not the team's.
const addressesReaders = new RegExp(String.raw`${addressesReaderWords}|\bfor (?:the |our |all )?(?:users|customers|clients|readers|players|streamers|members|subscribers)\b|^(?:users?|customers?|clients?|readers?|members?|subscribers?)(?: s)? (?:next steps|actions?|to dos?|steps)$`);

function recogniseBuiltIn(normalised: string): HeadingKind | undefined {
  for (const definition of sectionDefinitions) {
    if (normalised === definition.title.toLowerCase() || definition.aliases.includes(normalised)) return { kind: definition.kind, uncertain: false };
  }
  const named = headingKeyword(normalised);
  if (named) return { kind: named.kind, uncertain: false };
  const loose = sectionDefinitions.find((definition) => definition.looseKeywords?.test(normalised));
  return loose && { kind: loose.kind, uncertain: true };
}

/** The second half of a heading in two halves, unless the first says what the section is ("Appendix: scope of the work"). */
function secondHalf(title: string): string | undefined {
  const tail = qualifierTail(title);
  return tail !== undefined && !isBesideTemplate(title) ? tail : undefined;
}

/**
 * "What happened?", "So what happened", "What is happening?": the question a reader asks first. Loose wording for a
 * summary, but where no heading names the summary for certain it is the summary even after a timeline, and it
 * outranks vaguer loose wording ("Background"). A dated one ("What happened on 17 June") tells the day's story.
 */
export function asksWhatHappened(title: string): boolean {
  return /^(?:so )?what (?:exactly )?(?:has )?(?:happened|is happening)(?: exactly| in detail)?$/.test(normaliseHeading(title));
}

/** True when a heading is a kind's own title or one of its aliases, once normalised ("Action Items:", "1. Root causes"). */
export function isExactHeading(title: string, extraAliases: Partial<Record<SectionKind, string[]>> = {}): boolean {
  const normalised = normaliseHeading(title);
  if (Object.values(extraAliases).some((aliases) => aliases?.some((alias) => normaliseHeading(alias) === normalised))) return true;
  return sectionDefinitions.some((definition) => normalised === definition.title.toLowerCase() || definition.aliases.includes(normalised));
}

/** True when words come before the key words that name the heading's kind ("Vendor follow-up", not "Follow-ups"). */
export function hasWordsBeforeKeyWords(title: string): boolean {
  const match = headingKeyword(normaliseHeading(title));
  return match !== undefined && match.index > 0;
}

/** The section kind a heading names, or undefined. */
export function sectionKindOf(title: string, extraAliases: Partial<Record<SectionKind, string[]>> = {}): SectionKind | undefined {
  return recogniseHeading(title, extraAliases)?.kind;
}

/**
 * Every kind a heading names, one per part of it ("Impact and timeline" names both):
 * a section written under such a heading is present, whichever kind the heading is read as.
 */
export function namedKinds(title: string, extraAliases: Partial<Record<SectionKind, string[]>> = {}): SectionKind[] {
  const parts = headingParts(title);
  const kinds = [title, ...(parts.length > 1 ? parts : [])].map((part) => recogniseHeading(part, extraAliases)?.kind);
  return [...new Set(kinds.filter((kind) => kind !== undefined))];
}

/** Each definition's key words, global, by the definition's place: built once, as every heading and label line is read with them. */
const keywordsAnywhere = sectionDefinitions.map((definition) => new RegExp(definition.keywords.source, 'g'));

/** The kind whose key words come first in the heading and head it, if any, and where they start. */
function headingKeyword(normalised: string): { kind: SectionKind; index: number } | undefined {
  let best: { kind: SectionKind; index: number } | undefined;
  for (const [place, definition] of sectionDefinitions.entries()) {
    const pattern = keywordsAnywhere[place];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(normalised); match; match = pattern.exec(normalised)) {
      // As matchAll would, step past an empty match rather than find it again.
      if (match[0] === '') pattern.lastIndex++;
      const before = normalised.slice(0, match.index).trim();
      const after = normalised.slice(match.index + match[0].length).trim();
      if ((before === '' ? 0 : before.split(' ').length) > maxWordsBefore || !headTail.test(after.replace(forwardTail, ''))) continue;
      if (!best || match.index < best.index) best = { kind: definition.kind, index: match.index };
      break;
    }
  }
  // "Summary of impact", "Overview of the root cause": a summary of something names what it sums up.
  const summed = best?.kind === 'summary' ? /^(?:summary|overview|recap|synopsis) of (?:the )?(.+)$/.exec(normalised) : null;
  if (summed) {
    const inner = headingKeyword(summed[1]);
    if (inner && inner.kind !== 'summary' && inner.index === 0) return { kind: inner.kind, index: normalised.length - summed[1].length };
  }
  return best;
}
