import { parentPort } from 'node:worker_threads';
import { indexBase } from '../core/base-index.js';
import { writeSiteFiles } from '../load/site-folder.js';
import { openSqliteBuild, prepareSqlite, type SqliteBuild } from '../render/sqlite-db.js';
import { failureOf, type PublishReply, type PublishRequest } from './publish-thread.js';
import { siteDataFiles } from './site-data.js';

/**
 * The publishing worker (publish-thread.ts): the entry point of dist/publish-worker.cjs, run in a
 * worker_threads Worker. Requests are done one after the other, in the order they came.
 */

const port = parentPort;
if (port === null) throw new Error('publish-worker runs as a worker thread');

// At once: sql.js compiles its WebAssembly while the main thread reads the base. A failure is told
// by the first request that needs sql.js.
const ready = prepareSqlite();
ready.catch(() => {});
let build: Promise<SqliteBuild> | undefined;
let sqlFailure: unknown;
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: PublishRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: PublishRequest): Promise<void> {
  if (request.op === 'begin') {
    build = ready.then(() => openSqliteBuild(request.size));
    build.catch(() => {});
    return;
  }
  if (request.op === 'sql') {
    // No reply: the first failure is kept for the database request, the statements after it skipped.
    if (sqlFailure !== undefined) return;
    try {
      (await (build ??= ready.then(() => openSqliteBuild()))).run(request.chunk);
    } catch (error) {
      sqlFailure = error;
    }
    return;
  }
  const reply: PublishReply = { id: request.id };
  const transfer: ArrayBuffer[] = [];
  try {
    if (request.op === 'database') {
      if (sqlFailure !== undefined) throw sqlFailure;
      const opened = await (build ??= ready.then(() => openSqliteBuild()));
      build = undefined;
      let bytes: Uint8Array;
      try {
        bytes = opened.finish();
      } finally {
        opened.close();
      }
      // Handed over whole when the bytes are all of their buffer (as sql.js gives them), else copied first.
      reply.value = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      transfer.push(reply.value.buffer as ArrayBuffer);
    } else if (request.op === 'site-data') {
      await ready;
      writeSiteFiles(request.folder, await siteDataFiles(indexBase(request.base), request.settings));
    } else {
      const { paths, ends, bytes } = request;
      writeSiteFiles(
        request.folder,
        paths.map((path, i) => [path, bytes.subarray(i === 0 ? 0 : ends[i - 1], ends[i])] as const),
      );
    }
  } catch (error) {
    reply.error = failureOf(error);
    delete reply.value;
    transfer.length = 0;
  }
  port!.postMessage(reply, transfer);
}
