// Config text to data, keeping the position of every key and value for problems.
import { isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { Span } from '../model';
import { LineIndex } from '../text';
import type { ConfigPath } from './data';
import { jsonSyntaxError } from './json-syntax';
import { problemAt, type ConfigProblem } from './problems';

type Parsed =
  | { kind: 'broken'; problems: ConfigProblem[] }
  | { kind: 'ok'; data: unknown; problems: ConfigProblem[]; index: LineIndex; locate(path: ConfigPath, atKey: boolean): Span | undefined };

export function parseConfigText(file: string, raw: string): Parsed {
  const text = raw.replace(/^\uFEFF/, '');
  const index = new LineIndex(text);
  const broken = (span: Span, message: string): Parsed => ({ kind: 'broken', problems: [problemAt(file, index, span, message)] });

  // YAML reads some invalid JSON (`{"a": 1 "b": 2}`) as text, so JSON files get a strict check first.
  if (/\.json$/i.test(file)) {
    const error = jsonSyntaxError(text);
    if (error) return broken({ start: error.offset, end: error.offset + 1 }, `invalid JSON: ${error.message}`);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const fatal = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  if (fatal) return broken({ start: fatal.pos[0], end: fatal.pos[1] }, `invalid YAML: ${fatal.message}`);

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // Unresolvable aliases only fail here, not while parsing.
    const message = error instanceof Error ? error.message : String(error);
    return broken(unresolvedAliasSpan(doc) ?? { start: 0, end: 0 }, `invalid YAML: ${message}`);
  }

  const problems = doc.errors.map((error) => {
    const key = keyAt(doc, error.pos[0]);
    const span = spanOfNode(key) ?? { start: error.pos[0], end: error.pos[1] };
    const name = isScalar(key) ? ` ${JSON.stringify(key.value)}` : '';
    return problemAt(file, index, span, `duplicate key${name}: expected each key once; the last one applies`);
  });
  return { kind: 'ok', data: data ?? {}, problems, index, locate: (path, atKey) => locateIn(doc, path, atKey) };
}

function keyAt(doc: Document, offset: number): unknown {
  let found: unknown;
  visit(doc, {
    Pair(_, pair) {
      if (found === undefined && isNode(pair.key) && pair.key.range?.[0] === offset) found = pair.key;
    },
  });
  return found;
}

function unresolvedAliasSpan(doc: Document): Span | undefined {
  let span: Span | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (span === undefined && alias.resolve(doc) === undefined && alias.range) span = { start: alias.range[0], end: alias.range[1] };
    },
  });
  return span;
}

/** The text of the value (or key) at a path; the nearest enclosing node's text when the path goes further than the text. */
function locateIn(doc: Document, path: ConfigPath, atKey: boolean): Span | undefined {
  let node: unknown = doc.contents;
  let span = spanOfNode(node);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    let next: unknown;
    let keySpan: Span | undefined;
    if (isMap(node)) {
      // The last of duplicate keys is the one that applies.
      for (const pair of node.items) {
        if (isScalar(pair.key) && String(pair.key.value) === String(segment)) {
          next = pair.value;
          keySpan = spanOfNode(pair.key);
        }
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (atKey && i === path.length - 1 && keySpan) return keySpan;
    const nextSpan = spanOfNode(next);
    if (nextSpan && nextSpan.end > nextSpan.start) span = nextSpan;
    else return keySpan ?? span;
    node = next;
  }
  return span;
}

function spanOfNode(node: unknown): Span | undefined {
  return isNode(node) && node.range ? { start: node.range[0], end: node.range[1] } : undefined;
}
