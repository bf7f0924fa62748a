// The snippets in snippets/postmortem.code-snippets, expanded as VS Code would and read by the analysis:
// what they insert must be a postmortem the parser understands, with only the prompts left to fill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, insertSectionFix } from '../../server/src/analysis';
import { withGeneratedSnippets } from '../../server/src/template-snippets';
import { sectionDefinitions, sectionKindOf } from '../../server/src/analysis/sections';
import { fillSnippet, snippetBody, templateSnippetName } from '../../client/src/template';
import { repoRoot } from '../helpers';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const snippetsText = readFileSync(join(repoRoot, 'snippets', 'postmortem.code-snippets'), 'utf8');
const snippets = JSON.parse(snippetsText) as Record<string, Snippet>;
const today = '2024-06-01';

/** The variables VS Code resolves when inserting, at 14:05 on the judged day in a +02:00 zone. */
const variables: Readonly<Record<string, string>> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '06',
  CURRENT_DATE: '01',
  CURRENT_HOUR: '14',
  CURRENT_MINUTE: '05',
  CURRENT_TIMEZONE_OFFSET: '+02:00',
};

// --- A small expander for VS Code's snippet syntax: $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR}, ${VAR:default}, escapes.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder: SnippetNode[] | undefined; choices: string[] | undefined }
  | { kind: 'variable'; name: string; fallback: SnippetNode[] | undefined };
type TabStopNode = Extract<SnippetNode, { kind: 'tabstop' }>;

function parseSnippet(source: string): SnippetNode[] {
  let position = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at ${position} in: ${source}`);
  };
  const readWhile = (pattern: RegExp) => {
    const start = position;
    while (position < source.length && pattern.test(source[position])) position++;
    return source.slice(start, position);
  };
  const expect = (text: string) => {
    if (!source.startsWith(text, position)) fail(`expected '${text}'`);
    position += text.length;
  };
  // Inside a placeholder, `}` ends the nested text; at the top level it is text.
  const parseNodes = (nested: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (position < source.length) {
      const character = source[position];
      if (character === '\\' && /[$}\\]/.test(source[position + 1] ?? '')) {
        text += source[position + 1];
        position += 2;
      } else if (character === '}' && nested) {
        break;
      } else if (character === '$' && /[\w{]/.test(source[position + 1] ?? '')) {
        flush();
        nodes.push(parseDollar());
      } else {
        text += character;
        position++;
      }
    }
    flush();
    return nodes;
  };
  const parseDollar = (): SnippetNode => {
    expect('$');
    if (source[position] !== '{') {
      const digits = readWhile(/\d/);
      if (digits) return { kind: 'tabstop', index: Number(digits), placeholder: undefined, choices: undefined };
      return { kind: 'variable', name: readWhile(/\w/), fallback: undefined };
    }
    expect('{');
    const digits = readWhile(/\d/);
    if (digits) {
      const index = Number(digits);
      if (source[position] === '}') return (position++, { kind: 'tabstop', index, placeholder: undefined, choices: undefined });
      if (source[position] === ':') {
        position++;
        const placeholder = parseNodes(true);
        expect('}');
        return { kind: 'tabstop', index, placeholder, choices: undefined };
      }
      expect('|');
      const choices: string[] = [];
      let choice = '';
      while (position < source.length && source[position] !== '|') {
        if (source[position] === '\\' && /[,|\\$}]/.test(source[position + 1] ?? '')) {
          choice += source[position + 1];
          position += 2;
        } else if (source[position] === ',') {
          choices.push(choice);
          choice = '';
          position++;
        } else {
          choice += source[position++];
        }
      }
      choices.push(choice);
      expect('|}');
      return { kind: 'tabstop', index, placeholder: undefined, choices };
    }
    const name = readWhile(/\w/);
    if (!name) fail('expected a tab stop or a variable');
    if (source[position] === '}') return (position++, { kind: 'variable', name, fallback: undefined });
    expect(':');
    const fallback = parseNodes(true);
    expect('}');
    return { kind: 'variable', name, fallback };
  };
  return parseNodes(false);
}

/** The first placeholder or choice of each tab stop: its mirrors show the same text. */
function definitions(nodes: readonly SnippetNode[], found = new Map<number, TabStopNode>()): Map<number, TabStopNode> {
  for (const node of nodes) {
    if (node.kind === 'tabstop' && !found.has(node.index) && (node.placeholder || node.choices)) found.set(node.index, node);
    if (node.kind === 'tabstop' && node.placeholder) definitions(node.placeholder, found);
    if (node.kind === 'variable' && node.fallback) definitions(node.fallback, found);
  }
  return found;
}

interface Inputs {
  definitions: ReadonlyMap<number, TabStopNode>;
  /** What the user typed, by tab stop. */
  values: Readonly<Record<number, string>>;
  variables: Readonly<Record<string, string>>;
}

function render(nodes: readonly SnippetNode[], inputs: Inputs): string {
  return nodes.map((node) => renderNode(node, inputs)).join('');
}

function renderNode(node: SnippetNode, inputs: Inputs): string {
  if (node.kind === 'text') return node.value;
  if (node.kind === 'tabstop') {
    const typed = inputs.values[node.index];
    if (typed !== undefined) return typed;
    const definition = inputs.definitions.get(node.index);
    if (definition?.choices) return definition.choices[0];
    return definition?.placeholder ? render(definition.placeholder, inputs) : '';
  }
  const value = inputs.variables[node.name];
  if (value !== undefined) return value;
  if (node.fallback) return render(node.fallback, inputs);
  throw new Error(`Unknown snippet variable ${node.name}`);
}

function inputsFor(nodes: readonly SnippetNode[], values: Record<number, string>, zone: string): Inputs {
  return { definitions: definitions(nodes), values, variables: { ...variables, CURRENT_TIMEZONE_OFFSET: zone } };
}

/** The text a snippet inserts when the user types `values` at those tab stops and leaves the others as they are. */
function expand(body: string, values: Record<number, string> = {}, zone = variables.CURRENT_TIMEZONE_OFFSET): string {
  const nodes = parseSnippet(body);
  return render(nodes, inputsFor(nodes, values, zone));
}

/** What a tab stop shows when the snippet is inserted, and its choices if it is a choice. */
function tabStop(body: string, index: number): { text: string; choices: string[] | undefined } {
  const nodes = parseSnippet(body);
  const inputs = inputsFor(nodes, {}, variables.CURRENT_TIMEZONE_OFFSET);
  return { text: renderNode({ kind: 'tabstop', index, placeholder: undefined, choices: undefined }, inputs), choices: inputs.definitions.get(index)?.choices };
}

function bodyOf(name: string): string {
  const snippet = snippets[name];
  assert.ok(snippet, `no snippet named '${name}'`);
  return snippet.body.join('\n');
}

function reportedRules(text: string): string[] {
  return [...new Set(analyze(text, { today }).findings.map((finding) => finding.ruleId))].sort();
}

// --- The expander itself.

test('the expander resolves tab stops, mirrors, choices, variables and escapes', () => {
  assert.equal(expand('a ${1:one ${2:two}} $1 ${3|x,y|} $CURRENT_YEAR ${UNSET:fallback} \\$1 \\} $0'), 'a one two one two x 2024 fallback $1 } ');
  assert.equal(expand('${1:a} ${2|x\\,y,z|}', { 1: 'typed' }), 'typed x,y');
  assert.throws(() => expand('$CURRENT_MINUTES'), /Unknown snippet variable CURRENT_MINUTES/);
  assert.throws(() => expand('${1:open'), /expected '}'/);
});

// --- The file.

test('every snippet has a unique prefix, a description and a body that expands', () => {
  const prefixes = Object.values(snippets).map((snippet) => snippet.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length);
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.equal(typeof snippet.prefix, 'string', name);
    assert.ok(snippet.description.length > 0, name);
    assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, name);
    assert.doesNotThrow(() => expand(snippet.body.join('\n')), name);
  }
});

// --- The full template.

test('the template names tab stop 1 the title, 2 the severity and 3 the incident date', () => {
  const body = bodyOf('Postmortem');
  assert.deepEqual(tabStop(body, 1), { text: 'Title', choices: undefined });
  assert.equal(tabStop(body, 2).text, 'SEV-2');
  assert.deepEqual([...(tabStop(body, 2).choices ?? [])].sort(), ['SEV-1', 'SEV-2', 'SEV-3']);
  assert.deepEqual(tabStop(body, 3), { text: today, choices: undefined });
});

test('the template has every canonical section, in canonical order, with the headings the server inserts', () => {
  const headings = expand(bodyOf('Postmortem'))
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3));
  assert.deepEqual(headings, sectionDefinitions.map((definition) => definition.title));
});

test('a new postmortem from the template lacks nothing but the prompts, at every severity', () => {
  for (const severity of ['SEV-1', 'SEV-2', 'SEV-3']) {
    const text = expand(bodyOf('Postmortem'), { 1: 'Orders API connection pool exhaustion', 2: severity, 3: '2024-05-30' });
    const analysis = analyze(text, { today });
    assert.equal(analysis.postmortem, true, analysis.reason);
    assert.deepEqual(reportedRules(text), ['placeholder'], severity);
    const model = analysis.model!;
    assert.equal(model.title?.value, 'Postmortem: Orders API connection pool exhaustion');
    assert.equal(model.date, '2024-05-30');
    assert.equal(model.metadata.find((field) => field.key === 'severity')?.value, severity);
    // Every section still has a prompt to fill, and the linter says so.
    for (const section of model.sections.filter((s) => s.kind)) {
      assert.ok(model.placeholders.some((p) => p.span.start > section.span.start && p.span.end <= section.span.end), `${section.title} has no prompt left`);
    }
  }
});

test('the template left as inserted is still a valid postmortem dated today', () => {
  const analysis = analyze(expand(bodyOf('Postmortem')), { today });
  assert.equal(analysis.model?.date, today);
  assert.deepEqual(reportedRules(expand(bodyOf('Postmortem'))), ['placeholder']);
});

test("the New Postmortem command's filling of the template gives the title, severity and date typed", () => {
  const body = snippetBody(snippets, templateSnippetName);
  assert.ok(body);
  const text = expand(fillSnippet(body, { title: 'Cache stampede: $5k lost {again}', severity: 'SEV-1', date: '2024-01-15' }));
  const model = analyze(text, { today }).model!;
  assert.equal(model.title?.value, 'Postmortem: Cache stampede: $5k lost {again}');
  assert.equal(model.date, '2024-01-15');
  assert.equal(model.metadata.find((field) => field.key === 'severity')?.value, 'SEV-1');
  assert.deepEqual(reportedRules(text), ['placeholder']);
});

// --- The snippets inserted into a document.

/** The template with the lines of one section's body replaced. */
function templateWith(section: string, lines: string): string {
  const text = expand(bodyOf('Postmortem'), { 1: 'Cache outage', 2: 'SEV-2', 3: today });
  const start = text.indexOf(`## ${section}\n`);
  const end = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start)}## ${section}\n\n${lines}\n${end < 0 ? '' : text.slice(end)}`;
}

test('an action item read with its priority, and its owner and due date once typed', () => {
  for (const [choice, level] of [['P0', 0], ['P1', 1], ['P2', 2]] as const) {
    const item = expand(bodyOf('Action item'), { 1: choice, 2: 'Alert on pool saturation', 3: '@alice', 4: '2024-06-05' });
    const [read] = analyze(templateWith('Action items', item), { today }).model!.actionItems;
    assert.equal(read.priority?.value, level);
    assert.equal(read.owner?.value, '@alice');
    assert.equal(read.due?.value, '2024-06-05');
    assert.equal(read.description, 'Alert on pool saturation');
    assert.equal(read.status, 'open');
  }
  const typedName = expand(bodyOf('Action item'), { 3: 'Priya Raman', 4: '2024-06-05' });
  assert.equal(analyze(templateWith('Action items', typedName), { today }).model!.actionItems[0].owner?.value, 'Priya Raman');
});

test('an action item left as inserted is reported once, as template text, for its owner and due date placeholders', () => {
  const text = templateWith('Action items', expand(bodyOf('Action item')));
  const [read] = analyze(text, { today }).model!.actionItems;
  assert.equal(read.priority?.value, 0);
  assert.equal(read.ownerPlaceholder, true);
  assert.equal(read.duePlaceholder, true);
  // The placeholder rule names both placeholders in one finding for the line; the owner and due rules leave template text to it.
  assert.deepEqual(reportedRules(text), ['placeholder']);
});

test('a timeline entry is read at the current time in the writer’s zone, and its second tab stop is the description', () => {
  for (const [offset, utcHour] of [['+02:00', 12], ['-07:00', 21], ['+00:00', 14]] as const) {
    const entries = [expand(bodyOf('Timeline entry'), { 2: 'Pool saturation alert fires' }, offset), expand(bodyOf('Timeline entry with date'), { 2: 'Export job paused' }, offset)];
    const model = analyze(templateWith('Timeline', entries.join('\n')), { today }).model!;
    assert.equal(model.timeline.length, 2);
    assert.equal(model.timeline[0].instant, Date.UTC(2024, 5, 1, utcHour, 5), offset);
    assert.equal(model.timeline[0].description, 'Pool saturation alert fires');
    assert.equal(model.timeline[1].instant, Date.UTC(2024, 5, 1, utcHour, 5), offset);
    assert.equal(model.timeline[1].description, 'Export job paused');
  }
});

test('five whys under the root cause add no section and no finding but their prompts', () => {
  const whys = expand(bodyOf('Five whys'), { 1: 'did checkout fail', 2: 'the API timed out waiting for a database connection' });
  const text = templateWith('Root cause', whys);
  assert.deepEqual(reportedRules(text), ['placeholder']);
  assert.equal(analyze(text, { today }).model!.sections.filter((section) => section.kind === 'root-cause').length, 1);
  assert.match(text, /1\. Why did checkout fail\? Because the API timed out waiting for a database connection\./);
});

test('the metadata lines are read as the severity and the incident date', () => {
  const metadata = expand(bodyOf('Metadata'), { 1: 'SEV-3' });
  const template = expand(bodyOf('Postmortem'));
  const text = `# Postmortem: Cache outage\n\n${metadata}\n${template.slice(template.indexOf('\n## Summary'))}`;
  const model = analyze(text, { today }).model!;
  assert.equal(model.metadata.find((field) => field.key === 'severity')?.value, 'SEV-3');
  assert.equal(model.date, today);
  assert.deepEqual(reportedRules(text), ['placeholder']);
});

test('one heading snippet per canonical section, each with the heading the server inserts', () => {
  const headings = Object.values(snippets).flatMap((snippet) => {
    const first = expand(snippet.body.join('\n')).split('\n')[0];
    return snippet.body.length > 1 && first.startsWith('## ') ? [first.slice(3)] : [];
  });
  assert.deepEqual(headings, sectionDefinitions.map((definition) => definition.title));
  for (const heading of headings) assert.ok(sectionKindOf(heading), heading);
});

// --- One wording: the template, the section snippets and the sections a fix inserts come from the core's definitions.

test('the snippets file holds what `npm run docs` writes from the core (run it after changing a section prompt)', () => {
  assert.equal(withGeneratedSnippets(snippetsText), snippetsText);
});

test('a section inserted by a fix reads as in the template and in its snippet, left untouched', () => {
  const template = expand(bodyOf('Postmortem'));
  const onlyTitle = analyze('# Postmortem: Cache outage\n', { force: true, today }).model!;
  for (const definition of sectionDefinitions) {
    const inserted = insertSectionFix(onlyTitle, definition.kind).edits[0].newText.trim();
    assert.ok(template.includes(`${inserted}\n`), `the template writes ${definition.title} otherwise than the fix:\n${inserted}`);
    const snippet = Object.values(snippets).find((candidate) => candidate.body[0] === `## ${definition.title}`);
    assert.ok(snippet, `no snippet for ${definition.title}`);
    assert.equal(expand(snippet.body.join('\n')).trim(), inserted);
  }
  // The prompts are real template text: a fresh section is a checklist item, not an empty section.
  assert.ok(sectionDefinitions.every((definition) => /\bTODO\b/.test(definition.template[0])));
});

test('the action item snippet writes the owner and due placeholders the fixes write', () => {
  const line = '# Postmortem: Cache outage\n\n## Action items\n\n- [ ] [P1] Alert on evictions\n';
  const analysis = analyze(line, { force: true, today });
  const itemRules = new Set(['action-item-owner', 'action-item-due']);
  const fixes = analysis.findings.flatMap((finding) => (itemRules.has(finding.ruleId) && finding.fix ? finding.fix.edits.map((edit) => edit.newText) : []));
  assert.equal(analysis.model!.actionItems.length, 1);
  assert.deepEqual(fixes.sort(), [' (Due: YYYY-MM-DD)', ' (Owner: [Owner])']);
  assert.equal(expand(bodyOf('Action item'), { 1: 'P1', 2: 'Alert on evictions' }), '- [ ] [P1] Alert on evictions (Owner: [Owner], Due: YYYY-MM-DD)');
});
