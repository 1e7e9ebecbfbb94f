/**
 * The closed lists of the data model. Apart from schema.ts so that a query can check an option
 * against them without loading zod.
 */
export const ORGANISATION_KINDS = [
  'alliance',
  'interprofession',
  'consortium',
  'gcs',
  'ght',
  'project',
  'hospital',
  'clinic',
  'nursing-home',
  'home-care',
  'medical-centre',
  'foundation',
  'federation',
  'trade-union',
  'professional-union',
  'public-agency',
  'health-insurance',
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
export const SECTORS = ['public', 'private-nonprofit', 'private-for-profit', 'mixed'] as const;
export const MEMBER_ROLES = ['founder', 'member', 'associate', 'lead', 'partner', 'investor', 'provider'] as const;
/** Where a membership stands: an application under way is `pending`, never counted as a member. */
export const MEMBER_STATUSES = ['member', 'pending', 'left'] as const;
/** `unspecified`: the article gives the amount without saying grant, loan or equity. */
export const INSTRUMENTS = ['grant', 'equity', 'loan', 'other', 'unspecified'] as const;
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
  'other',
] as const;
/** An event without a status happened: planned ones are announced, never counted as facts. */
export const EVENT_STATUSES = ['planned', 'happened', 'cancelled'] as const;
/**
 * How precise an amount is, as the article says it: exact, "environ" (approximate), "plus de"
 * (at-least), "jusqu'à" (up-to), "entre 20 et 30 M€" (range).
 */
export const AMOUNT_QUALIFIERS = ['exact', 'approximate', 'at-least', 'up-to', 'range'] as const;
