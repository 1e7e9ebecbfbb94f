import { join, resolve } from 'node:path';
import { FILE_TYPES, jsonSchemas } from '../core/json-schema.js';
import type { IO } from '../io.js';
import { ensureFolder, writeFileAtomic } from '../load/write.js';
import { renderJson } from '../render/json.js';
import { UsageError, type GlobalOptions } from './context.js';

export interface SchemaOptions extends GlobalOptions {
  out?: string;
}

/** Without --out: one JSON object keyed by file type. With --out DIR: DIR/<type>.schema.json each. */
export async function schemaCommand(options: SchemaOptions, io: IO): Promise<number> {
  const schemas = jsonSchemas();
  if (options.out === undefined) {
    io.out(renderJson(schemas));
    return 0;
  }
  const dir = resolve(io.cwd, options.out);
  try {
    ensureFolder(dir);
    for (const type of FILE_TYPES) {
      // Each written whole or not at all.
      const target = join(dir, `${type}.schema.json`);
      writeFileAtomic(target, renderJson(schemas[type]));
      io.out(`${target}\n`);
    }
  } catch (error) {
    throw new UsageError(`cannot write the schemas in ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return 0;
}
