import { resolveRecords } from '../core/base-index.js';
import { ORGANISATION_KINDS, SECTORS } from '../core/enums.js';
import { findCommunes } from '../core/geography.js';
import { RECORD_TYPE_NAMES, type RecordType } from '../core/model.js';
import { ID_PATTERN, idProblem } from '../core/text.js';
import { slugify } from '../core/text.js';
import { folderOf, newArticleText, newRecordPath, newYamlFileText, type NewFields, type NewRecordType } from '../edit/new-record.js';
import { RefusedError, UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { checkChoice, findRecord, type GlobalOptions } from './context.js';
import { applyChanges, schemaLineOfSiblings, type EditContext } from './edit.js';
import { resolveRegionOption } from './options.js';

/** The options of `coop new <type>`, as commander names them. Lists come from repeatable options. */
export interface NewOptions extends GlobalOptions {
  dryRun?: boolean;
  // organisation and programme
  name?: string;
  shortName?: string;
  alias?: string[];
  parent?: string;
  description?: string;
  note?: string;
  source?: string[];
  // organisation
  kind?: string;
  sector?: string;
  legalForm?: string;
  region?: string;
  department?: string;
  city?: string;
  founded?: string;
  dissolved?: string;
  website?: string;
  activity?: string[];
  sharedResource?: string[];
  finessEj?: string;
  finessEt?: string[];
  siren?: string;
  siret?: string;
  rna?: string;
  wikidata?: string;
  // programme
  funder?: string;
  launched?: string;
  // article
  title?: string;
  outlet?: string;
  date?: string;
  author?: string[];
  url?: string;
  language?: string;
  section?: string;
  person?: string[];
  summary?: string;
}

const LANGUAGES = ['fr', 'en'] as const;

/**
 * `coop new organisation|programme|article <id>`: writes the record's file from the options, after
 * checking the whole base with it (references, geography, dates...), never over an existing file.
 * Options are checked in two steps: what the command line alone can tell (the id's form, closed
 * lists, the region, empty values) is a usage error at once (exit 2); what needs the base is refused
 * with nothing written (exit 1): a taken id or a name that names no record at once, and the rest
 * (unknown ids, geography, dates, URLs, identifiers) by the base check, every problem in one pass.
 */
export async function newCommand(type: NewRecordType, id: string, options: NewOptions, io: IO, bundledData: string): Promise<number> {
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
  throw new UsageError(problem, suggestion ? `try "${suggestion}"${convention}` : `use lower-case ASCII letters, digits and hyphens${convention}`);
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
    return {
      fields: {
        name: text('--name', options.name),
        short_name: text('--short-name', options.shortName),
        aliases: list('--alias', options.alias),
        parent: text('--parent', options.parent),
        funder: text('--funder', options.funder),
        launched: text('--launched', options.launched),
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

/** --person "NAME|ROLE|ORG": the role and the organisation may be left out. */
function parsePerson(value: string): Record<string, string> {
  const parts = value.split('|').map((part) => part.trim());
  if (parts.length > 3 || parts[0] === '') {
    throw new UsageError(`--person "${value}" is not NAME, NAME|ROLE or NAME|ROLE|ORG`, 'e.g. --person "Paul Durand|directeur général|hopital-a"');
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
  if (input.trim() === '') throw new UsageError('--summary -: the standard input is empty', 'pipe the summary in (coop new article ... --summary - < summary.md), or leave --summary out');
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
  if (type === 'organisation' && typeof fields.parent === 'string') fields.parent = organisation(fields.parent);
  if (type === 'programme' && typeof fields.parent === 'string') fields.parent = referenceId(context, fields.parent, ['programme'], 'programme');
  if (typeof fields.funder === 'string') fields.funder = organisation(fields.funder);
  if (Array.isArray(fields.sources)) fields.sources = [...new Set((fields.sources as string[]).map(article))];
  if (Array.isArray(fields.people)) {
    fields.people = (fields.people as Array<Record<string, string>>).map((person) => (person.org === undefined ? person : { ...person, org: organisation(person.org) }));
  }
  if (type === 'article') return newArticleText(fields, given.summary);
  return newYamlFileText(type, fields, schemaLineOfSiblings(context, folderOf(type), (type === 'organisation' ? context.base.organisations : context.base.programmes).map((record) => record.file)));
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

