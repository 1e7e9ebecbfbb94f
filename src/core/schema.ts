import { z } from 'zod';
import { ID_PATTERN, idProblem } from './text.js';
import { edtfProblem, normaliseDate } from './dates.js';
import { EXPECTED, type RuleId, type RuleParams } from './rules.js';
import {
  END_REASONS,
  EVENT_KINDS,
  FIELDS,
  GCS_TYPES,
  INSTRUMENTS,
  LAWS,
  ORGANISATION_LABELS,
  QUALIFICATIONS,
  STAGES,
} from './enums.js';
import { ACCEPTED_KINDS, ACCEPTED_LEGAL_FORMS, ACCEPTED_ROLES, ACCEPTED_SECTORS } from './renames.js';
import { RECORD_TYPE_NAMES, type RecordType } from './model.js';
import { finessIssue, rnaIssue, sirenIssue, siretIssue, wikidataIssue } from './identifiers.js';

/**
 * The data model as zod schemas: the source of the TypeScript types (z.infer)
 * and of the checks a single file gets. Checks across records (references, geography, order of
 * dates) live in validate.ts.
 */

// In text.ts, without zod: the commands that check ids need not load it.
export { idProblem };

/**
 * A check zod cannot express by itself, reported under its own rule id: the issue carries the
 * rule's parameters, and schema-issues.ts makes the diagnostic from the catalogue.
 */
function checked<T extends z.ZodType, R extends RuleId>(
  schema: T,
  rule: R,
  problem: (value: z.output<T>) => RuleParams<R> | undefined,
) {
  return schema.superRefine((value, ctx) => {
    const params = problem(value);
    if (params !== undefined) ctx.addIssue({ code: 'custom', message: rule, params: { rule, ruleParams: params } });
  });
}

const idIssue = (value: string) => {
  const problem = idProblem(value);
  return problem === undefined ? undefined : { problem, value };
};

const text = z.string().trim().min(1);
// The metadata reaches the JSON Schema that editors use (coop schema).
const id = checked(z.string(), 'bad-id', idIssue).meta({ pattern: ID_PATTERN.source, description: EXPECTED.id });
/** A field naming another record: its JSON Schema description says which type. */
const ref = (type: RecordType) => id.meta({ description: EXPECTED.reference(RECORD_TYPE_NAMES[type]) });
const organisationRef = ref('organisation');
const programmeRef = ref('programme');
const articleRef = ref('article');

const edtfDate = checked(z.union([z.string(), z.number().int()]), 'bad-date', (value) => {
  const problem = edtfProblem(normaliseDate(value));
  return problem === undefined ? undefined : { problem };
})
  .meta({ description: EXPECTED.date })
  .transform(normaliseDate);

/** Department codes are text ("2A", "01"); an unquoted number is read as the code it spells. */
const departmentCode = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((value) => (typeof value === 'number' ? String(value).padStart(2, '0') : value.trim().toUpperCase()));

const url = checked(z.string(), 'bad-url', (value) => {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : { value, parsed: true };
  } catch {
    return { value, parsed: false };
  }
}).meta({ description: EXPECTED.url });

const amount = checked(z.number(), 'bad-amount', (value) =>
  Number.isSafeInteger(value) && value >= 0 ? undefined : { problem: 'amount' as const, amount: value },
).meta({ description: EXPECTED.amount });
const currency = checked(z.string(), 'bad-amount', (value) =>
  /^[A-Z]{3}$/.test(value) ? undefined : { problem: 'currency' as const, currency: value },
).meta({ description: EXPECTED.currency });

export const figureSchema = z.strictObject({
  metric: id,
  value: z.number(),
  unit: text.optional(),
  as_of: edtfDate.optional(),
  note: text.optional(),
  source: articleRef,
});

export const memberSchema = z.strictObject({
  org: organisationRef,
  // Old names still work, with a renamed-value warning (renames.ts).
  role: z.enum(ACCEPTED_ROLES),
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  end_reason: z.enum(END_REASONS).optional(),
  note: text.optional(),
  source: articleRef,
});

const identifiersSchema = z.strictObject({
  finess_ej: checked(z.string(), 'bad-identifier', finessIssue).optional(),
  finess_et: z.array(checked(z.string(), 'bad-identifier', finessIssue)).optional(),
  siren: checked(z.string(), 'bad-identifier', sirenIssue).optional(),
  siret: checked(z.string(), 'bad-identifier', siretIssue).optional(),
  rna: checked(z.string(), 'bad-identifier', rnaIssue).optional(),
  wikidata: checked(z.string(), 'bad-identifier', wikidataIssue).optional(),
});

export const organisationSchema = z.strictObject({
  id: id.optional(),
  name: text,
  short_name: text.optional(),
  aliases: z.array(text).optional(),
  kind: z.enum(ACCEPTED_KINDS),
  sector: z.enum(ACCEPTED_SECTORS).optional(),
  field: z.enum(FIELDS).optional(),
  legal_form: z.enum(ACCEPTED_LEGAL_FORMS).optional(),
  gcs_type: z.enum(GCS_TYPES).optional(),
  law: z.enum(LAWS).optional(),
  qualifications: z.array(z.enum(QUALIFICATIONS)).optional(),
  labels: z.array(z.enum(ORGANISATION_LABELS)).optional(),
  parent: organisationRef.optional(),
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
  /** false when the article lists the members only in part ("notamment"). */
  members_complete: z.boolean().optional(),
  note: text.optional(),
  sources: z.array(articleRef).min(1),
});

export const budgetLineSchema = z.strictObject({
  instrument: z.enum(INSTRUMENTS),
  amount,
  currency: currency.default('EUR'),
  note: text.optional(),
  source: articleRef,
});

export const programmeSchema = z.strictObject({
  id: id.optional(),
  name: text,
  short_name: text.optional(),
  aliases: z.array(text).optional(),
  parent: programmeRef.optional(),
  funder: organisationRef.optional(),
  launched: edtfDate.optional(),
  budget: z.array(budgetLineSchema).optional(),
  figures: z.array(figureSchema).optional(),
  description: text.optional(),
  note: text.optional(),
  sources: z.array(articleRef).min(1),
});

export const fundingLineSchema = z.strictObject({
  id,
  programme: programmeRef,
  recipient: organisationRef,
  funder: organisationRef.optional(),
  instrument: z.enum(INSTRUMENTS),
  amount,
  currency: currency.default('EUR'),
  stage: z.enum(STAGES),
  upper_bound: z.boolean().optional(),
  date: edtfDate.optional(),
  note: text.optional(),
  source: articleRef,
});

export const eventSchema = z.strictObject({
  id,
  date: edtfDate,
  kind: z.enum(EVENT_KINDS),
  title: text,
  orgs: z.array(organisationRef).optional(),
  programme: programmeRef.optional(),
  place: text.optional(),
  description: text.optional(),
  source: articleRef,
});

const personSchema = z.strictObject({
  name: text,
  role: text.optional(),
  org: organisationRef.optional(),
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
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;
