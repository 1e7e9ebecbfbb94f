#!/usr/bin/env node
// The benchmark (docs/ARCHITECTURE.md, "Speed"): wall time and peak memory of coop's commands, on the bundled
// data and on generated bases, each next to a reference measured in the same run.
//
//   node scripts/bench.mjs [--sizes 1000,10000] [--runs 5] [--out bench/RESULTS.md] [--only publish]
//
// --only publish measures only what publishes the base (cold validate as the reference, coop site,
// coop export --format sqlite, the site's search index gzip-compressed) and prints it, without
// writing RESULTS.md: the figures to quote in its "Publishing" section.
//
// Every measured command runs as a child process (stdout to /dev/null), `runs` times after one
// untimed run; the figures are the median, min and max wall time (process.hrtime around the whole
// child) and the highest peak RSS, read by a preload (bench/rss.cjs) from process.resourceUsage().
// Cold = an empty COOP_CACHE_DIR before every run (or --no-cache); warm = the same COOP_CACHE_DIR,
// filled by the untimed run. Missing bases are generated first by scripts/bench-gen.mjs. Writes the
// results as Markdown (default bench/RESULTS.md) and prints a summary.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** coop as installed: the file package.json's "bin" names (bin/coop when it names none). */
const COOP = (() => {
  try {
    const bin = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin;
    const path = typeof bin === 'string' ? bin : bin?.coop;
    if (path) return join(ROOT, path);
  } catch {
    // the default below
  }
  return join(ROOT, 'bin', 'coop');
})();
const RSS_PRELOAD = join(ROOT, 'bench', 'rss.cjs');
const BARE_PARSE = join(ROOT, 'bench', 'bare-parse.mjs');
const BUNDLED_DATA = join(ROOT, 'data');
const GENERATOR = join(ROOT, 'scripts', 'bench-gen.mjs');
const GENERATOR_VERSION = 1;
/** A run that takes longer than this is stopped and reported as failed. */
const RUN_TIMEOUT_MS = 15 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { sizes: [1000, 10000], runs: 5, out: join(ROOT, 'bench', 'RESULTS.md'), only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${name} needs a value`);
    if (name === '--sizes')
      args.sizes = value()
        .split(',')
        .map((s) => Number(s.trim().replace(/_/g, '')));
    else if (name === '--runs') args.runs = Number(value());
    else if (name === '--out') args.out = resolve(value());
    else if (name === '--only') {
      args.only = value();
      if (args.only !== 'publish') fail('--only: publish is the one part that runs alone');
    } else if (name === '--help' || name === '-h') {
      process.stdout.write(
        'usage: node scripts/bench.mjs [--sizes 1000,10000] [--runs 5] [--out bench/RESULTS.md] [--only publish]\n',
      );
      process.exit(0);
    } else fail(`unknown argument ${arg}`);
  }
  if (args.sizes.some((n) => !Number.isSafeInteger(n) || n < 5))
    fail('--sizes: whole numbers of organisations, at least 5, separated by commas');
  args.sizes = [...new Set(args.sizes)].sort((a, b) => a - b);
  if (!Number.isSafeInteger(args.runs) || args.runs < 1) fail('--runs must be a whole number, at least 1');
  return args;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Running and measuring

const scratch = mkdtempSync(join(tmpdir(), 'coop-bench-'));
let rssCounter = 0;
/** The environment of every measured run: the caller's, without coop's own variables. */
const baseEnv = { ...process.env };
for (const key of Object.keys(baseEnv)) if (key.startsWith('COOP_') || key === 'NODE_OPTIONS') delete baseEnv[key];
/** Where runs that use no cache of their own keep one, so that the person's cache is never touched. */
const spareCache = join(scratch, 'spare-cache');

function freshDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** One run of `node -r rss.cjs ...args`: wall time, peak RSS of the process, exit code, stderr. */
function runOnce(args, cacheDir) {
  const rssFile = join(scratch, `rss-${++rssCounter}`);
  const env = { ...baseEnv, COOP_CACHE_DIR: cacheDir ?? spareCache, BENCH_RSS_FILE: rssFile };
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', RSS_PRELOAD, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: RUN_TIMEOUT_MS,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssKB;
  if (existsSync(rssFile)) {
    const values = readFileSync(rssFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number(line.split(' ')[1]));
    rssKB = Math.max(...values);
    rmSync(rssFile, { force: true });
  }
  const code =
    child.status ??
    (child.signal
      ? `signal ${child.signal}`
      : child.error
        ? String(child.error.code ?? child.error.message)
        : 'unknown');
  return { ms, rssKB, code, stderr: child.stderr ? child.stderr.toString('utf8') : '' };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Measures one command. mode: 'plain' (no cache in play), 'cold' (an empty cache before each
 * run), 'warm' (the cache the caller emptied once; the untimed run fills what this command needs,
 * the timed runs reuse it). Every mode but cold starts with one untimed run, so that the data files
 * are in the page cache for all.
 */
function measure({ label, args, mode, cacheDir, runs, expect = 0, note }) {
  const result = { label, mode, args, samples: [], rss: [], note, failure: undefined };
  const check = (run) => {
    if (run.code === expect) return true;
    const firstLine = run.stderr.trim().split('\n')[0] ?? '';
    result.failure = `exit ${run.code}${firstLine ? `: ${firstLine}` : ''}`;
    return false;
  };
  if (mode !== 'cold') {
    const first = runOnce(args, cacheDir);
    if (!check(first)) return report(result);
  }
  for (let i = 0; i < runs; i++) {
    if (mode === 'cold') freshDir(cacheDir);
    const run = runOnce(args, cacheDir);
    if (!check(run)) return report(result);
    result.samples.push(run.ms);
    if (run.rssKB !== undefined) result.rss.push(run.rssKB);
  }
  return report(result);
}

function report(result) {
  if (result.samples.length) {
    result.median = median(result.samples);
    result.min = Math.min(...result.samples);
    result.max = Math.max(...result.samples);
  }
  result.rssMB = result.rss.length ? Math.max(...result.rss) / 1024 : undefined;
  const figures = result.failure
    ? `FAILED (${result.failure})`
    : `${ms(result.median)} median (${ms(result.min)}-${ms(result.max)}), ${mb(result.rssMB)}`;
  process.stdout.write(`  ${result.label.padEnd(46)} ${result.mode.padEnd(5)} ${figures}\n`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const ms = (value) =>
  value === undefined
    ? 'n/a'
    : value >= 10000
      ? `${(value / 1000).toFixed(1)} s`
      : value >= 1000
        ? `${(value / 1000).toFixed(2)} s`
        : `${value.toFixed(0)} ms`;
const mb = (value) => (value === undefined ? 'n/a' : `${value.toFixed(0)} MB`);
const ratio = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}x`);
const count = (n) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Bases

function ensureBase(n) {
  const dir = join(ROOT, 'bench', `data-${n}`);
  const markerPath = join(dir, '.bench-gen.json');
  let marker = existsSync(markerPath) ? JSON.parse(readFileSync(markerPath, 'utf8')) : undefined;
  if (!marker || marker.orgs !== n || marker.generator !== GENERATOR_VERSION) {
    process.stdout.write(`generating ${relative(ROOT, dir)} ...\n`);
    const started = process.hrtime.bigint();
    const gen = spawnSync(process.execPath, [GENERATOR, '--orgs', String(n), '--out', dir], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (gen.status !== 0) fail(`bench-gen failed for ${n} organisations`);
    marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    marker.generatedInMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return { n, dir, marker };
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => /^model name\s*:/.test(l));
    if (line) cpu = line.replace(/^model name\s*:\s*/, '').trim();
  } catch {
    // not Linux: os.cpus() said it
  }
  let coopVersion = 'unknown';
  try {
    coopVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  } catch {
    // reported as unknown
  }
  return {
    node: process.version,
    platform: `${type()} ${release()} (${process.arch})`,
    cpu,
    cores: cpus().length,
    memoryGB: totalmem() / 1024 ** 3,
    freeGB: freemem() / 1024 ** 3,
    coopVersion,
  };
}

// ---------------------------------------------------------------------------------------------
// The benchmark

/**
 * Publishing a base: `coop site` and `coop export --format sqlite`, each cold (an empty cache, as a
 * first publication), next to a cold `coop validate` of the same base; and the size of the site's
 * search index once gzip-compressed, what a browser downloads.
 */
function measurePublish(base, runs) {
  const { dir } = base;
  const data = ['--data', dir];
  const cold = join(scratch, `cache-${base.n}-publish`);
  const site = join(scratch, `site-${base.n}`);
  const db = join(scratch, `coop-${base.n}.db`);
  const results = {
    validate: measure({
      label: 'coop validate',
      args: [COOP, 'validate', ...data],
      mode: 'cold',
      cacheDir: cold,
      runs,
    }),
    site: measure({
      label: 'coop site',
      args: [COOP, 'site', '--out', site, ...data],
      mode: 'cold',
      cacheDir: cold,
      runs,
    }),
    sqlite: measure({
      label: 'coop export --format sqlite',
      args: [COOP, 'export', '--format', 'sqlite', '--out', db, '--force', ...data],
      mode: 'cold',
      cacheDir: cold,
      runs,
    }),
  };
  const indexFile = join(site, 'assets', 'search-index.js');
  if (existsSync(indexFile)) {
    const raw = readFileSync(indexFile);
    results.searchIndex = { bytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length };
  }
  return results;
}

function publishSummary(sized, load) {
  const out = [`publishing (load average at the start: ${load})`];
  for (const { n, publish } of sized) {
    const v = publish.validate.median;
    const line = (name, result, limit) =>
      `  ${count(n)} orgs  ${name.padEnd(28)} ${result.failure ? `FAILED (${result.failure})` : `${ms(result.median)} = ${ratio(result.median / v)} a cold validate (${ms(v)}); target ≤ ${limit}x: ${result.median / v <= limit ? 'met' : 'NOT met'}`}`;
    out.push(line('coop site', publish.site, 2), line('coop export --format sqlite', publish.sqlite, 1));
    const index = publish.searchIndex;
    if (index)
      out.push(
        `  ${count(n)} orgs  search index                 ${(index.bytes / 1e6).toFixed(2)} MB, ${(index.gzipBytes / 1e6).toFixed(2)} MB gzip-compressed; target < 5 MB: ${index.gzipBytes < 5e6 ? 'met' : 'NOT met'}`,
      );
  }
  return out.join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.only === 'publish') {
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const sized = args.sizes.map(ensureBase).map((base) => {
      process.stdout.write(`${count(base.n)} organisations: publishing\n`);
      return { ...base, publish: measurePublish(base, args.runs) };
    });
    process.stdout.write(`\n${publishSummary(sized, load)}\n`);
    rmSync(scratch, { recursive: true, force: true });
    return;
  }
  const began = process.hrtime.bigint();
  const startedAt = new Date();
  const host = machine();
  process.stdout.write(
    `coop benchmark: node ${host.node}, ${host.cpu}, ${host.cores} cores; ${args.runs} runs per command; sizes ${args.sizes.join(', ')}\n`,
  );

  // coop must run at all before anything is measured.
  const probe = runOnce([COOP, '--help']);
  if (probe.code !== 0)
    fail(
      `${relative(ROOT, COOP)} --help failed (exit ${probe.code}); build coop first (node scripts/build.mjs)\n${probe.stderr}`,
    );

  const bases = args.sizes.map(ensureBase);
  const runs = args.runs;
  const coop = (...rest) => [COOP, ...rest];

  process.stdout.write('start-up\n');
  const nodeStart = measure({ label: 'node -e 0', args: ['-e', '0'], mode: 'plain', runs });
  const help = measure({ label: 'coop --help', args: coop('--help'), mode: 'plain', runs });

  process.stdout.write('bundled data\n');
  const bundledCache = join(scratch, 'cache-bundled');
  const bundledCold = join(scratch, 'cache-bundled-cold');
  // Cold by --no-cache; until coop has it, by an empty cache, said in the results.
  let listCold = measure({
    label: 'coop list',
    args: coop('list', '--no-cache'),
    mode: 'cold',
    cacheDir: bundledCold,
    runs,
  });
  if (listCold.failure && /no-cache|unknown option/i.test(listCold.failure)) {
    listCold = measure({
      label: 'coop list',
      args: coop('list'),
      mode: 'cold',
      cacheDir: bundledCold,
      runs,
      note: '--no-cache was refused; cold by an empty COOP_CACHE_DIR',
    });
  }
  freshDir(bundledCache);
  const bundled = {
    bare: measure({
      label: 'bare read + yaml parse (reference)',
      args: [BARE_PARSE, BUNDLED_DATA],
      mode: 'plain',
      runs,
    }),
    list: measure({ label: 'coop list', args: coop('list'), mode: 'warm', cacheDir: bundledCache, runs }),
    listCold,
    show: measure({
      label: 'coop show alliance-ouest-parisien',
      args: coop('show', 'alliance-ouest-parisien'),
      mode: 'warm',
      cacheDir: bundledCache,
      runs,
    }),
    validate: measure({ label: 'coop validate', args: coop('validate'), mode: 'cold', cacheDir: bundledCold, runs }),
  };

  const sized = [];
  for (const base of bases) {
    const { n, dir, marker } = base;
    const p = marker.probes;
    const data = ['--data', dir];
    const cold = join(scratch, `cache-${n}-cold`);
    const warm = join(scratch, `cache-${n}-warm`);
    process.stdout.write(
      `${count(n)} organisations (${count(marker.files)} files, ${(marker.bytes / 1e6).toFixed(1)} MB)\n`,
    );
    const results = {
      bare: measure({ label: 'bare read + yaml parse (reference)', args: [BARE_PARSE, dir], mode: 'plain', runs }),
      validate: measure({
        label: 'coop validate',
        args: coop('validate', ...data),
        mode: 'cold',
        cacheDir: cold,
        runs,
      }),
    };
    // The warm commands share one cache, as one person's successive commands would.
    freshDir(warm);
    const warmRun = (label, rest) =>
      measure({ label, args: coop(...rest, ...data), mode: 'warm', cacheDir: warm, runs });
    results.list = warmRun(`coop list --region ${p.region}`, ['list', '--region', p.region]);
    results.show = warmRun(`coop show ${p.show}`, ['show', p.show]);
    results.search = warmRun(`coop search ${p.search}`, ['search', p.search]);
    results.funding = warmRun(`coop funding --program ${p.program}`, ['funding', '--program', p.program]);
    results.events = warmRun(`coop events --org ${p.eventsOrg}`, ['events', '--org', p.eventsOrg]);
    sized.push({ ...base, results });
  }

  // Publishing, on the largest base only (the site of 10,000 organisations takes minutes).
  const largest = sized[sized.length - 1];
  if (largest) {
    process.stdout.write(`${count(largest.n)} organisations: publishing\n`);
    largest.publish = measurePublish(largest, runs);
  }

  process.stdout.write('start-up again (the reference is the median of both)\n');
  const nodeEnd = measure({ label: 'node -e 0', args: ['-e', '0'], mode: 'plain', runs });
  const nodeRef = median([...nodeStart.samples, ...nodeEnd.samples]);

  const totalMs = Number(process.hrtime.bigint() - began) / 1e6;
  const markdown = render({ args, host, startedAt, totalMs, nodeStart, nodeEnd, nodeRef, help, bundled, sized });
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, markdown);
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`\n${summary}\nwrote ${relative(process.cwd(), args.out) || args.out} in ${ms(totalMs)}\n`);
}

let summary = '';

// ---------------------------------------------------------------------------------------------
// RESULTS.md

function render({ args, host, startedAt, totalMs, nodeStart, nodeEnd, nodeRef, help, bundled, sized }) {
  const lines = [];
  const push = (...more) => lines.push(...more);
  const target = sized.find((s) => s.n === 10000) ?? sized[sized.length - 1];
  const targetLabel = target ? `${count(target.n)} organisations` : 'no generated base';
  const r = (result, reference) => (result?.median !== undefined && reference ? result.median / reference : undefined);

  // Targets
  const targets = [];
  const addTarget = (name, result, reference, limit) => {
    const value = r(result, reference);
    targets.push({
      name,
      measured: result?.failure ? `failed: ${result.failure}` : `${ms(result?.median)} vs ${ms(reference)}`,
      value,
      limit: `≤ ${limit}x`,
      met: value !== undefined && value <= limit,
    });
  };
  addTarget('`coop --help` vs `node -e 0`', help, nodeRef, 1.3);
  addTarget('`coop list` on the bundled data (warm) vs `node -e 0`', bundled.list, nodeRef, 1.5);
  if (target) {
    const t = target.results;
    addTarget(`cold \`validate\`, ${targetLabel}, vs bare parse`, t.validate, t.bare.median, 1.2);
    for (const key of ['list', 'show', 'funding', 'search'])
      addTarget(`warm \`${key}\`, ${targetLabel}, vs \`node -e 0\``, t[key], nodeRef, 4);
    const rssValues = Object.entries(t)
      .filter(([key]) => key !== 'bare')
      .map(([, v]) => v.rssMB)
      .filter((v) => v !== undefined);
    const peak = rssValues.length ? Math.max(...rssValues) : undefined;
    const worst = Object.entries(t)
      .filter(([key]) => key !== 'bare')
      .sort((a, b) => (b[1].rssMB ?? 0) - (a[1].rssMB ?? 0))[0];
    targets.push({
      name: `peak memory of any coop command, ${targetLabel}`,
      measured: `${mb(peak)} (${worst ? `\`${worst[0]}\`` : 'n/a'})`,
      value: undefined,
      limit: '< 400 MB',
      met: peak !== undefined && peak < 400,
    });
  }

  // Linearity: each pair of consecutive sizes.
  const commands = ['validate', 'list', 'show', 'search', 'funding', 'events', 'bare'];
  const linearity = [];
  for (let i = 1; i < sized.length; i++) {
    const small = sized[i - 1];
    const large = sized[i];
    const dataRatio = large.n / small.n;
    for (const key of commands) {
      const a = small.results[key];
      const b = large.results[key];
      const timeRatio = a.median && b.median ? b.median / a.median : undefined;
      const aboveStart =
        a.median && b.median && a.median > nodeRef ? (b.median - nodeRef) / (a.median - nodeRef) : undefined;
      const memRatio = a.rssMB && b.rssMB ? b.rssMB / a.rssMB : undefined;
      linearity.push({
        key,
        label: b.label,
        from: small.n,
        to: large.n,
        dataRatio,
        timeRatio,
        aboveStart,
        memRatio,
        met: timeRatio !== undefined && timeRatio <= dataRatio * 1.25,
      });
    }
  }

  push('# coop benchmark', '');
  push(
    `Written by \`npm run bench\` (scripts/bench.mjs) on ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}, in ${ms(totalMs)}: ` +
      `\`node scripts/bench.mjs --sizes ${args.sizes.join(',')} --runs ${args.runs}\`. Targets are those of docs/ARCHITECTURE.md, "Speed".`,
    '',
  );
  push('## Machine', '');
  push(`- Node ${host.node} on ${host.platform}`);
  push(`- CPU: ${host.cpu}, ${host.cores} cores`);
  push(`- Memory: ${host.memoryGB.toFixed(1)} GB (${host.freeGB.toFixed(1)} GB free at the start)`);
  push(`- coop ${host.coopVersion}, as built in dist/ (${relative(ROOT, COOP)})`, '');
  push('## How it measures', '');
  push(
    `- Each command runs as a child process with stdout to /dev/null (so coop writes as into a pipe: TSV), ${args.runs} timed runs after one untimed run (none for cold runs).`,
    '- Time: wall clock around the whole child process (process.hrtime), start-up included. Median, min and max of the runs.',
    '- Peak RSS: the highest `process.resourceUsage().maxRSS` of the runs, written on exit by a preload (`node -r bench/rss.cjs`); every measured process, the references included, carries the same preload.',
    '- Cold: an empty `COOP_CACHE_DIR` before every run (or `--no-cache`). Warm: the same `COOP_CACHE_DIR` for all the warm commands on a base, filled by the untimed runs.',
    "- References: `node -e 0` for start-up (measured at the start and at the end; the median of both sets is used); for a cold load, `bench/bare-parse.mjs`, which reads every file of the same base and parses it with the `yaml` package's `parse` (front matter only for articles) in one process.",
    '- Generated bases (`scripts/bench-gen.mjs`, seed 1): N organisations with 5 members each, N funding lines, 2N events, N/5 articles, a few programmes; real communes, accents, aliases; they pass `coop validate --strict`.',
    '',
  );

  push('## Targets', '');
  push('| target | measured | ratio | limit | verdict |', '|---|---|---|---|---|');
  for (const t of targets)
    push(
      `| ${t.name} | ${t.measured} | ${t.value === undefined ? '' : ratio(t.value)} | ${t.limit} | ${t.met ? 'met' : '**NOT met**'} |`,
    );
  const sizesText = sized.map((s) => count(s.n)).join(' → ');
  const linearMet = linearity.filter((l) => l.key !== 'bare').every((l) => l.met);
  push(
    `| cost linear in the size (${sizesText}) | see Linearity below | | ≤ 1.25 × the data ratio | ${linearity.length === 0 ? 'n/a (one size)' : linearMet ? 'met' : '**NOT met**'} |`,
    '',
  );

  const table = (title, rows) => {
    push(title, '');
    push('| command | cache | median | min | max | peak RSS | ratio | to |', '|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      const { result, reference, referenceLabel } = row;
      if (result.failure) {
        push(
          `| ${result.args[0] === BARE_PARSE ? result.label : `\`${result.label}\``} | ${result.mode === 'plain' ? '' : result.mode} | FAILED: ${result.failure.replace(/\|/g, '\\|')} | | | | | |`,
        );
        continue;
      }
      const value = reference ? r(result, reference) : undefined;
      const name = result.args[0] === BARE_PARSE ? result.label : `\`${result.label}\``;
      push(
        `| ${name} | ${result.mode === 'plain' ? '' : result.mode} | ${ms(result.median)} | ${ms(result.min)} | ${ms(result.max)} | ${mb(result.rssMB)} | ${value === undefined ? '' : ratio(value)} | ${value === undefined ? '' : referenceLabel} |`,
      );
    }
    const notes = rows.map((row) => row.result.note).filter(Boolean);
    push('');
    for (const note of new Set(notes)) push(`Note: ${note}.`, '');
  };

  table('## Start-up', [
    { result: nodeStart, reference: undefined },
    { result: nodeEnd, reference: undefined },
    { result: help, reference: nodeRef, referenceLabel: '`node -e 0`' },
  ]);
  table('## Bundled data (data/)', [
    { result: bundled.bare, reference: nodeRef, referenceLabel: '`node -e 0`' },
    { result: bundled.list, reference: nodeRef, referenceLabel: '`node -e 0`' },
    { result: bundled.listCold, reference: bundled.bare.median, referenceLabel: 'bare parse' },
    { result: bundled.show, reference: nodeRef, referenceLabel: '`node -e 0`' },
    { result: bundled.validate, reference: bundled.bare.median, referenceLabel: 'bare parse' },
  ]);
  for (const { n, marker, results } of sized) {
    const c = marker.counts;
    table(
      `## ${count(n)} organisations\n\n${count(c.organisations)} organisations, ${count(c.programmes)} programmes, ${count(c.funding)} funding lines, ${count(c.events)} events, ${count(c.articles)} articles: ${count(marker.files)} files, ${(marker.bytes / 1e6).toFixed(1)} MB (bench/data-${n}).`,
      [
        { result: results.bare, reference: nodeRef, referenceLabel: '`node -e 0`' },
        { result: results.validate, reference: results.bare.median, referenceLabel: 'bare parse' },
        ...['list', 'show', 'search', 'funding', 'events'].map((key) => ({
          result: results[key],
          reference: nodeRef,
          referenceLabel: '`node -e 0`',
        })),
      ],
    );
  }

  const published = sized.find((s) => s.publish);
  if (published) {
    const { n, publish } = published;
    const v = publish.validate.median;
    push(`## Publishing, ${count(n)} organisations`, '');
    push(
      'Each cold (an empty cache before every run): `coop site --out DIR` and `coop export --format sqlite --out FILE --force`, next to a cold `coop validate` of the same base measured just before them.',
      '',
    );
    push(
      '| command | cache | median | min | max | peak RSS | ratio | to | limit | verdict |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const [result, limit] of [
      [publish.site, 2],
      [publish.sqlite, 1],
    ]) {
      const value = result.failure ? undefined : result.median / v;
      push(
        `| \`${result.label}\` | cold | ${result.failure ? `FAILED: ${result.failure}` : ms(result.median)} | ${ms(result.min)} | ${ms(result.max)} | ${mb(result.rssMB)} | ${ratio(value)} | cold \`validate\` (${ms(v)}) | ≤ ${limit}x | ${value !== undefined && value <= limit ? 'met' : '**NOT met**'} |`,
      );
    }
    const index = publish.searchIndex;
    if (index)
      push(
        '',
        `Search index (assets/search-index.js): ${(index.bytes / 1e6).toFixed(2)} MB, ${(index.gzipBytes / 1e6).toFixed(2)} MB gzip-compressed (zlib, level 9); limit < 5 MB: ${index.gzipBytes < 5e6 ? 'met' : '**NOT met**'}.`,
      );
    push('');
  }

  push('## Linearity', '');
  if (linearity.length === 0) push('One size only: nothing to compare.', '');
  else {
    push(
      'Median time at the larger size divided by the median time at the smaller one, next to the ratio of the data. "Above start-up" subtracts `node -e 0` from both, which shows the part that depends on the data. Linear or better: a time ratio at most 1.25 times the data ratio.',
      '',
    );
    push('| command | sizes | data | time | above start-up | peak RSS | verdict |', '|---|---|---|---|---|---|---|');
    for (const l of linearity) {
      push(
        `| ${l.key === 'bare' ? 'bare parse (reference)' : `\`${l.key}\``} | ${count(l.from)} → ${count(l.to)} | ${l.dataRatio.toFixed(0)}x | ${ratio(l.timeRatio)} | ${ratio(l.aboveStart)} | ${ratio(l.memRatio)} | ${l.timeRatio === undefined ? 'n/a' : l.met ? 'linear or better' : '**worse than linear**'} |`,
      );
    }
    push('');
  }

  // The summary on stdout: targets and linearity in a few lines.
  const out = ['targets:'];
  for (const t of targets)
    out.push(
      `  ${t.met ? 'met    ' : 'NOT met'}  ${t.name.replace(/`/g, '')}: ${t.measured.replace(/`/g, '')}${t.value === undefined ? '' : ` = ${ratio(t.value)}`} (${t.limit})`,
    );
  if (linearity.length) {
    out.push('linearity (time ratio for the data ratio):');
    for (const l of linearity)
      out.push(
        `  ${l.key.padEnd(9)} ${count(l.from)} -> ${count(l.to)}: ${ratio(l.timeRatio)} for ${l.dataRatio.toFixed(0)}x${l.met ? '' : '  (worse than linear)'}`,
      );
  }
  summary = out.join('\n');
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

main();
