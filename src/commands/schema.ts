import { join, resolve } from 'node:path';
import { FILE_TYPES, jsonSchemas } from '../core/json-schema.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { ensureFolder, writeFileAtomic } from '../load/write.js';
import { renderJson } from '../render/json.js';
import { UsageError } from '../app/context.js';

type SchemaOptions = CommandInput<typeof schemaOptions>;

/** Without --out: one JSON object keyed by file type. With --out DIR: DIR/<type>.schema.json each. */
async function schemaCommand(options: SchemaOptions, io: IO): Promise<number> {
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

const schemaOptions = {
  out: { value: '<dir>', description: 'write one <type>.schema.json file each in this folder', folder: true },
} as const;

export const command = defineCommand({
  name: 'schema',
  summary: 'JSON Schema for each kind of data file, for editors to complete and check them',
  options: schemaOptions,
  details: `Generated from the schemas coop validates with, so they never disagree. Point your editor's YAML
support at them (for instance a first line "# yaml-language-server: $schema=<path>" in a data file,
or a yaml.schemas setting mapping data/organisations/*.yaml to organisation.schema.json).`,
  examples: [
    { command: 'coop schema > coop-schemas.json', comment: 'one object keyed by file type' },
    {
      command: `coop schema --out .schemas
                                         article-front-matter, person, agreement .schema.json`,
      comment: 'organisation, programme, funding, events,',
    },
  ],
  run: (options, { io }) => schemaCommand(options, io),
});
