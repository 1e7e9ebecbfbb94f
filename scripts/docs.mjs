// Rewrites the README's generated sections (between <!-- NAME:start --> and <!-- NAME:end -->) from
// the built coop, so the command table never disagrees with the commands' own declarations.
// tests/e2e/docs.test.ts fails when they differ; run `npm run docs` after adding a command.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = join(root, 'README.md');
let text = readFileSync(readme, 'utf8');
for (const section of ['commands']) {
  const generated = execFileSync(process.execPath, [join(root, 'bin', 'coop.cjs'), '__docs', section], {
    encoding: 'utf8',
  });
  const start = `<!-- ${section}:start -->\n`;
  const end = `<!-- ${section}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start.trim()} ... ${end} section`);
  text = text.slice(0, from + start.length) + generated + text.slice(to);
}
writeFileSync(readme, text);
