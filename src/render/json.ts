/**
 * JSON for machines. JSON.stringify escapes C0 controls but lets C1 controls, bidi overrides and
 * line separators through raw: they are escaped too, so that printing JSON on a terminal is as safe
 * as printing a table, and U+2028/U+2029 never split an NDJSON line.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/g;

function escapeRaw(json: string): string {
  return json.replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Indented, for a document. */
export function renderJson(value: unknown): string {
  return escapeRaw(JSON.stringify(value, null, 2)) + '\n';
}

/** One compact JSON value a line. */
export function renderNdjson(values: readonly unknown[]): string {
  return values.map((value) => escapeRaw(JSON.stringify(value)) + '\n').join('');
}
