/**
 * JSON for machines: stable key order as given, two-space indent, and the characters JSON.stringify
 * lets through raw (C1 controls, bidi overrides, line separators) escaped, so that printing the JSON
 * on a terminal is as safe as printing a table.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/g;

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
