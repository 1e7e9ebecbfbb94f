// npm run docs: rewrites the README's table of rules (between <!-- rules:start --> and
// <!-- rules:end -->) from the catalogue in src/core/rules.ts. The sources are bundled in memory by
// esbuild, as the build does, rather than read from dist/: the table follows the catalogue even
// before a build, and needs no command wired to print it. tests/unit/readme-rules.test.ts fails
// when the README and the catalogue differ.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(root, 'README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const bundled = await build({
  stdin: {
    contents:
      "export { allRules } from './src/core/rules.ts'; export { renderRulesMarkdown } from './src/render/rules.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'error',
});
const folder = mkdtempSync(join(tmpdir(), 'coop-docs-'));
let table;
try {
  const file = join(folder, 'rules.cjs');
  writeFileSync(file, bundled.outputFiles[0].text);
  const { allRules, renderRulesMarkdown } = createRequire(import.meta.url)(file);
  table = renderRulesMarkdown(allRules());
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end < start) {
  console.error(`README.md has no ${START} ... ${END} section`);
  process.exit(1);
}
const updated = `${readme.slice(0, start + START.length)}\n${table}${readme.slice(end)}`;
if (updated === readme) console.log('README.md: the rule table is up to date');
else {
  writeFileSync(readmePath, updated);
  console.log('README.md: the rule table was rewritten from src/core/rules.ts');
}
