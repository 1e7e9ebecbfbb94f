/**
 * What a command module declares about itself. Every file of src/commands/ exports one `command`
 * made by `defineCommand` (or `defineGroup` for a verb with subcommands, such as `add`): its name,
 * summary, arguments, options, help and examples, and its `run`. The program (commander), --help,
 * the shell completion, the build's bundle list and the README's command table are all made from
 * these declarations; no other file lists commands or their options.
 *
 * This module is pure data and types: cli.ts imports it without loading any command's code.
 */
import { UsageError } from './errors.js';
import type { IO } from './io.js';

/** Record types that `coop __ids` can list, for completing an option or argument that takes an id. */
export type IdKind =
  | 'all'
  | 'organisation'
  | 'programme'
  | 'event'
  | 'article'
  | 'funding'
  | 'person'
  | 'agreement'
  | 'organisation,programme';

export interface OptionDecl {
  /** The value's name, as help shows it ("<id>"); absent for a flag such as --dry-run. */
  readonly value?: string;
  readonly description: string;
  readonly required?: boolean;
  readonly default?: string;
  /** The option may be given several times; the run receives every value, in order. */
  readonly repeat?: boolean;
  /** Its closed list of values: shown by completion. The command checks them (with did-you-mean). */
  readonly choices?: readonly string[];
  /** Its value is an id of this kind: completion asks `coop __ids`. */
  readonly completes?: IdKind;
  /** Its value is a folder: completion offers folders. */
  readonly folder?: boolean;
  /** Other spellings accepted for the same option (--program for --programme), hidden from help. */
  readonly aliases?: readonly string[];
  readonly hidden?: boolean;
}

interface ArgumentDecl {
  readonly description: string;
  readonly optional?: boolean;
  /** Takes every remaining word (coop search cite des fleurs). */
  readonly variadic?: boolean;
  readonly completes?: IdKind;
}

export type OptionDecls = Readonly<Record<string, OptionDecl>>;
export type ArgumentDecls = Readonly<Record<string, ArgumentDecl>>;

type OptionValue<D> = D extends { value: string } ? (D extends { repeat: true } ? string[] : string) : boolean;
type ArgumentValue<D> = D extends { variadic: true } ? string[] : string;
type AlwaysThere<D> = D extends { required: true } ? true : D extends { default: string } ? true : false;

/** The options a run receives, typed from their declarations: required ones and those with a default are always there. */
export type OptionValues<O extends OptionDecls> = {
  -readonly [K in keyof O as AlwaysThere<O[K]> extends true ? K : never]: OptionValue<O[K]>;
} & {
  -readonly [K in keyof O as AlwaysThere<O[K]> extends true ? never : K]?: OptionValue<O[K]>;
};
export type ArgumentValues<A extends ArgumentDecls> = {
  -readonly [K in keyof A as A[K] extends { optional: true } ? never : K]: ArgumentValue<A[K]>;
} & {
  -readonly [K in keyof A as A[K] extends { optional: true } ? K : never]?: ArgumentValue<A[K]>;
};

/** The options every command accepts. */
export interface GlobalOptions {
  data?: string;
  format?: string;
  json?: boolean;
  color?: boolean;
  /** false with --no-cache: neither read nor write the cache. */
  cache?: boolean;
  lang?: string;
}

/** An empty --data would resolve to the current folder, and coop new would write there. */
export function rejectEmptyDataOption(options: GlobalOptions): void {
  if (options.data === '') throw new UsageError('--data needs a folder, not an empty value', 'e.g. --data ./data');
}

/** What a run has besides its options: the outside world, and the declarations of every command. */
interface RunContext {
  io: IO;
  /** The data/ folder shipped with coop: the default base. */
  bundledData: string;
  /** Every command's declaration, for the commands that describe the others (completion, docs). */
  commands: readonly CommandInfo[];
}

export interface Example {
  readonly command: string;
  readonly comment?: string;
}

interface Described {
  readonly name: string;
  /** One line, under 80 characters: what `coop --help` lists. */
  readonly summary: string;
  /** Paragraphs shown by --help between the options and the examples. */
  readonly details?: string;
  readonly examples?: readonly Example[];
  readonly hidden?: boolean;
}

export interface CommandDecl<O extends OptionDecls = OptionDecls, A extends ArgumentDecls = ArgumentDecls>
  extends Described {
  readonly arguments?: A;
  readonly options?: O;
  /** Returns the exit code; throws UsageError, NotFoundError or RefusedError for input problems. */
  run(input: OptionValues<O> & ArgumentValues<A> & GlobalOptions, context: RunContext): Promise<number>;
}

export interface GroupDecl extends Described {
  readonly subcommands: readonly AnyCommandDecl[];
}

// biome-ignore lint/suspicious/noExplicitAny: a list of commands holds each with its own option types
export type AnyCommandDecl = CommandDecl<any, any>;

export function defineCommand<
  const O extends OptionDecls = Record<never, never>,
  const A extends ArgumentDecls = Record<never, never>,
>(decl: CommandDecl<O, A>): CommandDecl<O, A> {
  return decl;
}

export function defineGroup(decl: GroupDecl): GroupDecl {
  return decl;
}

export function isGroup(decl: AnyCommandDecl | GroupDecl): decl is GroupDecl {
  return 'subcommands' in decl;
}

/** A declaration without its code (JSON drops the run): what the build stores for --help, completion and docs. */
export interface CommandInfo extends Described {
  readonly arguments?: ArgumentDecls;
  readonly options?: OptionDecls;
  readonly subcommands?: readonly CommandInfo[];
}

/** The kebab-case flag of an option key: memberOf -> --member-of. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** Where the commands come from: built bundles in the binary, source modules in the tests. */
export interface CommandCatalog {
  readonly commands: readonly CommandInfo[];
  /** The declaration with its run, for a top-level command name. */
  load(name: string): Promise<AnyCommandDecl | GroupDecl>;
}

/** The input of a command's run, typed from its option and argument declarations. */
export type CommandInput<O extends OptionDecls, A extends ArgumentDecls = Record<never, never>> = OptionValues<O> &
  ArgumentValues<A> &
  GlobalOptions;
