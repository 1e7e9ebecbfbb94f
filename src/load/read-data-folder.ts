import { basename } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { LoadResult, ParsedFile } from '../core/parsed-file.js';
import { discoverFiles, readText, type DataFile } from './files.js';
import { parseArticle } from './frontmatter.js';
import { parseYaml } from './yaml.js';

/** Finds, reads and parses every data file under `root`. */
export async function loadDataFolder(root: string): Promise<LoadResult & { sources: DataFile[] }> {
  const discovered = await discoverFiles(root);
  const parsed = await parseDataFiles(discovered.files);
  return {
    files: parsed.files,
    diagnostics: [...discovered.diagnostics, ...parsed.diagnostics],
    sources: discovered.files,
  };
}

/** Reads and parses the files found: each one's values with their positions, and the problems met. */
async function parseDataFiles(found: readonly DataFile[]): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const files: ParsedFile[] = [];
  await forEachParsedFile(found, (file, problems) => {
    files.push(file);
    diagnostics.push(...problems);
  });
  return { files, diagnostics };
}

/**
 * Reads and parses the files one at a time, handing each to `use` before the next is read: a large
 * base is checked without ever holding all of its parsed data at once.
 */
export async function forEachParsedFile(
  found: readonly DataFile[],
  use: (file: ParsedFile, problems: Diagnostic[]) => void,
): Promise<void> {
  for (const file of found) {
    const read = await readText(file);
    if ('problem' in read) {
      // Refused unread, its record still exists: references to it are not reported twice.
      use(
        {
          path: file.path,
          kind: file.kind,
          nameId: nameIdOf(file),
          data: undefined,
          positions: { values: {}, keys: {} },
        },
        [read.problem],
      );
      continue;
    }
    const parsed = parseFile(file, read.text);
    use(parsed.file, parsed.diagnostics);
  }
}

/** Organisations, programmes and articles are named by their file; lists of records are not. */
function nameIdOf(file: Pick<DataFile, 'path' | 'kind'>): string | undefined {
  return file.kind === 'funding' || file.kind === 'event' ? undefined : basename(file.path).replace(/\.[^.]+$/, '');
}

export function parseFile(
  file: Pick<DataFile, 'path' | 'kind'>,
  text: string,
): { file: ParsedFile; diagnostics: Diagnostic[] } {
  const nameId = nameIdOf(file);
  if (file.kind === 'article') {
    const parsed = parseArticle(file.path, text);
    return {
      file: {
        path: file.path,
        kind: file.kind,
        nameId,
        data: parsed.data,
        body: parsed.body,
        positions: parsed.positions,
      },
      diagnostics: parsed.diagnostics,
    };
  }
  const parsed = parseYaml(file.path, text);
  return {
    file: { path: file.path, kind: file.kind, nameId, data: parsed.data, positions: parsed.positions },
    diagnostics: parsed.diagnostics,
  };
}
