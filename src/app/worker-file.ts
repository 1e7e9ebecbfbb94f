/**
 * The bundle of the publishing worker (publish-worker.ts, built as dist/publish-worker.cjs): the
 * build replaces this module with the path of that file beside the bundle that imports it
 * (scripts/build.mjs). Run from the sources (the tests), there is no bundle: undefined, and
 * publishing does the worker's part on its own thread (publish-thread.ts).
 */
export const PUBLISH_WORKER: string | undefined = undefined;
