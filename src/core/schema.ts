import { z } from 'zod';
import { ID_PATTERN, idProblem } from './text.js';
import { edtfProblem, normaliseDate } from './dates.js';
import type { RuleId } from './diagnostics.js';
import { EVENT_KINDS, INSTRUMENTS, MEMBER_ROLES, ORGANISATION_KINDS, SECTORS, STAGES } from './enums.js';
import { finessProblem, rnaProblem, sirenProblem, siretProblem, wikidataProblem } from './identifiers.js';

/**
 * The data model of DESIGN section 1, as zod schemas: the source of the TypeScript types (z.infer)
 * and of the checks a single file gets. Checks across records (references, geography, order of
 * dates) live in validate.ts.
 */

export { EVENT_KINDS, INSTRUMENTS, MEMBER_ROLES, ORGANISATION_KINDS, SECTORS, STAGES };

// In text.ts, without zod: the commands that check ids need not load it.
export { ID_PATTERN, idProblem };

/** A check zod cannot express by itself, reported under its own rule id. */
function checked<T extends z.ZodType>(schema: T, rule: RuleId, problem: (value: z.output<T>) => string | undefined) {
  return schema.superRefine((value, ctx) => {
    const message = problem(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message, params: { rule } });
  });
}

const text = z.string().trim().min(1);
// The metadata reaches the JSON Schema that editors use (coop schema).
const id = checked(z.string(), 'bad-id', idProblem).meta({ pattern: ID_PATTERN.source, description: 'a kebab-case id: lower-case ASCII letters, digits and single hyphens' });
const ids = z.array(id);

export const edtfDate = checked(z.union([z.string(), z.number().int()]), 'bad-date', (value) =>
  edtfProblem(normaliseDate(value)),
)
  .meta({ description: 'an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)' })
  .transform(normaliseDate);

/** Department codes are text ("2A", "01"); an unquoted number is read as the code it spells. */
const departmentCode = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((value) => (typeof value === 'number' ? String(value).padStart(2, '0') : value.trim().toUpperCase()));

const url = checked(z.string(), 'bad-url', (value) => {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : `"${value}" is not an http(s) URL`;
  } catch {
    return `"${value}" is not a URL`;
  }
});

const amount = checked(z.number(), 'bad-amount', (value) =>
  Number.isSafeInteger(value) && value >= 0 ? undefined : `amount ${value} must be a whole, non-negative number of currency units`,
);
const currency = checked(z.string(), 'bad-amount', (value) =>
  /^[A-Z]{3}$/.test(value) ? undefined : `currency "${value}" must be a three-letter ISO 4217 code (EUR)`,
);

export const figureSchema = z.strictObject({
  metric: id,
  value: z.number(),
  unit: text.optional(),
  as_of: edtfDate.optional(),
  note: text.optional(),
  source: id,
});

export const memberSchema = z.strictObject({
  org: id,
  role: z.enum(MEMBER_ROLES),
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  note: text.optional(),
  source: id,
});

export const identifiersSchema = z.strictObject({
  finess_ej: checked(z.string(), 'bad-identifier', finessProblem).optional(),
  finess_et: z.array(checked(z.string(), 'bad-identifier', finessProblem)).optional(),
  siren: checked(z.string(), 'bad-identifier', sirenProblem).optional(),
  siret: checked(z.string(), 'bad-identifier', siretProblem).optional(),
  rna: checked(z.string(), 'bad-identifier', rnaProblem).optional(),
  wikidata: checked(z.string(), 'bad-identifier', wikidataProblem).optional(),
});

export const organisationSchema = z.strictObject({
  id: id.optional(),
  name: text,
  short_name: text.optional(),
  aliases: z.array(text).optional(),
  kind: z.enum(ORGANISATION_KINDS),
  sector: z.enum(SECTORS).optional(),
  legal_form: text.optional(),
  parent: id.optional(),
  region: text.optional(),
  department: departmentCode.optional(),
  city: text.optional(),
  founded: edtfDate.optional(),
  dissolved: edtfDate.optional(),
  identifiers: identifiersSchema.optional(),
  website: url.optional(),
  description: text.optional(),
  activities: z.array(text).optional(),
  shared_resources: z.array(text).optional(),
  figures: z.array(figureSchema).optional(),
  members: z.array(memberSchema).optional(),
  note: text.optional(),
  sources: z.array(id).min(1),
});

export const budgetLineSchema = z.strictObject({
  instrument: z.enum(INSTRUMENTS),
  amount,
  currency: currency.default('EUR'),
  note: text.optional(),
  source: id,
});

export const programmeSchema = z.strictObject({
  id: id.optional(),
  name: text,
  short_name: text.optional(),
  aliases: z.array(text).optional(),
  parent: id.optional(),
  funder: id.optional(),
  launched: edtfDate.optional(),
  budget: z.array(budgetLineSchema).optional(),
  figures: z.array(figureSchema).optional(),
  description: text.optional(),
  note: text.optional(),
  sources: z.array(id).min(1),
});

export const fundingLineSchema = z.strictObject({
  id,
  programme: id,
  recipient: id,
  funder: id.optional(),
  instrument: z.enum(INSTRUMENTS),
  amount,
  currency: currency.default('EUR'),
  stage: z.enum(STAGES),
  upper_bound: z.boolean().optional(),
  date: edtfDate.optional(),
  note: text.optional(),
  source: id,
});

export const eventSchema = z.strictObject({
  id,
  date: edtfDate,
  kind: z.enum(EVENT_KINDS),
  title: text,
  orgs: ids.optional(),
  programme: id.optional(),
  place: text.optional(),
  description: text.optional(),
  source: id,
});

export const personSchema = z.strictObject({
  name: text,
  role: text.optional(),
  org: id.optional(),
});

export const articleFrontMatterSchema = z.strictObject({
  id: id.optional(),
  title: text,
  outlet: text.optional(),
  date: edtfDate,
  authors: z.array(text).default([]),
  url: url.optional(),
  language: z.enum(['fr', 'en']).default('fr'),
  section: text.optional(),
  people: z.array(personSchema).optional(),
  note: text.optional(),
});

export type Figure = z.output<typeof figureSchema>;
export type Member = z.output<typeof memberSchema>;
export type OrganisationFields = z.output<typeof organisationSchema>;
export type ProgrammeFields = z.output<typeof programmeSchema>;
export type BudgetLine = z.output<typeof budgetLineSchema>;
export type FundingLine = z.output<typeof fundingLineSchema>;
export type Event = z.output<typeof eventSchema>;
export type Person = z.output<typeof personSchema>;
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;
