import { z } from 'zod';
import {
  agreementSchema,
  articleFrontMatterSchema,
  eventSchema,
  fundingLineSchema,
  organisationSchema,
  personSchema,
  programmeSchema,
} from './schema.js';

/**
 * JSON Schema for each kind of data file, generated from the zod schemas (the single source of
 * truth): editors use them to complete and check the files as people type.
 */
export const FILE_TYPES = [
  'organisation',
  'programme',
  'funding',
  'events',
  'article-front-matter',
  'person',
  'agreement',
] as const;
type FileType = (typeof FILE_TYPES)[number];

const SOURCES: Record<FileType, { schema: z.ZodType; title: string; description: string }> = {
  organisation: {
    schema: organisationSchema,
    title: 'coop organisation',
    description: 'data/organisations/<id>.yaml: one organisation, its members nested in it',
  },
  programme: {
    schema: programmeSchema,
    title: 'coop programme',
    description: 'data/programmes/<id>.yaml: one funding programme',
  },
  funding: {
    schema: z.array(fundingLineSchema),
    title: 'coop funding lines',
    description: 'data/funding/*.yaml: a list of funding lines',
  },
  events: { schema: z.array(eventSchema), title: 'coop events', description: 'data/events/*.yaml: a list of events' },
  'article-front-matter': {
    schema: articleFrontMatterSchema,
    title: 'coop article front matter',
    description: 'the YAML block at the top of data/articles/<id>.md',
  },
  person: {
    schema: personSchema,
    title: 'coop person',
    description: 'data/people/<id>.yaml: one person the articles name, with their roles',
  },
  agreement: {
    schema: agreementSchema,
    title: 'coop agreement',
    description: 'data/agreements/<id>.yaml: one agreement between parties (CPOM, contrat local de santé, ...)',
  },
};

export function jsonSchemas(): Record<FileType, Record<string, unknown>> {
  const result = {} as Record<FileType, Record<string, unknown>>;
  for (const type of FILE_TYPES) {
    const { schema, title, description } = SOURCES[type];
    // io: 'input', the file as written: a year may be a number, a currency may be left out.
    const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    result[type] = { ...generated, $id: `coop/${type}.schema.json`, title, description };
  }
  return result;
}
