import {
  AUTHORISATION_STATUSES,
  EVENT_KINDS,
  EVENT_STATUSES,
  INSTRUMENTS,
  MEMBER_ROLES,
  MEMBER_STATUSES,
  MILESTONE_KINDS,
  PARTICIPANT_ROLES,
  PARTY_ROLES,
  PERIODS,
  PURPOSES,
  RECURRENCES,
  STAGES,
} from '../core/enums.js';
import { ownerLinks } from '../core/memberships.js';
import { eventSources } from '../core/model.js';
import type { Agreement, Organisation, Person, Programme, RecordType } from '../core/model.js';
import { closest } from '../core/text.js';
import { appendToMappingList, appendToRootList, newListFile, YamlEditError, type Item } from '../edit/yaml-edit.js';
import {
  checkFileName,
  checkId,
  DATE_FIELDS,
  EVENT_FIELDS,
  FIGURE_FIELDS,
  FORMER_NAME_FIELDS,
  FUNDING_FIELDS,
  MEMBER_FIELDS,
  MILESTONE_FIELDS,
  nonEmpty,
  ORGANISATION_FIELDS,
  OWNER_FIELDS,
  orderedItem,
  PERSON_FIELDS,
  ROLE_FIELDS,
  parseAmount,
  parseFigureValue,
  PROGRAMME_FIELDS,
  slugOfWords,
  uniqueId,
} from '../edit/values.js';
import { NotFoundError, RefusedError, UsageError } from '../errors.js';
import { type CommandInput, defineCommand, defineGroup } from '../command.js';
import type { IO } from '../io.js';
import { checkChoice, findRecord } from '../app/context.js';
import {
  type ApplyMode,
  applyChanges,
  schemaLineOfSiblings,
  type EditContext,
  type FileChange,
} from '../app/apply-changes.js';
import { Problems } from '../app/problems.js';
import { communeValue } from '../app/place-values.js';
import { recordShape } from '../app/record-fields.js';
import { addAlsoPublished, addMention } from '../app/add-to-article.js';
import { addToList, removeField, setField, setFieldOfNewMapping, type FieldValue } from '../edit/yaml-fields.js';

/**
 * `coop add member|funding|event|figure`: one fact added to the YAML a person keeps, as a new list
 * item, without moving a byte of what is there (src/edit/yaml-edit.ts), through applyChanges (the
 * whole base checked with the change, under the write lock; refused = nothing written).
 *
 * stdout: the path of the file written (what applyChanges prints), so `$(coop add ...)` is the file.
 * stderr: one line saying what was added, with the id given to a new funding line or event.
 */

type AddMemberOptions = CommandInput<typeof addMemberOptions>;

async function addMemberCommand(
  structureQuery: string,
  memberQuery: string,
  options: AddMemberOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  problems.check(() => checkChoice(options.role, MEMBER_ROLES, '--role'));
  if (options.status !== undefined) problems.check(() => checkChoice(options.status!, MEMBER_STATUSES, '--status'));
  problems.date(options.since, '--since');
  problems.date(options.until, '--until');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const structure = findEditable(context, structureQuery, ['organisation'], 'organisation').record as Organisation;
      const member = findRecord(context.index, memberQuery, ['organisation'], 'organisation').record as Organisation;
      if (member.id === structure.id)
        throw new RefusedError(`${structure.id} cannot be a member of itself: nothing written`);
      // The validator's duplicate-member rule: one claim is an organisation, a role and a source.
      if (
        (structure.members ?? []).some((m) => m.org === member.id && m.role === options.role && m.source === source)
      ) {
        throw new RefusedError(
          `${member.id} is already a ${options.role} of ${structure.id} according to ${source}: nothing written`,
          `coop show ${structure.id} lists its members; another article's claim takes its own --source`,
        );
      }
      const item = orderedItem(
        {
          org: member.id,
          role: options.role,
          status: options.status,
          since: options.since,
          until: options.until,
          note: options.note,
          source,
        },
        MEMBER_FIELDS,
      );
      const status = options.status && options.status !== 'member' ? ` (${options.status})` : '';
      added = `added ${member.id} to ${structure.id} as ${options.role}${status}\n`;
      return [editList(context, structure.file, 'members', item, ORGANISATION_FIELDS)];
    },
    modeOf(options, () => added),
  );
}

type AddRoleOptions = CommandInput<typeof addRoleOptions>;

/** A role a person held, as the article says it, appended to the person's roles. */
async function addRoleCommand(personQuery: string, options: AddRoleOptions, io: IO, bundledData: string) {
  const source = checkId(options.source, '--source');
  const role = nonEmpty(options.role, '--role', 'the role as the article says it: --role présidente');
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const person = findEditable(context, personQuery, ['person'], 'person').record as Person;
      const org =
        options.org === undefined
          ? undefined
          : findRecord(context.index, options.org, ['organisation'], 'organisation').record.id;
      if ((person.roles ?? []).some((r) => r.role === role && r.org === org && r.source === source))
        throw new RefusedError(`${person.id} already has this role according to ${source}: nothing written`);
      const item = orderedItem(
        { role, org, since: options.since, until: options.until, note: options.note, source },
        ROLE_FIELDS,
      );
      added = `added the role "${role}"${org ? ` in ${org}` : ''} to ${person.id}\n`;
      return [editList(context, person.file, 'roles', item, PERSON_FIELDS)];
    },
    modeOf(options, () => added),
  );
}

type AddFundingOptions = CommandInput<typeof addFundingOptions>;

async function addFundingCommand(options: AddFundingOptions, io: IO, bundledData: string): Promise<number> {
  const programmeQuery = options.programme;
  const problems = new Problems();
  problems.check(() => checkChoice(options.instrument, INSTRUMENTS, '--instrument'));
  problems.check(() => checkChoice(options.stage, STAGES, '--stage'));
  const money = problems.check(() => fundingMoney(options)) ?? {};
  const count =
    options.recipientsCount === undefined ? undefined : problems.check(() => parseCount(options.recipientsCount!));
  if (options.recipient !== undefined && options.recipientsCount !== undefined)
    problems.check(() => {
      throw new UsageError(
        '--recipient and --recipients-count exclude each other',
        'a line goes to one named recipient, or to a number of unnamed ones',
      );
    });
  if (options.recipient !== undefined && (options.perRecipientMin ?? options.perRecipientMax) !== undefined)
    problems.check(() => {
      throw new UsageError(
        '--per-recipient-min/--per-recipient-max describe unnamed recipients, not --recipient',
        'give --recipients-count instead of --recipient',
      );
    });
  const perRecipientMin =
    options.perRecipientMin === undefined
      ? undefined
      : problems.check(() => parseAmount(options.perRecipientMin!, '--per-recipient-min'));
  const perRecipientMax =
    options.perRecipientMax === undefined
      ? undefined
      : problems.check(() => parseAmount(options.perRecipientMax!, '--per-recipient-max'));
  const currency = options.currency ?? 'EUR';
  problems.check(() => checkCurrency(currency));
  problems.date(options.date, '--date');
  checkTerms(options, problems);
  const source = problems.check(() => checkId(options.source, '--source'))!;
  const wantedId = options.id === undefined ? undefined : problems.check(() => checkId(options.id!, '--id'));
  const fileName = options.file === undefined ? undefined : problems.check(() => checkFileName(options.file!));
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const programme = findRecord(context.index, programmeQuery, ['programme'], 'programme').record as Programme;
      const recipient =
        options.recipient === undefined
          ? undefined
          : (findRecord(context.index, options.recipient, ['organisation'], 'organisation').record as Organisation);
      const funder =
        options.funder === undefined
          ? undefined
          : (findRecord(context.index, options.funder, ['organisation'], 'organisation').record as Organisation);
      const same = context.base.funding.find(
        (line) =>
          line.programme === programme.id &&
          line.recipient === recipient?.id &&
          line.recipients_count === count &&
          line.instrument === options.instrument &&
          line.stage === options.stage &&
          line.amount === money.amount &&
          line.amount_min === money.amount_min &&
          line.amount_max === money.amount_max &&
          line.source === source,
      );
      if (same && wantedId === undefined) {
        throw new RefusedError(
          `this funding line is already recorded as ${same.id} (${context.displayPath(same.file)}): nothing written`,
          'give --id to record a second, distinct line with the same figures',
        );
      }
      const id =
        wantedId ??
        uniqueId(`${programme.id}-${recipient?.id ?? 'recipients'}-${options.instrument}`, (candidate) =>
          context.index.byId.has(candidate),
        );
      const item = orderedItem(
        {
          id,
          programme: programme.id,
          recipient: recipient?.id,
          recipients_count: count,
          per_recipient_min: perRecipientMin,
          per_recipient_max: perRecipientMax,
          funder: funder?.id,
          instrument: options.instrument,
          ...money,
          currency,
          stage: options.stage,
          upper_bound: options.upperBound ? true : undefined,
          approximate: options.approximate ? true : undefined,
          at_least: options.atLeast ? true : undefined,
          ...termFields(options),
          date: options.date,
          note: options.note,
          source,
        },
        FUNDING_FIELDS,
      );
      const qualifier = options.upperBound
        ? 'up to '
        : options.atLeast
          ? 'at least '
          : options.approximate
            ? 'about '
            : '';
      const figure = money.amount !== undefined ? `${money.amount}` : `${money.amount_min}-${money.amount_max}`;
      added = `added funding line ${id}: ${options.instrument}, ${qualifier}${figure} ${currency}${options.per ? ` per ${options.per}` : ''}, ${options.stage}\n`;
      // The programme's file, else the file that already holds its lines, else a new programme file.
      const path =
        fileName !== undefined
          ? `funding/${fileName}`
          : context.read(`funding/${programme.id}.yaml`) !== undefined
            ? `funding/${programme.id}.yaml`
            : (context.base.funding.find((line) => line.programme === programme.id)?.file ??
              `funding/${programme.id}.yaml`);
      return [
        editListFile(
          context,
          path,
          item,
          context.base.funding.map((line) => line.file),
        ),
      ];
    },
    modeOf(options, () => added),
  );
}

/** --amount, or --amount-min and --amount-max for "entre 20 et 30 M€": exactly one of them. */
function fundingMoney(options: AddFundingOptions): { amount?: number; amount_min?: number; amount_max?: number } {
  const range = options.amountMin !== undefined || options.amountMax !== undefined;
  if (options.amount !== undefined && range)
    throw new UsageError('--amount and --amount-min/--amount-max exclude each other', 'give one amount, or a range');
  if (options.amount !== undefined) return { amount: parseAmount(options.amount) };
  if (options.amountMin === undefined || options.amountMax === undefined)
    throw new UsageError(
      range ? 'a range needs both --amount-min and --amount-max' : 'missing --amount',
      'give --amount, or --amount-min and --amount-max for a range ("entre 20 et 30 M€")',
    );
  const min = parseAmount(options.amountMin, '--amount-min');
  const max = parseAmount(options.amountMax, '--amount-max');
  if (min >= max) throw new UsageError(`--amount-min ${min} is not below --amount-max ${max}`, 'swap them?');
  if (options.upperBound || options.atLeast)
    throw new UsageError(
      `${options.upperBound ? '--upper-bound' : '--at-least'} does not apply to a range`,
      'its bounds already say it',
    );
  return { amount_min: min, amount_max: max };
}

/** --recurrence, --purpose, --per, --from, --until of a funding or budget line. */
interface TermOptions {
  recurrence?: string;
  purpose?: string;
  per?: string;
  from?: string;
  until?: string;
}

function checkTerms(options: TermOptions, problems: Problems): void {
  problems.check(() => checkChoice(options.recurrence, RECURRENCES, '--recurrence'));
  problems.check(() => checkChoice(options.purpose, PURPOSES, '--purpose'));
  problems.check(() => checkChoice(options.per, PERIODS, '--per'));
  problems.date(options.from, '--from');
  problems.date(options.until, '--until');
}

const termFields = (options: TermOptions) => ({
  recurrence: options.recurrence,
  purpose: options.purpose,
  per: options.per,
  from: options.from,
  until: options.until,
});

/** A count of recipients: a whole number, at least 1. */
function parseCount(input: string): number {
  const text = input.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`--recipients-count "${input}" is not a whole number of recipients`, 'write it as 12');
  return Number(text);
}

type AddEventOptions = CommandInput<typeof addEventOptions>;

async function addEventCommand(options: AddEventOptions, io: IO, bundledData: string): Promise<number> {
  const problems = new Problems();
  problems.check(() => checkChoice(options.kind, EVENT_KINDS, '--kind'));
  problems.check(() => checkChoice(options.status, EVENT_STATUSES, '--status'));
  problems.date(options.date, '--date');
  const programmeQuery = options.programme;
  // The first article is the event's source; further ones, its sources.
  const [source, ...more] = [
    ...new Set(options.source.map((id) => problems.check(() => checkId(id, '--source'))!)),
  ] as [string, ...string[]];
  const wantedId = options.id === undefined ? undefined : problems.check(() => checkId(options.id!, '--id'));
  const fileName = options.file === undefined ? undefined : problems.check(() => checkFileName(options.file!));
  const orgQueries = options.org ?? [];
  const participantQueries = (options.participant ?? []).map((value) => problems.check(() => parseParticipant(value)));
  if (
    options.file === undefined &&
    orgQueries.length === 0 &&
    participantQueries.length === 0 &&
    programmeQuery === undefined
  ) {
    problems.check(() => {
      throw new UsageError(
        'say which file the event goes in: give --org, --participant, --programme or --file',
        'events are kept in events/<organisation or programme>.yaml',
      );
    });
  }
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const orgs = [
        ...new Set(
          orgQueries.map((query) => findRecord(context.index, query, ['organisation'], 'organisation').record.id),
        ),
      ];
      const participants = participantQueries.map((p) => ({
        org: findRecord(context.index, p!.org, ['organisation'], 'organisation').record.id,
        role: p!.role,
      }));
      const programme =
        programmeQuery === undefined
          ? undefined
          : findRecord(context.index, programmeQuery, ['programme'], 'programme').record.id;
      const same = context.base.events.find(
        (event) =>
          event.date === options.date &&
          event.kind === options.kind &&
          event.title === options.title &&
          eventSources(event).includes(source),
      );
      if (same && wantedId === undefined) {
        throw new RefusedError(
          `this event is already recorded as ${same.id} (${context.displayPath(same.file)}): nothing written`,
          'give --id to record a second, distinct event',
        );
      }
      const concerned = [...new Set([...orgs, ...participants.map((p) => p.org)])];
      const subjects = programme === undefined ? concerned : [...concerned, programme];
      const year = /\d{4}/.exec(options.date)?.[0];
      const id =
        wantedId ??
        uniqueId(
          [subjects[0] ?? slugOfWords(options.title), options.kind, year].filter(Boolean).join('-'),
          (candidate) => context.index.byId.has(candidate),
        );
      const path = fileName !== undefined ? `events/${fileName}` : eventsFileFor(context, subjects);
      const item = orderedItem(
        {
          id,
          date: options.date,
          kind: options.kind,
          // Left out, an event happened: only the other statuses are written.
          status: options.status === 'happened' ? undefined : options.status,
          title: options.title,
          orgs: orgs.length ? orgs : undefined,
          participants: participants.length ? participants : undefined,
          programme,
          place: options.place,
          description: options.description,
          source,
          sources: more.length ? more : undefined,
        },
        EVENT_FIELDS,
      );
      added = `added event ${id}\n`;
      return [
        editListFile(
          context,
          path,
          item,
          context.base.events.map((event) => event.file),
        ),
      ];
    },
    modeOf(options, () => added),
  );
}

/** --participant ORG:ROLE: the organisation (id, name or alias) and its role in the event. */
function parseParticipant(value: string): { org: string; role: (typeof PARTICIPANT_ROLES)[number] } {
  const at = value.lastIndexOf(':');
  const org = at === -1 ? '' : value.slice(0, at).trim();
  const role = at === -1 ? '' : value.slice(at + 1).trim();
  if (org === '' || role === '')
    throw new UsageError(
      `--participant "${value}" is not ORG:ROLE`,
      `e.g. --participant ch-valbrune:absorbing; roles: ${PARTICIPANT_ROLES.join(', ')}`,
    );
  checkChoice(role, PARTICIPANT_ROLES, '--participant role');
  return { org, role: role as (typeof PARTICIPANT_ROLES)[number] };
}

type AddFigureOptions = CommandInput<typeof addFigureOptions>;

async function addFigureCommand(
  recordQuery: string,
  options: AddFigureOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  const metric = problems.check(() => checkId(options.metric, '--metric'))!;
  const value = problems.check(() => figureValueOf(options)) ?? {};
  problems.check(() => checkChoice(options.per, PERIODS, '--per'));
  problems.date(options.asOf, '--as-of');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const found = findEditable(context, recordQuery, ['organisation', 'programme'], 'organisation or programme');
      const record = found.record as Organisation | Programme;
      const item = orderedItem(
        {
          metric,
          ...value,
          upper_bound: options.upTo ? true : undefined,
          approximate: options.approximate ? true : undefined,
          at_least: options.atLeast ? true : undefined,
          per: options.per,
          unit: options.unit,
          as_of: options.asOf,
          note: options.note,
          source,
        },
        FIGURE_FIELDS,
      );
      const same = (record.figures ?? []).some(
        (f) =>
          f.metric === metric &&
          f.value === value.value &&
          f.value_min === value.value_min &&
          f.value_max === value.value_max &&
          f.unit === options.unit &&
          f.as_of === options.asOf &&
          f.source === source,
      );
      const shown =
        value.value !== undefined
          ? `${options.upTo ? 'up to ' : options.atLeast ? 'at least ' : options.approximate ? 'about ' : ''}${value.value}`
          : `${value.value_min}-${value.value_max}`;
      if (same)
        throw new RefusedError(
          `${record.id} already has this figure (${metric} ${shown}) from ${source}: nothing written`,
          `coop show ${record.id} lists its figures`,
        );
      added = `added figure ${metric} = ${shown}${options.unit ? ` ${options.unit}` : ''}${options.per ? ` per ${options.per}` : ''} to ${record.id}\n`;
      return [
        editList(
          context,
          record.file,
          'figures',
          item,
          found.type === 'organisation' ? ORGANISATION_FIELDS : PROGRAMME_FIELDS,
        ),
      ];
    },
    modeOf(options, () => added),
  );
}

/** --value, or --min and --max for "entre 20 et 30": exactly one of them, as for an amount. */
function figureValueOf(options: AddFigureOptions): { value?: number; value_min?: number; value_max?: number } {
  const range = options.min !== undefined || options.max !== undefined;
  if (options.value !== undefined && range)
    throw new UsageError('--value and --min/--max exclude each other', 'give one value, or a range');
  if (options.value !== undefined) {
    if ([options.upTo, options.atLeast].filter(Boolean).length > 1)
      throw new UsageError('--at-least and --up-to contradict each other', 'say no more than the article');
    return { value: parseFigureValue(options.value) };
  }
  if (options.min === undefined || options.max === undefined)
    throw new UsageError(
      range ? 'a range needs both --min and --max' : 'missing --value',
      'give --value, or --min and --max for a range ("entre 20 et 30")',
    );
  const min = parseFigureValue(options.min, '--min');
  const max = parseFigureValue(options.max, '--max');
  if (min >= max) throw new UsageError(`--min ${min} is not below --max ${max}`, 'swap them?');
  if (options.upTo || options.atLeast)
    throw new UsageError(
      `${options.upTo ? '--up-to' : '--at-least'} does not apply to a range`,
      'its bounds already say it',
    );
  return { value_min: min, value_max: max };
}

type AddBudgetOptions = CommandInput<typeof addBudgetOptions>;

async function addBudgetCommand(
  programmeQuery: string,
  options: AddBudgetOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  problems.check(() => checkChoice(options.instrument, INSTRUMENTS, '--instrument'));
  const amount = problems.check(() => parseAmount(options.amount))!;
  if (options.currency !== undefined) problems.check(() => checkCurrency(options.currency!));
  checkTerms(options, problems);
  const source = problems.check(() => checkId(options.source, '--source'))!;
  // The data model's budget line, read from the schema: --upper-bound once it has the field.
  const budget = recordShape('programme').fields.budget;
  const order = budget?.kind === 'items' ? budget.item.order : [];
  if (options.upperBound && !order.includes('upper_bound'))
    problems.check(() => {
      throw new UsageError('--upper-bound: the budget lines of the data model have no upper_bound field yet');
    });
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const found = findEditable(context, programmeQuery, ['programme'], 'programme');
      const programme = found.record as Programme;
      const item = orderedItem(
        {
          instrument: options.instrument,
          amount,
          currency: options.currency,
          upper_bound: options.upperBound ? true : undefined,
          ...termFields(options),
          note: options.note,
          source,
        },
        order,
      );
      const same = (programme.budget ?? []).some(
        (line) => line.instrument === options.instrument && line.amount === amount && line.source === source,
      );
      if (same)
        throw new RefusedError(
          `${programme.id} already has this budget line (${options.instrument} ${amount}) from ${source}: nothing written`,
          `coop show ${programme.id} lists its budget`,
        );
      added = `added budget line to ${programme.id}: ${options.instrument}, ${options.upperBound ? 'up to ' : ''}${amount}${options.currency ? ` ${options.currency}` : ''}${options.per ? ` per ${options.per}` : ''}\n`;
      return [editList(context, programme.file, 'budget', item, PROGRAMME_FIELDS)];
    },
    modeOf(options, () => added),
  );
}

type AddSiteOptions = CommandInput<typeof addSiteOptions>;

/** One of an organisation's sites (a hospital's sites, a group's establishments), by its name. */
async function addSiteCommand(
  orgQuery: string,
  siteName: string,
  options: AddSiteOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  const name = problems.check(() => nonEmpty(siteName, 'the site name'));
  const commune =
    options.commune === undefined ? undefined : problems.check(() => communeValue(options.commune!, '--commune'));
  const finess = options.finessEt?.replace(/\s/g, '');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  return addToOrganisationList(options, io, bundledData, orgQuery, 'sites', (org) => {
    // Authorisations name a site by its name: two sites of one name could not be told apart.
    if ((org.sites ?? []).some((site) => site.name === name))
      throw new RefusedError(
        `${org.id} already has a site named "${name}": nothing written`,
        `coop set ${org.id} sites.<name>.<field> changes one of its fields`,
      );
    const item = orderedItem(
      { name, commune, finess_et: finess, note: options.note, source },
      itemOrder('organisation', 'sites'),
    );
    return { item, said: `added the site "${name}" to ${org.id}\n` };
  });
}

type AddAuthorisationOptions = CommandInput<typeof addAuthorisationOptions>;

/** An authorisation of activity granted, renewed or withdrawn, as the article words the activity. */
async function addAuthorisationCommand(
  orgQuery: string,
  options: AddAuthorisationOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  const activity = problems.check(() => nonEmpty(options.activity, '--activity'));
  problems.check(() => checkChoice(options.status, AUTHORISATION_STATUSES, '--status'));
  problems.date(options.date, '--date');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  return addToOrganisationList(options, io, bundledData, orgQuery, 'authorisations', (org, context) => {
    const authority =
      options.authority === undefined
        ? undefined
        : findRecord(context.index, options.authority, ['organisation'], 'organisation').record.id;
    const site = options.site === undefined ? undefined : siteOf(org, options.site);
    const date = options.date?.trim();
    if (
      (org.authorisations ?? []).some(
        (a) =>
          a.activity === activity &&
          a.status === options.status &&
          a.date === date &&
          a.site === site &&
          a.source === source,
      )
    )
      throw new RefusedError(
        `${org.id} already has this authorisation (${activity}, ${options.status}) from ${source}: nothing written`,
        `coop show ${org.id} lists its authorisations`,
      );
    const item = orderedItem(
      { activity, status: options.status, date, authority, site, note: options.note, source },
      itemOrder('organisation', 'authorisations'),
    );
    return {
      item,
      said: `added the authorisation "${activity}" (${options.status}) to ${org.id}${site ? `, site "${site}"` : ''}\n`,
    };
  });
}

/** One of the organisation's sites by its name, as written or with another case or accents. */
function siteOf(org: Organisation, query: string): string {
  const names = (org.sites ?? []).map((site) => site.name);
  const wanted = query.trim();
  const found = names.find((name) => name === wanted) ?? names.find((name) => fold(name) === fold(wanted));
  if (found !== undefined) return found;
  if (names.length === 0)
    throw new RefusedError(
      `${org.id} has no sites: --site "${wanted}" names none; nothing written`,
      `record the site first: coop add site ${org.id} "${wanted}" --source <article>`,
    );
  const near = closest(wanted, names);
  throw new NotFoundError(`--site "${wanted}" is not one of the sites of ${org.id}`, near.length ? near : names);
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

type AddPopulationOptions = CommandInput<typeof addPopulationOptions>;

/**
 * The population an organisation serves. It is one fact, not a list: a new one replaces the old,
 * in place, and stderr says what it was (--dry-run shows the diff).
 */
async function addPopulationCommand(
  orgQuery: string,
  rawValue: string,
  options: AddPopulationOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  const value = problems.check(() => populationValue(rawValue));
  problems.date(options.asOf, '--as-of');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  let said = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const org = findEditable(context, orgQuery, ['organisation'], 'organisation').record as Organisation;
      const fields: Record<string, FieldValue | undefined> = {
        value,
        approximate: options.approximate ? true : undefined,
        as_of: options.asOf?.trim(),
        source,
      };
      const order = itemOrder('organisation', 'population');
      const old = org.population;
      const text = current(context, org.file);
      const edited = editing(context, org.file, () => {
        if (old === undefined) {
          let result = setFieldOfNewMapping(text, [], 'population', 'value', value!, ORGANISATION_FIELDS, STYLE);
          for (const key of order.slice(1))
            if (fields[key] !== undefined) result = setField(result, ['population'], key, fields[key]!, order, STYLE);
          return result;
        }
        let result = text;
        for (const key of order)
          result =
            fields[key] === undefined
              ? removeField(result, ['population'], key)
              : setField(result, ['population'], key, fields[key]!, order, STYLE);
        return result;
      });
      said = `set the population of ${org.id} to ${describePopulation(fields)}${old ? ` (it was ${describePopulation(old)})` : ''}\n`;
      return [{ path: org.file, text: edited, create: false }];
    },
    modeOf(options, () => said),
  );
}

/** A number of inhabitants: a whole number, written as people write it ("68 000"). */
function populationValue(input: string): number {
  const value = parseFigureValue(input, 'the population');
  if (!Number.isSafeInteger(value) || value < 0)
    throw new UsageError(
      `the population "${input}" is not a whole number of inhabitants`,
      'write it as 68000 or "68 000"',
    );
  return value;
}

function describePopulation(population: { value?: unknown; approximate?: unknown; as_of?: unknown; source?: unknown }) {
  return `${population.approximate ? 'about ' : ''}${population.value}${population.as_of ? ` as of ${population.as_of}` : ''} from ${population.source}`;
}

type AddPartyOptions = CommandInput<typeof addPartyOptions>;

/** A party to an agreement already recorded, with its role; --source adds the article that names it. */
async function addPartyCommand(
  agreementQuery: string,
  orgQuery: string,
  options: AddPartyOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  problems.check(() => checkChoice(options.role, PARTY_ROLES, '--role'));
  const source = options.source === undefined ? undefined : problems.check(() => checkId(options.source!, '--source'));
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const agreement = findEditable(context, agreementQuery, ['agreement'], 'agreement').record as Agreement;
      const org = findRecord(context.index, orgQuery, ['organisation'], 'organisation').record.id;
      if (agreement.parties.some((party) => party.org === org && party.role === options.role))
        throw new RefusedError(
          `${org} is already a party to ${agreement.id} as ${options.role}: nothing written`,
          `coop show ${agreement.id} lists its parties`,
        );
      const order = recordShape('agreement').order;
      const item = orderedItem({ org, role: options.role, note: options.note }, itemOrder('agreement', 'parties'));
      const text = current(context, agreement.file);
      const edited = editing(context, agreement.file, () => {
        const withParty = appendToMappingList(text, 'parties', item, order, STYLE);
        return source === undefined || agreement.sources.includes(source)
          ? withParty
          : addToList(withParty, [], 'sources', source, order);
      });
      added = `added ${org} to ${agreement.id} as ${options.role}${source && !agreement.sources.includes(source) ? `, and ${source} to its sources` : ''}\n`;
      return [{ path: agreement.file, text: edited, create: false }];
    },
    modeOf(options, () => added),
  );
}

/** The data model's order of the fields of an item of `field` (a site, an authorisation, a party). */
function itemOrder(type: RecordType, field: string): string[] {
  const shape = recordShape(type).fields[field];
  if (shape?.kind === 'items') return shape.item.order;
  if (shape?.kind === 'object') return shape.shape.order;
  throw new Error(`${type}.${field} holds no fields`);
}

// --- A structure's history: owners, former names, milestones (issue 16, parts 3 and 4) ---------

type AddOwnerOptions = CommandInput<typeof addOwnerOptions>;

async function addOwnerCommand(
  orgQuery: string,
  ownerQuery: string,
  options: AddOwnerOptions,
  io: IO,
  bundledData: string,
) {
  const problems = new Problems();
  const share = options.share === undefined ? undefined : problems.check(() => parseShare(options.share!));
  problems.date(options.since, '--since');
  problems.date(options.until, '--until');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  return addToOrganisationList(options, io, bundledData, orgQuery, 'owners', (org, context) => {
    const owner = findRecord(context.index, ownerQuery, ['organisation'], 'organisation').record as Organisation;
    if (owner.id === org.id) throw new RefusedError(`${org.id} cannot own itself: nothing written`);
    if (ownerLinks(org).some((link) => link.org === owner.id && link.source === source))
      throw new RefusedError(
        `${owner.id} is already an owner of ${org.id} according to ${source}: nothing written`,
        `coop show ${org.id} tells its history`,
      );
    const item = orderedItem(
      { org: owner.id, share, since: options.since, until: options.until, note: options.note, source },
      OWNER_FIELDS,
    );
    return { item, said: `added ${owner.id} as an owner of ${org.id}${share === undefined ? '' : ` (${share} %)`}\n` };
  });
}

/** A percentage as the article gives it: 60, "60 %", 33,3. */
function parseShare(input: string): number {
  const text = input.replace(/\s*%$/, '').trim().replace(',', '.');
  const share = Number(text);
  if (text === '' || !Number.isFinite(share) || share < 0 || share > 100)
    throw new UsageError(`--share "${input}" is not a percentage from 0 to 100`, 'write "cède 60 %" as --share 60');
  return share;
}

type AddFormerNameOptions = CommandInput<typeof addFormerNameOptions>;

async function addFormerNameCommand(
  orgQuery: string,
  name: string,
  options: AddFormerNameOptions,
  io: IO,
  bundledData: string,
) {
  const problems = new Problems();
  const former = problems.check(() => nonEmpty(name, 'the former name'))!;
  problems.date(options.since, '--since');
  problems.date(options.until, '--until');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  return addToOrganisationList(options, io, bundledData, orgQuery, 'former_names', (org) => {
    if ((org.former_names ?? []).some((f) => f.name === former && f.source === source))
      throw new RefusedError(`${org.id} already has the former name "${former}" from ${source}: nothing written`);
    const item = orderedItem({ name: former, since: options.since, until: options.until, source }, FORMER_NAME_FIELDS);
    return { item, said: `added the former name "${former}" to ${org.id}\n` };
  });
}

type AddMilestoneOptions = CommandInput<typeof addMilestoneOptions>;

async function addMilestoneCommand(orgQuery: string, options: AddMilestoneOptions, io: IO, bundledData: string) {
  const problems = new Problems();
  problems.check(() => checkChoice(options.kind, MILESTONE_KINDS, '--kind'));
  problems.date(options.date, '--date');
  const source = problems.check(() => checkId(options.source, '--source'))!;
  problems.done(io);
  return addToOrganisationList(options, io, bundledData, orgQuery, 'milestones', (org, context) => {
    const by =
      options.by === undefined
        ? undefined
        : findRecord(context.index, options.by, ['organisation'], 'organisation').record.id;
    if ((org.milestones ?? []).some((m) => m.kind === options.kind && m.date === options.date && m.source === source))
      throw new RefusedError(
        `${org.id} already has this milestone (${options.kind} ${options.date}) from ${source}: nothing written`,
        `coop show ${org.id} tells its history`,
      );
    const item = orderedItem(
      { kind: options.kind, date: options.date, by, act: options.act, note: options.note, source },
      MILESTONE_FIELDS,
    );
    return { item, said: `added milestone ${options.kind} ${options.date} to ${org.id}\n` };
  });
}

/**
 * The common path of the subcommands that add one item to a list of an organisation (sites,
 * authorisations, owners, former names, milestones): the organisation found by id, name or
 * acronym, the item made from it (or a refusal thrown), appended in place through applyChanges.
 */
function addToOrganisationList(
  options: Parameters<typeof applyChanges>[0] & { dryRun?: boolean },
  io: IO,
  bundledData: string,
  orgQuery: string,
  list: string,
  make: (org: Organisation, context: EditContext) => { item: Item; said: string },
): Promise<number> {
  let said = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const org = findEditable(context, orgQuery, ['organisation'], 'organisation').record as Organisation;
      const addition = make(org, context);
      said = addition.said;
      return [editList(context, org.file, list, addition.item, ORGANISATION_FIELDS)];
    },
    modeOf(options, () => said),
  );
}

/** --dry-run, and what to say once written. */
function modeOf(options: { dryRun?: boolean }, said: () => string): ApplyMode {
  return { dryRun: options.dryRun === true, said };
}

function checkCurrency(currency: string): void {
  if (!/^[A-Z]{3}$/.test(currency))
    throw new UsageError(
      `--currency "${currency}" is not a three-letter ISO 4217 code`,
      `did you mean "${currency.toUpperCase().slice(0, 3)}"?`,
    );
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
    const holding = context.base.events.find(
      (event) => event.programme === subject || (event.orgs ?? []).includes(subject),
    );
    if (holding) return holding.file;
  }
  return `events/${subjects[0]}.yaml`;
}

/**
 * The record whose file is to be edited. A record missing because its own file has errors is not
 * "not found": say so, and point at coop validate.
 */
function findEditable(
  context: EditContext,
  query: string,
  types: Array<'organisation' | 'programme' | 'person' | 'agreement'>,
  noun: string,
): ReturnType<typeof findRecord> {
  try {
    return findRecord(context.index, query, types, noun);
  } catch (error) {
    const folders = {
      organisation: 'organisations',
      programme: 'programmes',
      person: 'people',
      agreement: 'agreements',
    } as const;
    const broken = types
      .map((type) => `${folders[type]}/${query}.yaml`)
      .find((path) => context.diagnostics.some((d) => d.file === path && d.severity === 'error'));
    if (broken !== undefined)
      throw new RefusedError(
        `${context.displayPath(broken)} has errors: coop cannot add to it; nothing written`,
        VALIDATE_HINT,
      );
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

const STYLE = { quoted: DATE_FIELDS };
const VALIDATE_HINT = 'run coop validate to see what is wrong there, fix it, then add again';

/** The file's text with `item` appended to its `key` list. */
function editList(
  context: EditContext,
  path: string,
  key: string,
  item: Item,
  keyOrder: readonly string[],
): FileChange {
  const text = current(context, path);
  return {
    path,
    text: editing(context, path, () => appendToMappingList(text, key, item, keyOrder, STYLE)),
    create: false,
  };
}

/** A list file (funding, events) with `item` appended; created when missing. */
function editListFile(context: EditContext, path: string, item: Item, siblingFiles: readonly string[]): FileChange {
  const text = context.read(path);
  if (text !== undefined)
    return { path, text: editing(context, path, () => appendToRootList(text, item, STYLE)), create: false };
  return {
    path,
    text: editing(context, path, () =>
      newListFile(schemaLineOfSiblings(context, path.slice(0, path.lastIndexOf('/')), siblingFiles), item, STYLE),
    ),
    create: true,
  };
}

function current(context: EditContext, path: string): string {
  const text = context.read(path);
  if (text === undefined)
    throw new RefusedError(
      `${context.displayPath(path)} is gone: nothing written`,
      'another program moved it while coop was reading the base; try again',
    );
  return text;
}

function editing(context: EditContext, path: string, edit: () => string): string {
  try {
    return edit();
  } catch (error) {
    if (error instanceof YamlEditError)
      throw new RefusedError(
        `cannot add to ${context.displayPath(path)}: ${error.message}; nothing written`,
        VALIDATE_HINT,
      );
    throw error;
  }
}

const DRY_RUN = { description: 'print the diff of what would change; write nothing' } as const;

/** What kind of public money a funding or budget line is. */
const TERM_OPTIONS = {
  recurrence: {
    value: '<recurrence>',
    description: 'one-off (ponctuel), recurring (pérenne), non-renewable (non reconductible)',
    choices: RECURRENCES,
  },
  purpose: { value: '<purpose>', description: 'investment or operating (fonctionnement)', choices: PURPOSES },
  per: { value: '<period>', description: 'year: the amount is per year ("450 000 € par an")', choices: PERIODS },
  from: { value: '<date>', description: 'the first year (or date) the amount covers (EDTF)' },
  until: { value: '<date>', description: 'the last year (or date) the amount covers (EDTF)' },
} as const;

const addBudgetOptions = {
  instrument: { value: '<instrument>', description: INSTRUMENTS.join(', '), required: true, choices: INSTRUMENTS },
  amount: {
    value: '<amount>',
    description: 'whole currency units: 1500000, "1 500 000", 1.5M, "1,5 M€", 450k',
    required: true,
  },
  currency: { value: '<code>', description: 'ISO 4217 code (EUR when left out)' },
  upperBound: { description: 'the amount is a ceiling ("up to")' },
  ...TERM_OPTIONS,
  note: { value: '<text>', description: 'a caveat' },
  source: {
    value: '<article>',
    description: 'the id of the article that says so',
    required: true,
    completes: 'article',
  },
  dryRun: DRY_RUN,
} as const;

const addMemberOptions = {
  role: { value: '<role>', description: MEMBER_ROLES.join(', '), required: true, choices: MEMBER_ROLES },
  status: {
    value: '<status>',
    description: `${MEMBER_STATUSES.join(', ')} (default member; an application under way is pending)`,
    choices: MEMBER_STATUSES,
  },
  since: { value: '<date>', description: 'member since (EDTF: 2017-09-13, 2017-09, 2018, 2012-12~)' },
  until: { value: '<date>', description: 'member until (EDTF)' },
  note: { value: '<text>', description: 'a caveat, or how the articles disagree' },
  source: {
    value: '<article>',
    description: 'the id of the article that says so',
    required: true,
    completes: 'article',
  },
  dryRun: DRY_RUN,
} as const;

const addRoleOptions = {
  role: { value: '<role>', description: 'the role as the article says it, in French (présidente)', required: true },
  org: { value: '<org>', description: 'the organisation: id, name or acronym', completes: 'organisation' },
  since: { value: '<date>', description: 'in the role since (EDTF)' },
  until: { value: '<date>', description: 'in the role until (EDTF)' },
  note: { value: '<text>', description: 'a caveat' },
  source: {
    value: '<article>',
    description: 'the id of the article that says so',
    required: true,
    completes: 'article',
  },
  dryRun: DRY_RUN,
} as const;

const addFundingOptions = {
  programme: {
    value: '<id>',
    description: 'the programme: id, name or acronym',
    required: true,
    completes: 'programme',
    aliases: ['--program'],
  },
  recipient: {
    value: '<org>',
    description: 'the organisation that receives the money (leave out when the article names none)',
    completes: 'organisation',
  },
  recipientsCount: { value: '<n>', description: 'instead of --recipient: how many unnamed recipients ("12 lauréats")' },
  perRecipientMin: { value: '<amount>', description: 'with --recipients-count: the least each receives' },
  perRecipientMax: { value: '<amount>', description: 'with --recipients-count: the most each receives' },
  instrument: { value: '<instrument>', description: INSTRUMENTS.join(', '), required: true, choices: INSTRUMENTS },
  amount: {
    value: '<amount>',
    description: 'whole currency units: 1500000, "1 500 000", 1.5M, "1,5 M€", 450k',
  },
  amountMin: { value: '<amount>', description: 'instead of --amount, a range: "entre 20 et 30 M€" is 20M to 30M' },
  amountMax: { value: '<amount>', description: 'the top of the range (with --amount-min)' },
  stage: { value: '<stage>', description: STAGES.join(', '), required: true, choices: STAGES },
  currency: { value: '<code>', description: 'ISO 4217 code', default: 'EUR' },
  upperBound: { description: 'the amount is a ceiling ("jusqu\'à")' },
  approximate: { description: 'the amount is approximate ("environ", "près de")' },
  atLeast: { description: 'the amount is a floor ("plus de")' },
  ...TERM_OPTIONS,
  date: { value: '<date>', description: 'when (EDTF)' },
  funder: { value: '<org>', description: 'the organisation that gives the money', completes: 'organisation' },
  note: { value: '<text>', description: 'a caveat' },
  source: {
    value: '<article>',
    description: 'the id of the article that says so',
    required: true,
    completes: 'article',
  },
  id: { value: '<id>', description: "the line's id (default: <programme>-<recipient>-<instrument>, made unique)" },
  file: { value: '<name>', description: 'the file of funding/ (default: see below)' },
  dryRun: DRY_RUN,
} as const;

const addEventOptions = {
  date: { value: '<date>', description: 'when (EDTF: 2017-09-13, 2017-09, 2014-12~, 2017-09/2019-03)', required: true },
  kind: { value: '<kind>', description: EVENT_KINDS.join(', '), required: true, choices: EVENT_KINDS },
  title: { value: '<text>', description: 'a one-line title, in our own words', required: true },
  org: {
    value: '<org>',
    description: 'an organisation concerned (repeat for several)',
    repeat: true,
    completes: 'organisation',
  },
  participant: {
    value: '<org:role>',
    description: `an organisation and its part in the event (repeat for several): ${PARTICIPANT_ROLES.join(', ')}`,
    repeat: true,
  },
  programme: { value: '<id>', description: 'the programme concerned', completes: 'programme', aliases: ['--program'] },
  status: {
    value: '<status>',
    description: 'planned (announced, not yet happened), happened (the default) or cancelled',
    choices: EVENT_STATUSES,
  },
  place: { value: '<commune>', description: 'where (commune name)' },
  description: { value: '<text>', description: 'what happened, in our own words' },
  source: {
    value: '<article>',
    description: 'the id of an article that says so (repeat for several)',
    required: true,
    repeat: true,
    completes: 'article',
  },
  id: { value: '<id>', description: "the event's id (default: <first org or programme>-<kind>-<year>, made unique)" },
  file: { value: '<name>', description: 'the file of events/ (default: see below)' },
  dryRun: DRY_RUN,
} as const;

const addAlsoPublishedOptions = {
  outlet: { value: '<outlet>', description: 'the other outlet that printed the story', required: true },
  url: { value: '<url>', description: 'where it printed it' },
  date: { value: '<date>', description: 'when it printed it (EDTF), when the article says' },
  dryRun: DRY_RUN,
} as const;

const addMentionOptions = {
  person: { value: '<person>', description: "the person's record: id, name or alias", completes: 'person' },
  role: { value: '<role>', description: 'the role the article gives them, in French, as printed (présidente)' },
  org: {
    value: '<org>',
    description: 'the organisation it names them with: id, name or acronym',
    completes: 'organisation',
  },
  dryRun: DRY_RUN,
} as const;

const SOURCE = {
  value: '<article>',
  description: 'the id of the article that says so',
  required: true,
  completes: 'article',
} as const;

const addOwnerOptions = {
  share: { value: '<percent>', description: 'the share held, as the article gives it: 60 for "60 %"' },
  since: { value: '<date>', description: 'owner since (EDTF: 2025-01-01, 2025-01, 2025)' },
  until: { value: '<date>', description: 'owner until (EDTF)' },
  note: { value: '<text>', description: 'a caveat' },
  source: SOURCE,
  dryRun: DRY_RUN,
} as const;

const addFormerNameOptions = {
  since: { value: '<date>', description: 'the name was used from (EDTF)' },
  until: { value: '<date>', description: 'the name was used until: the change of name (EDTF)' },
  source: SOURCE,
  dryRun: DRY_RUN,
} as const;

const addMilestoneOptions = {
  kind: { value: '<kind>', description: MILESTONE_KINDS.join(', '), required: true, choices: MILESTONE_KINDS },
  date: { value: '<date>', description: 'when (EDTF), no more precise than the article', required: true },
  by: { value: '<org>', description: 'the authority: the ARS that approves, ...', completes: 'organisation' },
  act: { value: '<text>', description: 'the act\'s reference as printed: "arrêté du DG de l\'ARS n° 2024-12"' },
  note: { value: '<text>', description: 'a caveat' },
  source: SOURCE,
  dryRun: DRY_RUN,
} as const;

const addFigureOptions = {
  metric: { value: '<metric>', description: 'kebab-case: beds, staff, admissions, ...', required: true },
  value: { value: '<number>', description: 'a number: 1200, "1 200", 4.5' },
  min: { value: '<number>', description: 'instead of --value, a range: "entre 20 et 30" is 20 to 30' },
  max: { value: '<number>', description: 'the top of the range (with --min)' },
  approximate: { description: 'the value is approximate ("environ", "près de")' },
  atLeast: { description: 'the value is a floor ("plus de", "au moins")' },
  upTo: { description: 'the value is a ceiling ("jusqu\'à")' },
  per: { value: '<period>', description: 'year: the value is per year ("1 200 séjours par an")', choices: PERIODS },
  unit: { value: '<unit>', description: 'inhabitants, professionals, percent, ...' },
  asOf: { value: '<date>', description: 'the date the figure is for (EDTF)' },
  note: { value: '<text>', description: 'a caveat' },
  source: {
    value: '<article>',
    description: 'the id of the article that says so',
    required: true,
    completes: 'article',
  },
  dryRun: DRY_RUN,
} as const;

const addSiteOptions = {
  commune: {
    value: '<commune>',
    description: 'where the site is: INSEE code (39300), or the name of one commune (Lons-le-Saunier)',
  },
  finessEt: { value: '<number>', description: 'the FINESS number of the site (établissement, 9 digits)' },
  note: { value: '<text>', description: 'a caveat' },
  source: SOURCE,
  dryRun: DRY_RUN,
} as const;

const addAuthorisationOptions = {
  activity: {
    value: '<text>',
    description: 'the activity, in French, as the authority words it ("médecine d\'urgence")',
    required: true,
  },
  status: {
    value: '<status>',
    description: AUTHORISATION_STATUSES.join(', '),
    required: true,
    choices: AUTHORISATION_STATUSES,
  },
  date: { value: '<date>', description: 'when it was granted, renewed or withdrawn (EDTF)' },
  authority: {
    value: '<org>',
    description: 'who decided: the ARS, by id, name or acronym',
    completes: 'organisation',
  },
  site: { value: '<name>', description: 'the site it is for: the name of one of its sites (coop add site)' },
  note: { value: '<text>', description: 'a caveat' },
  source: SOURCE,
  dryRun: DRY_RUN,
} as const;

const addPopulationOptions = {
  approximate: { description: 'the article rounds it ("environ 68 000 habitants")' },
  asOf: { value: '<date>', description: 'the date the population is for (EDTF), only when the article gives it' },
  source: SOURCE,
  dryRun: DRY_RUN,
} as const;

const addPartyOptions = {
  role: { value: '<role>', description: PARTY_ROLES.join(', '), required: true, choices: PARTY_ROLES },
  note: { value: '<text>', description: 'a caveat' },
  source: {
    value: '<article>',
    description: "the article that names this party, added to the agreement's sources when new",
    completes: 'article',
  },
  dryRun: DRY_RUN,
} as const;

export const command = defineGroup({
  name: 'add',
  summary: 'add a fact to a record: a member, funding line, event, figure, owner, milestone, site, mention...',
  details: `Each subcommand adds one fact, citing its article, to the YAML file that holds the record: the new
item goes at the end of the list, and every other byte of the file (comments, blank lines, quoting,
order) stays as it was. The whole base is checked with the change before anything is written: if
the change would bring an error, nothing is written, the problems are shown and the exit code is 1.

stdout: the path of the file written. stderr: what was added, with the id of a new funding line or
event. Records are named by id, name or alias; they are written as ids.`,
  examples: [
    { command: 'coop add member alliance-ouest-parisien clinique-x --role member --since 2019 --source <article>' },
    {
      command: `coop add funding --programme territoires-d-innovation --recipient e-meuse-sante \\
    --instrument grant --amount 8.4M --stage awarded --source <article>`,
    },
    { command: 'coop add event --date 2019-09-13 --kind award --title "..." --org e-meuse-sante --source <article>' },
    {
      command:
        'coop add figure alliance-ouest-parisien --metric beds --value 2047 --as-of 2019-03-11 --source <article>',
    },
  ],
  subcommands: [
    defineCommand({
      name: 'member',
      summary: "add a member to a structure's members list",
      arguments: {
        structure: { description: 'the structure: id, name or alias', completes: 'organisation' },
        member: { description: 'the member: id, name or alias', completes: 'organisation' },
      },
      options: addMemberOptions,
      details: `Appends {org, role, since, until, note, source} to the structure's members list (the list is created,
at its place in the data model, when the file has none). The same member may appear again with
another role or another source (two articles that disagree: say so in --note); the same
organisation, role and source twice is refused. --status pending records an application under way
(shown apart, never counted as a member); --status left a member that has left.`,
      examples: [
        {
          command: `coop add member alliance-ouest-parisien hopital-foch --role founder --since 2017-09-13 \\
    --source hospimedia-2017-09-13-alliance-ouest-parisien`,
        },
        {
          command: `coop add member "Alliance hospitalière" "Hôpital Foch" --role member --since 2017-09/2019-03 \\
    --note "Listed as a member in the one-year review" --source alliance-hospitaliere-2019-03-11-un-an-apres`,
        },
      ],
      run: (options, { io, bundledData }) =>
        addMemberCommand(options.structure, options.member, options, io, bundledData),
    }),
    defineCommand({
      name: 'role',
      summary: "add a role to a person's roles (people/<id>.yaml)",
      arguments: { person: { description: 'the person: id or name', completes: 'person' } },
      options: addRoleOptions,
      details: `Appends {role, org, since, until, note, source} to the person's roles list. The role is free text,
as the article says it (présidente, directeur général, porte-parole).`,
      examples: [
        {
          command: `coop add role jeanne-martin --role "présidente" --org alliance-ouest-parisien --since 2017-09 \
    --source hospimedia-2017-09-13-alliance-ouest-parisien`,
        },
      ],
      run: (options, { io, bundledData }) => addRoleCommand(options.person, options, io, bundledData),
    }),
    defineCommand({
      name: 'mention',
      summary: 'add someone an article names to its people list, linked to their person record',
      arguments: {
        article: { description: 'the article: its id', completes: 'article' },
        name: { description: 'the name as the article prints it' },
      },
      options: addMentionOptions,
      details: `Appends {name, person, role, org} to the people list of the article's front matter. The name is
written as the article prints it; --person links the item to a record of people/ (coop new person
makes one), so that coop show <person> lists the article. --role and --org say what the article
calls them then, no more. The same person or name twice in one article is refused: another role of
theirs is coop add role.`,
      examples: [
        {
          command: `coop add mention hospimedia-2017-09-13-alliance-ouest-parisien "Jeanne Martin" \
    --person jeanne-martin --role présidente --org alliance-ouest-parisien`,
        },
      ],
      run: (options, { io, bundledData }) => addMention(options.article, options.name, options, io, bundledData),
    }),
    defineCommand({
      name: 'also-published',
      summary: 'add another outlet that printed the same story to an article',
      arguments: { article: { description: 'the article: its id', completes: 'article' } },
      options: addAlsoPublishedOptions,
      details: `Appends {outlet, url, date} to the also_published list of the article's front matter: the same
story, printed by another outlet too, stays one article, counted once (coop stats, the site). The
article's own outlet, or an outlet it already lists, is refused.`,
      examples: [
        {
          command: `coop add also-published ticsante-2019-11-territoire-de-sante-de-demain --outlet Hospimedia \
    --url https://www.hospimedia.fr/... --date 2019-11-21`,
        },
      ],
      run: (options, { io, bundledData }) => addAlsoPublished(options.article, options, io, bundledData),
    }),
    defineCommand({
      name: 'funding',
      summary: 'add a funding line to funding/<programme>.yaml',
      options: addFundingOptions,
      details: `Appends a funding line to funding/<programme>.yaml if that file exists, else to the file that already
holds the programme's lines, else to a new funding/<programme>.yaml; --file picks the file. The id is <programme>-<recipient>-<instrument>, with -2, -3... when taken, unless
--id gives one; stderr says which.

--amount is a whole number of currency units, written as you like: 1500000, "1 500 000",
1_500_000, 1,500,000, 1.5M, "1,5 M€", 450k, 2Md. Without k/M/Md, "," and "." only group thousands
(1,500 is 1500); with them, either is the decimal mark. The amount written is on stderr: check it.

Say no more than the article: --approximate ("environ"), --at-least ("plus de"), --upper-bound
("jusqu'à"), or --amount-min and --amount-max instead of --amount ("entre 20 et 30 M€"); instrument
unspecified when it does not say grant, loan or equity. Money to recipients it does not name:
--recipients-count instead of --recipient, with --per-recipient-min/--per-recipient-max.

Public money as the sector names it: instrument dotation beside grant (subvention); --recurrence
one-off, recurring or non-renewable ("crédits non reconductibles"); --purpose investment or
operating; --per year for an amount per year ("450 000 € par an"), with --from and --until for the
years it covers. Amounts per year are totalled apart from one-off ones.`,
      examples: [
        {
          command: `coop add funding --programme territoires-d-innovation --recipient e-meuse-sante \\
    --instrument grant --amount 8.4M --stage awarded --date 2019-09-13 --funder etat \\
    --source ticsante-2019-11-territoire-de-sante-de-demain`,
        },
        {
          command: `coop add funding --programme PIA --recipient tsd --instrument equity --amount "25 M€" \\
    --stage potential --upper-bound --source ticsante-2019-11-territoire-de-sante-de-demain`,
        },
        {
          command: `coop add funding --programme appel-x-2026 --recipients-count 12 --per-recipient-min 200k \
    --per-recipient-max 2M --instrument grant --amount-min 20M --amount-max 30M --stage awarded \
    --note "lauréats de l'appel" --source hospimedia-2026-11-20-clinique-x`,
          comment: 'twelve unnamed laureates sharing 20 to 30 M€',
        },
        {
          command: `coop add funding --programme fir --recipient cpts-x --instrument dotation --amount 450k \\
    --per year --stage awarded --source <article>`,
          comment: '"une dotation de 450 000 € par an"',
        },
      ],
      run: (options, { io, bundledData }) => addFundingCommand(options, io, bundledData),
    }),
    defineCommand({
      name: 'event',
      summary: 'add an event to events/<organisation or programme>.yaml',
      options: addEventOptions,
      details: `Appends an event to a file of events/. Events live with the organisation or programme they concern:
events/<id>.yaml for the first --org, then --programme, that has such a file; else the file that
already holds events of the first of them that has any; else a new file named after the first;
--file picks the file. The id is <first org or programme>-<kind>-<year>
(with -2, -3... when taken), unless --id gives one; stderr says which.`,
      examples: [
        {
          command: `coop add event --date 2019-09-13 --kind award --title "Selected as a Territoires d'innovation laureate" \\
    --org e-meuse-sante --org departement-de-la-meuse --programme territoires-d-innovation \\
    --source ticsante-2019-11-territoire-de-sante-de-demain`,
        },
        {
          command: `coop add event --date 2014-12 --kind trade-show --title "Hôpital Expo Méditerranée" \\
    --org interpro-sante-provence --place Marseille --id hopital-expo-mediterranee-2014 --source <article>`,
        },
      ],
      run: (options, { io, bundledData }) => addEventCommand(options, io, bundledData),
    }),
    defineCommand({
      name: 'figure',
      summary: "add a figure (beds, staff, ...) to an organisation's or programme's figures list",
      arguments: {
        record: { description: 'organisation or programme: id, name or alias', completes: 'organisation,programme' },
      },
      options: addFigureOptions,
      details: `Appends {metric, value, unit, as_of, note, source} to the figures list of an organisation or a
programme (the list is created, at its place in the data model, when the file has none).
--value is a number: 1200, "1 200", 4.5 or 4,5 (a comma before exactly three digits is refused as
ambiguous). Say no more than the article: --approximate ("environ 68 000 habitants"), --at-least
("plus de 120 professionnels"), --up-to ("jusqu'à"), or --min and --max instead of --value
("entre 20 et 30"); --per year for a value per year.`,
      examples: [
        {
          command: `coop add figure alliance-ouest-parisien --metric beds --value 2047 --as-of 2019-03-11 \\
    --source alliance-hospitaliere-2019-03-11-un-an-apres`,
        },
        {
          command: `coop add figure territoires-d-innovation --metric applications --value 117 --as-of 2019-09-13 \\
    --source ticsante-2019-11-territoire-de-sante-de-demain`,
        },
        {
          command: 'coop add figure cpts-x --metric professionals --value 120 --at-least --source <article>',
          comment: '"plus de 120 professionnels"',
        },
      ],
      run: (options, { io, bundledData }) => addFigureCommand(options.record, options, io, bundledData),
    }),
    defineCommand({
      name: 'owner',
      summary: "add an owner, with its share and dates, to an organisation's owners",
      arguments: {
        org: { description: 'the organisation owned: id, name or alias', completes: 'organisation' },
        owner: { description: 'the owner: id, name or alias', completes: 'organisation' },
      },
      options: addOwnerOptions,
      details: `Appends {org, share, since, until, note, source} to the organisation's owners list (the list is
created, at its place in the data model, when the file has none). owners replaces parent: a group
and its subsidiary, a sale ("cède 60 % de son capital à"), a change of owner with until and since.`,
      examples: [
        {
          command:
            'coop add owner clinique-des-tilleuls groupe-sante-ouest --share 60 --since 2025-03 --source <article>',
        },
      ],
      run: (options, { io, bundledData }) => addOwnerCommand(options.org, options.owner, options, io, bundledData),
    }),
    defineCommand({
      name: 'former-name',
      summary: 'add a name an organisation had before a change of name',
      arguments: {
        org: { description: 'the organisation: id, name or alias', completes: 'organisation' },
        name: { description: 'the former name, as the article gives it' },
      },
      options: addFormerNameOptions,
      details: `Appends {name, since, until, source} to the organisation's former_names. The record's name is the
current one (coop set <org> name "..."); coop search still finds it by a former name.`,
      examples: [
        {
          command: 'coop add former-name ch-valbrune "CH de Valbrune" --until 2025-01-01 --source <article>',
        },
      ],
      run: (options, { io, bundledData }) => addFormerNameCommand(options.org, options.name, options, io, bundledData),
    }),
    defineCommand({
      name: 'milestone',
      summary: 'add a legal milestone (convention signed, approved, published...) to an organisation',
      arguments: { org: { description: 'the organisation: id, name or alias', completes: 'organisation' } },
      options: addMilestoneOptions,
      details: `Appends {kind, date, by, act, note, source} to the organisation's milestones. When founded is not
given, it is derived from them: the convention published, else approved, else signed; coop show
says so.`,
      examples: [
        {
          command: `coop add milestone gcs-valbrune --kind convention-approved --date 2024-09-01 --by ars-ara \
    --act "arrêté du DG de l'ARS" --source <article>`,
        },
      ],
      run: (options, { io, bundledData }) => addMilestoneCommand(options.org, options, io, bundledData),
    }),
    defineCommand({
      name: 'budget',
      summary: "add a budget line (an envelope by instrument) to a programme's budget list",
      arguments: {
        programme: { description: 'the programme: id, name or acronym', completes: 'programme' },
      },
      options: addBudgetOptions,
      details: `Appends {instrument, amount, currency, note, source} to the programme's budget list (the list is
created, at its place in the data model, when the file has none). --amount is read as for coop add
funding (1.5M, "1,5 M€"); the currency is written only when given (EUR otherwise). --recurrence,
--purpose, --per year, --from and --until say what kind of money it is, as for coop add funding.`,
      examples: [
        {
          command: `coop add budget territoires-d-innovation --instrument grant --amount 150M \\
    --source ticsante-2019-11-territoire-de-sante-de-demain`,
        },
      ],
      run: (options, { io, bundledData }) => addBudgetCommand(options.programme, options, io, bundledData),
    }),
    defineCommand({
      name: 'site',
      summary: "add a site (an establishment, with its commune and FINESS ET) to an organisation's sites",
      arguments: {
        org: { description: 'the organisation: id, name or acronym', completes: 'organisation' },
        name: { description: 'the name of the site, as the article gives it' },
      },
      options: addSiteOptions,
      details: `Appends {name, commune, finess_et, note, source} to the organisation's sites list (created, at its
place in the data model, when the file has none). --commune is the INSEE code (not the postal
code), or a commune's name when only one commune has it: the file holds the code. Authorisations
name a site by its name, so an organisation's sites have different names: a second site of the
same name is refused. The site's communes count among the departments list --department finds
the organisation by.`,
      examples: [
        {
          command: `coop add site ch-de-valbrune "Site de Champagnole" --commune 39097 --finess-et 390780021 \\
    --source courrier-2024-01-15-cpom-valbrune`,
        },
        {
          command: 'coop add site "CH de Valbrune" "Site de Lons" --commune Lons-le-Saunier --source <article>',
          comment: 'written as 39300',
        },
      ],
      run: (options, { io, bundledData }) => addSiteCommand(options.org, options.name, options, io, bundledData),
    }),
    defineCommand({
      name: 'authorisation',
      summary: "add an authorisation of activity (granted, renewed, withdrawn) to an organisation's list",
      arguments: {
        org: { description: 'the organisation that holds it: id, name or acronym', completes: 'organisation' },
      },
      options: addAuthorisationOptions,
      details: `Appends {activity, status, date, authority, site, note, source} to the organisation's authorisations
(autorisations d'activité de soins). The activity is free text in French, as the authority or
the article words it; --authority names the organisation that decided (usually the ARS), --site
one of the organisation's sites (coop add site first). Give --date only as precisely as the
article does: 2024-06, or 2024.`,
      examples: [
        {
          command: `coop add authorisation ch-de-valbrune --activity "médecine d'urgence" --status renewed \\
    --authority "ARS BFC" --site "Site de Champagnole" --source courrier-2024-01-15-cpom-valbrune`,
        },
      ],
      run: (options, { io, bundledData }) => addAuthorisationCommand(options.org, options, io, bundledData),
    }),
    defineCommand({
      name: 'population',
      summary: 'set the population an organisation serves (one fact: a new one replaces the old)',
      arguments: {
        org: { description: 'the organisation: id, name or acronym', completes: 'organisation' },
        value: { description: 'the number of inhabitants: 68000, "68 000"' },
      },
      options: addPopulationOptions,
      details: `Writes population: {value, approximate, as_of, source}. An organisation has one population: when
it has one already, the new one replaces it in place (stderr says what it was; --dry-run shows the
diff). Say no more than the article: --approximate for "environ 68 000 habitants", and --as-of
only when it dates the figure.`,
      examples: [
        {
          command:
            'coop add population cpts-val-de-brune 68000 --approximate --source courrier-2024-03-12-cpts-val-de-brune',
          comment: '« environ 68 000 habitants »',
        },
        { command: 'coop add population cpts-val-de-brune "71 250" --as-of 2021 --source <article> --dry-run' },
      ],
      run: (options, { io, bundledData }) => addPopulationCommand(options.org, options.value, options, io, bundledData),
    }),
    defineCommand({
      name: 'party',
      summary: 'add a party, with its role, to an agreement (agreements/<id>.yaml)',
      arguments: {
        agreement: { description: 'the agreement: id or name', completes: 'agreement' },
        org: { description: 'the party: organisation id, name or acronym', completes: 'organisation' },
      },
      options: addPartyOptions,
      details: `Appends {org, role, note} to the agreement's parties (coop new agreement --party ORG:ROLE names
the first ones). The same organisation in the same role twice is refused. --source adds the
article that names the new party to the agreement's sources, when it is not there yet.`,
      examples: [
        {
          command: `coop add party cpom-ch-de-valbrune-2024-2028 "Clinique des Monts" --role party \\
    --source courrier-2024-03-12-cpts-val-de-brune`,
        },
      ],
      run: (options, { io, bundledData }) => addPartyCommand(options.agreement, options.org, options, io, bundledData),
    }),
  ],
});
