import { RefusedError } from './errors.js';

/**
 * Everything a command may touch of the outside world besides the data folder: where its output
 * goes and what the terminal is. Tests pass their own to run a command as a terminal or a pipe.
 */
export interface IO {
  out(text: string): void;
  /** Bytes as they are, for an output that is not text (coop graph --format png). */
  outBytes(bytes: Uint8Array): void;
  err(text: string): void;
  /** stdout is a terminal: tables and formatted amounts; otherwise tab-separated values. */
  isTTY: boolean;
  /** Colour decided once, from the terminal, NO_COLOR, FORCE_COLOR, TERM and --no-color. */
  color: boolean;
  /** Width of the terminal, for tables. */
  columns: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /**
   * The whole standard input, for the commands that take text from it (coop new article --summary -);
   * refused (RefusedError) past MAX_INPUT_BYTES, without reading further.
   */
  readInput?: () => Promise<string>;
  /** Told when a data file has been written: an output error after it must not make the run look failed. */
  dataWritten?: () => void;
}

/** As much as a data file may hold (load/files.ts MAX_FILE_BYTES): more could never be written. */
const MAX_INPUT_BYTES = 1024 * 1024;

/** The exit code of a run whose output could not be written (BSD sysexits EX_IOERR). */
export const EXIT_OUTPUT_ERROR = 74;

export function decideColor(isTTY: boolean, env: IO['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/**
 * The IO of the real process, and what became of its output.
 *
 * Output errors end quietly, never with a stack trace:
 * - a reader that stops early (`coop export | head`) closes the pipe (EPIPE): that is the reader's
 *   choice, not an error, so coop stops writing and ends with the exit code it had (0);
 * - stdout that cannot be written (ENOSPC on a full disk, EIO, ...): coop stops writing, says so in
 *   one line on stderr, and exits 74, unless the run wrote a data file (coop add, coop new): the
 *   change is made, so the run ends as it would have (0), the line on stderr telling the output is
 *   missing; a run that failed keeps its own exit code;
 * - stderr that cannot be written: ignored (there is nowhere left to tell), the exit code unchanged.
 */
export function processIO(onClosedOutput: () => void): IO & { outputError(): string | undefined; written(): boolean } {
  const isTTY = Boolean(process.stdout.isTTY);
  let closed = false;
  let failure: string | undefined;
  let wrote = false;
  let errClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === 'EPIPE') {
      onClosedOutput();
      return;
    }
    failure ??= error.code ?? 'error';
  });
  process.stderr.on('error', () => {
    errClosed = true;
  });
  const err = (text: string) => {
    if (errClosed) return;
    try {
      process.stderr.write(text);
    } catch {
      errClosed = true;
    }
  };
  const out = (chunk: string | Uint8Array) => {
    if (closed) return;
    try {
      process.stdout.write(chunk);
    } catch (error) {
      closed = true;
      failure ??= (error as NodeJS.ErrnoException).code ?? 'error';
    }
  };
  return {
    out,
    outBytes: out,
    err,
    isTTY,
    color: decideColor(isTTY, process.env),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 100,
    env: process.env,
    cwd: process.cwd(),
    readInput: () =>
      readCapped(process.stdin, MAX_INPUT_BYTES, () => {
        // On a terminal the person types the text: say how to end it.
        if (process.stdin.isTTY) err('coop: reading standard input; end with Ctrl-D\n');
      }),
    dataWritten: () => {
      wrote = true;
    },
    outputError: () => failure,
    written: () => wrote,
  };
}

/**
 * A stream read whole as strict UTF-8 (a byte that is not UTF-8 is refused with a TypeError, never
 * turned into U+FFFD), refused as soon as it passes `cap` bytes: endless input stops there.
 */
async function readCapped(stream: AsyncIterable<unknown>, cap: number, starting?: () => void): Promise<string> {
  starting?.();
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early (the throw) destroys the stream: nothing more is read.
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > cap)
      throw new RefusedError(
        `the standard input is over the ${cap}-byte cap of a data file: nothing read, nothing written`,
      );
    chunks.push(bytes);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}
