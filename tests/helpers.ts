import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli.js';
import type { AnyCommandDecl, CommandCatalog, GroupDecl } from '../src/command.js';
import { decideColor, type IO } from '../src/io.js';

export const REPO = resolve(import.meta.dirname, '..');
export const FIXTURES = join(REPO, 'tests', 'fixtures');
/**
 * The shipped base, data/: it grows as people record articles. Only tests/data/ reads it, and only for
 * what must stay true however it grows (it validates; the seed articles' facts are there).
 */
export const BUNDLED_DATA = join(REPO, 'data');
/**
 * A frozen copy of data/ as it was with its five seed articles: tests that check exact output on
 * real records (counts, rankings, whole tables) run on it, so a new article in data/ breaks none.
 */
export const SEED_DATA = join(FIXTURES, 'seed', 'data');

/** The commands as the build finds them: every module of src/commands/, in name order. */
async function sourceCatalog(): Promise<CommandCatalog> {
  const names = readdirSync(join(REPO, 'src', 'commands'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
  const modules = new Map<string, AnyCommandDecl | GroupDecl>();
  for (const name of names)
    modules.set(
      name,
      ((await import(`../src/commands/${name}.ts`)) as { command: AnyCommandDecl | GroupDecl }).command,
    );
  // As in the build: the declarations as data, without their code.
  return { commands: JSON.parse(JSON.stringify([...modules.values()])), load: async (name) => modules.get(name)! };
}

let catalog: Promise<CommandCatalog> | undefined;

export interface RunResult {
  code: number;
  out: string;
  err: string;
  /** What the run wrote as bytes (io.outBytes: coop graph --format png); absent when none. */
  bytes?: Buffer;
}

export interface RunOptions {
  /** Run as on a terminal (tables, colour unless NO_COLOR) or, by default, as in a pipe. */
  tty?: boolean;
  /** Working directory: fixture paths print relative to it. */
  cwd?: string;
  env?: Record<string, string | undefined>;
  columns?: number;
  /** What the standard input holds (coop new article --summary -); none when left out. */
  stdin?: string;
}

/** Runs coop in-process with captured output, exactly as bin/coop would run it. */
export async function runCoop(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const env = options.env ?? {};
  const isTTY = options.tty ?? false;
  const io: IO = {
    out: (text) => void (out += text),
    outBytes: (chunk) => void bytes.push(chunk),
    err: (text) => void (err += text),
    isTTY,
    color: decideColor(isTTY, env),
    columns: options.columns ?? 100,
    env,
    cwd: options.cwd ?? REPO,
    readInput: options.stdin === undefined ? undefined : async () => options.stdin!,
  };
  // The default data folder is the frozen seed base, never data/: a test that forgets --data still
  // does not depend on what people have recorded in data/ since.
  const code = await runCli(args, io, { bundledData: SEED_DATA, catalog: await (catalog ??= sourceCatalog()) });
  return bytes.length === 0 ? { code, out, err } : { code, out, err, bytes: Buffer.concat(bytes) };
}

/** Runs coop on the fixture base tests/fixtures/<scenario>/data, from that scenario's folder. */
export function runOnFixture(scenario: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const cwd = join(FIXTURES, scenario);
  return runCoop([...args, '--data', 'data'], { ...options, cwd });
}

/**
 * Runs `fn` with os.tmpdir() answering `dir` (TMPDIR, TMP and TEMP set, then put back): the hostile
 * fixtures' front matter would write its marker file under os.tmpdir() if it ever ran, and a folder of
 * the test's own (mkdtemp) keeps two test runs at once from seeing each other's markers.
 */
export async function withTmpdir<T>(dir: string, fn: () => T | Promise<T>): Promise<T> {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = dir;
  try {
    return await fn();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
