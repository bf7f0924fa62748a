// Front matter, apart from the Markdown engine: detection reads it before deciding to load remark at all.

/** Length of a leading YAML front matter block (`---` ... `---`), or 0. */
export function frontMatterLength(text: string): number {
  const match = /^\uFEFF*---[ \t]*\r?\n/.exec(text);
  if (!match) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = match[0].length;
  const end = close.exec(text);
  return end ? end.index + end[0].length : 0;
}
