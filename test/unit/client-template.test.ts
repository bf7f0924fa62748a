import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeSnippetText, fillSnippet, fillTeamTemplate, snippetBody, templateSnippetName } from '../../client/src/template';

// The bundled test runs from out/test/unit; the helpers' repoRoot would pull the whole analysis in.
const snippetsFile = join(__dirname, '..', '..', '..', 'snippets', 'postmortem.code-snippets');

const fields = { title: 'Cache stampede ($5k lost)', severity: 'SEV-2', date: '2024-01-15' };

test('the snippet body is read from a .code-snippets object, lines joined', () => {
  const snippets = { Postmortem: { prefix: 'postmortem', body: ['# ${1:Title}', '', 'text'], description: 'x' } };
  assert.equal(snippetBody(snippets, 'Postmortem'), '# ${1:Title}\n\ntext');
  assert.equal(snippetBody({ Postmortem: { body: 'one line' } }, 'Postmortem'), 'one line');
  assert.equal(snippetBody(snippets, 'Missing'), undefined);
  assert.equal(snippetBody({ Postmortem: { body: [1, 2] } }, 'Postmortem'), undefined);
  assert.equal(snippetBody(null, 'Postmortem'), undefined);
});

test('the first tab stop of each field takes the value, escaped, and stays a tab stop', () => {
  const body = '# Postmortem: ${1:TITLE}\n\n**Severity**: ${2:Severity}\n**Date**: ${3:YYYY-MM-DD}\n\n${1:TITLE} again ${4:Owner}';
  assert.equal(
    fillSnippet(body, fields),
    '# Postmortem: ${1:Cache stampede (\\$5k lost)}\n\n**Severity**: ${2:SEV-2}\n**Date**: ${3:2024-01-15}\n\n${1:TITLE} again ${4:Owner}',
  );
});

test('a severity choice lists the chosen severity first', () => {
  assert.equal(fillSnippet('**Severity**: ${2|SEV-1,SEV-2,SEV-3|}', fields), '**Severity**: ${2|SEV-2,SEV-1,SEV-3|}');
  assert.equal(fillSnippet('${2|SEV-1,SEV-3|}', fields), '${2|SEV-1,SEV-3|}');
});

test("the current date variables become the incident's date", () => {
  assert.equal(fillSnippet('**Date**: ${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}, $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE', fields), '**Date**: 2024-01-15, 2024-01-15');
});

test('date variables inside a tab stop keep the tab stop whole, and a later "date" tab stop keeps its name', () => {
  const body = '**Date**: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}\n- [ ] ${5:Action} Due: ${7:date}';
  const expected = '**Date**: ${3:2024-01-15}\n- [ ] ${5:Action} Due: ${7:date}';
  assert.equal(fillSnippet(body, fields), expected);
  // Twice: nothing is left over from the first call.
  assert.equal(fillSnippet(body, fields), expected);
});

test('snippet escaping covers $, } and backslash', () => {
  assert.equal(escapeSnippetText('a $1 ${x} \\ b'), 'a \\$1 \\${x\\} \\\\ b');
});

test('a team template fills {{title}}, {{severity}} and {{date}} in any case and leaves other braces', () => {
  assert.equal(fillTeamTemplate('# {{ Title }}\nSeverity: {{severity}} on {{DATE}} {{owner}}', fields), '# Cache stampede ($5k lost)\nSeverity: SEV-2 on 2024-01-15 {{owner}}');
});

test('the built-in template (the Postmortem snippet) takes the title, severity and date', () => {
  const snippets: unknown = JSON.parse(readFileSync(snippetsFile, 'utf8'));
  const body = snippetBody(snippets, templateSnippetName);
  assert.ok(body, `the snippets file has a "${templateSnippetName}" snippet`);
  const lines = fillSnippet(body, fields).split('\n');
  assert.match(lines[0] ?? '', /^# .*\$\{1:Cache stampede \(\\\$5k lost\)\}/);
  assert.ok(lines.some((line) => /\$\{\d+\|SEV-2[,|]/.test(line) || line.includes('SEV-2}')), 'the severity comes first');
  assert.ok(lines.some((line) => line.includes(':2024-01-15}')), 'the date is the tab stop');
  assert.ok(!lines.some((line) => line.includes('CURRENT_')), 'no date variable is left');
});
