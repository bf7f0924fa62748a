// Front matter read line by line when strict YAML refuses it: each field's value span holds the value as written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFrontMatterLines } from '../../server/src/analysis/metadata';
import { numRuns, printSeed, seed } from './documents';

const key = fc.stringMatching(/^[A-Za-z_][\w-]{0,11}$/);
const value = fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !/[\r\n]/.test(text) && text.trim() !== '');

describe('front matter lines', () => {
  printSeed();

  it('reads every "key: value" line, with the value where it is written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }), fc.nat(40), (pairs, offset) => {
        const source = pairs.map(([name, text]) => `${name}: ${text}`).join('\n');
        const fields = readFrontMatterLines(source, offset, 'lines');
        assert.equal(fields.length, pairs.length, source);
        fields.forEach((field, i) => {
          const written = pairs[i][1].trim();
          assert.equal(source.slice(field.valueSpan.start - offset, field.valueSpan.end - offset), written, source);
          assert.equal(field.value, written.replace(/^(["'])(.*)\1$/, '$2'));
        });
      }),
      { numRuns, seed },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        for (const field of readFrontMatterLines(source, 0, 'lines')) assert.ok(field.valueSpan.start <= field.valueSpan.end && field.valueSpan.end <= source.length);
      }),
      { numRuns, seed },
    );
  });
});
