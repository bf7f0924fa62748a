// The role nouns live once, in the phrasebook's lexicon: a role a team adds, and every built-in role, reach the clause reader and the rewrite gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBlame } from '../../server/src/analysis/blame/detect';
import { clauseRoles, findClauseBlame, type ClauseContext } from '../../server/src/analysis/blame/clause';
import { defaultPhrasebook, defaultPhrasebookData, extendPhrasebook, withPlurals, type Phrasebook } from '../../server/src/analysis/blame/phrasebook';
import { rewriteProblems } from '../../server/src/analysis/blame/rewrite/gate';
import { flaggedInSummary } from './blame-support';

const withWrangler = extendPhrasebook(defaultPhrasebook(), { roles: ['the duty wrangler'] });

/** A clause context that knows no names, so that only a role can be the agent. */
function clauseContext(phrasebook: Phrasebook): ClauseContext {
  return { inTimeline: false, isPersonName: () => false, isKnownPerson: () => false, theyIsPerson: false, isEnabled: () => true, roles: clauseRoles(phrasebook.compiled.roles) };
}

/** The words the clause reader reports in `text`. */
function clauseWords(text: string, phrasebook: Phrasebook): string | undefined {
  const span = findClauseBlame(text, clauseContext(phrasebook))?.span;
  return span && text.slice(span.start, span.end);
}

/** The person the clause reader names in `text`, as words. */
function clauseAgent(text: string, phrasebook: Phrasebook): string | undefined {
  const person = findClauseBlame(text, clauseContext(phrasebook))?.person;
  return person && text.slice(person.start, person.end);
}

/** The gate's problems with a rewrite that keeps the blamed role ("The <role> deleted") and with one that drops it. */
function gateOnRole(role: string, phrasebook: Phrasebook): { kept: string[]; dropped: string[] } {
  const original = `The ${role} deleted the old tag.`;
  const blamed = { start: 0, end: `The ${role}`.length };
  const check = (rewritten: string) => rewriteProblems({ original, rewritten, editStart: 0, blamed, subject: false, teamWording: false, roleNouns: phrasebook.compiled.roleNouns });
  return { kept: check(original), dropped: check('The old tag was deleted.') };
}

test("a role a team adds is an agent for the clause reader, which reads roles with no determiner", () => {
  const text = 'Duty wranglers did not test the restore script.';
  assert.equal(clauseAgent('Contractors did not test the restore script.', defaultPhrasebook()), 'Contractors');
  assert.equal(clauseAgent(text, defaultPhrasebook()), undefined);
  assert.equal(clauseAgent(text, withWrangler), 'Duty wranglers');
});

test('a role a team adds reaches the shapes that name a role in their own pattern', () => {
  const text = 'Duty wranglers were not online during the upgrade.';
  assert.equal(clauseWords('Contractors were not online during the upgrade.', defaultPhrasebook()), 'Contractors were not online');
  assert.equal(clauseWords(text, defaultPhrasebook()), undefined);
  assert.equal(clauseWords(text, withWrangler), 'Duty wranglers were not online');
});

test("the detector reads a clause with the team's roles", () => {
  const text = 'Duty wranglers did not test the restore script.';
  const reported = (phrasebook: Phrasebook) => findBlame({ span: { start: 0, end: text.length }, text, where: 'body' }, { people: [], phrasebook }).map((match) => text.slice(match.span.start, match.span.end));
  assert.deepEqual(reported(defaultPhrasebook()), []);
  assert.deepEqual(reported(withWrangler), ['Duty wranglers did not test']);
});

test('a role a team adds names the person for the rewrite gate: it may be dropped, and may not stay', () => {
  const builtIn = gateOnRole('wrangler', defaultPhrasebook());
  assert.ok(builtIn.dropped.includes('drops "wrangler"'), builtIn.dropped.join('; '));
  assert.ok(!builtIn.kept.some((problem) => problem.startsWith('still points at a person')), builtIn.kept.join('; '));

  const team = gateOnRole('wrangler', withWrangler);
  assert.deepEqual(team.dropped, []);
  assert.ok(team.kept.includes('still points at a person: "wrangler"'), team.kept.join('; '));
});

test('every role of the lexicon reaches the rewrite gate', () => {
  const roles = defaultPhrasebookData.persons.roles.flatMap((group) => group.words);
  assert.ok(roles.length > 100, `${roles.length} roles`);
  // In lower case, as a capitalised word ("DBA") names a person to the gate already.
  for (const role of roles.map((written) => written.toLowerCase())) {
    const noun = role.split(' ').at(-1) ?? role;
    const { kept } = gateOnRole(role, defaultPhrasebook());
    assert.ok(kept.includes(`still points at a person: "${noun}"`), `${role}: ${kept.join('; ')}`);
  }
});

test('every role is read in the plural too, and after a possessive; a plural that is a common verb is not a role', () => {
  assert.ok(flaggedInSummary('Two technicians pulled the wrong breaker by mistake.'));
  assert.ok(flaggedInSummary('The contractors skipped the pre-change check.'));
  assert.ok(flaggedInSummary('Their engineer dropped the wrong table by accident.'));
  assert.ok(!flaggedInSummary('This leads to a failure in the scheduler.'));
  assert.ok(!flaggedInSummary('Our analysts were notified by the dashboard.'));
  assert.deepEqual(withPlurals(['technician', 'DBA', 'on-call SRE', 'boss', 'team lead', 'safety officer', 'chairman', 'deputy']), [
    'technician', 'DBA', 'on-call SRE', 'boss', 'team lead', 'safety officer', 'chairman', 'deputy',
    'technicians', 'DBAs', 'on-call SREs', 'safety officers', 'chairmen', 'deputies',
  ]);
  const text = 'The duty wranglers forgot to re-enable the replica.';
  assert.ok(findBlame({ span: { start: 0, end: text.length }, text, where: 'body' }, { people: [], phrasebook: withWrangler }).length > 0, 'a role a team adds is read in the plural too');
});

test('a person reported as blamed, accused or made the scapegoat is blame; "nobody blamed" is not', () => {
  assert.ok(flaggedInSummary('The vendor blamed its own technicians for the outage.'));
  assert.ok(flaggedInSummary('The regulator accused the CTO of ignoring the capacity warnings.'));
  assert.ok(flaggedInSummary('The junior technician was made the scapegoat for the outage.'));
  assert.ok(flaggedInSummary('An intern was thrown under the bus for the leaked password.'));
  assert.ok(!flaggedInSummary('Nobody blamed the technicians for the outage.'));
  assert.ok(!flaggedInSummary('The outage was blamed on a faulty router.'));
  assert.ok(!flaggedInSummary('Customers blamed the provider for the downtime.'));
});

test('the person paged first, named by duty ("the primary contact", "the point of contact"), is a role; an electrical contact is not', () => {
  assert.ok(flaggedInSummary('The primary contact missed the page while away from the desk.'));
  assert.ok(flaggedInSummary('Our point of contact ignored the vendor escalation for a day.'));
  assert.ok(!flaggedInSummary('The relay contact failed after the reboot.'));
});

test('a role word that qualifies a thing ("the vendor management tool", "the admin console") names no person', () => {
  assert.ok(!flaggedInSummary('The vendor sync tool had inadvertently wiped the router configs.'));
  assert.ok(!flaggedInSummary('The admin console accidentally deleted the draft table.'));
  assert.ok(flaggedInSummary('The admin accidentally deleted the draft table.'));
});

test('a slip that could happen is no slip that did: "we could for example update it inadvertently"', () => {
  assert.ok(!flaggedInSummary('We could for example rotate the key inadvertently by changing a dependent resource.'));
  assert.ok(flaggedInSummary('We rotated the key inadvertently by changing a dependent resource.'));
});
