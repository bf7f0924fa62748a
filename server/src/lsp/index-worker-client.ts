// Sends files to the index worker and gets their entries back; falls back to this thread if it fails.
import { Worker } from 'node:worker_threads';
import type { PostmortemConfig } from '../analysis';
import { indexFile, type IndexedFile } from './index-file';

export interface IndexRequest {
  id: number;
  path: string;
  text: string;
  config: PostmortemConfig;
  root: string | undefined;
}

export interface IndexResponse {
  id: number;
  entry: IndexedFile | undefined;
}

export class IndexWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { request: IndexRequest; resolve: (entry: IndexedFile | undefined) => void }>();
  private nextId = 0;
  private failed = false;

  constructor(script: string) {
    this.worker = new Worker(script);
    this.worker.on('message', (response: IndexResponse) => {
      this.waiting.get(response.id)?.resolve(response.entry);
      this.waiting.delete(response.id);
    });
    // A worker that dies leaves its files to this thread: the index stays complete, only slower.
    const fail = () => {
      this.failed = true;
      for (const { request, resolve } of this.waiting.values()) resolve(indexFile(request.path, request.text, request.config, request.root));
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  index(path: string, text: string, config: PostmortemConfig, root: string | undefined): Promise<IndexedFile | undefined> {
    if (this.failed) return Promise.resolve(indexFile(path, text, config, root));
    const request: IndexRequest = { id: this.nextId++, path, text, config, root };
    return new Promise((resolve) => {
      this.waiting.set(request.id, { request, resolve });
      this.worker.postMessage(request);
    });
  }

  async dispose(): Promise<void> {
    this.failed = true;
    await this.worker.terminate();
  }
}
