// Starts, restarts and stops the language server, bundled beside the extension, over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

export class PostmortemLanguageClient implements vscode.Disposable {
  private client: LanguageClient;
  private starting: Promise<LanguageClient>;
  private readonly didStart = new vscode.EventEmitter<LanguageClient>();
  /** Fires with each client once it runs: the first and each one after a restart. */
  readonly onDidStart = this.didStart.event;
  readonly output: vscode.LogOutputChannel;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Postmortem Language Server', { log: true });
    this.client = this.create();
    this.starting = this.start(this.client);
  }

  /** The current client, which may still be starting. */
  get current(): LanguageClient {
    return this.client;
  }

  /** The current client once it has started. */
  ready(): Promise<LanguageClient> {
    return this.starting;
  }

  async restart(): Promise<LanguageClient> {
    const old = this.client;
    await this.starting.catch(() => undefined);
    await old.stop().catch((error: unknown) => this.output.error(`Stopping the server failed: ${String(error)}`));
    this.client = this.create();
    this.starting = this.start(this.client);
    return this.starting;
  }

  async dispose(): Promise<void> {
    this.didStart.dispose();
    await this.client.stop().catch(() => undefined);
    this.output.dispose();
  }

  private create(): LanguageClient {
    const module = this.context.asAbsolutePath('dist/server.js');
    const memoryLimit = serverMemoryLimit();
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: memoryLimit } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...memoryLimit, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'markdown', scheme: 'file' },
        { language: 'markdown', scheme: 'untitled' },
      ],
      // The server registers its own watchers for Markdown and config files, and asks for the
      // `postmortem` settings when it needs them, so nothing is synchronised statically here.
      outputChannel: this.output,
      traceOutputChannel: this.output,
      middleware: {
        // VS Code shows each symbol provider as a tree of its own, named after its extension (in the breadcrumb too),
        // and never merges them: the Outline stays the one of VS Code's Markdown support. Other editors get the server's.
        provideDocumentSymbols: () => [],
      },
    };
    return new LanguageClient('postmortem', 'Postmortem Language Server', serverOptions, clientOptions);
  }

  private start(client: LanguageClient): Promise<LanguageClient> {
    const started = client.start().then(() => {
      this.didStart.fire(client);
      return client;
    });
    // Logged here once; callers of ready() still see the failure.
    started.catch((error: unknown) => this.output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`));
    return started;
  }
}

/** Node's flag for `postmortem.server.maxMemoryMb`, read at each (re)start: it caps the server's heap; 0 leaves node's own limit. */
function serverMemoryLimit(): string[] {
  const megabytes = vscode.workspace.getConfiguration('postmortem').get<number>('server.maxMemoryMb', 0);
  return megabytes > 0 ? [`--max-old-space-size=${Math.floor(megabytes)}`] : [];
}
