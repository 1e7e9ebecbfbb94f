import matter from 'gray-matter';
import type { Diagnostic } from '../core/diagnostics.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

/**
 * gray-matter runs `---js` front matter through eval, whatever `engines: {js: false}` says. Every
 * engine it knows is replaced by one that refuses, and YAML is parsed by the `yaml` package, with
 * positions; gray-matter only splits the file.
 */
class RefusedEngine extends Error {
  constructor(readonly language: string) {
    super(`front matter in ${language} is refused`);
  }
}

const refuse = (language: string) => ({
  parse: () => {
    throw new RefusedEngine(language);
  },
  stringify: () => {
    throw new RefusedEngine(language);
  },
});

const SPLIT_ONLY = {
  // Passing options also stops gray-matter from caching results and returning shared objects.
  engines: {
    yaml: { parse: () => ({}), stringify: () => '' },
    json: refuse('json'),
    javascript: refuse('javascript'),
    js: refuse('js'),
    coffee: refuse('coffee'),
    coffeescript: refuse('coffeescript'),
    cson: refuse('cson'),
    toml: refuse('toml'),
  },
};

export interface ParsedArticle extends ParsedYaml {
  body: string;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /\r?\n---[ \t]*(\r?\n|$)/;

export function parseArticle(file: string, text: string): ParsedArticle {
  // gray-matter leaves the "\r" of a CRLF line in the front matter: line ends are made plain first
  // (lines keep their numbers, columns their count).
  const source = text.replace(/\r\n/g, '\n');
  const fail = (line: number, message: string, hint: string): ParsedArticle => ({
    data: undefined,
    body: '',
    positions: () => ({ values: {}, keys: {} }),
    diagnostics: [{ file, line, column: 1, severity: 'error', rule: 'front-matter', message, hint } satisfies Diagnostic],
  });
  const languageMatch = /^---([A-Za-z][\w-]*)/.exec(source);
  if (languageMatch) return fail(1, `front matter in ${languageMatch[1]} is refused`, 'articles start with a YAML block between two "---" lines');
  if (!OPENING.test(source)) return fail(1, 'an article must start with a YAML front matter block', 'put "---" on the first line, the fields, then "---"');
  const rest = source.replace(OPENING, '');
  if (!CLOSING.test('\n' + rest)) return fail(1, 'the front matter block is never closed', 'end it with a line holding only "---"');

  let split: { matter: string; content: string };
  try {
    split = matter(source, SPLIT_ONLY);
  } catch (error) {
    if (error instanceof RefusedEngine) return fail(1, error.message, 'articles start with a YAML block between two "---" lines');
    return fail(1, 'the front matter cannot be read', 'put "---" on the first line, the fields, then "---"');
  }
  // gray-matter's matter text starts right after the opening "---", on the first line.
  const parsed = parseYaml(file, split.matter, 0);
  return { ...parsed, body: split.content };
}
