// Action items from the Action items section: task lists, plain lists and tables.
import type { ListItem, Nodes, Table, TableRow } from 'mdast';
import type { ActionItem, Span, ValueAt } from './model';
import type { RootContent } from './markdown';
import { spanOf } from './markdown';
import { maskedText, plainText } from './inline';
import { isPlaceholderValue } from './placeholders';
import { trimEndMatching } from './text';
import { parseDate } from './time';

export interface ActionBlock {
  node: RootContent;
  base: number;
  /** Title of the sub-section the block sits in (Immediate, Short-term, ...). */
  group: string | undefined;
}

// "Owner: Alice", "owner @alice", "assigned to Bob"; not the word in prose ("no owner here").
const ownerLabel = /\b(?:(?:owners?|assignee|dri)[ \t]*[:=][ \t]*|owners?[ \t]+(?=@)|(?:assigned to|owned by)[ \t]+)/giu;
const ownerValue = /^(@[\w.-]+(?:\/[\w.-]+)?|[\p{L}][\p{L}\p{M}'.-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'.-]*)?|\[[^\]\n]{1,40}\]|TBD|TODO|\?+)/u;
const handle = /(?<![\w.@])@([A-Za-z0-9][\w-]*(?:\/[\w-]+)?)/g;
const bracketName = /\[([\p{Lu}][\p{L}'-]+(?: [\p{Lu}][\p{L}'-]+)?)\]/gu;
const dueLabel = /\b(due(?:[ \t]+date)?|deadline|target(?:[ \t]+date)?|eta|by)\b[ \t]*[:=]?[ \t]*/gi;
const dueValue = /^(\[[^\]\n]{1,40}\]|[A-Za-z]{3,9}\.?[ \t]+\d{1,2},[ \t]*\d{4}|[^,;)|\n]+?)(?=[ \t]*(?:[,;()|\n]|[ \t][—–-][ \t]|$))/;
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/g;
const namedDate = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?\b/g;
const priorityPatterns = [/\[(P[0-2])\]/i, /\((P[0-2])\)/i, /\bpriority\b[ \t]*[:=]?[ \t]*P?([0-2])\b/i, /\b(P[0-2])\b/];
const ticketPattern = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/;
const doneStatus = /^\s*(?:done|closed|complete|completed|fixed|resolved|shipped|merged|finished|yes|✅|✔️?|\[x\])\s*$/i;
const doneLabel = /\bstatus\b[ \t]*[:=][ \t]*(?:done|closed|complete|completed|fixed|resolved)\b|\(done\)|✅/i;

/** Reads every action item of the section's blocks. `referenceDate` gives dates without a year their year. */
export function readActionItems(blocks: readonly ActionBlock[], text: string, referenceDate: string | undefined): ActionItem[] {
  const items: ActionItem[] = [];
  const readList = (children: readonly ListItem[], base: number, group: string | undefined) => {
    for (const item of children) {
      const nested = item.children.find((child) => child.type === 'list');
      const first = item.children[0];
      if (nested && first?.type === 'paragraph' && item.checked == null && isGroupLabel(plainText(first))) {
        readList(nested.children, base, plainText(first).replace(/[:：]\s*$/, '').trim());
        continue;
      }
      const parsed = readListItem(item, base, text, referenceDate, group);
      if (parsed) items.push(parsed);
    }
  };
  for (const block of blocks) {
    if (block.node.type === 'list') readList(block.node.children, block.base, block.group);
    else if (block.node.type === 'table') items.push(...readTable(block.node, block.base, text, referenceDate, block.group));
  }
  return items;
}

/** "Immediate:" or "**Long-term**" above a nested list is a heading for the items under it. */
function isGroupLabel(label: string): boolean {
  const trimmed = label.trim();
  return trimmed.length > 0 && trimmed.length <= 40 && !/\b(owner|due|@)\b|\[P[0-2]\]/i.test(trimmed) && (/:\s*$/.test(trimmed) || /^(immediate|short[- ]term|medium[- ]term|long[- ]term|now|next|later|p[0-2])\b/i.test(trimmed));
}

function readListItem(item: ListItem, base: number, text: string, referenceDate: string | undefined, group: string | undefined): ActionItem | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const itemSpan = spanOf(item, base);
  const masked = maskedText(first, base, text);
  const fields = readFields(masked.text, masked.span.start, referenceDate);
  const struck = first.children.length > 0 && first.children.every((child) => child.type === 'delete' || (child.type === 'text' && !child.value.trim()));
  const firstLineEnd = masked.text.indexOf('\n');
  const lineText = firstLineEnd < 0 ? masked.text : masked.text.slice(0, firstLineEnd);
  return {
    span: { start: itemSpan.start, end: trimEnd(text, itemSpan.end) },
    description: fields.description,
    descriptionSpan: masked.span,
    owner: fields.owner,
    due: fields.due,
    dueUnreadable: fields.dueUnreadable,
    priority: fields.priority,
    status: item.checked === true || struck || doneLabel.test(masked.text) ? 'done' : 'open',
    ticket: fields.ticket ?? linkIn(first, base),
    group,
    container: item.checked == null ? 'list' : 'task-list',
    ownerPlaceholder: fields.ownerPlaceholder,
    duePlaceholder: fields.duePlaceholder,
    insertAt: masked.span.start + lineText.trimEnd().length,
    ownerCell: undefined,
    dueCell: undefined,
  };
}

interface Fields {
  description: string;
  owner: ValueAt<string> | undefined;
  due: ValueAt<string> | undefined;
  dueUnreadable: ValueAt<string> | undefined;
  priority: ValueAt<0 | 1 | 2> | undefined;
  ticket: ValueAt<string> | undefined;
  ownerPlaceholder: boolean;
  duePlaceholder: boolean;
}

/** Reads owner, due date, priority and ticket from an item's words; `offset` is where `words` starts. */
function readFields(words: string, offset: number, referenceDate: string | undefined): Fields {
  const used: Span[] = [];
  const at = (index: number, value: string): Span => ({ start: offset + index, end: offset + index + value.length });
  const fields: Fields = { description: '', owner: undefined, due: undefined, dueUnreadable: undefined, priority: undefined, ticket: undefined, ownerPlaceholder: false, duePlaceholder: false };

  for (const label of words.matchAll(ownerLabel)) {
    const valueStart = label.index + label[0].length;
    const value = ownerValue.exec(words.slice(valueStart))?.[0];
    if (!value) continue;
    used.push({ start: label.index, end: valueStart + value.length });
    if (isPlaceholderValue(value)) fields.ownerPlaceholder = true;
    else fields.owner ??= { value: value.replace(/[.,]$/, ''), span: at(valueStart, value.replace(/[.,]$/, '')) };
  }
  if (!fields.owner) {
    const match = handle.exec(words) ?? bracketName.exec(words);
    handle.lastIndex = bracketName.lastIndex = 0;
    if (match && !isPlaceholderValue(match[0]) && !/^\[(P[0-3]|x| )\]$/i.test(match[0])) {
      fields.owner = { value: match[0].startsWith('[') ? match[1] : match[0], span: at(match.index, match[0]) };
      used.push({ start: match.index, end: match.index + match[0].length });
    }
  }

  for (const label of words.matchAll(dueLabel)) {
    const valueStart = label.index + label[0].length;
    const value = dueValue.exec(words.slice(valueStart))?.[1]?.trim();
    if (!value) continue;
    const date = parseDate(value, referenceDate);
    // "Due: next sprint" promises a date that cannot be read; "by the team" or "due to" are prose.
    const explicit = /[:=]/.test(label[0]) || (label[1].toLowerCase() === 'due' && !/^to\b/i.test(value));
    if (date) fields.due ??= { value: date, span: at(valueStart, value) };
    else if (isPlaceholderValue(value)) fields.duePlaceholder = explicit || fields.duePlaceholder;
    else if (explicit) fields.dueUnreadable ??= { value, span: at(valueStart, value) };
    else continue;
    used.push({ start: label.index, end: valueStart + value.length });
    if (fields.due) break;
  }
  if (!fields.due && !fields.dueUnreadable) {
    for (const pattern of [isoDate, namedDate]) {
      const match = [...words.matchAll(pattern)].pop();
      const date = match && parseDate(match[0], referenceDate);
      if (match && date) {
        fields.due = { value: date, span: at(match.index, match[0]) };
        used.push({ start: match.index, end: match.index + match[0].length });
        break;
      }
    }
  }

  for (const pattern of priorityPatterns) {
    const match = pattern.exec(words);
    if (match) {
      const level = Number(match[1].replace(/p/i, '')) as 0 | 1 | 2;
      fields.priority = { value: level, span: at(match.index, match[0]) };
      used.push({ start: match.index, end: match.index + match[0].length });
      break;
    }
  }

  const ticket = ticketPattern.exec(words);
  if (ticket) {
    fields.ticket = { value: ticket[0], span: at(ticket.index, ticket[0]) };
    used.push({ start: ticket.index, end: ticket.index + ticket[0].length });
  }

  let description = words;
  for (const span of used) description = description.slice(0, span.start) + ' '.repeat(span.end - span.start) + description.slice(span.end);
  // What is left once the annotations are blanked out, without their now-empty brackets and separators.
  fields.description = trimEndMatching(description.replace(/\(\s*(?:[,;:]\s*)*\)/g, ' ').replace(/\s+/g, ' '), /[\s,;:(—–-]/)
    .replace(/^[\s,;:)—–-]+/g, '')
    .trim();
  // A closing bracket left over from "(Owner: ..., Due: ...)" whose opening part was blanked.
  if (fields.description.endsWith(')') && count(fields.description, ')') > count(fields.description, '(')) {
    fields.description = trimEndMatching(fields.description.slice(0, -1), /[\s,;:—–-]/);
  }
  return fields;
}

const columnRoles: [keyof Columns, RegExp][] = [
  ['owner', /^(owners?|assignee|assigned to|who|responsible|dri)$/i],
  ['due', /^(due|due date|target|target date|deadline|eta|when|by)$/i],
  ['priority', /^(priority|prio|p|pri)$/i],
  ['status', /^(status|state|done)$/i],
  ['ticket', /^(ticket|issue|link|jira|tracking|tracker|bug)$/i],
  ['action', /^(action|action item|item|task|description|what|title|follow-up|remediation)$/i],
];

interface Columns {
  owner: number;
  due: number;
  priority: number;
  status: number;
  ticket: number;
  action: number;
}

function readTable(table: Table, base: number, text: string, referenceDate: string | undefined, group: string | undefined): ActionItem[] {
  const header = table.children[0]?.children.map((cell) => plainText(cell).trim().replace(/[*_:]/g, '')) ?? [];
  const columns: Columns = { owner: -1, due: -1, priority: -1, status: -1, ticket: -1, action: -1 };
  for (const [role, pattern] of columnRoles) columns[role] = header.findIndex((title, i) => pattern.test(title) && !Object.values(columns).includes(i));
  if (columns.action < 0) columns.action = header.findIndex((_, i) => !Object.values(columns).includes(i));
  return table.children.slice(1).map((row) => readRow(row, columns, base, text, referenceDate, group));
}

function readRow(row: TableRow, columns: Columns, base: number, text: string, referenceDate: string | undefined, group: string | undefined): ActionItem {
  const cell = (index: number) => (index >= 0 ? row.children[index] : undefined);
  const cellSpan = (index: number): Span | undefined => {
    const node = cell(index);
    return node ? contentSpan(node, base, text) : undefined;
  };
  const cellText = (index: number) => {
    const span = cellSpan(index);
    return span ? text.slice(span.start, span.end).trim() : '';
  };
  const actionCell = cell(columns.action);
  const masked = actionCell ? maskedText(actionCell, base, text) : { span: spanOf(row, base), text: '' };
  const fields = readFields(masked.text, masked.span.start, referenceDate);

  const ownerText = cellText(columns.owner).replace(/[*_`]/g, '');
  const ownerSpan = cellSpan(columns.owner);
  const dueText = cellText(columns.due).replace(/[*_`]/g, '');
  const dueSpan = cellSpan(columns.due);
  const dueDate = dueText ? parseDate(dueText, referenceDate) : undefined;
  const priorityMatch = /\bP?([0-2])\b/i.exec(cellText(columns.priority));
  const prioritySpan = cellSpan(columns.priority);
  const ticketText = cellText(columns.ticket);
  const ticketSpan = cellSpan(columns.ticket);
  const statusText = cellText(columns.status).replace(/[*_`~]/g, '');
  const rowSpan = spanOf(row, base);
  const actionSpan = cellSpan(columns.action);

  const ownerIsPlaceholder = ownerText !== '' && isPlaceholderValue(ownerText);
  const dueIsPlaceholder = dueText !== '' && isPlaceholderValue(dueText);
  return {
    span: rowSpan,
    description: fields.description || plainText(actionCell ?? row).trim(),
    descriptionSpan: masked.span,
    owner: ownerText && ownerSpan && !ownerIsPlaceholder && !/^[-–—?]+$/.test(ownerText) ? { value: ownerText, span: ownerSpan } : columns.owner < 0 ? fields.owner : undefined,
    due: dueDate && dueSpan ? { value: dueDate, span: dueSpan } : columns.due < 0 ? fields.due : undefined,
    dueUnreadable: dueText && !dueDate && !dueIsPlaceholder && !/^[-–—?]+$/.test(dueText) && dueSpan ? { value: dueText, span: dueSpan } : undefined,
    priority: priorityMatch && prioritySpan ? { value: Number(priorityMatch[1]) as 0 | 1 | 2, span: prioritySpan } : fields.priority,
    status: doneStatus.test(statusText) || /~~/.test(text.slice(rowSpan.start, rowSpan.end).replace(/\|/g, '').trim().slice(0, 2)) ? 'done' : 'open',
    ticket: ticketText && ticketSpan ? { value: linkIn(cell(columns.ticket), base)?.value ?? ticketText, span: ticketSpan } : fields.ticket,
    group,
    container: 'table',
    ownerPlaceholder: ownerIsPlaceholder || fields.ownerPlaceholder,
    duePlaceholder: dueIsPlaceholder || fields.duePlaceholder,
    insertAt: actionSpan ? actionSpan.end : rowSpan.end,
    ownerCell: columns.owner >= 0 ? cellSpan(columns.owner) : undefined,
    dueCell: columns.due >= 0 ? cellSpan(columns.due) : undefined,
  };
}

/** The span of a cell's content, or, for an empty cell, the whitespace between its pipes. */
function contentSpan(cell: Nodes, base: number, text: string): Span {
  if ('children' in cell && cell.children.length > 0) {
    return { start: spanOf(cell.children[0], base).start, end: spanOf(cell.children[cell.children.length - 1], base).end };
  }
  const span = spanOf(cell, base);
  const source = text.slice(span.start, span.end);
  const start = span.start + (source.startsWith('|') ? 1 : 0);
  const end = source.length > 1 && source.endsWith('|') ? span.end - 1 : span.end;
  return { start, end: Math.max(start, end) };
}

function linkIn(node: Nodes | undefined, base: number): ValueAt<string> | undefined {
  if (!node) return undefined;
  if (node.type === 'link') return { value: node.url, span: spanOf(node, base) };
  if ('children' in node) {
    for (const child of node.children) {
      const found = linkIn(child, base);
      if (found) return found;
    }
  }
  return undefined;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
