// Prose under an action heading that tells how software behaves ("if a peer lies, it will disconnect") holds no promise of work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

function itemTexts(body: string): string[] {
  const text = `# Postmortem: Replica drift\n\n**Date**: 2024-04-30\n\n## Follow-up actions\n\n${body}\n`;
  const analysis = analyze(text, { force: true, today: '2024-05-02' });
  return (analysis.model?.actionItems ?? []).map((item) => text.slice(item.span.start, item.span.end));
}

test('a paragraph that explains what the software will do is one paragraph, not one task per "will"', () => {
  const items = itemTexts(
    'The pin list means that the client will refuse other roots. If a server offers another root, it will drop that connection. So in effect, the client will only talk to servers that will present the pinned root.',
  );
  assert.equal(items.length, 1);
});

test('promises by the writers or a team in the same shape are still one task each', () => {
  const items = itemTexts('If the drift comes back, we will rebuild the replica from a snapshot. The storage team will add a checksum alert on every replica.');
  assert.equal(items.length, 2);
});
