import { defineCommand } from '../command.js';
import { checkId } from '../edit/values.js';
import { replaceScalars, setField } from '../edit/yaml-fields.js';
import { RefusedError } from '../errors.js';
import { applyChanges, type Change, type EditContext } from '../app/apply-changes.js';
import { editPlace, editText } from '../app/field-edit.js';
import { placeOf, recordShape, type RecordPlace } from '../app/record-fields.js';
import { referencesTo } from '../app/references.js';

/**
 * `coop mv <old-id> <new-id>`: a record renamed, its file too, and every reference to it across
 * the base rewritten in place; all the files change or none (applyChanges writes several files
 * through a journal that the next writer completes if this one dies midway).
 */
export const command = defineCommand({
  name: 'mv',
  summary: 'rename a record: its id, its file and every reference to it, all or nothing',
  arguments: {
    record: { description: 'the record: id, name or alias (funding lines and events by id)', completes: 'all' },
    newId: { description: 'the new id, a kebab-case slug' },
  },
  options: { dryRun: { description: 'print the diff of every file that would change; write nothing' } },
  details: `Renames organisations/<old>.yaml to organisations/<new>.yaml (programmes, articles alike), writes the
new id in its id field if it has one, and rewrites every field of the base that names the old id
(members, parents, funders, recipients, sources, an event's orgs, an article's people), each in
place, keeping its quoting and comments. A funding line or an event is renamed in its list file.

Every file is written to a temporary name first, then a journal of the renames is written, then
the renames are made: if coop dies midway, the next coop that writes (set, add, mv...) finishes
them before anything else. The new id must be free. stdout: every path changed.`,
  examples: [
    { command: 'coop mv hopital-a hopital-foch --dry-run' },
    { command: 'coop mv hospimedia-2017-alliance hospimedia-2017-09-13-alliance-ouest-parisien' },
  ],
  async run(options, { io, bundledData }) {
    const newId = checkId(options.newId, 'the new id');
    let said = '';
    return applyChanges(
      options,
      io,
      bundledData,
      async (context) => {
        const place = placeOf(context, options.record);
        if (place.id === newId) throw new RefusedError(`${place.id} is already its id: nothing to change`);
        if (context.index.byId.has(newId))
          throw new RefusedError(`"${newId}" is the id of another record: nothing written`, `coop show ${newId}`);
        said = `renamed ${place.type} ${place.id} to ${newId}\n`;
        if (place.path.length > 0)
          return [
            editPlace(context, place, (yaml) => setField(yaml, place.path, 'id', newId, recordShape(place.type).order)),
          ];
        return renameFile(context, place, newId);
      },
      { dryRun: options.dryRun === true, said: () => said },
    );
  },
});

async function renameFile(context: EditContext, place: RecordPlace, newId: string): Promise<Change[]> {
  // The validator's references to the record, were its file gone: each with its line and column.
  const references = await referencesTo(context, place.id, { path: place.file, remove: true });
  const byFile = new Map<string, Array<{ line: number; column: number }>>();
  for (const d of references) byFile.set(d.file, [...(byFile.get(d.file) ?? []), { line: d.line, column: d.column }]);
  const rewritten = (path: string, text: string) =>
    rewriteReferences(context, path, text, byFile.get(path) ?? [], place.id, newId);
  const changes: Change[] = [];
  for (const path of [...byFile.keys()].sort()) {
    if (path !== place.file) changes.push({ path, text: rewritten(path, read(context, path)), create: false });
  }
  let own = rewritten(place.file, read(context, place.file));
  if (typeof place.data.id === 'string')
    own = editText(context, place.file, own, (yaml) => setField(yaml, [], 'id', newId, recordShape(place.type).order));
  const newPath = place.file.replace(/[^/]+(\.[a-z]+)$/i, `${newId}$1`);
  return [{ path: newPath, text: own, create: true }, ...changes, { path: place.file, remove: true }];
}

function read(context: EditContext, path: string): string {
  const text = context.read(path);
  if (text === undefined)
    throw new RefusedError(`${context.displayPath(path)} is gone: nothing written`, 'run the command again');
  return text;
}

/** The scalars at these lines and columns (1-based), each holding `oldId`, rewritten to `newId`. */
function rewriteReferences(
  context: EditContext,
  path: string,
  text: string,
  positions: ReadonlyArray<{ line: number; column: number }>,
  oldId: string,
  newId: string,
): string {
  if (positions.length === 0) return text;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offsets = positions.map(({ line, column }) => lineStarts[line - 1]! + column - 1);
  return editText(context, path, text, (yaml, offset) =>
    replaceScalars(
      yaml,
      offsets.map((at) => at - offset),
      oldId,
      newId,
    ),
  );
}
