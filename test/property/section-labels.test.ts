// Field lines (`User impact: ...<br>`) read as section labels: whatever the lines hold, a label lies inside the text
// and names the words written at its place.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, parsePostmortem } from '../../server/src/analysis';
import { numRuns, printSeed, seed } from './documents';

const labels = ['User impact', 'Impact', 'Root cause', 'Description', 'Date/time', 'Owners', 'Action items', 'What went well', 'x'.repeat(70), 'Über-Wirkung', '日本'];
const fieldLine = fc
  .tuple(fc.constantFrom('', ' ', '  ', '- ', '**', '> '), fc.constantFrom(...labels), fc.constantFrom(':', ': ', ' : ', ':\t', ''), fc.constantFrom('', 'users waited', '12:30', 'a: b', '<br>'), fc.constantFrom('', '<br>', '  '))
  .map((parts) => parts.join(''));
const fieldBlock = fc.array(fieldLine, { minLength: 1, maxLength: 6 }).map((lines) => `# Outage\n\n## Summary\n\n${lines.join('\n')}\n`);

describe('field lines as section labels', () => {
  it('puts every label inside the text, at the words it names', () => {
    printSeed();
    fc.assert(
      fc.property(fieldBlock, (text) => {
        const model = parsePostmortem(text, defaultConfig(), undefined, { today: '2026-12-01' });
        for (const section of model.sections.filter((candidate) => candidate.form === 'label')) {
          assert.ok(section.heading.start >= 0 && section.heading.end <= text.length && section.heading.start < section.heading.end);
          assert.ok(text.slice(section.heading.start, section.heading.end).includes(section.title), JSON.stringify([text, section.title]));
        }
      }),
      { numRuns, seed },
    );
  });
});
