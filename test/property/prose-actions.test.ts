// Prose under an action heading read as one item per action: every item's span holds words of the paragraph, in order, without overlap.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis';
import { numRuns, printSeed, seed } from './documents';

const fragment = fc.constantFrom(
  'we will add a canary stage',
  'a retry budget is planned',
  "we've tuned the alert",
  'including pinning the version',
  'raising the limit',
  'and adding an alarm',
  'the cache was full',
  'you may see a delay',
  'we are also preparing a load shedder',
  'and will avoid a second cache',
  '"I\'ll take it"',
);
const joiner = fc.constantFrom(', ', ', and ', '; ', '. ', ' and ', ' ');
const sentence = fc.tuple(fragment, fc.array(fc.tuple(joiner, fragment), { maxLength: 5 })).map(([first, rest]) => `${first[0].toUpperCase()}${first.slice(1)}${rest.map(([gap, words]) => gap + words).join('')}.`);

describe('prose actions', () => {
  printSeed();

  it('reads items whose spans lie in the paragraph, in order and apart', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), (sentences) => {
        const paragraph = sentences.join(' ');
        const text = `# Outage\n\n## Next steps\n\n${paragraph}\n`;
        const start = text.indexOf(paragraph);
        const items = analyze(text, { force: true, today: '2026-12-01' }).model?.actionItems ?? [];
        let previousEnd = start;
        for (const item of items) {
          assert.ok(item.span.start >= previousEnd && item.span.end <= start + paragraph.length && item.span.start < item.span.end, paragraph);
          assert.equal(text.slice(item.span.start, item.span.end), text.slice(item.span.start, item.span.end).trim(), paragraph);
          previousEnd = item.span.end;
        }
      }),
      { numRuns, seed },
    );
  });
});
