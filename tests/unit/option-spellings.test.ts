import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { type AnyCommandDecl, flagOf, type GroupDecl, isGroup, type OptionDecls } from '../../src/command.js';
import { REPO } from '../helpers.js';

/** Every command (subcommands too) of src/commands, with its path. */
async function allCommands(): Promise<Array<[string, AnyCommandDecl]>> {
  const found: Array<[string, AnyCommandDecl]> = [];
  const walk = (decl: AnyCommandDecl | GroupDecl, path: string) => {
    if (isGroup(decl)) for (const sub of decl.subcommands) walk(sub, `${path} ${sub.name}`);
    else found.push([path, decl]);
  };
  for (const file of readdirSync(join(REPO, 'src', 'commands')).filter((name) => name.endsWith('.ts'))) {
    const { command } = (await import(`../../src/commands/${file}`)) as { command: AnyCommandDecl | GroupDecl };
    walk(command, command.name);
  }
  return found;
}

it('every option that names a programme takes both --programme and --program', async () => {
  const spellings: string[] = [];
  for (const [path, decl] of await allCommands()) {
    for (const [key, option] of Object.entries((decl.options ?? {}) as OptionDecls)) {
      if (key !== 'programme' && key !== 'program') continue;
      spellings.push(`${path}: ${[flagOf(key), ...(option.aliases ?? [])].sort().join(' ')}`);
    }
  }
  expect(spellings.sort()).toEqual([
    'add event: --program --programme',
    'add funding: --program --programme',
    'events: --program --programme',
    'funding: --program --programme',
  ]);
});
