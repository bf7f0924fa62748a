// Every request the server answers, registered in one place, each through the one error wrapper.
import { CodeActionKind, CompletionTriggerKind, TextDocumentSyncKind, type CompletionParams, type Connection, type ServerCapabilities, type TextDocumentIdentifier } from 'vscode-languageserver';
import { actionItemsRequest, draftProgressRequest, insightsRequest, markActionItemDoneRequest, rebuildIndexRequest, severityLevelsRequest, workspaceMetricsRequest } from '../protocol';
import type { AnalyzedDocument } from './analyzed-document';
import { fixAllKind, insertSectionsKind, provideCodeActions } from './code-actions';
import { provideCodeLenses } from './code-lens';
import { maySuggestSnippet, provideCompletions } from './completion';
import type { DiagnosticsScheduler } from './diagnostics-scheduler';
import type { DocumentStore } from './document-store';
import { provideFoldingRanges } from './folding';
import { provideHover } from './hover';
import { provideInlayHints } from './inlay-hints';
import type { RequestGuard } from './request-guard';
import { loadSnippets } from './snippets';
import { provideDocumentSymbols } from './symbols';
import { provideDraftProgress } from './draft-progress';
import type { IndexedWorkspace, WorkspaceRequests } from './workspace-requests';

export function serverCapabilities(pullDiagnostics: boolean): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll, fixAllKind, insertSectionsKind] },
    // Letters too: VS Code turns quick suggestions off for Markdown, and the snippets are offered by the word typed at a line start.
    completionProvider: { triggerCharacters: ['#', '@', '[', ':', ' ', '-', ...letters] },
    hoverProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true } },
  };
}

const letters = [...'abcdefghijklmnopqrstuvwxyz', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

export interface HandlerServices {
  guard: RequestGuard;
  store: DocumentStore;
  diagnostics: DiagnosticsScheduler;
  index: IndexedWorkspace & { rebuild(): Promise<void> };
  workspace: WorkspaceRequests;
  /** The client applies snippet edits, so fixes can put the cursor on what the writer must fill. */
  snippetEdits: boolean;
}

/** A letter typed anywhere but in a word alone at a line start brings nothing, known without analysing the document. */
function typedLetterCannotComplete(store: DocumentStore, params: CompletionParams): boolean {
  const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
  if (trigger === undefined || !letters.includes(trigger)) return false;
  const document = store.get(params.textDocument.uri);
  if (!document) return true;
  const { line, character } = params.position;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  return !maySuggestSnippet(text.slice(0, character), text.slice(character));
}

export function registerHandlers(connection: Connection, services: HandlerServices): void {
  const { guard, store, index, workspace } = services;
  /** A request about one open document: answered from its analysis, or `empty` when it is not open. */
  const onDocument = <P extends { textDocument: TextDocumentIdentifier }, R>(name: string, empty: R, provide: (document: AnalyzedDocument, params: P) => R) =>
    guard.request(name, async (params: P) => {
      const document = await store.analysed(params.textDocument.uri);
      return document ? provide(document, params) : empty;
    });

  connection.languages.diagnostics.on(guard.pullDiagnostics('diagnostics', (params) => services.diagnostics.pulled(params)));
  connection.onCodeAction(onDocument('code actions', [], (document, params) => provideCodeActions(document, params, { owners: () => index.current?.owners() ?? [], snippetEdits: services.snippetEdits })));
  const snippets = loadSnippets();
  const completion = onDocument('completion', [], (document, params: CompletionParams) => provideCompletions(document, params, index.current?.owners() ?? [], { snippets }));
  connection.onCompletion((params, token) => (typedLetterCannotComplete(store, params) ? [] : completion(params, token)));
  connection.onHover(onDocument('hover', null, provideHover));
  connection.onDocumentSymbol(onDocument('document symbols', [], provideDocumentSymbols));
  connection.onFoldingRanges(onDocument('folding ranges', [], provideFoldingRanges));
  connection.languages.inlayHint.on(onDocument('inlay hints', [], (document, params) => provideInlayHints(document, params.range)));
  connection.onCodeLens(onDocument('code lenses', [], provideCodeLenses));
  connection.onRequest(draftProgressRequest, onDocument('draft progress', null, provideDraftProgress));

  connection.onRequest(actionItemsRequest, guard.request('action items', (params) => workspace.actionItems(params)));
  connection.onRequest(markActionItemDoneRequest, guard.request('mark done', (params) => workspace.markDone(params), (params) => params.uri));
  const metrics = guard.request('workspace metrics', () => workspace.metrics());
  connection.onRequest(workspaceMetricsRequest, (token) => metrics(undefined, token));
  connection.onRequest(insightsRequest, guard.request('insights', (params) => workspace.insights(params)));
  const severities = guard.request('severity levels', () => workspace.severityLevels());
  connection.onRequest(severityLevelsRequest, (token) => severities(undefined, token));
  const rebuild = guard.request('rebuild index', async () => {
    await index.rebuild();
    return null;
  });
  connection.onRequest(rebuildIndexRequest, (token) => rebuild(undefined, token));
}
