/**
 * Fuzzing: thousands of mutations of real data files, each run through coop. Whatever the bytes,
 * coop must answer with a diagnostic, never a crash, a hang, a stack trace or a garbled terminal
 * (docs/ARCHITECTURE.md, "Bad input").
 *
 * Deterministic: every mutation is drawn from a PRNG seeded by the seed and the mutation's number,
 * so one failing case replays alone:
 *   COOP_FUZZ_SEED=<seed> COOP_FUZZ_CASE=<n> npx vitest run tests/fuzz
 * A failure also leaves the mutated file in a folder of os.tmpdir() named in the message.
 * COOP_FUZZ_SECONDS and COOP_FUZZ_MAX lengthen the in-process loop for a longer hunt.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCoop, SEED_DATA, type RunResult } from '../helpers.js';

const SEED = Number(process.env.COOP_FUZZ_SEED ?? 0x5eed_c00b) >>> 0;
const ONLY_CASE = process.env.COOP_FUZZ_CASE === undefined ? undefined : Number(process.env.COOP_FUZZ_CASE);
/**
 * In-process loop: this many mutations, the same on every machine (a count, not a time: a loaded
 * machine must not test less). npm test runs 1,000, to stay within its few minutes; `npm run
 * test:deep` runs 20,000 and 200 built-binary runs. A longer hunt may add a time limit:
 * COOP_FUZZ_SECONDS=600 COOP_FUZZ_MAX=100000 COOP_FUZZ_SEED=<any> npx vitest run tests/fuzz
 */
const MAX_MUTATIONS = Number(process.env.COOP_FUZZ_MAX ?? 1_000);
const TIME_BUDGET_MS =
  process.env.COOP_FUZZ_SECONDS === undefined ? Infinity : Number(process.env.COOP_FUZZ_SECONDS) * 1000;
const MIN_MUTATIONS = Math.min(1_000, MAX_MUTATIONS);
/** Built-binary loop. */
const BINARY_MUTATIONS = Number(process.env.COOP_FUZZ_BINARY ?? 15);
/**
 * A child that has not answered by then hangs. About 1 s on a quiet machine; far more room, since two
 * suites may share two busy cores.
 */
const CHILD_LIMIT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// The PRNG: mulberry32, one stream per mutation, derived from the seed and the mutation number.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number, stream: number, index: number) {
    // Mix the three into one 32-bit state (splitmix-style), so neighbouring cases differ entirely.
    let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
    this.next = mulberry32(h ^ (h >>> 16));
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// The small valid base: real files of the seed base (tests/fixtures/seed, a frozen copy of data/: this
// subset must not change as data/ grows), with the records and articles they cite.

/** Copied as they are. */
const BASE_FILES = [
  'organisations/observatoire-de-la-regionalisation.yaml',
  'organisations/agences-regionales-de-sante.yaml',
  'organisations/dgos.yaml',
  'organisations/ministere-de-la-sante.yaml',
  'organisations/etat.yaml',
  'organisations/eurometropole-de-strasbourg.yaml',
  'organisations/docaposte.yaml',
  'organisations/groupe-la-poste.yaml',
  'organisations/e-meuse-sante.yaml',
  'organisations/departement-de-la-meuse.yaml',
  'programmes/territoires-d-innovation.yaml',
  'programmes/pia.yaml',
  'programmes/grand-plan-d-investissement.yaml',
  'events/observatoire-de-la-regionalisation.yaml',
  'articles/quotidien-du-medecin-2013-10-09-think-tank-cooperations.md',
  'articles/ticsante-2019-11-territoire-de-sante-de-demain.md',
];
/** The seed funding file, keeping the lines whose recipient is in the small base. */
const FUNDING_FILE = 'funding/territoires-d-innovation.yaml';
const FUNDING_RECIPIENT = 'e-meuse-sante';

/** Records of the small base that `show` is asked for, by the file that holds them. */
const SHOWABLE: Record<string, string> = Object.fromEntries(
  BASE_FILES.filter((f) => !f.startsWith('events/')).map((f) => [
    f,
    f.replace(/^.*\//, '').replace(/\.(yaml|md)$/, ''),
  ]),
);
const SEARCH_WORDS = ['santé', 'meuse', 'PIA', 'observatoire', 'cite des fleurs', 'dgos', 'état', 'innovation', 'x'];

function fundingSubset(): Buffer {
  const text = readFileSync(join(SEED_DATA, FUNDING_FILE), 'utf8');
  const items = text.split(/^(?=- id: )/m);
  const kept = items.filter((item) => item.includes(`recipient: ${FUNDING_RECIPIENT}\n`));
  if (kept.length === 0) throw new Error(`no funding line of ${FUNDING_RECIPIENT} in ${FUNDING_FILE}`);
  return Buffer.from(kept.join(''), 'utf8');
}

/** Writes the small base into <root>/data; returns its files and their original bytes. */
function buildBase(root: string): Map<string, Buffer> {
  const originals = new Map<string, Buffer>();
  for (const file of BASE_FILES) {
    const target = join(root, 'data', file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(SEED_DATA, file), target);
    originals.set(file, readFileSync(target));
  }
  const funding = join(root, 'data', FUNDING_FILE);
  mkdirSync(dirname(funding), { recursive: true });
  const bytes = fundingSubset();
  writeFileSync(funding, bytes);
  originals.set(FUNDING_FILE, bytes);
  return originals;
}

// ---------------------------------------------------------------------------------------------
// Mutations. Each takes the bytes and returns new bytes and a short description for the report.

type Mutation = (bytes: Buffer, rng: Rng) => { bytes: Buffer; what: string };

const enc = (text: string) => Buffer.from(text, 'utf8');
const insertAt = (bytes: Buffer, at: number, piece: Buffer) =>
  Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
const show = (piece: Buffer | string) =>
  JSON.stringify(typeof piece === 'string' ? piece : piece.toString('latin1')).slice(0, 80);

const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n');
const joinLines = (parts: string[]) => Buffer.from(parts.join('\n'), 'latin1');

/** Characters that have broken terminals, parsers and table layouts. */
const UNICODE_POOL: readonly string[] = [
  // C0 controls, one by one, and DEL.
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\x7f',
  // C1 controls (CSI U+009B, NEL U+0085...).
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  // Escape sequences: colour, window title (OSC ... BEL), clear screen, 8-bit CSI, cursor moves, hyperlink.
  '\x1b[31m',
  '\x1b]0;pwned\x07',
  '\x1b[2J',
  '\x9b31m',
  '\x1b[1;1H',
  '\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\',
  '\r',
  '\r\n',
  '\x08\x08\x08',
  // Bidi: embeddings, overrides, isolates, marks; line and paragraph separators.
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u2028',
  '\u2029',
  '\u202egnp.exe',
  // Byte-order mark, non-characters, zero-width characters, no-break and odd spaces.
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ufffd',
  '\u200b',
  '\u200d',
  '\u00a0',
  '\u3000',
  '\u2003',
  // Emoji, a ZWJ family, a flag, a skin tone, a keycap; wide and combining characters.
  '😀',
  '👩‍👩‍👧‍👦',
  '🇫🇷',
  '👍🏽',
  '1️⃣',
  'Ｆｕｌｌ',
  '漢字',
  'é',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̸̧̛̹͓̈́a̵̢̛̬l̶̡̛g̷̨̛o̸̢̧',
  'שלום',
  'مرحبا',
  '\u{10ffff}',
  '\u{1d54f}',
  // Characters YAML gives a meaning to.
  ': ',
  '- ',
  '#',
  '"',
  "'",
  '\\',
  '\t',
  '&a ',
  '*a',
  '!!binary ',
  '!!js/function ',
  '!<tag:yaml.org,2002:str> ',
  '? ',
  '<<: *a',
  '{',
  '}',
  '[',
  ']',
  '|',
  '>-',
  '%',
  '@',
  '`',
  '~',
  '\n---\n',
  '\n...\n',
  '%YAML 1.1\n---\n',
  '__proto__: {}\n',
  'constructor: x\n',
  '0x7fffffffffffffff',
  '1e400',
  '-.inf',
  '.nan',
  '2019-02-30',
  '9999999999999999999999',
  '"\\e[31m"',
];

/** Byte sequences that are not UTF-8. */
const BAD_UTF8: readonly number[][] = [
  [0x80],
  [0xbf],
  [0xc0, 0xaf], // overlong "/"
  [0xc3], // a lead byte alone
  [0xe2, 0x82], // a three-byte character cut short
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe],
  [0xff],
  [0xe9], // Latin-1 é
  [0xef, 0xbb, 0xbf], // a byte-order mark in the middle
];

const MUTATIONS: Array<[name: string, weight: number, mutate: Mutation]> = [
  [
    'flip a bit',
    3,
    (b, r) => {
      if (b.length === 0) return { bytes: enc('x'), what: 'flip: empty file' };
      const out = Buffer.from(b);
      const at = r.int(out.length);
      const bit = 1 << r.int(8);
      out[at] = out[at]! ^ bit;
      return { bytes: out, what: `flip bit ${bit} at ${at}` };
    },
  ],
  [
    'set a byte',
    3,
    (b, r) => {
      if (b.length === 0) return { bytes: Buffer.from([r.int(256)]), what: 'set byte in an empty file' };
      const out = Buffer.from(b);
      const at = r.int(out.length);
      const value = r.int(256);
      out[at] = value;
      return { bytes: out, what: `set byte ${at} to 0x${value.toString(16)}` };
    },
  ],
  [
    'insert random bytes',
    3,
    (b, r) => {
      const piece = Buffer.from(Array.from({ length: 1 + r.int(16) }, () => r.int(256)));
      const at = r.int(b.length + 1);
      return { bytes: insertAt(b, at, piece), what: `insert bytes ${piece.toString('hex')} at ${at}` };
    },
  ],
  [
    'insert a lone high byte',
    2,
    (b, r) => {
      const piece = Buffer.from(r.pick(BAD_UTF8));
      const at = r.int(b.length + 1);
      return { bytes: insertAt(b, at, piece), what: `insert non-UTF-8 ${piece.toString('hex')} at ${at}` };
    },
  ],
  [
    'truncate',
    3,
    (b, r) => {
      const at = r.int(b.length + 1);
      return { bytes: b.subarray(0, at), what: `truncate at ${at}` };
    },
  ],
  [
    'delete a line',
    3,
    (b, r) => {
      const all = lines(b);
      const at = r.int(all.length);
      all.splice(at, 1);
      return { bytes: joinLines(all), what: `delete line ${at + 1}` };
    },
  ],
  [
    'swap two lines',
    3,
    (b, r) => {
      const all = lines(b);
      const i = r.int(all.length);
      const j = r.int(all.length);
      [all[i], all[j]] = [all[j]!, all[i]!];
      return { bytes: joinLines(all), what: `swap lines ${i + 1} and ${j + 1}` };
    },
  ],
  [
    'duplicate a line',
    3,
    (b, r) => {
      const all = lines(b);
      const at = r.int(all.length);
      const times = r.chance(0.9) ? 1 : 1 + r.int(2000);
      all.splice(at, 0, ...Array.from({ length: times }, () => all[at]!));
      return { bytes: joinLines(all), what: `duplicate line ${at + 1} ${times} time(s)` };
    },
  ],
  [
    'insert unicode anywhere',
    4,
    (b, r) => {
      const piece = r.pick(UNICODE_POOL).repeat(r.chance(0.9) ? 1 : 1 + r.int(50));
      const text = b.toString('utf8');
      // On a character boundary when the file is UTF-8: the character itself is what is tested.
      const chars = [...text];
      const at = r.int(chars.length + 1);
      chars.splice(at, 0, piece);
      return { bytes: enc(chars.join('')), what: `insert ${show(piece)} at character ${at}` };
    },
  ],
  [
    'insert unicode into a value',
    5,
    (b, r) => {
      // Right after a key's ": " (or at the end of a line): the value stays a value, and reaches
      // the tables, the search index and the JSON.
      const text = b.toString('utf8');
      const all = text.split('\n');
      const at = r.int(all.length);
      const line = all[at]!;
      const piece = r.pick(UNICODE_POOL);
      const colon = line.indexOf(': ');
      const position = colon !== -1 && r.chance(0.7) ? colon + 2 + r.int(line.length - colon - 1) : line.length;
      all[at] = line.slice(0, position) + piece + line.slice(position);
      return { bytes: enc(all.join('\n')), what: `insert ${show(piece)} in line ${at + 1} at column ${position + 1}` };
    },
  ],
  [
    'nest deeply',
    1,
    (b, r) => {
      const kind = r.int(4);
      const depth = 10 + r.int(3000);
      const piece =
        kind === 0
          ? '['.repeat(depth)
          : kind === 1
            ? '{a: '.repeat(depth)
            : kind === 2
              ? '- '.repeat(depth) + 'x\n'
              : Array.from({ length: Math.min(depth, 300) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
      const all = lines(b);
      const at = r.int(all.length + 1);
      all.splice(at, 0, Buffer.from(piece, 'utf8').toString('latin1'));
      return {
        bytes: joinLines(all),
        what: `nest ${['[', '{a: ', '- ', 'indentation'][kind]} ${depth} deep at line ${at + 1}`,
      };
    },
  ],
  [
    'alias bomb',
    1,
    (b, r) => {
      const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++)
        bomb.push(
          `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(96 + i)}`)
            .join(',')}]`,
        );
      const all = lines(b);
      const at = r.int(all.length + 1);
      all.splice(at, 0, ...bomb);
      return { bytes: joinLines(all), what: `alias bomb at line ${at + 1}` };
    },
  ],
  [
    'grow past the size cap',
    0.2,
    (b) => {
      // Comment lines: past 1 MiB the file is refused unread.
      const filler = Buffer.from('# ' + 'x'.repeat(98) + '\n');
      return { bytes: Buffer.concat([b, ...Array.from({ length: 10_700 }, () => filler)]), what: 'grow past 1 MiB' };
    },
  ],
  [
    'empty the file',
    0.3,
    (_b, r) =>
      r.chance(0.5)
        ? { bytes: Buffer.alloc(0), what: 'empty file' }
        : { bytes: Buffer.from('\n\n  \n'), what: 'blank file' },
  ],
];
const TOTAL_WEIGHT = MUTATIONS.reduce((sum, [, weight]) => sum + weight, 0);

function pickMutation(rng: Rng): Mutation {
  let x = rng.int(TOTAL_WEIGHT * 10) / 10;
  for (const [, weight, mutate] of MUTATIONS) {
    if (x < weight) return mutate;
    x -= weight;
  }
  return MUTATIONS[0]![2];
}

interface Case {
  index: number;
  file: string;
  bytes: Buffer;
  steps: string[];
}

/** The mutated bytes of case `index` of a stream: one file, one to three mutations stacked. */
function makeCase(originals: Map<string, Buffer>, stream: number, index: number): Case {
  const rng = new Rng(SEED, stream, index);
  const file = rng.pick([...originals.keys()]);
  let bytes = originals.get(file)!;
  const steps: string[] = [];
  const count = rng.chance(0.7) ? 1 : 2 + rng.int(2);
  for (let i = 0; i < count; i++) {
    const result = pickMutation(rng)(bytes, rng);
    bytes = result.bytes;
    steps.push(result.what);
  }
  return { index, file, bytes, steps };
}

// ---------------------------------------------------------------------------------------------
// What must hold of every run.

/** Characters that must never reach a terminal raw (tab and newline aside). */
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/;
/** The SGR colour codes coop writes itself when colour is on. */
const SGR = /\x1b\[[0-9;]*m/g;
const BASE_ERRORS_LINE = /^coop: the base has \d+ errors? \(see coop validate\); answering from the valid records\n/;
const NOT_FOUND = /^coop: no [a-z ]+ "[^"\n]*"\n( {2}hint: did you mean "[^\n]*"\?\n)?$/;
/** What the query commands say on stderr on a terminal, after the data. */
const TERMINAL_NOTES = [
  /^\d+ organisations?\n$/,
  /^No organisation matches\.\n$/,
  /^\d+ events?\n$/,
  /^No event matches\.\n$/,
  /^\d+ results?( \(--limit \d+: there may be more\))?\n$/,
  /^No match for "[^\n]*"\.\n$/,
];
const STACK_LINE = /^ {4}at /m;

function describeChar(text: string): string {
  const found = DANGEROUS.exec(text);
  if (!found) return '';
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, found.index - 30), found.index + 30))}`;
}

interface Expectation {
  /** stdout must parse as JSON. */
  json?: boolean;
  /** A query command: the one-line message on the base's errors may come first on stderr. */
  query?: boolean;
  /** `show` of the damaged record: "no record" with exit 1 is a fair answer. */
  notFound?: boolean;
  /** Run as a terminal: the count line after the data, and colour codes, are coop's own. */
  terminal?: boolean;
}

/** Problems with one run; [] when all is well. */
function checkRun(args: readonly string[], result: RunResult | Error, expect: Expectation): string[] {
  const command = args.join(' ') + (expect.terminal ? ' (terminal)' : '');
  if (result instanceof Error) return [`${command}: threw ${result.name}: ${result.message.split('\n')[0]}`];
  const problems: string[] = [];
  if (result.code !== 0 && result.code !== 1)
    problems.push(`${command}: exit code ${result.code} (err ${JSON.stringify(result.err.slice(0, 200))})`);
  if (expect.json) {
    try {
      JSON.parse(result.out);
    } catch {
      problems.push(`${command}: stdout is not JSON: ${JSON.stringify(result.out.slice(0, 200))}`);
    }
  }
  const out = result.out.replace(SGR, '');
  const errText = result.err.replace(SGR, '');
  let err = errText;
  if (expect.query) err = err.replace(BASE_ERRORS_LINE, '');
  if (expect.notFound && result.code === 1 && NOT_FOUND.test(err)) err = '';
  if (expect.terminal && TERMINAL_NOTES.some((note) => note.test(err))) err = '';
  if (err !== '') problems.push(`${command}: unexpected stderr ${JSON.stringify(result.err.slice(0, 300))}`);
  const rawOut = describeChar(out);
  if (rawOut) problems.push(`${command}: raw ${rawOut} in stdout`);
  const rawErr = describeChar(errText);
  if (rawErr) problems.push(`${command}: raw ${rawErr} in stderr`);
  return problems;
}

async function run(
  args: readonly string[],
  cwd: string,
  terminal?: { columns: number; colour: boolean },
): Promise<RunResult | Error> {
  try {
    return await runCoop(
      args,
      terminal ? { cwd, tty: true, columns: terminal.columns, env: terminal.colour ? {} : { NO_COLOR: '1' } } : { cwd },
    );
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Keeps a failing case's file where a person can look at it. */
function keepFailure(c: Case, stream: number): string {
  // mkdtemp: two runs at once that fail on the same case keep a folder each.
  const folder = mkdtempSync(join(tmpdir(), `coop-fuzz-failure-seed${SEED}-s${stream}-case${c.index}-`));
  mkdirSync(dirname(join(folder, c.file)), { recursive: true });
  writeFileSync(join(folder, c.file), c.bytes);
  return folder;
}

function report(c: Case, stream: number, problems: string[]): string {
  return `seed ${SEED} case ${c.index} (${c.file}: ${c.steps.join('; ')}), file kept in ${keepFailure(c, stream)}:\n  ${problems.join('\n  ')}`;
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing coop with mutated data files', () => {
  let root: string;
  let originals: Map<string, Buffer>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'coop-fuzz-'));
    originals = buildBase(root);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('starts from a valid base', async () => {
    const result = await runCoop(['validate', '--data', 'data', '--no-cache', '--format', 'json'], { cwd: root });
    expect(JSON.parse(result.out).diagnostics).toEqual([]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out).records).toEqual({
      organisations: 10,
      programmes: 3,
      funding: 2,
      events: 1,
      articles: 2,
      people: 0,
      agreements: 0,
    });
  });

  it(
    `survives ${MAX_MUTATIONS} mutations in-process (seed ${SEED}; replay one with COOP_FUZZ_SEED=${SEED} COOP_FUZZ_CASE=n)`,
    async () => {
      const started = performance.now();
      const failures: string[] = [];
      const rules = new Map<string, number>();
      let ran = 0;
      let invalid = 0;
      let queried = 0;
      const first = ONLY_CASE ?? 0;
      const last = ONLY_CASE ?? MAX_MUTATIONS - 1;
      for (let index = first; index <= last; index++) {
        if (ONLY_CASE === undefined && performance.now() - started > TIME_BUDGET_MS) break;
        const c = makeCase(originals, 0, index);
        const target = join(root, 'data', c.file);
        writeFileSync(target, c.bytes);
        try {
          const problems: string[] = [];
          const validate = ['validate', '--data', 'data', '--no-cache', '--format', 'json'];
          const result = await run(validate, root);
          problems.push(...checkRun(validate, result, { json: true }));
          if (!(result instanceof Error) && result.code === 1) {
            invalid++;
            try {
              for (const d of JSON.parse(result.out).diagnostics as Array<{ rule: string }>)
                rules.set(d.rule, (rules.get(d.rule) ?? 0) + 1);
            } catch {
              // Reported above.
            }
          }
          if (index % 10 === 0) {
            // The query commands on the same damaged base: in a pipe, and every other time on a
            // terminal of some width, with or without colour.
            queried++;
            const rng = new Rng(SEED, 1, index);
            const terminal =
              index % 20 === 10 ? { columns: rng.pick([20, 40, 80, 100, 160]), colour: rng.chance(0.5) } : undefined;
            const others = Object.entries(SHOWABLE).filter(([file]) => file !== c.file);
            const queries: Array<{ args: string[]; notFound?: boolean }> = [
              { args: ['list'] },
              { args: ['show', rng.pick(others)[1]] },
              { args: ['search', rng.pick(SEARCH_WORDS)] },
              { args: ['events'] },
            ];
            // The damaged record itself: it may be gone ("no record"), never a crash.
            if (SHOWABLE[c.file]) queries.push({ args: ['show', SHOWABLE[c.file]!], notFound: true });
            for (const query of queries) {
              const args = [...query.args, '--data', 'data', '--no-cache'];
              problems.push(
                ...checkRun(args, await run(args, root, terminal), {
                  query: true,
                  notFound: query.notFound ?? false,
                  terminal: terminal !== undefined,
                }),
              );
            }
          }
          if (problems.length > 0 && failures.length < 20) failures.push(report(c, 0, problems));
        } finally {
          writeFileSync(target, originals.get(c.file)!);
        }
        ran++;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const seen = [...rules].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`);
      console.log(
        `coop fuzz: seed ${SEED}, ${ran} mutations in-process in ${seconds} s (${invalid} found invalid, ${queried} with the query commands), ${failures.length} failing; rules seen: ${seen.join(', ')}`,
      );
      expect(failures).toEqual([]);
      if (ONLY_CASE === undefined) expect(ran).toBeGreaterThanOrEqual(MIN_MUTATIONS);
      // A hang guard, far above what the loop needs (about 15 s on a quiet machine).
    },
    Number.isFinite(TIME_BUDGET_MS) ? TIME_BUDGET_MS + 95_000 : 600_000,
  );
});

describe('fuzzing the built binary', () => {
  const BIN = join(REPO, 'bin', 'coop.cjs');
  /** Two bases, one per child process at a time: the machines have two cores. */
  const roots: string[] = [];
  let originals: Map<string, Buffer>;

  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'main.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
    for (let i = 0; i < 2; i++) {
      roots.push(mkdtempSync(join(tmpdir(), 'coop-fuzz-bin-')));
      originals = buildBase(roots[i]!);
    }
  }, 60_000);
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** Runs `coop validate` as a person would, through pipes, with a time limit. */
  function validateChild(
    cwd: string,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string; timedOut: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'validate', '--data', 'data', '--no-cache'], {
        cwd,
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      let timedOut = false;
      child.stdout.setEncoding('utf8').on('data', (text: string) => void (out += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => void (err += text));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, CHILD_LIMIT_MS);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, out, err, timedOut });
      });
    });
  }

  it(`survives ${BINARY_MUTATIONS} mutations as a child process (seed ${SEED})`, async () => {
    const failures: string[] = [];
    const first = ONLY_CASE ?? 0;
    const last = ONLY_CASE ?? BINARY_MUTATIONS - 1;
    const worker = async (w: number) => {
      for (let index = first + w; index <= last; index += roots.length) {
        const c = makeCase(originals, 2, index);
        const target = join(roots[w]!, 'data', c.file);
        writeFileSync(target, c.bytes);
        try {
          const result = await validateChild(roots[w]!);
          const problems: string[] = [];
          if (result.timedOut) problems.push(`no answer within ${CHILD_LIMIT_MS / 1000} s`);
          if (result.code !== 0 && result.code !== 1)
            problems.push(`exit code ${result.code} (signal ${result.signal})`);
          if (STACK_LINE.test(result.err))
            problems.push(`stack trace on stderr: ${JSON.stringify(result.err.slice(0, 300))}`);
          if (/internal error/i.test(result.err + result.out))
            problems.push(`internal error: ${JSON.stringify(result.err.slice(0, 300))}`);
          if (result.err !== '') problems.push(`unexpected stderr: ${JSON.stringify(result.err.slice(0, 300))}`);
          if (!/^[✔✖⚠] /m.test(result.out)) problems.push(`no summary line: ${JSON.stringify(result.out.slice(-300))}`);
          const raw = describeChar(result.out);
          if (raw) problems.push(`raw ${raw} in stdout`);
          if (problems.length > 0) failures.push(report(c, 2, problems));
        } finally {
          writeFileSync(target, originals.get(c.file)!);
        }
      }
    };
    await Promise.all(roots.map((_, w) => worker(w)));
    expect(failures).toEqual([]);
    // A hang guard: about 40 s on a quiet machine, 93 s seen on a busy one.
  }, 600_000);
});
