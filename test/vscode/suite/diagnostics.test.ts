import * as assert from 'node:assert/strict';
import { diagnosticsWhere, open, ruleOf } from '../helpers';

/** Each fixture and the rules it breaks, one or more of every rule family. */
const expected: Record<string, string[]> = {
  'postmortems/2024-02-01-search-outage.md': ['missing-section', 'missing-recommended-section', 'empty-section', 'placeholder', 'metadata-severity', 'action-item-overdue'],
  'postmortems/2024-02-08-queue-backlog.md': ['timeline-order', 'timeline-time', 'duration-mismatch', 'action-item-owner', 'action-item-due', 'action-item-due-window', 'blameful-language'],
};

suite('Diagnostics', () => {
  for (const [path, rules] of Object.entries(expected)) {
    test(`${path} reports ${rules.join(', ')}`, async () => {
      const { document } = await open(path);
      const diagnostics = await diagnosticsWhere(
        document.uri,
        (found) => (rules.every((rule) => found.some((diagnostic) => ruleOf(diagnostic) === rule)) ? found : undefined),
        rules.join(', '),
      );
      assert.ok(diagnostics.every((diagnostic) => diagnostic.message.length > 0));
    });
  }

  test('findings sit on the lines they are about', async () => {
    const { document } = await open('postmortems/2024-02-08-queue-backlog.md');
    const lineOf = (text: string) => document.getText().split('\n').findIndex((line) => line.includes(text));
    const diagnostics = await diagnosticsWhere(document.uri, (found) => (found.some((d) => ruleOf(d) === 'timeline-order') ? found : undefined), 'timeline-order');
    const at = (rule: string) => diagnostics.filter((diagnostic) => ruleOf(diagnostic) === rule).map((diagnostic) => diagnostic.range.start.line);
    assert.deepEqual(at('timeline-order'), [lineOf('10:12 On-call engineer')]);
    assert.deepEqual(at('timeline-time'), [lineOf('11:61')]);
    assert.deepEqual(at('blameful-language'), [lineOf('Carol made a mistake')]);
  });
});
