import { type CommandInfo, defineCommand, flagOf } from '../command.js';
import { UsageError } from '../errors.js';
import { type CompletionSpec, completionScript } from '../render/completion.js';

const SHELLS = ['bash', 'zsh', 'fish'];
// Global options: their values are the same for every command.
const GLOBAL_VALUES: Record<string, readonly string[]> = {
  '--format': ['table', 'tsv', 'json', 'csv', 'ndjson', 'text', 'dot', 'mermaid'],
};

/** What completion needs to know, gathered from every command's declaration. */
function completionSpec(commands: readonly CommandInfo[]): CompletionSpec {
  const values: Record<string, string[]> = Object.fromEntries(
    Object.entries(GLOBAL_VALUES).map(([flag, list]) => [flag, [...list]]),
  );
  const idOptions: Record<string, string> = {};
  const idCommands: Record<string, string> = {};
  const folderOptions = new Set(['--data']);
  const commandValues: Record<string, Record<string, readonly string[]>> = {};
  const flagsOf = (info: CommandInfo, commandKey: string): string[] =>
    Object.entries(info.options ?? {}).flatMap(([key, decl]) => {
      const flags = [flagOf(key), ...(decl.aliases ?? [])];
      for (const flag of flags) {
        if (decl.choices) (commandValues[commandKey] ??= {})[flag] = decl.choices;
        // And one list per flag across commands, for where the command is not known yet (--kind:
        // organisation kinds, then event kinds; the later command's values go first).
        if (decl.choices) values[flag] = [...new Set([...decl.choices, ...(values[flag] ?? [])])];
        if (decl.completes)
          idOptions[flag] = [...new Set([...(idOptions[flag]?.split(',') ?? []), ...decl.completes.split(',')])].join(
            ',',
          );
        if (decl.folder) folderOptions.add(flag);
      }
      return decl.hidden ? [] : [flagOf(key)];
    });
  const idArgument = (info: CommandInfo) => Object.values(info.arguments ?? {}).find((a) => a.completes)?.completes;
  const shown = commands.filter((c) => !c.hidden);
  for (const info of shown) {
    const kind = idArgument(info);
    if (kind) idCommands[info.name] = kind;
    for (const sub of info.subcommands ?? []) {
      const subKind = idArgument(sub);
      if (subKind) idCommands[`${info.name} ${sub.name}`] = subKind;
    }
  }
  return {
    commands: shown.map((c) => ({
      name: c.name,
      options: flagsOf(c, c.name),
      subcommands: c.subcommands?.map((sub) => ({ name: sub.name, options: flagsOf(sub, `${c.name} ${sub.name}`) })),
    })),
    globalOptions: ['--version', '--data', '--format', '--json', '--no-color', '--no-cache', '--help'],
    values,
    commandValues,
    idOptions,
    idCommands,
    folderOptions: [...folderOptions],
  };
}

export const command = defineCommand({
  name: 'completion',
  summary: 'a completion script for bash, zsh or fish: commands, options, values and ids',
  arguments: { shell: { description: 'bash, zsh or fish' } },
  examples: [
    { command: 'source <(coop completion bash)', comment: 'in ~/.bashrc' },
    { command: 'source <(coop completion zsh)', comment: 'in ~/.zshrc' },
    { command: 'coop completion fish > ~/.config/fish/completions/coop.fish' },
  ],
  details: 'Then: coop sh<Tab> gives show; coop show hop<Tab> gives the ids; coop list --kind <Tab> the kinds.',
  async run({ shell }, { io, commands }) {
    if (!SHELLS.includes(shell)) throw new UsageError(`no completion for "${shell}"`, 'use bash, zsh or fish');
    io.out(completionScript(shell, completionSpec(commands)));
    return 0;
  },
});
