import { isAbsolute, relative, resolve, join } from 'node:path';
import { buildBase } from '../core/validate.js';
import type { Base } from '../core/model.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { IO } from '../io.js';
import { loadDataFolder } from '../load/load-base.js';

/** Options every command accepts (DESIGN section 2, "global"). */
export interface GlobalOptions {
  data?: string;
  format?: string;
  json?: boolean;
  color?: boolean;
}

/** A usage problem: the command line asks for something that cannot be (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface OpenBase {
  base: Base;
  diagnostics: Diagnostic[];
  dataDir: string;
  /** How to show a data file's path to the person: relative to where they stand when it is below. */
  displayPath: (file: string) => string;
}

/** Which data folder: --data, then $COOP_DATA, then the data/ bundled with coop. */
export function resolveDataDir(options: GlobalOptions, io: IO, bundledData: string): string {
  const chosen = options.data ?? (io.env.COOP_DATA || undefined);
  return chosen === undefined ? bundledData : resolve(io.cwd, chosen);
}

export async function openBase(options: GlobalOptions, io: IO, bundledData: string): Promise<OpenBase> {
  const dataDir = resolveDataDir(options, io, bundledData);
  const loaded = await loadDataFolder(dataDir);
  const built = buildBase(loaded.files);
  const diagnostics = [...loaded.diagnostics, ...built.diagnostics];
  const shown = relative(io.cwd, dataDir);
  const prefix = shown === '' ? '' : !shown.startsWith('..') && !isAbsolute(shown) ? shown : dataDir;
  return {
    base: built.base,
    diagnostics: sortByFile(diagnostics),
    dataDir,
    displayPath: (file) => (prefix === '' ? file : join(prefix, file).split('\\').join('/')),
  };
}

function sortByFile(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}

export type OutputFormat = 'table' | 'tsv' | 'json' | 'csv';

/** --json wins; then --format; then a table on a terminal and TSV in a pipe. */
export function outputFormat(options: GlobalOptions, io: IO, allowed: readonly string[] = ['table', 'tsv', 'json', 'csv']): string {
  if (options.json) return 'json';
  if (options.format !== undefined) {
    if (!allowed.includes(options.format)) throw new UsageError(`unknown format "${options.format}"`, `use one of: ${allowed.join(', ')}`);
    return options.format;
  }
  return io.isTTY ? allowed[0]! : 'tsv';
}
