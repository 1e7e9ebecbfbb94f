/**
 * Shell completion scripts, generated from the command line's own definitions so they never
 * disagree with it. Ids are asked of coop itself (`coop __ids`), through its cache.
 */
export interface CompletionSpec {
  /** Commands; a group (new, add) names its subcommands, each with its own options. */
  commands: Array<{ name: string; options: string[]; subcommands?: Array<{ name: string; options: string[] }> }>;
  globalOptions: string[];
  /** Closed lists of values, by option: all the values the option takes in any command. */
  values: Record<string, readonly string[]>;
  /** The values of an option in one command ("add member" --role: member roles only). */
  commandValues: Record<string, Record<string, readonly string[]>>;
  /** Options whose value is an id, with the record type asked of `coop __ids`. */
  idOptions: Record<string, string>;
  /** Commands whose arguments are ids (show, sources, graph, "add member"), with the record types asked of `coop __ids`. */
  idCommands: Record<string, string>;
  /** Options whose value is a folder. */
  folderOptions: string[];
}

const words = (list: readonly string[]) => list.join(' ');

export function completionScript(shell: string, spec: CompletionSpec): string {
  if (shell === 'fish') return fishScript(spec);
  const bash = bashScript(spec);
  // zsh runs the bash function through its bash compatibility layer.
  return shell === 'zsh'
    ? `#compdef coop\n# coop completion for zsh: source <(coop completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${bash}`
    : bash;
}

function bashScript(spec: CompletionSpec): string {
  const valueCases = Object.entries(spec.values).map(
    ([option, values]) => `    ${option}) COMPREPLY=($(compgen -W "${words(values)}" -- "$cur")); return ;;`,
  );
  const commandValueCases = Object.entries(spec.commandValues).flatMap(([command, options]) =>
    Object.entries(options).map(
      ([option, values]) =>
        `    "${command} ${option}") COMPREPLY=($(compgen -W "${words(values)}" -- "$cur")); return ;;`,
    ),
  );
  // Where another command gives the same flag a list (add role --role is free text, add member's
  // is a list of roles), this command's flag gets none.
  const flatCommands = spec.commands.flatMap((c) => [
    c,
    ...(c.subcommands ?? []).map((sub) => ({ name: `${c.name} ${sub.name}`, options: sub.options })),
  ]);
  const freeTextCases = flatCommands.flatMap((c) =>
    c.options
      .filter((o) => spec.values[o] && !spec.commandValues[c.name]?.[o] && !spec.globalOptions.includes(o))
      .map((o) => `    "${c.name} ${o}") return ;;`),
  );
  // Ids come from the data: never through compgen -W, which expands $(...) in its word list.
  const idCases = Object.entries(spec.idOptions).map(([option, type]) => `    ${option}) _coop_ids ${type}; return ;;`);
  // Subcommands are matched as "group sub": one case per subcommand, quoted.
  const flat = spec.commands.flatMap((c) => [
    c,
    ...(c.subcommands ?? []).map((sub) => ({ name: `${c.name} ${sub.name}`, options: sub.options })),
  ]);
  const optionCases = flat.map((c) => `    "${c.name}") options="${words(c.options)}" ;;`);
  const idCommandCases = Object.entries(spec.idCommands).map(
    ([command, type]) => `    "${command}") if [[ "$cur" != -* ]]; then _coop_ids ${type}; return; fi ;;`,
  );
  const groupCases = spec.commands
    .filter((c) => c.subcommands?.length)
    .map(
      (c) =>
        `    ${c.name}) COMPREPLY=($(compgen -W "${words(c.subcommands!.map((sub) => sub.name))}" -- "$cur")); return ;;`,
    );
  return `# coop completion for bash: source <(coop completion bash), or save it in your bash-completion folder
# A word as typed ("my data", my\\ data, ~/data) as coop will get it; never through eval.
_coop_dequote() {
  local w="$1"
  if [[ \${#w} -ge 2 && ( "$w" == \\'*\\' || "$w" == \\"*\\" ) ]]; then w="\${w:1:\${#w}-2}"
  else w="\${w//\\\\ / }"; fi
  [[ "$w" == "~/"* ]] && w="$HOME/\${w:2}"
  _coop_word="$w"
}
# The ids coop knows that begin with $cur, compared as plain text, each checked to be an id.
_coop_ids() {
  local id
  COMPREPLY=()
  while IFS= read -r id; do
    [[ "$id" =~ ^[a-z0-9]+(-[a-z0-9]+)*$ && "$id" == "$cur"* ]] && COMPREPLY+=("$id")
  done < <(coop __ids "$1" "\${data[@]}" 2>/dev/null)
}
_coop() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" sub="" at=0 i word _coop_word
  local -a data=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      --data)
        # --data=DIR arrives as three words where "=" breaks words (bash's default), else as one.
        [ "\${COMP_WORDS[i+1]}" = "=" ] && i=$((i + 1))
        if ((i + 1 < COMP_CWORD)); then i=$((i + 1)); _coop_dequote "\${COMP_WORDS[i]}"; data=(--data "$_coop_word"); fi ;;
      --data=*) _coop_dequote "\${word#--data=}"; data=(--data "$_coop_word") ;;
      -*) ;;
      *)
        if [ -z "$command" ]; then command="$word"; at=$i
        elif [ -z "$sub" ] && [ $i -eq $((at + 1)) ]; then sub="$word"
        fi ;;
    esac
  done
  # The folder of --data=DIR, "=" being a word of its own.
  if [ "$prev" = "=" ] && [ "\${COMP_WORDS[COMP_CWORD-2]}" = "--data" ]; then COMPREPLY=($(compgen -d -- "$cur")); return; fi
  # The word after a group (coop add <Tab>) is one of its subcommands.
  if [ -n "$command" ] && [ $COMP_CWORD -eq $((at + 1)) ]; then
    case "$command" in
${groupCases.join('\n')}
    esac
  fi
  case "$command" in
${groupCases.map((line) => line.replace(/\).*$/, ') command="$command $sub" ;;')).join('\n')}
  esac
  case "$command $prev" in
${[...commandValueCases, ...freeTextCases].join('\n')}
  esac
  case "$prev" in
${[...valueCases, ...idCases].join('\n')}
    ${spec.folderOptions.join('|')}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac
  if [ -z "$command" ]; then
    COMPREPLY=($(compgen -W "${words(spec.commands.map((c) => c.name))} ${words(spec.globalOptions)}" -- "$cur"))
    return
  fi
  case "$command" in
${idCommandCases.join('\n')}
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
  esac
  local options=""
  case "$command" in
${optionCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$options ${words(spec.globalOptions)}" -- "$cur"))
}
complete -F _coop coop
`;
}

function fishScript(spec: CompletionSpec): string {
  const lines = [
    '# coop completion for fish: coop completion fish > ~/.config/fish/completions/coop.fish',
    'complete -c coop -f',
  ];
  const names = words(spec.commands.map((c) => c.name));
  lines.push(`complete -c coop -n "not __fish_seen_subcommand_from ${names}" -a "${names}"`);
  const flag = (option: string) => `-l ${option.replace(/^--/, '')}`;
  for (const option of spec.globalOptions)
    lines.push(`complete -c coop ${flag(option)}${spec.folderOptions.includes(option) ? ' -r -F' : ''}`);
  const entries = spec.commands.flatMap((command) => {
    const subs = command.subcommands ?? [];
    if (subs.length > 0) {
      const names = words(subs.map((sub) => sub.name));
      lines.push(
        `complete -c coop -n "__fish_seen_subcommand_from ${command.name}; and not __fish_seen_subcommand_from ${names}" -a "${names}"`,
      );
    }
    return [
      { ...command, key: command.name, when: `-n "__fish_seen_subcommand_from ${command.name}"` },
      ...subs.map((sub) => ({
        ...sub,
        key: `${command.name} ${sub.name}`,
        when: `-n "__fish_seen_subcommand_from ${command.name}; and __fish_seen_subcommand_from ${sub.name}"`,
      })),
    ];
  });
  for (const command of entries) {
    const when = command.when;
    for (const option of command.options) {
      const values =
        spec.commandValues[command.key]?.[option] ??
        (spec.globalOptions.includes(option) ? spec.values[option] : undefined);
      const idType = spec.idOptions[option];
      const argument = values
        ? ` -x -a "${words(values)}"`
        : idType
          ? ` -x -a "(coop __ids ${idType} 2>/dev/null)"`
          : spec.folderOptions.includes(option)
            ? ' -r -F'
            : '';
      lines.push(`complete -c coop ${when} ${flag(option)}${argument}`);
    }
    const argumentType = spec.idCommands[command.key];
    if (argumentType) lines.push(`complete -c coop ${when} -a "(coop __ids ${argumentType} 2>/dev/null)"`);
  }
  lines.push('complete -c coop -n "__fish_seen_subcommand_from completion" -a "bash zsh fish"');
  return lines.join('\n') + '\n';
}
