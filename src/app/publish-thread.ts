import { Worker } from 'node:worker_threads';
import type { BaseIndex } from '../core/base-index.js';
import type { Base } from '../core/model.js';
import { writeSiteFiles } from '../load/site-folder.js';
import { openSqliteBuild } from '../render/sqlite-db.js';
import type { SiteDataSettings } from './site-data.js';
import { PUBLISH_WORKER } from './worker-file.js';

/**
 * The part of publishing that a second thread does while the main thread does the rest (the
 * machines have two cores): `coop export --format sqlite` writes the SQL text here and the worker
 * runs it in sql.js; `coop site` draws its pages here while the worker makes the data files (the
 * SQLite database above all), then the worker writes the pages. The worker is a worker_threads Worker
 * running dist/publish-worker.cjs (publish-worker.ts); run from the sources (the tests), the same
 * work is done on the calling thread, in the same order, with the same result.
 */
export interface PublishThread {
  /** Starts the database, its file about `size` bytes (a guess: see openSqliteBuild); optional. */
  beginDatabase(size: number): void;
  /** Runs SQL statements (UTF-8, whole statements) in the database being built. */
  runSql(chunk: Uint8Array): void;
  /** The database file, once the statements given to runSql have run. */
  database(): Promise<Uint8Array>;
  /** Makes the site's data files (site-data.ts) and writes them into the site's new folder. */
  writeSiteData(folder: string, index: BaseIndex, settings: SiteDataSettings): Promise<void>;
  /**
   * Writes files into the site's new folder. The worker is handed them as UTF-8, encoded here into
   * one buffer and moved, not copied: encoding is what costs this thread, the file system's calls
   * are the worker's.
   */
  writeFiles(folder: string, files: ReadonlyArray<readonly [string, string]>): Promise<void>;
  /** Stops the worker (its work is lost if not awaited). */
  close(): Promise<void>;
}

/** What the main thread asks of the worker; every request but `begin` and `sql` is answered by its id. */
export type PublishRequest =
  | { op: 'begin'; size: number }
  | { op: 'sql'; chunk: Uint8Array }
  | { op: 'database'; id: number }
  | { op: 'site-data'; id: number; folder: string; base: Base; settings: SiteDataSettings }
  /** Files: their paths, where each ends in `bytes` (the next starts there), their UTF-8 text end to end. */
  | { op: 'write'; id: number; folder: string; paths: string[]; ends: number[]; bytes: Uint8Array };

/** An error as it crosses threads: what the command needs to tell a refusal of the file system from a bug. */
export interface PublishFailure {
  message: string;
  code?: string;
  stack?: string;
}

export interface PublishReply {
  id: number;
  value?: Uint8Array;
  error?: PublishFailure;
}

/** Starts the worker, which loads sql.js at once: its WebAssembly compiles while the caller reads the base. */
export function startPublishThread(): PublishThread {
  return PUBLISH_WORKER === undefined ? onThisThread() : inWorker(PUBLISH_WORKER);
}

export function failureOf(error: unknown): PublishFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { message: error.message, stack: error.stack, ...(typeof code === 'string' ? { code } : {}) };
}

function errorOf(failure: PublishFailure): Error {
  const error = new Error(failure.message) as NodeJS.ErrnoException;
  if (failure.code !== undefined) error.code = failure.code;
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}

function inWorker(file: string): PublishThread {
  const worker = new Worker(file);
  const waiting = new Map<
    number,
    { resolve: (value: Uint8Array | undefined) => void; reject: (error: Error) => void }
  >();
  let lastId = 0;
  let stopped: Error | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  worker.on('message', (reply: PublishReply) => {
    const asked = waiting.get(reply.id);
    if (!asked) return;
    waiting.delete(reply.id);
    if (reply.error) asked.reject(errorOf(reply.error));
    else asked.resolve(reply.value);
  });
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`the publishing worker stopped (exit code ${code})`)));
  const ask = <T>(request: PublishRequest, transfer: ArrayBuffer[] = []) =>
    new Promise<T>((resolve, reject) => {
      if (stopped) {
        reject(stopped);
        return;
      }
      waiting.set((request as { id: number }).id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(request, transfer);
    });
  return {
    beginDatabase(size) {
      worker.postMessage({ op: 'begin', size } satisfies PublishRequest);
    },
    runSql(chunk) {
      // Handed over, not copied; an error is told by database().
      worker.postMessage({ op: 'sql', chunk } satisfies PublishRequest, [chunk.buffer as ArrayBuffer]);
    },
    database: () => ask<Uint8Array>({ op: 'database', id: ++lastId }),
    // The base is copied into the worker (a structured clone); the worker indexes it again.
    writeSiteData: (folder, index, settings) =>
      ask<void>({ op: 'site-data', id: ++lastId, folder, base: index.base, settings }),
    writeFiles(folder, files) {
      const parts = files.map(([, text]) => Buffer.from(text));
      const ends: number[] = [];
      let end = 0;
      for (const part of parts) ends.push((end += part.length));
      // One buffer of its own (never Buffer's shared pool), so that it can be moved.
      const bytes = new Uint8Array(end);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      const paths = files.map(([path]) => path);
      return ask<void>({ op: 'write', id: ++lastId, folder, paths, ends, bytes }, [bytes.buffer]);
    },
    async close() {
      await worker.terminate();
    },
  };
}

function onThisThread(): PublishThread {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    beginDatabase(guess) {
      size = guess;
    },
    runSql(chunk) {
      chunks.push(chunk);
    },
    async database() {
      const build = await openSqliteBuild(size);
      try {
        for (const chunk of chunks.splice(0)) build.run(chunk);
        return build.finish();
      } finally {
        build.close();
      }
    },
    async writeSiteData(folder, index, settings) {
      const { siteDataFiles } = await import('./site-data.js');
      writeSiteFiles(folder, await siteDataFiles(index, settings));
    },
    async writeFiles(folder, files) {
      writeSiteFiles(folder, files);
    },
    async close() {},
  };
}
