// The parser reads a chunk without bare-link or footnote marks with GFM's structure alone, which must give the tree
// full GFM gives; a chunk with them gets full GFM (a paragraph too long for bare links aside), without looking for
// email links when it has no `@` between a word and a domain.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { MarkdownParser } from '../../server/src/analysis/markdown';
import { fixtures, numRuns, printSeed, seed } from './documents';

const fullGfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Markdown structure, bare links and footnotes, and pieces that come close to them without making one. */
const pieces = [
  '\n', '\n\n', ' ', '  ', '\t', '# ', '## ', '- ', '* ', '1. ', '- [ ] ', '- [x] ', '> ', '|', ' | ', '|---|---|', '---', '```', '~~', '~', '**', '_', '`',
  '[', ']', '(', ')', '^', '[ ^1]', ']: ', '[^1]', '[^1]: Note', 'https://example.com/a', 'www.example.com', 'ana@example.com', '@ana', '<', '>', 'www', 'ww.', 'WWW', 'http:', 'https:/', ':/', 'mailto:', 'xmpp:', 'example.com', 'a.b.c', '.', '-', '+', 'ana.b_c-d+e', 'mail.example.org', 'a@', '@.', '+@-', '`@ana`', '(@ana)',
  'Summary', 'Timeline', '14:05', '2024-03-12', 'Owner: Ana', 'é', '日本', '\u200b', 'x'.repeat(200),
];
const chunkText = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(''));

function assertSameTrees(text: string): void {
  for (const chunk of new MarkdownParser().parse(text)) {
    // Past 4,000 characters a paragraph may be too long for bare links to be looked for.
    if (chunk.text.length > 4000) continue;
    assert.deepEqual(chunk.root, fullGfm.parse(chunk.text), `chunk ${JSON.stringify(chunk.text.slice(0, 80))}`);
  }
}

describe('parsing a chunk with or without bare-link marks', () => {
  it('gives the full GFM tree', () => {
    printSeed();
    fc.assert(fc.property(chunkText, assertSameTrees), { numRuns: numRuns * 5, seed });
  });

  it('gives the full GFM tree to a chunk with bare links and handles or email-like words but no email', () => {
    assertSameTrees('## Links\n\nSee https://status.example.com/x, www.example.org and ops.team_lead+oncall example.com.\n\n- [ ] ~~ana.b~~ [^1] (@ana) `@bo`\n\n[^1]: Note @ana.\n');
  });

  it('gives the full GFM tree to a chunk with an email beside a bare link', () => {
    assertSameTrees('## Contacts\n\nWrite to oncall+db@example.com or see https://example.com/runbook.\n');
  });

  it('gives the full GFM tree for every chunk of the fixture postmortems', () => {
    for (const text of fixtures) assertSameTrees(text);
  });
});
