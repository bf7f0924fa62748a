// When no rewrite can be trusted: the questions a blameless review asks, in place of the sentence, as a snippet the writer fills in.
import { escapeSnippet } from '../../text';
import type { AnalysisCache } from '../../cache';
import { bare, isBeContraction, isFiniteVerb, modals, tagTerms, verbForms, type TaggedTerm } from './tagged';
import { foolishWords } from './words';

export interface Reframe {
  title: string;
  /** Plain text, for editors without snippets. */
  text: string;
  /** VS Code snippet syntax: each question is a tab stop the writer replaces with the answer. */
  snippet: string;
}

/** What the sentence says happened, which decides the questions that fit it; `none` when no questions fit. */
export type ReframeShape = 'none' | 'communication' | 'failure' | 'pressure' | 'state' | 'priorities' | 'judgement' | 'choice' | 'signal' | 'carryover' | 'slip' | 'detection' | 'recovery' | 'omission' | 'action' | 'general';

// The questions follow the seeds' framing: what people knew at the time, which signal was missing, what made the action possible.
const questions: Record<Exclude<ReframeShape, 'none'>, readonly string[]> = {
  // No step or action to point at ("this was our fault"): questions that fit any failure.
  failure: ['Which conditions in the system made this failure possible?', 'What change would stop it happening again?'],
  // Updates that came late or not at all ("poor communication", "keep customers informed"): how information flowed, not what hid the problem.
  communication: ['What made it hard to keep everyone informed at the time?', 'Which routine or role would have kept the updates flowing?'],
  pressure: ['What pressure or deadline shaped the work at the time?', 'Which review or check would have slowed it down?'],
  // Someone tired, confused or overwhelmed: a state, not an act a safeguard stops; what made the situation hard.
  state: ['What about the situation made this hard at the time?', 'What support or information would have helped?'],
  // Work put off, or a known risk not acted on: what came first at the time, not what people knew.
  priorities: ['What else had priority at the time, and why?', 'What would have made acting on this the easier choice?'],
  judgement: ['What did the people involved know at the time, and where did it come from?', 'What would have shown them otherwise?'],
  // A course taken that hindsight regrets, or another one passed over ("should not have enabled it", "could have used X"): why it looked right then.
  choice: ['What made this choice look right at the time?', 'What would have made the other option easier to take?'],
  // An alert, a warning or a page that was there but missed or set aside: how it looked, not what would have prompted a step.
  signal: ['How did this signal look at the time, among the others people saw?', 'What would have made it stand out?'],
  // A fix made in one place and never carried over (not backported): the process that carries fixes, not a step or an act.
  carryover: ['What would have carried the fix over to every version still in use?', 'Which check would have shown that it was missing?'],
  slip: ['What in the system allowed this action?', 'Which safeguard or check could have stopped it?'],
  detection: ['Which signal would have shown the problem sooner?', 'What made it hard to see at the time?'],
  // Time lost getting back ("it took us too long to spin up a replacement"): what slowed the recovery, not what hid the problem.
  recovery: ['What slowed the recovery down at the time?', 'What would have made it quicker to restore?'],
  omission: ['What would have prompted this step at the time?', 'Which signal or check was missing?'],
  action: ['What in the system allowed this action?', 'Which safeguard or check could have stopped it?'],
  // No act, step or signal to point at ("the validators were not online", "this could have been avoided"): questions that fit any incident sentence.
  general: ['What in the system made this possible?', 'What would have shown it sooner?'],
};

// Sentences no questions fit, as they tell no human act to ask about: a cause not yet known or only guessed ("we still
// don't know", "most likely caused by"), a fix made or planned ("has modified ... to prevent", "we will add"), an
// outside party as the actor ("the vendor didn't ...").
const unknownCause = /\b(?:(?:do|does|did)(?:\s+not|n['’]t)\s+(?:yet\s+|really\s+)?know|still\s+(?:investigating|analy[sz]ing)|so\s+far\s+it\s+(?:looks|seems|appears)|not\s+(?:yet\s+)?(?:known|clear|sure)|(?:is|are|was|were|remains?|still|it['’]s)\s+(?:\w+\s+)?(?:unknown|unclear)|unknown\s+(?:cause|reason|root|trigger|actor|party)|most\s+likely|presumably|(?:my|our)\s+(?:\w+\s+)?guess|we\s+suspect|speculat\w*|either\s+that,?\s+or)\b/i;
const fixWords = /\b(?:to\s+prevent|prevents?|would\s+(?:also\s+)?(?:avoid|prevent|help|reduce)|will\s+(?:now\s+|also\s+)?(?:add|introduce|implement|make|ensure|require|be\s+\w+ing)|going\s+forward|moving\s+forward|in\s+(?:the\s+)?future|for\s+future\s+(?:use|usage)|ha(?:ve|s)\s+(?:since\s+|now\s+|already\s+)?(?:been\s+)?(?:fixed|modified|added|changed|corrected|resolved|implemented|introduced|updated)|since\s+(?:been\s+)?fixed|(?:we|they)\s+can\s+do|can\s+(?:we|they)\s+do|compensat\w*|refund\w*|reimburs\w*)\b/i;
// Sentences that name no human act to ask about, or that the questions would make worse: a statement about blame itself
// ("we cannot blame ..."), a judgement of character ("inexperienced managers", "greedy", "the stupidity of users"), advice in the imperative ("Don't
// let ..."), a gap in the system already named as the cause ("no alert was configured", "did not have the access", "a
// bug that went unnoticed"), hindsight that concludes the step would not have helped, an apology with no act in it, or an
// account that already gives its systemic reason ("partly because ...", "normalisation of deviance").
const aboutBlame = /\b(?:(?:cannot|can['’]t|not|don['’]t|won['’]t|shouldn['’]t)\s+(?:\w+\s+)?blame|(?:nobody|no\s+one)\s+(?:can|could|should)\s+blame|(?:deflect|shift)\w*\s+(?:the\s+)?blame|blam(?:ed|es|ing)\s+(?:it|this|that|everything|all|them)\s+(?:\p{L}+\s+){0,2}?on\b)/iu;
// A pointer to where the story is told ("You can read the whole story on the forum"), a question someone asked ("asking if they ..."), or what people often do in general.
const aside = /^\W*(?:you\s+can\s+(?:read|find|see)|read\s+more)\b|\b(?:asking|asked|ask)\s+(?:them\s+|him\s+|her\s+)?(?:if|whether)\b|\b(?:people|teams|companies|organi[sz]ations|users)\s+(?:often|usually|tend\s+to)\b/i;
// The writers judging their own character, or the incident called laziness ("I was too lazy to move the backups", "my
// own stupidity", "this is laziness"): what made the course likely, not a judgement the questions would worsen.
const ownCharacter = /\b(?:I|we|my|our)\b[^.;]{0,60}?\b(?:lazy|laziness|stupidity|idiocy|incompeten\w*)\b|^\W*(?:this|that|it)\s+(?:is|was)\s+(?:\w+\s+)?(?:laziness|incompeten\w*)\b/i;
const characterWords = /\b(?:inexperienced|incompeten\w*|inept|irresponsib\w*|greedy|lazy|stupidity|idiocy|abandon(?:ed|ing)?\s+(?:\w+\s+)?responsibilit\w*|refus(?:al|ed|es|ing)\s+to)\b/i;
// The writers calling themselves names with no act named ("I was so smug about it"): no question fits; the finding stands.
const selfInsultAlone = /^\W*(?:I|we)(?:['’]m|['’]re|\s+am|\s+are|\s+was|\s+were|\s+felt|\s+feel)\s+(?:(?:so|such|really|very|quite|pretty|a\s+bit|a\s+little|an?|the|complete(?:ly)?|total(?:ly)?|utter(?:ly)?|biggest)\s+)*(?:idiots?|fools?|dumb|stupid|smug|overconfident|cocky|arrogant|morons?|clowns?|naive)\b(?:\s+(?:about\s+(?:it|this|that)|here|there|then|again|sometimes|at\s+times))?\W*$/i;
// A feeling the sentence ends on ("and I felt awful"): how it felt, no act to ask about.
const feelingAlone = /\b(?:I|we)\s+(?:felt|feel)\s+(?:like\s+)?(?:(?:such|so|really|a\s+bit|a\s+little|an?|complete|total|utter|the\s+biggest)\s+)*(?:idiots?|fools?|dumb|stupid|awful|terrible|horrible|sick|embarrassed|ashamed)\W*$/i;
const imperativeAdvice = /^\W*(?:don['’]?t|do\s+not)\s+\p{L}+/iu;
const systemGap = /\b(?:no\s+(?:alert|alarm|monitor\w*|check|test|page)s?\s+(?:was|were|had\s+been|is|are)\s+(?:configured|set\s+up|in\s+place|defined|enabled)|(?:was|were|is|are)\s+never\s+(?:configured|set\s+up|enabled)|(?:do|does|did)(?:\s+not|n['’]t)\s+have\s+(?:\w+\s+){0,4}?(?:access|tools?|tooling|permissions?|expertise|rights))\b/i;
const bugAsCause = /\b(?:(?:due\s+to|caused\s+by|because\s+of|result\s+of|(?:came|stemmed|arose)\s+from)\s+(?:an?|the|one|two)\s+(?:[\p{L}-]+\s+){0,2}bugs?|bugs?\s+(?:[\p{L}-]+\s+){0,4}?(?:(?:that|which)\s+)?(?:was\s+left|were\s+left|went|has\s+gone|had\s+gone)\s+(?:unnoticed|undetected)|(?:the|this|that)\s+bug\s+(?:[\p{L}-]+\s+){0,2}?(?:resulted|caused|led|meant|made|triggered)|by\s+(?:an?|the|this)\s+(?:[\p{L}-]+\s+)?bug)\b/iu;
// Which versions ran ("some nodes were running v1.2 instead of v1.3"): a state, no act.
const versionsRunning = /\b(?:was|were|is|are)\s+(?:still\s+)?running\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+)?(?:v(?:ersion)?\s*)?\d+\.\d+/iu;
// A choice made knowingly and explained ("an intentional choice", "the trade-off was"), not a lapse.
const reasonedChoice = /\b(?:(?:intentional|deliberate|conscious|calculated)\s+(?:choice|decision|trade-?off)|(?:a|the|this)\s+trade-?off|on\s+the\s+basis\s+that)\b/i;
// A correction of what was reported earlier ("the correct figure is 24", "in our original analysis we stated that ..."): about a report, not an act.
const correction = /\b(?:(?:the|a)\s+correct(?:ed)?\s+(?:figure|number|count|total|value)|(?:we|I)\s+(?:originally\s+|previously\s+|initially\s+|first\s+)?(?:stated|reported|said|wrote|announced|claimed)\s+that|in\s+(?:our|the|my)\s+(?:original|earlier|initial|first|previous)\s+(?:analysis|report|post|update|statement))\b/i;
const neutralAgent = /\b(?:was|were)\s+(?:run|performed|executed|carried\s+out|started|triggered)\s+by\b/i;
const wouldNotHaveHelped = /\bwould\s+(?:also\s+)?(?:not\s+have|have\s+not|n['’]t\s+have|never\s+have)\s+(?:helped|mattered|changed|prevented|made)\b/i;
const apologyAlone = /\bown(?:ing)?\s+(?:that|the|this|my|our)\s+(?:mistake|error|failure)\b|\b(?:I|we)\s+(?:would\s+like|want|wish)\s+to\s+apologi[sz]e\b|\bfor\s+(?:that|this|which)\s+(?:we|I)\s+(?:\w+\s+)?apologi[sz]e\b|^\W*(?:we|I)\s+(?:\w+\s+)?apologi[sz]e\s+for\s+(?:this|that|the)\s+[\p{L}-]+\W*$/iu;
// An account that already tells what people believed or expected at the time ("because we thought ...", ", believing ...").
const beliefGiven = /\b(?:because|as|since)\s+(?:we|I|they|he|she|the\s+team)\s+(?:had\s+)?(?:thought|believed|expected|assumed|(?:did\s+not|didn['’]t|had\s+not|hadn['’]t)\s+(?:expect|anticipate))\w*|,\s*(?:believing|thinking|assuming|expecting)\b/i;
// A sentence that clears people ("it was not my fault", "a bug rather than any user error").
const exoneration = /(?:\bnot|n['’]t)\s+(?:(?:to\s+)?be\s+)?(?:(?:just|only|entirely|all|solely|wholly)\s+)?(?:my|our|his|her|their|anyone['’]s|anybody['’]s)\s+fault\b|\b(?:rather\s+than|not)\s+(?:any\s+(?:kind\s+of\s+)?|an?\s+)?(?:human|user|operator)\s+error\b/i;
// A general lesson addressed to the reader ("if you read about ..."), about no one in this incident.
const genericLesson = /^\W*if\s+you\b|\byou\s+(?:learn|find|realise|realize|see)\s+that\b/i;
// An outside party's conduct told as fact (an exploiter, someone refusing to return funds): no act of the team to ask about.
const outsideConduct = /\b(?:the|this)\s+(?:security\s+)?(?:researcher|individual|attacker|exploiter|hacker|scammer|thief)\b(?!\s+(?:customer|user|client|account|team|contributor)s?\b)|\bblack[-\s]?hat\b|\breturn\s+(?:the|these|those|their|our)\s+funds\b|\b(?:they|he|she)\s+refuse[ds]?\b/i;
// A node or validator down for a while ("missed several blocks"): downtime, not a lapse of attention.
const missedByDowntime = /\bmiss(?:ed|es|ing)?\s+(?:[^\s.,;]+\s+){0,7}?(?:blocks?|slots?|heartbeats?|attestations?|epochs?)\b/iu;
// Software that does not do its job ("the relayer fails to relay"): no person acts in it.
const machineFailure = /\bfail(?:s|ed)?\s+to\s+(?:relay|sync|boot|replicate|propagate|compile|connect)\b/i;
// A miss the sentence already explains by a signal that was not there ("no one notices, and no tests fail", "with no notification").
const missExplained = /\bno\s+(?:[\p{L}-]+\s+)?(?:notifications?|alerts?|alarms?|warnings?|tests?\s+fail\w*)\b|\b(?:could|would)\s+have\s+(?:spotted|caught|noticed|seen|detected)\s+(?:[\p{L}-]+\s+){0,3}?with\s+(?:an?|the|our)\b/iu;
// Demeanour, often praise ("did not yell"): no act at fault.
const demeanour = /\b(?:did\s+not|didn['’]t|never)\s+(?:yell|shout|scream|panic|complain|get\s+angry)\b/i;
// Too few people or resources named as the reason ("a lack of human and technical capacity").
const lackOfCapacity = /\black\s+of\s+(?:[\p{L}-]+\s+(?:and\s+)?){0,3}?(?:capacity|resources|staff|staffing|headcount|funding)\b/iu;
// Not knowing what was going on while the response ran ("none of us knew what was happening"): the state of an investigation.
const stillInvestigating = /\b(?:none\s+of\s+us|nobody|no\s+one)\s+(?:really\s+)?(?:knew|understood)\s+(?:what|why)\s+(?:was|it\s+was)\s+(?:happening|going\s+on|wrong|failing|broken)\b/i;
// A system left set up wrongly, told in the passive with no one in it ("was not updated to support", "were configured with the incorrect address").
const systemLeftWrong = /\b(?:was|were)\s+(?:not\s+|never\s+)?(?:updated|configured|set\s+up)\s+(?:to\s+support|with\s+(?:the\s+|an?\s+)?(?:incorrect|wrong))\b(?![^.;]*\bby\s)/i;
// The mistake only named in passing while the sentence tells the response ("restored it to before my mistake", "told everyone of my failure").
const mistakeInPassing = /\b(?:before|after|about|since|(?<!because\s)(?<!result\s)of)\s+(?:my|our)\s+(?:own\s+)?(?:mistake|failure|error|blunder)\b/i;
// A message quoted after its announcement ("wrote a short message: I had ..."): the sentence tells the message sent.
const messageReported = /\b(?:wrote|sent|posted|typed)\b[^.:;]{0,60}?\b(?:message|note|post|e-?mail)\b[^.:;]{0,30}:/i;
// A review that found what the writer missed ("came back with a catch I'd missed"): the check worked.
// ... or someone, the writer too, who saw the mistake ("a teammate saw my mistake and pinged me", "she realized her error and reverted"): it was caught.
const reviewCaught = /\b(?:came\s+back|returned)\s+with\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+)?(?:catch|finding|issue|objection)\b|(?<!\b(?:have|not|n['’]t|never|nobody|one)\s+)\b(?:saw|spotted|noticed|caught|realiz\w*|realis\w*)\s+(?:my|his|her|their|our)\s+(?:own\s+)?(?:mistake|error|typo|slip)\b|\brealiz\w*\s+(?:that\s+)?(?:I|we|he|she|they)(?:['’]ve|\s+ha(?:ve|d))\s+made\s+(?:an?\s+)?(?:mistake|error)\b/iu;
const systemicReason = /\b(?:normali[sz](?:ation|ed)\s+(?:of\s+)?deviance|(?:partly|partially|largely|mainly)\s+because)\b/i;
// A long account holds facts (versions, dates, what was done after) that questions in its place would drop: in blind
// reviews the questions were accepted for under a quarter of the sentences past 19 words, and for half of the shorter ones.
const longAccount = 19;
const outsideActor = /^\W*(?:(?:the|a|an|our|their|one\s+of\s+(?:the|our))\s+)?(?:third[-\s]party|vendor|provider|supplier|upstream|hosting|cloud|isp|data\s?cent(?:er|re)|colo(?:cation)?)\b/i;
// Confessions, apologies, statements of responsibility, a mistake with no act named ("this was our fault", "we are sorry", "I made a mistake", "Bob caused the outage", "that one is on me").
const failureWords = new RegExp(
  String.raw`\b(?:sorry|apologi[sz]e|apologies|regret|(?:our|my|his|her|their)\s+(?:own\s+)?(?:fault|mistake|error|blunder)|(?:am|is|are|was|were|be|been|take[sn]?|took|bear|accept(?:ed)?)\s+(?:(?:full|the|all|solely|fully|entirely|ultimately)\s+)?(?:responsib|accountab|ownership|blame)|(?:made|make|makes|making)\s+(?:(?:a|an|the|two|several|some|one|this|that|such)\s+)?(?:[\p{L}-]+,?\s+){0,3}(?:mistake|error|blunder)s?|(?:mistake|error|blunder)s?\s+(?:was|were|had\s+been)\s+made|caus(?:ed|es)\s+(?:(?:an?|the|this|that|our)\s+)?(?:[\p{L}-]+\s+)?(?:outage|incident|downtime|failure)|(?:was|is|lies|rests|sits|belongs)\s+(?:\p{L}+ly\s+|all\s+)?(?:(?:with|on|to)\s+)?(?:me|us|mine|ours|him|her|them)\b(?!\s+to\b)|(?<!\berrors?\s)\b(?:am|is|are|was|were|be|been)\s+(?:\p{L}+ly\s+)?(?:to\s+blame|at\s+fault)\b|\b(?:my|our)\s+bad\b|\bgoofed\b|\b(?:${foolishWords})\s+(?:[\p{L}-]+\s+)?(?:mistakes?|errors?|blunders?)\b|\b(?:fault|blame)\s+(?:was|is|lies|lay|rests|rested|sits|sat|belongs|belonged)\s+(?:\p{L}+ly\s+)?(?:with|on|to)\b|\b(?:person|one|guy|party|people|individual)\s+to\s+blame\b)`,
  'iu',
);
// "Human error was the root cause", "caused by operator error": an error with no act in the sentence.
const bareHumanError = /^\W*(?:(?:an?\s+)?(?:human|operator|user|manual)\s+errors?\s+(?:was|is|were)\s+(?:the\s+)?(?:root\s+|main\s+|primary\s+)?cause|(?:(?!\p{L}+ing\b)[\p{L}-]+\s+){0,4}(?:caused\s+by|due\s+to|was|is)\s+(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:human|operator|user|manual)\s+errors?)\W*$/iu;
// "The root cause was human error by the on-call": an error, and who made it, with nothing after it.
const humanErrorAsCause = /\b(?:cause|caused\s+by|due\s+to)\s+(?:was\s+)?(?:an?\s+)?(?:human|operator|manual|user)\s+errors?(?:\s+(?:by|from|on\s+the\s+part\s+of)\s+(?:[\p{L}@'’-]+\s*){1,4})?\W*$/iu;
// Communication that fell short ("poor communication", "our updates were not timely", "to keep customers informed").
const communicationWords = /\b(?:poor|bad|late|slow|unclear|insufficient|lack\s+of|no)\s+communication\b|\bcommunication\b[^.;]{0,60}?\b(?:was(?:n['’]t|\s+not)\s+(?:timely|clear|good|enough)|(?:was|were)\s+(?:poor|late|slow|lacking|unclear))\b|\b(?:keep|keeping|kept)\s+(?:[\p{L}-]+\s+){0,3}?(?:up\s+to\s+date|informed|in\s+the\s+loop)\b/iu;
// Time pressure and too little review ("rushed", "under a deadline", "a cursory review").
const pressureWords = /\b(?:rush|hurr(?!ican)|hast|deadline|pressure|pressed\s+for\s+time|short-?cut|so\s+focused\s+on|cut(?:ting)?\s+(?:(?:a\s+few|some|many|lots\s+of|a\s+lot\s+of)\s+)?corners|corners\s+(?:were|was|had\s+been)\s+cut|rubber[-\s]?stamp|cursory|too\s+(?:quick|fast|little|soon|early)|(?:little|insufficient|light|brief)\s+review)/i;
// A person's state ("got confused", "too tired to", "overwhelmed by the pages"): the situation they were in, not an act.
const personState = /\b(?:confus(?:ed|ing|ion)|tired|exhausted|fatigued?|overwhelm(?:ed|ing)|stressed|distracted|sleep[-\s]deprived|burn(?:ed|t)\s+out|panick(?:ed|ing)|under-?(?:qualified|trained|staffed)|untrained|complacen(?:t|cy))\b/i;
// Work not yet given priority, or a known risk not acted on ("had not yet prioritised", "even though we were aware").
const prioritiesWords = /\b(?:(?:not|n['’]t|never)\s+(?:yet\s+)?prioriti[sz]|deprioriti[sz]|(?:even\s+though|although|despite)\s+(?:we|I|they|the\s+team)\s+(?:(?:were|was|had\s+been)\s+(?:\w+\s+)?aware|(?:had\s+)?(?:noticed|knew|saw|seen|spotted)))/i;
// Not understanding or realising, or a belief that proved wrong ("did not fully grasp", "did not realize", "the mistake of thinking", "forgot about a detail"): what was known, not a step or a failure.
const knowledgeGap = /\b(?:(?:did\s+not|didn['’]t|never|not|failed\s+to)\s+(?:\w+\s+)?(?:understand|understood|grasp|comprehend|appreciate|know|realiz|realis)\w*|without\s+(?:\w+\s+)?(?:understanding|knowing|realizing|realising)\b|should\s+have\s+(?:\w+ly\s+)?(?:suspected|known|realized|realised|guessed)\b|misunderst(?:ood|and\w*)|(?:mistake|error)\s+of\s+(?:thinking|assuming|believing|expecting)|forg(?:ot|otten)\s+about\s+(?:an?|the|that|this)\s+(?:[\p{L}-]+\s+){0,2}?(?:fact|detail|thing|setting|behaviou?r|difference|limit|quirk)s?\b|forg(?:ot|otten)\s+that\b)/iu;
// A course regretted or called foolish ("I regret shipping it on a Friday", "a dumb idea", "his foolish move"): why it looked right then.
const choiceCalledFoolish = new RegExp(String.raw`\bregret(?:ted)?\s+(?:\p{L}+ly\s+)?\p{L}+ing\b|\b(?:${foolishWords})\s+(?:[\p{L}-]+\s+)?(?:ideas?|moves?|decisions?|choices?|calls?)\b`, 'iu');
// A course taken that hindsight regrets ("should not have enabled it"), or another one passed over ("could have used X, but didn't", "if the team had used"):
// a choice, so the questions ask why it looked right, not what would have prompted a step.
const choiceRegretted = /\b(?:should|ought\s+to)(?:\s+not|n['’]t)\s+have\s+(?!been\b)\p{L}+|\bcould\s+(?:just\s+|easily\s+|also\s+)?have\s+(?:used|chosen|picked|gone\s+with|taken|opted)\b|\bif\s+(?:we|I|they|the\s+team)\s+(?:had|['’]d)\s+(?:just\s+|simply\s+)?(?:used|chosen|picked|gone\s+with|opted)\b/iu;
// Something seen or known and not acted on ("noticed the levels but did not act"): what came first at the time, not how it looked.
// "I saw the odd checksum and then ignored it", "concerns were raised and dismissed": seen, then set aside.
const seenNotActed = /\b(?:noticed|saw|spotted|knew|was\s+aware|were\s+aware)\b[^.;]{0,80}?\bbut\s+(?:\w+\s+)?(?:failed\s+to|did\s+not|didn['’]t|never)\s+(?:take|took|act|respond|escalate|follow|do|fix|address)\w*|\b(?:noticed|saw|spotted|raised|flagged|reported)\b[^.;]{0,80}?\b(?:ignored|dismissed|brushed\s+(?:it\s+|them\s+)?off|waved\s+(?:it\s+|them\s+)?off|set\s+(?:it\s+|them\s+)?aside)\b/i;
// Judging oneself unfit ("I shouldn't be trusted with ..."): no act or belief named, so the questions that fit any failure.
const selfJudged = /\b(?:should|must)(?:\s+not|n['’]t)\s+be\s+trusted\b/i;
// A promise not to repeat an act ("will not remove them from now on"): the act done, not a step skipped.
const promiseNotToRepeat = /\b(?:will|would)\s+(?:not|never)\s+\p{L}+\b.*\b(?:from\s+now\s+on|again|anymore|any\s+more)\b/iu;
// A message that arrived and was not read ("received three emails ... but did not see them"), or "missed them" on its own: a signal there and missed.
const messageUnread = /\b(?:received|got|did\s+receive)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:e-?mails?|messages?|notices?|reminders?)\b.*\b(?:did\s+not|didn['’]t|never)\s+(?:see|read|open|notice)\b|^\W*(?:I|we|he|she|they)\s+(?:had\s+)?missed\s+(?:them|it)\W*$/iu;
// Estimates, decisions and awareness ("underestimated", "the wrong call", "was not aware"): about what was known, not a step.
const judgementWords = /\b(?:underestimat|anticipat|fore(?:saw|see|seen)|(?:limited|insufficient|poor|incomplete|lack\s+of)\s+understanding|forgot\s+(?:that\s+)?(?:I|we|he|she|they)\s+(?:was|were|had|still)|overestimat|misjudg|assum|aware|unaware|realis|realiz|knew|known|familiar|trusted|reli(?:ed|ance)\s+(?:too\s+\w+\s+)?(?:on|upon)|thought|believed|expected|consider(?:ed|ing)?\b|(?<!-|on\s)call\b|decision|decided|judgement|judgment|careless|sloppy|overzealous|(?:was|were|is|are|be|been|being|got|felt|seemed)\s+too\s|estimat|prioriti[sz]|reasoning|think\w*\s+through|without\s+thinking|t(?:ake|akes|aking|ook|aken)\s+(?:[\p{L}-]+\s+){0,3}?into\s+account|(?:used|chose|picked|selected|opted\s+for)\s+(?:the|a|an)\s+wrong)/iu;
// A signal seen and set aside ("ignored the warning", "dismissed as noise", "silenced the alert"): how it looked among the others.
const dismissedWords = /\b(?:ignor(?:ed|es|ing)|dismiss(?:ed|es|ing)|disregard(?:ed|s|ing)?|silenc(?:ed|es|ing)|snooz(?:ed|es|ing)|mut(?:ed|es|ing)|wr(?:ote|ites?|itten|iting)\s+(?:[\p{L}-]+\s+){0,3}?off|(?:brushed|waved|shrugged)\s+(?:[\p{L}-]+\s+){0,3}?off)\b/iu;
// Something that signalled the problem: missed, seen and not acted on, or there before anyone acted, it asks how the signal looked.
const signalNouns = /\b(?:alerts?|alarms?|warnings?|notifications?|indications?|symptoms?|red\s+flags?|error\s+messages?|pages?(?=\s+(?:from|for|about|went|fired|was|were|that|which)\b)|(?:was|were|got|been)\s+(?:paged|alerted|notified|warned))\b(?!\s+(?:rules?|config\w*|thresholds?|settings?|definitions?|policy|policies|channels?|routing))/i;
// "no alert", "add an alert", "set up alerting": a signal that was not there is a gap, not a signal missed.
const signalAbsent = /\b(?:no|without|(?:(?:did|does|do)\s+not|(?:did|does|do)n['’]t|never|not)\s+ha(?:ve|d)(?:\s+any)?|add\w*|set(?:ting)?\s+up|configur\w*|creat\w*|defin\w*|writ\w*|enabl\w*|buil[dt]\w*|install\w*)\s+(?:[\p{L}-]+\s+){0,2}?(?:alerts?|alarms?|warnings?|notifications?|pages?)\b/iu;
const signalMissed = /\b(?:saw|seen|yet|despite|although|even\s+though|as\s+soon\s+as|overlook\w*|unnoticed|unheeded|unanswered)\b/i;
// A fix that existed but was not carried over ("never backported", "not cherry-picked to the release branch").
const carryoverWords = /\b(?:back-?port|cherry-?pick|forward-?port|carried\s+over|carry\s+(?:it\s+|the\s+fix\s+)?over)\w*|\bport(?:ed|ing|s)?\s+(?:the\s+fix\s+|it\s+)?(?:back|over)\b|\b(?:never|not|n['’]t)\s+(?:been\s+)?(?:merged|applied|landed|included)\s+(?:back\s+)?(?:in)?to\s+(?:the\s+|our\s+)?(?:[\p{L}\d.-]+\s+)?(?:release|stable|maintenance|lts|older|old|previous)\b|\bfix(?:ed)?\b[^;]*?\bbut\s+not\s+(?:on|in|for|to)\b/iu;
// People or machines not there to act ("the validators were not active", "nobody with access was awake"): a state, no step.
const notPresent = /\b(?:(?:was|were)(?:\s+not|n['’]t)|(?:nobody|no\s+one)\s+(?:[\p{L}-]+\s+){0,4}?(?:was|were))\s+(?:active|online|available|awake|present|around|reachable|on\s+hand)\b(?!\s+to\b)/iu;
// Something the team did not have ("we lacked a runbook"): a gap in the system, not a step or an act.
const lackWords = /\b(?:lack(?:ed|ing|s)?|had\s+no)\b/i;
// Watching too little ("we were not monitoring closely enough"): what would have shown the problem sooner.
const watchedTooLittle = /\b(?:monitor|watch|track|follow)\w*\s+(?:[\p{L}-]+\s+){0,4}?(?:closely|carefully)(?:\s+enough)?\b/iu;
// An outcome called avoidable with no step named ("this loss could have been avoided"); "avoided by deploying ..." names the step.
const avoidable = /\b(?:could|might|would)\s+have\s+been\s+(?:\w+\s+)?(?:avoided|prevented)\b(?!\s+(?:\w+\s+)?(?:by|had|if|with)\b)/i;
// A setting of the system looser or stricter than it should be ("our threshold was more lenient than it needed to be"): a state, no act.
const settingOffTarget = /\bthan\s+(?:it|they)\s+(?:needed|had|ought)\s+to\s+be\b/i;
// An act that went wrong unintended ("accidentally", "by mistake", "a wrong config", "fat-fingered", "a keystroke error", "shipped a bug"): what allowed it, not what prompted it.
const slipWords = /\b(?:accident|inadvertent|unintention|mistaken|erroneous|by\s+mistake|in\s+error|wrong|incorrect|faulty|misconfigur|mistyp|typo|fat[-\s]?finger|keystroke|human\s+errors?\b|bug(?:gy|s)?\b)/i;
// An act done in error ("human errors following the instructions", "operator error during the failover"): a slip.
const erroneousAct = /\b(?:human|operator|manual)\s+errors?\s+(?:in\s+)?(?:following|when|while|during)\b/i;
// A problem that went unseen ("was not noticed for hours", "went undetected").
const detectionWords = /\b(?:notic(?:ed|ing)|detect|caught|catch|spott?|unnoticed|undetected|unseen|overlook)|(?:\bnot|n['’]t|\bnobody|\bno\s+one|\bto)\s+notices?\b/i;
// Hindsight about a step ("should have", "had we", "instead of"): a step not taken.
const hindsightWords = /\b(?:should|could|would|might|ought\s+to)\s+(?:not\s+)?have\b|\b(?:should|could)\s+(?:be|have)\b|\bhad\s+(?:we|I|they)\b|\bif\s+(?:we|I|they)\s*(?:had|['’]d)\b|\binstead\s+of\b/i;
const negation = /\b(?:not|no|never|none)\b|n['’]t\b/i;
// A done act judged as a mistake ("Enabling the integration was a mistake"): what allowed it, not what would have prompted it.
const mistakenAct = /\b\p{L}+ing\s+(?:[\p{L}-]+\s+){0,6}(?:was|were)\s+(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:mistake|error)\b/iu;
// Hindsight that a bug should have been found ("should have been caught in testing"): about signals, not an act.
const missedInHindsight = /\b(?:should|could)\s+have\s+been\s+(?:found|caught|spotted|detected|noticed|discovered|identified)\b/i;
// A step that could have shown it ("did not check the logs"): then the questions are about that step.
const stepWords = /\b(?:check|test|review|monitor|inspect|look|watch)ed|\bverified|(?:\b(?:to|not|had|have|without)|n['’]t)\s+(?:check|test|review|verif|monitor|inspect|look|watch|read)\w*/i;
// Something not done ("did not check", "forgot to", "skipped", "without a review").
const omissionWords = /\b(?:nobody|no\s+one|not\s+all|did(?:n['’]t|\s+not)|forgot|fail(?:ed|s)?\s+to|neglect(?:ed|s)?|miss(?:ed)?|skip(?:ped)?|without|never|(?:was|were)(?:n['’]t|\s+not)(?!\s+(?:a|an|the)\b)|failure\s+(?:on\s+\w+\s+part\s+)?to|should\s+have|supposed\s+to)\b/i;
// An act done past a gate ("disabled the protection without authorization", "merged it without review"): a safeguard's questions, not a missed step's.
const pastAGate = /\bwithout\s+(?:any\s+|prior\s+|proper\s+|a\s+)?(?:authori[sz]ation|permission|approval|consent|sign-?off|review)\b/i;
// Time lost before acting ("it took us too long", "we spent way too much time"): what would have shown the problem sooner.
const slowWords = /(?<!\bnot\s)\b(?:too\s+(?:long|slow(?:ly)?)|too\s+much\s+time|so\s+long\s+to)\b/i;
// Getting the service back, not finding the problem: "too long to restore", "to spin up a replacement".
// "took too long to fix", "too much time getting the workers running again": the time is the fix's, not the detection's.
const recoveryWords = /\b(?:recover\w*|restor\w*|spin(?:ning)?\s+up|bring\w*\s+(?:\w+\s+)?back|replac\w*|rebuil\w*|fail(?:ing)?\s+over|roll(?:ing)?\s+back|solv\w*|resolv\w*|fix(?:ed|ing)?|working\s+state|get(?:ting)?\s+(?:\w+\s+){0,3}(?:back\s+up|working|running))\b/i;

/**
 * The shape of a blaming sentence, most specific first: an unknown cause, a fix or an outside actor gets no questions;
 * a confession has no act to ask about; pressure, time lost, a fix not carried over and knowing come before the act
 * ("rushed", "never backported", "did not realise"); a signal set aside before an unintended act; an unintended act
 * before an omission, as "accidentally skipped" is a slip; a signal that was there but missed before a missed
 * detection with no step in it, which asks about signals; hindsight ("should have") is about a step not taken; a
 * state or an avoidable outcome with no act named gets the general questions; else an action.
 */
export function reframeShape(sentence: string, kind: 'blame' | 'hindsight'): ReframeShape {
  if (unknownCause.test(sentence) || fixWords.test(sentence) || outsideActor.test(sentence) || namesNoHumanAct(sentence)) return 'none';
  // An outside party's conduct needs no questions, unless the sentence also calls the loss avoidable.
  if (outsideConduct.test(sentence) && !avoidable.test(sentence)) return 'none';
  // A missed detection the sentence already explains needs no signal questions; a signal set aside still gets them.
  if (missExplained.test(sentence) && detectionWords.test(sentence) && !dismissedWords.test(sentence)) return 'none';
  if (communicationWords.test(sentence)) return 'communication';
  // Laziness is a course taken; other faults of character ask what made the failure possible.
  if (ownCharacter.test(sentence)) return /\blaz(?:y|iness)\b/i.test(sentence) ? 'choice' : 'failure';
  if (knowledgeGap.test(sentence)) return 'judgement';
  if (choiceCalledFoolish.test(sentence)) return 'choice';
  if (failureWords.test(sentence) || selfJudged.test(sentence) || bareHumanError.test(sentence) || humanErrorAsCause.test(sentence)) return 'failure';
  if (pressureWords.test(sentence)) return 'pressure';
  if (personState.test(sentence)) return 'state';
  if (slowWords.test(sentence) && recoveryWords.test(sentence)) return 'recovery';
  if (slowWords.test(sentence) || watchedTooLittle.test(sentence)) return 'detection';
  if (carryoverWords.test(sentence)) return 'carryover';
  if (prioritiesWords.test(sentence) || seenNotActed.test(sentence)) return 'priorities';
  if (judgementWords.test(sentence)) return 'judgement';
  if (dismissedWords.test(sentence) || messageUnread.test(sentence)) return 'signal';
  if (missedInHindsight.test(sentence)) return 'detection';
  if (avoidable.test(sentence) || settingOffTarget.test(sentence)) return 'general';
  if (slipWords.test(sentence) || erroneousAct.test(sentence)) return 'slip';
  if (signalSeenAndMissed(sentence)) return 'signal';
  if (detectionWords.test(sentence) && !stepWords.test(sentence)) return 'detection';
  if (mistakenAct.test(sentence) || promiseNotToRepeat.test(sentence)) return 'action';
  if (notPresent.test(sentence) || lackWords.test(sentence)) return 'general';
  if (choiceRegretted.test(sentence)) return 'choice';
  if (pastAGate.test(sentence)) return 'action';
  // "We" judging ourselves is hindsight too, but "we destroyed the indexes" tells an act done, not a step skipped.
  if (omissionWords.test(sentence) || (kind === 'hindsight' && (hindsightWords.test(sentence) || negation.test(sentence)))) return 'omission';
  return 'action';
}

/** An alert or a warning that was there and was missed, seen and not acted on, or there before anyone acted. */
function signalSeenAndMissed(sentence: string): boolean {
  if (!signalNouns.test(sentence) || signalAbsent.test(sentence)) return false;
  return omissionWords.test(sentence) || hindsightWords.test(sentence) || signalMissed.test(sentence);
}

/** The sentence tells no human act the questions could ask about, already says what they would ask, or would lose what it says. */
function namesNoHumanAct(sentence: string): boolean {
  // A sentence that opens in lower case continues a log line or a list ("puma was then reverted"): questions would break it;
  // a lower-case "i" is the writer, typing fast ("i dropped the table").
  // A label before it ("tl;dr:", "update:") is not the sentence's start; "today, ... i fat-fingered it" is the writer typing fast too.
  const opening = sentence.trimStart().replace(/^(?:tl;?\s?dr|note|update|edit|ps)\s*[:\-–—]\s*/i, '');
  if (/^\p{Ll}/u.test(opening) && !/^i(?:\s|['’])/.test(opening) && !/,\s*i\s+\p{Ll}/u.test(opening)) return true;
  if (sentence.split(/\s+/).length > longAccount) return true;
  // "The job was run by one of the developers with access": who did it, with no fault or harm said, is a neutral fact.
  if (neutralAgent.test(sentence) && ![failureWords, pressureWords, judgementWords, dismissedWords, slipWords, omissionWords].some((words) => words.test(sentence))) return true;
  const toldAlready = [beliefGiven, exoneration, genericLesson, aside, missedByDowntime, machineFailure, demeanour, lackOfCapacity, stillInvestigating, systemLeftWrong, mistakeInPassing, messageReported, reviewCaught];
  if (characterWords.test(sentence) && !ownCharacter.test(sentence)) return true;
  return [bugAsCause, versionsRunning, reasonedChoice, correction, aboutBlame, selfInsultAlone, feelingAlone, imperativeAdvice, systemGap, wouldNotHaveHelped, apologyAlone, systemicReason, ...toldAlready].some((shape) => shape.test(sentence));
}

/** What the questions can point at, read from the sentence's tagged words. */
interface Referents {
  /** The sentence tells an event: a verb in the past or in hindsight, or no verb at all (a heading); not only the present ("I'm an idiot", "Here's what we missed"). */
  event: boolean;
  /** Someone's act or step is told ("did not run the migration", "skipped the review"), not a state ("was an oversight") or an ongoing practice ("had been testing"). */
  act: boolean;
  /** Whoever knew or decided may be a person, not a thing ("it wrongly assumed"); names of tools and of people tag alike, so only the pronoun tells. */
  person: boolean;
  /** A signal is named ("the alert", "the warning"). */
  signal: boolean;
}

// Each family's questions point at something; without it in the sentence they do not fit, and the general questions do.
const needs: Partial<Record<ReframeShape, (told: Referents) => boolean>> = {
  slip: (told) => told.act,
  action: (told) => told.act,
  omission: (told) => told.act,
  judgement: (told) => told.person,
  choice: (told) => told.act,
  signal: (told) => told.signal,
};

/**
 * The shape whose questions fit, after checking that what they point at is in the sentence: none when the sentence
 * tells no event of this incident (an aside, a general lesson, a roadmap in the present tense) unless it owns the
 * failure; the general questions when "this action", "this step", "this signal" or "the people involved" has nothing
 * to point at.
 */
export function fittingShape(sentence: string, kind: 'blame' | 'hindsight', cache?: AnalysisCache): ReframeShape {
  const shape = reframeShape(sentence, kind);
  if (shape === 'none') return shape;
  const told = referentsOf(tagTerms(sentence, cache), sentence);
  if (!told.event && shape !== 'failure' && !clockOpening.test(sentence) && !faultAdverbNow.test(sentence)) return 'none';
  return needs[shape]?.(told) === false ? 'general' : shape;
}

// A timeline entry tells its events in the present ("09:12 Sam reverts the change"), and they happened.
// A fault adverb before a verb in the present ("carelessly adds an exception") tells an event in the historical present, as chat-log timelines do.
const faultAdverbNow = /\b(?:carelessly|accidentally|mistakenly|inadvertently|wrongly)\s+\p{L}+s\b/iu;
const clockOpening = /^\W*\d{1,2}:\d{2}\b/;

/** A run of verbs that tell one thing ("did not run", "should have been carrying", "forgot to check"), and whether a wh-word, a relative pronoun or a bracket opened its clause. */
interface VerbGroup {
  verbs: TaggedTerm[];
  subordinate: boolean;
}

// Verbs that link a subject to a state rather than tell an act ("was an oversight", "got too comfortable", "had a script").
const linkingVerbs = new Set(['be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having', 'get', 'gets', 'got', 'gotten', 'seem', 'seems', 'seemed', 'become', 'became', 'remain', 'remained']);
// Words that open a clause telling what is talked about ("what we missed", "how the ISP handled it"), not what happened.
const clauseOpeners = new Set(['what', 'why', 'how', 'who', 'whom', 'whose', 'which', 'whatever']);
// Modals that tell now or later ("can", "will"), not what should or could have been.
const presentModals = new Set(['can', 'will', 'shall', 'must', 'may']);
const pastHelpers = new Set(['was', 'were', 'did', 'had']);
const perfectHelpers = new Set(['have', 'has', 'had']);
// Pronouns that name things, not people.
const thingPronouns = new Set(['it', 'its', 'itself']);

function referentsOf(terms: readonly TaggedTerm[], sentence: string): Referents {
  const subordinate = subordinateTerms(terms, sentence);
  const groups = verbGroups(terms, subordinate);
  const told = groups.filter((group) => !group.subordinate);
  const first = groups[0]?.verbs[0];
  // With no verb of its own read ("An engineer ... mistakenly removed" tagged as an adjective), nothing is known missing.
  const unread = told.length === 0;
  return {
    event: unread || told.some((group) => inPast(group.verbs, terms[terms.indexOf(group.verbs[0]) - 1])),
    act: unread || told.some((group) => tellsAct(group.verbs)) || gerundWithObject(terms),
    person: first === undefined || !thingPronouns.has(subjectOf(terms, terms.indexOf(first))?.lower ?? ''),
    signal: namesSignal(terms, subordinate, sentence) || dismissedHasObject(terms, sentence),
  };
}

/** Whether each term stands in a clause opened by a wh-word, a relative "that" or a bracket; a comma, a semicolon, a colon or a closing bracket ends it. */
function subordinateTerms(terms: readonly TaggedTerm[], sentence: string): boolean[] {
  let subordinate = false;
  return terms.map((term, index) => {
    const previous = terms[index - 1];
    const between = previous ? sentence.slice(previous.end, term.start) : '';
    if (/[,;:)]/.test(between)) subordinate = false;
    // "what a mess" exclaims; "what we missed" tells what is talked about.
    const opensClause = clauseOpeners.has(term.lower) && !(term.lower === 'what' && terms[index + 1]?.tags.has('Determiner'));
    // "a mistake that could have ...": "that" after a noun opens a relative clause; after a verb ("shows that") it does not.
    if (between.includes('(') || opensClause || (term.lower === 'that' && previous?.tags.has('Noun'))) subordinate = true;
    return subordinate;
  });
}

/** The sentence's verb groups in order. */
function verbGroups(terms: readonly TaggedTerm[], subordinate: readonly boolean[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index];
    // "Applied the rules without testing": a note that opens on a past participle tells a past act, whatever the tagger
    // read; "Based on ...", with a preposition after it, only frames the sentence.
    if (terms.slice(0, index).every((before) => !/\p{L}/u.test(before.text)) && /\p{L}{2}(?<!e)ed$/u.test(term.lower)) {
      if (!terms[index + 1]?.tags.has('Preposition')) groups.push({ verbs: [term], subordinate: subordinate[index] });
      continue;
    }
    if (!isFiniteVerb(term, terms[index - 1])) continue;
    const verbs = groupFrom(terms, index);
    groups.push({ verbs, subordinate: subordinate[index] });
    index = terms.indexOf(verbs[verbs.length - 1]);
  }
  return groups;
}

/** A signal named outside a clause that only tells what is talked about ("never looked at what the warnings would do" names none). */
function namesSignal(terms: readonly TaggedTerm[], subordinate: readonly boolean[], sentence: string): boolean {
  const named = signalNouns.exec(sentence);
  if (!named) return false;
  const at = terms.findIndex((term) => term.end > named.index);
  return at < 0 || !subordinate[at];
}

/** The verbs that complete the one at `start`: helpers run on to the main verb ("should not have been carrying"). */
function groupFrom(terms: readonly TaggedTerm[], start: number): TaggedTerm[] {
  const group = [terms[start]];
  for (let index = start + 1; index < terms.length; index++) {
    const term = terms[index];
    const last = group[group.length - 1];
    const helps = last.tags.has('Auxiliary') || modals.has(last.lower) || last.tags.has('Copula') || linkingVerbs.has(bare(last)) || isBeContraction(last);
    // "was far too tired", "should have double checked": modifiers between a helper and its verb.
    const modifiers = helps ? runOfModifiers(terms, index) : 0;
    if (modifiers > 0 && terms[index + modifiers]?.tags.has('Verb')) {
      index += modifiers - 1;
      continue;
    }
    // "supposed to select", "forgot to run": the infinitive is the act; "were to blame" stays a state.
    if (term.lower === 'to' && !helps && terms[index + 1]?.tags.has('Verb')) {
      group.push(terms[++index]);
      continue;
    }
    if (term.tags.has('Negative') || (term.tags.has('Adverb') && terms[index + 1]?.tags.has('Verb'))) continue;
    // "has done", tagged as an adjective: after "have" the participle is the verb.
    const participle = perfectHelpers.has(bare(last)) && term.tags.has('Adjective');
    if ((!term.tags.has('Verb') && !participle) || !helps) break;
    group.push(term);
  }
  return group;
}

/** How many adverbs, adjectives, numbers or negations run from `start`. */
function runOfModifiers(terms: readonly TaggedTerm[], start: number): number {
  let count = 0;
  while (terms[start + count] && !terms[start + count].tags.has('Verb') && ['Negative', 'Adverb', 'Adjective', 'Value'].some((tag) => terms[start + count].tags.has(tag))) count++;
  return count;
}

/** "got" tagged only as an auxiliary: with no tense from the tagger, the conjugation tells a past form from an infinitive. */
function untaggedPast(verb: TaggedTerm): boolean {
  if (verb.tags.has('PresentTense') || verb.tags.has('Infinitive') || !/^\p{L}+$/u.test(verb.lower)) return false;
  const forms = verbForms(verb.lower, 'PastTense');
  return forms !== undefined && forms.past !== forms.infinitive;
}

/** "we let", "a slip put": after its subject, a verb whose past is its present form may tell the past. */
function pastLikePresent(verb: TaggedTerm, subject: TaggedTerm | undefined): boolean {
  if (!subject?.tags.has('Noun') || !verb.tags.has('PresentTense') || verb.tags.has('Copula') || !/^\p{L}+$/u.test(verb.lower)) return false;
  const forms = verbForms(verb.lower, 'Infinitive');
  return forms !== undefined && forms.past === verb.lower;
}

/** "did not", "was", "has done", "should have", "could be avoided", "Deleted the ...": what happened then, or what should have. */
function inPast(verbs: readonly TaggedTerm[], before: TaggedTerm | undefined): boolean {
  const [first] = verbs;
  const helper = bare(first);
  if (first.tags.has('PastTense') || pastHelpers.has(helper) || /ed$/.test(helper) || untaggedPast(first) || pastLikePresent(first, before)) return true;
  if (perfectHelpers.has(helper) && verbs.length > 1) return true;
  return modals.has(helper) && !presentModals.has(helper);
}

/** The group ends on a verb of doing: not a linking verb, not an ongoing practice told with a be-form ("had been performing"). */
function tellsAct(verbs: readonly TaggedTerm[]): boolean {
  const head = verbs[verbs.length - 1];
  if (head.tags.has('Copula') || linkingVerbs.has(bare(head))) return false;
  return !(head.tags.has('Gerund') && verbs.length > 1);
}

/** "ignored the warning", "wrote this error off", "did not see them": what was set aside is named, though no signal word is. */
function dismissedHasObject(terms: readonly TaggedTerm[], sentence: string): boolean {
  if (messageUnread.test(sentence)) return true;
  const dismissed = dismissedWords.exec(sentence);
  if (!dismissed) return false;
  // "wrote this error off" holds its object; "procedures we ignored;" has none after it.
  if (/\s/.test(dismissed[0])) return true;
  const end = dismissed.index + dismissed[0].length;
  const next = terms.find((term) => term.start > end);
  return next !== undefined && !/[,;:.!?]/.test(sentence.slice(end, next.start)) && ['Determiner', 'Pronoun', 'Noun'].some((tag) => next.tags.has(tag));
}

/** "Enabling the integration was a mistake": the act is told by a gerund and its object. */
function gerundWithObject(terms: readonly TaggedTerm[]): boolean {
  return terms[0]?.tags.has('Gerund') === true && terms[1]?.tags.has('Determiner') === true;
}

/** The word before the verb at `verbAt`, past its adverbs ("it wrongly assumed" -> "it"). */
function subjectOf(terms: readonly TaggedTerm[], verbAt: number): TaggedTerm | undefined {
  let index = verbAt - 1;
  while (terms[index]?.tags.has('Adverb')) index--;
  return terms[index];
}

/** The questions that fit the sentence, or undefined when none do. */
export function reframeFor(sentence: string, kind: 'blame' | 'hindsight', cache?: AnalysisCache): Reframe | undefined {
  const shape = fittingShape(sentence, kind, cache);
  if (shape === 'none') return undefined;
  const asked = questions[shape];
  return {
    title: `Reframe as the questions a blameless review asks: ${asked[0]}`,
    text: asked.join(' '),
    snippet: asked.map((question, index) => `\${${index + 1}:${escapeSnippet(question)}}`).join(' '),
  };
}

/** Where a clause of plain fact before the blame ends, and where the blaming clause starts. */
export interface FactKept {
  factEnd: number;
  clauseStart: number;
}

// A clause boundary after which a new clause with its own subject may carry the blame alone: a spaced dash, a semicolon, or
// "and" or "but" before a pronoun ("The site was down all morning, and I feel it was my fault"); not "so", which often
// tells a purpose ("removed the check so I could force it through").
const clauseBoundary = /\s+[—–-]+\s+|;\s+|,?\s+(?:and|but)\s+(?=(?:I|we|he|she|they)\b)/gu;

/**
 * A clause of plain fact before the blaming words ("The relay stopped at midnight — I skipped the certificate check"):
 * kept as a sentence of its own, so that the questions replace only the clause that blames and the fact stays. It must
 * read as a sentence (a finite verb, four words or more) and hold none of the blaming words.
 */
export function factBefore(sentence: string, blameStart: number, cache?: AnalysisCache): FactKept | undefined {
  let found: FactKept | undefined;
  for (const match of sentence.matchAll(clauseBoundary)) {
    if (match.index + match[0].length > blameStart) break;
    found = { factEnd: match.index, clauseStart: match.index + match[0].length };
  }
  if (!found) return undefined;
  const fact = sentence.slice(0, found.factEnd);
  if (fact.trim().split(/\s+/).length < 4 || /[,(:]\s*$/.test(fact)) return undefined;
  const terms = tagTerms(fact, cache);
  return terms.some((term, index) => isFiniteVerb(term, terms[index - 1]) || misreadPasts.has(term.lower)) ? found : undefined;
}

// Past forms the tagger may read as nouns ("the pipeline broke down").
const misreadPasts = new Set(['broke', 'fell', 'went', 'ran', 'came', 'took', 'began', 'got']);

// After a kept clause of fact, "this step" would seem to point at that clause: the questions name what they ask about.
const pointers: readonly [RegExp, string][] = [
  [/\bthis step\b/g, 'the missed step'],
  [/\bthis action\b/g, 'the act that went wrong'],
  [/\bthis signal\b/g, 'the signal'],
  [/\bthis failure\b/g, 'the failure'],
  [/\bthis choice\b/g, 'the choice'],
];

/** The questions as they read after a kept clause of fact: no "this" that could point at the fact. */
export function afterFact(reframe: Reframe): Reframe {
  const named = (text: string) => pointers.reduce((current, [pattern, words]) => current.replace(pattern, words), text);
  return { title: named(reframe.title), text: named(reframe.text), snippet: named(reframe.snippet) };
}
