// Compiling regular expressions the fast way. V8 compiles an expression with the `u` flag several times slower than
// one without it, above all a case-insensitive one (it folds the case of every class through Unicode's tables), and
// the blame phrasebook's long expressions need `u` only for \p{L}, \p{N}, \p{Lu} and \p{Ll}. Spelt as ranges of the
// Latin, Greek and Cyrillic scripts (enough for English prose and the names in it), they compile without it; an
// expression that needs `u` for anything else keeps it.

/** The ranges that stand for each property escape the phrasebook uses. */
const propertyRanges: Record<string, string> = {
  L: 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1FFF',
  Lu: 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0391-\\u03A9\\u0410-\\u042F',
  Ll: 'a-z\\u00B5\\u00DF-\\u00F6\\u00F8-\\u00FF\\u03B1-\\u03C9\\u0430-\\u045F',
  N: '0-9\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE',
};

const propertyEscape = /^\\p\{(L|Lu|Ll|N)\}/;
const astral = /[\uD800-\uDFFF]/;

/** `source` with its property escapes spelt as ranges, or undefined when it needs the `u` flag for anything else. */
export function withoutUnicodeFlag(source: string): string | undefined {
  // A character beyond the first plane is two code units without `u`, so a class or quantifier would split it.
  if (astral.test(source)) return undefined;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const property = propertyEscape.exec(source.slice(i, i + 6));
      if (property) {
        const ranges = propertyRanges[property[1]];
        out += inClass ? ranges : `[${ranges}]`;
        i += property[0].length - 1;
        continue;
      }
      const next = source[i + 1];
      // Other property escapes and code point escapes (`\u{1F600}`) mean something else without `u`.
      if (next === 'p' || next === 'P' || (next === 'u' && source[i + 2] === '{')) return undefined;
      out += char + (next ?? '');
      i++;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char;
  }
  return out;
}

/** `new RegExp(source, flags)`, without the `u` flag when the expression does not need it. */
export function compileRegExp(source: string, flags: string): RegExp {
  if (!flags.includes('u')) return new RegExp(source, flags);
  const plain = withoutUnicodeFlag(source);
  return plain === undefined ? new RegExp(source, flags) : new RegExp(plain, flags.replace('u', ''));
}
