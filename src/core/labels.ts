import type { Language } from './language.js';
import type * as Enums from './enums.js';
import type { RENAMES, RenamedField } from './renames.js';

/**
 * The French label of every value of every closed list, as a French health professional says it
 * (the trade press's acronyms where it uses them). The type below requires one for each value of
 * each list of enums.ts, and tests/unit/labels.test.ts walks the lists too: a value added without
 * its label fails.
 */
type Lists = typeof Enums;
export type ListName = keyof Lists;
type Labels = { [L in ListName]: Record<Lists[L][number], string> };

export const FRENCH_LABELS: Labels = {
  ORGANISATION_KINDS: {
    alliance: 'alliance',
    interprofession: 'interprofession',
    consortium: 'consortium',
    gcs: 'GCS',
    gcsms: 'GCSMS',
    ght: 'GHT',
    gie: 'GIE',
    gip: 'GIP',
    project: 'projet',
    cpts: 'CPTS',
    msp: 'maison de santé pluriprofessionnelle',
    'health-centre': 'centre de santé',
    dac: "dispositif d'appui à la coordination",
    chu: 'CHU/CHR',
    ch: 'centre hospitalier',
    'psychiatric-hospital': 'établissement de santé mentale',
    hospital: 'hôpital',
    clinic: 'clinique',
    clcc: 'centre de lutte contre le cancer',
    had: 'hospitalisation à domicile',
    ssiad: 'SSIAD',
    saad: 'SAAD',
    ehpad: 'EHPAD',
    foundation: 'fondation',
    federation: 'fédération',
    'trade-union': 'syndicat',
    'professional-union': 'organisation professionnelle',
    'public-agency': 'agence publique',
    'health-insurance': 'assurance maladie',
    mutual: 'mutuelle',
    'local-authority': 'collectivité territoriale',
    university: 'université',
    'research-institute': 'institut de recherche',
    'competitiveness-cluster': 'pôle de compétitivité',
    'chamber-of-commerce': "chambre de commerce et d'industrie",
    company: 'entreprise',
    group: 'groupe',
    'think-tank': 'cercle de réflexion',
    association: 'association',
    platform: 'plateforme',
    state: 'État',
  },
  SECTORS: {
    public: 'public',
    'private-nonprofit': 'privé non lucratif',
    'private-for-profit': 'privé lucratif',
    'mixed-membership': 'membres publics et privés',
  },
  FIELDS: {
    health: 'sanitaire',
    'medico-social': 'médico-social',
    social: 'social',
    ambulatory: 'ambulatoire',
  },
  LEGAL_FORMS: {
    gcs: 'GCS',
    gip: 'GIP',
    gie: 'GIE',
    association: 'association',
    foundation: 'fondation',
    sa: 'SA',
    sas: 'SAS',
    sarl: 'SARL',
    eps: 'établissement public de santé',
    convention: 'convention constitutive',
    cooperative: 'coopérative',
    'mutual-society': 'mutuelle',
    'local-authority': 'collectivité territoriale',
    epci: 'EPCI',
    'public-body': 'établissement public',
    other: 'autre',
  },
  GCS_TYPES: {
    means: 'GCS de moyens',
    'health-establishment': 'GCS érigé en établissement de santé',
  },
  LAWS: { public: 'droit public', private: 'droit privé' },
  QUALIFICATIONS: { espic: 'ESPIC' },
  ORGANISATION_LABELS: { 'proximity-hospital': 'hôpital de proximité' },
  MEMBER_ROLES: {
    founder: 'fondateur',
    member: 'membre',
    support: 'établissement support',
    party: 'établissement partie',
    associated: 'établissement associé',
    coordinator: 'chef de file',
    carrier: 'porteur',
    administrator: 'administrateur',
    partner: 'partenaire',
    investor: 'investisseur',
    provider: 'prestataire',
  },
  END_REASONS: {
    withdrawal: 'retrait',
    exclusion: 'exclusion',
    dissolution: 'dissolution',
    merger: 'fusion',
  },
  INSTRUMENTS: {
    grant: 'subvention',
    dotation: 'dotation',
    equity: 'prise de participation',
    loan: 'prêt',
    other: 'autre',
    unspecified: 'non précisé',
  },
  RECURRENCES: { 'one-off': 'ponctuel', recurring: 'pérenne', 'non-renewable': 'non reconductible' },
  PURPOSES: { investment: 'investissement', operating: 'fonctionnement' },
  PERIODS: { year: 'par an' },
  PROGRAMME_NATURES: {
    programme: 'programme',
    fund: 'fonds',
    dotation: 'dotation',
    plan: 'plan',
    call: 'appel à projets',
  },
  STAGES: { announced: 'annoncé', awarded: 'attribué', potential: 'potentiel', disbursed: 'versé' },
  EVENT_KINDS: {
    founding: 'création',
    joining: 'adhésion',
    announcement: 'annonce',
    award: 'attribution',
    'call-for-projects': 'appel à projets',
    visit: 'visite',
    'trade-show': 'salon',
    meeting: 'réunion',
    acquisition: 'acquisition',
    publication: 'publication',
    construction: 'construction',
    launch: 'lancement',
    deadline: 'date limite',
    selection: 'sélection',
    merger: 'fusion',
    absorption: 'absorption',
    'name-change': 'changement de nom',
    sale: 'cession',
    opening: 'ouverture',
    closure: 'fermeture',
    appointment: 'nomination',
    other: 'autre',
  },
  PARTICIPANT_ROLES: {
    acquirer: 'acquéreur',
    target: 'cible',
    seller: 'cédant',
    absorbing: 'absorbant',
    absorbed: 'absorbé',
    merging: 'fusionnant',
    'new-entity': 'entité issue',
  },
  MILESTONE_KINDS: {
    'convention-signed': 'convention constitutive signée',
    'convention-approved': 'convention constitutive approuvée',
    'convention-published': 'convention constitutive publiée',
    'convention-amended': 'avenant à la convention constitutive',
    'medical-project-adopted': 'projet médical partagé adopté',
    'health-project-adopted': 'projet de santé adopté',
    'aci-signed': 'accord conventionnel interprofessionnel signé',
    'label-granted': 'label obtenu',
  },
  MEMBER_STATUSES: { member: 'membre', pending: 'adhésion en cours', left: 'ancien membre' },
  EVENT_STATUSES: { planned: 'prévu', happened: 'advenu', cancelled: 'annulé' },
  AMOUNT_QUALIFIERS: {
    exact: 'exact',
    approximate: 'environ',
    'at-least': 'au moins',
    'up-to': "jusqu'à",
    range: 'fourchette',
  },
  AGREEMENT_KINDS: {
    cpom: 'CPOM',
    'contrat-local-de-sante': 'contrat local de santé',
    'direction-commune': 'direction commune',
    partnership: 'partenariat',
    aci: 'ACI',
    convention: 'convention',
    other: 'autre',
  },
  PARTY_ROLES: { signatory: 'signataire', ars: 'ARS', coordinator: 'coordonnateur', party: 'partie', other: 'autre' },
  AUTHORISATION_STATUSES: { granted: 'accordée', renewed: 'renouvelée', withdrawn: 'retirée' },
};

/** The old values that still work (renames.ts), so that a base not yet migrated reads in French too. */
const OLD_LABELS: { [F in RenamedField]: Record<keyof (typeof RENAMES)[F], string> } = {
  kind: { 'nursing-home': 'maison de retraite', 'home-care': 'soins à domicile', 'medical-centre': 'centre médical' },
  sector: { mixed: 'mixte' },
  legal_form: {
    GCS: 'GCS',
    GIP: 'GIP',
    GIE: 'GIE',
    EPCI: 'EPCI',
    EPS: 'établissement public de santé',
    SA: 'SA',
    SAS: 'SAS',
    SARL: 'SARL',
    fondation: 'fondation',
    'association loi 1901': 'association loi 1901',
  },
  role: { lead: 'pilote', associate: 'associé' },
};

const OLD_FIELD_OF: Partial<Record<ListName, RenamedField>> = {
  ORGANISATION_KINDS: 'kind',
  SECTORS: 'sector',
  LEGAL_FORMS: 'legal_form',
  MEMBER_ROLES: 'role',
};

/** The French label of a value of a list; the value itself when it has none (a value from a newer coop). */
export function frenchLabel(list: ListName, value: string): string {
  const labels = FRENCH_LABELS[list] as Record<string, string>;
  if (Object.hasOwn(labels, value)) return labels[value]!;
  const oldField = OLD_FIELD_OF[list];
  const old = oldField ? (OLD_LABELS[oldField] as Record<string, string>) : undefined;
  return old && Object.hasOwn(old, value) ? old[value]! : value;
}

/** How a value of a list is shown: its id in English (the ids are English), its label in French. */
export type Labeller = (list: ListName, value: string) => string;

export function labeller(language: Language | undefined): Labeller {
  return language === 'fr' ? frenchLabel : (_list, value) => value;
}
