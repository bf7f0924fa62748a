// Reading the words of a block without its markup, keeping offsets into the document.
import type { Nodes } from 'mdast';
import type { Span } from './model';
import { spanOf } from './markdown';
import { decodeInPlace } from './text';

// HTML that a template uses as a placeholder (`<insert date>`), which stays visible as words.
const placeholderTag = /^<\s*(?:insert|your|add|enter|placeholder|fill)\b/i;

/**
 * The source of `span` with everything but text masked by spaces (code, link targets, HTML,
 * emphasis marks) and character references decoded in place, so that a match at index i is at document offset span.start + i.
 */
export function maskedText(node: Nodes, base: number, text: string): { span: Span; text: string } {
  const span = spanOf(node, base);
  const pieces: string[] = [];
  let cursor = span.start;
  const reveal = (shown: Span) => {
    const start = Math.max(shown.start, cursor);
    const end = Math.min(shown.end, span.end);
    if (end <= start) return;
    pieces.push(blank(text.slice(cursor, start)), decodeInPlace(text.slice(start, end)));
    cursor = end;
  };
  // Depth-first order is document order, so the shown parts arrive sorted.
  const visit = (current: Nodes) => {
    if (current.type === 'text') reveal(spanOf(current, base));
    else if (current.type === 'html' && placeholderTag.test(current.value)) reveal(spanOf(current, base));
    else if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  pieces.push(blank(text.slice(cursor, span.end)));
  return { span, text: pieces.join('') };
}

function blank(source: string): string {
  return source.replace(/[^\r\n]/g, ' ');
}

/** The plain words of a node (text only), for titles and descriptions. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join('');
  return '';
}
