// Action items in the shapes real postmortems use, and the owner and due fixes that go with them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, assignOwnerFix, setDueFix, type ActionItem } from '../../server/src/analysis';
import { addDueFix, addOwnerFix } from '../../server/src/analysis/fixes';
import { endsInColon, ownerOfGroupLabel, windowOf } from '../../server/src/analysis/action-item-shapes';
import { promisesActions } from '../../server/src/analysis/action-items';
import { applyEdits } from '../../server/src/analysis/text';

const today = '2024-05-02';

function itemsOf(body: string): { text: string; items: ActionItem[] } {
  const text = `# Postmortem: Cache stampede\n\n**Date**: 2024-04-30\n\n${body}`;
  const model = analyze(text, { force: true, today }).model;
  assert.ok(model);
  return { text, items: model.actionItems };
}

/** The items of an Action items section of these lines. */
const actionItemsOf = (...lines: string[]) => itemsOf(['## Action items', '', ...lines, ''].join('\n'));
const described = (items: readonly ActionItem[]) => items.map((item) => item.description);
const owners = (items: readonly ActionItem[]) => items.map((item) => item.owner?.value);

describe('action item structure', () => {
  it('keeps detail bullets under an item with the item, and reads nested items that carry their own owner or checkbox', () => {
    const { items } = actionItemsOf(
      '- Add tracing to the cache layer:',
      '  - Spans',
      '  - Sampling',
      '- Split the cache per tenant @ivo',
      '  - [ ] Draft the key scheme',
      '  - Move the hot keys (Owner: @ada)',
    );
    assert.deepEqual(described(items), ['Add tracing to the cache layer', 'Split the cache per tenant', 'Draft the key scheme', 'Move the hot keys']);
    assert.deepEqual(owners(items), [undefined, '@ivo', undefined, '@ada']);
  });

  it('reads a short noun label over a list of actions as their group, not as an item', () => {
    const { items } = actionItemsOf('- **Cache hardening**', '  - Add jitter to the expiry', '  - Cap the refill rate');
    assert.deepEqual(described(items), ['Add jitter to the expiry', 'Cap the refill rate']);
    assert.deepEqual(items.map((item) => item.group), ['Cache hardening', 'Cache hardening']);
  });

  it('reads numbered sub-headings as items, their owner from a handle in code, and their body as detail', () => {
    const { items } = itemsOf(
      ['# Follow-ups', '', '### 1) Refill lock added `@ada`', '', 'A lock now guards the refill.', '', '- detail one', '', '### 2) Expiry jitter `@ivo`', '', 'Spread over a minute.', ''].join('\n'),
    );
    assert.deepEqual(described(items), ['Refill lock added', 'Expiry jitter']);
    assert.deepEqual(owners(items), ['@ada', '@ivo']);
    assert.deepEqual(items.map((item) => item.container), ['heading', 'heading']);
  });

  it('takes done and window headings to their items', () => {
    const { items } = actionItemsOf('### Immediate actions (completed)', '', '- Flushed the cache', '', '### Short term: this week', '', '- Add a refill alert', '', '### Target: Q3', '', '- Move sessions out of the cache', '', '### Next', '', '- Review the TTLs');
    assert.deepEqual(items.map((item) => [item.status, item.dueWindow]), [
      ['done', 'Immediate actions (completed)'],
      ['open', 'Short term: this week'],
      ['open', 'Target: Q3'],
      ['open', undefined],
    ]);
  });

  it('takes a window one can check on a calendar as the due date, but not a rank such as "Long term" or a window of hours', () => {
    const headings = ['Short term: this week', 'Medium term (1-2 weeks)', 'Within 30 days', 'Target: Q3', 'Long term', 'Short-term (next 2 hours)', 'Long-term improvements'];
    const body = ['## Action items', '', ...headings.flatMap((heading, index) => [`### ${heading}`, '', `- Add a refill guard number ${index + 1} @ada`, ''])].join('\n');
    const text = `# Postmortem: Cache stampede\n\n**Date**: 2024-04-30\n\n${body}`;
    const dueFindings = analyze(text, { force: true, today }).findings.filter((finding) => finding.ruleId === 'action-item-due');
    assert.deepEqual(
      dueFindings.map((finding) => finding.message),
      [
        "Action item has no due date; 'Long term' ranks it but gives no date.",
        "Action item has no due date; 'Short-term (next 2 hours)' ranks it but gives no date.",
        "Action item has no due date; 'Long-term improvements' ranks it but gives no date.",
      ],
    );
  });

  it('reads a team, a role or a person named as the subject as the owner, but not "we" or "the team"', () => {
    const { items } = actionItemsOf(
      '- Platform will add a cache hit panel',
      '- SRE team to review the paging thresholds',
      '- Infra: resize the cache nodes',
      '- Ada to send the tenant list',
      '- We will add load tests for the refill path',
      '- The team will review the TTL defaults',
      '- Alerts will be added for the hit ratio',
      '- Add a refill queue',
    );
    assert.deepEqual(owners(items), ['Platform', 'SRE team', 'Infra', 'Ada', undefined, undefined, undefined, undefined]);
  });

  it('reads action tables: an empty row is no item, and a sentence in the owner cell is no owner', () => {
    const { items } = actionItemsOf('| Action | Owner | Expected date | Status |', '|---|---|---|---|', '| Cap the refill rate | @ada | Jun 3, 2024 | Done (#88) |', '| | | | |', '| Add jitter | Added along with the first fix | 2024-06-10 | Open |');
    assert.deepEqual(items.map((item) => [item.description, item.owner?.value, item.due?.value, item.status]), [
      ['Cap the refill rate', '@ada', '2024-06-03', 'done'],
      ['Add jitter', undefined, '2024-06-10', 'open'],
    ]);
  });

  it('reads "Action point:" lines and the list under an action label outside the Action items section', () => {
    const { items } = itemsOf(
      ['## Lessons learned', '', 'The refill path had no guard.', '', 'Action point: add a guard to the refill path.', '', '**Actions taken:**', '', '- Flushed the hot keys', '', '**Actions planned:**', '', '- Split the cache per tenant', ''].join('\n'),
    );
    assert.deepEqual(items.map((item) => [item.description, item.status]), [
      ['add a guard to the refill path.', 'open'],
      ['Flushed the hot keys', 'done'],
      ['Split the cache per tenant', 'open'],
    ]);
  });

  it('reads each action of an action section written as prose, without its lead-in or the note after a rule', () => {
    const { items } = itemsOf(
      [
        '## What is being done about this?',
        '',
        'Over the next weeks we will do the following:',
        '',
        'We will add a refill guard so that one tenant cannot empty the cache for all.',
        '',
        'The TTL defaults were shortened for every tenant.',
        '',
        'Platform will move sessions out of the cache, and the cache will be sized per tenant.',
        '',
        '---',
        '',
        'Thanks to everyone who helped on the day.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(items.map((item) => [item.description.split(' ').slice(0, 3).join(' '), item.status, item.owner?.value]), [
      ['We will add', 'open', undefined],
      ['The TTL defaults', 'done', undefined],
      ['Platform will move', 'open', 'Platform'],
      // A second clause with its own subject is a second action.
      ['the cache will', 'open', undefined],
    ]);
  });

  it('reads paragraphs beside a list of actions as notes, not actions', () => {
    const { items } = actionItemsOf('We will track these in the tracker.', '', '- Add a refill guard', '- Shorten the TTLs');
    assert.deepEqual(described(items), ['Add a refill guard', 'Shorten the TTLs']);
  });

  it('reads bold TODO and DONE lines and the list after a "we will" lead-in outside an action section, but not a list that only describes', () => {
    const { items } = itemsOf(
      [
        '## Lessons learned',
        '',
        'Disk graphs are easier to read than the pool listing.',
        '',
        '**DONE**: Ivo added the cache hosts to the uptime checks.',
        '',
        '**TODO** an exporter for the pool usage could have paged before the disk filled.',
        '',
        'The cache recovered on its own. Going forward, we will do the following:',
        '',
        '- We will alert on the refill queue age',
        '- Though the TTLs were not the cause, we will shorten them',
        '',
        'We will move to the new cache later this year. Specifically:',
        '',
        '- There will be one cache per tenant',
        '',
      ].join('\n'),
    );
    assert.deepEqual(items.map((item) => [item.description.split(' ').slice(0, 3).join(' '), item.status]), [
      ['Ivo added the', 'done'],
      ['an exporter for', 'open'],
      ['We will alert', 'open'],
      ['Though the TTLs', 'open'],
    ]);
  });

  it('reads "???" in an owner cell as no owner, and a DONE cell as the status when there is no status column', () => {
    const { text } = actionItemsOf('| Action | Owner | Reference |', '|---|---|---|', '| Cap the refill rate | ??? | **TODO** |', '| Add jitter | ada | **DONE** |');
    const { model, findings } = analyze(text, { force: true, today });
    assert.deepEqual(model?.actionItems.map((item) => [item.owner?.value, item.status]), [
      [undefined, 'open'],
      ['ada', 'done'],
    ]);
    assert.equal(findings.filter((finding) => finding.ruleId === 'action-item-owner').length, 1);
  });

  it('reads a dash or question marks in an owner or due cell as nothing known yet: no owner, no owner placeholder, no unreadable date', () => {
    const { items } = actionItemsOf('| Action | Owner | Due |', '|---|---|---|', '| Cap the refill rate | — | ?? |', '| Add jitter | ??? | - |', '| Pin the client | - | — |');
    const nothingKnown = [undefined, false, undefined];
    assert.deepEqual(items.map((item) => [item.owner?.value, item.ownerPlaceholder, item.dueUnreadable?.value]), [nothingKnown, nothingKnown, nothingKnown]);
  });

  it('reads a label as ending on a colon, ASCII or full-width, wherever labels are read', () => {
    for (const colon of [':', '：', ': ']) {
      assert.ok(endsInColon(`Short term${colon}`), colon);
      assert.equal(windowOf(`Short term${colon}`), 'Short term');
      assert.equal(ownerOfGroupLabel(`@ana${colon}`), '@ana');
    }
    const { items } = actionItemsOf('**Storage team**：', '', '- Add a disk alert');
    assert.deepEqual(owners(items), ['Storage team']);
  });

  it('splits a lead-in and a prose action into sentences at the same stops', () => {
    assert.equal(promisesActions('The pool ran dry. We will do the following'), true);
    assert.equal(promisesActions('We will do the following. The pool ran dry'), false);
    const { items } = actionItemsOf('We added an alert on queue depth. It will page the on-call sooner.');
    assert.deepEqual(items.map((item) => item.status), ['done']);
  });

  it('does not read a template prompt after TODO as an item', () => {
    const { items } = actionItemsOf('TODO: one task per change, each with an owner.', '', 'TODO: rotate the cache keys');
    assert.deepEqual(described(items), ['rotate the cache keys']);
  });
});

describe('try-harder on items that change the system', () => {
  it('stays quiet on "we will" items that change a system, and still reports asking for care', () => {
    const text = `# Postmortem: Cache\n\n## Action items\n\n- We will expand the refill tests to every tenant\n- We need to be more careful with TTL changes\n`;
    const findings = analyze(text, { force: true, today }).findings.filter((finding) => finding.ruleId === 'action-item-try-harder');
    assert.deepEqual(findings.map((finding) => text.slice(finding.span.start, finding.span.end)), ['to be more careful']);
  });
});

describe('owner and due fixes', () => {
  it('adds an owner placeholder that an editor can select as a tab stop', () => {
    const { text, items } = actionItemsOf('- [ ] Add a refill alert');
    const [edit] = addOwnerFix(text, items[0]).edits;
    assert.equal(edit.newText, ' (Owner: [Owner])');
    assert.equal(edit.snippet, ' (Owner: ${1:[Owner]})');
    assert.ok(applyEdits(text, [edit]).includes('- [ ] Add a refill alert (Owner: [Owner])\n'));
  });

  it('replaces a due placeholder already written instead of adding another', () => {
    const { text, items } = actionItemsOf('- [ ] Add a refill alert @ada due TBD');
    assert.equal(items[0].duePlaceholder, true);
    const prompt = addDueFix(text, items[0]);
    assert.ok(prompt);
    assert.equal(applyEdits(text, prompt.edits).split('\n').at(-2), '- [ ] Add a refill alert @ada due YYYY-MM-DD');
    assert.equal(prompt.edits[0].snippet, '${1:YYYY-MM-DD}');
    assert.equal(applyEdits(text, setDueFix(text, items[0], '2024-05-09').edits).split('\n').at(-2), '- [ ] Add a refill alert @ada due 2024-05-09');
    const again = actionItemsOf('- [ ] Add a refill alert @ada due YYYY-MM-DD');
    assert.equal(addDueFix(again.text, again.items[0]), undefined);
  });

  it('keeps the emphasis marks and a stray backtick around a due placeholder when it replaces it', () => {
    const { text, items } = actionItemsOf('- [ ] Rotate the signing key @ada due TBD`', '- [ ] Page the owner @bo due **TBD**');
    const line = (fixed: string, words: string) => fixed.split('\n').find((written) => written.includes(words));
    assert.equal(line(applyEdits(text, setDueFix(text, items[0], '2024-05-09').edits), 'Rotate'), '- [ ] Rotate the signing key @ada due 2024-05-09`');
    assert.equal(line(applyEdits(text, setDueFix(text, items[1], '2024-05-09').edits), 'Page'), '- [ ] Page the owner @bo due **2024-05-09**');
  });

  it('assigns an owner over a placeholder and in a table cell', () => {
    const listed = actionItemsOf('- [ ] Add a refill alert (Owner: [Owner], Due: 2024-05-09)');
    assert.equal(applyEdits(listed.text, assignOwnerFix(listed.text, listed.items[0], '@ada').edits).split('\n').at(-2), '- [ ] Add a refill alert (Owner: @ada, Due: 2024-05-09)');
    const table = actionItemsOf('| Action | Owner |', '|---|---|', '| Add a refill alert | |');
    assert.equal(applyEdits(table.text, assignOwnerFix(table.text, table.items[0], '@ada').edits).split('\n').at(-2), '| Add a refill alert | @ada |');
    const [edit] = addOwnerFix(table.text, table.items[0]).edits;
    assert.equal(edit.snippet, ' ${1:[Owner]} ');
  });
});

describe('the item reader on any input', () => {
  const pieces = [
    '## Action items\n', '### Done\n', '### Short term\n', '#### 1) Item `@ana`\n', '- ', '  - ', '1. ', '- [ ] ', '- [x] ', '| Action | Owner | Due |\n|---|---|---|\n', '| a | @b | 2024-01-02 |\n',
    '**Actions planned:**\n', 'Action point: ', 'TODO: ', 'DONE: ', 'Platform will ', 'We will ', 'Add a check', ' @ana', ' due TBD', ' (Owner: [Owner])', ' Due: 2024-02-30', ':', '\n', '\n\n', '`', '**', 'é', '\r\n',
  ];
  const documents = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

  it('never throws, keeps every item inside the text, and its fixes keep every other character', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const analysis = analyze(text, { force: true, today });
        for (const item of analysis.model?.actionItems ?? []) {
          assert.ok(item.span.start >= 0 && item.span.start <= item.span.end && item.span.end <= text.length);
          // As the rules and the editor offer them: owner fixes to items without an owner, due fixes to items without a date.
          const ownerFixes = item.owner ? [] : [addOwnerFix(text, item), assignOwnerFix(text, item, '@zoe')];
          const dueFixes = item.due || item.dueUnreadable ? [] : [addDueFix(text, item), setDueFix(text, item, '2024-03-01')];
          for (const fix of [...ownerFixes, ...dueFixes]) {
            for (const edit of fix?.edits ?? []) {
              const fixed = applyEdits(text, [edit]);
              assert.equal(fixed.slice(0, edit.span.start), text.slice(0, edit.span.start));
              assert.equal(fixed.slice(edit.span.start + edit.newText.length), text.slice(edit.span.end));
              const removed = text.slice(edit.span.start, edit.span.end);
              // Only blanks and what stands for "no value" in a slot (`[Owner]`, `TBD`, `?`, a dash in a cell) may go.
              assert.ok(removed.trim() === '' || /^(?:\[[^\]]*\]|TBD|TODO|YYYY-MM-DD|\?+|[-–—]+)$/i.test(removed.trim()), `a fix removed '${removed}'`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('action items written in raw HTML', () => {
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

  it('reads each entry of an HTML list as an item, with its owner, due date and entities decoded, placed on its own line', () => {
    const { text, items } = actionItemsOf(
      '<ul>',
      '  <li>Cap the cache size per tenant &ndash; owner: @ivo, due 2024-06-01</li>',
      '  <li><strong>Page</strong> the storage team when evictions&nbsp;spike</li>',
      '</ul>',
    );
    assert.deepEqual(described(items), ['Cap the cache size per tenant', 'Page the storage team when evictions spike']);
    assert.deepEqual(owners(items), ['@ivo', undefined]);
    assert.equal(items[0].due?.value, '2024-06-01');
    assert.deepEqual(
      items.map((item) => lineOf(text, item.span.start)),
      [8, 9],
    );
    const findings = analyze(text, { force: true, today }).findings.filter((finding) => finding.ruleId === 'action-item-owner');
    assert.deepEqual(
      findings.map((finding) => lineOf(text, finding.span.start)),
      [9],
    );
  });

  it('reads a list nested in an entry as the entry\'s detail, and an entry of it with its own owner as an item', () => {
    const { items } = actionItemsOf(
      '<ul>',
      '<li>Alert on queue depth (owner: @kim, due 2026-12-20)',
      '  <ul>',
      '  <li>Dashboards</li>',
      '  <li>Runbook link</li>',
      '  </ul>',
      '</li>',
      '<li>Rotate the signing keys<ul><li>Revoke the old pair (owner: @ana, due 2026-12-22)</li></ul></li>',
      '</ul>',
    );
    assert.deepEqual(described(items), ['Alert on queue depth', 'Rotate the signing keys', 'Revoke the old pair']);
    assert.deepEqual(owners(items), ['@kim', undefined, '@ana']);
  });

  it('reads HTML paragraphs as prose paragraphs: actions where the section has no list, none beside a list', () => {
    const prose = itemsOf(['## Follow-ups', '', '<p>We will add an eviction alert to the cache tier.</p>', '', '<p>The platform team will split the cache per tenant, owner @ada.</p>', ''].join('\n'));
    assert.deepEqual(described(prose.items), ['We will add an eviction alert to the cache tier.', 'The platform team will split the cache per tenant']);
    assert.deepEqual(owners(prose.items), [undefined, '@ada']);
    const beside = actionItemsOf('- [ ] Add an eviction alert', '', '<p>These came out of the review on Monday.</p>');
    assert.deepEqual(described(beside.items), ['Add an eviction alert']);
  });
});

describe('the writer of a first-person item as its owner', () => {
  const ownersIn = (head: string, item: string, underTitle = '') => {
    const text = `${head}# Postmortem: relay disk full\n\n${underTitle}## Summary\n\nThe relay host ran out of disk.\n\n## Follow-ups\n\n${item}\n`;
    return owners(analyze(text, { force: true, today }).model?.actionItems ?? []);
  };

  it('names the one author of the front matter or the byline as the owner of a promise in the first person', () => {
    assert.deepEqual(ownersIn('---\nauthor: Rosa Vidal\n---\n', '- I will add a disk alert to the relay host.'), ['Rosa Vidal']);
    assert.deepEqual(ownersIn('', '- I will add a disk alert to the relay host.', 'By Rosa Vidal, platform team\n\n'), ['Rosa Vidal']);
    assert.deepEqual(ownersIn('', '- I will add a disk alert to the relay host.', '_Posted by @rvidal on 3 March_\n\n'), ['@rvidal']);
  });

  it('reads a step taken joined to a promise by the same writer ("I have X, and will Y") as the writer’s item', () => {
    assert.deepEqual(ownersIn('---\nauthor: Rosa Vidal\n---\n', 'I have rotated the relay credentials, and will keep new ones short-lived.'), ['Rosa Vidal']);
    assert.deepEqual(ownersIn('---\nauthor: Rosa Vidal\n---\n', 'I have rotated the relay credentials, and will not reuse them.'), [undefined]);
  });

  it('keeps "I" as written when no single author is named, and reads no byline from a sentence that starts with "By"', () => {
    assert.deepEqual(ownersIn('---\nauthors: [Rosa Vidal, Tomas Berg]\n---\n', '- I will add a disk alert to the relay host.'), ['I']);
    assert.deepEqual(ownersIn('', '- I will add a disk alert to the relay host.', 'By Rosa Vidal and Tomas Berg\n\n'), ['I']);
    assert.deepEqual(ownersIn('', '- I will add a disk alert to the relay host.', 'By Monday, the disk was full.\n\n'), ['I']);
  });
});
