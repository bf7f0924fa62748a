// The snippets of `snippets/postmortem.code-snippets`, which the server offers as completions in postmortems only:
// VS Code's contributed snippets would show in every Markdown file, and only on Ctrl+Space.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SnippetDefinition {
  name: string;
  prefix: string;
  description: string;
  /** The body in snippet syntax, lines joined with `\n`. */
  body: string;
}

/** The snippets of a parsed `.code-snippets` file; entries of another shape are left out. */
export function readSnippets(parsed: unknown): SnippetDefinition[] {
  if (typeof parsed !== 'object' || parsed === null) return [];
  return Object.entries(parsed as Record<string, unknown>).flatMap(([name, value]): SnippetDefinition[] => {
    if (typeof value !== 'object' || value === null) return [];
    const { prefix, description, body } = value as Record<string, unknown>;
    const lines = typeof body === 'string' ? [body] : body;
    if (typeof prefix !== 'string' || !Array.isArray(lines) || !lines.every((line) => typeof line === 'string')) return [];
    return [{ name, prefix, description: typeof description === 'string' ? description : '', body: lines.join('\n') }];
  });
}

/** The extension's snippets, shipped beside the bundled server (`dist/../snippets`); none when the file is missing. */
export function loadSnippets(file = join(__dirname, '..', 'snippets', 'postmortem.code-snippets')): SnippetDefinition[] {
  try {
    return readSnippets(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return [];
  }
}
