import { z } from 'zod';
import { ID_PATTERN, idProblem } from './text.js';
import { COMMON_KNOWLEDGE } from './field-sources.js';
import { edtfProblem, normaliseDate } from './dates.js';
import { EXPECTED, type RuleId, type RuleParams } from './rules.js';
import {
  AGREEMENT_KINDS,
  AUTHORISATION_STATUSES,
  END_REASONS,
  EVENT_KINDS,
  EVENT_STATUSES,
  FIELDS,
  GCS_TYPES,
  INSTRUMENTS,
  LAWS,
  MEMBER_STATUSES,
  MILESTONE_KINDS,
  ORGANISATION_LABELS,
  PARTICIPANT_ROLES,
  PARTY_ROLES,
  PERIODS,
  PROGRAMME_NATURES,
  PURPOSES,
  QUALIFICATIONS,
  RECURRENCES,
  STAGES,
} from './enums.js';
import { figureProblem, moneyProblem, type MoneyProblemAt } from './money.js';
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
/**
 * Our own words (a description, a note, an event's title): a plain string in the base's language,
 * or one version per language. Names, acts and activities are not: they are quoted as printed.
 */
const localText = z
  .union([
    text,
    checked(
      z.strictObject({ fr: text.optional(), en: text.optional() }),
      'empty-value',
      // The field's name is filled in by schema-issues.ts, which knows the path.
      (value) => (value.fr === undefined && value.en === undefined ? { field: '' } : undefined),
    ),
  ])
  .meta({ description: EXPECTED.localText });
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

/** INSEE commune codes are text ("01053", "2A004"); an unquoted number is read as the code it spells. */
const communeCode = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((value) => (typeof value === 'number' ? String(value).padStart(5, '0') : value.trim().toUpperCase()))
  .meta({ description: EXPECTED.communeCode });

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

/**
 * Sources per fact: which articles state a field of the record (else the record's sources back it),
 * and the other values other articles give. Keys are field names of the record: validate checks
 * them against it (unknown-sourced-field) and the article ids against the base (unknown-reference).
 */
const fieldSourcesSchema = z
  .record(
    z.string().meta({ description: EXPECTED.sourcedField }),
    z.union([z.array(articleRef).min(1), z.literal(COMMON_KNOWLEDGE)]),
  )
  .meta({ description: EXPECTED.fieldSources });

const disputedSchema = z
  .record(
    z.string().meta({ description: EXPECTED.sourcedField }),
    z
      .array(
        z.strictObject({
          // A year or a department code may be written unquoted: the base keeps every value as text.
          value: z.union([z.string(), z.number()]).meta({ description: EXPECTED.disputedValue }).transform(String),
          sources: z.array(articleRef).min(1),
          note: localText.optional(),
        }),
      )
      .min(1),
  )
  .meta({ description: EXPECTED.disputed });

/**
 * How vague an amount is, as the article says it: one `amount` (maybe approximate, at least or up
 * to), or a range with no single amount. moneyProblem (core/money.ts) says which mixes are wrong.
 */
const amountFields = {
  amount: amount.optional(),
  amount_min: amount.optional(),
  amount_max: amount.optional(),
  currency: currency.default('EUR'),
};
const qualifierFields = {
  upper_bound: z.boolean().optional().meta({ description: 'true for "jusqu\'à"' }),
  approximate: z.boolean().optional().meta({ description: 'true for "environ", "près de", "de l\'ordre de"' }),
  at_least: z.boolean().optional().meta({ description: 'true for "plus de", "au moins"' }),
};

/** A rule about several fields of a record, reported at the field it names (the record if none). */
function recordRule<T extends z.ZodType, R extends RuleId>(
  schema: T,
  rule: R,
  problem: (value: z.output<T>) => { field: string; params: RuleParams<R> } | undefined,
) {
  return schema.superRefine((value, ctx) => {
    const found = problem(value);
    if (found === undefined) return;
    ctx.addIssue({
      code: 'custom',
      message: rule,
      path: found.field ? [found.field] : [],
      params: { rule, ruleParams: found.params },
    });
  });
}

/** A figure as vague as its article: "environ 68 000 habitants", "plus de 120 professionnels". */
export const figureSchema = recordRule(
  z.strictObject({
    metric: id,
    value: z.number().optional(),
    value_min: z.number().optional(),
    value_max: z.number().optional(),
    ...qualifierFields,
    per: z.enum(PERIODS).optional().meta({ description: 'year for "par an"' }),
    unit: text.optional(),
    as_of: edtfDate.optional(),
    note: localText.optional(),
    source: articleRef,
  }),
  'figure-form',
  figureProblem,
);

/**
 * What kind of public money a line is, as the sector says it: ponctuel or pérenne, investissement
 * or fonctionnement, and "par an" with the years it covers. A per-year amount is totalled apart.
 */
const periodFields = {
  recurrence: z.enum(RECURRENCES).optional(),
  purpose: z.enum(PURPOSES).optional(),
  per: z.enum(PERIODS).optional().meta({ description: 'year for "par an": totalled apart from one-off amounts' }),
  from: edtfDate.optional(),
  until: edtfDate.optional(),
};

export const memberSchema = z.strictObject({
  org: organisationRef,
  // Old names still work, with a renamed-value warning (renames.ts).
  role: z.enum(ACCEPTED_ROLES),
  /** Left out means `member`. */
  status: z.enum(MEMBER_STATUSES).optional(),
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  end_reason: z.enum(END_REASONS).optional(),
  note: localText.optional(),
  source: articleRef,
});

/** A dated link to a parent organisation; the plain id form says the same without dates. */
export const parentLinkSchema = z.strictObject({
  org: organisationRef,
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  note: localText.optional(),
  source: articleRef.optional(),
});

// --- Restructurings and legal milestones (issue 16, parts 3 and 4) ---------------------------

/** An owner, dated when the article dates it; `share` a percentage as the article gives it (60 for "60 %"). */
export const ownerSchema = z.strictObject({
  org: organisationRef,
  share: z.number().min(0).max(100).optional().meta({ description: 'the percentage held, 0 to 100, as printed' }),
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  note: localText.optional(),
  source: articleRef.optional(),
});

/** A name the structure had: "prend le nom de" makes the old one a former name. */
export const formerNameSchema = z.strictObject({
  name: text,
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  source: articleRef.optional(),
});

/** A legal step: the convention signed, approved by the ARS (`by`), with the act as printed. */
export const milestoneSchema = z.strictObject({
  kind: z.enum(MILESTONE_KINDS),
  date: edtfDate,
  by: organisationRef.optional(),
  act: text.optional().meta({ description: "the act's reference as printed: arrêté du DG de l'ARS n° 2024-12" }),
  note: localText.optional(),
  source: articleRef,
});

const populationSchema = z.strictObject({
  value: z.number().int().nonnegative(),
  /** "environ 68 000 habitants": the figure is rounded by the article. */
  approximate: z.boolean().optional(),
  as_of: edtfDate.optional(),
  source: articleRef,
});

const siteSchema = z.strictObject({
  name: text,
  commune: communeCode.optional(),
  finess_et: checked(z.string(), 'bad-identifier', finessIssue).optional(),
  note: localText.optional(),
  source: articleRef,
});

/** The organisation fields of a structure's history, kept apart so that other additions merge. */
const historyFields = {
  owners: z.array(ownerSchema).min(1).optional(),
  former_names: z.array(formerNameSchema).min(1).optional(),
  /** The organisation that took over when this one was dissolved. */
  successor: organisationRef.optional(),
  milestones: z.array(milestoneSchema).min(1).optional(),
};

/** What an organisation does in an event: the acquirer, the target, the absorbed... */
const participantSchema = z.strictObject({
  org: organisationRef,
  role: z.enum(PARTICIPANT_ROLES),
});

// ---------------------------------------------------------------------------------------------

/** An authorisation of activity (autorisation d'activité de soins), as the authority gave or took it. */
const authorisationSchema = z.strictObject({
  /** In French, as the authority words it: "médecine", "soins médicaux et de réadaptation". */
  activity: text,
  status: z.enum(AUTHORISATION_STATUSES),
  date: edtfDate.optional(),
  authority: organisationRef.optional(),
  /** The name of one of the organisation's sites. */
  site: text.optional(),
  note: localText.optional(),
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
  /** The old name of `owners`: still read, with a renamed-value warning (renames.ts). */
  parent: z.union([organisationRef, parentLinkSchema, z.array(parentLinkSchema).min(1)]).optional(),
  ...historyFields,
  region: text.optional(),
  department: departmentCode.optional(),
  city: text.optional(),
  /** Beside `department`, for a structure covering several (a CPTS across a border). */
  departments: z.array(departmentCode).optional(),
  communes: z.array(communeCode).optional(),
  /** Intercommunalities by SIREN. */
  epci: z.array(checked(z.string(), 'bad-identifier', sirenIssue)).optional(),
  population: populationSchema.optional(),
  sites: z.array(siteSchema).optional(),
  founded: edtfDate.optional(),
  dissolved: edtfDate.optional(),
  identifiers: identifiersSchema.optional(),
  website: url.optional(),
  description: localText.optional(),
  activities: z.array(text).optional(),
  shared_resources: z.array(text).optional(),
  figures: z.array(figureSchema).optional(),
  members: z.array(memberSchema).optional(),
  /** false when the article lists the members only in part ("notamment"). */
  members_complete: z.boolean().optional(),
  authorisations: z.array(authorisationSchema).optional(),
  note: localText.optional(),
  sources: z.array(articleRef).min(1),
  field_sources: fieldSourcesSchema.optional(),
  disputed: disputedSchema.optional(),
});

export const budgetLineSchema = recordRule(
  z.strictObject({
    instrument: z.enum(INSTRUMENTS),
    ...amountFields,
    ...qualifierFields,
    ...periodFields,
    note: localText.optional(),
    source: articleRef,
  }),
  'amount-form',
  moneyProblem,
);

export const programmeSchema = z.strictObject({
  id: id.optional(),
  name: text,
  short_name: text.optional(),
  aliases: z.array(text).optional(),
  /** Left out means `programme`. */
  nature: z.enum(PROGRAMME_NATURES).optional(),
  parent: programmeRef.optional(),
  funder: organisationRef.optional(),
  launched: edtfDate.optional(),
  /** A call for projects: when applications open and close. */
  opens: edtfDate.optional(),
  closes: edtfDate.optional(),
  budget: z.array(budgetLineSchema).optional(),
  figures: z.array(figureSchema).optional(),
  description: localText.optional(),
  note: localText.optional(),
  sources: z.array(articleRef).min(1),
  field_sources: fieldSourcesSchema.optional(),
  disputed: disputedSchema.optional(),
});

const count = z.number().int().positive();

export const fundingLineSchema = recordRule(
  recordRule(
    z.strictObject({
      id,
      programme: programmeRef,
      /** Left out when the article names no recipient: recipients_count, or the call as a whole. */
      recipient: organisationRef.optional(),
      recipients_count: count.optional().meta({ description: 'how many unnamed recipients share the amount' }),
      per_recipient_min: amount.optional(),
      per_recipient_max: amount.optional(),
      funder: organisationRef.optional(),
      instrument: z.enum(INSTRUMENTS),
      ...amountFields,
      stage: z.enum(STAGES),
      ...qualifierFields,
      ...periodFields,
      date: edtfDate.optional(),
      note: localText.optional(),
      source: articleRef,
    }),
    'amount-form',
    (line): MoneyProblemAt | undefined =>
      moneyProblem(line) ??
      (line.per_recipient_min !== undefined &&
      line.per_recipient_max !== undefined &&
      line.per_recipient_min > line.per_recipient_max
        ? {
            field: 'per_recipient_max',
            params: {
              problem: 'range-order' as const,
              field: 'per_recipient',
              min: line.per_recipient_min,
              max: line.per_recipient_max,
            },
          }
        : undefined),
  ),
  'recipient-form',
  (line) => {
    if (line.recipient === undefined) return undefined;
    if (line.recipients_count !== undefined)
      return { field: 'recipients_count', params: { problem: 'named-and-counted' as const } };
    const field = line.per_recipient_min !== undefined ? 'per_recipient_min' : 'per_recipient_max';
    return line[field] === undefined
      ? undefined
      : { field, params: { problem: 'per-recipient-named' as const, field } };
  },
);

export const eventSchema = recordRule(
  z.strictObject({
    id,
    date: edtfDate,
    kind: z.enum(EVENT_KINDS),
    /** Left out, the event happened; a planned one is never counted as a fact that occurred. */
    status: z.enum(EVENT_STATUSES).optional(),
    title: localText,
    orgs: z.array(organisationRef).optional(),
    participants: z.array(participantSchema).min(1).optional(),
    programme: programmeRef.optional(),
    place: text.optional(),
    description: localText.optional(),
    source: articleRef.optional(),
    /** Further articles that report the event, besides `source`. */
    sources: z.array(articleRef).min(1).optional(),
  }),
  'missing-field',
  (event) =>
    event.source === undefined && event.sources === undefined ? { field: '', params: { field: 'source' } } : undefined,
);

/** A person an article names; `person` links it to the person's record in people/. */
const articlePersonSchema = z.strictObject({
  name: text,
  person: ref('person').optional(),
  role: text.optional(),
  org: organisationRef.optional(),
});

/** One role a person held, as an article says it (in French, as printed: "présidente"). */
const personRoleSchema = z.strictObject({
  role: text,
  org: organisationRef.optional(),
  since: edtfDate.optional(),
  until: edtfDate.optional(),
  note: localText.optional(),
  source: articleRef,
});

/** A person the articles name: people/<id>.yaml. */
export const personSchema = z.strictObject({
  id: id.optional(),
  name: text,
  aliases: z.array(text).optional(),
  roles: z.array(personRoleSchema).optional(),
  note: localText.optional(),
  sources: z.array(articleRef).min(1),
});

export const agreementSchema = z.strictObject({
  id: id.optional(),
  kind: z.enum(AGREEMENT_KINDS),
  name: text,
  short_name: text.optional(),
  parties: z
    .array(z.strictObject({ org: organisationRef, role: z.enum(PARTY_ROLES), note: localText.optional() }))
    .min(1),
  period: z.strictObject({ since: edtfDate.optional(), until: edtfDate.optional() }).optional(),
  description: localText.optional(),
  note: localText.optional(),
  sources: z.array(articleRef).min(1),
});

/** The same story printed by another outlet too: counted once. */
const alsoPublishedSchema = z.strictObject({
  outlet: text,
  url: url.optional(),
  date: edtfDate.optional(),
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
  people: z.array(articlePersonSchema).optional(),
  also_published: z.array(alsoPublishedSchema).optional(),
  note: localText.optional(),
});

export type Figure = z.output<typeof figureSchema>;
export type Member = z.output<typeof memberSchema>;
export type ParentLink = z.output<typeof parentLinkSchema>;
export type Owner = z.output<typeof ownerSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type OrganisationFields = z.output<typeof organisationSchema>;
export type ProgrammeFields = z.output<typeof programmeSchema>;
export type BudgetLine = z.output<typeof budgetLineSchema>;
export type FundingLine = z.output<typeof fundingLineSchema>;
export type Event = z.output<typeof eventSchema>;
export type PersonFields = z.output<typeof personSchema>;
export type AgreementFields = z.output<typeof agreementSchema>;
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;
