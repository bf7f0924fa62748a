// A clause with a person as subject turned into the passive without its agent: "Sam deleted the table" -> "The table was deleted".
import { tagTerms, verbForms, type TaggedTerm } from './tagged';
import type { AnalysisCache } from '../../cache';
import { concession, isUnintended, unintendedPhrase } from './words';

export interface ClauseParts {
  /** The sentence, masked (code spans read as one word). */
  text: string;
  /** Where the person's words start and end, in sentence offsets. */
  subjectStart: number;
  subjectEnd: number;
  /** Adverbs that make the act a fault ("accidentally"); the rewrite drops them. */
  faultAdverbs: ReadonlySet<string>;
  /** The source of a range, markup kept. */
  sourceOf: (from: number, to: number) => string;
  /** Say "mistakenly" and "by mistake" as "accidentally" and "by accident": in a passive with no agent they still read as someone's error. */
  plainSlip?: boolean;
  /** Keeps the sentence's tags for the caller (see `tagTerms`). */
  cache?: AnalysisCache;
}

/** Replaces `from`..`to` of the sentence with `text`. */
export interface ClauseEdit {
  from: number;
  to: number;
  text: string;
}

/** The tense of the passive: "was deleted", "is deleted", "was being deleted", "had been deleted". */
// `possible`: "could have detected it" -> "it could have been detected": what was within reach stays a fact of the passive.
type Tense = 'past' | 'present' | 'progressive' | 'perfect' | 'presentPerfect' | 'gerund' | 'possible';

/** How the verb is introduced, and what the passive says instead. */
interface Auxiliary {
  words: readonly string[];
  /** The verb after it: an infinitive ("did not delete"), a participle ("should have deleted") or a gerund ("was monitoring"). */
  verb: 'Infinitive' | 'Participle' | 'Gerund';
  negation: '' | 'not' | 'never';
  tense: Tense;
}

const auxiliary = (words: string, verb: Auxiliary['verb'], negation: Auxiliary['negation'], tense: Tense): Auxiliary => ({ words: words.split(' '), verb, negation, tense });

// Hindsight ("should have checked") says it was not done; "should not have" says it was. "would have" and "might have"
// tell a consequence that did not come ("we would have wasted money"), not a step left undone, and get no passive.
const auxiliaries: readonly Auxiliary[] = [
  ...['did not', "didn't", 'did never', 'failed to', 'forgot to', 'neglected to', 'omitted to', 'never got to'].map((words) => auxiliary(words, 'Infinitive', 'not', 'past')),
  ...['does not', "doesn't", 'do not', "don't", 'fails to', 'forgets to', 'neglects to', 'omits to'].map((words) => auxiliary(words, 'Infinitive', 'not', 'present')),
  auxiliary('never', 'Infinitive', 'never', 'past'),
  ...['should have', 'ought to have'].map((words) => auxiliary(words, 'Participle', 'not', 'past')),
  auxiliary('could have', 'Participle', '', 'possible'),
  ...['should not have', "shouldn't have", 'ought not to have'].map((words) => auxiliary(words, 'Participle', '', 'past')),
  ...['had not', "hadn't"].map((words) => auxiliary(words, 'Participle', 'not', 'perfect')),
  ...['has not', "hasn't", 'have not', "haven't"].map((words) => auxiliary(words, 'Participle', 'not', 'presentPerfect')),
  ...['has', 'have'].map((words) => auxiliary(words, 'Participle', '', 'presentPerfect')),
  auxiliary('had', 'Participle', '', 'perfect'),
  ...['was not', 'were not', "wasn't", "weren't"].map((words) => auxiliary(words, 'Gerund', 'not', 'progressive')),
  ...['was', 'were'].map((words) => auxiliary(words, 'Gerund', '', 'progressive')),
];

/** Adverbs before a lapse that tell a fact, not how much of a lapse it was ("we also forgot to ..."). */
const factualAdverbs = new Set(['also', 'again', 'then', 'later', 'still', 'subsequently', 'initially', 'first']);

const lapseAuxiliaries = new Set(['forgot to', 'failed to', 'neglected to', 'omitted to', 'forgets to', 'fails to', 'neglects to', 'omits to', 'never got to']);

/** "Nobody checked the logs": the passive carries the negation ("The logs were not checked"). */
const nobody = /^(?:nobody|no one|no-one|noone)$/i;

/** Verbs of noticing: "did not notice X" becomes "X went unnoticed". */
const noticeVerbs = new Set(['notice', 'realize', 'realise', 'spot']);

/** The steps of work that "do" may have as its object ("a full export of both spaces", "a dry run"). */
const stepOfWork = /^(?:(?:a|an|the|any|some)\s+)?(?:[\p{L}-]+\s+){0,2}(?:backup|export|dump|snapshot|review|check|test|rollback|restore|migration|upgrade|failover|restart|reboot|dry[\s-]run|audit|deploy|deployment|cleanup|health check)s?(?:\s+of\b.*)?$/iu;

/** Verbs whose passive would not state the same fact, or would still read as a lapse ("was missed", "was overlooked"). */
const unfitVerbs = new Set(
  'be cause break leave have do make get go come know see think understand remember forget try want need decide choose continue keep let miss skip ignore overlook neglect fail assume expect seem feel become spend say tell hear find catch consider bother manage intend plan hope wish like'.split(' '),
);

/** Verbs with a "mis" prefix that tell an act gone wrong, not a lapse of judgement: "a command was mistyped" states what happened. */
const slipVerbs = new Set(['mistype', 'misconfigure', 'mislabel', 'misspell', 'misroute', 'misname', 'misplace', 'misclick', 'misnumber', 'misdirect']);

/** Verbs of a lapse that read as an act once the sentence says it was unintended ("inadvertently missed the step" -> "The step was inadvertently missed"). */
const unintendedLapseVerbs = new Set(['miss', 'leave']);

/** "without realizing it": the gerund's actor was the person, and after the passive it would dangle; a step of the process ("without testing on staging") reads as the step that was skipped. */
const withoutGerund = /^[^.;:]*?\bwithout\s+(?:\p{L}+ly\s+|first\s+)?(?!(?:testing|checking|reviewing|verifying|validating|updating|notifying|approving|confirming|announcing|staging)\b)\p{L}+ing\b/iu;

/** ", inadvertently deploying ...": a gerund clause whose actor was the person would dangle after the passive; one that tells a result ("causing") does not. */
const actorGerund = /^[^,;:]*,\s*(?:\p{L}+ly\s+)?(?!(?:causing|leading|resulting|triggering|making|leaving|bringing|taking|breaking|affecting|impacting)\b)\p{L}+ing\b/iu;

/** "should have paged them as soon as the alert fired" is no "was not paged as soon as ...": said as a negative, the timing reads clumsily or wrongly. */
const untimely = /^\s*,?\s*(?:as soon as|sooner|earlier|faster|quicker|more quickly|right away|straight away|immediately|at once|first|in time|until|once|shortly|promptly|quickly)\b/i;

/** "In hindsight, the rollout was not paused" states a fact as hindsight: the questions fit better. */
const inHindsight = /\b(?:in|with)\s+(?:\d+\/\d+\s+)?hindsight\b|\bin\s+retrospect\b|\blooking\s+back\b/i;

const particles = new Set(['back', 'out', 'up', 'down', 'off', 'over']);

/** "noticed this earlier": words of time after a pronoun, which the tagger reads as adjectives. */
const timeComparatives = new Set(['earlier', 'sooner', 'later', 'before', 'again']);
const objectPronouns = new Map([
  ['it', 'it'],
  ['this', 'this'],
  ['that', 'that'],
  ['them', 'they'],
  ['these', 'these'],
  ['those', 'those'],
]);

/** The possessives that refer back to the subject ("Bob reverted his change"): the rewrite says "the change". "Our" stays: it names the organisation. */
function possessivesOf(subject: string): ReadonlySet<string> {
  const lower = subject.toLowerCase();
  if (lower === 'i') return new Set(['my']);
  if (lower === 'we') return new Set();
  if (lower === 'he') return new Set(['his']);
  if (lower === 'she') return new Set(['her']);
  if (lower === 'they') return new Set(['their']);
  return new Set(['his', 'her', 'their']);
}

// "exposed the feature as the default by the client": after a passive, "by the client" would read as who did it.
const byPhraseAfter = /^[^,;:.!?]*?\bby\s+(?!(?:accident|mistake|hand|default|design|now|then|far)\b)\p{L}/iu;

// The objects of idioms about the person ("dropped the ball", "put my hands up", "scratched our heads", "crossed our fingers", "paid little attention", "connected the dots").
const idiomObject = /\b(?:ball|hands?|heads?|eyes|minds?|hearts?|breath|fingers|feet|attention|dots|mouths?|tongues?)$/i;

// "take accountability", "show any initiative": what the object names is the person's own conduct.
const conductNoun = /^(?:(?:the|any|some|no|full|enough)\s+)?(?:accountability|responsibility|ownership|blame|credit|initiative|care|notice|heed)$/i;

/** The passive of the clause that starts at the subject, or undefined when the clause does not read as subject, verb, object. */
export function passiveClause(parts: ClauseParts): ClauseEdit | undefined {
  const { text, subjectStart, subjectEnd } = parts;
  const prefix = text.slice(0, subjectStart);
  // "which we should have ...": the object is the relative pronoun ("in that", "so that" join clauses, and so does "that" after a verb of finding or saying: "it turned out that they ..."); "While removing X, we ...": a passive would leave the opener dangling ("During the upgrade, we ..." would not: "during" is a preposition).
  // "The vendor's engineers": the owner is a fact the passive would lose with the person.
  if (/['’]s\s+\p{L}/u.test(text.slice(subjectStart, subjectEnd)) || /^(?:whoever|who|that|which)$/i.test(text.slice(subjectStart, subjectEnd).trim()) || /\b(?:which|(?<!\b(?:in|so|now|given|except|such)\s+)(?<!\b(?:turned out|found|found out|noticed|realized|realised|discovered|learned|learnt|said|says|showed|shows|revealed|understand|see|saw|seen|note|noted|confirmed|determined|concluded|know|knew|believe|believed|thought|seems|seemed|appears|appeared|means|meant|clear|evident|apparent)\s+)that|who|whom|whose)\s*$/i.test(prefix) || /^\W*(?:(?:while|when|after|before|upon|on|by|in)\s+)?(?!(?:during|following|including|regarding|concerning|according)\b)\p{L}+ing\b[^,]*,\s*$/iu.test(prefix)) return undefined;
  const terms = tagTerms(text, parts.cache);
  const start = terms.findIndex((term) => term.start >= subjectEnd);
  const possessives = possessivesOf(text.slice(subjectStart, subjectEnd));
  // "caused by somebody unplugging a switch": the person's gerund after a preposition becomes "a switch being unplugged".
  const afterPreposition = /\b(?:by|from|to|after)\s*$/i.test(prefix);
  // "when a student eating lunch ...": a clause of its own for the errand would follow "when" ("when while ...").
  const afterConjunction = /\b(?:when|while|whilst|because|if|since|as|although|though|after|before|until|once)\s*$/i.test(prefix);
  const errand = start < 0 || afterPreposition || afterConjunction ? undefined : errandOf(terms, start, parts, possessives);
  const verbStart = errand?.next ?? start;
  const lack = errand || afterPreposition ? undefined : lackedThing(terms, parts, possessives);
  if (lack) return lack;
  const verb = verbStart < 0 ? undefined : readVerb(terms, verbStart, parts.faultAdverbs, unintendedPhrase.test(text.slice(subjectEnd)), afterPreposition);
  if (!verb) return undefined;
  const object = objectPhrase(terms, verb.next, parts, possessives, ditransitiveVerbs.has(verb.forms.infinitive), false, !complementVerbs.has(verb.forms.infinitive));
  // "could have done a full export": "do" states a fact only with a step of work as its object.
  if (verb.forms.infinitive === 'do' && !(object && stepOfWork.test(object.text) && !/^\s*(?:to|for|with|on|in|at|from|into)\b/i.test(text.slice(terms[object.next - 1].end)))) return undefined;
  // "did not take into account the storm from mobile clients": after the idiom, the rest of the object must end the clause.
  if (verb.particle.startsWith('into ') && object && !/^\s*(?:[,;:.!?)]|$)/.test(text.slice(terms[object.next - 1].end))) return undefined;
  // "dropped the ball" is an idiom for a lapse, not an act on a ball, as "put my hands up" is on hands; "took responsibility" is the person's own conduct, which a passive empties.
  if (!object || object.text === '' || idiomObject.test(object.text) || conductNoun.test(object.text) || hasCoordinatedVerb(terms.slice(object.next), text) || hasCoordinatedObject(terms.slice(object.next)) || actorGerund.test(text.slice(terms[object.next - 1].end)) || withoutGerund.test(text.slice(terms[object.next - 1].end))) return undefined;
  const negation = nobody.test(text.slice(subjectStart, subjectEnd)) ? (verb.negation ? undefined : 'not') : verb.negation;
  if (misreadAfterPassive(text, terms, object, verb, negation)) return undefined;
  if (negation === undefined || (verb.hindsight && negation === 'not' && (untimely.test(text.slice(terms[object.next - 1].end)) || inHindsight.test(text)))) return undefined;
  // "should not have enabled the flag either": the passive says it was enabled, and "either" needs the negation it lost.
  if (negation === '' && /^\s*either\b/i.test(text.slice(terms[object.next - 1].end))) return undefined;
  const clauseWords = noticeVerbs.has(verb.forms.infinitive) ? unnoticed(object.relative ? `${object.text} ${object.relative}` : object.text, object.plural, verb, negation) : passiveWords(object, verb, negation);
  if (!clauseWords) return undefined;
  const words = errand ? ['while', errand.text, errand.plural ? 'were' : 'was', 'being', errand.participle + ',', ...clauseWords] : clauseWords;
  // "deleted the table by mistake" keeps "by mistake" after the passive: that it was unintended is a fact, not blame.
  const objectEnd = terms[object.next - 1].end;
  // "offered the old address https://... to ...": the address names the object, and the passive would strand it.
  if (byPhraseAfter.test(text.slice(objectEnd)) || /^\s*<?(?:https?:\/\/|www\.)/i.test(text.slice(objectEnd))) return undefined;
  const timing = timedGerundClause(terms, object.next, parts, possessives, verb.tense);
  const clauseEnd = timing?.to ?? objectEnd;
  const timingWords = timing ? [timing.text] : [];
  // "In the course of the rename we changed X" -> "In the course of the rename, X was changed": without the person, a comma ends the opener.
  const opener = /^\W*(?:in|on|at|during|after|before|for|within|since|following|as part of)(?:\s+[^\s,;:()]+){2,5}\s*$/i.test(prefix) && !/\b(?:that|which|who|and|or|but|so|because|when|if|as)\s*$/i.test(prefix);
  const from = opener ? prefix.trimEnd().length : subjectStart;
  const lead = opener ? [','] : [];
  if (!parts.plainSlip) return { from, to: clauseEnd, text: [...lead, ...words, ...timingWords].join(' ') };
  const plain = words.map((word) => (/^(?:mistakenly|erroneously)$/i.test(word) ? 'accidentally' : word)).join(' ');
  // The phrase may come after the rest of the clause ("revoked the key for the whole domain by mistake"), which stays as written.
  const slipPhrase = /^([^.;:!?]*?)\s+(?:by mistake|in error)(?![\p{L}])/u.exec(text.slice(objectEnd));
  if (!slipPhrase) return { from, to: clauseEnd, text: [...lead, plain, ...timingWords].join(' ') };
  const between = parts.sourceOf(objectEnd, objectEnd + slipPhrase[1].length).trim();
  return { from, to: objectEnd + slipPhrase[0].length, text: [...lead, plain, between, 'by accident'].filter((part) => part !== '').join(' ') };
}


/** Verbs whose "from" phrase tells where the object went ("deleted the rows from the table"), which the passive may keep after its verb. */
const fromVerbs = new Set('delete remove drop copy move pull fetch download restore purge exclude take revoke strip migrate export import send load unplug disconnect detach erase wipe clear block ban evict deploy build install run kick lock roll'.split(' '));

/**
 * Where the passive would read wrongly though every word stays: a concession before a hindsight ("Even though ..., it
 * was not anticipated"); "other people's" without the people; a "that" clause read as a noun; "All ... have not been"
 * (none, or not all?); an aside, a time or a "from" or "to" phrase that would attach to the wrong verb ("was pushed
 * (due to ...)", "have not been checked from my host", "was not removed to the old docs").
 */
function misreadAfterPassive(text: string, terms: readonly TaggedTerm[], object: ObjectPhrase, verb: VerbGroup, negation: string | undefined): boolean {
  const after = text.slice(terms[object.next - 1].end);
  // "Even though ..., it should have been ...": said as a plain negative after a concession, the sentence no longer makes sense.
  if (verb.hindsight && concession.test(text.slice(0, terms[object.next - 1].end))) return true;
  if (/^(?:other|that)\s/i.test(object.text) && (/^other\s/i.test(object.text) || terms[object.next]?.tags.has('Verb') || terms[object.next]?.tags.has('Adverb'))) return true;
  // "check that the flag stays off", "check whether it ran": a clause, never a thing the passive could name.
  if (/^(?:whether|if|how|why|what)\s|^that\s+(?:the|a|an|our|its|their|this|these|those|it|they|we|there|no|all|every|each)\s/i.test(object.text)) return true;
  if (negation === 'not' && /^(?:all|every|each|both)\s/i.test(object.text)) return true;
  // "a part of the schema of a table that broke the reports": the clause could tell of either noun.
  if (/\bof\b[^,;]*\b(?:that|which)\s/i.test(object.text)) return true;
  // "dropped all packages which are maintained by X as of v2": the time at the clause's end would date the upkeep, not the act.
  if (/\b(?:that|which)\b.*\b(?:as of|since|until)\s+\S+$/i.test(object.text)) return true;
  // "the SSO (single sign-on) that ...": the spelt-out acronym glosses the object, and after the verb would gloss the act.
  if ((/\b(?:that|which)\b/i.test(object.text) || /\b\p{Lu}{2,}s?$/u.test(object.text)) && /^\s*\(/.test(after)) return true;
  // "removed the link to the old docs": after these verbs a "to" phrase is part of the object, not where the act went.
  if (/^\s+to\s+(?:a|an|the|this|that|these|those|its|our|their|my|his|her|any|some)\s/i.test(after) && objectToVerbs.has(verb.forms.infinitive)) return true;
  return /^\s+from\s/i.test(after) && !fromVerbs.has(verb.forms.infinitive);
}

/** Verbs that take no "to" phrase of their own ("removed the link to the docs"): one after their object belongs to it. */
const objectToVerbs = new Set('remove delete drop disable check test review verify validate notice read revoke'.split(' '));

// "did not have", "don't have", "hadn't had": what the writers lacked, said of the thing.
const lackedVerb = /^\s+(?:(did|do|does)\s+not|(did|do|does)n['’]t|(had)\s+not|(had)n['’]t)\s+(?:have|had)\s+/i;

/**
 * "We did not have enough alerting set up" -> "There was not enough alerting set up", "I didn't have
 * tested restores" -> "There were no tested restores": the thing that was missing, with no one who lacked it. Only
 * for an object with no determiner or an indefinite one; "the same tools" or "our plan" name a thing someone owns.
 */
function lackedThing(terms: readonly TaggedTerm[], parts: ClauseParts, possessives: ReadonlySet<string>): ClauseEdit | undefined {
  const { text, subjectStart, subjectEnd } = parts;
  const lacked = lackedVerb.exec(text.slice(subjectEnd));
  if (!lacked) return undefined;
  const at = terms.findIndex((term) => term.start >= subjectEnd + lacked[0].length);
  const object = at < 0 ? undefined : objectPhrase(terms, at, parts, possessives, false, false, false);
  if (!object || object.relative || object.text === '') return undefined;
  const first = terms[at].lower;
  const quantity = /^(?:enough|sufficient|adequate|much|many)$/.test(first);
  const indefinite = /^(?:a|an|any)$/.test(first);
  if (!quantity && !indefinite && (terms[at].tags.has('Determiner') || terms[at].tags.has('Possessive') || terms[at].tags.has('Pronoun'))) return undefined;
  const auxiliary = (lacked[1] ?? lacked[2] ?? lacked[3] ?? lacked[4]).toLowerCase();
  const be = beWords(auxiliary === 'had' ? 'perfect' : auxiliary === 'did' ? 'past' : 'present', object.plural).join(' ');
  const thing = indefinite ? `no ${object.text.replace(/^\S+\s+/, '')}` : quantity ? `not ${object.text}` : `no ${object.text}`;
  return { from: subjectStart, to: terms[object.next - 1].end, text: `there ${be} ${thing}` };
}

/**
 * "was not restarted after disabling the queue": once the person is gone, the gerund's actor is gone too, so the
 * gerund becomes a passive of its own ("after the queue was disabled"); only when its object ends the clause.
 */
function timedGerundClause(terms: readonly TaggedTerm[], next: number, parts: ClauseParts, possessives: ReadonlySet<string>, tense: Tense): { to: number; text: string } | undefined {
  const [conjunction, gerund] = [terms[next], terms[next + 1]];
  if (!conjunction || !gerund || !/^(?:after|before|while|when)$/.test(conjunction.lower) || !gerund.tags.has('Gerund') || tense === 'gerund') return undefined;
  const forms = verbForms(gerund.lower, 'Gerund');
  if (!forms) return undefined;
  const particle = particles.has(terms[next + 2]?.lower ?? '') ? terms[next + 2].lower : '';
  const object = objectPhrase(terms, next + 2 + (particle ? 1 : 0), parts, possessives, false, false, false);
  if (!object || object.relative || object.text === '') return undefined;
  const end = terms[object.next - 1].end;
  if (!/^\s*(?:[,;:.!?)]|$)/.test(parts.text.slice(end))) return undefined;
  const [be] = beWords(tense === 'present' ? 'present' : 'past', object.plural);
  // "while chasing the first" -> "while the first was being chased": the act was under way.
  const ongoing = conjunction.lower === 'while' ? 'being' : '';
  return { to: end, text: [conjunction.text, object.text, be, ongoing, forms.participle, particle].filter((word) => word !== '').join(' ') };
}

/** "The staging database should have been checked" says, in hindsight, that it was not: the fact without the hindsight ("was not checked"). */
export function hindsightAsFact(text: string, within: { start: number; end: number }, cache?: AnalysisCache): ClauseEdit | undefined {
  const terms = tagTerms(text, cache);
  // Only where the blamed words open on the hindsight: "The partner team should have been involved" blames the team, and the questions fit it.
  const at = terms.findIndex((term) => Math.abs(term.start - within.start) <= 1);
  const hindsight = /\b(?:should|ought\s+to)\s+have\s+been\s+/iy;
  hindsight.lastIndex = terms[at]?.start ?? 0;
  const match = at < 0 ? null : hindsight.exec(text);
  if (!match) return undefined;
  const participle = terms.find((term) => term.start === match.index + match[0].length);
  if (!participle || !(participle.tags.has('Participle') || participle.tags.has('PastTense') || /(?:ed|en|wn)$/.test(participle.lower)) || participle.tags.has('Adjective')) return undefined;
  // "should have been found before it reached ...", "Ideally ...": said as a plain negative, the timing or the wish would read wrongly.
  if (untimely.test(text.slice(participle.end).replace(/^\s*\p{L}+/u, '')) || untimely.test(text.slice(participle.end)) || inHindsight.test(text) || /\b(?:ideally|obviously|clearly)\b/i.test(text.slice(0, match.index)) || concession.test(text.slice(0, match.index))) return undefined;
  const subject = terms.slice(0, at).reverse().find((term) => term.tags.has('Noun') || term.tags.has('Pronoun'));
  if (!subject) return undefined;
  const plural = (subject.tags.has('Plural') && !subject.tags.has('Singular')) || /^(?:they|these|those|we)$/.test(subject.lower);
  return { from: match.index, to: match.index + match[0].trimEnd().length, text: [...beWords('past', plural), 'not'].join(' ') };
}

/** "was a (human) error", "was a big mistake": the judgement a gerund clause is given, with its words. */
const judgedAsError = /^\s+(?:was|is)\s+(?:(?:a|an|our|my)\s+)?(?:(?:human|operator|user|manual|big|huge|serious|critical|costly|simple|honest|clear|real)\s+){0,2}(?:error|mistake|oversight|misstep|blunder|slip)(?![\p{L}-])/iu;

/**
 * "Leaving the machine in debug mode was a human error" -> "The machine was left in debug mode": the act the gerund
 * names, in the passive, without the judgement. `from`..`to` covers the gerund through the judgement; `judgement` is
 * where the judging words are, which the rewrite drops.
 */
export function judgedGerundPassive(text: string, cache?: AnalysisCache): (ClauseEdit & { judgement: { start: number; end: number } }) | undefined {
  const terms = tagTerms(text, cache);
  const gerund = terms[0];
  if (!gerund?.tags.has('Gerund') || !/^\W*$/.test(text.slice(0, gerund.start))) return undefined;
  const forms = verbForms(gerund.lower, 'Gerund');
  // "Leaving the machine in debug mode" tells a state it was left in, no lapse.
  if (!forms || (unfitVerbs.has(forms.infinitive) && forms.infinitive !== 'leave')) return undefined;
  const particle = particles.has(terms[1]?.lower ?? '') ? terms[1].lower : '';
  const parts: ClauseParts = { text, subjectStart: 0, subjectEnd: 0, faultAdverbs: new Set(), sourceOf: (from, to) => text.slice(from, to), cache };
  const object = objectPhrase(terms, particle ? 2 : 1, parts, new Set(), false, true, false);
  if (!object || object.relative || object.text === '') return undefined;
  const objectEnd = terms[object.next - 1].end;
  // A short place or manner after the object stays with it ("in debugging state"); punctuation means another clause.
  const judgement = /^((?:\s+[\p{L}\d-]+){0,5}?)(?=\s+(?:was|is)\s)/u.exec(text.slice(objectEnd));
  if (!judgement || /[,;:()]/.test(judgement[1])) return undefined;
  const judgedAt = objectEnd + judgement[1].length;
  const judged = judgedAsError.exec(text.slice(judgedAt));
  if (!judged) return undefined;
  const [be] = beWords('past', object.plural);
  // "was a human error", "a slip": the act was unintended, which the passive keeps as "inadvertently". "A mistake" may
  // have been a choice, and that it was one is the sentence's point: the passive alone would drop it (reviewers rejected it).
  if (!/\b(?:human|operator|user|manual)\s+error|\bslip|\boversight/i.test(judged[0])) return undefined;
  const words = [object.text, be, 'inadvertently', forms.participle, particle].filter((word) => word !== '').join(' ');
  return { from: gerund.start, to: judgedAt + judged[0].length, text: words + judgement[1], judgement: { start: judgedAt, end: judgedAt + judged[0].length } };
}

/** What the person was doing when they acted, told after them: "A contractor performing construction work cut ...". */
interface Errand {
  /** The errand's object and any place after it ("a billing bug in eu-west-2"). */
  text: string;
  plural: boolean;
  participle: string;
  /** The term after the errand, where the main verb starts. */
  next: number;
}

/** Prepositions that add a place or a scope to the errand's object ("in us-east-1", "on the primary"). */
const errandPrepositions = new Set(['in', 'on', 'at', 'for', 'across', 'inside']);

/**
 * A gerund right after the person, with its object: the errand turns into a clause of its own ("While construction work
 * was being performed, an underground cable was cut"), so the passive keeps it without the person.
 */
function errandOf(terms: readonly TaggedTerm[], start: number, parts: ClauseParts, possessives: ReadonlySet<string>): Errand | undefined {
  const gerund = terms[start];
  if (!gerund?.tags.has('Gerund') || /[,;:()]/.test(parts.text.slice(parts.subjectEnd, gerund.start))) return undefined;
  const forms = verbForms(gerund.lower, 'Gerund');
  if (!forms || unfitVerbs.has(forms.infinitive)) return undefined;
  const object = objectPhrase(terms, start + 1, parts, possessives, false, true);
  if (!object || object.relative) return undefined;
  let next = object.next;
  while (terms[next] && errandPrepositions.has(terms[next].lower)) {
    const place = objectPhrase(terms, next + 1, parts, possessives, false, true);
    if (!place) return undefined;
    next = place.next;
  }
  const lastTerm = terms[next - 1];
  // A comma after the errand would leave the main verb to a clause of its own.
  if (/[,;:()]/.test(parts.text.slice(lastTerm.end, terms[next]?.start ?? lastTerm.end))) return undefined;
  const text = parts.sourceOf(terms[start + 1].start, lastTerm.end);
  return { text: possessives.has(terms[start + 1].lower) ? `the${text.slice(terms[start + 1].text.length)}` : text, plural: object.plural, participle: forms.participle, next };
}

/** The verb group after the subject: adverbs, an auxiliary ("did not", "should have"), the verb and its particle. */
interface VerbGroup {
  forms: { infinitive: string; participle: string };
  negation: '' | 'not' | 'never';
  tense: Tense;
  /** Adverbs that are not faults ("hurriedly", "then"); they stay before the participle. */
  adverbs: string[];
  particle: string;
  /** "should have", "could have": what was not done, said in hindsight. */
  hindsight: boolean;
  /** "forgot to": the step was left undone unintentionally, which the passive keeps ("was inadvertently not renewed"). */
  forgotten: boolean;
  /** The term after the group. */
  next: number;
}

function readVerb(terms: readonly TaggedTerm[], start: number, faultAdverbs: ReadonlySet<string>, unintended: boolean, gerund: boolean): VerbGroup | undefined {
  let at = start;
  const adverbs: string[] = [];
  const takeAdverbs = () => {
    while (at < terms.length && isAdverb(terms[at])) {
      // A judging adverb ("carelessly") goes with the person; an unintended one ("accidentally") stays as a fact.
      if (!faultAdverbs.has(terms[at].lower) || isUnintended(terms[at].lower)) adverbs.push(terms[at].text);
      at++;
    }
  };
  takeAdverbs();
  const introduced = gerund ? undefined : auxiliaries.find((candidate) => candidate.words.every((word, i) => terms[at + i]?.lower === word));
  if (introduced) at += introduced.words.length;
  // "totally forgot to": an adverb before a lapse tells how much of a lapse it was, and goes with it; "also forgot to" tells a fact, and stays.
  if (introduced && lapseAuxiliaries.has(introduced.words.join(' '))) adverbs.splice(0, adverbs.length, ...adverbs.filter((adverb) => factualAdverbs.has(adverb.toLowerCase())));
  takeAdverbs();
  const verb = terms[at] && (gerund ? gerundVerb(terms[at]) : verbOf(terms[at], introduced));
  const fits = (infinitive: string) => !unfitVerbs.has(infinitive) || infinitive === 'do' || noticeVerbs.has(infinitive) || (unintended && unintendedLapseVerbs.has(infinitive));
  // "misjudged", "overlooked", "underestimated": the prefix makes the verb a lapse ("miss" itself has none); "mistyped" tells a slip of the hand, which the passive states plainly.
  if (!verb || !fits(verb.forms.infinitive) || (/^(?:mis|over|under)\p{L}{3}/u.test(verb.forms.infinitive) && !slipVerbs.has(verb.forms.infinitive))) return undefined;
  at++;
  // "rolled back the release": the particle stays with the verb; "rolled back in time" has no object.
  let particle = particles.has(terms[at]?.lower ?? '') ? terms[at++].lower : '';
  // "did not take into account the caching": the idiom goes with the verb as a particle does ("was not taken into account").
  if (particle === '' && verb.forms.infinitive === 'take' && terms[at]?.lower === 'into' && /^(?:account|consideration)$/.test(terms[at + 1]?.lower ?? '')) {
    particle = `into ${terms[at + 1].lower}`;
    at += 2;
  }
  const hindsight = introduced !== undefined && introduced.words.length > 1 && introduced.words.at(-1) === 'have';
  return { forms: verb.forms, negation: introduced?.negation ?? '', tense: introduced?.tense ?? verb.tense, adverbs, particle, hindsight, forgotten: /^forg[eo]ts? to$/.test(introduced?.words.join(' ') ?? ''), next: at };
}

/** "A config change was pushed that took down the site": the relative clause goes after the verb, where a reader expects the news. */
function passiveWords(object: ObjectPhrase, verb: VerbGroup, negation: string): string[] {
  const [be, ...more] = beWords(verb.tense, object.plural);
  // "forgot to renew it" -> "It was inadvertently not renewed": that the step was missed by oversight is a fact.
  if (verb.forgotten && negation === 'not') return [object.text, be, ...verb.adverbs, 'inadvertently', 'not', ...more, verb.forms.participle, verb.particle, object.relative ?? ''].filter((word) => word !== '');
  // "did not write any new ones" -> "no new ones were written": "any" before a negation reads wrongly.
  const any = negation === 'not' ? /^any(?=\s)/i.exec(object.text) : null;
  const subject = any ? `${any[0][0] === 'A' ? 'No' : 'no'}${object.text.slice(3)}` : object.text;
  return [subject, be, any ? '' : negation, ...more, ...verb.adverbs, verb.forms.participle, verb.particle, object.relative ?? ''].filter((word) => word !== '');
}

/** "did not notice the alert" -> "the alert went unnoticed": the passive of noticing would still ask who did not. */
function unnoticed(object: string, plural: boolean, verb: VerbGroup, negation: string): string[] | undefined {
  if (negation !== 'not' || verb.adverbs.length > 0 || verb.particle !== '' || verb.tense === 'progressive' || verb.tense === 'gerund' || verb.tense === 'possible') return undefined;
  const went = { perfect: ['had', 'gone'], presentPerfect: [plural ? 'have' : 'has', 'gone'], past: ['went'], present: [plural ? 'go' : 'goes'] }[verb.tense];
  return [object, ...went, 'unnoticed'];
}

function beWords(tense: Tense, plural: boolean): string[] {
  if (tense === 'perfect') return ['had', 'been'];
  if (tense === 'gerund') return ['being'];
  if (tense === 'possible') return ['could', 'have', 'been'];
  if (tense === 'presentPerfect') return [plural ? 'have' : 'has', 'been'];
  const be = tense === 'present' ? (plural ? 'are' : 'is') : plural ? 'were' : 'was';
  return tense === 'progressive' ? [be, 'being'] : [be];
}

function isAdverb(term: TaggedTerm): boolean {
  return term.tags.has('Adverb') && !term.tags.has('Negative') && term.lower !== 'never' && !particles.has(term.lower);
}

function verbOf(term: TaggedTerm, auxiliary: Auxiliary | undefined): { forms: { infinitive: string; participle: string }; tense: Tense } | undefined {
  const past = (forms: { infinitive: string; participle: string } | undefined) => forms && { forms, tense: 'past' as const };
  // The tagger reads "done" after "could have" as an adjective.
  if (auxiliary?.verb === 'Participle' && term.lower === 'done') return past({ infinitive: 'do', participle: 'done' });
  // After "did not" or "forgot to" only a verb can follow, whatever the tagger guessed ("forgets to page the DBA").
  // "never stored": after "never" alone the verb is in the past; "storedded" came of reading it as an infinitive.
  if (auxiliary?.words.join(' ') === 'never' && /ed$/.test(term.lower)) return past(verbForms(term.lower, 'PastTense'));
  if (auxiliary?.verb === 'Infinitive' && !['Determiner', 'Pronoun', 'Preposition', 'Adjective'].some((tag) => term.tags.has(tag))) return past(verbForms(term.lower, 'Infinitive'));
  // "mistakenly removed too many servers": after an adverb the tagger may read the past tense as an adjective.
  if (!term.tags.has('Verb') && auxiliary === undefined && term.tags.has('Adjective') && /ed$/.test(term.lower)) return past(verbForms(term.lower, 'PastTense'));
  if (!term.tags.has('Verb')) return undefined;
  if (auxiliary?.verb === 'Gerund') return term.tags.has('Gerund') ? past(verbForms(term.lower, 'Gerund')) : undefined;
  if (term.tags.has('Gerund')) return undefined;
  if (auxiliary === undefined && term.tags.has('PresentTense')) {
    // "Sam deletes the table" (a timeline) gives "The table is deleted"; "hit", "set", "put" are read as the past they also are.
    if (!term.tags.has('Infinitive')) {
      const forms = verbForms(term.lower, 'PresentTense');
      return forms && { forms, tense: 'present' };
    }
    return past(verbForms(term.lower, 'PastTense'));
  }
  if (!term.tags.has('PastTense') && !term.tags.has('Participle')) return undefined;
  const forms = verbForms(term.lower, 'PastTense');
  return past(auxiliary === undefined ? forms : (forms ?? participleForms(term.lower)));
}

function gerundVerb(term: TaggedTerm): { forms: { infinitive: string; participle: string }; tense: Tense } | undefined {
  const forms = term.tags.has('Gerund') ? verbForms(term.lower, 'Gerund') : undefined;
  return forms && { forms, tense: 'gerund' };
}

/** "had written": the participle itself, when it is not also the past tense. */
function participleForms(participle: string): { infinitive: string; participle: string } | undefined {
  return /(?:en|wn|ne)$/.test(participle) ? { infinitive: participle, participle } : undefined;
}

function startsNounPhrase(term: TaggedTerm | undefined): boolean {
  return term !== undefined && (term.tags.has('Determiner') || term.tags.has('Noun') || term.tags.has('Adjective'));
}

interface ObjectPhrase {
  text: string;
  plural: boolean;
  next: number;
  /** The relative clause that ends the object ("that took down the site"), which the passive puts after its verb. */
  relative?: string;
}

/**
 * The object: a pronoun, or determiners, adjectives and nouns (with "of" phrases) ending on a noun. `gerundModifies`
 * says what a gerund right after the object's noun is: true, part of the object ("the disk holding the cache"); false,
 * the verb's complement ("started the job running"), which ends it; not given (an errand's object), neither.
 */
function objectPhrase(terms: readonly TaggedTerm[], start: number, parts: ClauseParts, possessives: ReadonlySet<string>, ditransitive: boolean, verbFollows = false, gerundModifies?: boolean): ObjectPhrase | undefined {
  const first = terms[start];
  if (!first) return undefined;
  const pronoun = objectPronouns.get(first.lower);
  const second = terms[start + 1];
  // "those backups early enough": a plural the tagger read as a verb makes the pronoun a determiner; "this earlier": a time word after it does not.
  const afterSecond = second ? parts.text.slice(second.end, terms[start + 2]?.start ?? parts.text.length) : '';
  // "did not anticipate that causing failures": a gerund right after the pronoun is its complement, which the passive would strand.
  if (pronoun && second?.tags.has('Gerund') && /^\s+$/.test(parts.text.slice(first.end, second.start))) return undefined;
  if (pronoun && (!startsNounPhrase(second) || timeComparatives.has(second.lower)) && !(second && pluralReadAsVerb(second, first, afterSecond))) return { text: pronoun, plural: pronoun === 'they' || pronoun === 'these' || pronoun === 'those', next: start + 1 };
  // "give Acme enough notice": a name then an adjective or determiner is an indirect object, which the passive would leave dangling.
  if (/^\p{Lu}/u.test(first.text) && second && (second.tags.has('Adjective') || second.tags.has('Determiner'))) return undefined;
  // The head noun is the last noun before any "of" ("the delayed jobs service", "the status of the network").
  let head: TaggedTerm | undefined;
  let ofHead: TaggedTerm | undefined;
  let afterOf = false;
  let last: TaggedTerm | undefined;
  let endsOnNoun = false;
  let relativeStart: number | undefined;
  let end = start;
  for (; end < terms.length; end++) {
    const term = terms[end];
    // "cut our fiber feeding half the town": after most verbs a gerund right after the object's noun tells which one, to the end of the clause.
    if (gerundModifies && head && last === head && term.tags.has('Gerund') && !attitudeGerund.test(term.lower) && !consequenceParticiples.has(term.lower) && /^\s+$/.test(parts.text.slice(last.end, term.start))) {
      const clauseEnd = relativeClauseEnd(terms, end + 1, parts.text);
      if (clauseEnd === undefined) return undefined;
      last = terms[clauseEnd - 1];
      end = clauseEnd;
      endsOnNoun = true;
      break;
    }
    // "tested the migration up front", "took the site offline": see `endsObject`.
    if (endsObject(term, terms[end + 1])) break;
    // "the level of information sharing": a gerund after a noun inside an "of" phrase is a noun of its own.
    if (afterOf && last?.tags.has('Noun') && term.tags.has('Gerund') && !attitudeGerund.test(term.lower)) {
      endsOnNoun = true;
      last = term;
      continue;
    }
    // "left the test running": a gerund after the object is the verb's complement, not part of the object, even one the tagger read as a noun.
    // "a billing issue", "the staging database": an -ing word right before a noun modifies it.
    const modifiesNext = terms[end + 1] !== undefined && terms[end + 1].tags.has('Noun') && !terms[end + 1].tags.has('Pronoun') && /^\s+$/.test(parts.text.slice(term.end, terms[end + 1].start));
    const ingWord = term.tags.has('Gerund') || (/ing$/.test(term.lower) && end > start && !term.tags.has('Singular'));
    if ((gerundModifies === false && head && /ing$/.test(term.lower)) || term.tags.has('Date') || term.tags.has('Duration') || (head !== undefined && endsOnNoun && consequenceParticiples.has(term.lower)) || (ingWord && !(end > start && modifiesNext))) break;
    // "the workers that read from the queue": a relative clause that runs to the end of the clause belongs to the object.
    if (head && relativePronouns.has(term.lower) && startsRelativeVerb(terms[end + 1])) {
      const clauseEnd = relativeClauseEnd(terms, end + 1, parts.text);
      if (clauseEnd === undefined) return undefined;
      relativeStart = end;
      last = terms[clauseEnd - 1];
      end = clauseEnd;
      endsOnNoun = true;
      break;
    }
    // "gave the customer the wrong instructions": a second noun phrase makes the first an indirect object, which the passive would strand.
    if (head && !afterOf && (term.tags.has('Determiner') || possessivePronouns.has(term.lower))) return undefined;
    // "give the partner enough notice": after a verb that takes two objects, a modifier after a noun starts the second.
    if (ditransitive && last !== undefined && isNounLike(last, term, undefined) && isModifier(term)) return undefined;
    // "one of the payload keys", "some of the rows": the quantity heads the object, and the phrase after "of" belongs to it.
    if (end === start && headsOfPhrase(terms, end)) {
      head = last = term;
      continue;
    }
    // "all the invoices", "both our replicas": the word before the determiner belongs to the object, it is not its head.
    if (end === start && predeterminers.has(term.lower) && startsNounPhrase(terms[end + 1]) && !isNounLike(terms[end + 1], terms[end + 2], term)) {
      last = term;
      continue;
    }
    // "too many servers", "so much data": the degree word belongs to the quantity after it.
    if (degreeWords.has(term.lower) && quantityWords.has(terms[end + 1]?.lower ?? '')) {
      last = term;
      continue;
    }
    // "the status of the network", "a sheet about next year's budget": the phrase after the head belongs to the object.
    if ((term.lower === 'of' || term.lower === 'about' || (last?.tags.has('Gerund') && ['with', 'to', 'for', 'from'].includes(term.lower))) && head && startsNounPhrase(terms[end + 1])) afterOf = true;
    else if (isNounLike(term, terms[end + 1], last) || pluralReadAsVerb(term, last, parts.text.slice(term.end, terms[end + 1]?.start ?? parts.text.length))) {
      if (!afterOf) head = term;
      else ofHead = term;
    } else if (!isModifier(term) && !(end === start && term.tags.has('Possessive')) && !(ingWord && modifiesNext)) break;
    endsOnNoun = isNounLike(term, terms[end + 1], last) || pluralReadAsVerb(term, last, parts.text.slice(term.end, terms[end + 1]?.start ?? parts.text.length));
    last = term;
    // A word followed by punctuation in the source ends the phrase ("the table, which ...").
    if (/[,;:()]/.test(parts.text.slice(term.end, terms[end + 1]?.start ?? term.end))) {
      end++;
      break;
    }
  }
  // "sequences associated with ...": a participle after the object modifies it, and the passive would split them.
  // An errand's object ends where the person's own verb starts ("performing construction work cut the cable").
  const verbNext = verbFollows && terms[end]?.tags.has('Verb') === true && !terms[end].tags.has('Gerund');
  if (!head || !last || !endsOnNoun || (!verbNext && (isVerbForm(terms[end]) || continuesPhrase(terms[end], parts.text.slice(last.end, terms[end]?.start ?? last.end))))) return undefined;
  // "a config change that took down the site" at the sentence's end moves after the verb; a definite head, "which" or an "of" phrase keeps its clause ("the workers that read ...", "a portion of the API that ...").
  const relative = relativeStart !== undefined && terms[relativeStart].lower === 'that' && /^(?:a|an|some)$/i.test(first.text) && !afterOf && /^\W*$/.test(parts.text.slice(last.end)) ? relativeStart : undefined;
  let text = parts.sourceOf(first.start, relative !== undefined ? terms[relative - 1].end : last.end);
  if (possessives.has(first.lower)) text = `the${text.slice(first.text.length)}`;
  // A head read as a verb in the present is a plural the tagger misread ("details").
  const misreadPlural = head.tags.has('Verb') && head.tags.has('PresentTense') && !head.tags.has('Infinitive');
  const plural = numberByOfPhrase(head, first, ofHead) ?? ((head.tags.has('Plural') && !head.tags.has('Singular')) || misreadPlural);
  return relative !== undefined ? { text, plural, next: end, relative: parts.sourceOf(terms[relative].start, last.end) } : { text, plural, next: end };
}

/** Participles that tell what an act led to, not what its object is: after the head ("cut the wrong cable causing a brownout") they end the object. */
const consequenceParticiples = new Set(['causing', 'leading', 'resulting', 'triggering', 'leaving', 'bringing', 'taking', 'knocking', 'making', 'breaking', 'creating']);

/** Quantities that may head an object before "of" ("one of the keys", "most of the data"). */
const quantityHeads = new Set('one each some many most all several few both none any two three four five six seven eight nine ten half'.split(' '));

function headsOfPhrase(terms: readonly TaggedTerm[], at: number): boolean {
  return quantityHeads.has(terms[at].lower) && terms[at + 1]?.lower === 'of' && startsNounPhrase(terms[at + 2]);
}

/** Heads whose verb agrees with the "of" phrase after an indefinite article ("a number of users were"). */
const groupHeads = new Set(['number', 'lot', 'couple', 'handful', 'bunch', 'majority', 'few']);

/**
 * The verb's number where a quantity or a group heads the object and the head of its "of" phrase decides it ("one of
 * the keys was", "some of the rows were", "a number of users were"); undefined where the object's own head does.
 */
function numberByOfPhrase(head: TaggedTerm, first: TaggedTerm, ofHead: TaggedTerm | undefined): boolean | undefined {
  const ofPlural = ofHead !== undefined && ofHead.tags.has('Plural') && !ofHead.tags.has('Singular');
  if (quantityHeads.has(head.lower) && head === first) return head.lower === 'one' || head.lower === 'each' ? false : ['some', 'most', 'all', 'none', 'any', 'half'].includes(head.lower) ? ofPlural : true;
  if ((groupHeads.has(head.lower) && /^an?$/i.test(first.lower)) || head.lower === 'lots') return ofPlural;
  return undefined;
}

const phraseEnders = new Set(['upfront', 'beforehand', 'afterwards', 'afterward', 'first']);

/** "took a subset of projects offline": a state the act left the object in, which stays after the passive's verb; "the public API" is no such state. */
const stateWords = new Set(['offline', 'online', 'private', 'public']);

/** Words of time ("in advance", "up front") and a state left behind end the object, whatever the tagger made of them. */
function endsObject(term: TaggedTerm, next: TaggedTerm | undefined): boolean {
  if (phraseEnders.has(term.lower) || (term.lower === 'up' && next?.lower === 'front')) return true;
  return stateWords.has(term.lower) && !(next?.tags.has('Noun') === true || next?.tags.has('Adjective') === true);
}

/** "thinking it would ...": a gerund of the person's mind, not of the object. */
const attitudeGerund = /^(?:think|believ|assum|expect|hop|know|try|want|realiz|realis|mean|intend|plann|wish|fear|worry|worri|guess|suppos|forgett|remember|not)ing$/;

/** Verbs whose object a gerund may follow as their complement ("started the job running", "sent the pods crashing"). */
const complementVerbs = new Set('start stop set send watch hear catch leave keep find see get have spend'.split(' '));

/** Verbs that take two objects ("give someone something"): the passive of the first would strand the second. */
const ditransitiveVerbs = new Set('give send tell show offer grant hand lend owe email promise bring teach sell pay assign pass'.split(' '));

const possessivePronouns = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their']);

const timeWords = new Set(['now', 'then', 'later', 'also', 'still']);

const relativePronouns = new Set(['that', 'which']);

/** The verb after "that": one the tagger read as a verb, or a past tense it read as a noun ("that took down ..."). */
function startsRelativeVerb(term: TaggedTerm | undefined): boolean {
  if (!term || term.tags.has('Gerund')) return false;
  return term.tags.has('Verb') || (term.tags.has('Noun') && !term.tags.has('Plural') && verbForms(term.lower, 'PastTense')?.past === term.lower);
}

/** Where a relative clause ends: at the clause's punctuation or the sentence's end; undefined when a person acts in it ("that I installed"). */
function relativeClauseEnd(terms: readonly TaggedTerm[], from: number, text: string): number | undefined {
  for (let at = from; at < terms.length; at++) {
    if (terms[at].tags.has('Pronoun') && !thingPronouns.has(terms[at].lower)) return undefined;
    if (/[,;:.!?()]/.test(text.slice(terms[at].end, terms[at + 1]?.start ?? text.length))) return at + 1;
  }
  return terms.length;
}

const thingPronouns = new Set(['it', 'its', 'this', 'that', 'these', 'those', 'them']);

const degreeWords = new Set(['too', 'so', 'far']);
const quantityWords = new Set(['many', 'much', 'few', 'little', 'more', 'fewer', 'less']);

/** Words before the determiner of an object ("all the invoices", "both our replicas"). */
const predeterminers = new Set(['all', 'both', 'half']);

/** "hit the emergency power off button": a noun or a bare verb right after the object means the tagger cut the phrase short. */
function continuesPhrase(next: TaggedTerm | undefined, between: string): boolean {
  if (next === undefined || /[,;:()]/.test(between) || prepositions.has(next.lower) || particles.has(next.lower)) return false;
  if (['Pronoun', 'Date', 'Duration', 'Adverb', 'Conjunction', 'Preposition', 'Determiner'].some((tag) => next.tags.has(tag))) return false;
  return next.tags.has('Noun') || (next.tags.has('Verb') && !next.tags.has('Gerund'));
}

/** Prepositions the tagger sometimes reads as adjectives ("against production"): they end the object. */
const prepositions = new Set('about above across after against along among around at before behind below beneath beside between beyond by despite during for from in inside into near of off on onto out outside over past per since through to toward towards under until unto upon via with within without'.split(' '));

function isModifier(term: TaggedTerm): boolean {
  if (prepositions.has(term.lower)) return false;
  return (term.tags.has('Determiner') || term.tags.has('Possessive') || term.tags.has('Adjective') || term.tags.has('Value')) && !term.tags.has('Pronoun');
}

function isVerbForm(term: TaggedTerm | undefined): boolean {
  return term !== undefined && term.tags.has('Verb') && !term.tags.has('Infinitive') && (term.tags.has('PastTense') || term.tags.has('Participle') || term.tags.has('Gerund'));
}

/** A noun, or a word the tagger read as a verb where only a noun fits ("the jobs service after"). */
function isNounLike(term: TaggedTerm, next: TaggedTerm | undefined, previous: TaggedTerm | undefined): boolean {
  if (term.tags.has('Pronoun') || prepositions.has(term.lower)) return false;
  // "us-east-1": an identifier written with hyphens, ending on a number, names a thing.
  if (term.tags.has('Noun') || term.tags.has('Acronym') || /^(?:x+|`[^`]*`)$/.test(term.text) || (term.tags.has('Hyphenated') && term.tags.has('Value'))) return true;
  const afterNounWord = previous !== undefined && (previous.tags.has('Noun') || previous.tags.has('Adjective') || previous.tags.has('Determiner'));
  return afterNounWord && term.tags.has('Infinitive') && (next === undefined || next.tags.has('Preposition') || next.tags.has('Conjunction'));
}

/** "and directly passed the ID", ", tested it": a second verb of the same subject would lose its subject in the passive. */
function hasCoordinatedVerb(rest: readonly TaggedTerm[], text: string): boolean {
  for (let i = 0; i < rest.length; i++) {
    const afterComma = i > 0 && text.slice(rest[i - 1].end, rest[i].start).includes(',');
    // "..., then a lock showed up and held": the verbs after a clause with its own subject are that subject's.
    if (afterComma && opensClause(rest, i)) return false;
    if (afterComma && rest[i].tags.has('PastTense') && !rest[i].tags.has('Noun') && !rest[i].tags.has('Adjective')) return true;
    if (!['and', 'but', 'or', 'nor', 'then'].includes(rest[i].lower)) continue;
    if (opensClause(rest, i + 1)) return false;
    let next = i + 1;
    // "and now owns the rollback": the tagger may read "now" or "then" as a conjunction; "and never turned it back on" is a verb all the same.
    while (next < rest.length && (isAdverb(rest[next]) || timeWords.has(rest[next].lower) || rest[next].lower === 'never')) next++;
    const verb = rest[next];
    if (verb && verb.tags.has('Verb') && !verb.tags.has('Gerund') && !verb.tags.has('Noun')) return true;
  }
  return false;
}

/** "did not deploy the app changes and the gem update together": a second object the passive would leave behind its verb. */
function hasCoordinatedObject(rest: readonly TaggedTerm[]): boolean {
  return ['and', 'or', 'nor'].includes(rest[0]?.lower ?? '') && rest[1] !== undefined && !opensClause(rest, 1) && !rest[1].tags.has('Verb') && !rest[1].tags.has('Adverb');
}

/** A determiner or pronoun, then a finite verb within a few words ("this caused", "a lock showed up"): a clause with a subject of its own. */
function opensClause(rest: readonly TaggedTerm[], at: number): boolean {
  const first = rest[at];
  if (!first || !(first.tags.has('Determiner') || first.tags.has('Pronoun'))) return false;
  for (let i = at + 1; i < Math.min(rest.length, at + 5); i++) {
    if (rest[i].tags.has('Verb') && (rest[i].tags.has('PastTense') || rest[i].tags.has('Modal') || rest[i].tags.has('Auxiliary') || (rest[i].tags.has('PresentTense') && !rest[i].tags.has('Infinitive')))) return true;
    if (rest[i].tags.has('Preposition') || rest[i].tags.has('Conjunction')) return false;
  }
  return false;
}

/**
 * "the release notes, so ...": a plural after a noun, at the end of the phrase, that the tagger read as a verb in the
 * present; "the backups early enough": one right after a determiner, before an adverb or the end of the clause.
 */
function pluralReadAsVerb(term: TaggedTerm, previous: TaggedTerm | undefined, after: string): boolean {
  if (previous?.tags.has('Pronoun') || !term.tags.has('PresentTense') || term.tags.has('Infinitive') || !/\p{L}{2}[^s]s$/u.test(term.lower)) return false;
  // "do not batch requests in ...": right after the verb, before a preposition or the end of the clause.
  if (previous === undefined) return /^\s*(?:[,;:.!?)]|$|(?:in|on|at|for|from|to|with|into|across)\b)/.test(after);
  if (previous.tags.has('Determiner')) return /^\s*(?:[,;:.!?)]|$|(?:early|late|enough|again|too|soon|quickly|properly|correctly|in\s+time)\b)/.test(after);
  return previous.tags.has('Noun') && /^\s*(?:[,;:.!?)]|$)/.test(after);
}
