import { defineCommand } from '../command.js';
import { removeField } from '../edit/yaml-fields.js';
import { UsageError } from '../errors.js';
import { applyChanges } from '../app/apply-changes.js';
import { editPlace } from '../app/field-edit.js';
import { fieldTarget, placeOf } from '../app/record-fields.js';
import { RECORD_TYPE_NAMES } from '../core/model.js';

/**
 * `coop unset <record> <field>`: a field removed from a record's file (with the comment lines
 * indented under it), every other byte kept; a field the data model requires is refused.
 */
export const command = defineCommand({
  name: 'unset',
  summary: 'remove a field from a record, keeping the rest of the file',
  arguments: {
    record: { description: 'the record: id, name or alias (funding lines and events by id)', completes: 'all' },
    field: { description: 'the field: note, founded, members.<org>.until, figures.<metric>.unit, ...' },
  },
  options: {
    role: { value: '<role>', description: 'which membership, when an organisation has several claims' },
    source: { value: '<article>', description: 'which claim or figure, by the article it cites', completes: 'article' },
    asOf: { value: '<date>', description: 'which figure, when a metric has several' },
    dryRun: { description: 'print the diff of what would change; write nothing' },
  },
  details: `Fields are named as for coop set. A field the data model requires (an organisation's name, kind
and sources, a member's role...) cannot be removed (exit 2): coop set changes it. A whole member
or figure goes with coop rm member / coop rm figure. A field the record does not have: nothing to
change (exit 0). stdout: the path of the file written; stderr: what was removed.`,
  examples: [
    { command: 'coop unset hopital-foch website' },
    { command: 'coop unset alliance-ouest-parisien members.hopital-foch.until --role member --dry-run' },
  ],
  async run(options, { io, bundledData }) {
    let said = '';
    return applyChanges(
      options,
      io,
      bundledData,
      (context) => {
        const place = placeOf(context, options.record);
        const target = fieldTarget(context, place, options.field, {
          role: options.role,
          source: options.source,
          asOf: options.asOf,
        });
        if (target.shape.required)
          throw new UsageError(
            `"${target.label}" is required in ${target.path.length > place.path.length ? 'each item' : RECORD_TYPE_NAMES[place.type]}: it cannot be removed`,
            target.key === 'id'
              ? `coop mv ${place.id} <new-id> renames it`
              : `coop set ${place.id} ${options.field} <value> changes it`,
          );
        said = `removed ${target.label} from ${place.id}\n`;
        if (target.newMapping) return [];
        // The last key of a mapping (identifiers) takes the mapping with it: an empty one is no value.
        const parentKey = target.path[target.path.length - 1];
        const alone =
          typeof parentKey === 'string' && Object.keys(target.holder).length === 1 && target.key in target.holder;
        return [
          editPlace(context, place, (yaml) =>
            alone ? removeField(yaml, target.path.slice(0, -1), parentKey) : removeField(yaml, target.path, target.key),
          ),
        ];
      },
      { dryRun: options.dryRun === true, said: () => said },
    );
  },
});
