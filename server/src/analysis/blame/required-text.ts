// The words a phrasebook pattern cannot match without, read from the pattern, so that a sentence lacking them skips it uncompiled.

/** Clauses that must all hold; a clause holds when the text contains at least one of its lower-case words. */
export type RequiredText = readonly (readonly string[])[];

/** Sticky, so that reading a long pattern never copies its tail. */
const groupHeader = /\((?:\?:|\?<[A-Za-z]\w*>|(\?(?:<?[=!]|[^:<]))?)/y;
const escapeItem = /\\(?:[pPk]\{[^}]*\}|k<[^>]*>|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[\s\S])/y;
const placeholderItem = /\{[a-zA-Z]\w*(?::\w+)?\}/y;
const quantifierItem = /(?:[?*+]|\{\d+(?:,\d*)?\})\??/y;

/** The match of a sticky expression at `start`, if any. */
function matchAt(expression: RegExp, text: string, start: number): RegExpExecArray | null {
  expression.lastIndex = start;
  return expression.exec(text);
}

/** Shorter runs ("to", "a") are in nearly every sentence: checking them costs more than it saves. */
const shortestUsefulRun = 3;

interface Parsed {
  clauses: string[][];
  next: number;
}

/**
 * Every match of `pattern` (a phrasebook pattern, matched case-insensitively) contains text that passes
 * the clauses returned. Conservative: placeholders, classes, escapes, negative lookarounds and optional parts
 * require nothing, only runs of plain ASCII letters do; a pattern it cannot read requires nothing.
 */
export function requiredTextOf(pattern: string): RequiredText {
  const parsed = alternatives(pattern, 0);
  return parsed && parsed.next === pattern.length ? parsed.clauses : [];
}

/** True when `lowerText` (the text in lower case) holds every clause. */
export function hasRequiredText(lowerText: string, required: RequiredText): boolean {
  return required.every((clause) => clause.some((word) => lowerText.includes(word)));
}

/** The text in lower case for `hasRequiredText`; a long s matches "s" case-insensitively but does not lower-case to it. */
export function lowerForRequiredText(text: string): string {
  return text.toLowerCase().replace(/ſ/g, 's');
}

/** `a|b|c` up to a closing parenthesis or the end: a match contains one of each alternative's best clause. */
function alternatives(pattern: string, start: number): Parsed | undefined {
  const branches: string[][][] = [];
  let position = start;
  for (;;) {
    const branch = sequence(pattern, position);
    if (!branch) return undefined;
    branches.push(branch.clauses);
    position = branch.next;
    if (pattern[position] !== '|') break;
    position++;
  }
  if (branches.length === 1) return { clauses: branches[0], next: position };
  const best = branches.map(bestClause).filter((clause) => clause !== undefined);
  // One alternative that requires nothing lets the whole group match without any of the others' words.
  if (best.length < branches.length) return { clauses: [], next: position };
  return { clauses: [[...new Set(best.flat())]], next: position };
}

/** The clause whose shortest word is longest: the most telling one. */
function bestClause(clauses: string[][]): string[] | undefined {
  const shortest = (clause: string[]) => Math.min(...clause.map((word) => word.length));
  return clauses.reduce<string[] | undefined>((best, clause) => (best === undefined || shortest(clause) > shortest(best) ? clause : best), undefined);
}

/** Items up to `|`, `)` or the end; each run of letters not made optional is one clause. */
function sequence(pattern: string, start: number): Parsed | undefined {
  const clauses: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= shortestUsefulRun) clauses.push([run]);
    run = '';
  };
  let position = start;
  while (position < pattern.length && pattern[position] !== '|' && pattern[position] !== ')') {
    const char = pattern[position];
    if (((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z')) && quantifierLength(pattern, position + 1) === 0) {
      run += char.toLowerCase();
      position++;
      continue;
    }
    flush();
    if (char === '(') {
      const group = groupAt(pattern, position);
      if (!group) return undefined;
      const quantifier = quantifierLength(pattern, group.next);
      if (group.counts && !optionalQuantifier(pattern.slice(group.next, group.next + quantifier))) clauses.push(...group.clauses);
      position = group.next + quantifier;
      continue;
    }
    const end = opaqueItemEnd(pattern, position);
    if (end === undefined) return undefined;
    position = end + quantifierLength(pattern, end);
  }
  flush();
  return { clauses, next: position };
}

/** A group and where it ends; a positive lookaround counts (what it sees is in the text too), negative ones and unknown `(?` forms are read past but count for nothing. */
function groupAt(pattern: string, start: number): (Parsed & { counts: boolean }) | undefined {
  const header = matchAt(groupHeader, pattern, start);
  if (!header) return undefined;
  const inner = alternatives(pattern, start + header[0].length);
  if (!inner || pattern[inner.next] !== ')') return undefined;
  return { clauses: inner.clauses, next: inner.next + 1, counts: header[1] === undefined || header[1] === '?=' || header[1] === '?<=' };
}

/** Where an item that requires no letters ends: an escape, a class, a placeholder or one other character. */
function opaqueItemEnd(pattern: string, start: number): number | undefined {
  const char = pattern[start];
  if (char === '\\') {
    const escape = matchAt(escapeItem, pattern, start);
    return escape ? start + escape[0].length : undefined;
  }
  if (char === '[') {
    for (let position = start + 1; position < pattern.length; position++) {
      if (pattern[position] === '\\') position++;
      else if (pattern[position] === ']') return position + 1;
    }
    return undefined;
  }
  if (char === '{') {
    const placeholder = matchAt(placeholderItem, pattern, start);
    return placeholder ? start + placeholder[0].length : undefined;
  }
  return start + 1;
}

/** The length of a quantifier at `start` (`?`, `*`, `+`, `{n}`, `{n,m}`, each maybe lazy); 0 when there is none. */
function quantifierLength(pattern: string, start: number): number {
  const quantifier = matchAt(quantifierItem, pattern, start);
  return quantifier ? quantifier[0].length : 0;
}

/** A quantifier that lets its item match nothing. */
function optionalQuantifier(quantifier: string): boolean {
  return /^(?:[?*]|\{0[,}])/.test(quantifier);
}
