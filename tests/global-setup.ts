import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The end-to-end tests run dist/: build it first, so they never run a stale build. */
export default function buildOnce(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
