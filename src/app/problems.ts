import { edtfProblem } from '../core/dates.js';
import { EXPECTED } from '../core/rules.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { safeLine } from '../render/sanitize.js';

/**
 * The bad values of one command line, gathered so that all are reported at once (a bad amount and
 * a bad date: both), not only the first. `check` runs one check and keeps its UsageError; `done`
 * prints every one but the last, and throws the last, which cli.ts prints the same way (exit 2).
 */
export class Problems {
  private readonly found: UsageError[] = [];

  check<T>(checker: () => T): T | undefined {
    try {
      return checker();
    } catch (error) {
      if (error instanceof UsageError) {
        this.found.push(error);
        return undefined;
      }
      throw error;
    }
  }

  /** An EDTF date given with `option`, when given. */
  date(value: string | undefined, option: string): void {
    if (value === undefined) return;
    this.check(() => {
      const problem = edtfProblem(value.trim());
      if (problem !== undefined) throw new UsageError(`${option}: ${problem}`, `write ${EXPECTED.date}`);
    });
  }

  done(io: IO): void {
    const last = this.found[this.found.length - 1];
    if (last === undefined) return;
    for (const error of this.found.slice(0, -1))
      io.err(`coop: ${safeLine(error.message)}\n${error.hint ? `  hint: ${safeLine(error.hint)}\n` : ''}`);
    throw last;
  }
}
