import { z } from 'zod';
import { certainlyBefore } from './dates.js';
import type { Diagnostic } from './diagnostics.js';
import { sortDiagnostics } from './diagnostics.js';
import { diagnostic, type RuleId, type RuleParams } from './rules.js';
import {
  departmentCodes,
  findCommunes,
  findDepartment,
  findRegion,
  regionBySlugOrNull,
  regionOfCode,
  regionSlugs,
  communeNamesIn,
  findCommuneByCode,
  findEpci,
} from './geography.js';
import {
  emptyBase,
  RECORD_TYPE_NAMES,
  type Agreement,
  type Article,
  type Base,
  type CoopEvent,
  type Funding,
  type Organisation,
  type Person,
  type Programme,
  type RecordType,
} from './model.js';
import {
  agreementSchema,
  articleFrontMatterSchema,
  eventSchema,
  fundingLineSchema,
  idProblem,
  organisationSchema,
  personSchema,
  programmeSchema,
} from './schema.js';
import { describe, issueDiagnostics } from './schema-issues.js';
import { positionOf, type ParsedFile, type Position } from './parsed-file.js';
import { didYouMean } from './text.js';
import { COMMON_KNOWLEDGE, ITEMISED_FIELDS, sourceableFields, type Sourced } from './field-sources.js';
import { currentOwners, type Owned } from './memberships.js';
import { findRenamedFields, findRenamedValues } from './renames.js';

type Path = Array<string | number>;

interface Declaration {
  type: RecordType;
  file: ParsedFile;
  path: Path;
}

/**
 * Checks every parsed file against the data model and the base against itself, in one pass, and
 * builds the base of the records that passed their schema. Pure: files in, base and diagnostics out.
 */
export function buildBase(files: readonly ParsedFile[]): { base: Base; diagnostics: Diagnostic[] } {
  const builder = createBaseBuilder();
  for (const file of files) builder.add(file);
  return builder.finish();
}

interface BaseBuilder {
  /**
   * Checks one file against its schema and keeps its valid records. The file's parsed data is
   * released afterwards: holding every file's raw data until the end would double the memory of a
   * large base and the time spent collecting it.
   */
  add(file: ParsedFile): void;
  /** Checks the base against itself (references, cycles, geography, dates, citations). */
  finish(): { base: Base; diagnostics: Diagnostic[] };
}

/** The same checks as buildBase, fed one file at a time. */
export function createBaseBuilder(): BaseBuilder {
  const base = emptyBase();
  const diagnostics: Diagnostic[] = [];
  const declared = new Map<string, Declaration>();
  /** Every record checked against the base: those in it, and what remains of those that failed their schema. */
  const checked: Checked[] = [];

  const report: Report = (file, at, rule, params) => {
    const [line, column] = isPosition(at) ? at : positionOf(file.positions, at);
    diagnostics.push(diagnostic(rule, params, { file: file.path, line, column }));
  };

  /** Registers an id; false when it is taken, and the second record stays out of the base. */
  const declare = (id: unknown, type: RecordType, file: ParsedFile, path: Path): boolean => {
    if (typeof id !== 'string' || idProblem(id) !== undefined) return true;
    const first = declared.get(id);
    if (first) {
      const [line, column] = positionOf(first.file.positions, first.path);
      const [atLine, atColumn] = positionOf(file.positions, path);
      diagnostics.push(
        diagnostic(
          'duplicate-id',
          { id, firstRecord: RECORD_TYPE_NAMES[first.type] },
          { file: file.path, line: atLine, column: atColumn },
          { file: first.file.path, line, column },
        ),
      );
      return false;
    }
    declared.set(id, { type, file, path });
    return true;
  };

  /**
   * Checks one record against its schema. A record that fails stays out of the base, but what is
   * left of it once its faulty fields are removed is still checked against the rest, so that one
   * pass reports every problem.
   */
  const checkRecord = <S extends z.ZodObject>(
    type: RecordType,
    schema: S,
    value: Record<string, unknown>,
    file: ParsedFile,
    prefix: Path,
  ): z.output<S> | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) diagnostics.push(...issueDiagnostics(issue, file, prefix, schema, value));
    // The faulty top-level fields; an unknown field is reported at the record's own path, with its name.
    const faulty = new Set(
      result.error.issues
        .flatMap((issue) =>
          issue.path.length === 0 && issue.code === 'unrecognized_keys' ? issue.keys : [issue.path[0]],
        )
        .filter((key) => key !== undefined),
    );
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !faulty.has(key)));
    // Rebuilt from the shape: zod refuses .partial() on a schema with checks across fields.
    const partial = z.strictObject(schema.shape).partial().safeParse(rest);
    if (partial.success) checked.push({ type, record: partial.data as PartialRecord, file, prefix, complete: false });
    return undefined;
  };

  const isMap = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);

  /**
   * A disputed value must be one its field could hold: a date for founded, a kind of the list for
   * kind. Fields holding a list or a map (aliases, identifiers) are left out: one item is disputed.
   */
  const checkDisputedValues = (data: Record<string, unknown>, schema: z.ZodObject, file: ParsedFile): void => {
    if (!isMap(data.disputed)) return;
    for (const [field, values] of Object.entries(data.disputed)) {
      const fieldSchema = schema.shape[field];
      if (!fieldSchema || !Array.isArray(values) || Array.isArray(data[field]) || isMap(data[field])) continue;
      values.forEach((item: unknown, i) => {
        if (!isMap(item) || item.value === undefined || item.value === null) return;
        const result = fieldSchema.safeParse(item.value);
        if (result.success) return;
        const at = ['disputed', field, i, 'value'];
        for (const issue of result.error.issues)
          diagnostics.push(...issueDiagnostics(issue, file, at, fieldSchema, item.value));
      });
    }
  };

  // 1. Each file against its schema, as it comes.
  const add = (file: ParsedFile): void => {
    checkFile(file);
    file.data = undefined;
    file.body = undefined;
  };
  const checkFile = (file: ParsedFile): void => {
    if (file.data === undefined) {
      // It did not parse: its id still exists, so references to it are not reported as unknown.
      if (file.nameId) declare(file.nameId, file.kind, file, []);
      return;
    }
    if (file.kind === 'funding' || file.kind === 'event') {
      const _noun = file.kind === 'funding' ? 'funding lines' : 'events';
      if (!Array.isArray(file.data)) {
        report(file, [], 'wrong-type', { problem: 'not-a-list-file', kind: file.kind, found: describe(file.data) });
        return;
      }
      file.data.forEach((item: unknown, index) => {
        if (!isMap(item)) {
          report(file, [index], 'wrong-type', { problem: 'item-not-a-map', item: index + 1, found: describe(item) });
          return;
        }
        const unique = declare(item.id, file.kind, file, [index, 'id']);
        if (file.kind === 'funding') {
          const line = checkRecord('funding', fundingLineSchema, item, file, [index]);
          if (line && unique) addRecord(base.funding, { ...line, file: file.path }, 'funding', file, [index]);
        } else {
          const event = checkRecord('event', eventSchema, item, file, [index]);
          if (event && unique) addRecord(base.events, { ...event, file: file.path }, 'event', file, [index]);
        }
      });
      return;
    }

    const nameId = file.nameId!;
    const nameProblem = idProblem(nameId);
    if (nameProblem) report(file, [1, 1], 'bad-id', { problem: nameProblem, value: nameId, fileName: true });
    // A record whose name is not a valid id, or is taken, is checked but stays out of the base.
    const admitted = declare(nameId, file.kind, file, []) && nameProblem === undefined;
    if (!isMap(file.data)) {
      report(file, [], 'wrong-type', {
        problem: 'record-not-a-map',
        recordName: RECORD_TYPE_NAMES[file.kind],
        found: describe(file.data),
      });
      return;
    }
    const written = file.data.id;
    if (typeof written === 'string' && written !== nameId) {
      report(file, ['id'], 'id-mismatch', { written, nameId });
    }
    if (file.kind !== 'article')
      checkSourcedFields(file.data, (path, rule, params) =>
        report(file, positionOf(file.positions, path, true), rule, params),
      );
    if (file.kind !== 'article')
      checkDisputedValues(file.data, file.kind === 'organisation' ? organisationSchema : programmeSchema, file);
    for (const { path, field, value, to } of findRenamedValues(file.kind, file.data)) {
      report(file, path, 'renamed-value', { field, value, to });
    }
    for (const { field, to } of findRenamedFields(file.kind, file.data))
      report(file, positionOf(file.positions, [field], true), 'renamed-value', { field, to: [to] });
    if (file.kind === 'organisation') {
      const fields = checkRecord('organisation', organisationSchema, file.data, file, []);
      if (fields && admitted)
        addRecord(base.organisations, { ...withoutId(fields), id: nameId, file: file.path }, 'organisation', file, []);
    } else if (file.kind === 'programme') {
      const fields = checkRecord('programme', programmeSchema, file.data, file, []);
      if (fields && admitted)
        addRecord(base.programmes, { ...withoutId(fields), id: nameId, file: file.path }, 'programme', file, []);
    } else if (file.kind === 'person') {
      const fields = checkRecord('person', personSchema, file.data, file, []);
      if (fields && admitted)
        addRecord(base.people, { ...withoutId(fields), id: nameId, file: file.path }, 'person', file, []);
    } else if (file.kind === 'agreement') {
      const fields = checkRecord('agreement', agreementSchema, file.data, file, []);
      if (fields && admitted)
        addRecord(base.agreements, { ...withoutId(fields), id: nameId, file: file.path }, 'agreement', file, []);
    } else {
      const fields = checkRecord('article', articleFrontMatterSchema, file.data, file, []);
      if (fields && admitted)
        addRecord(
          base.articles,
          { ...withoutId(fields), id: nameId, file: file.path, body: (file.body ?? '').trim() },
          'article',
          file,
          [],
        );
    }
  };

  function addRecord<T extends PartialRecord>(list: T[], record: T, type: RecordType, file: ParsedFile, prefix: Path) {
    list.push(record);
    checked.push({ type, record, file, prefix, complete: true });
  }

  const finish = () => {
    // 2. References, across the whole base.
    const cited = new Set<string>();
    for (const entry of checked) {
      const reference = (path: Path, target: string | undefined, type: RecordType, label: string) => {
        if (target === undefined) return;
        if (type === 'article') cited.add(target);
        const found = declared.get(target);
        if (found?.type === type) return;
        const sameType = [...declared].filter(([, d]) => d.type === type).map(([id]) => id);
        report(entry.file, [...entry.prefix, ...path], 'unknown-reference', {
          label,
          target,
          expected: RECORD_TYPE_NAMES[type],
          actual: found ? RECORD_TYPE_NAMES[found.type] : undefined,
          suggestion: didYouMean(target, sameType),
        });
      };
      checkReferences(entry, reference);
    }

    // 3. Parent chains must end.
    const complete = (type: RecordType) => checked.filter((c) => c.complete && c.type === type);
    checkCycles(complete('organisation'), 'organisation', report);
    checkCycles(complete('programme'), 'programme', report);

    // 4. Geography, dates and memberships of each organisation.
    // The years an amount covers: until after from.
    const period = (entry: Checked, path: Path, line: { from?: string; until?: string }) => {
      if (line.from && line.until && certainlyBefore(line.until, line.from))
        report(entry.file, [...path, 'until'], 'date-order', { later: 'period', from: line.from, until: line.until });
    };
    for (const entry of checked) {
      if (entry.type === 'funding') period(entry, entry.prefix, entry.record as Partial<Funding>);
      if (entry.type === 'programme') {
        const programme = entry.record as Partial<Programme>;
        if (programme.opens && programme.closes && certainlyBefore(programme.closes, programme.opens)) {
          report(entry.file, ['closes'], 'date-order', {
            later: 'closes',
            opens: programme.opens,
            closes: programme.closes,
          });
        }
        programme.budget?.forEach((line, i) => period(entry, ['budget', i], line));
      }
      if (entry.type !== 'organisation') continue;
      const org = entry.record as Partial<Organisation>;
      const at: PathReport = (path, rule, params) => report(entry.file, path, rule, params);
      checkGeography(org, at);
      if (org.founded && org.dissolved && certainlyBefore(org.dissolved, org.founded)) {
        at(['dissolved'], 'date-order', { later: 'dissolved', founded: org.founded, dissolved: org.dissolved });
      }
      if (org.successor !== undefined && org.dissolved === undefined)
        at(['successor'], 'successor-without-dissolved', { successor: org.successor });
      // A faulty `sites` field is left out of what remains of a record: its names are then unknown.
      if (entry.complete || org.sites) {
        const sites = (org.sites ?? []).map((site) => site.name);
        org.authorisations?.forEach((authorisation, i) => {
          if (authorisation.site === undefined || sites.includes(authorisation.site)) return;
          at(['authorisations', i, 'site'], 'unknown-reference', {
            label: 'site',
            target: authorisation.site,
            expected: 'one of its sites',
            suggestion: didYouMean(authorisation.site, sites),
          });
        });
      }
      const claims = new Set<string>();
      org.members?.forEach((member, i) => {
        if (member.since && member.until && certainlyBefore(member.until, member.since)) {
          at(['members', i, 'until'], 'date-order', { later: 'until', since: member.since, until: member.until });
        }
        const claim = `${member.org} ${member.role} ${member.source}`;
        if (claims.has(claim)) at(['members', i], 'duplicate-member', { org: member.org, role: member.role });
        claims.add(claim);
      });
    }

    checkGhts(complete('organisation'), report);

    for (const entry of checked) {
      if (entry.type !== 'agreement') continue;
      const period = (entry.record as Partial<Agreement>).period;
      if (period?.since && period.until && certainlyBefore(period.until, period.since))
        report(entry.file, ['period', 'until'], 'date-order', {
          later: 'until',
          since: period.since,
          until: period.until,
        });
    }

    // 5. An article nobody cites is a fact nobody recorded.
    for (const entry of complete('article')) {
      const id = (entry.record as Article).id;
      if (!cited.has(id)) report(entry.file, [1, 1], 'uncited-article', { id });
    }

    return { base, diagnostics: sortDiagnostics(diagnostics) };
  };

  return { add, finish };
}

type PartialRecord =
  | Partial<Agreement>
  | Partial<Organisation>
  | Partial<Programme>
  | Partial<Funding>
  | Partial<CoopEvent>
  | Partial<Article>
  | Partial<Person>;

interface Checked {
  type: RecordType;
  record: PartialRecord;
  file: ParsedFile;
  /** Where the record sits in its file: [] for a whole file, [index] for an item of a list. */
  prefix: Path;
  /** In the base; false for what remains of a record that failed its schema. */
  complete: boolean;
}

type Reference = (path: Path, target: string | undefined, type: RecordType, label: string) => void;

/** Every field that names another record, with the type of record it must name. */
function checkReferences({ type, record }: Checked, reference: Reference): void {
  const sources = (path: Path, list: ReadonlyArray<{ source: string }> | undefined) =>
    list?.forEach((item, i) => reference([...path, i, 'source'], item.source, 'article', 'source'));
  switch (type) {
    case 'organisation': {
      const org = record as Partial<Organisation>;
      if (typeof org.parent === 'string' || org.parent === undefined)
        reference(['parent'], org.parent, 'organisation', 'parent');
      else if (Array.isArray(org.parent))
        org.parent.forEach((link, i) => {
          reference(['parent', i, 'org'], link.org, 'organisation', 'parent');
          reference(['parent', i, 'source'], link.source, 'article', 'source');
        });
      else {
        reference(['parent', 'org'], org.parent.org, 'organisation', 'parent');
        reference(['parent', 'source'], org.parent.source, 'article', 'source');
      }
      org.sources?.forEach((source, i) => reference(['sources', i], source, 'article', 'source'));
      fieldSourceReferences(org, reference);
      sources(['figures'], org.figures);
      org.members?.forEach((member, i) => reference(['members', i, 'org'], member.org, 'organisation', 'member'));
      sources(['members'], org.members);
      historyReferences(org, reference);
      reference(['population', 'source'], org.population?.source, 'article', 'source');
      sources(['sites'], org.sites);
      org.authorisations?.forEach((a, i) =>
        reference(['authorisations', i, 'authority'], a.authority, 'organisation', 'authority'),
      );
      sources(['authorisations'], org.authorisations);
      break;
    }
    case 'agreement': {
      const agreement = record as Partial<Agreement>;
      agreement.parties?.forEach((party, i) => reference(['parties', i, 'org'], party.org, 'organisation', 'party'));
      agreement.sources?.forEach((source, i) => reference(['sources', i], source, 'article', 'source'));
      break;
    }
    case 'programme': {
      const programme = record as Partial<Programme>;
      reference(['parent'], programme.parent, 'programme', 'parent');
      reference(['funder'], programme.funder, 'organisation', 'funder');
      programme.sources?.forEach((source, i) => reference(['sources', i], source, 'article', 'source'));
      fieldSourceReferences(programme, reference);
      sources(['budget'], programme.budget);
      sources(['figures'], programme.figures);
      break;
    }
    case 'funding': {
      const line = record as Partial<Funding>;
      reference(['programme'], line.programme, 'programme', 'programme');
      reference(['recipient'], line.recipient, 'organisation', 'recipient');
      reference(['funder'], line.funder, 'organisation', 'funder');
      reference(['source'], line.source, 'article', 'source');
      break;
    }
    case 'event': {
      const event = record as Partial<CoopEvent>;
      event.orgs?.forEach((org, i) => reference(['orgs', i], org, 'organisation', 'organisation'));
      event.participants?.forEach((p, i) =>
        reference(['participants', i, 'org'], p.org, 'organisation', 'participant'),
      );
      reference(['programme'], event.programme, 'programme', 'programme');
      reference(['source'], event.source, 'article', 'source');
      event.sources?.forEach((source, i) => reference(['sources', i], source, 'article', 'source'));
      break;
    }
    case 'article': {
      const article = record as Partial<Article>;
      article.people?.forEach((person, i) => {
        reference(['people', i, 'person'], person.person, 'person', 'person');
        reference(['people', i, 'org'], person.org, 'organisation', 'organisation');
      });
      break;
    }
    case 'person': {
      const person = record as Partial<Person>;
      person.sources?.forEach((source, i) => reference(['sources', i], source, 'article', 'source'));
      person.roles?.forEach((role, i) => {
        reference(['roles', i, 'org'], role.org, 'organisation', 'organisation');
        reference(['roles', i, 'source'], role.source, 'article', 'source');
      });
      break;
    }
  }
}

/** What an organisation's history names: owners, successor, the authorities of its milestones, their articles. */
function historyReferences(org: Partial<Organisation>, reference: Reference): void {
  org.owners?.forEach((owner, i) => {
    reference(['owners', i, 'org'], owner.org, 'organisation', 'owner');
    reference(['owners', i, 'source'], owner.source, 'article', 'source');
  });
  org.former_names?.forEach((former, i) =>
    reference(['former_names', i, 'source'], former.source, 'article', 'source'),
  );
  reference(['successor'], org.successor, 'organisation', 'successor');
  org.milestones?.forEach((milestone, i) => {
    reference(['milestones', i, 'by'], milestone.by, 'organisation', 'authority');
    reference(['milestones', i, 'source'], milestone.source, 'article', 'source');
  });
}

/** The articles of field_sources and disputed, each at its place. */
function fieldSourceReferences(record: Partial<Sourced>, reference: Reference): void {
  for (const [field, value] of Object.entries(record.field_sources ?? {})) {
    if (value === COMMON_KNOWLEDGE) continue;
    value.forEach((article, i) => reference(['field_sources', field, i], article, 'article', 'source'));
  }
  for (const [field, values] of Object.entries(record.disputed ?? {})) {
    values.forEach((disputed, i) =>
      disputed.sources.forEach((article, j) =>
        reference(['disputed', field, i, 'sources', j], article, 'article', 'source'),
      ),
    );
  }
}

/**
 * The keys of field_sources and disputed must be fields the record has, as written: checked on the
 * file's own map, since a field that fails its schema is still there, and a region the department
 * fills in later is not.
 */
function checkSourcedFields(data: Record<string, unknown>, report: PathReport): void {
  const fields = sourceableFields(data);
  for (const map of ['field_sources', 'disputed'] as const) {
    const entries = data[map];
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) continue;
    for (const key of Object.keys(entries)) {
      if (fields.includes(key)) continue;
      const itemised = ITEMISED_FIELDS.has(key) && key in data;
      report([map, key], 'unknown-sourced-field', {
        map,
        key,
        itemised,
        suggestion: itemised ? undefined : didYouMean(key, fields),
        fields,
      });
    }
  }
}

type Report = <R extends RuleId>(file: ParsedFile, at: Path | Position, rule: R, params: RuleParams<R>) => void;
type PathReport = <R extends RuleId>(path: Path, rule: R, params: RuleParams<R>) => void;

/**
 * Ownership and programme chains must end. An organisation may have several owners today (a sale of
 * 60 %): every current owner is followed. A link that has ended cannot close a cycle.
 */
function checkCycles(entries: Checked[], noun: string, report: Report): void {
  const byId = new Map(entries.map((entry) => [(entry.record as { id: string }).id, entry]));
  const upward = (entry: Checked): string[] => {
    if (entry.type === 'organisation') return currentOwners(entry.record as Owned);
    const parent = (entry.record as { parent?: string }).parent;
    return parent === undefined ? [] : [parent];
  };
  const reported = new Set<string>();
  for (const start of entries) {
    const startId = (start.record as { id: string }).id;
    // Depth first, with the path that led here: the first way back to the start is the cycle.
    const seen = new Set<string>([startId]);
    const stack: Array<{ entry: Checked; chain: string[] }> = [{ entry: start, chain: [startId] }];
    while (stack.length > 0) {
      const { entry, chain } = stack.pop()!;
      const next = upward(entry);
      if (next.includes(startId)) {
        const key = [...chain].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          const field = (start.record as Owned).owners !== undefined ? 'owners' : 'parent';
          report(start.file, [field], 'reference-cycle', { noun, chain: [...chain, startId] });
        }
        break;
      }
      for (const id of [...next].reverse()) {
        const found = byId.get(id);
        if (found === undefined || seen.has(id)) continue;
        seen.add(id);
        stack.push({ entry: found, chain: [...chain, id] });
      }
    }
  }
}

function withoutId<T extends { id?: string }>(fields: T): Omit<T, 'id'> {
  const { id: _written, ...rest } = fields;
  return rest;
}

function isPosition(at: Path | Position): at is Position {
  return at.length === 2 && typeof at[0] === 'number' && typeof at[1] === 'number' && at[0] >= 1;
}

/**
 * Region, department and city must exist and agree. The region is derived from the department when
 * it is not written.
 */
function checkGeography(org: Partial<Organisation>, report: PathReport): void {
  let regionCode: string | undefined;
  if (org.region !== undefined) {
    const region = regionBySlugOrNull(org.region);
    if (region) regionCode = region.code;
    else {
      const meant = findRegion(org.region);
      report(['region'], 'unknown-geography', {
        place: 'region',
        value: org.region,
        slug: meant?.slug,
        suggestion: meant ? undefined : didYouMean(org.region, regionSlugs()),
      });
    }
  }
  let departmentCode: string | undefined;
  if (org.department !== undefined) {
    const department = findDepartment(org.department);
    if (!department) {
      report(['department'], 'unknown-geography', {
        place: 'department',
        value: org.department,
        suggestion: didYouMean(org.department, departmentCodes()),
      });
    } else {
      departmentCode = department.code;
      if (regionCode && department.region !== regionCode) {
        const actual = regionOfCode(department.region);
        report(['department'], 'department-outside-region', {
          code: department.code,
          name: department.name,
          region: org.region!,
          actualRegion: actual?.slug,
        });
      } else if (!org.region) {
        const derived = regionOfCode(department.region);
        if (derived) org.region = derived.slug;
      }
    }
  }
  org.departments?.forEach((code, i) => {
    if (!findDepartment(code))
      report(['departments', i], 'unknown-geography', {
        place: 'department',
        value: code,
        suggestion: didYouMean(code, departmentCodes()),
      });
  });
  const commune = (path: Path, code: string) => {
    if (!findCommuneByCode(code)) report(path, 'unknown-geography', { place: 'commune', value: code });
  };
  org.communes?.forEach((code, i) => commune(['communes', i], code));
  org.sites?.forEach((site, i) => {
    if (site.commune !== undefined) commune(['sites', i, 'commune'], site.commune);
  });
  org.epci?.forEach((siren, i) => {
    if (!findEpci(siren)) report(['epci', i], 'unknown-geography', { place: 'epci', value: siren });
  });
  if (org.city !== undefined) {
    const communes = findCommunes(org.city);
    if (communes.length === 0) {
      const suggestion = departmentCode ? didYouMean(org.city, communeNamesIn(departmentCode)) : undefined;
      report(['city'], 'unknown-geography', { place: 'city', value: org.city, suggestion });
    } else if (departmentCode && !communes.some((c) => c.department === departmentCode)) {
      report(['city'], 'city-outside-department', {
        city: org.city,
        department: departmentCode,
        actualDepartments: [...new Set(communes.map((c) => c.department))],
      });
    } else if (
      !departmentCode &&
      regionCode &&
      !communes.some((c) => findDepartment(c.department)?.region === regionCode)
    ) {
      report(['city'], 'city-outside-department', {
        city: org.city,
        region: org.region,
        actualDepartments: [...new Set(communes.map((c) => c.department))],
      });
    }
  }
}

/** The kinds of a public hospital, for the one-GHT-at-a-time check. */
const HOSPITAL_KINDS: ReadonlySet<string> = new Set(['chu', 'ch', 'psychiatric-hospital', 'hospital']);

/** Whether two membership periods may overlap: one certainly ends before, or as, the other starts. */
function mayOverlap(a: { since?: string; until?: string }, b: { since?: string; until?: string }): boolean {
  const endsFirst = (x: { until?: string }, y: { since?: string }) =>
    x.until !== undefined && y.since !== undefined && !certainlyBefore(y.since, x.until);
  return !endsFirst(a, b) && !endsFirst(b, a);
}

/**
 * A GHT has one support establishment at a time; a public hospital is party to one GHT at a time
 * (support counts as party). Periods are compared generously: only claims that overlap for sure,
 * or that give no dates, are reported.
 */
function checkGhts(entries: readonly Checked[], report: Report): void {
  const organisations = new Map(entries.map((e) => [(e.record as Organisation).id, e.record as Organisation]));
  const parties = new Map<string, Array<{ ght: string; since?: string; until?: string }>>();
  const ghts = entries
    .filter((e) => (e.record as Organisation).kind === 'ght')
    .sort((a, b) => ((a.record as Organisation).id < (b.record as Organisation).id ? -1 : 1));
  for (const entry of ghts) {
    const ght = entry.record as Organisation;
    const supports: Array<{ org: string; since?: string; until?: string }> = [];
    ght.members?.forEach((member, i) => {
      if (member.role !== 'support' && member.role !== 'party') return;
      if (member.role === 'support') {
        const clash = supports.filter((s) => s.org !== member.org && mayOverlap(s, member));
        if (clash.length > 0) {
          const names = [...new Set([...clash.map((s) => s.org), member.org])];
          report(entry.file, ['members', i, 'org'], 'ght-support', { ght: ght.id, supports: names });
        }
        supports.push(member);
      }
      const org = organisations.get(member.org);
      if (org?.sector !== 'public' || !HOSPITAL_KINDS.has(org.kind)) return;
      const elsewhere = parties.get(member.org) ?? [];
      const other = elsewhere.find((p) => p.ght !== ght.id && mayOverlap(p, member));
      if (other)
        report(entry.file, ['members', i, 'org'], 'ght-single-party', {
          org: member.org,
          ght: ght.id,
          other: other.ght,
        });
      parties.set(member.org, [...elsewhere, { ght: ght.id, since: member.since, until: member.until }]);
    });
  }
}
