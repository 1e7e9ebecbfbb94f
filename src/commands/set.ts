import { defineCommand } from '../command.js';
import {
  addToList,
  removeListItem,
  setField,
  setFieldOfNewMapping,
  setFieldSources,
  type FieldValue,
} from '../edit/yaml-fields.js';
import { NotFoundError, UsageError } from '../errors.js';
import { applyChanges } from '../app/apply-changes.js';
import { checkChoice, findRecord } from '../app/context.js';
import { localTextEdit } from '../app/local-text-edit.js';
import { LANGUAGES, type Language } from '../core/language.js';
import { editPlace, shown, styleOf } from '../app/field-edit.js';
import { fieldTarget, parseFieldValue, placeOf } from '../app/record-fields.js';

/**
 * `coop set <record> <field> <value>`: one field of a record set or replaced in its file, every
 * other byte kept; `--add`/`--remove` for the lists. The fields and how their values are read come
 * from the data model (app/record-fields.ts), the change goes through applyChanges (checked with the
 * whole base, under the write lock; refused = nothing written).
 */
export const command = defineCommand({
  name: 'set',
  summary: 'set a field of a record (or add to / remove from a list field), keeping the rest of the file',
  arguments: {
    record: { description: 'the record: id, name or alias (funding lines and events by id)', completes: 'all' },
    field: { description: 'the field: city, founded, members.<org>.since, figures.<metric>.value, ...' },
    value: { description: 'the new value; "-" reads it from standard input', optional: true },
  },
  options: {
    add: { value: '<value>', description: 'add a value to a list field (aliases, sources, orgs, ...)', repeat: true },
    remove: { value: '<value>', description: 'remove a value from a list field', repeat: true },
    role: { value: '<role>', description: 'which membership, when an organisation has several claims' },
    source: {
      value: '<article>',
      description:
        'on a field of the record: the article that states it (field_sources); on members.* or figures.*: which claim',
      completes: 'article',
    },
    asOf: { value: '<date>', description: 'which figure, when a metric has several' },
    lang: {
      value: '<lang>',
      description: 'on a description, note or title: which language the value is in (fr or en)',
      choices: LANGUAGES,
    },
    dryRun: { description: 'print the diff of what would change; write nothing' },
  },
  details: `The field is named as in the data files. A member's or a figure's field is reached through its list:
members.<organisation>.<field> (the organisation by id, name or alias), figures.<metric>.<field>,
budget.<instrument>.<field>; --role, --source and --as-of tell apart several items with the same
key, else the command refuses and lists them. Values are read as coop add reads them: amounts as
1.7M or "1,7 M€", dates in EDTF, closed lists with "did you mean", references by id, name or alias
(written as ids). The key keeps its place, quoting and comments; a new key goes at its place in
the data model's order.

List fields (aliases, activities, shared_resources, sources, departments, communes, epci, an
event's orgs, an article's authors) take --add and --remove instead of a value. A department is
its code (1 is written "01"), a commune its INSEE code or the name of one commune (written as its
code), an EPCI its SIREN. An organisation's sites, authorisations and population, and an
agreement's parties, are added with coop add.

A description, a note or an event's title is a plain text in the base's language (coop.yaml,
French by default) or one version per language. --lang en adds or replaces the English version and
keeps the French one (a plain text becomes "description: {fr: ..., en: ...}"); without --lang, a
text written in several languages is not replaced (it would lose one of them). The id changes with coop mv, a field goes with
coop unset. The whole base is checked with the change first: if it would bring an error, nothing is
written (exit 1). stdout: the path of the file written; stderr: what was set.`,
  examples: [
    { command: 'coop set hopital-foch city Suresnes' },
    { command: 'coop set alliance-ouest-parisien members.hopital-foch.since 2017-09-13 --role founder' },
    { command: 'coop set territoires-d-innovation figures.applications.value 117 --as-of 2019-09-13' },
    { command: 'coop set "Hôpital Foch" aliases --add "Foch"' },
    { command: 'coop set cpts-val-de-brune departments --add 01 --add 39' },
    { command: 'coop set cpts-val-de-brune communes --add Oyonnax --add 39478', comment: 'written 01283, 39478' },
    { command: 'coop set alliance-ouest-parisien description - < description.txt --dry-run' },
    {
      command: 'coop set hopital-foch description "A private non-profit hospital" --lang en',
      comment: 'adds an English version',
    },
  ],
  async run(options, { io, bundledData }) {
    const adds = options.add ?? [];
    const removes = options.remove ?? [];
    if (options.value !== undefined && (adds.length > 0 || removes.length > 0))
      throw new UsageError('give a value, or --add/--remove, not both');
    let raw = options.value;
    if (raw === '-') {
      if (!io.readInput) throw new UsageError('"-": there is no standard input to read');
      raw = (await io.readInput()).replace(/\r?\n$/, '');
    }
    checkChoice(options.lang, LANGUAGES, '--lang');
    const language = options.lang as Language | undefined;
    let said = '';
    return applyChanges(
      options,
      io,
      bundledData,
      (context) => {
        const place = placeOf(context, options.record);
        const filters = { role: options.role, source: options.source, asOf: options.asOf };
        // On a field of the record itself, --source names the article that states it (field_sources);
        // on members.* and figures.*, it picks the claim.
        const fieldSource = options.field.includes('.') ? undefined : options.source;
        if (fieldSource !== undefined) {
          if (options.field === 'field_sources' || options.field === 'disputed' || options.field === 'sources')
            throw new UsageError(`--source does not apply to "${options.field}"`);
          findRecord(context.index, fieldSource, ['article'], 'article');
        }
        const target = fieldTarget(
          context,
          place,
          options.field,
          fieldSource === undefined ? filters : { ...filters, source: undefined },
        );
        const { shape, key, path, order, label } = target;
        if (key === 'id' && path.length === place.path.length)
          throw new UsageError(`the id of ${place.id} changes with coop mv`, `coop mv ${place.id} <new-id>`);
        // The old name of owners still reads, but nothing new is written under it.
        if (key === 'parent' && place.type === 'organisation' && path.length === place.path.length)
          throw new UsageError(
            'the field parent is now "owners": coop set writes only current names',
            `coop add owner ${place.id} <owner> --source <article>`,
          );
        if (language !== undefined && !(shape.kind === 'scalar' && shape.type === 'local-text'))
          throw new UsageError(
            `--lang applies to texts written by language (description, note, title), not to "${label}"`,
          );
        if (shape.kind === 'scalar') {
          if (adds.length > 0 || removes.length > 0) throw new UsageError(`"${label}" is not a list: give a value`);
          if (raw === undefined) throw new UsageError(`give the new value of "${label}"`);
          const value = parseFieldValue(context, shape, key, raw, label);
          if (shape.type === 'local-text') {
            const written = localTextEdit({
              current: target.holder[key],
              value: String(value),
              language,
              base: context.base.language,
              path,
              key,
              order,
              label,
            });
            said = `set ${label}${written.said} of ${place.id} to ${shown(value)}\n`;
            if (fieldSource !== undefined) said += `${fieldSource} states ${label} of ${place.id}\n`;
            return [
              editPlace(context, place, (yaml) => {
                const edited = written.edit(yaml);
                return fieldSource === undefined ? edited : setFieldSources(edited, path, key, [fieldSource], order);
              }),
            ];
          }
          said = `set ${label} of ${place.id} to ${shown(value)}\n`;
          const style = styleOf(key, shape.type === 'date');
          const { newMapping } = target;
          if (fieldSource !== undefined) said += `${fieldSource} states ${label} of ${place.id}\n`;
          return [
            editPlace(context, place, (yaml) => {
              const edited = newMapping
                ? setFieldOfNewMapping(yaml, path, newMapping.key, key, value, newMapping.order, style)
                : setField(yaml, path, key, value, order, style);
              return fieldSource === undefined ? edited : setFieldSources(edited, path, key, [fieldSource], order);
            }),
          ];
        }
        if (shape.kind !== 'list')
          throw new UsageError(
            `"${label}" holds several fields: name one (${shape.kind === 'items' ? `${label}.<${shape.item.order[0]}>.<field>` : `${label}.<field>`})`,
          );
        if (raw !== undefined || (adds.length === 0 && removes.length === 0))
          throw new UsageError(`"${label}" is a list: use --add <value> or --remove <value>`);
        const current = ((target.holder[key] as unknown[] | undefined) ?? []).map(String);
        const added: FieldValue[] = adds.map((value) => parseFieldValue(context, shape.of, key, value, label));
        const removed = removes.map((value) => {
          // The value as written first; for references, also the id a name or alias stands for.
          if (current.includes(value.trim())) return value.trim();
          const parsed = String(parseFieldValue(context, shape.of, key, value, label));
          if (!current.includes(parsed))
            throw new NotFoundError(`${label} of ${place.id} has no ${JSON.stringify(value)}`, current);
          return parsed;
        });
        said = [
          ...added.map((value) => `added ${shown(value)} to ${label} of ${place.id}\n`),
          ...removed.map((value) => `removed ${shown(value)} from ${label} of ${place.id}\n`),
        ].join('');
        return [
          editPlace(context, place, (yaml) => {
            let text = yaml;
            const list = [...current];
            for (const value of removed) {
              text = removeListItem(text, [...path, key], list.indexOf(value));
              list.splice(list.indexOf(value), 1);
            }
            for (const value of added) {
              if (list.includes(String(value))) continue;
              text = addToList(text, path, key, String(value), order);
              list.push(String(value));
            }
            return text;
          }),
        ];
      },
      { dryRun: options.dryRun === true, said: () => said },
    );
  },
});
