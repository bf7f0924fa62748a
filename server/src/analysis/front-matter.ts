// Front matter, apart from the Markdown engine: detection reads it before deciding to load remark at all.

/** Length of a leading front matter block, YAML (`---` ... `---`) or TOML (`+++` ... `+++`, as Hugo and Zola write it), or 0. */
export function frontMatterLength(text: string): number {
  const match = /^\uFEFF*(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!match) return 0;
  const close = match[1] === '+++' ? /^\+\+\+[ \t]*(?:\r?\n|$)/gm : /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = match[0].length;
  const end = close.exec(text);
  return end ? end.index + end[0].length : 0;
}

// An MDX page opens with ES module lines (`import ...`, `export const post = { ... }`) before its Markdown.
const moduleLine = /^(?:import|export)\s/;

/**
 * Where the ES module lines that open an MDX page end (after any front matter), or `start` when there are none:
 * `import` and `export` statements, the lines inside their open brackets, and blank lines between them.
 */
export function mdxPreambleEnd(text: string, start: number): number {
  let offset = start;
  let end = start;
  let depth = 0;
  while (offset < text.length) {
    const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset) + 1;
    const line = text.slice(offset, lineEnd);
    if (depth === 0 && line.trim() !== '' && !moduleLine.test(line)) break;
    depth = Math.max(0, depth + (line.match(/[{([]/g)?.length ?? 0) - (line.match(/[})\]]/g)?.length ?? 0));
    if (line.trim() !== '') end = lineEnd;
    offset = lineEnd;
  }
  return end;
}
