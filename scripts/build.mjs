// The build: CommonJS bundles split by hand, because Node loads CommonJS faster than ES modules
// and --help must cost little more than `node -e 0` (docs/ARCHITECTURE.md, "Speed").
//   dist/main.cjs             the CLI: commander, the help texts, error handling
//   dist/commands/<verb>.cjs  one command each, loaded when it runs
//   dist/cold.cjs             reading, parsing and checking the data files: loaded only when the
//                             cache of validated records cannot answer (no YAML, zod or
//                             gray-matter in a warm run)
//   dist/publish-worker.cjs   the worker thread of coop site and coop export --format sqlite
//                             (src/app/publish-thread.ts), started by path
// The geography table is generated first because the core imports it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import './gen-geography.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** A hash of the sources: a cache written by another build of coop is never trusted. */
function buildId() {
  const hash = createHash('sha256').update(pkg.version);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(src, path)).update(readFileSync(path));
    }
  };
  walk(src);
  return hash.digest('hex').slice(0, 16);
}

// Every file of src/commands/ is a command, named after its file (hyphens allowed; a hidden
// command starts with __). Nothing else lists them.
const COMMAND_NAME = /^(__)?[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const commands = readdirSync(join(src, 'commands'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();
for (const name of commands) {
  if (!COMMAND_NAME.test(name))
    throw new Error(`src/commands/${name}.ts: a command's file name is its name: lower-case words joined by hyphens`);
}

/**
 * Turns the lazy import of the cold path into a require of its own bundle; likewise the names of
 * communes and EPCI that `show` needs only for an organisation naming some.
 */
const boundaries = {
  name: 'coop-boundaries',
  setup(build) {
    build.onResolve({ filter: /^\.\/cold-build\.js$/ }, (args) =>
      dirname(args.importer) === join(src, 'app') ? { path: '../cold.cjs', external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\.\/app\/place-names\.js$/ }, (args) =>
      dirname(args.importer) === join(src, 'commands') ? { path: '../place-names.cjs', external: true } : undefined,
    );
  },
};

/**
 * commander requires node:child_process at load, for executable subcommands coop never uses; with
 * node:net and the streams it brings, that is milliseconds at every start. Its bundle gets a
 * stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'coop-lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`)
        ? { path: 'lazy-child-process', namespace: 'coop-lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'coop-lazy' }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, name) => (real ??= require('node:child_process'))[name] });",
      loader: 'js',
    }));
  },
};

/**
 * src/app/worker-file.ts names the publishing worker's bundle: replaced by its path relative to the
 * bundle being built (those of the commands are one folder down), found from __dirname at run time.
 */
const workerFile = (outdir) => ({
  name: 'coop-worker-file',
  setup(build) {
    build.onResolve({ filter: /^\.\/worker-file\.js$/ }, (args) =>
      dirname(args.importer) === join(src, 'app') ? { path: 'worker-file', namespace: 'coop-worker-file' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'coop-worker-file' }, () => ({
      contents: `module.exports = { PUBLISH_WORKER: require('node:path').join(__dirname, ${JSON.stringify(relative(outdir, join(dist, 'publish-worker.cjs')))}) };`,
      loader: 'js',
    }));
  },
});

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Lazy imports become require(): import() would send each bundle through Node's ES module loader.
  supported: { 'dynamic-import': false },
  outExtension: { '.js': '.cjs' },
  sourcemap: false,
  legalComments: 'none',
  // Less to compile at each start; names are kept, so a stack trace (COOP_DEBUG=1) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { __COOP_VERSION__: JSON.stringify(pkg.version), __COOP_BUILD__: JSON.stringify(buildId()) },
  plugins: [boundaries, lazyChildProcess],
  // Graphviz as WebAssembly (coop graph --format svg): 1.2 MB that only an SVG needs, required from
  // node_modules when svg-graph.ts first draws, so no bundle parses it at start-up. resvg (--format
  // png) likewise, and because it loads a native binary of the machine's platform: no bundle can hold it.
  // The font resvg draws with is a file it reads from node_modules, found with require.resolve. sql.js
  // finds its WebAssembly file beside its own script (bundled, it would look in dist/): required from
  // node_modules too, and only by coop export --format sqlite.
  external: ['@viz-js/viz', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'sql.js'],
  logLevel: 'warning',
};

/** One build of bundles into `outdir`, each bundle told where the worker's is. */
const bundle = (entryPoints, outdir, extra = {}) =>
  build({ ...common, ...extra, plugins: [...common.plugins, workerFile(outdir)], entryPoints, outdir });

rmSync(dist, { recursive: true, force: true });
await Promise.all([
  bundle({ cold: join(src, 'app', 'cold-build.ts') }, dist),
  bundle({ 'place-names': join(src, 'app', 'place-names.ts') }, dist),
  bundle({ 'publish-worker': join(src, 'app', 'publish-worker.ts') }, dist),
  bundle(Object.fromEntries(commands.map((c) => [c, join(src, 'commands', `${c}.ts`)])), join(dist, 'commands')),
]);

// What --help, completion and the docs need of each command, without its code: the declarations
// as data (JSON drops the run functions), stored in the main bundle.
const require = createRequire(import.meta.url);
const declarations = commands.map((name) => {
  const { command } = require(join(dist, 'commands', `${name}.cjs`));
  if (command?.name !== name)
    throw new Error(`src/commands/${name}.ts must export \`command\`, declared with the name "${name}"`);
  return JSON.parse(JSON.stringify(command));
});
await bundle({ main: join(src, 'main.ts') }, dist, {
  define: { ...common.define, __COOP_COMMANDS__: JSON.stringify(declarations) },
});
