// An outline of a phrasebook expression: the same expression with its Unicode property classes widened, cheap to compile.

/** Sticky, so that reading a long source never copies its tail. */
const groupHeader = /\((?:\?:|\?<[A-Za-z]\w*>|\?<?[=!])?/y;
const propertyEscape = /\\[pP]\{([^}]*)\}/y;

/** Letters and numbers are never white space, so a class of them widens to any character that is not. */
const notSpace = '[^\\s]';
const anything = '[\\s\\S]';

/**
 * The expression `source` (Unicode mode) with every class that holds a Unicode property widened and every negative
 * lookaround dropped: it matches wherever `source` does, and compiles in a fraction of the time, because V8 spends
 * most of a phrasebook expression's compile time building its property classes. Undefined for a source with a
 * backreference, whose outline could not be trusted.
 */
export function outlineOf(source: string): string | undefined {
  let out = '';
  // For each open group: where its text starts in `out`, and whether it is a negative lookaround to drop.
  const groups: { start: number; dropped: boolean }[] = [];
  let position = 0;
  while (position < source.length) {
    const char = source[position];
    if (char === '\\') {
      if (/[kK1-9]/.test(source[position + 1] ?? '')) return undefined;
      propertyEscape.lastIndex = position;
      const property = propertyEscape.exec(source);
      if (property) {
        out += source[position + 1] === 'p' && /^[LN]/.test(property[1]) ? notSpace : anything;
        position += property[0].length;
      } else {
        out += source.slice(position, position + 2);
        position += 2;
      }
    } else if (char === '[') {
      const end = classEnd(source, position);
      if (end === undefined) return undefined;
      out += widenedClass(source.slice(position, end));
      position = end;
    } else if (char === '(') {
      groupHeader.lastIndex = position;
      const header = groupHeader.exec(source)?.[0] ?? '(';
      groups.push({ start: out.length, dropped: header === '(?!' || header === '(?<!' });
      out += header;
      position += header.length;
    } else if (char === ')') {
      const group = groups.pop();
      if (!group) return undefined;
      out = group.dropped ? out.slice(0, group.start) : out + ')';
      position++;
    } else {
      out += char;
      position++;
    }
  }
  return groups.length === 0 ? out : undefined;
}

/** Just after the `]` that closes the class opened at `start`. */
function classEnd(source: string, start: number): number | undefined {
  for (let position = start + 1; position < source.length; position++) {
    if (source[position] === '\\') position++;
    else if (source[position] === ']') return position + 1;
  }
  return undefined;
}

/**
 * A class without a property stays. One of letter and number properties and single visible characters is widened to any
 * character but white space; any other (negated, escapes, ranges, which may span a space) to any character.
 */
function widenedClass(text: string): string {
  if (!/\\[pP]\{/.test(text)) return text;
  const members = text.slice(1, -1);
  const rest = members.replace(/\\p\{[LN]\w*\}/g, '');
  const visibleOnly = !members.startsWith('^') && !/\\|\s|.-./u.test(rest);
  return visibleOnly ? notSpace : anything;
}
