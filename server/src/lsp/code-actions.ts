// Code actions: the quick fixes carried by diagnostics, disabling a rule, fix-all, inserting every missing section, sorting the timeline.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { addDueFix, assignOwnerFix, dueDateForPriority, fixAll, type Fix, insertSectionFix, lineBreakOf, openBlockCloser, type Postmortem, ruleIds, safeFixes, sectionDefinitions, setDueFix, sortTimelineFix, type Span } from '../analysis';
import { fixAllCommand, fixAllKind } from '../protocol';
import type { AnalyzedDocument } from './analyzed-document';
import { type FixData, type FixEdit, isDiagnosticData, toFixData, toFixEdits, toRange } from './convert';

export { fixAllKind };
/** Asked for as a source action, "insert all missing sections" carries a source kind, which editors filter by. */
export const insertSectionsKind = 'source.postmortem.insertMissingSections';

const missingSectionRules = new Set(['missing-section', 'missing-recommended-section']);

export interface CodeActionOptions {
  /** The workspace's action item owners, most frequent first; asked only at a finding of an item without one. */
  owners?: () => readonly string[];
  /** The client applies LSP 3.18 snippet edits (`workspace.workspaceEdit.snippetEditSupport`). */
  snippetEdits?: boolean;
}

export function provideCodeActions(document: AnalyzedDocument, params: CodeActionParams, options: CodeActionOptions = {}): CodeAction[] {
  const owners = options.owners ?? (() => []);
  const snippetEdits = options.snippetEdits ?? false;
  const model = document.analysis.model;
  if (!document.analysis.postmortem || !model) return [];
  const only = params.context.only;
  const range = { start: document.lines.offsetAt(params.range.start), end: document.lines.offsetAt(params.range.end) };
  const diagnostics = params.context.diagnostics.filter((diagnostic) => diagnostic.source === 'postmortem' && isDiagnosticData(diagnostic.data));
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) actions.push(...diagnosticFixes(document, diagnostics, snippetEdits), ...actionItemFixes(document, model, diagnostics, owners, snippetEdits));
  const sectionsInRange = document.analysis.findings.some((finding) => missingSectionRules.has(finding.ruleId) && touches(finding.span, range));
  const asSource = asked(only, insertSectionsKind);
  if ((sectionsInRange && wants(only, CodeActionKind.QuickFix)) || asSource) {
    const insert = insertMissingSections(document, model, asSource ? insertSectionsKind : CodeActionKind.QuickFix);
    if (insert) actions.push(insert);
  }
  if (wants(only, CodeActionKind.QuickFix)) {
    const fixAllEntry = fixAllQuickFix(document, diagnostics);
    if (fixAllEntry) actions.push(fixAllEntry);
    actions.push(...disableRuleActions(document, model, diagnostics));
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    // A sort the quick fixes already offer would be the same action twice in one menu.
    const offered = new Set(actions.map((action) => editKey(action)));
    actions.push(...sortTimelineActions(document, model, range).filter((action) => !offered.has(editKey(action))));
  }
  // Fix-all analyses the document again per pass, so it is computed only when asked for by kind, never for a plain request.
  if (asked(only, fixAllKind)) {
    const all = fixAllAction(document);
    if (all) actions.push(all);
  }
  return actions;
}

/** A kind is wanted when nothing was asked for, or when an asked-for kind is it or one of its parents. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** A kind is asked for when the request names it or one of its parents. */
function asked(only: readonly string[] | undefined, kind: string): boolean {
  return only !== undefined && wants(only, kind);
}

/** Closed ranges, so that a cursor at either end of a finding still counts. */
function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function editKey(action: CodeAction): string {
  return JSON.stringify(action.edit?.changes ?? action.edit?.documentChanges ?? null);
}

/**
 * A fix's edits for the client. Where an edit has a snippet form and the client applies snippet edits, it goes as a
 * snippet, so the editor puts the cursor on the first tab stop (the placeholder to fill); otherwise as plain text.
 */
export function fixWorkspaceEdit(document: AnalyzedDocument, edits: readonly FixEdit[], snippetEdits: boolean): WorkspaceEdit {
  if (!snippetEdits || !edits.some((edit) => edit.snippet !== undefined)) {
    return { changes: { [document.uri]: edits.map(({ range, newText }) => ({ range, newText })) } };
  }
  const asSnippets = edits.map(({ range, newText, snippet }): TextEdit | SnippetTextEdit => (snippet === undefined ? { range, newText } : { range, snippet: { kind: 'snippet', value: snippet } }));
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: asSnippets }] };
}

function diagnosticFixes(document: AnalyzedDocument, diagnostics: readonly Diagnostic[], snippetEdits: boolean): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    if (!isDiagnosticData(diagnostic.data)) return [];
    return [...diagnostic.data.fixes, ...suggestionsFor(document, diagnostic)].map((fix): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      ...(fix.preferred ? { isPreferred: true } : {}),
      edit: fixWorkspaceEdit(document, fix.edits, snippetEdits),
    }));
  });
}

/**
 * The suggestions of the finding a diagnostic reports, built now: they cost more than the finding (blame rewrites),
 * so they travel with no diagnostic and are built only for the findings a code action request is about.
 */
function suggestionsFor(document: AnalyzedDocument, diagnostic: Diagnostic): FixData[] {
  const start = document.lines.offsetAt(diagnostic.range.start);
  const end = document.lines.offsetAt(diagnostic.range.end);
  const finding = document.analysis.findings.find((candidate) => candidate.span.start === start && candidate.span.end === end && candidate.ruleId === diagnostic.code && candidate.message === diagnostic.message);
  return finding ? finding.suggestions.map((fix) => toFixData(document.lines, fix, false)) : [];
}

/** Beside the placeholders: "Assign <owner>" for the workspace's most frequent owners, and the due date that ends the item's priority window. */
function actionItemFixes(document: AnalyzedDocument, model: Postmortem, diagnostics: readonly Diagnostic[], owners: () => readonly string[], snippetEdits: boolean): CodeAction[] {
  const quickFix = (diagnostic: Diagnostic, fix: Fix): CodeAction => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: fixWorkspaceEdit(document, toFixEdits(document.lines, fix), snippetEdits),
  });
  return diagnostics.flatMap((diagnostic) => {
    const offset = document.lines.offsetAt(diagnostic.range.start);
    const item = model.actionItems.find((candidate) => candidate.span.start <= offset && offset < candidate.span.end);
    if (!item || item.status !== 'open') return [];
    // A placeholder owner or due date is reported by the placeholder rule; its finding gets the same offers.
    const placeholder = diagnostic.code === 'placeholder';
    const fixes: CodeAction[] = [];
    if ((diagnostic.code === 'action-item-owner' || (placeholder && item.ownerPlaceholder)) && !item.owner) {
      fixes.push(...owners().slice(0, 3).map((owner) => quickFix(diagnostic, assignOwnerFix(model.text, item, owner))));
    }
    if ((diagnostic.code === 'action-item-due' || (placeholder && item.duePlaceholder)) && !item.due && !item.dueUnreadable && item.priority && model.date) {
      const due = dueDateForPriority(item.priority.value, model.date, document.config);
      fixes.push(quickFix(diagnostic, setDueFix(model.text, item, due, `Due ${due} (end of the P${item.priority.value} window)`)));
    }
    // `due TBD`: the date's own placeholder, selected, so the writer types the date over it.
    const datePrompt = placeholder && item.duePlaceholder && !item.due ? addDueFix(model.text, item) : undefined;
    if (datePrompt) fixes.push(quickFix(diagnostic, datePrompt));
    return fixes;
  });
}

/** Every reported missing section in one edit; insertions that share an offset are joined in canonical order. */
function insertMissingSections(document: AnalyzedDocument, model: Postmortem, kind: string): CodeAction | undefined {
  const reported = new Set(document.analysis.findings.filter((finding) => missingSectionRules.has(finding.ruleId)).map((finding) => finding.fix?.title));
  const fixes = sectionDefinitions.map((definition) => insertSectionFix(model, definition.kind, document.config.sections.order, document.config.sections.preset)).filter((fix) => reported.has(fix.title));
  if (fixes.length === 0) return undefined;
  const eol = lineBreakOf(model.text);
  // Each section appended after an unclosed code fence or comment closes it; joined, only the first does.
  const closer = openBlockCloser(model);
  const byOffset = new Map<number, string>();
  for (const edit of fixes.flatMap((fix) => fix.edits)) {
    const previous = byOffset.get(edit.span.start);
    const next = closer && edit.newText.startsWith(closer) ? edit.newText.slice(closer.length) : edit.newText;
    byOffset.set(edit.span.start, previous === undefined ? edit.newText : joinBlocks(previous, next, eol));
  }
  const edits: TextEdit[] = [...byOffset].map(([offset, newText]) => ({ range: toRange(document.lines, { start: offset, end: offset }), newText }));
  return {
    title: `Insert all missing sections (${fixes.length})`,
    kind,
    edit: { changes: { [document.uri]: edits } },
  };
}

/** Appended blocks each carry their own leading blank line; between two blocks exactly one blank line is kept. */
function joinBlocks(first: string, next: string, eol: string): string {
  let rest = next;
  while (rest.startsWith(eol)) rest = rest.slice(eol.length);
  return (first.endsWith(eol + eol) ? first : first + eol) + rest;
}

function sortTimelineActions(document: AnalyzedDocument, model: Postmortem, range: Span): CodeAction[] {
  const groups = new Set(model.timeline.filter((entry) => touches(entry.span, range)).map((entry) => entry.group));
  return [...groups].flatMap((group) => {
    const fix = sortTimelineFix(model, group);
    if (!fix) return [];
    const edits = fix.edits.map((edit) => ({ range: toRange(document.lines, edit.span), newText: edit.newText }));
    return [{ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [document.uri]: edits } } }];
  });
}

/**
 * Fix-all in the quick-fix menu, where users look for it. It names the client's command instead of carrying
 * the edit, which costs an analysis per pass; whether any safe fix exists is known from the analysis at hand.
 */
function fixAllQuickFix(document: AnalyzedDocument, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  if (diagnostics.length === 0 || safeFixes(document.text, document.analysis.findings).length === 0) return undefined;
  const title = 'Fix all auto-fixable problems';
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: fixAllCommand, arguments: [document.uri] } };
}

/** "Disable <rule> for this line / for this file", once per rule, as inline directives; internal findings (a parse error) have no rule to disable. */
function disableRuleActions(document: AnalyzedDocument, model: Postmortem, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const eol = lineBreakOf(model.text);
  const actions = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    const ruleId = diagnostic.code;
    if (typeof ruleId !== 'string' || !ruleIds.includes(ruleId)) continue;
    const line = diagnostic.range.start.line;
    const lineText = model.text.slice(document.lines.lineStart(line), document.lines.lineEnd(line));
    const forLine = `Disable ${ruleId} for this line`;
    // A diagnostic the client kept from an older version may point past the end: no line to put a directive above.
    if (!actions.has(forLine) && line < document.lines.lineCount && canDirectiveGoAbove(model, document.lines.lineStart(line), lineText)) {
      const indentation = /^[ \t]*/.exec(lineText)?.[0] ?? '';
      const at = { line, character: 0 };
      const edit = { range: { start: at, end: at }, newText: `${indentation}<!-- postmortem-disable-next-line ${ruleId} -->${eol}` };
      actions.set(forLine, { title: forLine, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [edit] } } });
    }
    const forFile = `Disable ${ruleId} for this file`;
    if (!actions.has(forFile)) {
      const { offset, newLine } = fileDirectivePlace(model);
      const newText = `${newLine ? eol : ''}<!-- postmortem-disable-file ${ruleId} -->${eol}`;
      const edit = { range: toRange(document.lines, { start: offset, end: offset }), newText };
      actions.set(forFile, { title: forFile, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [edit] } } });
    }
  }
  // Line directives first: the narrower choice is the one to reach for.
  return [...actions.values()].sort((a, b) => Number(a.title.endsWith('file')) - Number(b.title.endsWith('file')));
}

/** A comment line cannot go inside the front matter (it would break the YAML) or between table rows (it would end the table). */
function canDirectiveGoAbove(model: Postmortem, lineStart: number, lineText: string): boolean {
  if (model.frontMatter && lineStart < model.frontMatter.span.end) return false;
  if (lineText.trimStart().startsWith('|')) return false;
  const inTable = (entry: { span: Span; container: string }) => entry.container === 'table' && entry.span.start <= lineStart && lineStart < entry.span.end;
  return !model.timeline.some(inTable) && !model.actionItems.some(inTable);
}

/** The start of the line after the front matter, or of the document (after any byte order mark); a new line when the front matter ends the text. */
function fileDirectivePlace(model: Postmortem): { offset: number; newLine: boolean } {
  if (!model.frontMatter) return { offset: /^\uFEFF*/.exec(model.text)?.[0].length ?? 0, newLine: false };
  const lineEnd = model.text.indexOf('\n', model.frontMatter.span.end - 1);
  return lineEnd < 0 ? { offset: model.text.length, newLine: true } : { offset: lineEnd + 1, newLine: false };
}

function fixAllAction(document: AnalyzedDocument): CodeAction | undefined {
  // Starting from the document's analysis, with its cache, fix-all costs nothing when no safe fix is offered.
  const fixed = fixAll(document.text, { config: document.config, today: document.today, force: true, cache: document.cache, analysis: document.analysis }).text;
  const edit = minimalEdit(document, fixed);
  if (!edit) return undefined;
  return { title: 'Fix all postmortem problems', kind: fixAllKind, edit: { changes: { [document.uri]: [edit] } } };
}

/** One edit covering only what changed: the text between the common prefix and the common suffix. */
function minimalEdit(document: AnalyzedDocument, next: string): TextEdit | undefined {
  const old = document.text;
  if (old === next) return undefined;
  const limit = Math.min(old.length, next.length);
  let prefix = 0;
  while (prefix < limit && old.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  // Never end the prefix inside a CRLF or a surrogate pair: positions there do not exist for the client.
  while (prefix > 0 && (splitsPair(old, prefix) || splitsPair(next, prefix))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  while (suffix > 0 && (splitsPair(old, old.length - suffix) || splitsPair(next, next.length - suffix))) suffix--;
  const range: Range = toRange(document.lines, { start: prefix, end: old.length - suffix });
  return { range, newText: next.slice(prefix, next.length - suffix) };
}

/** True when `offset` falls between the two halves of a CRLF or of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}
