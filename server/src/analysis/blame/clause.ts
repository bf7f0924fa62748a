// Blame read from a clause's shape: a human agent with a fault predicate, hindsight about what people should have done, "we" judging ourselves.
// It runs on sentences the phrasebook found nothing in, and reports the person and predicate it read.
import type { Span } from '../model';
import { notKnownYet, omittedForAReason } from './reasons';
import { roleAlternation, type BlameKind } from './phrasebook';
import { compileRegExp } from '../regexp';
import { foolishWords } from './rewrite/words';

export interface ClauseBlame {
  kind: BlameKind;
  /** Sentence offsets of the words reported: the person (when before the predicate) through the predicate. */
  span: Span;
  /** The human agent of the clause, when one is named. */
  person?: Span;
  /** The fault predicate or hindsight words. */
  predicate: Span;
  explanation: string;
  /** The writers judge themselves ("we did not test", "I was too hasty"): the message says so. */
  ownConduct?: boolean;
}

/** What the caller knows about the sentence's surroundings. */
export interface ClauseContext {
  /** A timeline entry reports who did what; only explicit fault words there are blame. */
  inTimeline: boolean;
  /** Asks whether a capitalised word names a person (the name tagger); asked only once a predicate matched. */
  isPersonName: (name: string) => boolean;
  /** Whether a word, in any case, is one the document uses for a person (owners, timeline actors such as a chat nick). */
  isKnownPerson: (word: string) => boolean;
  /** "They" is a person only after a person was named earlier in the block ("The replicas fell behind. They failed to ..."). */
  theyIsPerson: boolean;
  /** Whether the phrasebook still has this entry (a team may disable it). */
  isEnabled: (entry: string) => boolean;
  /** The phrasebook's roles as the clause reads them; see `clauseRoles`. */
  roles: ClauseRoles;
}

/** The lexicon's roles, a team's included, compiled for the clause reader. */
export interface ClauseRoles {
  /** Global: a role or group noun with any determiner or none, not one that modifies a thing ("the admin console"). */
  pattern: RegExp;
  /** The same, not global: whether a span names a role. */
  test: RegExp;
  /** Each shape's pattern, by the shape's place in `shapes`; those that name a role are built from these roles. */
  shapePatterns: RegExp[];
}

/** People the clause takes for the actor whom the lexicon holds as no role: groups, outside parties, people named by no role ("management", not "memory management"). */
const groupsAndParties =
  'guys?|people|crews?|members of (?:the|our) team|devops|someone|somebody|folks|owners?|validators?|node operators?|vendors?|suppliers?|truckers?|truck drivers?|(?:construction|utility|road) (?:crews?|workers?)|ISPs?|(?:hosting|cloud|service|upstream) providers?|hosting compan(?:y|ies)|(?<!\\b(?:memory|key|secret|state|config|configuration|session|connection|certificate|cert|resource|package|dependency|cache|data|identity|access|change|release|incident|lifecycle|traffic|power|thread|process|log|version|storage|disk|device|fleet|quota|capacity)\\s)management|leadership';
/** Roles that are everyday words or times too ("lead", "3 PM"): with no determiner required, the clause leaves them to the phrasebook. */
const everydayRoles = new Set(['pm', 'ic', 'lead', 'human', 'junior', 'senior']);

/** Role and group nouns that name people, with any determiner or none; singular and plural. */
function roleNouns(roles: readonly string[]): string {
  return `${roleAlternation(roles.filter((role) => !everydayRoles.has(role.toLowerCase())))}|${groupsAndParties}`;
}

/** A role word followed by one of these is a modifier of a thing ("the admin console"), not a person. */
const thingAfterRole =
  "accounts?|panels?|consoles?|api|access|rights|privileges|roles?|pages?|portals?|tools?|credentials?|keys?|tokens?|groups?|channels?|ui|interfaces?|users?|mode|permissions?|machines?|laptops?|workstations?|environments?|docs?|documentation|builds?|servers?|endpoints?|guides?|teams?|productivity|experience|velocity|handovers?|handoffs?|rotations?|schedules?|shifts?|runbooks?|notes?|checklists?|alerts?|alerting|jobs?|emails?|notifications?|dashboards?|scripts?|bots?|['’]s";

/** Pronouns, handles and capitalised words (names, asked of the tagger) are matched with their case. */
const casedPersonPattern =
  /(?<pronoun>\b(?:[Ww]e|I|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou)\b(?!\.))|(?<handle>@[\w.-]+\w)|(?<org>\b\p{Lu}{2,}\b(?:\s(?:&|and)\s\p{Lu}{2,}\b)?)|(?<name>\b\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\b)/gu;
/** Acronyms that name software, not an organisation: "CI did not test the arm64 build". */
const techAcronym = /^(?:CI|CD|API|DNS|CDN|VM|OS|DB|LB|HTTP|TLS|SSL|CPU|GPU|RAM|IO|UI|CLI|SDK|ORM|VPN|SSO|IAM)$/;
/** Pronouns and determiners that open sentences with a capital, and so look like names. */
const pronounLike = /^(?:You|Your|It|Its|This|That|These|Those|There|Here|Nobody|Everyone|Everybody|Anyone|Anybody|One)$/;

/** The clause reader's roles for a phrasebook's lexicon: compile once per phrasebook, never per sentence. */
export function clauseRoles(roles: readonly string[]): ClauseRoles {
  // Roles are matched in any case ("Engineers deleted ...", "the on-call engineer").
  const nouns = roleNouns(roles);
  const source = `\\b(?:${nouns}|team [a-z])\\b(?!['’]s\\b|\\s+(?:${thingAfterRole})\\b)`;
  return { pattern: compileRegExp(source, 'gi'), test: compileRegExp(source, 'i'), shapePatterns: shapes.map((shape) => (typeof shape.pattern === 'function' ? shape.pattern(nouns) : shape.pattern)) };
}

/** Role words that also name software ("the Kubernetes operator", "the certificate manager"): a person only right after a determiner. */
const softwareLikeRole = /^(?:operators?|managers?|owners?|analysts?|reviewers?)$/i;
const determinerBefore = /(?:^|\b(?:the|a|an|our|their|this|that|each|every|any|no|some|one of (?:the|our)|human|on-call))\s*$/i;

/** Adverbs that mark a person's act as a slip. */
const faultAdverbs = String.raw`accident(?:al)?ly|inadvert[ae]ntly|mistakenly|erroneously|unintentionally|carelessly|wrongly|incorrectly|improperly|by mistake|by accident|in error(?!\s+(?:logs?|messages?|states?|rates?|counts?|budgets?|codes?|reports?|pages?|handling|tracking|output|responses?)\b)|in (?:a\s+)?(?:haste|hurry|rush)`;
/** In a passive clause with no agent, only these still say someone erred ("was mistakenly sent"); "was accidentally deleted" reports an accident. */
const passiveFault = /^(?:mistakenly|erroneously|by mistake|in error)$/i;
/**
 * "a bug in the exporter left drafts mistakenly attached", "the invoice was mistakenly filed as paid, and our monitoring saw nothing": the sentence names software as the actor;
 * "a leaf node was mistakenly promoted to root" tells of a data structure only code rearranges.
 */
const machineActor = /\b(?:bugs?|tooling|automation|monitoring|(?:child|parent|root|leaf|sibling)\s+nodes?)\b/i;
/** "our status page said that 12 invoices were sent erroneously": the clause reports what someone said; its act is not the reporter's. */
const reportedThat = /\b(?:stated|said|reported|wrote|announced|claimed|estimated|published|noted)\s+that\s$/i;
/** A verb of seeing or finding, then a noun phrase: "saw the script", "found that the job", the subject of the clause after it. */
const perceivedClause = /^\s+(?:\p{L}+ly\s+)?(?:saw|see|sees|noticed|notice|found|find|observed|discovered|realized|realised|confirmed|verified|learned|learnt|knew|spotted)\s+(?:that\s+)?(?:the|a|an|its|our|their|this|these|those|some)\s/iu;
/** "Two engineers pushed the change, unaware that ...", "The on-call engineer, believing the drain had finished, ...": the participle describes the subject that opens the sentence. */
const beliefParticiple = /^(?:unaware|(?:wrongly\s+|mistakenly\s+)?(?:believing|thinking|assuming|convinced))\b/i;
/** A copula right before the words, perhaps with an adverb: "was in error", "were also in error". */
const copulaBefore = /\b(?:was|were|is|are|been|being)\s+(?:(?:also|still|now|then|\p{L}+ly)\s+)?$/iu;
/** "found it by accident", "worked around it by accident": a lucky accident is no fault. */
export const luckyAct = /\b(?:found|discovered|noticed|fixed|solved|resolved|worked around|mitigated|stumbled|learned|learnt)\b/i;

/** Verbs that only a person's lapse fits ("were not paying much attention", "gave it a cursory glance", "sabotaged"). */
const lapseVerbs = String.raw`never\s+(?:actually\s+)?remembered\s+to|(?:was|were)(?:n['’]t|\s+not)\s+paying\s+(?:(?:much|enough|that\s+much|any|close|proper)\s+)?attention|(?:gave|giving|give|gives|took|taking)\s+(?:only\s+)?a\s+cursory\s+(?:glance|look|review|check)|sabotaged|(?<=\b(?:had|['’]d)\s+(?:\w+ly\s+)?)forgotten(?=\s+(?:to|about|that)\b)|forgot\s+all\s+about|(?:forgot|forgets)(?=\s+(?:to|about|that|(?:I|we|he|she|they|it)\s+(?:was|were|had|is|are|am|did|still|would|needed))\b)|omitted|omits|overlooked|overlooks|neglected|neglects|misread|mistyped|misdiagnosed|misidentified|fat-fingered|underestimated|misjudged|misunderstood|ignored|skipped|bypassed|rushed(?!\s+(?:over|in|out|back|home|off|across|along|down|to\s+(?:the\s+)?(?:office|site|scene|rescue|data\s*cent(?:er|re)s?|hospital|help))\b)|forged ahead|cut (?:some |lots of |a lot of |many |a few |several )?corners|(?<!\b(?:the|a|an|any|all|our|their|its|those|these)\s)missed(?![^,;.]{0,50}\b(?:blocks?|slots?|heartbeats?|attestations?|packets?)\b)|introduced\s+(?:\w+\s+){0,3}(?:bugs?|regressions?|typos?|mistakes?)|delayed\s+(?:notifying|informing|telling|paging|escalating|alerting|reporting)|waited\s+(?:\w+\s+){0,2}(?:hours|days|weeks)\s+(?:to|before)\s+(?:inform|notify|tell|page|escalate|alert|report)\w*|tried\s+to\s+force|forced\s+(?:through\s+)?(?:a|an|the)\s+(?:\S+\s+)?(?:deploy|deployment|push|merge|upgrade|release|migration|rollout)`;

/** Things a careful person checks, tests or tells: "did not test", "never checked". */
const diligenceVerbs = String.raw`test|tested|check|checked|verify|verified|validate|validated|review|reviewed|notice|noticed|realize|realized|realise|realised|consider|considered|monitor|communicate|notify|inform|block|follow|followed|remember|read|confirm|catch|plan|patch|backport|document|warn|think|double-check|ask|wait|replace|apply|plug|plugged|run\s+(?:the\s+|any\s+)?(?:\w+\s+)?tests?`;

/** Not after "ways this" or "how it": "ways this could have been avoided:" leads in to the remedies. */
const notRemediesLeadIn = String.raw`(?<!\b(?:ways|how)\s+(?:this|it|that|the\s+[\w-]+)\s+)`;
const hedge = String.raw`(?:(?:fully|really|properly|extensively|thoroughly|carefully|even|actually|ever|yet|sufficiently|adequately|always|immediately|simply|dramatically|vastly|greatly|severely|clearly|completely|initially|originally|then|also|still|all)\s+)*`;
/** Steps people take that a sentence can say were never taken ("was never deployed", "but never documented"); "never run" and "never executed" are left out, as they are said of CI and scripts too. */
const neverDone = String.raw`(?:deployed|applied|tested|reviewed|documented|communicated|added|disabled|reverted)`;

interface PredicateShape {
  /** Global; a shape that names a role builds it from the lexicon's role nouns (see `clauseRoles`). */
  pattern: RegExp | ((roleNouns: string) => RegExp);
  /** A cheap test a sentence must pass before `pattern` runs on it: most sentences hold none of these words. */
  requires?: RegExp;
  /** The phrasebook entries that read the same shape: a team that disables one of them turns this shape off too. */
  entries: readonly string[];
  /**
   * `person`: needs a human agent; `named`: a human agent other than "they"; `by`: the agent follows ("deleted by @dana");
   * `passive`: a passive clause with no agent also reads as a human lapse; `none`: blames with no person named.
   */
  agent: 'person' | 'named' | 'by' | 'passive' | 'none';
  /** Only people and the organisations they form do this ("was not aware", "refused to"): an unknown capitalised word or acronym opening the clause is the one who did it. */
  organisations?: boolean;
  /** The words are a fault by themselves, so a timeline entry that says them is blame too ("clones the wrong branch"). */
  inTimeline?: boolean;
  /** Only people do this ("made a silly mistake", "screwed up"): "they" is people here, even with no one named before. */
  humanOnly?: boolean;
  kind: BlameKind;
  explanation: string;
}

const slipExplanation =
  'Calling an action a slip ("by mistake", "forgot", "did not realize") makes the person the cause and stops the analysis there. In a blameless postmortem the question is what in the system made the slip easy and the result costly: what the tools showed, which safeguard or review step was missing, what the process expected people to remember.';
const hindsightExplanation =
  'Hindsight judges a decision by an outcome nobody knew at the time. Describe what people saw and what the system showed them then, and which signal, check or process step would have made the risk visible.';
const selfExplanation =
  'Judging ourselves ("we were too slow", "our mistake") still puts the cause in people rather than in the conditions they worked in. Describe what made the delay or the slip likely: missing signals, unclear ownership, procedures that did not fit the situation.';

const wrongThing: PredicateShape = {
entries: ['mistake'],
  // "clones the wrong branch", "ran the command in the wrong workspace": a person's act aimed at the wrong thing;
  // "restarts the wrong pod and then the right one" corrects itself at once: an act of the response, not a slip to judge.
  pattern: /\b(?:the|a)\s+wrong\s+[\w-]+(?![^,;.]*\bthe\s+right\b)/gi,
  agent: 'person',
  inTimeline: true,
  kind: 'blame',
  explanation: slipExplanation,
};

const beliefShape: PredicateShape = {
  entries: ['hindsight-action'],
  requires: /believing|thinking|assuming|convinced/i,
  // "The on-call engineer, believing the drain had finished, stopped the node": a belief the outcome proved wrong, told of the subject (at info).
  pattern: /(?<=,\s*)(?:(?:wrongly|mistakenly)\s+)?(?:believing|thinking|assuming|convinced)\b/gi,
  agent: 'person',
  kind: 'hindsight',
  explanation: hindsightExplanation,
};

const assumedShape: PredicateShape = {
  // "The operators assumed that the flag was off", "I assumed the job had finished", "we thought we had headroom": what a person took for true, given as the cause (at info).
  entries: ['hindsight-action'],
  requires: /assumed|thought|believed/i,
  // "we thought of a solution": an idea had, not a belief; "we thought it was a network issue", "we believed this was due to retries": a diagnosis
  // tried during the investigation, not a belief acted on.
  pattern: /\b(?:assumed|thought(?!\s+(?:of|about)\b)(?!\s+(?:it|this)\s+(?:was|is|would\s+be)\s+(?:time|high\s+time|a\s+good\s+(?:time|moment))\b)|believed)(?!\s+(?:that\s+)?(?:it|this|the\s+(?:issue|problem|error|outage|cause|failure))\s+(?:was|is|might\s+be|could\s+be|must\s+be)\s+(?:(?:probably|likely|just|simply|only|caused)\s+)?(?:due\s+to|related|caused\s+by|by|(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:issue|problem|error|bug|glitch|hiccup|outage|failure|attack)s?\b))\s+(?:that\b|(?:[\w'’-]+\s+){1,5}?(?:was|were|had|would|could|did|needed|meant)\b)/gi,
  agent: 'person',
  kind: 'hindsight',
  explanation: hindsightExplanation,
};

const lapseShape: PredicateShape = {
  entries: ['forgot', 'forgot-to', 'ignored-signal', 'skipped-step', 'rushed', 'cut-corners', 'fat-finger', 'mis-verb'],
  pattern: compileRegExp(String.raw`\b(?:${lapseVerbs})\b`, 'gi'),
  agent: 'person',
  kind: 'blame',
  explanation: slipExplanation,
};

const roleHindsight: PredicateShape = {
  entries: ['hindsight-action'],
  requires: /\b(?:should|ought)/i,
  // "Engineers should have caught the bug", "access reviews senior staff should surely have set up": what a role with no determiner should have done (at info).
  // "should have received", "should have had": what people should have been given is no judgement of them.
  pattern: /\b(?:should|ought\s+to)(?:\s+(?:also|really|probably|definitely|certainly|clearly|obviously|just))?(?:\s+have|['’]ve)\s+(?!(?:been|received|gotten|got|had|seen|heard)\b)(?:\p{L}+ed|caught|done|known|built|written|taken|made|set|put|sent|told|kept|brought|run|spent|given|thought|found|read)\b/giu,
  agent: 'person',
  kind: 'hindsight',
  explanation: hindsightExplanation,
};

const shapes: PredicateShape[] = [
  {
    entries: ['fault-adverb', 'by-mistake'],
    // "The table was not deleted by mistake", "to make sure the flag had not been switched on by mistake": a slip denied or ruled out.
    // "we were wrongly displaying all invites", "statuses are displaying incorrectly": the product's output, told with "we" or of a thing, is a bug, not a person's slip.
    // "an admin could accidentally purge the queue": a risk weighed, not a slip made.
    pattern: compileRegExp(String.raw`(?<!\b(?:was|were|is|are|had|has|have)(?:n['’]t|\s+not|\s+never)\s+(?:\p{L}+\s+){0,4})(?<!\b(?:could|might|may|can|would|will)(?:\s+\p{L}+ly)?(?:\s+or)?\s+)(?<!\b(?:display|show|return|serv|render|comput|calculat|count|charg|appear|load|format)\w*\s+)\b(?:${faultAdverbs})\b(?!\s+(?:display|show|return|serv|render|comput|calculat|count|charg)\w*\b)`, 'giu'),
    agent: 'passive',
    kind: 'blame',
    explanation: slipExplanation,
  },
  lapseShape,
  {
    entries: ['did-not-do', 'had-not-done', 'failed-to-notice', 'forgot-to'],
    requires: /\b(?:not|never|failed|neglected|forgot|without)\b|n['’]t\b/i,
    pattern: compileRegExp(
      // "did not consider the logs to be as reliable": a judgement of evidence, not a step left out.
      String.raw`\b(?:did not|didn['’]t|did n't|never|had not|hadn['’]t|have not|haven['’]t|failed to|neglected to|forgot to)\s+${hedge}(?:${diligenceVerbs})\b(?<!consider(?:ed)?)|\b(?:did not|didn['’]t|did n't|never|had not|hadn['’]t|have not|haven['’]t|failed to|neglected to|forgot to)\s+${hedge}consider(?:ed)?\b(?!\s+(?:[\w'’-]+\s+){1,4}?(?:to\s+be|as)\b)|\bwithout\s+${hedge}(?:realizing|realising|checking|testing|thinking|verifying|reading|noticing|consulting|asking|telling|notifying|care|caution|waiting\s+for\s+(?:\w+\s+){0,3}?(?:CI|tests?|results|checks|approvals?|reviews?|builds?)|backing\s+(?:\w+\s+){0,2}?up|(?:taking|making)\s+(?:a\s+|any\s+)?backups?)\b`,
      'gi',
    ),
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "we were supposed to be relaxing", "she was supposed to be on leave": time off the person was owed, no duty missed.
    entries: ['supposed-to', 'mistake'],
    pattern: compileRegExp(
      String.raw`\b(?:(?:was|were|is|are)\s+not\s+${hedge}aware|(?:was|were|is|are)\s+${hedge}(?:unaware|supposed to(?!\s+be\s+(?:having|enjoying|celebrating|resting|relaxing|sleeping|asleep|off\b|on\s+(?:vacation|holiday|leave|PTO|a\s+break)\b)))|wasn['’]t\s+${hedge}aware|weren['’]t\s+${hedge}aware|unaware|decided to (?:shortcut|skip|bypass|ignore)|failed to (?:prioriti[sz]e|follow|notice|communicate|escalate|act))\b`,
      'gi',
    ),
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    entries: ['did-not-do', 'supposed-to'],
    requires: /aware|n['’]t\b|\b(?:not|never)\b|refus|abandon|neglect|shirk|\boff\b/i,
    // "Hypha wasn't aware of the patch", "ACME didn't give the vendor enough notice", "TFL & LFG refusal to engage", "the vendor would not budge": things only people and their organisations do.
    pattern: compileRegExp(
      String.raw`\b(?:(?:was|were)\s+not\s+${hedge}aware|(?:wasn['’]t|weren['’]t)\s+${hedge}aware|(?:did not|didn['’]t|had not|hadn['’]t|never)\s+${hedge}(?:realiz|realis|test|communicat|coordinat|inform|plan|ask|backport|catch that)\w*|(?:did not|didn['’]t|had not|hadn['’]t|never)\s+(?:give|gave|given|send|sent|provide|provided)\s+(?:\S+\s+){0,3}(?:notice|heads[- ]up|warning)|refus(?:ed|al|es)\s+to|refus(?:es|ed|e)(?=\s*[.;,!]|\s*$)|(?:would\s+not|wouldn['’]t)\s+(?:budge|listen|cooperate|compromise)\b|(?:abandoned|neglected|shirked)\s+(?:their|its|his|her|our)\s+(?:responsibilit(?:y|ies)|duties|obligations)|wrote\s+(?:\S+\s+){1,3}off\b|(?:brushed|shrugged)\s+(?:\S+\s+){0,3}off\b)`,
      'gi',
    ),
    agent: 'person',
    organisations: true,
    inTimeline: true,
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "I exposed the feature in production", "an engineer exposed the admin port to the internet": a person's act that opened something to all; "exposed the metrics endpoint for the dashboard" is design.
    entries: ['damage-verb'],
    requires: /expos/i,
    pattern: /\bexposed\s+(?:[\w-]+\s+){1,5}?(?:to\s+(?:the\s+)?(?:public\s+)?(?:internet|public|world|everyone|all\s+\w+)|publicly|in\s+production)\b/gi,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "They made a silly mistake", "the engineer made a configuration error": an act called a mistake, which only people make.
    entries: ['mistake'],
    requires: /\bma(?:de|ke)\b/i,
    pattern: /\b(?:made|did\s+make)\s+(?:a|an|the|two|several|some)?\s*(?:\w+\s+)?(?:error|mistake|typo|blunder|misstep)s?\b/gi,
    agent: 'person',
    humanOnly: true,
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "The operator restarted it despite being told to wait", "validators kept voting despite repeated requests to stop": instructions set aside.
    entries: ['ignored-signal'],
    requires: /\bdespite\b/i,
    pattern: /\bdespite\s+(?:(?:repeated|several|multiple|many|our|clear|explicit|earlier|prior)\s+)*(?:requests|warnings|reminders|instructions|calls|pleas|advice|comms|communications)\s+(?:to|from|not)\b|\bdespite\s+(?:being|having\s+been)\s+(?:repeatedly\s+|explicitly\s+|clearly\s+)?(?:told|asked|warned|instructed|reminded|advised)\b/gi,
    agent: 'person',
    organisations: true,
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "The contractor resold the spare drives and profited": gain taken from the failure, told of a person.
    entries: ['mistake'],
    pattern: /\b(?:profited|stole|embezzled|pocketed)\b/gi,
    agent: 'person',
    humanOnly: true,
    kind: 'blame',
    explanation: slipExplanation,
  },
  wrongThing,
  {
    entries: ['mistake'],
    // "the contractor screwed up the cutover": a person's act called a blunder.
    // "they suck at operations", "we did it wrong", "I did a very stupid thing": the same, in other words.
    pattern: /\b(?:screw(?:ed|ing|s)?|mess(?:ed|ing|es)?|fuck(?:ed|ing|s)?)\s+(?:(?:it|this|that|things|something|everything)\s+)?up\b|\bbotched\b|\bsuck(?:s|ed)?\s+at\b|\bdid\s+(?:it|this|that|things|everything)\s+(?:all\s+)?wrong\b|\b(?:did|done|made)\s+(?:a|an|one|some)\s+(?:(?:very|really|pretty|incredibly|truly)\s+)?(?:stupid|dumb|silly|foolish|idiotic|careless|reckless)\s+(?:thing|move|decision|call|choice)s?\b/gi,
    agent: 'person',
    humanOnly: true,
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    entries: ['failed-to'],
    // "The incident commander failed to delegate": said of a named person or role, not of "they" (often servers).
    pattern: /\bfailed\s+to\s+\w+/gi,
    agent: 'named',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    entries: ['passive-fault-by-person', 'passive-by-person-unguarded'],
    // "The state was altered by @dana", "the layout was badly planned by Sam", "a wrong flag entered by an operator", "Staging bucket wiped by contractor": a human agent after "by" (at info);
    // "could be dropped by any admin" is what a setup allows, not what happened.
    pattern: compileRegExp(
      String.raw`\b(?:was|were|been)\s+${hedge}(?:altered|deleted|removed|merged|overwritten|dropped|introduced|misconfigured|broken|missed|overlooked|ignored|skipped|run|issued|triggered|pushed|not\s+(?:noticed|caught|reviewed|checked|tested|seen))\s+by\s+(?=\S)|\b(?:deleted|dropped|removed|wiped|truncated|overwritten|destroyed|misconfigured|broken|corrupted)(?<!\b(?:can|cannot|could|may|might|would|will)(?:\s+not)?\s+(?:\w+ly\s+)?be\s+\p{L}+)\s+by\s+(?=\S)|\b(?:was|were|been)\s+(?:(?:very|so|quite|rather)\s+)?(?:poorly|badly|incorrectly|wrongly|carelessly|sloppily|hastily)\s+\p{L}+ed\s+by\s+(?=\S)|\b(?:(?:incorrectly|mistakenly|wrongly|erroneously)\s+(?:typed|entered|input|issued)\s+(?:\p{L}+\s+){1,2}?|(?:mistaken|incorrect|wrong|erroneous|mistyped)\s+(?:command|input|entry)\s+(?:(?:input|entered|typed|issued)\s+)?)by\s+(?=\S)`,
      'giu',
    ),
    agent: 'by',
    kind: 'hindsight',
    explanation: slipExplanation,
  },
  {
    // "The step was overlooked", "corners were cut": a human lapse with no one named (borderline, so at info).
    // "was missed" and "was not noticed" are left out: in real reports they mostly describe what monitoring did not show.
    entries: ['missed-signal', 'skipped-step'],
    // "the cut-over wasn't done in a coordinated way": how people carried out work, judged; "was not parsed correctly" is the software's.
    pattern: compileRegExp(
      String.raw`\b(?:was|were)\s+${hedge}(?:overlooked|rushed|forgotten|neglected)\b|\bcorners\s+(?:were|had been)\s+cut\b|\b(?:was|were)(?:\s+not|n['’]t)\s+(?:done|handled|coordinated|communicated|planned|executed|organi[sz]ed|managed|followed)\s+(?:in\s+an?\s+(?:\p{L}+,?\s+){0,2}?(?:systematic|coordinated|structured|careful|timely|thorough|consistent|organi[sz]ed|controlled)\s+(?:manner|way|fashion)|properly|carefully|thoroughly|systematically)\b`,
      'giu',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "the lack of status updates was unacceptable", "..., and that is unacceptable", "a really big miss": the writers
    // judging how they handled the incident (at info).
    entries: ['hindsight-action'],
    requires: /unacceptable|miss\b/i,
    pattern: compileRegExp(
      String.raw`\b(?:(?:the\s+)?(?:lack|length|absence)\s+of\s+[\p{L}\s-]{1,40}?|our\s+(?:response|communication|handling|updates?)(?:\s+[\p{L}-]+){0,3}?|(?:and\s+)?(?:that|this))\s+(?:was|is|were|are)\s+(?:(?:completely|totally|simply|frankly|just)\s+)?unacceptable\b|\b(?:a|another)\s+(?:(?:very|really|big|major|clear|huge)\s+){1,3}miss\b`,
      'giu',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "a rushed, unreviewed change", "an insufficiently vetted release", "it never occurred to us that ...", "we thought
    // we had tested it enough", "we're doing it wrong": how the work was done, judged with hindsight, no one named (at info).
    entries: ['hindsight-action'],
    // "untested changes" or "an unreviewed deploy" alone names a risk or a fact more often than it judges anyone.
    requires: /rushed|insufficiently|poorly|inadequately|occur|enough|wrong/i,
    pattern: compileRegExp(
      String.raw`\b(?:rushed|(?:insufficiently|poorly|inadequately)[- ](?:vetted|tested|reviewed|planned))(?:,?\s+(?:and\s+)?(?:rushed|unreviewed|untested))?\s+(?:[\p{L}-]+\s+)?(?:changes?|deploy(?:ment)?s?|releases?|commits?|fix(?:es)?|patch(?:es)?|migrations?|updates?|PRs?|pull\s+requests?)\b|\bit\s+(?:did\s+not|didn['’]t|never)\s+occur(?:red)?\s+to\s+(?:anyone|anybody|any\s+of\s+us|us|me|the\s+team)\b|\b(?:we|I)\s+thought\s+(?:we|I)(?:['’]d|\s+had)\s+(?:\p{L}+ly\s+)?[\p{L}-]+ed\s+(?:[\p{L}-]+\s+){0,4}?enough\b|\b(?:we|I)(?:['’]re|\s+are|\s+were|\s+was|['’]m|\s+am)\s+doing\s+(?:it|this|things)\s+wrong\b`,
      'giu',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "an incorrectly typed command", "a mistakenly entered flag": someone's slip named by the thing it made (at info); "an incorrectly formatted header" is the software's.
    entries: ['fault-adverb'],
    requires: /\b(?:incorrectly|mistakenly|wrongly|erroneously|accidentally|inadvertently)\b/i,
    pattern: /\b(?:an?|the|that|this)\s+(?:incorrectly|mistakenly|wrongly|erroneously|accidentally|inadvertently)\s+(?:typed|entered|issued|run|executed|applied|deleted|removed|pushed|merged|deployed|configured|set|copied|pasted)\s+\p{L}+/giu,
    agent: 'none',
    kind: 'hindsight',
    explanation: slipExplanation,
  },
  {
    // "The volume was resized without a backup": a safeguard skipped, told in the passive with no one named (at info).
    entries: ['skipped-step'],
    requires: /\bwithout\b/i,
    pattern: compileRegExp(String.raw`\b(?:was|were)\s+${hedge}\p{L}+ed\s+without\s+(?:(?:a|any|first|prior|proper|adequate|sufficient|enough)\s+)*(?:backups?|verifying|verification|checking|testing|tests|reviews?|reviewing|approval|validating|validation|(?:governance\s+)?votes?|sign-?off|discussion|discussing\s+it|coordination|coordinating|consultation|consulting\s+(?:anyone|the\s+\w+))\b`, 'giu'),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "planned on an incorrect assumption about peak load", "promoted while wrongly assuming it was in sync": a belief judged wrong afterwards (at info).
    entries: ['hindsight-action'],
    requires: /assum/i,
    pattern: /\b(?:wrongly|incorrectly|mistakenly|falsely)\s+assum(?:ed|ing)\b|\b(?:wrong|incorrect|mistaken|false|faulty)\s+assumptions?\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  assumedShape,
  beliefShape,
  roleHindsight,
  {
    // "Didn't foresee the restart", "Should have rehearsed the cutover", "Pushed the rules without testing": a lapse in a list told with the writers as the unstated subject (at info),
    // also after a list item's label ("Testing - Should have run the suite", "Comms: Failed to notify users").
    entries: ['did-not-do', 'hindsight-action', 'skipped-step'],
    pattern: compileRegExp(
      String.raw`(?<=^\W*(?:\p{Lu}[\p{L} ]{0,30}?\s*[-–—:]\s+)?)(?:failed\s+to\s+(?:proactively\s+)?(?:communicate|notify|inform|warn|escalate|announce)|(?:overwrote|wiped|destroyed|erased|clobbered)\s+(?:all|the\s+entire|everything)|(?:continued|kept)\s+(?:\p{L}+\s+){0,5}?without\s+(?:noticing|realizing|realising|checking|verifying|testing)|(?:did\s+not|didn['’]t|never)\s+(?:(?:fully|really|properly|immediately)\s+)?(?:anticipate|foresee|realize|realise|recognize|recognise|notice|document|test|check|verify|validate|consider(?!\s+(?:[\w'’-]+\s+){1,4}?(?:to\s+be|as)\b)|know\s+to|back\s+up|ask|follow|understand|flag|wait)|(?:assumed|thought)\s+(?:that\s+)?(?:it|the|this|that|\p{L}+\s+(?:was|were|would))\b|should\s+(?:have|'ve)\s+(?!been\b)(?:\p{L}+ed|kept|brought|run|done|known|built|written|taken|made|set|put|sent|told|caught|left)|(?:underestimated|misjudged|misunderstood|overlooked)|(?:applied|deployed|pushed|ran|shipped|rolled\s+out)\s+untested|(?:applied|deployed|pushed|ran|used|executed|shipped|rolled\s+out|spent)\b[^.;:]{0,80}?\bwithout\s+(?:\p{L}+\s+){0,2}?(?:testing|tests?|reviews?|reviewing|rollback\s+plan|backups?|verification|verifying|checking|understanding|validation|validating|approval))\b`,
      'giu',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "The on-call had limited context on the service", "a contractor lacking experience with the tool": what a person knew, judged; "the log gave little context" names no one.
    entries: ['hindsight-action'],
    // "workers were often undertrained", "the new hire was inexperienced": the same judgement in one word.
    requires: /context|knowledge|familiarity|experience|understanding|trained|qualified|prepared/i,
    pattern: /\b(?:had|has|have|with)\s+(?:insufficient|inadequate|limited|little|no)\s+(?:context|knowledge|familiarity|experience)\b|\black(?:ing|ed|s)\s+(?:(?:the\s+)?(?:necessary|needed|sufficient|enough)\s+)?(?:familiarity|knowledge|experience|understanding|context)\b|\b(?:was|were|is|are)\s+(?:often\s+|badly\s+|clearly\s+|simply\s+|too\s+)?(?:\p{L}+\s+and\s+)?(?:undertrained|untrained|inexperienced|unqualified|underqualified|ill-prepared|unprepared)\b/giu,
    agent: 'person',
    kind: 'blame',
    explanation: hindsightExplanation,
  },
  {
    // "Limited understanding of how the queue retries": a judgement of what the people involved knew (at info).
    entries: ['hindsight-action'],
    requires: /understanding/i,
    pattern: /\b(?:insufficient|inadequate|poor|limited)\s+understanding\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "the host count was typed incorrectly", "one mistyped flag", "the root cause was human", "self-inflicted": a slip with no one named (at info).
    entries: ['mis-verb', 'human-error'],
    requires: /incorrectly|wrongly|mistyped|fat-fingered|self-inflicted|human/i,
    pattern:
      /\b(?:was|were)\s+(?:entered|typed|input|keyed)\s+(?:incorrectly|wrongly)\b|\b(?:a|an|one|the)\s+(?:mistyped|fat-fingered)\s+(?:command|input|value|entry|argument|flag)\b|\bself-inflicted\b|\b(?:cause|trigger|culprit)\b[^.;]{0,60}\b(?:was|is)\s+human\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "We are unhappy with how our registrar handled the transfer": the writer judging how another party behaved (at info).
    entries: ['hindsight-action'],
    requires: /happy|disappoint|satisfied|frustrat/i,
    pattern: /\b(?:not\s+(?:happy|satisfied|pleased)|unhappy|disappointed|dissatisfied|frustrated)\s+(?:\p{L}+\s+)?with\s+(?:how|the\s+way)\s+(?:\p{L}+\s+){1,3}?(?:handled|managed|treated|dealt\s+with|responded\s+to|communicated)\b/giu,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "I'm a complete fool", "what an idiot I was", "the stupid thing I did", "I felt like an idiot", "that stupid decision": the writer judging themselves (at info).
    entries: ['hindsight-action'],
    requires: /idiot|moron|fool|dumb|stupid|disappointment|incompetent/i,
    pattern:
      /\b(?:I['’]m|I\s+am|I\s+was|being)\s+(?:(?:really|just|such|so|truly)\s+)*(?:an?\s+)?(?:(?:complete|total|absolute|real|utter)\s+)?(?:idiot|moron|fool|dumb|stupid|disappointment|incompetent)\b|\bwhat\s+(?:an?\s+)?(?:idiot|moron|fool|disappointment)\s+I\s+(?:am|was)\b|\b(?:idiotic|stupid|dumb|foolish)\s+(?:thing|mistake|error|move)\s+(?:that\s+)?(?:I|we)\b|\b(?:I|we)\s+(?:felt|feel|looked|look)\s+like\s+(?:an?\s+)?(?:complete\s+|total\s+|absolute\s+|utter\s+)?(?:idiot|moron|fool)s?\b|(?<=^\W*)like\s+an?\s+(?:idiot|moron|fool),\s+(?:I|we)\b|\b(?:that|this|my|our)\s+(?:stupid|dumb|foolish|idiotic)\s+(?:decision|choice|idea|call)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "it slipped my mind", "rather than taking our time", "I let my temper get the better of me", "Without looking, I
    // confirmed", "I hardly gave it a thought", "we got the estimate wrong", "our choices let you down", "we let the
    // deadline push us into it": the writer judging their own haste or lapse in an idiom (at info).
    entries: ['hindsight-action'],
    requires: /mind|better of|time|without|thought|wrong|down|into|hands/i,
    pattern:
      /\b(?:we|I)\s+(?:put|hold|held|throw|threw)\s+(?:my|our)\s+hands\s+up\b|\b(?:we|I)\s+got\s+(?:the|our|my|it|this|that)\s+(?:[\w-]+\s+){0,3}?wrong\b|\b(?:our|my)\s+(?:actions|decisions?|choices?|mistakes?)\s+(?:have\s+|has\s+)?let\s+(?:you|them|everyone|our\s+[\p{L}-]+)\s+down\b|\b(?:we|I)\s+let\s+(?:[\p{L}-]+\s+){1,4}?(?:steer|push|pressure|rush|drive|talk)\s+(?:us|me)\s+into\b|\b(?:slipped|skipped)\s+(?:my|our|his|her|their)\s+minds?\b|\blet\s+(?:my|our|his|her|their)\s+(?:emotions?|frustration|impatience|ego|pride|nerves|temper|anger|fatigue|excitement)\s+get\s+the\s+better\s+of\b|\brather\s+than\s+tak(?:e|ing)\s+(?:my|our|his|her|their)\s+time\b|^\W*without\s+(?:really\s+|even\s+)?(?:thinking|looking|checking|reading)\b[^.;,]{0,30},\s*(?:I|we)\b|\b(?:barely|hardly|never|didn['’]t|did\s+not)\s+(?:even\s+)?(?:gave|give)\s+it\s+(?:a\s+)?(?:second\s+|moment['’]s\s+)?thought\b/giu,
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "one silly mistake", "Turning the cache off was a dumb idea", "a silly beginner's error": an act called foolish (at info).
    entries: ['hindsight-action'],
    requires: new RegExp(foolishWords, 'i'),
    pattern: new RegExp(String.raw`\b(?:${foolishWords})\s+(?:[\w-]+\s+)?(?:mistakes?|errors?|ideas?|moves?|blunders?)\b`, 'gi'),
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "the staff behind the outage will be held accountable": people sought out to answer for the failure.
    entries: ['hindsight-action'],
    requires: /accountable|responsible/i,
    pattern: /\bheld\s+(?:\p{L}+ly\s+)?accountable\b|\bthose\s+responsible\s+for\s+(?:this|the|that)\s+(?:mistake|error|outage|failure|incident)\b/giu,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "prioritised speed over correctness", "chose a restart over debugging": a trade-off judged afterwards, told of anyone (at info).
    entries: ['hindsight-action'],
    requires: /\bover\b/i,
    pattern:
      /\b(?:prioriti[sz](?:ed|es|ing)|favou?r(?:ed|s|ing)|chose|choosing|picked|put|putting)\s+(?:[\w-]+\s+){1,3}?over\s+(?:correctness|safety|quality|testing|reliability|thoroughness|stability|security|caution|debugging|review(?:ing)?|verification)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "The assistant rewrote the module instead of fixing the failing test", "I restarted it instead of waiting": the act a person chose over the careful one.
    entries: ['mistake'],
    requires: /instead of/i,
    pattern: /\b(?:deleted|removed|dropped|wiped|disabled|restarted|rebooted|reverted|pushed|deployed|merged|force-pushed|overwrote|killed|rewrote)\b[^.;]{0,80}?\binstead\s+of\s+(?:fixing|repairing|debugging|asking|checking|testing|reviewing|verifying|waiting|following|investigating)\b/gi,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "I was not choosing the correct bucket", "the admin didn't pick the right cluster": a person's act that missed the right thing; "did not have the right access" is a gap in the system.
    entries: ['mistake'],
    requires: /\b(?:correct|right|proper)\b/i,
    pattern: /\b(?:was\s+not|wasn['’]t|were\s+not|weren['’]t|did\s+not|didn['’]t)\s+(?!(?:have|get|receive|find|see|know)\b)\p{L}+\s+the\s+(?:correct|right|proper)\b/giu,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "Kai launched the job with the old config instead of the new one, which led to ...": a person's act aimed wrong, told as the cause.
    entries: ['mistake'],
    requires: /instead of/i,
    pattern: /\binstead\s+of\b(?=[^.]*\b(?:caus|lead|led|result)\w*)/gi,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "I incorrectly used the reset command": a person's own act called wrong; "the parser incorrectly handled" is a program's, so only a pronoun is read.
    entries: ['fault-adverb'],
    requires: /incorrectly/i,
    pattern: /(?<=\b(?:I|[Ww]e|[Hh]e|[Ss]he)\s+)incorrectly\s+\p{L}+ed\b/gu,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "The release failed due to a bad package from an outside contractor": a party named as the source of the fault (at info).
    entries: ['caused'],
    requires: /\bdue\s+to\b[^,;.()]{0,60}?\b(?:from|by)\s/i,
    // An aside in parentheses ("(no more details given by the host)") is not the source named; nor is a measure a provider
    // took on purpose ("due to a sudden account block by the host"), which is no fault.
    pattern: (nouns) => compileRegExp(String.raw`\bdue\s+to\b(?![^,;.()]{0,60}?\b(?:(?:server|account|ip|domain|network|traffic|access|port)\s+blocks?|blocking|bans?|suspensions?|takedowns?|terminations?|null-?routes?|null-?routing|maintenance)\s+(?:from|by)\s)[^,;.()]{0,60}?\b(?:from|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:${nouns})\b`, 'gi'),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "The new hire shouldn't have been carrying the fix in their head": hindsight about what a person kept doing.
    entries: ['hindsight-action'],
    requires: /should/i,
    pattern: /\bshould(?:\s+not|n['’]t)\s+(?:have|'ve)\s+been\s+\p{L}+ing\b/giu,
    agent: 'person',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "Lee pushed a migration that broke search", "we merged a flag flip which brought down billing": a person's act told as the cause.
    entries: ['caused'],
    requires: /\b(?:that|which)\b/i,
    pattern: /\b(?:deployed|pushed|merged|shipped|made|changed|introduced|committed|applied|released|wrote)\b[^,.;]{0,60}?\b(?:that|which)\s+(?:caused|took\s+down|broke|crashed|brought\s+down|led\s+to)\b/gi,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "I wiped all the uploads", "Sam had truncated half the ledger", "the intern who erased our live prod bucket", "I wiped out 20TB of production data": a person's act that destroyed what everyone relied on.
    entries: ['destroyed-data'],
    requires: /\b(?:all|half|entire|prod)/i,
    pattern: /\b(?:deleted|dropped|wiped(?:\s+out)?|destroyed|erased|killed|overwrote|truncated|nuked)\s+(?:all|half|the\s+entire|an?\s+entire|(?:an?|the|our)\s+(?:main\s+|live\s+|primary\s+)?prod(?:uction)?|[\d.,]+\s*[KMGTP]B\+?\s+of\s+(?:our\s+)?(?:live\s+)?prod(?:uction)?)\b/gi,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "the blame rests with the weekend operator", "fault lay squarely with the release engineer": a person named as the one to answer for the failure.
    entries: ['at-fault'],
    requires: /\b(?:responsibility|fault|blame)\s+(?:is|lies|rests|was|lay|falls|fell)\s/i,
    pattern: (nouns) => compileRegExp(String.raw`\b(?:responsibility|fault|blame)\s+(?:is|lies|rests|was|lay|falls|fell)\s+(?:squarely\s+|entirely\s+)?(?:on|with)\s+(?:the\s+|our\s+|their\s+|a\s+)?(?:[\w-]+\s+)?(?:${nouns}|devs?)\b`, 'gi'),
    agent: 'none',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    // "the failure to notify the support desk": a lapse in telling people, which only people do (at info).
    entries: ['failed-to'],
    requires: /failure/i,
    pattern: /\bfailure\s+to\s+(?:proactively\s+)?(?:notify|communicate|inform|warn|escalate)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "our brokers were configured with the wrong quorum size": what we own, set up wrong (at info); "the probe is set up incorrectly" names no owner.
    entries: ['mistake'],
    requires: /\bour\b/i,
    pattern: /\bour\s+(?:[\w-]+\s+){1,3}(?:was|were)\s+(?:\w+\s+)?(?:configured|set\s+up|deployed|built|initiali[sz]ed)\s+with\s+(?:the\s+|an?\s+)?(?:wrong|incorrect)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "Forgot to renew the certificate.", "Also forgot to ...", "Copied the snippet and forgot to ...": a lapse told with the
    // writers as the unstated subject (at info).
    entries: ['forgot-to'],
    pattern: /^\W*(?:(?:also|then|and|but|again)\s+|\p{L}+ed\b[^.;:!?]{0,120}?\s(?:and|but)\s+(?:then\s+|also\s+)?)?(?:forgot|neglected|omitted)\s+to\b|^\W*(?:missed)\s+to\b/giu,
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "The reseller was reported to the registry for failing to renew the domain": a sanction for an omission blames whoever it names (at info).
    entries: ['failed-to'],
    requires: /\bfor\s+(?:failing|refusing)\b/i,
    pattern: /\b(?:reported|fired|disciplined|punished|blamed|critici[sz]ed|penali[sz]ed|sued|banned)\s+(?:(?:to|by)\s+(?:the\s+)?\S+\s+)?for\s+(?:failing|refusing)\s+to\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: slipExplanation,
  },
  {
    // "we will not skip the canary again", "he won't force-push from now on": a promise not to repeat an act says the act was a fault (at info); "we won't let this happen again" names no act,
    // and "we won't have to renew the licence anymore" is a relief to come.
    entries: ['hindsight-action'],
    requires: /again|from now on|any ?more/i,
    pattern: /\b(?:will\s+not|won['’]t)\s+(?!(?:happen|occur|recur|be)\b|(?:have|need)\s+to\b|(?:let|allow)\s+(?:this|that|it)\s+(?:to\s+)?happen\b)(?:\w+\s+){1,4}?(?:again|from\s+now\s+on|anymore|any\s+more)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "black hat behaviour": conduct labelled as an attacker's, in the timeline too (at info); "the blackhat moved the tokens" only names someone.
    entries: ['hindsight-action'],
    pattern: /\bblack[- ]?hat\s+(?:behaviou?r|conduct|actions?|activity|tactics|move)\b/gi,
    agent: 'none',
    inTimeline: true,
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "a minor bug went unnoticed", "the warning was missed", "it was never backported", "the exporter was not updated to support the new schema",
    // "the mapping was never added", "merged but never deployed", "hotfixes never deployed to the edge": a lapse in the passive, no one named (at info);
    // "the check was not performed", "the config didn't get updated", "was shipped without a canary", "the id was assumed rather than verified".
    entries: ['missed-signal', 'failed-to-notice'],
    requires: /unnoticed|missed|remained|\b(?:not|never|without|rather than)\b|n['’]t\b/i,
    pattern: compileRegExp(
      String.raw`\b(?:went|go|goes|gone|going|was left|were left|remained|remains)\s+unnoticed\b|\b(?:was|were)\s+${hedge}missed\b|\b(?:(?:was|were)\s+(?:not|never)|wasn['’]t|weren['’]t)\s+${hedge}(?:noticed|spotted|backported|tested|performed|overridden|(?:properly|fully|adequately|sufficiently|carefully)\s+considered|detected(?=\s+(?:for|until)\b))\b|\bremained\s+(?:un[\w-]+\s+and\s+)?(?:unaddressed|unprioriti[sz]ed|unresolved|unfixed|unassigned)\s+until\s+(?:this|the)\s+(?:outage|incident|failure)\b|\b(?:did\s+not|didn['’]t|never)\s+get\s+(?:updated|tested|reviewed|backported|documented)\b|\b(?:was|were)\s+(?:deployed|shipped|rolled\s+out|pushed|released|applied)\s+(?:\w+\s+){0,3}?without\s+(?:any\s+|a\s+)?(?:canary|testing|tests|review|validation|staging|approval)\b|\b(?:guessed|assumed)\s+rather\s+than\s+(?:confirmed|verified|checked)\b|\b(?:was|were)\s+never\s+configured\s+to\b|\b(?:(?:was|were)\s+(?:not|never)|wasn['’]t|weren['’]t)\s+updated\s+to\s+(?:support|handle|include|cover|reflect)\b|\b(?:(?:was|were)|(?:had|has|have)\s+been)\s+never\s+${neverDone}\b|\b(?:(?:had|has|have)\s+)?never\s+been\s+${neverDone}\b|\bbut\s+never\s+(?:${neverDone}|wrote\s+(?:\w+\s+)?down|written\s+down)\b|(?<!\b(?:we|I|they|you|he|she)\s(?:had\s|have\s)?)\bnever\s+(?:deployed|applied)\s+to\b`,
      'gi',
    ),
    agent: 'none',
    inTimeline: true,
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "Validators were not active during the upgrade", "nobody with access was awake": the people a step needed were not there.
    entries: ['did-not-do'],
    // Each alternative needs a negation or "running", and one of the states it names.
    requires: /^(?=[\s\S]*?(?:\b(?:not|nobody|no one|running)\b|n['’]t\b))(?=[\s\S]*?\b(?:active|online|awake|available|reachable|around|ready|upgraded|do it|instead of)\b)/i,
    pattern: (nouns) =>
      compileRegExp(
        String.raw`\b(?:${nouns})\s+(?:(?:was|were)\s+not|wasn['’]t|weren['’]t)\s+(?:active|online|awake|available|reachable)\b|\b(?:nobody|no one)\b[^,;.]{0,60}?\b(?:was|were|could)\s+(?:awake|available|around|online|do it)\b|\bnot all\s+(?:of\s+(?:the|our)\s+)?(?:${nouns})\s+were\s+(?:active|online|available|ready|upgraded)\b|\b(?:${nouns})\s+(?:was|were)\s+(?:still\s+)?running\s+[^,;]{1,40}?\binstead of\b`,
        'gi',
      ),
    agent: 'none',
    inTimeline: true,
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    // "we did not deploy the changes", "we hadn't given the provider a heads up": a first-person omission (borderline, so at info);
    // "the host rebooted and we did not recover cleanly" tells how the service behaved, with "we" standing for it;
    // "we did not use version control then" describes the setup as it was; "we never deceived you" denies a wrong, it owns no omission;
    // "we did not yet deploy it" tells what was still to come, "we did not replace it without a fix" the care taken;
    // "we have not yet verified the claims ourselves" tells where an investigation stands, not a step skipped.
    entries: ['did-not-do', 'had-not-done'],
    requires: /\b(?:not|never)\b|n['’]t\b/i,
    pattern: compileRegExp(
      String.raw`\b(?:we|I)\s+(?!(?:have\s+not|haven['’]t)\s+(?:(?:yet|independently|been\s+able\s+to)\s+)*(?:confirm|verif|validat|reproduc)\w*\b)(?:(?:also|still|then|simply|just|really|clearly|obviously)\s+)?(?:did not|didn['’]t|had not|hadn['’]t|have not|haven['’]t|never|had\s+never(?=\s+\p{L}+ed\s+(?:it|them|the|this|that|these|those|an?)\b(?![^.;,]*\bbefore\b)))\s+(?:(?<=(?:had|have|has)\s+not\s+|(?:had|have|has)n['’]t\s+|never\s+)|(?!yet\b))(?![^.;,]{0,60}\b(?:in|for)\s+(?:a\s+(?:long\s+)?while|ages|years|months|weeks)\b(?!\s+until\b))(?:(?:yet|fully|properly|actually|even|really|extensively|sufficiently)\s+)*(?!(?:yet|fully|properly|actually|even|really|extensively|sufficiently|need|needed|have to|become|became|see|seen|find|found|observe|observed|lose|lost|release|released|miss|missed|experience|experienced|receive|received|get|got|hear|heard|know|want|mean|intend|intended|encounter|encountered|try|expect any|affect|impact|had|been|determine|determined|identify|identified|confirm|confirmed|establish|established|figure|manage|managed|recover|restart|reboot|respond|responded|crash|boot|use|used|deceive|deceived|lie|lied|mislead|misled|cheat|cheated|scam|scammed|steal|stole|defraud|defrauded|consider(?:ed)?\s+(?:[\w'’-]+\s+){1,4}?(?:to\s+be|as))\b)(?:have\s+(?:enough|sufficient|adequate|the same|an?\s+(?:\w+\s+)?plan|\W*(?:tested\s+)?(?:restores|backups|tests|monitoring|alerting|runbooks|infrastructure\s+as\s+code)\b)|(?!have\b)\p{L}+)`,
      'giu',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "whose time we've wasted", "we let our users down": the writers judging what they cost others (at info).
    entries: ['too-slow'],
    requires: /wasted|\blet\b/i,
    pattern: /\b(?:we|I)(?:['’]ve|\s+have)?\s+(?:\w+\s+)?(?:wasted\s+(?!(?:no|little)\s)(?:\S+\s+){0,2}?time|let\s+(?:(?:our|the|all|my|those|these|many|some|so\s+many)\s+)?(?:customers|users|partners|community|team|you|them|everyone)\s+down)\b|\btime\s+(?:we|I)(?:['’]ve|\s+have)?\s+wasted\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "Inexperienced management", "poor communication", "a dangerous decision", "our response was too slow": judging words aimed at people or their choices (at info).
    entries: ['hindsight-action'],
    pattern:
      /\b(?:inexperienced|incompetent|careless|sloppy|reckless|negligent|greedy|lazy|(?:under-?|un)(?:qualified|trained))\s+(?:(?:and|or)\s+(?:under-?|un)(?:qualified|trained)\s+)?(?:management|managers?|leadership|engineers?|developers?|devs|people|operators?|employees?|contractors?|technicians?|admins?|staff|workers?|interns?|bug\s+fixes|work|coding|implementation|engineering|decisions?)\b|\b(?:was|were|is|are)\s+(?:(?:grossly|fundamentally|criminally|simply|just)\s+)?negligent\b|\b(?:bad|poor|wrong|dangerous|hasty|reckless|questionable)\s+(?:decision[- ]making|decisions?|choices?|communication|coordination|planning)\b|\bour\s+(?:initial\s+)?(?:response|reaction)(?:\s+time)?\s+(?:to\s+[^.;]{1,40}?\s+)?(?:was|were)\s+(?:(?:far|much|way)\s+)?(?:too\s+)?(?:long|slow)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    entries: ['broke', 'possessive-mistake'],
    // "We disrupted most of our customers", "I let our users down", "we began failing our users' requests", "we let this happen", "should I have been more careful?": harm to those we serve, or the failure, told of ourselves (at info).
    pattern: compileRegExp(
      String.raw`\b(?:we|I)\s+(?:allowed|let|allow)\s+(?:this|that|it)\s+(?:to\s+)?happen\b|\b(?:could|should)\s+(?:I|we)\s+have\s+been\s+more\s+(?:careful|cautious|thorough|attentive|diligent|vigilant|rigorous|disciplined)\b|\b(?:we|I)(?:\s+(?:have|had)|['’](?:ve|d))?\s+(?:(?:then|also|badly|really|\w+ly)\s+)?(?:(?:annoyed|frustrated|inconvenienced|disrupted|failed|misled|confused|burned|locked\s+out)\s+(?:(?:most|many|all|some|half|the\s+majority|a\s+lot|thousands|hundreds)\s+of\s+)?|let\s+(?:down\s+)?|(?:[^.;]{0,60}?\s+and\s+)?(?:started|began)\s+(?:serving|returning|sending|showing)\s+(?:\S+\s+){0,2}?(?:errors|failures|500s|5xx|outages)\s+to\s+)(?:our|the|its|their)?\s*(?:customers|users|clients|validators|partners|subscribers|members|community|operators|developers|merchants)\b`,
      'gi',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    // "A contractor cut the fibre line", "a trucker knocked down a utility pole": a person's act that severed what carries power or traffic.
    entries: ['broke'],
    requires: /\b(?:cut|sever|slic|dug|plough|plow|took|knock|yank|ripp)/i,
    pattern: compileRegExp(
      String.raw`\b(?:cut|severed|sliced|dug\s+(?:up|through)|plowed\s+through|ploughed\s+through|took\s+out|knocked\s+(?:down|over)|yanked\s+down|ripped\s+out)\s+(?:(?:the|our|a|an|some|two|several|their|its|\p{N}+)\s+)?(?:[\w-]+\s+){0,2}?(?:fib(?:er|re)s?(?:\s+(?:optic\s+)?(?:lines?|cables?))?|(?:power|phone|electrical|feeder|utility|transmission|fib(?:er|re)(?:\s+optic)?)\s+(?:lines?|cables?)|cables?|(?:utility|power|telephone)\s+poles?|conduits?|transformers?)\b`,
      'giu',
    ),
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    entries: ['too-slow'],
    // "The testers were too hasty", "the on-call was careless with the keys": conduct judged, told of people; "the disks were too slow" names no one.
    pattern: /\b(?:was|were)\s+(?:\w+ly\s+)?(?:too\s+(?:hasty|careless|slow|eager|impatient|lax|sloppy|lazy|complacent|trusting)|careless|sloppy|lazy|complacent|negligent|reckless|overconfident)\b/gi,
    agent: 'person',
    kind: 'blame',
    explanation: slipExplanation,
  },
  {
    entries: ['too-slow', 'possessive-mistake'],
    // "We were too slow", "we were not monitoring closely enough" (or "sufficiently"), "we spent way too much time", "our review was looser than it needed to be";
    // "we let too many jobs in", "a call I now regret", "pardon us for the mess", "my own silly screw-up", "due to our lack of planning",
    // "our failover plan isn't what it should be", "undo my wrongdoings", "I'm notorious for breaking builds", "a faulty rule that we shipped", "I just got cocky";
    // "I assumed we could get away with it", "we work out what I did wrong", "boy, was I wrong", "we therefore take full accountability", "I've left everyone in the dark";
    // "for some reason we computed the checksum over the wrong file", "instead of restoring the replica, I instead started wiping it",
    // "we apologize ... and take full responsibility", "we intend to learn from this mistake", "I was guilty of skipping reviews",
    // "we were responsible for the outage", "the harm is entirely on us", "due to my actions", "that was a bad idea", "we planned it poorly";
    // "we regret that the checks were not run", "we apologise for this oversight": an apology for our own lapse; "the error" may be the system's.
    pattern: compileRegExp(
      String.raw`\b(?:I|we)\s+(?:am|was|were|are|['’]m|['’]re)\s+(?:also\s+|certainly\s+|definitely\s+)?guilty\s+of\b|\b(?:I|we)\s+(?:was|were)\s+(?:\w+ly\s+)?responsible\s+for\s+(?:the|this|that|our)\b|\b(?:is|was)\s+(?:completely|entirely|all|fully|squarely)\s+on\s+(?:us|me)\b|\b(?:due\s+to|because\s+of)\s+my\s+(?:own\s+)?actions\b|\b(?:this|that|it)\s+(?:was|is)\s+an?\s+(?:(?:terribly|really|very)\s+)?(?:bad|wrong|terrible|poor)\s+idea\b|\b(?:we|I)\s+\w+ed\s+(?:this\s+|it\s+|that\s+)?(?:badly|poorly)\b|\bfor\s+some\s+(?:odd\s+|strange\s+)?reason,?\s+(?:I|we)\s+(?:\w+ly\s+)?\w+ed\b|\binstead\s+of\s+\w+ing\b[^.;]{0,150}?\b(?:I|we)\s+(?:had\s+)?instead\s+\w+(?:ed|ted)\b|\b(?:mea\s+culpa|(?:figured|thought|assumed|believed|hoped|decided)\s+(?:that\s+)?(?:we|I)\s+(?:could|would)\s+get\s+away\s+with\b|what(?:ever)?\s+(?:we|I)\s+(?:did|had\s+done)\s+wrong\b|(?:boy|oh|man|wow),?\s+(?:was\s+I|were\s+we)\s+wrong\b|(?:we|I)\s+(?:just\s+|simply\s+)?(?:got|became|grew)\s+(?:a\s+bit\s+|too\s+|very\s+|so\s+)?(?:cocky|complacent|overconfident|lazy|sloppy|careless)\b|(?:an?|the)\s+(?:erroneous|faulty|bad|broken|buggy|incorrect)\s+(?:[\w-]+\s+){0,2}?(?:that|which)\s+(?:we|I)\s+(?:had\s+)?(?:released|shipped|deployed|pushed|introduced|rolled\s+out|merged)\b|(?:our|my)\s+(?:own\s+)?lack\s+of\s+(?:planning|preparation|preparedness|foresight|communication|coordination|attention|care|diligence|understanding|experience)\b|(?:our|my)\s+(?:[\w-]+\s+){1,2}(?:is|was|are|were)(?:n['’]t|\s+not)\s+what\s+(?:it|they)\s+should\s+(?:be|have\s+been)\b|(?:our|my)\s+wrongdoings?\b|^\W*(?:(?:while|when)\s+[^,]{1,80},\s*)?(?:(?:also|then|and)\s+)?(?:messed\s+up|screwed\s+up|forgot\s+(?:to|about)|(?:did\s+not|didn['’]t)\s+think\s+(?:about|of|through)|missed\s+(?:a\s+few|several|some|the|an?)\b|missed\s+[\p{L}-]+\s+[\p{L}-]+ing\b|never\s+(?:sent|checked|tested|told|updated|informed)\b)|(?:I|we)\s+(?:simply\s+|just\s+)?failed(?=\s*[.!]*\s*$)|(?:I|we)\s+let\s+(?:you|them|him|her|everyone|everybody|(?:our|my|the)\s+[\w-]+|users|customers)(?:\s+and\s+(?:my|our|the)\s+[\w-]+)?\s+down\b|(?:I|we)\s+(?:accidentally\s+)?(?:deleted|dropped|wiped|truncated|purged)\s+(?:[\w-]+\s+){0,3}(?:from|in|on)\s+(?:a|the|our)\s+production\b|(?:I|we)\s+had\s+(?:the|my|our)\s+[\w-]+\s+wrong\b|\b(?:change|fix|commit|patch|update|deploy(?:ment)?|migration|script|query)\s+(?:that\s+)?(?:I|we)\s+(?:had\s+|just\s+)?(?:pushed|deployed|shipped|merged|made|ran|rolled\s+out|released)\b[^.;]{0,100}?\b(?:caus(?:ed|ing)|broke|took\s+down|brought\s+down)\b|(?:I|we)(?:\s*['’]?ll|\s+will|\s+need\s+to|\s+must)\s+(?:try\s+to\s+)?be\s+(?:much\s+|a\s+lot\s+|a\s+bit\s+)?more\s+(?:careful|attentive|diligent|thorough)\b|(?:I|we)\s+(?:probably\s+|may\s+have\s+|might\s+have\s+)?failed\s+(?:in|at)\s+\w+ing\b|why\s+(?:didn['’]t|did\s+not|hadn['’]t|had\s+not)\s+(?:I|we)\b[^.;?]{1,80}?\b(?:earlier|sooner|in\s+the\s+first\s+place)\b|(?:we|I)\s+(?:\w+ly\s+)?tend\s+to\b[^.;]{0,60}?\b(?:overlook|forget|ignore|skip|neglect|rush)\b|(?:my|our)\s+decision\s+(?:\w+\s+){0,3}(?:foolish|stupid|dumb|silly|naive)\b|(?:first|second|third|biggest|real|main|other|next)\s+mistake\s+(?:was|is)\b[^.;]{0,60}?\b(?:I|we)\s+(?:\w+ly\s+)?(?:pushed|made|deployed|shipped|ran|did|wrote|merged|added|changed)\b|(?:is|was|are|were)(?:n['’]t|\s+not)\s+(?:really\s+)?(?:my|our)\s+strong\s+(?:suit|point)\b|(?:(?:we|I)\s+(?:am|are|was|were)|I['’]m|we['’]re)\s+notorious\s+for\b|(?:we|I)\s+(?:(?:also|fully|must|have\s+to)\s+)?(?:take|took|accept|accepted)\s+(?:the\s+|full\s+)?blame|(?:a|the)\s+fault\s+of\s+(?:our|my)\s+own|(?:(?:we|I)\s+(?:were|was|are|am|have been|had been)|we['’]re|I['’]m)\s+${hedge}(?:(?:just\s+)?being\s+)?(?:so\s+(?:\w+ly\s+)?)?(?:too\s+\w+|overzealous|careless|sloppy|lazy|complacent|negligent|hasty|smug|arrogant|overconfident|cocky|dismissive|silly|foolish|impatient|reckless|(?:blissfully\s+)?oblivious|so focused|(?:bad|terrible|awful|poor|not\s+(?:very\s+)?good)\s+at\s+\w+ing|inconsistent\s+in|not\s+(?!yet\b)(?:\w+\s+){0,4}(?:enough|sufficiently|adequately|thoroughly)|not\s+(?:ready|prepared)(?=\s*(?:[.,;!]|$)|\s+for\s+(?:this|it|that|such)\b))|(?:we|I)\s+(?:spent|took|wasted)\s+(?:\w+\s+){0,2}too\s+(?:much|long)|(?:we|I)\s+(?:had\s+)?waited\s+(?:\w+\s+)?too\s+long|(?:we|I)\s+(?:\w+ly\s+)?(?:rolled\s+out|deployed|shipped|released|pushed|migrated|upgraded|acted|moved|responded|reacted|escalated|switched)\b(?:\s+[\w%.-]+){0,6}?\s+too\s+(?:quickly|fast|early|soon|hastily|aggressively|eagerly|late|slowly)\b|(?:(?:we|I)|(?<=,\s*)(?:but|and))\s+(?:\w+ly\s+)?wasted\s+(?!(?:no|little|none)\b)(?:\w+\s+){0,2}(?:time|hours?|minutes?|days?|effort)\b|(?:we|I)\s+(?:allowed|let|accepted|admitted|invited|approved|scheduled|promised|took\s+on)\s+(?:\w+\s+)?too\s+(?:many|much)|(?:decision|choice|call|approach)\s+(?:that\s+|which\s+)?(?:we|I)\s+(?:now\s+|deeply\s+|really\s+|later\s+)?regret(?:ted)?|(?:we|I)\s+(?:now\s+|deeply\s+|really\s+)?regret\s+(?:not\s+)?(?:the\s+(?:decision|choice|oversight|mistake|error|omission)|\w+ing)\b|(?:we|I)\s+(?:\w+ly\s+)?regret\s+(?:\w+ly\s+)?that\s+[^.;]{0,100}?(?:\b(?:not|never)\b|n['’]t\b)|(?:(?:we|I)\s+(?:\w+ly\s+)?apologi[sz]e|(?:we|I)\s+(?:would\s+like\s+to\s+)?(?:express|offer)\s+(?:our|my)\s+(?:\w+\s+)?apologies|(?:we\s+are|I\s+am|we['’]re|I['’]m)\s+(?:\w+ly\s+)?sorry)\s+for\s+(?:(?:this|the|that|our|my|these|those)\s+(?:[\w-]+\s+)?(?:oversights?|mistakes?|lapses?|blunders?|carelessness|negligence|lack\s+of\s+communication|poor\s+communication|miscommunication)|(?:our|my)\s+(?:[\w-]+\s+)?errors?)\b|(?:(?:you|they|everyone)\s+)?(?:forgive|pardon|excuse)\s+(?:me|us)\s+for\s+(?:[\w'’-]+\s+){0,4}?(?:mistakes?|errors?|screw-?ups?|mess)|(?:our|my)\s+(?:own\s+)?(?:\w+\s+)?(?:fuck-?ups?|screw-?ups?|blunders?|goofs?|cock-?ups?)|took\s+(?:us|me)\s+(?:\w+\s+)?too\s+long|took\s+(?:us|me)\s+(?:much\s+|far\s+|a\s+lot\s+|way\s+)?longer\s+than\s+(?:(?:was\s+)?(?:needed|necessary)|it\s+should\s+have|(?:we|I)\s+should\s+have)|(?:outage|incident|fire|mess|downtime|breakage|frustration|trouble|pain|headaches?|disruption|damage|harm|chaos)\s+(?:that\s+)?(?:I|we)\s+(?:had\s+|have\s+)?caused\b|(?:we|I)\s+(?:\w+ly\s+)?did\s+(?:it|this|that)\s+wrong\b|\bbut\s+did\s+(?:it|this|that)\s+wrong\b|(?:we|I)\s+(?:somehow\s+|also\s+|then\s+)?managed\s+to\s+(?:break|delete|drop|wipe|take\s+down|knock\s+out|lose|skip|corrupt|overwrite|crash|brick|destroy|nuke)\b|(?:had|if)\s+(?:I|we)\s+(?:\w+ly\s+)?bothered\s+to\b|(?<!\b(?:before|after|since|until)\s)(?<!(?:\bnot|n['’]t|\bnever)\s+(?:(?:entirely|only|just|all|solely|really|wholly)\s+)?)(?:(?:our|my)\s+(?:own\s+)?(?:mistake|fault|error|oversight|failure|misunderstanding|misjudge?ment|negligence|carelessness)s?|your\s+(?:own\s+)?(?:mistake|fault))(?!\s+(?:tracker|tracking|budgets?|rates?|logs?|pages?|monitoring|reporting|handling|dashboards?|counts?|metrics?|alerts?|messages?|codes?))|on\s+(?:my|our)\s+part|(?:I|we)\s+(?:was|were)\s+(?:(?:also|simply|just|clearly|plainly)\s+)?wrong(?!\s+(?:about|that|to\s+(?:think|suspect|assume)))|(?:mistakes?|errors?|blunders?|slip-?ups?)\s+(?:that\s+|which\s+)?(?:I|we)\s+(?:had\s+|have\s+)?(?:made|committed|did(?=\s*(?:[.,;:!?]|$|\s+(?:in|on|at|during|while|when|here|there|yesterday|today|that|this|last|back)\b)))|own(?:ed|ing)?\s+(?:that|the|this|my|our)\s+(?:mistake|error)|(?:I|we)\s+(?:(?:therefore|also|hereby|fully|now)\s+)?(?:take|took|accept|are\s+taking|['’]re\s+taking)\s+(?:(?:full|complete|total)\s+)?(?:responsibility|accountability)|\b(?:we|I)\s+(?:\w+ly\s+)?(?:apologi[sz]e|regret)\b[^.;]{0,120}?\band\s+take\s+(?:(?:full|complete|total)\s+)?(?:responsibility|accountability)|(?:we|I)\b[^.;]{0,120}?\blearn(?:ing)?\s+from\s+(?:this|that)\s+(?:mistake|oversight|lapse|blunder)|(?:I|we)(?:['’]ve|\s+have)?\s+left\s+(?:everyone|everybody|you(?:\s+all)?|all\s+of\s+you|our\s+(?:users|customers|community)|users|customers)\s+in\s+the\s+dark|(?:we|I)\s+(?:had\s+|have\s+)?over-?(?:corrected|reacted|committed|promised|shot)|(?:we|I)\s+(?:(?:clearly|simply|really|badly)\s+)?failed\s+(?:at\s+(?:that|this|it)\b|(?:you|our\s+(?:users|customers|community))\b)|(?:our|my)\s+(?:[\w-]+\s+){1,5}(?:was|were)\s+(?:(?:more|less)\s+\w+|\w+er)\s+than\s+(?:it|they)\s+(?:needed|had|ought)\s+to\s+be)\b`,
      'gi',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: selfExplanation,
  },
  {
    entries: ['hindsight-prevent'],
    // "This was avoidable", "an easily preventable incident": hindsight that someone could have stopped it, with no one named (at info);
    // "Expired certificates are a frequent, preventable outage" speaks of a kind of failure, not of this one.
    requires: /avoidable|preventable/i,
    pattern: compileRegExp(
      String.raw`\b(?:was|were|been)\s+${hedge}(?:(?:entirely|totally|easily|largely)\s+)?(?:avoidable|preventable)\b|(?<!\b(?:is|are)\s+(?:an?\s+)?(?:common|frequent|typical|classic|familiar|well-known)(?:\s+and\s+|,\s*|\s+))\b(?:(?:completely|entirely|totally|easily|largely)\s+)?(?:avoidable|preventable)\s+(?:outages?|incidents?|failures?|mistakes?|errors?|downtime|problems?|issues?|accidents?|loss(?:es)?)\b`,
      'gi',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    entries: ['hindsight-action', 'human-error'],
    // Hindsight with no one named: "This should have been caught in review.", "should have been more careful", "could have been solved sooner", "sorry for allowing this to happen", "the mistake of waiting", "based on a misunderstanding of the docs", "obvious in retrospect" (where no other hindsight words say more, and no proposal follows: "in hindsight, the controller ought to alert sooner"). Not "ways this could have been avoided:", which leads in to the remedies.
    pattern: compileRegExp(
      String.raw`\b(?:should|ought to)\s+(?:have|'ve)\s+been\s+(?:put\s+)?in\s+place\b|\b(?:should|ought to)\s+(?:have|'ve)\s+been\s+(?:(?:fully|more|much\s+more|better)\s+)?(?:aware|careful|cautious|vigilant|ready|prepared)\b|\b(?:we|I|they|he|she)\s+(?:should|ought to)\s+(?:have|'ve)\s+been\s+(?:(?:much|far|a\s+lot|a\s+bit)\s+)?(?:clearer|more\s+(?:clear|transparent|explicit|forthcoming|upfront))\b|\b(?:mistakes?|errors?)\s+(?:that\s+)?(?:they|he|she)(?:['’]ve|\s+have|\s+had)?\s+made\b|\b(?:should|could)\s+(?:have|'ve)\s+been\s+(?:solved|fixed|resolved|restored|mitigated|handled|contained)\s+(?:\w+\s+){0,2}(?:sooner|earlier|faster|quicker)\b|\bsorry\s+for\s+(?:allowing|letting)\s+(?:this|that|it)\s+(?:to\s+)?happen\b|\b(?:the|a|our|my)\s+(?:\w+\s+)?mistake\s+of\s+[a-z]+ing\b|\b${notRemediesLeadIn}(?:should|ought to|could)\s+(?:have|'ve)\s+been\s+${hedge}(?:caught|checked|tested|reviewed|noticed|verified|validated|spotted|detected|prevented|avoided|escalated|flagged|raised|communicated|double-checked|planned|found|involved|informed|notified|consulted|coordinated|investigated|considered|identified|addressed|discovered)\b|(?<!\b(?:systems?|software|tools?|tooling|code|services?|machines?|automation|processes?|scripts?|jobs?|checks?|pipelines?)\s+(?:that|which)\s+)\bshould\s+(?:have|'ve)\s+(?:done|tried|waited|checked|tested|asked|coordinated|communicated|involved|included|staged)\b|\b${notRemediesLeadIn}could\s+(?:have\s+been|be)\s+${hedge}avoided\b|\bshould\s+(?:have\s+never|never\s+have)\s+(?:had|been|included|contained|shipped|merged|allowed)\b|\b(?:could|should)\s+(?:have|'ve)\s+been\s+(?:handled|done|managed|planned|run|communicated)\s+(?:\w+\s+)?better\b|\b(?:was|were)\s+wrongly\s+(?:estimated|assumed|judged|interpreted|communicated|announced)\b|\b(?:was|were|(?:turns?|turned)\s+out\s+to\s+be|proved(?:\s+to\s+be)?|ended\s+up\s+(?:being|as))\s+(?:an?\s+)?(?:(?:big|clear|serious|silly|stupid|inexcusable|careless|costly|grave|terrible|rookie|basic|catastrophic|critical)\s+)?(?:mistake(?!\s+in\s+(?:the|our|a|an|its|this)\s+(?:[\w-]+\s+){0,2}?(?:logic|code|script|function|query|implementation|parser|regex|config(?:uration)?|schema|template)\b)|error\s+(?:of|in)\s+judge?ment|bad\s+idea|poor\s+choice|risky\s+(?:bet|move|call|decision|choice|gamble))\b|\b(?:was|were)\s+(?:too|overly|far\s+too|a\s+bit\s+too|somewhat)\s+optimistic\b|\b(?:was|were)\s+(?:an?|our|my)\s+(?:[\w/'’-]+\s+){0,5}?mistake\b|\b(?:wrong|bad|poor)\s+(?:call|decision|judgement|judgment)\b|\b(?:decision|choice)\s+(?:was|were)\s+(?:not\s+(?:the\s+)?(?:right|correct|wise|best)(?:\s+one)?|wrong|a\s+(?:bad|poor|wrong)\s+one|unwise|misguided)\b|\berrors?\s+(?:in|of)\s+judge?ment\b|\bjudge?ment\s+errors?\b|(?<!\b(?:prevent|avoid|catch|stop|detect|guard\w*\s+against)\w*\s+(?:such\s+|similar\s+)?)\b(?:an?|major|two|several|significant|big|serious)\s+oversights?\b(?!\s+in\s+(?:the|our|its|this)\s+(?:code|logic|implementation|design|config\w*|schema|script|migration|library|protocol)\b)|\b(?:this|that|the|one)\s+(?:[\w-]+\s+){1,2}(?:oversight|omission)\b(?![^.;,]{0,40}\b(?:committees?|subcommittees?|boards?|councils?|bodies|body)\b)|\b(?:an?|this|that|one)\s+omission\b|\b(?:with\s+(?:the\s+)?benefit\s+of\s+hindsight|in\s+(?:hind-?sight|retrospect))\b(?![^.;]*\b(?:lucky|fortunate|luckily|fortunately)\b)(?![^.;]*\b(?:would|could|should)(?:\s+not|n['’]t)?\s+(?:have|'ve)\s+(?:\w+ed|caught|done|seen|known|taken|made|found|run|kept|told|written|shown|given|chosen|brought|thought|sent)\b)(?![^.;]*\b(?:ought\s+to|should|must|needs?\s+to)\s+(?!have\b|'ve\b)\w)|\b(?:significant|massive|big|huge)\s+(?:miss|fail)\b|(?<!\b(?:(?:chances?|risks?|possibility|likelihood|potential|room|scope|sources?)\s+of|(?:free|frees|freed|freeing|protect\w*|shield\w*|guard\w*|safe|immune|insulated)\s+(?:[\w-]+\s+){0,2}?(?:from|against)|prevent\w*|avoid\w*|reduc\w*|eliminat\w*|minimi[sz]\w*|remov\w*|mitigat\w*|less|fewer|lower)\s+(?:(?!the\s+(?:human|operator|contractor|developer|engineer|technician|employee|staff|staffer|pilot)\b)[\w-]+\s+){0,3})\b(?:human|operator|contractor|developer|engineer|technician|employee|staff|staffer|pilot)\s+(?:errors?|gaffes?|blunders?)\b|\b(?:human|operator|engineer|developer|user)-(?:driven|caused|induced|initiated)\s+(?:[\w-]+\s+)?(?:errors?|mistakes?|misconfigurations?)\b|\brookie\s+(?:move|mistake|error)s?\b|\bcould,?\s+and\s+should\s+have,?\s+(?:done|been)\b|\b(?:person|guy|one|people|party)\s+to\s+blame\s+(?:is|was|are|were)\b|\bknew\s+full\s+well\b|\bthere(?:\s+(?:is|was)|['’]s)\s+no\s+excuse\s+for\b|\b(?:an?\s+)?(?:error|mistake)s?\s+(?:was|were)\s+made\b|\b(?:based\s+on|due\s+to|because\s+of)\s+(?:a|an|our|my)\s+(?:\w+\s+)?misunderstanding\s+of\b`,
      'gi',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    entries: ['hindsight-action'],
    // Hindsight in the passive, no one named: "the severity was underestimated", "the implications had not been thought
    // through", "the handover could have been more coordinated", "there could have been load tests".
    pattern: compileRegExp(
      String.raw`\b(?:was|were|been)\s+(?:\w+ly\s+)*underestimated\b(?!\s+by\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+)?(?:model|system|tool|algorithm|estimator|scheduler|planner|autoscaler|optimi[sz]er|forecast|heuristic)s?\b)|\bnot\s+(?:been\s+)?(?:\w+ly\s+)?thought\s+through\b|\b(?:could|should)\s+(?:have|'ve)\s+been\s+(?:(?:much|far|a\s+lot|a\s+bit)\s+)?more\s+(?:collaborative|careful|thorough|coordinated|organi[sz]ed|systematic|proactive|rigorous|cautious|communicative)\b|\bshould(?:\s+not|n['’]t)\s+(?:have|'ve)\s+been\s+(?:re)?(?:used|shared|allowed|deployed|merged|enabled|granted|given|approved)\b|\bthere\s+(?:could|should)\s+(?:have|'ve)\s+been\s+(?!no\b)(?:\w+\s+){0,2}(?:checks?|tests?|reviews?|testing|validation)\b`,
      'gi',
    ),
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
  {
    entries: ['hindsight-would', 'if-person-had-would'],
    // "had we kept it patched, this would not have happened"; "Checking with the owner first would have saved time."
    pattern: /(?:(?:\bwould(?:\s+not|n['’]t)?|['’]d)\s+(?:have|'ve)|\bwould(?:n['’]t)?['’]ve)\s+(?:happened|occurred|saved|caught|prevented|avoided|helped|mitigated)\b/gi,
    agent: 'none',
    kind: 'hindsight',
    explanation: hindsightExplanation,
  },
];

/** The counterfactual is about people only when people are in it: "had we", "if I had", "if there had been more testing", or a human act as subject. */
const humanCounterfactual = /\b(?:had\s+(?:we|I|they)|if\s+(?:we|I|they)(?:['’]d|\s+had)?|if\s+(?:someone|anyone|somebody|anybody)\s+had|if\s+there\s+(?:had\s+been|was|were)\s+(?:more|better|proper|enough|adequate|sufficient|any)\s+(?:\w+\s+)?(?:testing|review|checks?|checking|care|caution|communication|coordination|planning|oversight|attention))\b/i;
/** "Asking the owner first would have saved time", "running the soak test would've caught it": a human act as the subject, judged by what it would have saved or caught. */
const actSubjectSaved = /^\W*(?:in\s+hindsight,?\s+)?(?:\p{L}+ing|better|more|earlier|closer|proper)\b[^,;]*\bwould(?:\s+(?:have|'ve)|['’]ve)\s+(?:saved|caught|prevented|avoided|mitigated)\b/iu;

/** Denials and exonerations: "this was not a user error", "no one is to blame", "a collective failure, not an individual one", "in no way was this your fault", "if we had shipped it a day early it wouldn't have helped". */
export const denial =
  /^\s*not\s+that\b|\b(?:accident|mistake|disaster|failure|outage|incident)\s+waiting\s+to\s+happen\b|\b(?:not|n['’]t|never|no),?\s+(?:(?:really|simply|just|necessarily|merely|only|at\s+all)\s+)?(?:(?:an?|the|any)\s+)?(?:(?:user|human|operator|individual|personal|people|person|one['’]s|anyone['’]s|his|her|their|our|my|your)\s+)?(?:error|mistake|fault|incompetence|negligence|carelessness)\b|\brather\s+than\s+(?:(?:any|some)\s+(?:kind|sort)\s+of\s+|an?\s+)?(?:user|human|operator|people|personal)\s+(?:error|mistake|fault)\b|\b(?:not|no one|nobody)\s+(?:is\s+|was\s+)?to blame\b|\bnever\s+(?:\w+\s+){0,2}blame\b|\bnot\s+(?:about\s+)?blam(?:e|ing)\b|\bnobody['’]s fault\b|\bnone\s+of\s+(?:which|these|those|them|this|it)\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:the\s+)?fault\b|\b(?:is|was|were|are)\s+not\s+(?:that|because)\b|\b(?:did not|didn['’]t|never)\s[^;.]*;\s*(?:it|this|that)\s+(?:came|was|originated|happened)\b|\bnot\s+an?\s+(?:individual|personal)\s+(?:one|failure|mistake|error|fault)\b|\bin\s+no\s+way\b|\beven\s+if\s+(?:we|I|they|you|he|she|someone|anyone|somebody|anybody)\s+had\b[^.;]{0,120}?\b(?:would|could)(?:\s+not|n['’]t)\b|\bif\s+(?:we|I|they|you|he|she|someone|anyone)\s+had\b[^.;]{0,100}?\b(?:would(?:\s+not|n['’]t)|could(?:\s+not|n['’]t))\s+(?:have|'ve)\s+(?:helped|mattered|made\s+(?:a|any|much\s+of\s+a)\s+difference|changed\s+(?:anything|much|the\s+outcome)|prevented\s+(?:it|this|that))\b|\b(?:would(?:\s+not|n['’]t)|could(?:\s+not|n['’]t))\s+(?:have|'ve)\s+(?:helped|mattered|made\s+(?:a|any|much\s+of\s+a)\s+difference|changed\s+(?:anything|much|the\s+outcome)|prevented\s+(?:it|this|that))\s+(?:even\s+)?if\s+(?:we|I|they|you|he|she|someone|anyone)\s+had\b/i;
/** Mistakes talked about in general: "30 percent of outages come down to human error", "any system with people in it will meet human error", "how we learn from our mistakes", "thinking about human error", "operator error is never a root cause", "human error will always be a risk", "everyone breaks something sometime", "blaming the person who made the mistake", "a lead singling out whoever slipped up", "blaming the outage simply on human error", "sometimes human error cascades", "unless a human mistake is made". */
export const mistakesInGeneral = /\b(?:people|humans|we\s+all|everyone|everybody)\s+(?:(?:often|usually|always)\s+)?tend\s+to\b|\b(?:any|every)\s+(?:system|process|organi[sz]ation|team|company)\b[^.;]{0,80}\b(?:human|operator)\s+errors?\b|\b\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+of\s+(?:all\s+)?(?:outages|incidents|breaches|failures|downtime|data\s+loss)\b[^.;]{0,40}\bhuman\s+errors?\b|\b(?:onto|blam(?:e|ing)|point(?:s|ed|ing)?(?:\s+(?:fingers|the\s+finger))?(?:\s+(?:at|out|to))?)\s+(?:\w+\s+){0,2}?(?:the|an?)\s+(?:person|individual|people|one)\s+(?:that|who)\s+(?:made|makes|make)\s+(?:a|the)\s+(?:mistake|error)s?\b|\blearn(?:s|ed|t|ing)?\s+from\s+(?:(?:our|my|their|past|these|those)\s+)?mistakes\b|\b(?:read|reading|talk|talking|write|writing|think|thinking)\s+about\s+human\s+errors?\b|["“]?\b(?:human|operator|user|pilot|contractor|engineer|developer)\s+errors?["”]?\s+(?:is|are)\s+(?:never|not|rarely|seldom|no)\b|\bhuman\s+errors?\s+(?:will\s+always\s+be|(?:is|are)\s+(?:always|inevitable|unavoidable))\b|\bif\s+(?:this|it|that)\s+(?:was|is|were)\s+(?:an?\s+)?human\s+error\b|\b(?:everybody|everyone)\s+(?:breaks|makes|has\s+made|will\s+make|messes\s+up|screws\s+up)\s+(?:\w+\s+){0,2}?(?:something|mistakes?|errors?|production|prod)\b|\bblam(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,6}?(?:simply|solely|just|only|purely|entirely)\s+on\s+(?:\w+\s+)?(?:human|operator|user|staff)\s+(?:errors?|mistakes?)\b|\b(?:sometimes|often|usually|always|inevitably|occasionally)\b,?\s+(?:an?\s+)?(?:human|operator|user)\s+(?:errors?|mistakes?)\b|\bunless\s+(?:an?\s+|some\s+)?(?:human|operator|user)\s+(?:errors?|mistakes?)\b|\bscapegoats?\s+for\s+(?:\w+\s+)?(?:errors?|mistakes?)\b|\b(?:human|operator|user)\s+errors?\b[^.;]{0,80}\bcan\s+(?:all\s+|also\s+|each\s+)?(?:cause|lead\s+to|result\s+in)\b/i;
/** Praise: "the engineer who triggered it was the first to spot the problem", "a culture where we are quick to own our mistakes", "we want to own up to our mistakes". */
export const praise = /\b(?:thanks? to|kudos|great (?:job|work)|well done|first to (?:spot|notice|report|catch|flag)|quick(?:ly)? to (?:spot|notice|respond|identify|react|own|admit|acknowledge)|(?:want|wants|try|tries|aim|aims|strive|strives|need|needs|will|commit|commits)\s+to\b[^.;]{0,60}\bown\s+up)\b/i;

/** A hedge in the writer's voice: "as far as I can tell", "as far as we know". */
export const writerHedge = /\bas\s+far\s+as\s+(?:I|we)\s+(?:can\s+(?:tell|see)|know|could\s+(?:tell|see)|knew)\b/gi;

/** A present-tense copula: "is", "are", "am", "I'm", "we're". */
const presentCopula = /\b(?:is|are|am)\b|['’](?:m|re)\b/i;

/** Where a clause ends: the predicate's subject is read back to the last of these. */
const clauseBreak = /[,;:()–—]|\s-\s|\b(?:and|but|so|because|since|while|when|after|before|although|though|whereas|which|that|who)\s/gi;

/** Blame read from the sentence's clauses, or undefined; `text` is one sentence. */
export function findClauseBlame(source: string, context: ClauseContext): ClauseBlame | undefined {
  if (denial.test(source) || praise.test(source) || mistakesInGeneral.test(source)) return undefined;
  // "As far as I can tell, the host ...": the writer who hedges is no agent of what follows; blanked, offsets kept.
  const text = source.replace(writerHedge, (hedge) => ' '.repeat(hedge.length));
  for (const [index, shape] of shapes.entries()) {
    if ((context.inTimeline && shape !== shapes[0] && !shape.inTimeline) || !shape.entries.every(context.isEnabled)) continue;
    if (shape.requires && !shape.requires.test(text)) continue;
    const pattern = context.roles.shapePatterns[index];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const predicate = { start: match.index, end: match.index + match[0].length };
      const found = judge(text, predicate, shape, context);
      if (found) return found;
    }
  }
  return undefined;
}

function judge(text: string, predicate: Span, shape: PredicateShape, context: ClauseContext): ClauseBlame | undefined {
  if (shape.agent === 'by') return byAgent(text, predicate, shape, context);
  if (shape === shapes[shapes.length - 1] && !humanCounterfactual.test(text) && !actSubjectSaved.test(text)) return undefined;
  // "were ignored": a passive verb has no agent before it.
  if (shape.agent === 'person' && /\b(?:was|were|been|be|being|is|are)\s+$/i.test(text.slice(0, predicate.start)) && !/^\p{L}+ing\b/u.test(text.slice(predicate.start))) return undefined;
  // "People will misread dashboards": a general claim or a plan, not something someone did.
  // "The contractors seemed to be messing up every migration" tells of conduct seen again and again, not a plan.
  const before = text.slice(0, predicate.start);
  // "headed to lunch without checking": "to" after a verb of motion names a place, not a plan.
  if (shape.kind === 'blame' && /\b(?:will|would|can|could|may|might|must|should|shall|to)\s+(?:\w+\s+)?$/i.test(before) && !/\b(?:seem|seems|seemed|appeared|tended|used)\s+to\s+(?:be\s+)?$/i.test(before) && !/\b(?:went|go|goes|going|gone|came|come|headed|got)\s+to\s+\w+\s+$/i.test(before)) return undefined;
  const clauseStart = lastClauseStart(text, predicate.start);
  if (!acceptsContext(text, clauseStart, predicate, shape)) return undefined;
  // "We might for instance rotate the token inadvertently": a slip that might happen, not one that did.
  if (shape === shapes[0] && /\b(?:could|might|may|can|would)\b/i.test(text.slice(clauseStart, predicate.start))) return undefined;
  // "some people who were working nearby accidentally unplugged it": the subject of a relative clause's verb comes before "who".
  // "the team that added the worker was not aware": "that" after a role stands for the people, as "who" does; "we told the vendor that ..." says what they were told.
  const beforeClause = text.slice(0, clauseStart);
  const toldThat = /\b(?:told|tell|tells|informed|inform|notified|notify|warned|warn|reminded|remind|assured|assure|convinced|showed|show|asked|ask)\s+(?:\S+\s+){0,3}that\s$/i.test(beforeClause);
  const thatAfterRole = !toldThat && context.roles.test.test(/(\S+)\s+that\s$/i.exec(beforeClause)?.[1] ?? '');
  const relative = /\bwho\s$/i.test(beforeClause) || thatAfterRole;
  // "people who could have helped were unaware": the ones left out of the loop, named by the help they could give, are no actors of the failure.
  if (relative && /^\s*(?:could|would|might|can)\s+(?:have\s+)?(?:helped|help|assisted|assist)\b/i.test(text.slice(clauseStart, predicate.start))) return undefined;
  const organisations = shape.organisations === true;
  const reported = reportedThat.test(beforeClause);
  // "We kept a cron job that stopped running": the subject of a relative clause after "that" or "which" is the thing before it, not the main clause's subject.
  const relativeOnThing = /\b(?:that|which)\s$/i.test(beforeClause) && !thatAfterRole;
  // "An engineer took the site down after accidentally unplugging ...": a gerund adjunct's act is the main clause subject's.
  const gerundAdjunct = shape === shapes[0] && /\b(?:after|before|while|when|by)\s+$/i.test(text.slice(0, predicate.start)) && /^\s*$/.test(text.slice(clauseStart, predicate.start)) && /^\s+\p{L}+ing\b/u.test(text.slice(predicate.end));
  if (shape.humanOnly && !context.theyIsPerson) context = { ...context, theyIsPerson: true };
  const person =
    (gerundAdjunct ? agentOf(text, 0, clauseStart, context, { organisations }) : undefined) ??
    agentOf(text, clauseStart, predicate.start, context, { organisations }) ??
    (reported || relativeOnThing || hasOwnSubject(text.slice(clauseStart, predicate.start)) ? undefined : agentOf(text, previousClauseStart(text, clauseStart, predicate.start), clauseStart, context, { onlyPronoun: !relative, organisations })) ??
    (beliefParticiple.test(text.slice(predicate.start)) && /,\s*$/.test(text.slice(0, predicate.start)) ? agentOf(text, 0, Math.min(predicate.start, 60), context) : undefined) ??
    // "Unintentionally, I wiped the bucket": a fault adverb that opens the sentence tells of the subject after the comma.
    (shape === shapes[0] && /^\W*$/.test(text.slice(0, predicate.start)) && /^\s*,/.test(text.slice(predicate.end)) ? agentOf(text, predicate.end, Math.min(text.length, predicate.end + 30), context, { onlyPronoun: true }) : undefined) ??
    (reported || relativeOnThing ? undefined : appositiveAgent(text, clauseStart, context, organisations));
  // "an upgrade changed how we handle duplicates and introduced a bug": the subject of a "how" clause before is not the actor.
  if (person && person.end <= clauseStart && /\b(?:how|what|where|why|whether)\s+$/i.test(text.slice(0, person.start))) return undefined;
  // "we saw the job failed to start": what the person saw or found has a subject of its own;
  // "saw the warning and didn't think to escalate", "spotted it, but wasted an hour": a second verb of the same person is still theirs.
  if (person && person.end <= predicate.start && perceivedClause.test(text.slice(person.end, predicate.start)) && !/[,;:]|\b(?:and|but|then)\b/i.test(text.slice(person.end, predicate.start))) return undefined;
  const base = { predicate, explanation: shape.explanation, ownConduct: shape.explanation === selfExplanation };
  if (shape === shapes[0] && luckyAct.test(text.slice(clauseStart, predicate.start))) return undefined;
  // "keeps users from accidentally deleting a project": what a safeguard would prevent, not an act that happened.
  if (shape === shapes[0] && /\bfrom\s+$/i.test(text.slice(clauseStart, predicate.start))) return undefined;
  // "Jenkins had failed to push": a capitalised word the tagger takes for a name is often software; only roles, handles and pronouns count here.
  // "Elan incorrectly processed the batch": "incorrectly" and "improperly" tell of software as often as of people, so they too need a role, a handle or a pronoun.
  const softwareAdverb = shape === shapes[0] && /^(?:incorrectly|improperly)\b/i.test(text.slice(predicate.start));
  if (person && (shape.agent === 'named' || softwareAdverb) && !/^(?:@|we$|I$|he$|she$)/i.test(text.slice(person.start, person.end)) && !context.roles.test.test(text.slice(person.start, person.end))) return undefined;
  // "You skipped the checklist": the addressed reader's slip; "things you did not think of" and "if you forget to ..." speak of anyone.
  if (person && /^you$/i.test(text.slice(person.start, person.end)) && (shape !== lapseShape || /\b(?:if|when|whenever|unless|once|until|in\s+case)\b/i.test(text.slice(0, predicate.start)))) return undefined;
  // "validators with the wrong binary were asked to restart": what the people had, not an act of theirs.
  if (person && shape === wrongThing && /^\s+with\s+$/i.test(text.slice(person.end, predicate.start))) return undefined;
  if (person) {
    const self = /^(?:we|I)$/i.test(text.slice(person.start, person.end));
    const kind = self || shape.kind === 'hindsight' ? 'hindsight' : 'blame';
    return { ...base, kind, person, span: { start: Math.min(person.start, predicate.start), end: Math.max(person.end, predicate.end) }, ownConduct: base.ownConduct || self };
  }
  if (shape.agent === 'person' || shape.agent === 'named') return undefined;
  // "No alerts were missed": a negated subject denies the lapse.
  if (shape !== shapes[shapes.length - 1] && /^\W*(?:no|nothing|none|nobody|no one)\b/i.test(text.slice(clauseStart, predicate.start))) return undefined;
  // "was erroneously rejecting tokens": a progressive tells what the subject was doing, so it is no passive with someone behind it.
  const progressive = /^\s+\p{L}+ing\b/u.test(text.slice(predicate.end));
  // "customers who were erroneously over-credited": the people are what the error was done to, not who did it.
  const peopleAsPatients = /\bwho\s+(?:were|was|had\s+been|have\s+been|got)\s+$/i.test(text.slice(0, predicate.start));
  if (shape.agent === 'passive' && (reported || progressive || peopleAsPatients || machineActor.test(text) || !(passiveFault.test(text.slice(predicate.start, predicate.end)) && /\b(?:was|were|been|being|got)\b/i.test(text.slice(clauseStart, predicate.start))))) return undefined;
  // "The wiki was in error": a state the thing was in, not an act done by mistake ("was deleted in error").
  if (/^(?:in error|by mistake|by accident)$/i.test(text.slice(predicate.start, predicate.end)) && copulaBefore.test(text.slice(clauseStart, predicate.start))) return undefined;
  return { ...base, kind: 'hindsight', span: predicate };
}

/** "noticed the wrong version", "caused errors to go unnoticed", "blocks were missed": the words are there, but no one erred. */
function acceptsContext(text: string, clauseStart: number, predicate: Span, shape: PredicateShape): boolean {
  const before = text.slice(clauseStart, predicate.start);
  // "None, because we did not deploy it": an answer to a field, not an omission.
  if (shape.explanation === selfExplanation && /^\W*(?:none|no|n\/a)\b/i.test(text)) return false;
  // "we were not aware of the new quota at the time": what someone knew then is what a blameless review records.
  if (/aware/i.test(text.slice(predicate.start, predicate.end)) && /\bat\s+the\s+time\b/i.test(text.slice(predicate.end))) return false;
  // "the retry logic wrongly assumed ...": software that assumed wrongly has a bug; no person judged.
  if (/assum/i.test(text.slice(predicate.start, predicate.end)) && /\b(?:code|function|contract|script|logic|implementation|library|parser|program|algorithm|module|client|check)\s+$/i.test(before)) return false;
  if (notKnownYet(text.slice(predicate.start, predicate.end), text.slice(predicate.end))) return false;
  // "we did not replace the contract without a fix": a step held back until it was safe, the care taken.
  if (/\b(?:did\s+not|didn['’]t)\b/i.test(text.slice(predicate.start, predicate.end)) && /^[^.;,]{0,60}\bwithout\b/i.test(text.slice(predicate.end))) return false;
  // "She is not aware of any other failures", "we are unaware of other affected users": what someone knows of now reports that nothing was found.
  if (/aware/i.test(text.slice(predicate.start, predicate.end)) && presentCopula.test(text.slice(Math.max(clauseStart, predicate.start - 12), predicate.end))) return false;
  // "I'm too tired to dig into it right now": a first-person status note, not a judgement of what was done.
  if (shape.explanation === selfExplanation && presentCopula.test(text.slice(predicate.start, predicate.end)) && /\b(?:right\s+now|at\s+the\s+moment|for\s+now|currently)\b/i.test(text.slice(predicate.end))) return false;
  if (omittedForAReason(text.slice(0, predicate.start), text.slice(predicate.start, predicate.end), text.slice(predicate.end))) return false;
  // "People will run a command in the wrong terminal": a general claim, not an act.
  if (shape === wrongThing && /\b(?:will|would|can|could|may|might|must|should)\b/i.test(before)) return false;
  // "We rolled back, thinking the deploy was the cause", "we thought the cache was the culprit": a hypothesis of the response, not a belief that led to harm.
  // "the first change we thought would help": a fix tried during the response, not a belief that did harm.
  // "we assumed the proxy was at fault and began tracing it": the hypothesis the responders worked from.
  if ((shape === beliefShape || shape === assumedShape) && /^[^.;]*\band\s+(?:started|began|went\s+on)\s+(?:to\s+)?(?:debug|investigat|look|check|dig|test|restart|roll|trac)/i.test(text.slice(predicate.end))) return false;
  if ((shape === beliefShape || shape === assumedShape) && (/^[^,;:.]*\b(?:cause|culprit|trigger|problem|issue|responsible)\b/i.test(text.slice(predicate.end)) || /^\p{L}+\s+(?:that\s+)?(?:\p{L}+\s+){0,2}(?:would|might|could)\s+(?:\p{L}+\s+)?(?:solve|fix|help|work|resolve|mitigate|stop|address)\b/iu.test(text.slice(predicate.start)))) return false;
  if (shape === wrongThing && /\b(?:notic|saw|see|found|find|realiz|realis|spott|identif|discover|confirm|fix|replac|remov|revert|detect|report|flag|investigat|determin|show|point)\w*\s+(?:that\s+)?(?:\S+\s+){0,3}$/i.test(before)) return false;
  if (shape.entries.includes('missed-signal') && shape.agent === 'none') {
    // "missed in the noise", "not noticed or flagged", "the first signal came from customers": the sentence already puts it on the signals.
    if (/\bnois[ey]\b|\btoo many alerts\b|\bsignals?\b|\bmonitor(?:s|ing|ed)?\b|\bdashboards?\b|\bgraph(?:s|ed)?\b/i.test(text) || /^\s+or\s+(?:flagged|alerted|detected|reported)\b/i.test(text.slice(predicate.end))) return false;
    // "caused errors to go unnoticed"; "the SLO (99.9%) was missed", where the subject may sit before a parenthesis.
    if (/\b(?:caus|allow|let|made|make|lett)\w*\b/i.test(before)) return false;
    return !/\b(?:deadlines?|targets?|SLOs?|SLAs?|windows?|goals?|heartbeats?|packets?|blocks?|slots?|messages?|events?|attestations?|runs?|jobs?|backups?|polls?|renewals?|ticks?)\b/i.test(text.slice(Math.max(0, predicate.start - 60), predicate.start));
  }
  return true;
}

/** "the on-call engineer", "one of the engineers": the person's noun phrase starts at its determiner. */
function nounPhraseStart(text: string, head: number, from: number): number {
  const determiner = /\b(?:the|a|an|our|their|this|that|(?:one|some|two|several|all|most|none) of (?:the|our|their))\s+(?:[\w-]+\s+){0,2}$/i.exec(text.slice(from, head));
  return determiner ? from + determiner.index : head;
}

/** The passive's agent must be a person right after "by": "merged by Sam Reyes", not "deleted by the cleanup job". */
function byAgent(text: string, predicate: Span, shape: PredicateShape, context: ClauseContext): ClauseBlame | undefined {
  const rest = text.slice(predicate.end);
  const agent = /^(?:(?:the|an?|our|one of (?:the|our|an?))\s+)?(?:[\w-]+\s+){0,4}/.exec(rest)?.[0] ?? '';
  const person = agentOf(text, predicate.end, predicate.end + Math.min(rest.length, agent.length + 30), context, { afterBy: true });
  if (!person || person.start > predicate.end + agent.length) return undefined;
  return { kind: shape.kind, predicate, person, span: { start: predicate.start, end: person.end }, explanation: shape.explanation };
}

/** The clause before the one at `clauseStart`; when the predicate opens its clause with no subject ("We rolled back first, but did not wait"), passing over a bare conjunction to the subject before the comma. */
/**
 * "An engineer, troubleshooting a failed link, changed the wrong port": the subject stands before an aside that opens
 * on a participle, and the clause after the aside begins with its verb.
 */
function appositiveAgent(text: string, clauseStart: number, context: ClauseContext, organisations: boolean): Span | undefined {
  if (clauseStart === 0 || /^\s*(?:the|a|an|this|that|these|those|it|its|they|he|she|we|I|you|there)\b/i.test(text.slice(clauseStart))) return undefined;
  const aside = lastClauseStart(text, clauseStart - 1);
  if (aside === 0 || !/^\s*\p{L}+ing\b/u.test(text.slice(aside, clauseStart))) return undefined;
  const person = agentOf(text, lastClauseStart(text, aside - 1), aside, context, { organisations });
  return person && /^\s*,\s*$/.test(text.slice(person.end, aside)) ? person : undefined;
}

function previousClauseStart(text: string, clauseStart: number, predicateStart: number): number {
  const start = lastClauseStart(text, clauseStart - 1);
  const subjectElided = /^\s*$/.test(text.slice(clauseStart, predicateStart)) && !/^(?:we|I|he|she|they|you)\b/i.test(text.slice(predicateStart));
  return start > 0 && subjectElided && /^\W*(?:and|but|so)?\s*$/i.test(text.slice(start, clauseStart)) ? lastClauseStart(text, start - 1) : start;
}

/** "We lost two links, the routing messed up": the clause opens on a noun phrase of its own, so the one before is not its actor ("Had we pinned it, this would ..." still is). */
function hasOwnSubject(clause: string): boolean {
  return /^\s*(?:(?:the|a|an|some|its|their|his|her)\s|[\p{L}-]+\s+(?:seemed|seems|appeared|appears|looked|looks|was|were|got)\b)/iu.test(clause);
}

function lastClauseStart(text: string, before: number): number {
  let start = 0;
  clauseBreak.lastIndex = 0;
  for (let match = clauseBreak.exec(text); match && match.index < before; match = clauseBreak.exec(text)) {
    if (match.index + match[0].length <= before) start = match.index + match[0].length;
  }
  return start;
}

interface PersonSearch {
  /** Only a pronoun or a known name: the clause before a relative one. */
  onlyPronoun?: boolean;
  /** The person follows "by", where a preposition before it is expected. */
  afterBy?: boolean;
  /** Any capitalised word or acronym opening the clause is the actor: an organisation or a person the tagger does not know. */
  organisations?: boolean;
}

/** The person acting in `from`..`to`: a pronoun, handle, role or a name the tagger knows; not the object of a preposition. */
const thingHead = /^\s+(?:[\p{L}-]+\s+)?(?:tool|tools|tooling|panel|portal|console|script|scripts|dashboard|software|interface|bot|app|application|pipeline|automation|workflow|plugin|integration|cli|api)\b/iu;

/** "the vendor management tool", "the admin console": what follows a role word makes it qualify a thing, the head of the noun phrase. */
export function qualifiesThing(after: string): boolean {
  return thingHead.test(after);
}

function agentOf(text: string, from: number, to: number, context: ClauseContext, search: PersonSearch = {}): Span | undefined {
  const { onlyPronoun = false, afterBy = false, organisations = false } = search;
  if (from < 0 || from >= to) return undefined;
  const window = text.slice(from, to);
  const known = [...window.matchAll(/[\p{L}\d._-]+/gu)].filter(([word]) => context.isKnownPerson(word));
  const found = [...window.matchAll(casedPersonPattern), ...known, ...window.matchAll(context.roles.pattern)].sort((a, b) => a.index - b.index);
  for (const match of found) {
    const groups = match.groups ?? {};
    const start = from + match.index;
    const before = text.slice(Math.max(0, start - 12), start);
    // "of the engineers" is a prepositional object, but "most of the engineers" names them.
    const partOfGroup = /\b(?:one|most|some|all|many|several|each|both|few|half|two|three)\s+of\s+(?:the\s+|our\s+|their\s+)?$/i.test(before);
    if (!afterBy && !partOfGroup && /\b(?:by|with|to|for|from|of|at|on|about|against|told|asked|gave|give|informed|notify|notified)\s+(?:the\s+|our\s+|an?\s+)?$/i.test(before)) continue;
    const opensClause = /^[\s*_"“(]*(?:the\s+)?$/i.test(text.slice(from, start));
    // An organisation is read only right before the predicate ("Initech never told"), not "Our deploy tool did not test".
    const organisation = organisations && opensClause && /^\s+(?:(?:also|still|then|simply|just|have|has|had|\p{L}+ly)\s+)*$/iu.test(`${text.slice(start + match[0].length, to)} `);
    // "Several people saw the warning and did not escalate": a role opening the clause before stays the subject.
    const roleSubject = /^[\s*_"“(]*(?:(?:the|a|an|our|their|some|several|multiple|many|two|three|both|all|one of (?:the|our))\s+)?(?:[a-z-]+\s+)?$/i.test(text.slice(from, start)) && !groups.pronoun && !groups.handle && !groups.name && !groups.org;
    if (onlyPronoun && !groups.pronoun && !known.includes(match) && !roleSubject) continue;
    if (groups.org && (!organisation || techAcronym.test(groups.org))) continue;
    // "You never notice ...", "It did not ...": a capitalised pronoun opening the clause is no organisation.
    if (groups.name && pronounLike.test(groups.name)) continue;
    if (groups.name && !organisation && !context.isKnownPerson(groups.name) && !context.isPersonName(groups.name)) continue;
    if (groups.pronoun && /^they$/i.test(match[0]) && !context.theyIsPerson) continue;
    if (!groups.name && !groups.pronoun && !groups.handle && softwareLikeRole.test(match[0]) && !determinerBefore.test(text.slice(0, start))) continue;
    if ((groups.name || groups.org) && /^['’]s\b/.test(text.slice(start + match[0].length))) continue;
    if (!groups.pronoun && !groups.handle && qualifiesThing(text.slice(start + match[0].length))) continue;
    return { start: groups.pronoun || groups.handle ? start : nounPhraseStart(text, start, from), end: start + match[0].length };
  }
  return undefined;
}
