// Shared by the tests: where the repository is, and reading fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultConfig } from '../server/src/analysis/config';
import { analyzeDocument, type AnalyzedDocument } from '../server/src/lsp/analyzed-document';
import { defaultSettings } from '../server/src/lsp/settings';
import type { PostmortemSettings } from '../server/src/protocol';

function findRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
  }
  throw new Error(`Cannot find the repository root above ${start}`);
}

export const repoRoot = findRoot(__dirname);

export function fixturePath(...parts: string[]): string {
  return join(repoRoot, 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** A document analysed as the language server would, in a workspace at `/w`, judged on 2024-06-01. */
export function analyzedForTest(text: string, options: { path?: string; settings?: PostmortemSettings } = {}): AnalyzedDocument {
  const path = options.path ?? '/w/postmortems/a.md';
  return analyzeDocument({ uri: `file://${path}`, version: 1, text, config: defaultConfig(), settings: options.settings ?? defaultSettings, today: '2024-06-01', path, root: '/w', cache: undefined });
}
