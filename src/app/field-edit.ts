import { DATE_FIELDS } from '../edit/values.js';
import { YamlEditError } from '../edit/yaml-edit.js';
import { editRecordText, type FieldValue } from '../edit/yaml-fields.js';
import { RefusedError } from '../errors.js';
import type { EditContext, FileChange } from './apply-changes.js';
import type { RecordPlace } from './record-fields.js';

/** The record's file with `edit` applied to its YAML (an article's front matter); a failed edit refused. */
export function editPlace(
  context: EditContext,
  place: RecordPlace,
  edit: (yaml: string, offset: number) => string,
  path = place.file,
): FileChange {
  const text = context.read(path);
  if (text === undefined)
    throw new RefusedError(`${context.displayPath(path)} is gone: nothing written`, 'run the command again');
  return { path, text: editText(context, path, text, edit), create: false };
}

/** `text`, the text of data file `path`, with `edit` applied to its YAML (an article's front matter). */
export function editText(
  context: EditContext,
  path: string,
  text: string,
  edit: (yaml: string, offset: number) => string,
): string {
  try {
    return editRecordText(text, path.endsWith('.md'), edit);
  } catch (error) {
    if (error instanceof YamlEditError)
      throw new RefusedError(
        `cannot edit ${context.displayPath(path)}: ${error.message.replace(/: nothing written$/, '')}; nothing written`,
        'edit the file by hand, or run coop validate to see what is wrong there',
      );
    throw error;
  }
}

/** Dates are written in double quotes when new, as coop add writes them. */
export function styleOf(key: string, isDate: boolean): { quoted: readonly string[] } {
  return { quoted: isDate ? [key] : (DATE_FIELDS as readonly string[]) };
}

/** A value as messages show it. */
export function shown(value: FieldValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
