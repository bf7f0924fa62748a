// A strict JSON check that says where the first syntax error is, since the YAML parser accepts some invalid JSON.

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first JSON syntax error with its offset, or undefined for valid JSON. */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(at, `expected ${expected}, got ${describeTextAt(text, at)}`);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const take = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) at += match[0].length;
    return match !== null;
  };
  const readString = () => {
    at++;
    while (text[at] !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail('a closing quote');
      if (text[at] === '\\') {
        at++;
        if (!take(/["\\/bfnrt]|u[0-9a-fA-F]{4}/y)) fail('an escape sequence');
      } else at++;
    }
    at++;
  };
  const readList = (close: string, readItem: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      readItem();
      skipSpace();
      if (text[at] === close) break;
      if (text[at] !== ',') fail(`"," or "${close}"`);
      at++;
    }
    at++;
  };
  const readValue = (): void => {
    skipSpace();
    if (text[at] === '{') {
      readList('}', () => {
        skipSpace();
        if (text[at] !== '"') fail('a property name in double quotes');
        readString();
        skipSpace();
        if (text[at] !== ':') fail('":"');
        at++;
        readValue();
      });
    } else if (text[at] === '[') readList(']', readValue);
    else if (text[at] === '"') readString();
    else if (!take(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true\b|false\b|null\b/y)) fail('a value');
  };
  try {
    readValue();
    skipSpace();
    if (at < text.length) fail('the end of the file');
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message };
    // Only a stack overflow on absurd nesting gets here.
    return { offset: at, message: 'the file nests too deeply' };
  }
}

function describeTextAt(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  if (text[at] === '"') return 'a string';
  if (text[at] === '\n' || text[at] === '\r') return 'a line break';
  const word = /[\w$-]+/y;
  word.lastIndex = at;
  return JSON.stringify(word.exec(text)?.[0] ?? text[at]);
}
