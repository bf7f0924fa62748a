import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis';
import { namedKinds, normaliseHeading, recogniseHeading, sectionKindOf } from '../../server/src/analysis/sections';
import { readLeadingTimestamp } from '../../server/src/analysis/time';

test('headings name sections through aliases, numbering, emoji and case', () => {
  const cases: [string, string | undefined][] = [
    ['Summary', 'summary'],
    ['1. Executive Summary', 'summary'],
    ['📋 TL;DR', 'summary'],
    ['Impact Assessment', 'impact'],
    ['Incident Timeline (UTC)', 'timeline'],
    ['Timeline (all times PST)', 'timeline'],
    ['CHRONOLOGY', 'timeline'],
    ['3) Root Cause Analysis', 'root-cause'],
    ['Five Whys', 'root-cause'],
    ['Root cause: expired certificate', 'root-cause'],
    ["What Didn't Go Well", 'what-went-poorly'],
    ['What didn’t go well', 'what-went-poorly'],
    ['Follow-ups', 'action-items'],
    ['Corrective Actions', 'action-items'],
    ['**Key Takeaways**', 'lessons-learned'],
    ['Contributing Factors', 'contributing-factors'],
    ['What went well', 'what-went-well'],
    ['Appendix', undefined],
    ['Timeline considerations for the next quarter', undefined],
  ];
  for (const [title, kind] of cases) assert.equal(sectionKindOf(title), kind, title);
});

test('aliases from the config are matched too', () => {
  assert.equal(sectionKindOf('The long night'), undefined);
  assert.equal(sectionKindOf('The long night', { timeline: ['The Long Night'] }), 'timeline');
});

test('normaliseHeading strips numbering and trailing punctuation only', () => {
  assert.equal(normaliseHeading('2.1 Impact:'), 'impact');
  assert.equal(normaliseHeading('IV. Lessons Learned'), 'lessons learned');
});

test('a heading drops a date whose month the timeline reads as a month, and keeps a word that only starts like one', () => {
  const timeContext = { lastDate: undefined, previous: undefined, timezone: 'UTC', latestDay: '2026-12-01' };
  for (const month of ['Jan', 'Sept.', 'December', 'june']) {
    assert.equal(normaliseHeading(`Timeline ${month} 3`), 'timeline', month);
    assert.equal(readLeadingTimestamp(`${month} 3 10:00 paged`, timeContext)?.hasDate, true, month);
  }
  for (const word of ['Janet', 'Mayday']) {
    assert.equal(normaliseHeading(`Timeline ${word} 3`), `timeline ${word.toLowerCase()} 3`, word);
    assert.equal(readLeadingTimestamp(`${word} 3 10:00 paged`, timeContext), undefined, word);
  }
});

test('headings are matched by meaning, with qualifiers, dates, footnotes and questions ignored', () => {
  const cases: [string, string | undefined][] = [
    ['Issue Summary', 'summary'],
    ['Severity & Impact', 'impact'],
    ['Incident Impact', 'impact'],
    ['The Impact', 'impact'],
    ['Corrective and Preventative Measures', 'action-items'],
    ['Timeline (all times PDT) 3/14/2024-3/15/2024', 'timeline'],
    ['Timeline [[1]](#notes)', 'timeline'],
    ['Timeline [1]', 'timeline'],
    ['Events:', 'timeline'],
    ['Long term solution', 'action-items'],
    ['Resulting actions', 'action-items'],
    ['What went well?', 'what-went-well'],
    ['What could have gone better?', 'what-went-poorly'],
    ["What didn't go so well?", 'what-went-poorly'],
    ['Things that went poorly', 'what-went-poorly'],
    ['What went well & where did we get lucky', 'what-went-well'],
    ['Recovery and lessons learned', 'lessons-learned'],
    ['Root causes and trigger', 'root-cause'],
    ['Contributing causes', 'contributing-factors'],
    ['2023-09-12: Token rotation timeline', 'timeline'],
    ['Where we got lucky', undefined],
    ['Trigger', undefined],
    ['Call to action', undefined],
    ['Resolution', undefined],
    ['Why did this go wrong so quickly?', 'root-cause'],
    ['How did that happen?', 'root-cause'],
  ];
  for (const [title, kind] of cases) assert.equal(sectionKindOf(title), kind, title);
});

test('loose wording is read, but said to be uncertain', () => {
  assert.deepEqual(recogniseHeading('What happened?'), { kind: 'summary', uncertain: true });
  assert.deepEqual(recogniseHeading('Details of the exploit'), { kind: 'root-cause', uncertain: true });
  assert.deepEqual(recogniseHeading('Technical cause'), { kind: 'root-cause', uncertain: true });
  assert.deepEqual(recogniseHeading('Root cause'), { kind: 'root-cause', uncertain: false });
  assert.deepEqual(recogniseHeading('What was impacted'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('Services affected'), { kind: 'impact', uncertain: true });
  assert.deepEqual(recogniseHeading('What is being done about this?'), { kind: 'action-items', uncertain: true });
  assert.equal(recogniseHeading('What was done'), undefined);
});

test('without an Action items section, a fix or response section that makes a promise holds the actions', () => {
  const sectionsOf = (body: string) => analyze(`# Postmortem: queue backlog\n\n## Summary\n\nx\n\n${body}`, { force: true }).model?.sections.map((section) => [section.title, section.kind, section.uncertain]);
  assert.deepEqual(sectionsOf('## Details of Fix\n\nThe team will reorder the acknowledgement.\n')?.[2], ['Details of Fix', 'action-items', true]);
  assert.deepEqual(sectionsOf('## Fix\n\nThe acknowledgement was moved after processing.\n')?.[2], ['Fix', undefined, false]);
  assert.deepEqual(sectionsOf('## Fix\n\nWe will add a test.\n\n## Action items\n\n- Add a test\n')?.[2], ['Fix', undefined, false]);
});

test('a loosely worded heading gives way to one that names the kind for certain', () => {
  const text = '# Postmortem\n\n## Technical cause\n\nx\n\n## Root cause\n\ny\n\n## Background\n\nz\n';
  const { model } = analyze(text, { force: true });
  const kinds = model?.sections.map((section) => [section.title, section.kind, section.uncertain]);
  assert.deepEqual(kinds, [
    ['Postmortem', undefined, false],
    ['Technical cause', undefined, false],
    ['Root cause', 'root-cause', false],
    ['Background', undefined, false],
  ]);
});

test('loose summary wording is the summary only where a summary stands: before the other sections', () => {
  const kindOf = (text: string, title: string) => analyze(text, { force: true }).model?.sections.find((section) => section.title === title);
  const first = kindOf('# Postmortem\n\n## Details\n\nThe export queue stalled for an hour.\n\n## Timeline\n\n- 10:00 Alert fired\n', 'Details');
  assert.deepEqual([first?.kind, first?.uncertain], ['summary', true]);
  const later = kindOf('# Postmortem\n\n## Timeline\n\n- 10:00 Alert fired\n\n## Details\n\nThe retry loop held a lock.\n', 'Details');
  assert.deepEqual([later?.kind, later?.uncertain], [undefined, false]);
});

test('bold and plain label lines open sections of their kind; other labels do not', () => {
  const text = [
    '# Postmortem',
    '',
    '**Date**: 2024-01-02  ',
    '**Summary**: the queue stalled.  ',
    '**Impact**: exports were late.',
    '',
    '- **Lessons learned:** queues need an age alert.',
    '- **Note**: nothing else.',
    '',
    'Action items:',
    '',
    '- [ ] Alert on queue age',
  ].join('\n');
  const { model } = analyze(text, { force: true });
  const labels = model?.sections.filter((section) => section.form === 'label').map((section) => [section.title, section.kind]);
  assert.deepEqual(labels, [
    ['Summary', 'summary'],
    ['Impact', 'impact'],
    ['Lessons learned', 'lessons-learned'],
    ['Action items', 'action-items'],
  ]);
  assert.equal(model?.actionItems.length, 1);
});

test('an empty section is reported empty, not missing', () => {
  const text = '# Postmortem\n\n## Summary\n\nx\n\n## Impact\n\n## Timeline\n\n- 10:00 x\n\n## Root cause\n\nx\n\n## Action items\n\n- [ ] x\n';
  const ids = analyze(text, { force: true }).findings.map((finding) => `${finding.ruleId} ${text.slice(finding.span.start, finding.span.end)}`);
  assert.ok(ids.includes('empty-section ## Impact'));
  assert.ok(!ids.some((id) => id.startsWith('missing-section')));
});

describe('normaliseHeading, on any input', () => {
  const heading = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '1', '.', ')', '(', '[', ']', ':', '-', '–', '?', '/', '&', "'", '*', '📋', 'é', '2024-03-01', 'Timeline', 'Root cause', 'march 3rd'), maxLength: 30 });

  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(heading, (title) => {
        const once = normaliseHeading(title);
        assert.equal(normaliseHeading(once), once);
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string(), (title) => normaliseHeading(normaliseHeading(title)) === normaliseHeading(title)), { numRuns: 3000 });
  });

  it('ignores numbering, emoji, notes in brackets, a trailing qualifier and a trailing question mark or colon', () => {
    const name = fc.constantFrom('Summary', 'Impact', 'Timeline', 'Root cause', 'What went well', 'Action items', 'Lessons learned');
    const numbering = fc.constantFrom('', '1. ', '2) ', 'IV. ', '3.1 ');
    const emoji = fc.constantFrom('', '📋 ', '🔥 ');
    const note = fc.constantFrom('', ' (all times UTC)', ' [draft]', ' [[2]](#refs)');
    const tail = fc.constantFrom('', ':', '?', ' - 2024-03-01', ' – see below');
    fc.assert(
      fc.property(name, numbering, emoji, note, tail, (title, number, mark, aside, end) => {
        assert.equal(normaliseHeading(`${mark}${number}${title}${aside}${end}`), title.toLowerCase());
        assert.equal(sectionKindOf(`${mark}${number}${title}${aside}${end}`), sectionKindOf(title));
      }),
    );
  });
});

test('a heading that joins two sections names both, and neither is reported missing', () => {
  assert.deepEqual(namedKinds('Impact & timeline (UTC)'), ['impact', 'timeline']);
  assert.deepEqual(namedKinds('What went well & where did we get lucky'), ['what-went-well']);
  assert.deepEqual(namedKinds('Appendix'), []);
  const text = '# Postmortem\n\n## Summary\n\nx\n\n## Impact and timeline\n\n- 10:00 x\n\n## Root cause\n\nx\n\n## Action items\n\n- [ ] x\n';
  const missing = analyze(text, { force: true }).findings.filter((finding) => finding.ruleId === 'missing-section');
  assert.deepEqual(missing, []);
});

test('topic headings name the went-well and went-poorly sections; the same words as an adjective do not', () => {
  const cases: [string, string | undefined][] = [
    ['The Good', 'what-went-well'],
    ['Good', 'what-went-well'],
    ['What was good', 'what-went-well'],
    ['The Bad', 'what-went-poorly'],
    ['The Ugly', 'what-went-poorly'],
    ['Things that were bad', 'what-went-poorly'],
    ['Scope of impact', 'impact'],
    ['Blast radius', 'impact'],
    ['Good to know', undefined],
    ['Not so bad', undefined],
    ['Bad deploy', undefined],
    ['Good news', undefined],
  ];
  for (const [title, kind] of cases) assert.equal(sectionKindOf(title), kind, title);
  assert.deepEqual(namedKinds('Good and bad'), ['what-went-well', 'what-went-poorly']);
});

test('"The Ugly" after "The Bad" is the worst part of the same section, not a second one', () => {
  const text = '# Postmortem\n\n## Summary\n\nThe queue stalled.\n\n## The Good\n\n- Alerts fired.\n\n## The Bad\n\n- The runbook was stale.\n\n## The Ugly\n\n- Backups were a week old.\n';
  const { model, findings } = analyze(text, { force: true });
  assert.deepEqual(findings.filter((finding) => finding.ruleId === 'duplicate-section'), []);
  assert.deepEqual(model?.sections.slice(-2).map((section) => [section.kind, section.uncertain]), [
    ['what-went-poorly', false],
    [undefined, false],
  ]);
  // Alone, it still names the section, loosely.
  assert.deepEqual(namedKinds('The Ugly'), ['what-went-poorly']);
});

test('"The Good" under Lessons learned counts as a went-well sub-heading, as "What went well" does', () => {
  const lessons = (well: string, poorly: string) =>
    `# Postmortem\n\n## Summary\n\nThe cache tier ran out of memory.\n\n## Lessons learned\n\n### ${well}\n\n- The pager reached the right team.\n\n### ${poorly}\n\n- Nobody could find the dashboard.\n`;
  const outline = (text: string) => {
    const { model, findings } = analyze(text, { force: true });
    return {
      kinds: model?.sections.map((section) => [section.depth, section.kind, section.uncertain]),
      findings: findings.map((finding) => `${finding.ruleId}:${finding.message}`),
    };
  };
  const topic = outline(lessons('The Good', 'The Bad'));
  assert.deepEqual(topic, outline(lessons('What went well', 'What went poorly')));
  assert.deepEqual(topic.kinds?.slice(-2), [
    [3, 'what-went-well', false],
    [3, 'what-went-poorly', false],
  ]);
});

test('a plain line ending in a colon opens a section only when it reads as a label, not as a sentence', () => {
  const labelOfLine = (line: string) => {
    const text = `# Postmortem\n\n## Summary\n\nThe queue stalled.\n\n${line}\n\n- Alert on queue age\n`;
    return analyze(text, { force: true }).model?.sections.find((section) => section.form === 'label')?.kind;
  };
  assert.equal(labelOfLine('Action items:'), 'action-items');
  assert.equal(labelOfLine('Next steps for the team:'), 'action-items');
  assert.equal(labelOfLine('Things that were bad:'), 'what-went-poorly');
  assert.equal(labelOfLine('Our follow-ups:'), 'action-items');
  // Quoted words are talked about, a subject and verb make a clause, many words make a sentence.
  assert.equal(labelOfLine('The board was renamed “next steps”:'), undefined);
  assert.equal(labelOfLine('We then walked through the remediation:'), undefined);
  assert.equal(labelOfLine('Here are the follow-ups:'), undefined);
  assert.equal(labelOfLine('Below is the list of follow-ups the reviewers asked about last week:'), undefined);
  assert.equal(labelOfLine('This is what our staff named the “open tasks” board for the rest of the year:'), undefined);
});

test('a number after a heading name counts it, like numbering before it', () => {
  assert.equal(sectionKindOf('Contributing factor 2: retries without backoff'), 'contributing-factors');
  assert.equal(sectionKindOf('Root cause 1 - the stale lock'), 'root-cause');
  assert.equal(sectionKindOf('Lessons learned 3'), 'lessons-learned');
  // A year is a date, not a count; "#2" numbers an entry of a list.
  assert.equal(sectionKindOf('Timeline 2024'), 'timeline');
  assert.equal(sectionKindOf('Mistake #2: the wrong volume'), undefined);
});
