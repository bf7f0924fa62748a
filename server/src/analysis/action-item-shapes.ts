// How action items read in real documents: whether a line is an action or a heading for actions, whether a
// heading says its items are done or gives their window, and who the subject of an item is.
import { nameVerdict } from './blame/names';
import type { AnalysisCache } from './cache';

// The words that open an imperative item. A word list, not the NLP library: loading that costs a third of a
// second, which reading action items must not pay.
const actionVerbs = new Set(
  (
    'activate add adjust adopt alert align allow alphabetise alphabetize analyse analyze archive ask assess assign attempt audit automate avoid backfill backport block break build bump ' +
    'cap change check clarify clean communicate complete configure confirm consider consolidate contact coordinate correct create decide decommission define ' +
    'delete deploy deprecate design destroy detect disable discuss document double draft drop educate eliminate enable encrypt enhance enforce engage ensure escalate ' +
    'establish evaluate expand experiment explore expose extend extract finalise finalize find fix follow formalise formalize gate get go harden hold identify implement ' +
    'improve include increase inform install instrument integrate introduce investigate isolate keep label let limit lock log look lower make ' +
    'measure merge migrate mitigate monitor move notify onboard open organise organize page patch pin plan port prepare prevent prioritise prioritize ' +
    'protect provide publish purge push put raise rate-limit reach reboot rebuild record reduce refactor reformat refresh refund reindex reject release remove rename ' +
    'reorganise replace report require research reset resize restart restore restrict resync reupload rerun retire revert review revisit revoke rewrite roll rotate run scale ' +
    'schedule scope secure send separate set setup share ship shorten shut sign simplify speak spike split standardise standardize start stop ' +
    'streamline support switch sync synchronise talk teach test tighten track train trigger tune turn unify update upgrade use validate verify ' +
    'version watch write'
  ).split(' '),
);

// Tags and markers before an item's words: "[P1]", "**", "TODO:", "1)".
// Not the try-harder rule's tags: here only the words are wanted, not an offset into them, so every kind of marker goes.
const leadingMarks = /^(?:\s*(?:\[[^\]\n]{0,12}\]|\((?:P[0-2])\)|P[0-2]:|[*_~`]+|(?:TODO|DONE|FIXME)\b[:\s-]*|\d{1,3}[.)]|[-–—:]))*\s*/i;

/** The source of a pattern for the words that address the reader ('you', 'your'): steps they name are the reader's, not the team's. */
export const addressesReaderWords = String.raw`\b(?:you|your)\b`;

/** The item's words without the tags and markers before them. */
export function withoutLeadingMarks(words: string): string {
  return words.replace(leadingMarks, '');
}

/** "Add an alert ...", "[P1] Migrate ...": the item starts with an imperative verb. */
export function startsWithActionVerb(words: string): boolean {
  const first = /^[\p{L}-]+/u.exec(withoutLeadingMarks(words))?.[0].toLowerCase();
  return first !== undefined && actionVerbs.has(first);
}

// Past forms that do not end in -ed.
const irregularPast = new Set(['made', 'wrote', 'rewrote', 'built', 'rebuilt', 'ran', 'sent', 'kept', 'found', 'held', 'got', 'began']);

// Verbs whose past is their present: past only among entries that are plainly past ("Migrated ...", "Set up ...").
const unmarkedPast = new Set(['set', 'reset', 'put', 'cut', 'shut']);

/**
 * "Removed ...", "[ICL] Migrated ...", "Re-enabled ...": the item opens with an action verb in the past, a change already
 * made. `amongPast`: its neighbours are in the past, so "Set up ..." is too.
 */
export function startsWithPastAction(words: string, amongPast = false): boolean {
  // "Temporarily doubled ...": an adverb before the verb.
  const first = /^(?:\p{L}+ly[ \t]+)?([\p{L}-]+)/u.exec(withoutLeadingMarks(words))?.[1].toLowerCase() ?? '';
  if (irregularPast.has(first) || (amongPast && unmarkedPast.has(first))) return true;
  return isPastOfAction(first);
}

/** "removed", "added", "applied", "stopped"; "re-enabled" is "enable" done again. */
function isPastOfAction(word: string): boolean {
  if (!word.endsWith('ed')) return false;
  const stem = word.slice(0, -2).replace(/^re-/, '');
  const bases = [stem, `${stem}e`, stem.replace(/i$/, 'y'), stem.replace(/(.)\1$/, '$1')];
  return bases.some((base) => actionVerbs.has(base));
}

// "The relay has been patched to ...", "Affected users were refunded", "The release is now signed": the subject,
// then a passive of an action verb. Words of work still ahead ("will", "to be", "needs to") make it no report.
const passiveOfAction = /^(?:[^.;:!?]|\.(?=\d)){1,80}?\b(?:was|were|(?:has|have)[ \t]+(?:now[ \t]+|already[ \t]+)?been|(?:is|are)[ \t]+now)[ \t]+(?:\p{L}+ly[ \t]+)?([\p{L}-]+)/iu;
const noLonger = /^(?:[^.;:!?]|\.(?=\d)){1,80}?\bno[ \t]+longer[ \t]+(?:has|have|had|is|are|can|runs?|uses?|gets?|accepts?|allows?)\b/i;
const workAhead = /\b(?:will|shall|should|must|needs?[ \t]+to|going[ \t]+to|to[ \t]+be|would|could|plan(?:s|ned)?|TODO)\b/i;

// "It has been identified that ...", "Port 22 was allowed from anywhere": findings and states, not changes made.
const notChanges = new Set(['identified', 'allowed', 'asked', 'found', 'noticed', 'observed', 'reported', 'required', 'needed', 'expected', 'decided', 'agreed', 'discussed', 'considered', 'proposed', 'suggested', 'recommended', 'requested', 'left', 'kept', 'used']);

/** An item that reports, in the passive, an action already taken: a change made, not one to make. */
export function reportsActionTaken(words: string): boolean {
  const plain = withoutLeadingMarks(words);
  if (workAhead.test(plain) || startsWithActionVerb(plain)) return false;
  // "Former members no longer have access to the repository": a state a change brought about.
  if (noLonger.test(plain)) return true;
  // "Advisory notices sent to the mailing list": a headline's participle after its subject.
  const headline = headlinePast.exec(plain);
  if (headline && isChangeMade(headline[1].toLowerCase())) return true;
  const passive = passiveOfAction.exec(plain);
  if (!passive) return false;
  const after = plain.slice(passive.index + passive[0].length);
  // "have been identified and deprecated": the last of coordinated participles is the change; "reported to the registrar" is an act.
  const participle = (/^[ \t]+and[ \t]+([\p{L}-]+)/u.exec(after)?.[1] ?? passive[1]).toLowerCase();
  if (participle === 'reported' && /^[ \t]+to[ \t]+(?:the|our|its|their|\p{Lu})/u.test(after)) return true;
  return isChangeMade(participle);
}

/** A participle that tells a change made: "removed", "sent", "re-enabled"; in a compound ("PGP-signed") its last part; not a finding ("identified"). */
function isChangeMade(participle: string): boolean {
  if (notChanges.has(participle)) return false;
  const verb = participle.replace(/^(?:[\p{L}]+-)+(?=\p{L}{3,}ed$)/u, '');
  return irregularPast.has(verb) || unmarkedPast.has(verb) || isPastOfAction(verb);
}

// "CVE requested via the advisory", "Notices sent to the list": a few words, then a participle and where it went.
const headlinePast = /^(?:(?!(?:was|were|is|are|be|been|has|have|had)[ \t])[\p{L}\d`'’.-]+[ \t]+){1,4}?([\p{L}-]+ed|sent|made|built|held|put|shut|cut)[ \t]+(?:to|via|on|at|for|with|by|in)[ \t]/iu;

// "we're also rolling out ...", "We are preparing to ...", "the team is enhancing ...": the writers at an action now.
const writersAtWork = /\b(?:(?:we|I)(?:['’]re|['’]m|[ \t]+are|[ \t]+am)|(?:the|our)[ \t]+(?:[\p{L}-]+[ \t]+)?team[ \t]+is)[ \t]+(?:(?:also|now|currently|still|\p{L}+ly)[ \t]+)?(\p{L}+)ing\b/iu;

/** The writers say they are doing an action now ("We're rolling out ..."); "we are taking responsibility" is no action. */
export function tellsWorkUnderWay(words: string): boolean {
  const found = writersAtWork.exec(words);
  const stem = found?.[1].toLowerCase();
  if (stem === 'work' && found !== null && workingTowards.test(words.slice(found.index + found[0].length))) return true;
  return stem !== undefined && [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')].some((base) => actionVerbs.has(base));
}

// "I am working with the provider to ...", "we're working to refine ...": work towards a change, not the response at work ("working to fix the bug").
const workingTowards = /^[ \t]+(?:with[ \t]+[^.;]{1,60}?[ \t]+)?to[ \t]+(?:see[ \t]+if[ \t]+|make[ \t]+sure[ \t]+)?(?!(?:restore|recover|bring|fix|resolve|investigate|mitigate|address|understand|identify|get[ \t]+(?:the|our)[ \t]+\w+[ \t]+back)\b)\p{L}+/iu;

// "Immediate actions (completed)", "Done", "Actions taken"; not "to be completed" or "not done".
// Wider than the status words of action-items.ts: a heading tells of work done in prose ("taken", "implemented"), so it guards against negation.
const doneWords = /\b(?<!(?:to be|not|be|being|yet)[ \t])(?:done|completed?|finished|resolved|closed|taken|implemented|shipped|fixed)\b/i;

// Initials over a group of items ("**LB**", "**DMc**"); technical acronyms name what the items are about, not who does them.
const initials = /^\p{Lu}{2,3}$|^\p{Lu}{1,2}Mc$/u;
const techAcronyms = new Set(['API', 'APIS', 'DNS', 'DB', 'CDN', 'TLS', 'SSL', 'CI', 'CD', 'UI', 'AWS', 'GCP', 'VPN', 'SSO', 'OS', 'IP', 'SQL', 'CPU', 'RAM', 'SLA', 'SLO', 'TTL', 'URL', 'CSS', 'SEO', 'JS', 'PR', 'PRS', 'IAM', 'K8S', 'VM', 'VMS', 'HA', 'DR', 'QOS', 'FAQ', 'TBD']);
// "**Platform team**", and people named by their work in the plural ("**Devs**", "**Maintainers**"), which no topic is called.
const groupTeam = /^(?:[\p{L}][\p{L}-]*[ \t]+(?:team|squad|crew|guild)|devs|developers|engineers|admins|sysadmins|maintainers|everyone)$/iu;

// The colon that ends a label and leads into what follows it ("**Alex**:", "Short term："), full-width too.
const endingColon = /[:：]\s*$/;

/** The text ends on a colon: it leads into what follows it. */
export function endsInColon(text: string): boolean {
  return endingColon.test(text);
}

// "When this happens again, we will" over a numbered list: a promise whose verb is each entry of the list after it.
// "..., we are addressing the following paging gaps": a sentence that names what the list holds, its colon left out.
const followingNamed = /\bthe[ \t]+following(?:[ \t]+[\p{L}-]+){1,2}[ \t]*$/iu;
const danglingPromise = /\b(?:we|I)[ \t]+(?:will|shall|are[ \t]+going[ \t]+to|plan[ \t]+to|intend[ \t]+to)[ \t]*$/i;

/** The text leads into the list after it: it ends on a colon, or on a promise whose verb the list gives. */
export function leadsIntoList(text: string): boolean {
  return endsInColon(text) || danglingPromise.test(text) || followingNamed.test(text);
}

/** A label's words without the colon that ends it. */
export function labelWords(label: string): string {
  return label.replace(endingColon, '').trim();
}

/**
 * The owner a group label names for the items under it: "**Alex**", "**Priya Shah**", "**LB**", "**@ana**", "**Payments team**".
 * A topic ("**Monitoring**", "**Build System**") names none: a capitalised word counts only when it is judged a person's name
 * as the blame check judges one; a handle, a team or initials are settled first, without that costlier judgement.
 */
export function ownerOfGroupLabel(label: string, cache?: AnalysisCache): string | undefined {
  const words = labelWords(label);
  // "**Acme via AG**": a vendor's work, followed up by one of the team, who owns it.
  const liaison = / via (.+)$/.exec(words);
  if (liaison) return ownerOfGroupLabel(liaison[1], cache) === undefined ? undefined : words;
  // "**Alex and Danny**", "**AC/AFC**": every part must name an owner.
  const parts = words.split(/\s*(?:\/|,|&|\band\b)\s*/);
  return parts.length <= maxGroupOwners && parts.every((part) => namesOneOwner(part, cache)) ? words : undefined;
}

/** Owners a group label may name together; a longer list is a topic list ("DNS, CDN, TLS and caching"). */
const maxGroupOwners = 4;

function namesOneOwner(words: string, cache: AnalysisCache | undefined): boolean {
  if (/^@[\w.-]+$/.test(words) || groupTeam.test(words)) return true;
  if (initials.test(words)) return !techAcronyms.has(words.toUpperCase());
  // "Gareth E", "Priya S.": a first name with the initial of the last; the name is judged without it.
  const name = words.replace(/ \p{Lu}\.?$/u, '');
  if (!/^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)?$/u.test(name)) return false;
  // "Anaïs", "Bjørn": a word with a letter English does not use names someone the English tagger may not know; a topic word would be English.
  return nameVerdict(name, name, cache) === 'person' || /[^\p{ASCII}]/u.test(name);
}

/** A heading or group label that says its items are done. */
export function saysDone(title: string): boolean {
  return (doneWords.test(title) || writersDid.test(title)) && !/\b(?:to do|todo|planned|pending|open|remaining|next|in progress)\b/i.test(title);
}

// "What I did to prevent ...", "What we have changed": the writers tell the work as done.
const writersDid = /^what[ \t]+(?:I|we)(?:[ \t]+have|['’]ve)?[ \t]+(?:did|done|changed|fixed)\b/i;

// A window one can check on a calendar ("this week", "within 30 days", "1-2 weeks", "Q3", "Target: May 2025").
const calendarWindow = String.raw`(?:this|next)[ \t]+(?:week|sprint|month|quarter|year)|(?:(?:next|following|coming|within)[ \t]+)?(?:\d+(?:[ \t]*[-–][ \t]*\d+)?|one|two|three|four)[ \t]*(?:days?|weeks?|months?|sprints?)\b|(?:Q[1-4]|H[12])(?:[ \t]+\d{4})?|target[ \t]*:[ \t]*\S`;
// A window that ranks the items but dates none of them ("Short term", "Long term", "the next few weeks"); a window of hours
// ("Immediate") is the response itself, over before anyone follows up.
const rankingWindow = String.raw`immediate(?:ly)?|urgent|short[- ]?term|medium[- ]?term|mid[- ]?term|long[- ]?term|near[- ]?term|(?:next|following|coming)[ \t]+few[ \t]+(?:days|weeks|months|sprints)|target`;
const windowWords = new RegExp(String.raw`\b(?:(?:${rankingWindow})\b|${calendarWindow})`, 'i');
const checkableWindow = new RegExp(String.raw`\b(?:${calendarWindow})`, 'i');

/** The window a heading or group label gives its items ("Short term: this week", "Target: Q3"), as written. */
export function windowOf(title: string): string | undefined {
  // A sentence that leads into the items ("..., we have changed a few things and plan more lasting fixes:") tells of some of them, it sets no window.
  if (title.includes(',') && title.split(/\s+/).length > maxWindowWords) return undefined;
  return windowWords.test(title) ? labelWords(title) : undefined;
}

/** True when a window given by a heading can stand for a due date ("Short term: this week"), not only rank the items ("Long term"). */
export function windowGivesDueDate(window: string): boolean {
  return checkableWindow.test(window);
}

/** Headings and labels that give a window are short; a lead-in sentence is longer. */
const maxWindowWords = 10;

/** A heading that names work ahead: a time ahead, or plans ("Future prevention", "Planned improvements", "Upcoming changes"). */
export function namesWorkAhead(title: string): boolean {
  return namesTimeAhead(title) || /\b(?:future|upcoming|planned|proposed)\b/i.test(title);
}

/** A heading that names a time ahead ("The next two weeks", "Long term", "Q3"); "Immediate response" tells of the incident. */
export function namesTimeAhead(title: string): boolean {
  return windowOf(title) !== undefined && !/\b(?:immediate(?:ly)?|urgent)\b/i.test(title);
}

// Subjects that are not owners: "we", "the team", everyone, the users, pronouns, and words that open prose.
const notOwners = new Set(
  (
    'we i you they he she it no this that these those there here nobody noone everyone everybody someone somebody anyone team teams us our all each ' +
    'every users user customers customer people clients client folks note notes todo done action actions update status follow-up followup ' +
    'priority context goal details detail problem summary owner owners why what how when where which who next then also example'
  ).split(' '),
);

/** Words that make a subject a group of people ("the payments team", "SRE on-call"): they own work, software does not. */
export const teamWords = 'team|squad|group|crew|guild|on-?call|engineers?|leads?|owners?|admins?|operators?|maintainers?|managers?|members?';
const subjectName = `(?:@[\\w.-]+(?:/[\\w.-]+)?|[\\p{Lu}][\\p{L}\\p{M}\\d&.'-]*)(?:[ \\t]+(?:[\\p{Lu}][\\p{L}\\p{M}\\d&.'-]*|${teamWords}|and[ \\t]+[\\p{Lu}][\\p{L}\\p{M}\\d&.'-]*)){0,3}`;
// "Default to local reads", "Downgrade to the last image": after "to" an article, a possessive or a compound adjective is no verb, so
// the capital word before it is the item's own verb, not a team taking the action on.
const notVerbAfterTo = String.raw`(?:the|a|an|my|our|your|its|their|this|that|these|those|other|\p{L}+-\p{L}+)\b`;
// "Platform will add ...", "SRE team to review ...", "The payments team will ...", "Ana is moving ..."; not "Alerts will be added" (a passive, no owner);
// "The technical team, including Platform and the vendor, will ...": who the team takes in does not change its owner.
const namedTeam = `[\\p{L}][\\p{L}-]*[ \\t]+(?:team|squad|group|crew|guild)`;
const subjectBefore = new RegExp(`^(?:[Tt]he[ \\t]+)?(${subjectName}|${namedTeam})(?:,?[ \\t]+(?:including|together[ \\t]+with|with[ \\t]+help[ \\t]+from)[ \\t]+[^.;:]{1,80}?,?)?[ \\t]+(?:will|shall|to(?![ \\t]+${notVerbAfterTo})|is going to|are going to|needs? to|owns?|(?:is|are)[ \\t]+(?:(?:also|now|currently|actively|still)[ \\t]+)?(?=\\p{L}+ing\\b))\\b(?![ \\t]*(?:be|not|no longer|have been)\\b)`, 'u');
// "Infra: add ...", "Infra + Security: add ...": a team, or teams together, named as a label before the action.
const labelName = `(?:@[\\w.-]+|[\\p{Lu}][\\p{L}\\p{M}\\d&.'-]*)`;
const subjectLabel = new RegExp(`^(${labelName}(?:[ \\t]*(?:\\+|&|\\/|,|and)[ \\t]*${labelName}){0,3}(?:[ \\t]+(?:${teamWords}))?)[ \\t]*:[ \\t]+\\S`, 'u');

// "SRE check how ...", "QA verify the ...": a team's acronym straight before the action it owns. The word after the
// verb must open its object, so that "DNS update for ..." stays a noun phrase.
const acronymBeforeVerb = /^([\p{Lu}][\p{Lu}\d&]{1,5})[ \t]+([\p{Ll}-]+)[ \t]+(?:the|a|an|our|their|all|any|each|every|how|what|whether|which|that|this|these|those|up|out)\b/u;

// "validators rolled back ...", "Operators will drain ...", "Library maintainers and integrators must ...": a role in
// the plural, perhaps after a word saying whose, doing the step.
const roles = String.raw`validators|operators|maintainers|developers|engineers|reviewers|responders|admins|administrators|moderators|contributors|owners`;
const roleSubject = new RegExp(
  String.raw`^(?:the[ \t]+|all[ \t]+)?((?:[\p{L}-]+[ \t]+)?(?:${roles})(?:[ \t]+(?:and|or)[ \t]+[\p{L}-]+)?)[ \t]+(?:will|shall|to|need to|must|should|were[ \t]+asked[ \t]+to|(?!need\b)[a-z]+ed)\b(?![ \t]+(?:be[ \t]+\p{L}+(?:ed|en)|by)\b)`,
  'iu',
);

// "I will add ...", "I'll migrate ...", "I'm also planning to ...": the writer takes the action on; "I should have ..." looks back instead.
const firstPersonAction = /^(I)(?:['’]ll|['’]m (?:(?:also|still|then|[a-z]+ly) )?(?:going|planning) to|(?:['’]m|[ \t]+am)[ \t]+(?:(?:also|still|now|currently|actively)[ \t]+)?working[ \t]+on|[ \t]+(?:(?:also|still|then|[a-z]+ly)[ \t]+)?(?:will|shall|am going to|need to|plan to|intend to|am planning to|must|should))\b(?![ \t]+(?:not|never|have)\b)/;

// "I have revoked the token, and will avoid ...": a step the writer took, joined in the same sentence to a promise of theirs.
const firstPersonJoinedPromise = /^I[ \t]+(?:have[ \t]+|had[ \t]+)?(?:(?:\p{L}+ly|already|also|just)[ \t]+)?\p{L}+(?:ed|en|t)\b[^.;!?]*?,?[ \t\n]+and[ \t\n]+(?:(?:also|then|[a-z]+ly)[ \t]+)?(?:will|shall|plan[ \t]+to|intend[ \t]+to)\b(?![ \t]+(?:not|never)\b)/u;

// "My next step is to script the restores": the work the writer takes up next.
const firstPersonNextStep = /^my[ \t]+(?:immediate[ \t]+)?next[ \t]+(?:steps?|efforts?|priority|priorities|focus|task)[ \t]+(?:is|are|will[ \t]+be)\b/i;

/** The writer of an item in the first person ("I'll migrate ...", "My next step is ..."), who owns it: the value is "I". */
export function firstPersonOwner(words: string): { value: string; index: number } | undefined {
  const lead = words.length - withoutLeadingMarks(words).length;
  const rest = words.slice(lead);
  return firstPersonAction.test(rest) || firstPersonJoinedPromise.test(rest) || firstPersonNextStep.test(rest) ? { value: 'I', index: lead } : undefined;
}

// "Finally, the platform team will ...", "Going forward, Ana will ...", "And now I will ...": connectives before the subject.
const leadConnective = /^(?:(?:finally|also|additionally|in addition|next|then|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|separately|going forward|moving forward|in the future|from now on|as a next step|(?:in the )?(?:short|medium|long)[- ]term),[ \t]+|(?:and|so|but|now|from now on)[ \t]+){1,2}/i;

// "(tc, cloudops teams) add heartbeat monitoring": owners in parentheses before a task that starts in lower case.
const parenthesisedOwners = /^\s*\(((?:@?[\p{L}][\p{L}\p{M}'.-]*)(?:(?:,\s*|\s+(?:and|&)\s+|\s+|\s*\/\s*)@?[\p{L}][\p{L}\p{M}'.-]*){0,5})\)\s+(?=\p{Ll})/u;
// In that place, what the item is rather than who does it: "(optional)", "(WIP)", "(long term)".
const itemStates = /^(?:optional|to do|wip|blocked|in progress|ongoing|complete[d]?|high|medium|low|critical|urgent|stretch|nice to have|maybe|tbd|later|now|short[ -]term|long[ -]term|mid[ -]term|future|proposed|recommended|suggested|investigate|idea|follow up|p[0-4]|sev ?[0-4])$/i;

// "[ana] dry-run the config", "[kim?] look at the alarms": account names in brackets before the task; a "?" marks a guessed owner.
const bracketedAccounts = /^\s*\[(@?\p{Ll}[\p{Ll}\p{N}_.-]{1,38}(?:\s*,\s*@?\p{Ll}[\p{Ll}\p{N}_.-]{1,38}){0,3})\??\](?![([:])\s+(?=\S)/u;
// Template words in that place stand for an owner not yet named.
const ownerStandIns = new Set(['name', 'names', 'assignee', 'person', 'tbd', 'tba']);

/** The owners named in parentheses or brackets before the task ("(infra, billing) move the cron hosts", "[ana] add the alarm"), with their offset in `words`. */
export function parenthesisedOwner(words: string): { value: string; index: number } | undefined {
  const match = parenthesisedOwners.exec(words) ?? bracketedAccounts.exec(words);
  if (!match || itemStates.test(match[1]) || notOwners.has(match[1].toLowerCase()) || ownerStandIns.has(match[1].toLowerCase())) return undefined;
  return { value: match[1], index: match[0].indexOf(match[1]) };
}

/** "Dana - add a disk alert", "Sam K \- write the runbook" (the dash escaped): a person's name, a dash, then the task, as notes kept in a shared doc write it. */
export function dashedOwner(words: string, cache?: AnalysisCache): { value: string; index: number } | undefined {
  const unmarked = withoutLeadingMarks(words);
  const match = /^(\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+|[ \t]\p{Lu}\.?)?)[ \t]+\\?[-–—][ \t]+\S/u.exec(unmarked);
  if (!match || ownerOfGroupLabel(match[1], cache) === undefined) return undefined;
  return { value: match[1], index: words.length - unmarked.length };
}

/** A team, role or person named as the subject of the item, with its offset in `words`. */
export function subjectOwner(words: string): { value: string; index: number } | undefined {
  const unmarked = withoutLeadingMarks(words);
  const lead = words.length - unmarked.length + (leadConnective.exec(unmarked)?.[0].length ?? 0);
  const rest = words.slice(lead);
  const writer = firstPersonOwner(rest);
  if (writer) return { value: writer.value, index: lead };
  const role = roleSubject.exec(rest);
  // "Ask developers to ...": the role is whom the action asks, the writer's team owns it.
  const roleWhose = role?.[1].split(/[ \t]+/)[0].toLowerCase() ?? '';
  if (role && !actionVerbs.has(roleWhose) && !notOwners.has(roleWhose)) return { value: role[1], index: lead + rest.indexOf(role[1]) };
  const acronym = acronymBeforeVerb.exec(rest);
  if (acronym && actionVerbs.has(acronym[2]) && !notOwners.has(acronym[1].toLowerCase())) return { value: acronym[1], index: lead };
  const before = subjectBefore.exec(rest);
  const match = before ?? subjectLabel.exec(rest);
  if (!match) return undefined;
  const value = match[1].replace(/^the[ \t]+/i, '');
  const first = value.split(/[ \t]+/)[0].toLowerCase();
  if (notOwners.has(first.replace(/^@/, '')) || actionVerbs.has(first)) return undefined;
  // A participle as the label ("Suggested: ...", "Proposed: ...", "Implemented: ...") gives the item's stage, not its owner.
  if (!before && /^\p{L}{3,}ed$/u.test(value)) return undefined;
  // A label that opens an action ("Infra: add ...") names a team only when what follows is the action.
  if (!before && !startsWithActionVerb(rest.slice(match[0].length - 1))) return undefined;
  return { value, index: lead + rest.indexOf(value) };
}
