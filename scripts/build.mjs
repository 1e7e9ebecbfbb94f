// One bundled CommonJS file: a single file to read at start-up is what keeps coop instant
// (DESIGN section 4). The geography table is generated first because the core imports it.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './gen-geography.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = (await import(join(root, 'package.json'), { with: { type: 'json' } })).default;

await build({
  entryPoints: [join(root, 'src/main.ts')],
  outfile: join(root, 'dist/coop.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  legalComments: 'none',
  define: { __COOP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
