import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseHeading, sectionKindOf } from '../../server/src/analysis/sections';

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
  assert.equal(sectionKindOf('Play by play'), undefined);
  assert.equal(sectionKindOf('Play by play', { timeline: ['Play by Play'] }), 'timeline');
});

test('normaliseHeading strips numbering and trailing punctuation only', () => {
  assert.equal(normaliseHeading('2.1 Impact:'), 'impact');
  assert.equal(normaliseHeading('IV. Lessons Learned'), 'lessons learned');
});
