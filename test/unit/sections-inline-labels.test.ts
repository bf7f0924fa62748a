// Labels written inline ("TL;DR: ...", "**Next steps**: ..."), a summary of something named by what it sums up, a
// question before a colon heading the work done, a certain name nested beside a loose one at the top, and due months.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { sectionKindOf } from '../../server/src/analysis/sections';
import { parseDueMonth } from '../../server/src/analysis/time';

function read(text: string) {
  const analysis = analyze(text, { force: true, today: '2026-12-01' });
  const sections = (analysis.model?.sections ?? []).map((section) => ({ kind: section.kind, title: section.title, uncertain: section.uncertain }));
  const items = (analysis.model?.actionItems ?? []).map((item) => ({ text: text.slice(item.span.start, item.span.end), status: item.status, due: item.due?.value }));
  return { sections, items, findings: analysis.findings };
}

test('a summary of something is named by what it sums up', () => {
  assert.equal(sectionKindOf('Summary of Impact'), 'impact');
  assert.equal(sectionKindOf('Overview of the root cause'), 'root-cause');
  assert.equal(sectionKindOf('Incident summary'), 'summary');
  assert.equal(sectionKindOf('Summary'), 'summary');
});

test('a certain name, its colon, then the section\'s words on the same line opens the section', () => {
  const { sections } = read('How the feeds lost a night of messages\n\nTL;DR: the feeds missed some messages for a night.\n\nOn Friday a cleanup script ran in the wrong folder.\n');
  assert.deepEqual(sections.map((section) => section.kind), ['summary']);
  // A note or a clock time after the colon is no section.
  assert.deepEqual(read('# Queue outage\n\nNote: this page is updated as we learn more.\n').sections.map((section) => section.kind), [undefined]);
  assert.ok(!read('# Queue outage\n\n## Timeline\n\nImpact: 14:02 first errors seen.\n').sections.some((section) => section.kind === 'impact'));
});

test('the words after an action label that opens a paragraph are its items, without the label', () => {
  const { items } = read('# Login outage\n\n## Root cause\n\nThe certificate expired.\n\n__Next Steps__: Automate the certificate renewals.\n');
  assert.deepEqual(items.map((item) => item.text), ['Automate the certificate renewals.']);
  // A bold title of an item stays with it.
  const titled = read('# Login outage\n\n## Action items\n\n**Rotate keys**: rotate the signing keys every quarter (owner @ana).\n').items;
  assert.ok(titled[0].text.startsWith('**Rotate keys**'), JSON.stringify(titled));
});

test('a question before a colon heads the work below it, done when the writers tell what they did', () => {
  const { sections, items } = read(
    'How the feeds lost a night of messages\n\nOn Friday a cleanup script ran in the wrong folder.\n\nWhat I did to prevent such losses in the future:\n\n1. Changed the server config, so files are harder to delete.\n2. Sped up the restore process.\n',
  );
  assert.ok(sections.some((section) => section.kind === 'action-items'));
  assert.deepEqual(items.map((item) => item.status), ['done', 'done']);
});

test('a heading that names the actions for certain, nested, stays beside a loosely worded one at the top', () => {
  const { sections } = read('# Malicious package release\n\n## Technical details\n\n### Remediation\n\n- Deprecated the bad versions.\n- Enabled 2FA for every maintainer.\n\n## Fixes / Patches Available\n\nVersion 4.2.5 is safe.\n');
  assert.ok(sections.some((section) => section.title === 'Remediation' && section.kind === 'action-items'), JSON.stringify(sections));
});

test('a due month is due by its last day; anything else is no month', () => {
  assert.equal(parseDueMonth('2026-03'), '2026-03-31');
  assert.equal(parseDueMonth('March 2026'), '2026-03-31');
  assert.equal(parseDueMonth('by Feb. 2028'), '2028-02-29');
  for (const value of ['2026-13', 'next sprint', 'soon', 'Q3', '']) assert.equal(parseDueMonth(value), undefined, value);
  const { items, findings } = read('# Outage\n\n## Action items\n\n- [ ] Add a CI guard (owner=ana, due=2026-03)\n- [ ] Fix it (owner: cy, due: whenever)\n');
  assert.equal(items[0].due, '2026-03-31');
  assert.ok(findings.some((finding) => finding.ruleId === 'action-item-due' && finding.message.includes("'whenever' cannot be read")));
  assert.ok(!findings.some((finding) => finding.ruleId === 'parse-error'));
});

test('symptoms, why a bug got through review, preventing a repeat, and lessons from a day are loosely named sections', () => {
  assert.equal(sectionKindOf('Symptoms of the bug'), 'impact');
  assert.equal(sectionKindOf('Why the regression slipped through our review'), 'contributing-factors');
  assert.equal(sectionKindOf('Preventing this kind of fault from now on'), 'action-items');
  assert.equal(sectionKindOf('Lessons learned from the outage'), 'lessons-learned');
  assert.equal(sectionKindOf('Lessons from March 3rd'), 'lessons-learned');
  assert.equal(sectionKindOf('Notes from the field'), undefined);
});

test('a question on the first line of a plain paragraph heads the answer under it, up to eight words', () => {
  const { sections, items } = read(
    'Chat outage\n\nChat was offline for five hours this morning.\n\nWhat happened?\nThe host running the chat services had a kernel panic.\n\nWhy was the outage so long?\nThe monitor paged a phone that was switched off.\n\nHow are we going to stop it?\nI am working with the host to restart servers automatically.\n',
  );
  assert.deepEqual(sections.filter((section) => section.kind !== undefined).map((section) => section.kind), ['summary', 'contributing-factors', 'action-items']);
  assert.deepEqual(items.map((item) => item.text), ['I am working with the host to restart servers automatically.']);
  // A question inside the prose is no heading.
  assert.ok(!read('Chat outage\n\nWhy did the monitor stay quiet? Nobody had set its phone number.\n').sections.some((section) => section.kind === 'contributing-factors'));
});

test('plain-text pages: an anchor mark after a heading line, a longer line before a colon that names a section, and bullets that lost their markup', () => {
  const { sections, items } = read(
    'Mail outage on 3 May\n\nWe owe you more detail about this incident.\n\nA short timeline and summary of the incident: #\n\n  • The relay certificate expired at midnight.\n  • An alert fired at 00:08.\n\nHow will we avoid a repeat? #\n\n  • An audit of every certificate is being run to ensure automatic renewal.\n  • Updating our escalation paths.\nThe Mail team\n',
  );
  assert.deepEqual(sections.map((section) => section.kind), ['timeline', 'action-items']);
  assert.deepEqual(items.map((item) => item.text), ['An audit of every certificate is being run to ensure automatic renewal.', 'Updating our escalation paths.']);
  assert.equal(read('Mail outage\n\nThe relay stopped.\n\nSteps we have already taken to stop a repeat:\n\n* The relay now renews its own certificate.\n').sections.at(-1)?.kind, 'action-items');
});

test('the names of an incident template with Leadup and Fault, "what could be done better" and an incident history', () => {
  assert.equal(sectionKindOf('Fault'), 'root-cause');
  assert.equal(sectionKindOf('What could be done better'), 'what-went-poorly');
  assert.equal(sectionKindOf('Incident History'), 'timeline');
  assert.equal(sectionKindOf('Leadup'), undefined);
});

test('working to fix the bug is the response; working with the host to change the setup is follow-up work', () => {
  const { items } = read('# Outage\n\n## Follow-up\n\nWe are working to fix the bug.\n\nI am working with the host to restart servers automatically.\n');
  assert.deepEqual(items.map((item) => item.text), ['I am working with the host to restart servers automatically.']);
});

test('in an incident template (Leadup, Fault, Detection, Response, Recovery) the response is the story, not the follow-up work', () => {
  const story = (extra: string) =>
    read(`# Mirror outage\n\n## Incident summary\n\nThe mirror was down.\n\n${extra}## Response\n\n- hardware reset from the provider's console\n- reset to the rescue system\n`).sections.find((section) => section.title === 'Response')?.kind;
  assert.equal(story('## Detection\n\nA user reported it.\n\n'), undefined);
  assert.equal(story(''), 'action-items');
});
