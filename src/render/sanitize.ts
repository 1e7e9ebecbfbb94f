/**
 * Text from data files must never drive the terminal: control characters (escape sequences,
 * carriage returns, bell), and bidirectional overrides that reorder what a person reads, are shown
 * as visible escapes instead.
 */
// C0 except tab and newline, DEL, C1, bidi embeddings/overrides/isolates, marks, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/g;
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`
    : `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
}

/** For text that may span lines (a summary): keeps newlines and tabs. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** For one line (a message, a table cell, a TSV field): newlines and tabs are escaped too. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, (char) =>
    char === '\n' ? '\\n' : char === '\t' ? '\\t' : char === '\r' ? '\\r' : escapeChar(char),
  );
}

/**
 * What commander prints (usage errors, help) as it may reach the terminal: an unknown option or
 * argument is echoed as typed, and could carry an escape sequence. Newlines and tabs stay.
 * Wired in cli.ts: `writeErr: (text) => io.err(sanitizeCommanderOutput(text))`, same for writeOut.
 */
export function sanitizeCommanderOutput(text: string): string {
  return safeText(text);
}
