/**
 * Everything a command may touch of the outside world besides the data folder: where its output
 * goes and what the terminal is. Tests pass their own to run a command as a terminal or a pipe.
 */
export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: tables and formatted amounts; otherwise tab-separated values. */
  isTTY: boolean;
  /** Colour decided once, from the terminal, NO_COLOR, FORCE_COLOR, TERM and --no-color. */
  color: boolean;
  /** Width of the terminal, for tables. */
  columns: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The whole standard input, for the commands that take text from it (coop new article --summary -). */
  readInput?: () => Promise<string>;
}

export function decideColor(isTTY: boolean, env: IO['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/**
 * The IO of the real process. A reader that stops early (`coop export | head`) closes the pipe:
 * that is the reader's choice, not an error, so coop stops writing and ends quietly.
 */
export function processIO(onClosedOutput: () => void): IO {
  const isTTY = Boolean(process.stdout.isTTY);
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    onClosedOutput();
  });
  return {
    out: (text) => {
      if (!closed) process.stdout.write(text);
    },
    err: (text) => void process.stderr.write(text),
    isTTY,
    color: decideColor(isTTY, process.env),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 100,
    env: process.env,
    cwd: process.cwd(),
    readInput: async () => {
      // On a terminal the person types the text: say how to end it.
      if (process.stdin.isTTY) process.stderr.write('coop: reading standard input; end with Ctrl-D\n');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      // Strict: a byte that is not UTF-8 is refused (TypeError), never turned into U+FFFD.
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    },
  };
}
