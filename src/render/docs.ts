import { type CommandInfo, flagOf } from '../command.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function usage(path: string, info: CommandInfo): string {
  const args = Object.entries(info.arguments ?? {}).map(([name, decl]) => {
    const shown = decl.variadic ? `${name}...` : name;
    return decl.optional ? `[${shown}]` : `<${shown}>`;
  });
  const required = Object.entries(info.options ?? {})
    .filter(([, decl]) => decl.required)
    .map(([key, decl]) => `${flagOf(key)} ${decl.value ?? ''}`.trim());
  return [`coop ${path}`, ...args, ...required].join(' ');
}

/** The README's table of commands: one row per command and subcommand, from their declarations. */
export function renderCommandTable(commands: readonly CommandInfo[]): string {
  const rows = commands
    .filter((c) => !c.hidden)
    .flatMap((c) =>
      c.subcommands
        ? c.subcommands.filter((s) => !s.hidden).map((s) => [`${c.name} ${s.name}`, s] as const)
        : [[c.name, c] as const],
    )
    .map(([path, info]) => `| \`${cell(usage(path, info))}\` | ${cell(info.summary)} |`);
  return ['| Command | What it does |', '| --- | --- |', ...rows].join('\n') + '\n';
}
