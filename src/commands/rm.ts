import { defineCommand, defineGroup, type GlobalOptions } from '../command.js';
import { MEMBER_ROLES } from '../core/enums.js';
import { removeListItem } from '../edit/yaml-fields.js';
import { RefusedError } from '../errors.js';
import type { IO } from '../io.js';
import { checkChoice } from '../app/context.js';
import { applyChanges, type Change, type EditContext } from '../app/apply-changes.js';
import { editPlace } from '../app/field-edit.js';
import { fieldTarget, placeOf, type ItemFilters } from '../app/record-fields.js';
import { describeReferences, referencesTo } from '../app/references.js';
import { safeText } from '../render/sanitize.js';

/**
 * `coop rm record|member|figure`: a whole record (its file, or its item of a list file), refused
 * while anything refers to it; a member's claim or a figure out of its record's list. Through
 * applyChanges: the base checked after the removal, nothing written when refused.
 */

const DRY_RUN = { description: 'print the diff of what would change; write nothing' } as const;

async function removeRecord(query: string, options: GlobalOptions & { dryRun?: boolean }, io: IO, bundledData: string) {
  let said = '';
  return applyChanges(
    options,
    io,
    bundledData,
    async (context) => {
      const place = placeOf(context, query);
      // The last item of a list file goes with its file: a file with no list is no list file.
      const change: Change =
        place.path.length === 0 || place.listLength === 1
          ? { path: place.file, remove: true }
          : editPlace(context, place, (yaml) => removeListItem(yaml, [], place.path[0] as number));
      const references = await referencesTo(context, place.id, change);
      if (references.length > 0) {
        io.err(safeText(describeReferences(context, references)));
        throw new RefusedError(
          `${place.id} is named in ${references.length} place${references.length === 1 ? '' : 's'} (above): nothing removed`,
          `change those first (coop set, coop rm member), or rename it everywhere with coop mv`,
        );
      }
      said = `removed ${place.type} ${place.id}\n`;
      return [change];
    },
    { dryRun: options.dryRun === true, said: () => said },
  );
}

async function removeItem(
  recordQuery: string,
  list: 'members' | 'figures',
  key: string,
  filters: ItemFilters & { dryRun?: boolean },
  options: Parameters<typeof applyChanges>[0],
  io: IO,
  bundledData: string,
) {
  let said = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context: EditContext) => {
      const place = placeOf(
        context,
        recordQuery,
        list === 'members' ? ['organisation'] : ['organisation', 'programme'],
      );
      const target = fieldTarget(context, place, `${list}.${key}.${list === 'members' ? 'org' : 'metric'}`, filters);
      const index = target.path[target.path.length - 1] as number;
      said = `removed ${target.label.slice(0, target.label.lastIndexOf('.'))} from ${place.id}\n`;
      return [editPlace(context, place, (yaml) => removeListItem(yaml, target.path.slice(0, -1), index))];
    },
    { dryRun: filters.dryRun === true, said: () => said },
  );
}

export const command = defineGroup({
  name: 'rm',
  summary: 'remove a record, a member or a figure (refused while anything names the record)',
  details: `coop rm record removes a whole record: its file (organisations, programmes, articles), or its item
of a list file (funding lines, events). While any other record names it (a member, a parent, a
recipient, a source...), it is refused (exit 1) and every such place is listed as file:line.
coop rm member and coop rm figure take one item out of a record's list, every other byte of the
file kept. Add --dry-run to see the diff first.

stdout: the path of each file changed or removed. stderr: what was removed.`,
  examples: [
    { command: 'coop rm record clinique-x --dry-run' },
    { command: 'coop rm member alliance-ouest-parisien hopital-foch --role member' },
    { command: 'coop rm figure alliance-ouest-parisien beds --as-of 2019' },
  ],
  subcommands: [
    defineCommand({
      name: 'record',
      summary: 'remove a record: its file, or its item of a list file',
      arguments: {
        record: { description: 'the record: id, name or alias (funding lines and events by id)', completes: 'all' },
      },
      options: { dryRun: DRY_RUN },
      examples: [
        { command: 'coop rm record clinique-x --dry-run', comment: 'the diff, or the places that name it' },
        { command: 'coop rm record fonds-regional-clinique-x-loan', comment: 'a funding line, from its list file' },
      ],
      run: (options, { io, bundledData }) => removeRecord(options.record, options, io, bundledData),
    }),
    defineCommand({
      name: 'member',
      summary: "remove a member's claim from a structure's members list",
      arguments: {
        structure: { description: 'the structure: id, name or alias', completes: 'organisation' },
        member: { description: 'the member: id, name or alias', completes: 'organisation' },
      },
      options: {
        role: { value: '<role>', description: 'which claim, when the member has several', choices: MEMBER_ROLES },
        source: { value: '<article>', description: 'which claim, by the article it cites', completes: 'article' },
        dryRun: DRY_RUN,
      },
      examples: [{ command: 'coop rm member alliance-ouest-parisien hopital-foch --role member --source <article>' }],
      run: (options, { io, bundledData }) => {
        checkChoice(options.role, MEMBER_ROLES, '--role');
        return removeItem(
          options.structure,
          'members',
          options.member,
          { role: options.role, source: options.source, dryRun: options.dryRun },
          options,
          io,
          bundledData,
        );
      },
    }),
    defineCommand({
      name: 'figure',
      summary: "remove a figure from an organisation's or programme's figures list",
      arguments: {
        record: { description: 'organisation or programme: id, name or alias', completes: 'organisation,programme' },
        metric: { description: 'the metric: beds, staff, ...' },
      },
      options: {
        asOf: { value: '<date>', description: 'which figure, when the metric has several' },
        source: { value: '<article>', description: 'which figure, by the article it cites', completes: 'article' },
        dryRun: DRY_RUN,
      },
      examples: [{ command: 'coop rm figure alliance-ouest-parisien beds --as-of 2019-03-11' }],
      run: (options, { io, bundledData }) =>
        removeItem(
          options.record,
          'figures',
          options.metric,
          { asOf: options.asOf, source: options.source, dryRun: options.dryRun },
          options,
          io,
          bundledData,
        ),
    }),
  ],
});
