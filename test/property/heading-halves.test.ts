// A heading's second half and HTML bold paragraphs, whatever they hold: the second half is normalised text of the
// heading, a name after any first half is read as its kind, and an HTML label lies inside the text at its paragraph.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, parsePostmortem } from '../../server/src/analysis';
import { normaliseHeading, qualifierTail } from '../../server/src/analysis/section-heading';
import { recogniseHeading } from '../../server/src/analysis/sections';
import { numRuns, printSeed, seed } from './documents';

const piece = fc.string({ unit: fc.constantFrom('a', 'Q', ' ', '1', ':', '-', '–', '(', ')', '&', 'é', '📋', 'Impact', 'the', 'Appendix', '2024-03-01'), maxLength: 24 });

describe('the second half of a heading', () => {
  it('is normalised, non-empty text, or nothing', () => {
    printSeed();
    fc.assert(
      fc.property(piece, (title) => {
        const tail = qualifierTail(title);
        if (tail !== undefined) {
          assert.notEqual(tail, '');
          assert.equal(normaliseHeading(tail), tail);
        }
      }),
      { numRuns, seed },
    );
  });

  it('names its kind after a first half of unknown words', () => {
    const head = fc.constantFrom('Friday', 'The upgrade', 'Part two', 'Cluster 7b');
    const name = fc.constantFrom('Lessons learned', 'Root cause', 'Timeline', 'Action items');
    const separator = fc.constantFrom(': ', ' - ', ' – ');
    fc.assert(
      fc.property(head, separator, name, (first, between, second) => {
        assert.deepEqual(recogniseHeading(`${first}${between}${second}`), { kind: recogniseHeading(second)?.kind, uncertain: true });
      }),
      { numRuns, seed },
    );
  });
});

describe('HTML bold paragraphs as labels', () => {
  const words = fc.string({ unit: fc.constantFrom('a', ' ', '&#8211;', '&amp;', '&nbsp;', '<em>', '</em>', 'Root cause', 'Impact', ':', '2'), maxLength: 12 });
  it('put every label inside the text, on its paragraph', () => {
    fc.assert(
      fc.property(words, fc.constantFrom('strong', 'b'), (inner, tag) => {
        const paragraph = `<p><${tag}>${inner}</${tag}></p>`;
        const text = `# Outage\n\n## Details\n\n${paragraph}\n\n<p>Words after it.</p>\n`;
        const model = parsePostmortem(text, defaultConfig(), undefined, { today: '2026-12-01' });
        for (const section of model.sections.filter((candidate) => candidate.form === 'label')) {
          assert.equal(text.slice(section.heading.start, section.heading.end), paragraph);
        }
      }),
      { numRuns, seed },
    );
  });
});
