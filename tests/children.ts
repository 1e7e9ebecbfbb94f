import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ChildResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * The child processes a test starts, so that none outlives it: `stop()` (in afterEach/afterAll, and
 * when a test times out) kills those still running and waits until each has exited, so a cleanup that
 * removes their folder next never races a child still writing there (ENOTEMPTY).
 */
export class Children {
  private readonly running = new Set<{ child: ChildProcess; exited: Promise<void> }>();

  /** Starts `command args`, writes `input` (bytes or text) to its stdin; resolves with its exit code and output. */
  run(command: string, args: readonly string[], options: SpawnOptions, input?: string | Buffer): Promise<ChildResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const entry = { child, exited: new Promise<void>((done) => child.once('close', () => done())) };
      this.running.add(entry);
      void entry.exited.then(() => this.running.delete(entry));
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err }));
      child.stdin!.on('error', () => {}); // a child that exits before reading its input
      child.stdin!.end(input ?? '');
    });
  }

  /** How many have not exited yet. */
  get count(): number {
    return this.running.size;
  }

  /** Kills every child still running (SIGKILL) and waits until all have exited. */
  async stop(): Promise<void> {
    const entries = [...this.running];
    for (const { child } of entries) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(entries.map((entry) => entry.exited));
  }
}
