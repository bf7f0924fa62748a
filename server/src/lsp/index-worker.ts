// The index worker: indexes files on the second core while the server's thread indexes others.
import { parentPort } from 'node:worker_threads';
import { indexFile } from './index-file';
import type { IndexRequest, IndexResponse } from './index-worker-client';

parentPort?.on('message', (request: IndexRequest) => {
  let response: IndexResponse;
  try {
    response = { id: request.id, entry: indexFile(request.path, request.text, request.config, request.root) };
  } catch {
    response = { id: request.id, entry: undefined };
  }
  parentPort?.postMessage(response);
});
