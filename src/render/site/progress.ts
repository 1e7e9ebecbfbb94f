/**
 * The progress bar `coop site` draws on stderr while it writes a large site: one line redrawn in
 * place ("\r", then erased to its end), e.g. "coop site: pages [##########----------] 5000/10000".
 */
export function progressLine(step: string, done: number, total: number, columns: number): string {
  const counter = `${done}/${total}`;
  const prefix = `coop site: ${step} `;
  const width = Math.max(10, Math.min(40, columns - prefix.length - counter.length - 4));
  const filled = total <= 0 ? width : Math.min(width, Math.floor((done / total) * width));
  return `\r${prefix}[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counter}\x1b[K`;
}

/** Erases the bar's line, so that what coop says next starts on a clean line. */
export const PROGRESS_CLEAR = '\r\x1b[K';
