// Properties of the action-item readers for prose and past-tense shapes: one action per whole-sentence line,
// a list of past actions is done and the same list in the imperative is open, and spans cover the item's own words.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type ActionItem } from '../../server/src/analysis';
import { numRuns, printSeed, seed } from './documents';

const today = '2024-06-01';

function itemsOf(body: string): { text: string; items: ActionItem[] } {
  const text = `# Postmortem: Queue stall\n\n**Date**: 2024-05-20\n\n${body}`;
  const model = analyze(text, { force: true, today }).model;
  assert.ok(model);
  return { text, items: model.actionItems };
}

const word = fc.constantFrom('queue', 'alert', 'retry', 'worker', 'backlog', 'replica', 'export', 'limit', 'dashboard', 'region');
const sentence = fc
  .tuple(fc.constantFrom('The', 'A', 'Each', 'Every'), fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom('should be added', 'will be reviewed', 'must be tested', 'should be kept'), fc.array(word, { maxLength: 4 }))
  .map(([opening, subject, verb, rest]) => `${[opening, ...subject, verb, ...rest].join(' ')}.`);
const verb = fc.constantFrom(['add', 'added'], ['remove', 'removed'], ['migrate', 'migrated'], ['enable', 'enabled'], ['document', 'documented'], ['rotate', 'rotated'], ['stop', 'stopped'], ['write', 'wrote']);

printSeed();

describe('action item reader properties', () => {
  it('a paragraph of whole-sentence lines under Recommendations gives one item per line, spanning that line', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 6 }), (lines) => {
        const { text, items } = itemsOf(['## Recommendations', '', ...lines, ''].join('\n'));
        assert.equal(items.length, lines.length);
        items.forEach((item, i) => assert.equal(text.slice(item.span.start, item.span.end), lines[i]));
      }),
      { numRuns, seed },
    );
  });

  it('a list of actions is done when written in the past and open when written in the imperative', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(verb, fc.array(word, { minLength: 1, maxLength: 4 })), { minLength: 2, maxLength: 6 }), (entries) => {
        const list = (form: 0 | 1) => entries.map(([forms, rest]) => `- ${forms[form][0].toUpperCase()}${forms[form].slice(1)} the ${rest.join(' ')}`);
        const done = itemsOf(['## Action items', '', ...list(1), ''].join('\n')).items;
        const open = itemsOf(['## Action items', '', ...list(0), ''].join('\n')).items;
        assert.equal(done.length, entries.length);
        assert.ok(done.every((item) => item.status === 'done'));
        assert.ok(open.every((item) => item.status === 'open'));
      }),
      { numRuns, seed },
    );
  });

  it('an HTML list reads as the same Markdown list would, nested entries as detail, whatever the layout of its tags', () => {
    const detail = fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 3 });
    const entry = fc.tuple(fc.constantFrom('Add', 'Review', 'Rotate', 'Split'), fc.array(word, { minLength: 1, maxLength: 4 }), detail, fc.boolean());
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\n', '\n  '), (entries, gap) => {
        const html = entries.map(([verbWord, rest, details, closed]) => {
          const nested = details.length ? `${gap}<ul>${details.map((words) => `${gap}<li>${words.join(' ')}</li>`).join('')}${gap}</ul>` : '';
          return `${gap}<li>${verbWord} the ${rest.join(' ')}${nested}${closed ? '</li>' : ''}`;
        });
        const markdown = entries.map(([verbWord, rest, details]) => [`- ${verbWord} the ${rest.join(' ')}`, ...details.map((words) => `  - ${words.join(' ')}`)].join('\n'));
        const fromHtml = itemsOf(['## Action items', '', `<ul>${html.join('')}${gap}</ul>`, ''].join('\n')).items;
        const fromMarkdown = itemsOf(['## Action items', '', ...markdown, ''].join('\n')).items;
        assert.deepEqual(fromHtml.map((item) => item.description), fromMarkdown.map((item) => item.description));
      }),
      { numRuns, seed },
    );
  });
});
