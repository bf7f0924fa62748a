// The general readers of other teams' shapes: the bounded edit distance, key-word typo correction and the
// action-table column classifier, checked against a plain reference and for what must hold whatever the input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { correctKeyWordTypos, keyWords, oneEditApart } from '../../server/src/analysis/section-typos';
import { classifyColumns } from '../../server/src/analysis/action-item-columns';
import { numRuns, printSeed, seed } from './documents';

/** Optimal string alignment distance, the whole table, no cut-off. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const shortWord = fc.string({ maxLength: 12 }).map((text) => text.toLowerCase());
const keyWord = fc.constantFrom('timeline', 'summary', 'impact', 'cause', 'lessons', 'learned', 'action', 'items', 'remediation', 'contributing', 'factors');
/** A key word with one edit, beside the word: a letter dropped, doubled, swapped with the next or replaced, never the first. */
const misspelt = fc.tuple(keyWord, fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'replace'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz')).map(([word, at, edit, letter]) => {
  const i = 1 + (at % (word.length - 1));
  if (edit === 'drop') return [word, word.slice(0, i) + word.slice(i + 1)];
  if (edit === 'double') return [word, word.slice(0, i) + word[i] + word.slice(i)];
  if (edit === 'swap' && i < word.length - 1) return [word, word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)];
  return [word, word.slice(0, i) + letter + word.slice(i + 1)];
});

describe('general shape readers', () => {
  it('two words are one edit apart exactly when the full table gives a distance of one', () => {
    printSeed();
    fc.assert(
      fc.property(shortWord, shortWord, (a, b) => {
        assert.equal(oneEditApart(a, b), referenceDistance(a, b) === 1);
      }),
      { numRuns, seed },
    );
    // Random words are rarely that close: misspelt key words are.
    fc.assert(
      fc.property(misspelt, ([original, word]) => {
        assert.equal(oneEditApart(original, word), referenceDistance(original, word) === 1, `${original} ~ ${word}`);
      }),
      { numRuns, seed },
    );
  });

  it('a key word of five letters or more with one edit is corrected to a key word one edit away, and a corrected word stays', () => {
    fc.assert(
      fc.property(misspelt, ([original, word]) => {
        if (word.length < 5 || word === original) return;
        const corrected = correctKeyWordTypos(word);
        if (corrected === undefined) {
          assert.ok(keyWords.includes(word), `${word} was left uncorrected`);
          return;
        }
        assert.ok(keyWords.includes(corrected) && oneEditApart(corrected, word), `${word} -> ${corrected}`);
        assert.equal(correctKeyWordTypos(corrected), undefined);
      }),
      { numRuns, seed },
    );
  });

  it('the column classifier gives each role its own column inside the header', () => {
    const header = fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Owner', 'Assignee', 'Due', 'ETA', 'Status', 'State', 'Action', 'Task', 'Who', 'When', 'Team', 'Date', 'Priority', 'Ticket')), { maxLength: 8 });
    fc.assert(
      fc.property(header, (titles) => {
        const columns = Object.values(classifyColumns(titles)).filter((index) => index >= 0);
        assert.equal(new Set(columns).size, columns.length, JSON.stringify(titles));
        for (const index of columns) assert.ok(index < titles.length);
      }),
      { numRuns, seed },
    );
  });
});
