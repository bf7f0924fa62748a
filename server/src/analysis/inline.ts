// Reading the words of a block without its markup, keeping offsets into the document.
import type { Nodes } from 'mdast';
import type { Span } from './model';
import { spanOf } from './markdown';

// HTML that a template uses as a placeholder (`<insert date>`), which stays visible as words.
const placeholderTag = /^<\s*(?:insert|your|add|enter|placeholder|fill)\b/i;

/**
 * The source of `span` with everything but text masked by spaces (code, link targets, HTML,
 * emphasis marks), so that a match at index i is at document offset span.start + i.
 */
export function maskedText(node: Nodes, base: number, text: string): { span: Span; text: string } {
  const span = spanOf(node, base);
  const chars = text.slice(span.start, span.end).replace(/[^\r\n]/g, ' ').split('');
  const reveal = (from: number, to: number) => {
    for (let i = Math.max(from, span.start); i < Math.min(to, span.end); i++) chars[i - span.start] = text[i];
  };
  const visit = (current: Nodes) => {
    if (current.type === 'text') {
      const s = spanOf(current, base);
      reveal(s.start, s.end);
    } else if (current.type === 'html' && placeholderTag.test(current.value)) {
      const s = spanOf(current, base);
      reveal(s.start, s.end);
    } else if ('children' in current) {
      for (const child of current.children) visit(child as Nodes);
    }
  };
  visit(node);
  return { span, text: chars.join('') };
}

/** The plain words of a node (text only), for titles and descriptions. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join('');
  return '';
}
