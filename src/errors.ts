/**
 * The errors that end a command with a message instead of a result. In a module of their own, with
 * no dependency: cli.ts maps them to exit codes without loading any command's code.
 *
 * Each command is bundled on its own, so each bundle has its own copy of these classes: `instanceof`
 * checks a brand registered in the global symbol registry rather than the class's identity.
 */
const KIND = Symbol.for('coop.error-kind');

function branded(kind: string) {
  return {
    [Symbol.hasInstance](value: unknown): boolean {
      return typeof value === 'object' && value !== null && (value as { [KIND]?: string })[KIND] === kind;
    },
  };
}

/** A usage problem: the command line asks for something that cannot be (exit 2). */
export class UsageError extends Error {
  static override [Symbol.hasInstance] = branded('usage')[Symbol.hasInstance];
  readonly [KIND] = 'usage';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A record the person asked for does not exist (exit 1), with the closest ids. */
export class NotFoundError extends Error {
  static override [Symbol.hasInstance] = branded('not-found')[Symbol.hasInstance];
  readonly [KIND] = 'not-found';
  constructor(
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

/** The data folder cannot be used at all: a usage problem (exit 2), not a data problem. */
export class DataFolderError extends Error {
  static override [Symbol.hasInstance] = branded('data-folder')[Symbol.hasInstance];
  readonly [KIND] = 'data-folder';
}

/**
 * The cache of validated records turned out damaged after a command began (a table is parsed only
 * when first used). It has been removed; the command runs again from the data files.
 */
export class CacheDamagedError extends Error {
  static override [Symbol.hasInstance] = branded('cache-damaged')[Symbol.hasInstance];
  readonly [KIND] = 'cache-damaged';
}

/**
 * A change to the data that coop will not make (exit 1): the record exists already, or the result
 * would not validate. Nothing has been written.
 */
export class RefusedError extends Error {
  static override [Symbol.hasInstance] = branded('refused')[Symbol.hasInstance];
  readonly [KIND] = 'refused';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
