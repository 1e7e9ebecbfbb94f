import { resolveRecords } from '../core/base-index.js';
import {
  AGREEMENT_KINDS,
  LEGAL_FORMS,
  ORGANISATION_KINDS,
  PARTY_ROLES,
  PROGRAMME_NATURES,
  SECTORS,
} from '../core/enums.js';
import { findCommunes } from '../core/geography.js';
import { RECORD_TYPE_NAMES, type RecordType } from '../core/model.js';
import { ID_PATTERN, idProblem } from '../core/text.js';
import { slugify } from '../core/text.js';
import {
  folderOf,
  newArticleText,
  newRecordPath,
  newYamlFileText,
  type NewFields,
  type NewRecordType,
} from '../edit/new-record.js';
import { RefusedError, UsageError } from '../errors.js';
import { type CommandInput, defineCommand, defineGroup } from '../command.js';
import type { IO } from '../io.js';
import { checkChoice, findRecord } from '../app/context.js';
import { applyChanges, schemaLineOfSiblings, type EditContext } from '../app/apply-changes.js';
import { resolveRegionOption } from '../app/region-option.js';

type NewOptions = Partial<
  CommandInput<typeof newOrganisationOptions> &
    CommandInput<typeof newProgrammeOptions> &
    CommandInput<typeof newArticleOptions> &
    CommandInput<typeof newPersonOptions> &
    CommandInput<typeof newAgreementOptions>
>;

const LANGUAGES = ['fr', 'en'] as const;

/**
 * `coop new organisation|programme|article <id>`: writes the record's file from the options, after
 * checking the whole base with it (references, geography, dates...), never over an existing file.
 * Options are checked in two steps: what the command line alone can tell (the id's form, closed
 * lists, the region, empty values) is a usage error at once (exit 2); what needs the base is refused
 * with nothing written (exit 1): a taken id or a name that names no record at once, and the rest
 * (unknown ids, geography, dates, URLs, identifiers) by the base check, every problem in one pass.
 */
async function newCommand(
  type: NewRecordType,
  id: string,
  options: NewOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  checkNewId(type, id, options);
  const given = await readOptions(type, options, io);
  const path = newRecordPath(type, id);
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      refuseTakenId(context, id, path);
      return [{ path, text: fileText(type, given, context), create: true }];
    },
    { dryRun: options.dryRun === true },
  );
}

function checkNewId(type: NewRecordType, id: string, options: NewOptions): void {
  const problem = idProblem(id);
  if (problem === undefined) return;
  const suggestion = slugify(type === 'article' ? id : (options.name ?? id)) || slugify(id);
  const convention = type === 'article' ? ' (article ids are <outlet>-<date>-<topic>)' : '';
  throw new UsageError(
    problem,
    suggestion ? `try "${suggestion}"${convention}` : `use lower-case ASCII letters, digits and hyphens${convention}`,
  );
}

/** The options of this type, trimmed, with closed lists and the region checked, and the summary read. */
interface GivenFields {
  /** References (parent, funder, sources, people's org) as typed: resolved against the base later. */
  fields: NewFields;
  summary?: string;
}

async function readOptions(type: NewRecordType, options: NewOptions, io: IO): Promise<GivenFields> {
  if (type === 'organisation') {
    checkChoice(options.kind, ORGANISATION_KINDS, '--kind');
    checkChoice(options.sector, SECTORS, '--sector');
    checkChoice(options.legalForm, LEGAL_FORMS, '--legal-form');
    const identifiers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries({
      finess_ej: text('--finess-ej', options.finessEj),
      finess_et: list('--finess-et', options.finessEt),
      siren: text('--siren', options.siren),
      siret: text('--siret', options.siret),
      rna: text('--rna', options.rna),
      wikidata: text('--wikidata', options.wikidata),
    })) {
      if (value !== undefined) identifiers[key] = value;
    }
    const region = text('--region', options.region);
    const department = text('--department', options.department);
    return {
      fields: {
        name: text('--name', options.name),
        short_name: text('--short-name', options.shortName),
        aliases: list('--alias', options.alias),
        kind: options.kind,
        sector: options.sector,
        legal_form: text('--legal-form', options.legalForm),
        parent: text('--parent', options.parent),
        region: region === undefined ? undefined : resolveRegionOption(region).slug,
        department: department?.toUpperCase(),
        city: officialCityName(text('--city', options.city), department?.toUpperCase()),
        founded: text('--founded', options.founded),
        dissolved: text('--dissolved', options.dissolved),
        identifiers: Object.keys(identifiers).length > 0 ? identifiers : undefined,
        website: text('--website', options.website),
        description: text('--description', options.description),
        activities: list('--activity', options.activity),
        shared_resources: list('--shared-resource', options.sharedResource),
        note: text('--note', options.note),
        sources: list('--source', options.source),
      },
    };
  }
  if (type === 'programme') {
    checkChoice(options.nature, PROGRAMME_NATURES, '--nature');
    return {
      fields: {
        name: text('--name', options.name),
        short_name: text('--short-name', options.shortName),
        aliases: list('--alias', options.alias),
        nature: options.nature,
        parent: text('--parent', options.parent),
        funder: text('--funder', options.funder),
        launched: text('--launched', options.launched),
        opens: text('--opens', options.opens),
        closes: text('--closes', options.closes),
        description: text('--description', options.description),
        note: text('--note', options.note),
        sources: list('--source', options.source),
      },
    };
  }
  if (type === 'person') {
    return {
      fields: {
        name: text('--name', options.name),
        aliases: list('--alias', options.alias),
        note: text('--note', options.note),
        sources: list('--source', options.source),
      },
    };
  }
  if (type === 'agreement') {
    checkChoice(options.kind, AGREEMENT_KINDS, '--kind');
    const since = text('--since', options.since);
    const until = text('--until', options.until);
    return {
      fields: {
        kind: options.kind,
        name: text('--name', options.name),
        short_name: text('--short-name', options.shortName),
        parties: options.party?.map(parseParty),
        period: since === undefined && until === undefined ? undefined : withoutUndefined({ since, until }),
        description: text('--description', options.description),
        note: text('--note', options.note),
        sources: list('--source', options.source),
      },
    };
  }
  const language = text('--language', options.language) ?? 'fr';
  checkChoice(language, LANGUAGES, '--language');
  return {
    fields: {
      title: text('--title', options.title),
      outlet: text('--outlet', options.outlet),
      date: text('--date', options.date),
      // Always written, empty or not, as in every article: "no author" is then a fact, not an omission.
      authors: list('--author', options.author) ?? [],
      url: text('--url', options.url),
      language,
      section: text('--section', options.section),
      people: options.person?.map(parsePerson),
      note: text('--note', options.note),
    },
    summary: await readSummary(options.summary, io),
  };
}

/** An option's text, trimmed; an empty one is a mistake (the data model has no empty fields). */
function text(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`${option} is empty`, `give it a value, or leave ${option} out`);
  return trimmed;
}

/** A repeatable option's values, trimmed, each once, in the order given; undefined when none. */
function list(option: string, values: string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return [...new Set(values.map((value) => text(option, value)!))];
}

/**
 * The commune's official spelling ("saint cloud" is written Saint-Cloud) when the name answers to
 * one commune name (in the department given, if it has one there); otherwise as typed, for the base
 * check to report.
 */
function officialCityName(city: string | undefined, department: string | undefined): string | undefined {
  if (city === undefined) return undefined;
  const everywhere = findCommunes(city);
  const inDepartment = everywhere.filter((commune) => commune.department === department);
  // In another department only: spelled officially still, and the base check says where it is.
  const names = new Set((inDepartment.length > 0 ? inDepartment : everywhere).map((commune) => commune.name));
  return names.size === 1 ? [...names][0] : city;
}

/** --party ORG:ROLE, split at the last colon: the organisation is resolved against the base later. */
function parseParty(value: string): Record<string, string> {
  const colon = value.lastIndexOf(':');
  const org = value.slice(0, Math.max(colon, 0)).trim();
  const role = value.slice(colon + 1).trim();
  if (colon < 0 || org === '' || !(PARTY_ROLES as readonly string[]).includes(role)) {
    throw new UsageError(
      `--party "${value}" is not ORG:ROLE`,
      `ROLE is one of ${PARTY_ROLES.join(', ')}; e.g. --party ch-de-valbrune:signatory`,
    );
  }
  return { org, role };
}

function withoutUndefined(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** --person "NAME|ROLE|ORG": the role and the organisation may be left out. */
function parsePerson(value: string): Record<string, string> {
  const parts = value.split('|').map((part) => part.trim());
  if (parts.length > 3 || parts[0] === '') {
    throw new UsageError(
      `--person "${value}" is not NAME, NAME|ROLE or NAME|ROLE|ORG`,
      'e.g. --person "Paul Durand|directeur général|hopital-a"',
    );
  }
  const [name, role, org] = parts as [string, string | undefined, string | undefined];
  const person: Record<string, string> = { name };
  if (role) person.role = role;
  if (org) person.org = org;
  return person;
}

async function readSummary(value: string | undefined, io: IO): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value !== '-') return text('--summary', value);
  if (!io.readInput) throw new UsageError('--summary -: there is no standard input to read');
  let input: string;
  try {
    input = await io.readInput();
  } catch (error) {
    if (error instanceof RefusedError) throw error;
    throw new UsageError('--summary -: the standard input is not UTF-8 text');
  }
  if (input.trim() === '')
    throw new UsageError(
      '--summary -: the standard input is empty',
      'pipe the summary in (coop new article ... --summary - < summary.md), or leave --summary out',
    );
  return input.trim();
}

/**
 * An id used by another record (of any type: ids are unique across the base) is refused here, with
 * the file that holds it. A file of the same name is refused by applyChanges, which never overwrites.
 */
function refuseTakenId(context: EditContext, id: string, path: string): void {
  const taken = context.index.byId.get(id);
  if (taken && taken.record.file !== path) {
    throw new RefusedError(
      `"${id}" is already the id of ${RECORD_TYPE_NAMES[taken.type]} (${context.displayPath(taken.record.file)}): nothing written`,
      'ids are unique across the whole base: choose another one',
    );
  }
}

function fileText(type: NewRecordType, given: GivenFields, context: EditContext): string {
  const fields = { ...given.fields };
  const organisation = (value: string) => referenceId(context, value, ['organisation'], 'organisation');
  const article = (value: string) => referenceId(context, value, ['article'], 'article');
  // parent is now owners: the group or owner is written as the one owner, without share or dates.
  if (type === 'organisation' && typeof fields.parent === 'string') {
    fields.owners = [{ org: organisation(fields.parent) }];
    delete fields.parent;
  }
  if (type === 'programme' && typeof fields.parent === 'string')
    fields.parent = referenceId(context, fields.parent, ['programme'], 'programme');
  if (typeof fields.funder === 'string') fields.funder = organisation(fields.funder);
  if (Array.isArray(fields.sources)) fields.sources = [...new Set((fields.sources as string[]).map(article))];
  if (type === 'agreement' && Array.isArray(fields.parties))
    fields.parties = (fields.parties as Array<Record<string, string>>).map((party) => ({
      ...party,
      org: organisation(party.org!),
    }));
  if (Array.isArray(fields.people)) {
    fields.people = (fields.people as Array<Record<string, string>>).map((person) =>
      person.org === undefined ? person : { ...person, org: organisation(person.org) },
    );
  }
  if (type === 'article') return newArticleText(fields, given.summary);
  return newYamlFileText(
    type,
    fields,
    schemaLineOfSiblings(
      context,
      folderOf(type),
      (type === 'organisation'
        ? context.base.organisations
        : type === 'programme'
          ? context.base.programmes
          : type === 'person'
            ? context.base.people
            : context.base.agreements
      ).map((record) => record.file),
    ),
  );
}

/**
 * A reference as typed: an id, a name, an acronym or an alias (or an article's title) becomes the
 * id it names. A name that names nothing is refused with the closest ones; an id that names
 * nothing is left for the base check, which reports it at its line with the closest ids, together
 * with every other problem of the new record.
 */
function referenceId(context: EditContext, value: string, types: RecordType[], noun: string): string {
  const found = resolveRecords(context.index, value, types);
  if (found.length === 1) return found[0]!.record.id;
  if (found.length === 0 && ID_PATTERN.test(value)) return value;
  return findRecord(context.index, value, types, noun).record.id; // throws: several records, or none
}

const SOURCE_HELP = 'article id (or title) the facts come from; repeat for each';
const DRY_RUN = { description: 'check everything and print the diff of the new file, without writing it' } as const;

const newOrganisationOptions = {
  name: { value: '<name>', description: 'official or usual full name, in French', required: true },
  shortName: { value: '<text>', description: 'the acronym or short form used most' },
  alias: { value: '<alias>', description: 'another acronym, spelling or former name; repeat for each', repeat: true },
  kind: { value: '<kind>', description: ORGANISATION_KINDS.join(', '), required: true, choices: ORGANISATION_KINDS },
  sector: { value: '<sector>', description: SECTORS.join(', '), choices: SECTORS },
  legalForm: { value: '<form>', description: LEGAL_FORMS.join(', '), choices: LEGAL_FORMS },
  parent: {
    value: '<org>',
    description:
      'the group or owner: organisation id, name or acronym (written as owners; coop add owner for a share or dates)',
    completes: 'organisation',
  },
  region: {
    value: '<region>',
    description: 'region: slug, name, INSEE code or short form (paca, idf); derived from --department when left out',
  },
  department: { value: '<code>', description: 'department code (92, 2A)' },
  city: { value: '<name>', description: 'official commune name' },
  founded: { value: '<date>', description: 'EDTF date (2017-09, 2012-12~)' },
  dissolved: { value: '<date>', description: 'EDTF date' },
  website: { value: '<url>', description: 'only when an article gives it' },
  description: { value: '<text>', description: 'in our own words' },
  activity: { value: '<text>', description: 'a specialty or area of cooperation; repeat for each', repeat: true },
  sharedResource: { value: '<text>', description: 'what members pool; repeat for each', repeat: true },
  finessEj: { value: '<number>', description: 'FINESS of the legal entity' },
  finessEt: { value: '<number>', description: 'FINESS of an establishment; repeat for each', repeat: true },
  siren: { value: '<number>', description: 'SIREN' },
  siret: { value: '<number>', description: 'SIRET' },
  rna: { value: '<number>', description: 'RNA (associations)' },
  wikidata: { value: '<qid>', description: 'Wikidata id (Q...)' },
  note: { value: '<text>', description: 'disagreements between sources, caveats' },
  source: { value: '<article>', description: SOURCE_HELP, required: true, repeat: true, completes: 'article' },
  dryRun: DRY_RUN,
} as const;

const newProgrammeOptions = {
  name: { value: '<name>', description: 'full name', required: true },
  shortName: { value: '<text>', description: 'the acronym used most (PIA)' },
  alias: { value: '<alias>', description: 'another name or acronym; repeat for each', repeat: true },
  nature: {
    value: '<nature>',
    description: 'fund (FIR), dotation (MIG), plan (Ségur), call (appel à projets); programme when left out',
    choices: PROGRAMME_NATURES,
  },
  parent: {
    value: '<programme>',
    description: 'the programme that carries it: id, name or acronym',
    completes: 'programme',
  },
  funder: { value: '<org>', description: 'who pays: organisation id, name or acronym', completes: 'organisation' },
  launched: { value: '<date>', description: 'EDTF date (2018-11)' },
  opens: { value: '<date>', description: 'a call for projects: when applications open (EDTF)' },
  closes: { value: '<date>', description: 'a call for projects: when applications close (EDTF)' },
  description: { value: '<text>', description: 'in our own words' },
  note: { value: '<text>', description: 'disagreements between sources, caveats' },
  source: { value: '<article>', description: SOURCE_HELP, required: true, repeat: true, completes: 'article' },
  dryRun: DRY_RUN,
} as const;

const newArticleOptions = {
  title: { value: '<title>', description: 'the headline, as published', required: true },
  outlet: { value: '<name>', description: 'Hospimedia, TICsanté, ...' },
  date: { value: '<date>', description: 'publication date, EDTF (2017-09-13)', required: true },
  author: { value: '<name>', description: 'repeat for each author', repeat: true },
  url: { value: '<url>', description: 'where it was published' },
  language: { value: '<code>', description: 'fr or en (default: fr)', choices: LANGUAGES },
  section: { value: '<name>', description: "the outlet's section or rubric" },
  person: {
    value: '<name|role|org>',
    description: 'someone the article quotes or names, with their role then and organisation; repeat for each',
    repeat: true,
  },
  note: { value: '<text>', description: 'about the article itself: dates, disagreements with other sources' },
  summary: { value: '<text>', description: 'our own summary, the body of the file; "-" reads it from standard input' },
  dryRun: DRY_RUN,
} as const;

const newPersonOptions = {
  name: { value: '<name>', description: 'the name exactly as the article prints it', required: true },
  alias: { value: '<name>', description: 'another spelling of the name; repeat for each', repeat: true },
  note: { value: '<text>', description: 'disagreements between sources, caveats' },
  source: { value: '<article>', description: SOURCE_HELP, required: true, repeat: true, completes: 'article' },
  dryRun: DRY_RUN,
} as const;

const newAgreementOptions = {
  kind: { value: '<kind>', description: AGREEMENT_KINDS.join(', '), required: true, choices: AGREEMENT_KINDS },
  name: {
    value: '<name>',
    description: 'the name the article gives it, in French (CPOM 2024-2028 du CH de X)',
    required: true,
  },
  shortName: { value: '<text>', description: 'the acronym or short form used most' },
  party: {
    value: '<org:role>',
    description: `a party and its role (${PARTY_ROLES.join(', ')}): organisation id, name or acronym; repeat for each`,
    required: true,
    repeat: true,
    completes: 'organisation',
  },
  since: { value: '<date>', description: 'EDTF date the agreement starts (2024)' },
  until: { value: '<date>', description: 'EDTF date it ends (2028)' },
  description: { value: '<text>', description: 'in our own words, in French' },
  note: { value: '<text>', description: 'disagreements between sources, caveats' },
  source: { value: '<article>', description: SOURCE_HELP, required: true, repeat: true, completes: 'article' },
  dryRun: DRY_RUN,
} as const;

export const command = defineGroup({
  name: 'new',
  summary:
    'record a new organisation, programme, article, person or agreement: writes its file, checked with the whole base first',
  details: `Writes the file of a new record from the options given: organisations/<id>.yaml,
programmes/<id>.yaml, articles/<id>.md or agreements/<id>.yaml. The whole base is checked with the new file first; if it
would bring any error (an unknown source, a city outside its department, a bad date...), nothing is
written and every problem is shown (exit 1). An existing record is never overwritten (exit 1). The
file is written whole or not at all, and its path printed. Members, funding, events and figures are
added to existing records with coop add.

Exit codes: 0 written, 1 refused (nothing written), 2 usage error.`,
  examples: [
    {
      command:
        'coop new article hospimedia-2026-11-20-clinique-x --title "..." --outlet Hospimedia --date 2026-11-20 --summary - < summary.md',
    },
    {
      command:
        'coop new organisation clinique-x --name "Clinique X" --kind clinic --department 92 --source hospimedia-2026-11-20-clinique-x',
    },
    { command: 'coop new programme fonds-x --name "Fonds X" --funder etat --source hospimedia-2026-11-20-clinique-x' },
  ],
  subcommands: [
    defineCommand({
      name: 'organisation',
      summary: 'write organisations/<id>.yaml from the options',
      arguments: { id: { description: 'the new id, a kebab-case slug of the name (clinique-x)' } },
      options: newOrganisationOptions,
      details: `The id must be a kebab-case slug (clinique-x) that no record of any type uses. Repeatable options
(--alias, --source, --activity, ...) take one value each time. References (--parent, --source) take
an id, or a name, acronym or alias (a title for articles) that names exactly one record; the file
holds the id. The region is derived from --department when left out; --region, --department and
--city are checked against the official geography. Keys are written in the data model's order.`,
      examples: [
        {
          command: `coop new organisation clinique-x --name "Clinique X" --kind clinic --sector private-for-profit \\
    --department 92 --city Suresnes --source hospimedia-2026-11-20-clinique-x`,
        },
        {
          command: `coop new organisation gcs-y --name "GCS Y" --short-name GCSY --alias "Groupement Y" --kind gcs \\
    --legal-form gcs --region idf --founded 2026-10 --source a-1 --source a-2`,
        },
        { command: 'coop new organisation clinique-x ... --dry-run', comment: 'print the diff, write nothing' },
      ],
      run: (options, { io, bundledData }) => newCommand('organisation', options.id, options, io, bundledData),
    }),
    defineCommand({
      name: 'programme',
      summary: 'write programmes/<id>.yaml from the options',
      arguments: { id: { description: 'the new id, a kebab-case slug of the name (territoires-d-innovation)' } },
      options: newProgrammeOptions,
      details: `The id must be a kebab-case slug that no record of any type uses. --parent takes a programme,
--funder an organisation, --source an article: by id, or by a name or acronym naming one record.
Budgets and figures are added afterwards (edit the file).`,
      examples: [
        {
          command: `coop new programme fonds-x --name "Fonds X" --short-name FX --parent PIA --funder etat \\
    --launched 2026-06 --source hospimedia-2026-11-20-clinique-x`,
        },
        {
          command: `coop new programme appel-x-2026 --name "Appel à projets X 2026" --parent fonds-x \\
    --opens 2026-01-15 --closes 2026-03-31 --source hospimedia-2026-11-20-clinique-x`,
          comment: 'a call for projects: a programme under the one that funds it',
        },
      ],
      run: (options, { io, bundledData }) => newCommand('programme', options.id, options, io, bundledData),
    }),
    defineCommand({
      name: 'article',
      summary: 'write articles/<id>.md: the front matter from the options, then our own summary',
      arguments: {
        id: { description: 'the new id: <outlet>-<date>-<topic> (hospimedia-2017-09-13-alliance-ouest-parisien)' },
      },
      options: newArticleOptions,
      details: `The id is <outlet>-<date>-<topic> (hospimedia-2026-11-20-clinique-x), a kebab-case slug no record
uses. The body is our own summary, never the article's sentences: give it with --summary TEXT, or
--summary - to read it from standard input (a file, a heredoc). Without --summary the file ends
after its front matter: write the summary there in your editor. Authors are written as a list,
empty when none is given; the language is fr unless --language en.

--person "NAME|ROLE|ORG" records someone the article quotes or names: the role they had then and
their organisation (id or name) may be left out.

Until a record cites it, coop validate warns that the article is cited by no record: record its
facts next (coop new organisation ... --source <id>, coop add ...).`,
      examples: [
        {
          command: `coop new article hospimedia-2026-11-20-clinique-x --title "La clinique X rejoint l'Alliance" \\
    --outlet Hospimedia --date 2026-11-20 --author "Jeanne Martin" --section "Offre de soins" \\
    --person "Paul Durand|directeur de la clinique X" --summary - < summary.md`,
        },
        {
          command: 'coop new article gazette-2026-01-05-gcs --title "..." --date 2026-01 --summary "Our own summary."',
        },
      ],
      run: (options, { io, bundledData }) => newCommand('article', options.id, options, io, bundledData),
    }),
    defineCommand({
      name: 'person',
      summary: 'write people/<id>.yaml: someone the articles name',
      arguments: { id: { description: 'the new id, a kebab-case slug of the name (jeanne-martin)' } },
      options: newPersonOptions,
      details: `A person the articles name: a minister, a director, a spokesperson. The name is written exactly
as the article prints it. Roles are added with coop add role; an article's people item points at
the record with person: <id>.`,
      examples: [
        {
          command: `coop new person jeanne-martin --name "Jeanne Martin" --source hospimedia-2026-11-20-clinique-x`,
        },
      ],
      run: (options, { io, bundledData }) => newCommand('person', options.id, options, io, bundledData),
    }),
    defineCommand({
      name: 'agreement',
      summary: 'write agreements/<id>.yaml: a contract between parties (CPOM, contrat local de santé, ...)',
      arguments: { id: { description: 'the new id, a kebab-case slug (cpom-ch-de-valbrune-2024-2028)' } },
      options: newAgreementOptions,
      details: `The id must be a kebab-case slug that no record of any type uses. Each --party is ORG:ROLE: the
organisation by id, name or acronym, and its role (signatory, ars, coordinator, party, other).
--since and --until are EDTF dates, no more precise than the article.`,
      examples: [
        {
          command: `coop new agreement cpom-ch-de-valbrune-2024-2028 --kind cpom --name "CPOM 2024-2028 du CH de Valbrune" \\
    --party ch-de-valbrune:signatory --party ars-bfc:ars --since 2024 --until 2028 --source courrier-2024-01-15-cpom`,
        },
      ],
      run: (options, { io, bundledData }) => newCommand('agreement', options.id, options, io, bundledData),
    }),
  ],
});
