// The one error wrapper every request handler goes through: a cancelled request, an answer about a
// document that changed meanwhile and a handler that throws each become the LSP error for it.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type DiagnosticServerCancellationData } from 'vscode-languageserver';

export type GuardedHandler<P, R, E> = (params: P, token: CancellationToken) => Promise<R | ResponseError<E>>;

/** The errors one kind of request answers with. */
interface ErrorAnswers<E> {
  cancelled(name: string): ResponseError<E>;
  changed(name: string): ResponseError<E>;
  failed(name: string, message: string): ResponseError<E>;
}

const requestErrors: ErrorAnswers<void> = {
  cancelled: (name) => new ResponseError<void>(LSPErrorCodes.RequestCancelled, `${name} cancelled`),
  changed: (name) => new ResponseError<void>(LSPErrorCodes.ContentModified, `${name}: the document changed`),
  failed: (name, message) => new ResponseError<void>(ErrorCodes.InternalError, `${name} failed: ${message}`),
};

// A pull that is cancelled or outdated is retriggered by the client; ContentModified would make it show an empty report.
const pullDiagnosticsErrors: ErrorAnswers<DiagnosticServerCancellationData> = {
  cancelled: (name) => new ResponseError(LSPErrorCodes.ServerCancelled, `${name} cancelled`, { retriggerRequest: true }),
  changed: (name) => new ResponseError(LSPErrorCodes.ServerCancelled, `${name}: the document changed`, { retriggerRequest: true }),
  failed: (name, message) => new ResponseError(ErrorCodes.InternalError, `${name} failed: ${message}`, { retriggerRequest: false }),
};

export class RequestGuard {
  /**
   * @param versionOf the open document's version, undefined when it is not open
   * @param logError where a failure is logged, once per failed request
   */
  constructor(
    private readonly versionOf: (uri: string) => number | undefined,
    private readonly logError: (message: string) => void,
  ) {}

  /** Wraps a request handler; the document is `params.textDocument.uri` unless `documentOf` names another. */
  request<P, R>(name: string, handle: (params: P, token: CancellationToken) => Promise<R> | R, documentOf: (params: P) => string | undefined = textDocumentOf): GuardedHandler<P, R, void> {
    return this.guarded(requestErrors, name, handle, documentOf);
  }

  /** Wraps the textDocument/diagnostic handler, whose cancellation asks the client to pull again. */
  pullDiagnostics<P, R>(name: string, handle: (params: P, token: CancellationToken) => Promise<R> | R): GuardedHandler<P, R, DiagnosticServerCancellationData> {
    return this.guarded(pullDiagnosticsErrors, name, handle, textDocumentOf);
  }

  private guarded<P, R, E>(errors: ErrorAnswers<E>, name: string, handle: (params: P, token: CancellationToken) => Promise<R> | R, documentOf: (params: P) => string | undefined): GuardedHandler<P, R, E> {
    return async (params, token) => {
      const uri = documentOf(params);
      const version = uri === undefined ? undefined : this.versionOf(uri);
      try {
        if (token.isCancellationRequested) return errors.cancelled(name);
        const result = await handle(params, token);
        if (token.isCancellationRequested) return errors.cancelled(name);
        if (uri !== undefined && this.versionOf(uri) !== version) return errors.changed(name);
        return result;
      } catch (error) {
        this.logError(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return errors.failed(name, error instanceof Error ? error.message : String(error));
      }
    };
  }
}

/** `params.textDocument.uri`, checked rather than cast: custom requests carry other shapes. */
export function textDocumentOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null || !('textDocument' in params)) return undefined;
  const document: unknown = params.textDocument;
  if (typeof document !== 'object' || document === null || !('uri' in document)) return undefined;
  return typeof document.uri === 'string' ? document.uri : undefined;
}
