import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceActionItem } from '../../server/src/protocol';
import { actionItemAsMarkdown, ticketUrl } from '../../client/src/action-items/markdown';
import { analyze } from '../../server/src/analysis';

const base: WorkspaceActionItem = {
  id: 'file:///w/a.md#3',
  uri: 'file:///w/a.md',
  documentTitle: 'A',
  range: { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } },
  description: 'Add an alert on pool saturation',
  owner: '@alice',
  owners: ['@alice'],
  due: '2024-02-01',
  priority: 1,
  status: 'open',
  overdue: false,
  daysUntilDue: 3,
  dueInWords: 'due in 3 days',
  dueWindow: 'thisWeek',
  ticket: 'OPS-42',
  group: undefined,
  postmortemDate: '2024-01-20',
  dueForFollowUp: false,
};

test('an item as a Markdown task line', () => {
  assert.equal(actionItemAsMarkdown(base), '- [ ] [P1] Add an alert on pool saturation (@alice, Due: 2024-02-01, OPS-42)');
  assert.equal(actionItemAsMarkdown({ ...base, owner: 'Bob Smith', ticket: 'https://t.example/1', priority: undefined, status: 'done' }), '- [x] Add an alert on pool saturation (Owner: Bob Smith, Due: 2024-02-01, <https://t.example/1>)');
  assert.equal(actionItemAsMarkdown({ ...base, owner: undefined, due: undefined, ticket: undefined, priority: undefined }), '- [ ] Add an alert on pool saturation');
});

test('the copied line reads back as the same item', () => {
  const text = `# Postmortem: A\n\n## Action items\n\n${actionItemAsMarkdown({ ...base, owner: 'Bob Smith' })}\n`;
  const [parsed] = analyze(text, { force: true }).model?.actionItems ?? [];
  assert.ok(parsed);
  assert.deepEqual(
    { description: parsed.description, owner: parsed.owner?.value, due: parsed.due?.value, priority: parsed.priority?.value, ticket: parsed.ticket?.value },
    { description: base.description, owner: 'Bob Smith', due: '2024-02-01', priority: 1, ticket: 'OPS-42' },
  );
});

test('ticket links: a link as is, a key through the URL template', () => {
  assert.equal(ticketUrl('https://jira.example/browse/OPS-1', undefined), 'https://jira.example/browse/OPS-1');
  assert.equal(ticketUrl('OPS-1', 'https://jira.example/browse/${ticket}'), 'https://jira.example/browse/OPS-1');
  assert.equal(ticketUrl('OPS-1', ''), undefined);
  assert.equal(ticketUrl('OPS-1', 'https://jira.example/browse/'), undefined);
});
