import { EVENT_KINDS, INSTRUMENTS, MEMBER_ROLES, STAGES } from '../core/enums.js';
import type { Organisation, Programme } from '../core/model.js';
import { appendToMappingList, appendToRootList, newListFile, YamlEditError, type Item } from '../edit/yaml-edit.js';
import {
  checkFileName,
  checkId,
  DATE_FIELDS,
  EVENT_FIELDS,
  FIGURE_FIELDS,
  FUNDING_FIELDS,
  MEMBER_FIELDS,
  ORGANISATION_FIELDS,
  orderedItem,
  parseAmount,
  parseFigureValue,
  PROGRAMME_FIELDS,
  slugOfWords,
  uniqueId,
} from '../edit/values.js';
import { RefusedError, UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { checkChoice, findRecord, type GlobalOptions } from './context.js';
import { applyChanges, schemaLineOfSiblings, type EditContext, type FileChange } from './edit.js';

/**
 * `coop add member|funding|event|figure`: one fact added to the YAML a person keeps, as a new list
 * item, without moving a byte of what is there (src/edit/yaml-edit.ts), through applyChanges (the
 * whole base checked with the change, under the write lock; refused = nothing written).
 *
 * stdout: the path of the file written (what applyChanges prints), so `$(coop add ...)` is the file.
 * stderr: one line saying what was added, with the id given to a new funding line or event.
 */

export interface AddMemberOptions extends GlobalOptions {
  role: string;
  since?: string;
  until?: string;
  note?: string;
  source: string;
}

export async function addMemberCommand(structureQuery: string, memberQuery: string, options: AddMemberOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.role, MEMBER_ROLES, '--role');
  const source = checkId(options.source, '--source');
  let added = '';
  const code = await applyChanges(options, io, bundledData, (context) => {
    const structure = findEditable(context, structureQuery, ['organisation'], 'organisation').record as Organisation;
    const member = findRecord(context.index, memberQuery, ['organisation'], 'organisation').record as Organisation;
    if (member.id === structure.id) throw new RefusedError(`${structure.id} cannot be a member of itself: nothing written`);
    // The validator's duplicate-member rule: one claim is an organisation, a role and a source.
    if ((structure.members ?? []).some((m) => m.org === member.id && m.role === options.role && m.source === source)) {
      throw new RefusedError(
        `${member.id} is already a ${options.role} of ${structure.id} according to ${source}: nothing written`,
        `coop show ${structure.id} lists its members; another article's claim takes its own --source`,
      );
    }
    const item = orderedItem({ org: member.id, role: options.role, since: options.since, until: options.until, note: options.note, source }, MEMBER_FIELDS);
    added = `added ${member.id} to ${structure.id} as ${options.role}\n`;
    return [editList(context, structure.file, 'members', item, ORGANISATION_FIELDS)];
  });
  if (code === 0) io.err(added);
  return code;
}

export interface AddFundingOptions extends GlobalOptions {
  programme?: string;
  program?: string;
  recipient: string;
  instrument: string;
  amount: string;
  currency?: string;
  stage: string;
  upperBound?: boolean;
  date?: string;
  funder?: string;
  note?: string;
  source: string;
  id?: string;
  file?: string;
}

export async function addFundingCommand(options: AddFundingOptions, io: IO, bundledData: string): Promise<number> {
  const programmeQuery = options.programme ?? options.program;
  if (programmeQuery === undefined) throw new UsageError("required option '--programme <id>' not specified");
  checkChoice(options.instrument, INSTRUMENTS, '--instrument');
  checkChoice(options.stage, STAGES, '--stage');
  const amount = parseAmount(options.amount);
  const currency = options.currency ?? 'EUR';
  if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency "${currency}" is not a three-letter ISO 4217 code`, `did you mean "${currency.toUpperCase().slice(0, 3)}"?`);
  const source = checkId(options.source, '--source');
  const wantedId = options.id === undefined ? undefined : checkId(options.id, '--id');
  const fileName = options.file === undefined ? undefined : checkFileName(options.file);
  let added = '';
  const code = await applyChanges(options, io, bundledData, (context) => {
    const programme = findRecord(context.index, programmeQuery, ['programme'], 'programme').record as Programme;
    const recipient = findRecord(context.index, options.recipient, ['organisation'], 'organisation').record as Organisation;
    const funder = options.funder === undefined ? undefined : (findRecord(context.index, options.funder, ['organisation'], 'organisation').record as Organisation);
    const same = context.base.funding.find(
      (line) => line.programme === programme.id && line.recipient === recipient.id && line.instrument === options.instrument && line.stage === options.stage && line.amount === amount && line.source === source,
    );
    if (same && wantedId === undefined) {
      throw new RefusedError(`this funding line is already recorded as ${same.id} (${context.displayPath(same.file)}): nothing written`, 'give --id to record a second, distinct line with the same figures');
    }
    const id = wantedId ?? uniqueId(`${programme.id}-${recipient.id}-${options.instrument}`, (candidate) => context.index.byId.has(candidate));
    const item = orderedItem(
      {
        id,
        programme: programme.id,
        recipient: recipient.id,
        funder: funder?.id,
        instrument: options.instrument,
        amount,
        currency,
        stage: options.stage,
        upper_bound: options.upperBound ? true : undefined,
        date: options.date,
        note: options.note,
        source,
      },
      FUNDING_FIELDS,
    );
    added = `added funding line ${id}: ${options.instrument}, ${options.upperBound ? 'up to ' : ''}${amount} ${currency}, ${options.stage}\n`;
    // The programme's file, else the file that already holds its lines, else a new programme file.
    const path =
      fileName !== undefined
        ? `funding/${fileName}`
        : context.read(`funding/${programme.id}.yaml`) !== undefined
          ? `funding/${programme.id}.yaml`
          : (context.base.funding.find((line) => line.programme === programme.id)?.file ?? `funding/${programme.id}.yaml`);
    return [editListFile(context, path, item, context.base.funding.map((line) => line.file))];
  });
  if (code === 0) io.err(added);
  return code;
}

export interface AddEventOptions extends GlobalOptions {
  date: string;
  kind: string;
  title: string;
  org?: string[];
  place?: string;
  description?: string;
  programme?: string;
  program?: string;
  source: string;
  id?: string;
  file?: string;
}

export async function addEventCommand(options: AddEventOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.kind, EVENT_KINDS, '--kind');
  const programmeQuery = options.programme ?? options.program;
  const source = checkId(options.source, '--source');
  const wantedId = options.id === undefined ? undefined : checkId(options.id, '--id');
  const fileName = options.file === undefined ? undefined : checkFileName(options.file);
  const orgQueries = options.org ?? [];
  if (fileName === undefined && orgQueries.length === 0 && programmeQuery === undefined) {
    throw new UsageError('say which file the event goes in: give --org, --programme or --file', 'events are kept in events/<organisation or programme>.yaml');
  }
  let added = '';
  const code = await applyChanges(options, io, bundledData, (context) => {
    const orgs = [...new Set(orgQueries.map((query) => findRecord(context.index, query, ['organisation'], 'organisation').record.id))];
    const programme = programmeQuery === undefined ? undefined : findRecord(context.index, programmeQuery, ['programme'], 'programme').record.id;
    const same = context.base.events.find((event) => event.date === options.date && event.kind === options.kind && event.title === options.title && event.source === source);
    if (same && wantedId === undefined) {
      throw new RefusedError(`this event is already recorded as ${same.id} (${context.displayPath(same.file)}): nothing written`, 'give --id to record a second, distinct event');
    }
    const subjects = programme === undefined ? orgs : [...orgs, programme];
    const year = /\d{4}/.exec(options.date)?.[0];
    const id = wantedId ?? uniqueId([subjects[0] ?? slugOfWords(options.title), options.kind, year].filter(Boolean).join('-'), (candidate) => context.index.byId.has(candidate));
    const path = fileName !== undefined ? `events/${fileName}` : eventsFileFor(context, subjects);
    const item = orderedItem(
      { id, date: options.date, kind: options.kind, title: options.title, orgs: orgs.length ? orgs : undefined, programme, place: options.place, description: options.description, source },
      EVENT_FIELDS,
    );
    added = `added event ${id}\n`;
    return [editListFile(context, path, item, context.base.events.map((event) => event.file))];
  });
  if (code === 0) io.err(added);
  return code;
}

export interface AddFigureOptions extends GlobalOptions {
  metric: string;
  value: string;
  unit?: string;
  asOf?: string;
  note?: string;
  source: string;
}

export async function addFigureCommand(recordQuery: string, options: AddFigureOptions, io: IO, bundledData: string): Promise<number> {
  const metric = checkId(options.metric, '--metric');
  const value = parseFigureValue(options.value);
  const source = checkId(options.source, '--source');
  let added = '';
  const code = await applyChanges(options, io, bundledData, (context) => {
    const found = findEditable(context, recordQuery, ['organisation', 'programme'], 'organisation or programme');
    const record = found.record as Organisation | Programme;
    const item = orderedItem({ metric, value, unit: options.unit, as_of: options.asOf, note: options.note, source }, FIGURE_FIELDS);
    const same = (record.figures ?? []).some((f) => f.metric === metric && f.value === value && f.unit === options.unit && f.as_of === options.asOf && f.source === source);
    if (same) throw new RefusedError(`${record.id} already has this figure (${metric} ${value}) from ${source}: nothing written`, `coop show ${record.id} lists its figures`);
    added = `added figure ${metric} = ${value}${options.unit ? ` ${options.unit}` : ''} to ${record.id}\n`;
    return [editList(context, record.file, 'figures', item, found.type === 'organisation' ? ORGANISATION_FIELDS : PROGRAMME_FIELDS)];
  });
  if (code === 0) io.err(added);
  return code;
}

/**
 * Events live with the organisation or programme they concern: the file named after the first of
 * the event's organisations, then programme, that has one; else the file that already holds events
 * of the first of them that has any; else a new file named after the first.
 */
function eventsFileFor(context: EditContext, subjects: readonly string[]): string {
  const named = subjects.find((subject) => context.read(`events/${subject}.yaml`) !== undefined);
  if (named !== undefined) return `events/${named}.yaml`;
  for (const subject of subjects) {
    const holding = context.base.events.find((event) => event.programme === subject || (event.orgs ?? []).includes(subject));
    if (holding) return holding.file;
  }
  return `events/${subjects[0]}.yaml`;
}

/**
 * The record whose file is to be edited. A record missing because its own file has errors is not
 * "not found": say so, and point at coop validate.
 */
function findEditable(context: EditContext, query: string, types: Array<'organisation' | 'programme'>, noun: string): ReturnType<typeof findRecord> {
  try {
    return findRecord(context.index, query, types, noun);
  } catch (error) {
    const folders = { organisation: 'organisations', programme: 'programmes' } as const;
    const broken = types
      .map((type) => `${folders[type]}/${query}.yaml`)
      .find((path) => context.diagnostics.some((d) => d.file === path && d.severity === 'error'));
    if (broken !== undefined) throw new RefusedError(`${context.displayPath(broken)} has errors: coop cannot add to it; nothing written`, VALIDATE_HINT);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

const STYLE = { quoted: DATE_FIELDS };
const VALIDATE_HINT = 'run coop validate to see what is wrong there, fix it, then add again';

/** The file's text with `item` appended to its `key` list. */
function editList(context: EditContext, path: string, key: string, item: Item, keyOrder: readonly string[]): FileChange {
  const text = current(context, path);
  return { path, text: editing(context, path, () => appendToMappingList(text, key, item, keyOrder, STYLE)), create: false };
}

/** A list file (funding, events) with `item` appended; created when missing. */
function editListFile(context: EditContext, path: string, item: Item, siblingFiles: readonly string[]): FileChange {
  const text = context.read(path);
  if (text !== undefined) return { path, text: editing(context, path, () => appendToRootList(text, item, STYLE)), create: false };
  return { path, text: editing(context, path, () => newListFile(schemaLineOfSiblings(context, path.slice(0, path.lastIndexOf('/')), siblingFiles), item, STYLE)), create: true };
}

function current(context: EditContext, path: string): string {
  const text = context.read(path);
  if (text === undefined) throw new RefusedError(`${context.displayPath(path)} is gone: nothing written`, 'another program moved it while coop was reading the base; try again');
  return text;
}

function editing(context: EditContext, path: string, edit: () => string): string {
  try {
    return edit();
  } catch (error) {
    if (error instanceof YamlEditError) throw new RefusedError(`cannot add to ${context.displayPath(path)}: ${error.message}; nothing written`, VALIDATE_HINT);
    throw error;
  }
}
