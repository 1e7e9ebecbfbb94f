import matter from 'gray-matter';
import { diagnostic, type RuleParams } from '../core/rules.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

/**
 * gray-matter runs `---js` front matter through eval, whatever `engines: {js: false}` says. Every
 * engine it knows is replaced by one that refuses, and YAML is parsed by the `yaml` package, with
 * positions; gray-matter only splits the file.
 */
class RefusedEngine extends Error {
  constructor(readonly language: string) {
    super(language);
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

interface ParsedArticle extends ParsedYaml {
  body: string;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /\r?\n---[ \t]*(\r?\n|$)/;

export function parseArticle(file: string, text: string): ParsedArticle {
  // gray-matter leaves the "\r" of a CRLF line in the front matter: line ends are made plain first
  // (lines keep their numbers, columns their count).
  const source = text.replace(/\r\n/g, '\n');
  const fail = (params: RuleParams<'front-matter'>): ParsedArticle => ({
    data: undefined,
    body: '',
    positions: () => ({ values: {}, keys: {} }),
    diagnostics: [diagnostic('front-matter', params, { file, line: 1, column: 1 })],
  });
  const languageMatch = /^---([A-Za-z][\w-]*)/.exec(source);
  if (languageMatch) return fail({ problem: 'refused-language', language: languageMatch[1]! });
  if (!OPENING.test(source)) return fail({ problem: 'no-opening' });
  const rest = source.replace(OPENING, '');
  if (!CLOSING.test('\n' + rest)) return fail({ problem: 'never-closed' });

  let split: { matter: string; content: string };
  try {
    split = matter(source, SPLIT_ONLY);
  } catch (error) {
    if (error instanceof RefusedEngine) return fail({ problem: 'refused-language', language: error.language });
    return fail({ problem: 'unreadable' });
  }
  // gray-matter's matter text starts right after the opening "---", on the first line.
  const parsed = parseYaml(file, split.matter, 0);
  return { ...parsed, body: split.content };
}
