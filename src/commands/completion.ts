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
  const flagsOf = (info: CommandInfo): string[] =>
    Object.entries(info.options ?? {}).flatMap(([key, decl]) => {
      const flags = [flagOf(key), ...(decl.aliases ?? [])];
      for (const flag of flags) {
        // One list per flag across commands (--kind: organisation kinds, then event kinds; the
        // commands come in name order, so the later one's values go first: list before events).
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
      options: flagsOf(c),
      subcommands: c.subcommands?.map((sub) => ({ name: sub.name, options: flagsOf(sub) })),
    })),
    globalOptions: ['--version', '--data', '--format', '--json', '--no-color', '--no-cache', '--help'],
    values,
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
