// The reference for a cold load (scripts/bench.mjs): read every data file under DIR and parse it with
// the `yaml` package's parse, nothing else. YAML files whole, articles (.md) their front matter only.
//   node bench/bare-parse.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/bare-parse.mjs DIR\n');
  process.exit(2);
}

let files = 0;
let records = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(entry.name)) {
      const data = parse(readFileSync(path, 'utf8'));
      records += Array.isArray(data) ? data.length : 1;
      files++;
    } else if (entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name)) {
      const text = readFileSync(path, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
      if (match) parse(match[1]);
      records++;
      files++;
    }
  }
};
walk(root);
process.stdout.write(`${files} files, ${records} records\n`);
