// Inline disable comments like markdownlint's (`<!-- postmortem-disable rule-a -->`), line-based and precomputed so each check is a binary search.
import type { ValueAt } from './model';
import { LineIndex } from './text';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Lower-case rule ids; empty means every rule. */
  ruleIds: string[];
}

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

// The keyword must end at a space or the comment's end, so `postmortem-disabled` is no directive.
const directivePattern = /^<!--\s*postmortem-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|-->|$)([\s\S]*?)(?:-->)?$/;

/** The directive a comment's source text holds, or undefined. Text after ` -- ` is a reason, not ids. */
export function parseDirective(comment: string): Directive | undefined {
  const match = directivePattern.exec(comment.trim());
  if (!match) return undefined;
  const ids = match[2].split(/(?:^|\s)--(?:\s|$)/)[0];
  return {
    kind: match[1] as DirectiveKind,
    ruleIds: ids
      .split(/[\s,]+/)
      .filter((id) => id !== '')
      .map((id) => id.toLowerCase()),
  };
}

/** Rule ids that are off; with `all`, the ids are the exceptions that stay on. */
interface RangeState {
  all: boolean;
  ids: ReadonlySet<string>;
}

/** Every rule, or some. */
type RuleSet = 'all' | Set<string>;

const nothingSuppressed: Suppressions = { isSuppressed: () => false };

export function readDirectives(text: string, comments: readonly ValueAt<string>[]): Suppressions {
  const directives = [...comments]
    .sort((a, b) => a.span.start - b.span.start)
    .flatMap((comment) => {
      const directive = parseDirective(comment.value);
      return directive ? [{ directive, span: comment.span }] : [];
    });
  if (directives.length === 0) return nothingSuppressed;

  const index = new LineIndex(text);
  const isBlank = (line: number) => text.slice(index.lineStart(line), index.lineEnd(line)).trim() === '';
  // A file-level disable reaches back to the first line; below it, as in markdownlint, an enable that names a rule turns it
  // back on. A bare enable only closes the ranges bare disables open, so "disable for this file" survives an existing pair.
  const fileDisables: { line: number; ids: RuleSet }[] = [];
  const lines = new Map<number, RuleSet>();
  const ranges = new StateChanges();
  const file = new StateChanges();

  for (const { directive, span } of directives) {
    const first = index.positionAt(span.start).line;
    const last = index.positionAt(Math.max(span.start, span.end - 1)).line;
    const ids = directive.ruleIds;
    switch (directive.kind) {
      case 'disable-file':
        fileDisables.push({ line: first, ids: union(undefined, ids) });
        file.change(first, 'disable', ids);
        break;
      case 'disable-line':
        for (let line = first; line <= last; line++) lines.set(line, union(lines.get(line), ids));
        break;
      case 'disable-next-line': {
        let line = last + 1;
        while (line < index.lineCount && isBlank(line)) line++;
        if (line < index.lineCount) lines.set(line, union(lines.get(line), ids));
        break;
      }
      case 'disable':
        ranges.change(first, 'disable', ids);
        break;
      case 'enable':
        ranges.change(first, 'enable', ids);
        if (ids.length > 0) file.change(first, 'enable', ids);
        break;
    }
  }

  return {
    isSuppressed(ruleId, offset) {
      const line = index.positionAt(offset).line;
      if (includes(lines.get(line), ruleId) || fileDisables.some((disable) => disable.line > line && includes(disable.ids, ruleId))) return true;
      return ranges.isOff(ruleId, line) || file.isOff(ruleId, line);
    },
  };
}

/** The lines where a disable/enable state changes, ascending, each with the state from there on. */
class StateChanges {
  private readonly lines: number[] = [];
  private readonly states: RangeState[] = [];
  private state: RangeState = { all: false, ids: new Set() };

  change(line: number, kind: 'disable' | 'enable', ids: readonly string[]): void {
    this.state = nextState(this.state, kind, ids);
    // Several directives on one line: the last one decides the line.
    if (this.lines[this.lines.length - 1] === line) this.states[this.states.length - 1] = this.state;
    else {
      this.lines.push(line);
      this.states.push(this.state);
    }
  }

  isOff(ruleId: string, line: number): boolean {
    const at = lastAtOrBefore(this.lines, line);
    return at >= 0 && this.states[at].all !== this.states[at].ids.has(ruleId);
  }
}

function nextState(state: RangeState, kind: 'disable' | 'enable', ids: readonly string[]): RangeState {
  if (ids.length === 0) return { all: kind === 'disable', ids: new Set() };
  // Disabling adds to the off ids, or removes exceptions under a bare disable; enabling the reverse.
  const add = kind === 'disable' !== state.all;
  const next = new Set(state.ids);
  for (const id of ids) {
    if (add) next.add(id);
    else next.delete(id);
  }
  return { all: state.all, ids: next };
}

function union(set: RuleSet | undefined, ids: readonly string[]): RuleSet {
  if (set === 'all' || ids.length === 0) return 'all';
  return new Set([...(set ?? []), ...ids]);
}

function includes(set: RuleSet | undefined, ruleId: string): boolean {
  return set === 'all' || (set !== undefined && set.has(ruleId));
}

/** Index of the last value <= target in an ascending array, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= target) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
