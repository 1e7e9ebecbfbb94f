// The build: CommonJS bundles split by hand, because Node loads CommonJS faster than ES modules
// and --help must cost little more than `node -e 0` (DESIGN section 4).
//   dist/main.cjs             the CLI: commander, the help texts, error handling
//   dist/commands/<verb>.cjs  one command each, loaded when it runs
//   dist/cold.cjs             reading, parsing and checking the data files: loaded only when the
//                             cache of validated records cannot answer (no YAML, zod or
//                             gray-matter in a warm run)
// The geography table is generated first because the core imports it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const commands = readdirSync(join(src, 'commands'))
  .filter((name) => name.endsWith('.ts') && !['context.ts', 'help.ts', 'options.ts', 'cold.ts', 'edit.ts', 'export-sql.ts'].includes(name))
  .map((name) => name.replace(/\.ts$/, ''));

/** Turns the lazy imports that cross a bundle boundary into requires of the other bundle. */
const boundaries = {
  name: 'coop-boundaries',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => {
      const name = args.path.slice('./commands/'.length, -'.js'.length);
      return args.importer === join(src, 'cli.ts') && commands.includes(name) ? { path: `./commands/${name}.cjs`, external: true } : undefined;
    });
    build.onResolve({ filter: /^\.\/cold\.js$/ }, (args) =>
      [join(src, 'commands', 'context.ts'), join(src, 'commands', 'edit.ts')].includes(args.importer) ? { path: '../cold.cjs', external: true } : undefined,
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
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'lazy-child-process', namespace: 'coop-lazy' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'coop-lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, name) => (real ??= require('node:child_process'))[name] });",
      loader: 'js',
    }));
  },
};

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
  // sql.js finds its WebAssembly file beside its own script: bundled, it would look in dist/. It is
  // required from node_modules, and only by coop export --format sqlite.
  external: ['sql.js'],
  logLevel: 'warning',
};

rmSync(dist, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { main: join(src, 'main.ts') }, outdir: dist }),
  build({ ...common, entryPoints: { cold: join(src, 'commands', 'cold.ts') }, outdir: dist }),
  build({ ...common, entryPoints: Object.fromEntries(commands.map((c) => [c, join(src, 'commands', `${c}.ts`)])), outdir: join(dist, 'commands') }),
]);
