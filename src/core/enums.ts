/**
 * The closed lists of the data model. Apart from schema.ts so that a query can check an option
 * against them without loading zod. The English ids are those the regulations translate to; the
 * French labels are in labels.ts, the old names that still work in renames.ts.
 */
export const ORGANISATION_KINDS = [
  'alliance',
  'interprofession',
  'consortium',
  'gcs',
  'gcsms',
  'ght',
  'gie',
  'gip',
  'project',
  'cpts',
  'msp',
  'health-centre',
  'dac',
  'chu',
  'ch',
  'psychiatric-hospital',
  'hospital',
  'clinic',
  'clcc',
  'had',
  'ssiad',
  'saad',
  'ehpad',
  'foundation',
  'federation',
  'trade-union',
  'professional-union',
  'public-agency',
  'health-insurance',
  'mutual',
  'local-authority',
  'university',
  'research-institute',
  'competitiveness-cluster',
  'chamber-of-commerce',
  'company',
  'group',
  'think-tank',
  'association',
  'platform',
  'state',
] as const;
export const SECTORS = ['public', 'private-nonprofit', 'private-for-profit', 'mixed-membership'] as const;
/** Sanitaire, médico-social, social, ambulatoire. */
export const FIELDS = ['health', 'medico-social', 'social', 'ambulatory'] as const;
export const LEGAL_FORMS = [
  'gcs',
  'gip',
  'gie',
  'association',
  'foundation',
  'sa',
  'sas',
  'sarl',
  'eps',
  'convention',
  'cooperative',
  'mutual-society',
  'local-authority',
  'epci',
  'public-body',
  'other',
] as const;
/** GCS de moyens, GCS érigé en établissement de santé. */
export const GCS_TYPES = ['means', 'health-establishment'] as const;
export const LAWS = ['public', 'private'] as const;
export const QUALIFICATIONS = ['espic'] as const;
/** Labels an organisation holds: "hôpital de proximité". */
export const ORGANISATION_LABELS = ['proximity-hospital'] as const;
export const MEMBER_ROLES = [
  'founder',
  'member',
  'support',
  'party',
  'associated',
  'coordinator',
  'carrier',
  'administrator',
  'partner',
  'investor',
  'provider',
] as const;
/** Why a member left, with its `until`. */
export const END_REASONS = ['withdrawal', 'exclusion', 'dissolution', 'merger'] as const;
/** Where a membership stands: an application under way is `pending`, never counted as a member. */
export const MEMBER_STATUSES = ['member', 'pending', 'left'] as const;
/**
 * `unspecified`: the article gives the amount without saying grant, loan or equity. `dotation`: an
 * allocation the State or the ARS grants an establishment (MIG, dotation populationnelle), not a
 * subsidy asked for.
 */
export const INSTRUMENTS = ['grant', 'dotation', 'equity', 'loan', 'other', 'unspecified'] as const;
/** Whether the money comes again: ponctuel, pérenne (reconductible), non reconductible. */
export const RECURRENCES = ['one-off', 'recurring', 'non-renewable'] as const;
/** What the money pays for: investissement, fonctionnement. */
export const PURPOSES = ['investment', 'operating'] as const;
/** The period an amount is given for ("450 000 € par an"): such amounts are totalled apart. */
export const PERIODS = ['year'] as const;
/** What a programme is: a fund (FIR), a dotation (MIG), a plan (Ségur), a call for projects. */
export const PROGRAMME_NATURES = ['programme', 'fund', 'dotation', 'plan', 'call'] as const;
export const STAGES = ['announced', 'awarded', 'potential', 'disbursed'] as const;
export const EVENT_KINDS = [
  'founding',
  'joining',
  'announcement',
  'award',
  'call-for-projects',
  'visit',
  'trade-show',
  'meeting',
  'acquisition',
  'publication',
  'construction',
  'launch',
  'deadline',
  'selection',
  'merger',
  'absorption',
  'name-change',
  'sale',
  'opening',
  'closure',
  'appointment',
  'other',
] as const;
/** An event without a status happened: planned ones are announced, never counted as facts. */
export const EVENT_STATUSES = ['planned', 'happened', 'cancelled'] as const;
/**
 * How precise an amount is, as the article says it: exact, "environ" (approximate), "plus de"
 * (at-least), "jusqu'à" (up-to), "entre 20 et 30 M€" (range).
 */
export const AMOUNT_QUALIFIERS = ['exact', 'approximate', 'at-least', 'up-to', 'range'] as const;

// Restructurings and legal milestones (issue 16, parts 3 and 4).

/** What an organisation does in an event: a sale has an acquirer, a target and a seller. */
export const PARTICIPANT_ROLES = [
  'acquirer',
  'target',
  'seller',
  'absorbing',
  'absorbed',
  'merging',
  'new-entity',
] as const;
/** The legal steps of a structure's life; `founded` is derived from the convention's when not given. */
export const MILESTONE_KINDS = [
  'convention-signed',
  'convention-approved',
  'convention-published',
  'convention-amended',
  'medical-project-adopted',
  'health-project-adopted',
  'aci-signed',
  'label-granted',
] as const;
/** Contracts between parties: CPOM, contrat local de santé, direction commune, ACI, conventions. */
export const AGREEMENT_KINDS = [
  'cpom',
  'contrat-local-de-sante',
  'direction-commune',
  'partnership',
  'aci',
  'convention',
  'other',
] as const;
export const PARTY_ROLES = ['signatory', 'ars', 'coordinator', 'party', 'other'] as const;
export const AUTHORISATION_STATUSES = ['granted', 'renewed', 'withdrawn'] as const;
