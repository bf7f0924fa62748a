// Headings written as older Markdown engines read them, labels that say the cause was found, and complications as contributing factors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { namedKinds, recogniseHeading } from '../../server/src/analysis/sections';

const analysed = (text: string) => analyze(text, { force: true, today: '2026-12-01' });
const missing = (text: string) => analysed(text).findings.filter((finding) => finding.ruleId === 'missing-section').map((finding) => finding.message);

test('a heading with no space after its hashes opens its section, as kramdown reads it; a single hash is a tag', () => {
  const text = ['# Relay outage', '', '##Summary', '', 'The mail relay stopped for an hour.', '', '##Root cause', '', 'An expired certificate.', '', '#maintenance', ''].join('\n');
  const sections = analysed(text).model?.sections ?? [];
  assert.deepEqual(
    sections.filter((section) => section.kind).map((section) => [section.kind, section.title]),
    [
      ['summary', 'Summary'],
      ['root-cause', 'Root cause'],
    ],
  );
  assert.ok(!missing(text).some((message) => message.includes("'Summary'") || message.includes("'Root cause'")));
  assert.ok(!sections.some((section) => section.title.includes('maintenance')));
});

test('a line of several sentences starting with hashes is no heading', () => {
  const text = ['# Relay outage', '', '##Summary text that goes on', 'over two lines.', ''].join('\n');
  assert.ok(!(analysed(text).model?.sections ?? []).some((section) => section.kind === 'summary'));
});

test('a root cause label that says the cause was found still names the root cause', () => {
  assert.deepEqual(recogniseHeading('Root cause found'), { kind: 'root-cause', uncertain: false });
  assert.deepEqual(recogniseHeading('Root cause determined'), { kind: 'root-cause', uncertain: false });
});

test('complications and what made it worse are contributing factors, loosely', () => {
  assert.deepEqual(recogniseHeading('Complications'), { kind: 'contributing-factors', uncertain: true });
  assert.deepEqual(recogniseHeading('What made it worse'), { kind: 'contributing-factors', uncertain: true });
  assert.equal(recogniseHeading('Complications of the new design in general terms'), undefined);
});

test('what we changed or fixed heads the changes made, loosely, as what we have changed does', () => {
  assert.deepEqual(recogniseHeading('What we changed in the token checks'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(recogniseHeading('What we fixed'), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('What we knew'), undefined);
});

test('a heading in two halves joined by a slash names both, the first as the section it opens', () => {
  assert.deepEqual(recogniseHeading('Preventing the failure from occurring again / What we learned'), { kind: 'action-items', uncertain: true });
  assert.deepEqual(namedKinds('Preventing the failure from occurring again / What we learned').sort(), ['action-items', 'lessons-learned']);
  assert.deepEqual(recogniseHeading('Impact / Severity'), { kind: 'impact', uncertain: false });
  // No spaces around the slash: one word ("TCP/IP"), no halves.
  assert.equal(recogniseHeading('TCP/IP tuning'), undefined);
});

test('narrative headings: what happened exactly, how we failed', () => {
  assert.deepEqual(recogniseHeading('What Happened Exactly'), { kind: 'summary', uncertain: true });
  assert.deepEqual(recogniseHeading('How We Failed'), { kind: 'what-went-poorly', uncertain: true });
});

test('a plain label line ending in a hard-break backslash opens its section', () => {
  const text = ['# Relay outage', '', 'Short version:\\', 'The relay dropped mail for an hour.', ''].join('\n');
  const sections = analysed(text).model?.sections ?? [];
  assert.ok(sections.some((section) => section.kind === 'summary' && section.title === 'Short version'));
});
