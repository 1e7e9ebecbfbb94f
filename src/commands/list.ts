import { departmentsOf, findDepartment, regionsOf } from '../core/geography.js';
import { foundedOf } from '../core/history.js';
import { listOrganisations, regionOf, type ListFilters } from '../core/queries.js';
import { ORGANISATION_KINDS, SECTORS } from '../core/enums.js';
import type { Organisation } from '../core/model.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderRows } from '../render/output.js';
import { checkChoice, findRecord, openForQuery, readerLanguage, UsageError } from '../app/context.js';
import { labeller } from '../core/labels.js';
import { LANGUAGES } from '../core/language.js';
import { resolveRegionOption } from '../app/region-option.js';

type ListOptions = CommandInput<typeof listOptions>;

/** "Suresnes (92)", "(92)", or the region when that is all there is. */
function placeOf(org: Organisation): string {
  if (org.city) return org.department ? `${org.city} (${org.department})` : org.city;
  if (org.department) return `(${org.department})`;
  // Else the departments it covers, its sites' included.
  const departments = departmentsOf(org);
  if (departments.length > 0) return `(${departments.join(', ')})`;
  return regionOf(org) ?? '';
}

async function listCommand(options: ListOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.kind, ORGANISATION_KINDS, '--kind');
  checkChoice(options.sector, SECTORS, '--sector');
  const label = labeller(readerLanguage(options.lang, io));
  const filters: ListFilters = { kind: options.kind, sector: options.sector };
  if (options.region !== undefined) filters.region = resolveRegionOption(options.region).slug;
  if (options.department !== undefined) {
    const department = findDepartment(options.department.padStart(2, '0'));
    if (!department)
      throw new UsageError(
        `--department "${options.department}" is not a French department code`,
        'e.g. 92, 13, 2A, 974',
      );
    filters.department = department.code;
  }

  const context = await openForQuery(options, io, bundledData);
  if (options.memberOf !== undefined)
    filters.memberOf = findRecord(context.index, options.memberOf, ['organisation'], 'organisation').record.id;
  if (options.hasMember !== undefined)
    filters.hasMember = findRecord(context.index, options.hasMember, ['organisation'], 'organisation').record.id;

  const found = listOrganisations(context.index, filters);
  const rows = {
    humanHeader: ['Name', 'Kind', 'Sector', 'Place', 'Id'],
    human: found.map((org) => [
      org.short_name && org.short_name !== org.name ? `${org.name} (${org.short_name})` : org.name,
      label('ORGANISATION_KINDS', org.kind),
      org.sector ? label('SECTORS', org.sector) : '',
      placeOf(org),
      org.id,
    ]),
    rawHeader: ['id', 'name', 'short_name', 'kind', 'sector', 'city', 'department', 'region'],
    raw: found.map((org) => [
      org.id,
      org.name,
      org.short_name ?? '',
      label('ORGANISATION_KINDS', org.kind),
      org.sector ? label('SECTORS', org.sector) : '',
      org.city ?? '',
      // A structure across a border (a CPTS of the Ain and the Jura) gives each of its places.
      org.department ?? departmentsOf(org).join(','),
      regionOf(org) ?? regionsOf(org).join(','),
    ]),
  };
  io.out(renderRows(rows, found.map(withDerivedFounded), { ...context, whole: [4] }));
  if (context.format === 'table') {
    io.err(
      found.length === 0
        ? 'No organisation matches.\n'
        : `${found.length} organisation${found.length === 1 ? '' : 's'}\n`,
    );
  }
  return 0;
}

/** The JSON record: `founded` read from the convention's milestones when not given, and marked so. */
function withDerivedFounded(org: Organisation): Organisation | (Organisation & { founded_derived_from: string }) {
  const founded = foundedOf(org);
  return founded?.derivedFrom ? { ...org, founded: founded.date, founded_derived_from: founded.derivedFrom } : org;
}

const listOptions = {
  region: { value: '<region>', description: 'region: slug, name, INSEE code or short form (paca, idf)' },
  department: { value: '<code>', description: 'department code (92, 2A)' },
  kind: { value: '<kind>', description: 'kind of organisation (alliance, hospital, ...)', choices: ORGANISATION_KINDS },
  sector: { value: '<sector>', description: SECTORS.join(', '), choices: SECTORS },
  memberOf: { value: '<id>', description: 'members of this structure', completes: 'organisation' },
  hasMember: { value: '<id>', description: 'structures this organisation is a member of', completes: 'organisation' },
  lang: {
    value: '<lang>',
    description: 'fr: kinds and sectors as French labels; en: as ids (default: from LANG, else ids)',
    choices: LANGUAGES,
  },
} as const;

export const command = defineCommand({
  name: 'list',
  summary: 'list organisations, filtered by place, kind, sector or membership',
  options: listOptions,
  details: `Organisations matching every filter given, sorted by name. An organisation is in a department or a
region when its own location is, or any of its departments, communes or sites.`,
  examples: [
    { command: 'coop list --region grand-est', comment: 'also: "Grand Est", 44, paca, idf' },
    { command: 'coop list --department 92 --kind hospital' },
    { command: 'coop list --member-of alliance-ouest-parisien' },
    { command: 'coop list --has-member hopital-foch', comment: 'the structures Hôpital Foch belongs to' },
    { command: 'coop list --sector public --json', comment: 'full records as JSON' },
    { command: 'coop list --kind ght --lang fr', comment: 'kinds and sectors in French' },
  ],
  run: (options, { io, bundledData }) => listCommand(options, io, bundledData),
});
