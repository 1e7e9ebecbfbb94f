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
export const INSTRUMENTS = ['grant', 'equity', 'loan', 'other'] as const;
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
  'other',
] as const;
